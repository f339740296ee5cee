"""The offline copy (issue 10, item 8): the demo's published site carries a
zip of itself that works opened from disk (file://), search included."""

from __future__ import annotations

import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import search
from playwright.sync_api import expect

from xinyu.core.offline import FOLDER, HOW_TO, LEFT_OUT, ZIP, pack, write_index_script
from xinyu.search import FOLDER as SEARCH_FOLDER
from xinyu.search.index import read_index


@pytest.fixture(scope="module")
def offline_root(demo_build, tmp_path_factory) -> Path:
    """The demo's offline zip, unpacked as a school would."""
    target = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(demo_build.site / ZIP) as archive:
        archive.extractall(target)
    return target / FOLDER


def relative_targets(page: Path, root: Path):
    """(attribute value, file it names) for every relative href and src."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    for tag in soup.find_all(["a", "link", "script", "img", "source", "iframe"]):
        for attribute in ("href", "src"):
            value = tag.get(attribute)
            parts = urlsplit(value or "")
            if not value or parts.scheme or value.startswith("//") or not parts.path:
                continue
            yield value, (page.parent / unquote(parts.path)).resolve()


def test_every_page_links_the_zip_in_its_footer(demo_build):
    pages = sorted(demo_build.site.rglob("*.html"))
    assert len(pages) > 100
    for page in pages:
        if page.name == "404.html" or page.parent.name == "print":
            continue  # 404: rooted at / (any depth); a print sheet has no site footer
        links = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select(
            ".xinyu-footer a[download]")
        assert [a.get_text() for a in links] == ["下载离线版"], page
        assert (page.parent / links[0]["href"]).resolve() == (demo_build.site / ZIP).resolve()


def test_the_zip_holds_one_folder_with_every_page_of_the_site(demo_build, offline_root):
    with zipfile.ZipFile(demo_build.site / ZIP) as archive:
        names = archive.namelist()
        assert archive.testzip() is None
    assert {name.split("/")[0] for name in names} == {FOLDER}
    assert (offline_root / "index.html").is_file()
    how_to = (offline_root / HOW_TO).read_text(encoding="utf-8")
    assert "index.html" in how_to and "解压" in how_to
    assert not any((offline_root / name).exists() for name in LEFT_OUT)
    assert not (offline_root / "downloads").exists()  # no copy inside the copy
    # every page published on the web is in the copy, as a file URL
    def pages(root: Path, left_out=frozenset()) -> set[str]:
        """a/index.html (web) and a.html (disk) are the same page a."""
        names = {p.relative_to(root).as_posix() for p in root.rglob("*.html")} - left_out
        return {name.removesuffix(".html").removesuffix("/index") for name in names}

    assert pages(offline_root) == pages(demo_build.site, LEFT_OUT)
    assert len(pages(offline_root)) > 100


def test_every_relative_link_in_the_copy_names_a_file(offline_root):
    """From disk a link to a folder opens a file listing, not the page."""
    checked, broken = 0, []
    for page in offline_root.rglob("*.html"):
        for value, target in relative_targets(page, offline_root):
            checked += 1
            if not target.is_file() or not target.is_relative_to(offline_root):
                broken.append((page.relative_to(offline_root).as_posix(), value))
    assert checked > 1000
    assert broken == []


def test_the_copy_loads_its_search_index_as_a_script(offline_root):
    script = (offline_root / "search" / "search_index.js").read_text(encoding="utf-8")
    data = (offline_root / "search" / "search_index.json").read_text(encoding="utf-8")
    assert script == "var __index = " + data
    # every index file beside its script twin, the JSON kept verbatim
    files = sorted((offline_root / "search" / SEARCH_FOLDER).glob("*.json"))
    assert len(files) > 10
    for path in files:
        twin = path.with_suffix(".js").read_text(encoding="utf-8")
        assert twin == f'xinyuData("{path.stem}",' + path.read_text(encoding="utf-8") + ");"
    index = read_index(offline_root / "search")
    for url, _, _, anchors, _, _ in index.pages:
        path = urlsplit(url).path
        assert path.endswith(".html") or path == "", url
        assert (offline_root / unquote(path or "index.html")).is_file(), url
        assert all(anchor.startswith("#") for anchor in anchors), url
    # the online index keeps directory URLs
    assert not write_index_script(offline_root / "no-such-site")


def test_the_online_site_is_unchanged_by_the_copy(demo_build):
    assert not (demo_build.site / "search" / "search_index.js").exists()
    assert not (demo_build.site / "assets" / "xinyu" / "iframe-worker.js").exists()
    assert (demo_build.site / "lessons" / "index.html").is_file()
    assert "iframe-worker" not in demo_build.html("index.html")


def test_pack_is_reproducible_and_skips_links(tmp_path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text("<p>首页</p>", encoding="utf-8")
    (site / "a" / "b.html").write_text("<p>乙</p>", encoding="utf-8")
    (site / "sitemap.xml").write_text("<urlset/>", encoding="utf-8")
    (site / "link.html").symlink_to(tmp_path / "outside.html")
    (tmp_path / "outside.html").write_text("secret", encoding="utf-8")
    first, second = tmp_path / "1.zip", tmp_path / "2.zip"
    assert pack(site, first)[0] == 3  # and the how-to
    (site / "index.html").touch()  # a later build: new times, same bytes
    pack(site, second)
    assert first.read_bytes() == second.read_bytes()
    assert sorted(zipfile.ZipFile(first).namelist()) == [
        f"{FOLDER}/a/b.html", f"{FOLDER}/index.html", f"{FOLDER}/{HOW_TO}"]


@pytest.fixture
def disk_page(browser):
    """A browser tab that records every request leaving the disk and every script error."""
    context = browser.new_context()
    page = context.new_page()
    page.off_disk = []
    page.errors = []
    page.on("request", lambda request: None if request.url.startswith("file:")
            else page.off_disk.append(request.url))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


@pytest.mark.parametrize("start", ["index.html", "lessons/index.html", "courses/index.html"])
def test_search_works_from_disk_without_the_network(disk_page, offline_root, start):
    page = disk_page
    page.goto((offline_root / start).as_uri())
    found = search(page, "考试焦虑")
    lessons = [unquote(p) for p in found if "/lessons/" in p and not p.endswith("/lessons/index.html")]
    assert lessons, found
    assert all(Path(unquote(p.split("#")[0])).is_file() for p in found), found
    # a result opens its page from disk
    page.locator(".md-search-result__item > a").first.click()
    page.wait_for_load_state()
    opened = urlsplit(page.url)
    assert opened.scheme == "file" and Path(unquote(opened.path)).is_file()
    assert page.locator("h1").first.inner_text()
    # a query the library cannot answer finds nothing
    assert search(page, "鼋鼍蛟螭") == []  # no page has any of these characters
    assert page.errors == []
    assert page.off_disk == []


def test_filters_and_the_order_form_work_from_disk(disk_page, offline_root):
    page = disk_page
    page.goto((offline_root / "lessons" / "index.html").as_uri())
    expect(page.locator("form.xinyu-facets")).to_be_visible()
    rows = page.locator("#xinyu-lesson-list tr:visible td:first-child a")
    everything = rows.count()
    page.select_option("select[name=grade]", "3")
    assert 0 < rows.count() < everything
    page.goto((offline_root / "courses" / "index.html").as_uri())
    page.locator("article.xinyu-card-item").first.get_by_role("button", name="加入点单").click()
    assert "已选1门" in "".join(page.locator(".xinyu-order-bar").inner_text().split())
    assert page.errors == []
    assert page.off_disk == []
