"""最近更新 and the Atom feed (feed.xml): every published lesson, case and
course by its last-change date, newest first; every page links the feed."""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from datetime import date, datetime
from urllib.parse import unquote

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import REPO, Build, Library
from xinyu.core.library import load_library

A = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")
CASE_BODY = "## 案例背景\n\n背景。\n\n## 问题分析\n\n分析。\n\n## 指导过程\n\n过程。\n\n## 效果与反思\n\n反思。\n"


def feed_of(build: Build) -> ET.Element:
    root = ET.fromstring((build.site / "feed.xml").read_bytes())
    assert root.tag == f"{A}feed"
    return root


def stamp(value: str) -> datetime:
    assert RFC3339.fullmatch(value), value
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def soup(build: Build, path: str) -> BeautifulSoup:
    return BeautifulSoup(build.html(path), "html.parser")


def touch(path, day: date) -> None:
    moment = datetime(day.year, day.month, day.day, 12).timestamp()
    os.utime(path, (moment, moment))


def write_case(library: Library, name: str, **fields) -> object:
    fields = {"title": "案例", "school": "青山湖区第一小学", "grades": [5], "themes": ["亲子沟通"],
              "consent": True, "summary": "一段摘要。", **fields}
    front = "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in fields.items())
    path = library.root / "case_studies" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front}submitted: 2024-06-01\n---\n{CASE_BODY}", encoding="utf-8")
    return path


def small_library(root, site_url: str | None = None) -> Library:
    library = Library(root, {"coverage_check": "off", "periods_check": "off"})
    if site_url:
        path = root / "mkdocs.yml"
        config = yaml.safe_load(path.read_text(encoding="utf-8"))
        config["site_url"] = site_url
        path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    touch(library.lesson("g1/old.md", title="十月的课", summary="十月写的课。"), date(2026, 10, 5))
    touch(library.lesson("g2/new.md", title="十一月的课", grades=[2], summary="十一月改过的课。"),
          date(2026, 11, 20))
    touch(library.lesson("g3/draft.md", title="未完成的草稿课", grades=[3], status="draft"),
          date(2026, 11, 21))
    touch(write_case(library, "2026/c.md", title="九月的案例", summary="一个九月的案例。"),
          date(2026, 9, 1))
    return library


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Build:
    library = small_library(tmp_path_factory.mktemp("feed") / "repo")
    build = library.build()
    assert build.returncode == 0, build.output
    return build


# -- the demo -----------------------------------------------------------------

SITE_URL = re.search(r"^site_url: (\S+)", (REPO / "mkdocs.yml").read_text(encoding="utf-8"),
                     re.M)[1]

def test_demo_feed_is_atom_with_the_required_elements(demo_build):
    feed = feed_of(demo_build)
    assert feed.findtext(f"{A}id").startswith("tag:")
    assert feed.findtext(f"{A}title") == "心育课程库 最近更新"
    stamp(feed.findtext(f"{A}updated"))
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{A}link")}
    assert links["self"] == f"{SITE_URL}feed.xml" and links["alternate"] == SITE_URL  # absolute
    assert feed.find(f"{A}author/{A}name").text == "心育课程库"
    entries = feed.findall(f"{A}entry")
    assert len(entries) == 50  # the newest 50 of 85
    for entry in entries:
        assert re.fullmatch(r"tag:xinyu\.example\.cn,\d{4}:(lesson|case|course)/[\w%-]+",
                            entry.findtext(f"{A}id"))  # the host of the demo's site_url
        assert entry.findtext(f"{A}title")
        stamp(entry.findtext(f"{A}updated"))
        link = entry.find(f"{A}link")
        assert link.get("rel") == "alternate"
        assert link.get("href").startswith(SITE_URL)
        assert (demo_build.site / unquote(link.get("href")[len(SITE_URL):]) / "index.html").is_file()
        assert entry.findtext(f"{A}summary")
        assert entry.find(f"{A}category").get("term") in ("教案", "家庭教育案例", "点单课程")
    ids = [e.findtext(f"{A}id") for e in entries]
    assert len(set(ids)) == len(ids)
    days = [stamp(e.findtext(f"{A}updated")) for e in entries]
    assert days == sorted(days, reverse=True)
    assert stamp(feed.findtext(f"{A}updated")) == days[0]


def test_demo_updates_page_lists_every_kind_by_month(demo_build):
    page = soup(demo_build, "updates/index.html")
    article = page.select_one("article")
    assert article.h1.get_text(strip=True).startswith("最近更新")
    months = [h.get_text(strip=True).rstrip("¶") for h in article.select("h2")]
    assert months and all(re.fullmatch(r"\d{4}年\d{1,2}月", m) for m in months)
    keys = [tuple(int(n) for n in re.findall(r"\d+", m)) for m in months]
    assert keys == sorted(keys, reverse=True)
    lines = [li.get_text(" ", strip=True) for li in article.select("li")]
    library = load_library(REPO, {})
    assert len(lines) == sum(len(r.published) for r in library.kinds)  # every published entry
    for label in ("教案", "家庭教育案例", "点单课程", "培训模块"):
        assert any(line.startswith(f"{label} ·") for line in lines), label
    days = [t["datetime"] for t in article.select("li time")]
    assert days == sorted(days, reverse=True)
    assert article.select_one('a[href="../feed.xml"]')
    nav = [a.get_text(strip=True) for a in page.select("nav.md-nav--primary > ul > li > a")]
    assert "最近更新" in nav


def test_every_demo_page_links_the_feed(demo_build):
    pages = sorted(demo_build.site.rglob("*.html"))
    assert len(pages) > 100
    for path in pages:
        head = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").head
        link = head.find("link", rel="alternate", type="application/atom+xml")
        assert link is not None, path
        assert link["title"] == "心育课程库 最近更新"
        if path.name == "404.html":
            continue  # served at any depth
        href = link["href"]  # relative: Material fetches a sitemap beside it, on this host
        target = (path.parent / unquote(href)).resolve()
        assert target == (demo_build.site / "feed.xml").resolve(), path


# -- a small library ----------------------------------------------------------

def test_small_feed_newest_first_without_drafts(small):
    entries = feed_of(small).findall(f"{A}entry")
    assert [e.findtext(f"{A}title") for e in entries] == ["十一月的课", "十月的课", "九月的案例"]
    assert [e.findtext(f"{A}updated") for e in entries] == [
        "2026-11-20T00:00:00Z", "2026-10-05T00:00:00Z", "2026-09-01T00:00:00Z"]
    assert [e.findtext(f"{A}id") for e in entries] == [
        "tag:xinyu,2026:lesson/new", "tag:xinyu,2026:lesson/old", "tag:xinyu,2026:case/c"]
    assert [e.find(f"{A}category").get("term") for e in entries] == ["教案", "教案", "家庭教育案例"]
    assert entries[0].findtext(f"{A}summary") == "十一月改过的课。"
    assert "草稿" not in (small.site / "feed.xml").read_text(encoding="utf-8")


def test_small_updates_page_groups_by_month(small):
    article = soup(small, "updates/index.html").select_one("article")
    assert [h.get_text(strip=True).rstrip("¶") for h in article.select("h2")] == [
        "2026年11月", "2026年10月", "2026年9月"]
    assert [a.get_text() for a in article.select("li a")] == ["十一月的课", "十月的课", "九月的案例"]
    assert "草稿" not in article.get_text()
    assert article.select_one("li time")["datetime"] == "2026-11-20"


def test_ids_are_stable_and_links_absolute_with_site_url(tmp_path, small):
    library = small_library(tmp_path / "repo", site_url="https://xinli.example.cn/kc/")
    first, second = library.build(), library.build()
    assert first.returncode == 0 and second.returncode == 0, second.output
    feeds = [feed_of(b) for b in (first, second)]
    ids = [[e.findtext(f"{A}id") for e in f.findall(f"{A}entry")] for f in feeds]
    assert ids[0] == ids[1] == ["tag:xinli.example.cn,2026:lesson/new",
                                "tag:xinli.example.cn,2026:lesson/old",
                                "tag:xinli.example.cn,2026:case/c"]
    feed = feeds[1]
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{A}link")}
    assert links == {"self": "https://xinli.example.cn/kc/feed.xml",
                     "alternate": "https://xinli.example.cn/kc/"}
    assert feed.find(f"{A}entry/{A}link").get("href") == "https://xinli.example.cn/kc/lessons/new/"
    head = BeautifulSoup(second.html("lessons/new/index.html"), "html.parser").head
    assert head.find("link", type="application/atom+xml")["href"] == "../../feed.xml"


def test_a_title_ending_in_digits_is_not_read_with_the_date_as_a_phone_number(tmp_path):
    """Found by benchmarks/run.py: "（136） · 2026-12-03" read to the output
    gate as 136 2026 1203, a mobile number, and nothing was published."""
    library = Library(tmp_path / "repo", {"coverage_check": "off", "periods_check": "off"})
    touch(library.lesson("g1/a.md", title="情绪小怪兽（136）", summary="认识情绪。"), date(2026, 12, 3))
    build = library.build()
    assert build.returncode == 0, build.output
    item = soup(build, "updates/index.html").select_one("article li")
    assert item.a.get_text() == "情绪小怪兽（136）" and item.time["datetime"] == "2026-12-03"
    assert "更新于" in item.get_text()
