"""A link pasted into a chat or found by a search engine shows the page's
own title and summary: per-page descriptions, Open Graph tags, canonical
links and a complete sitemap (the demo sets site_url)."""

from __future__ import annotations

import re
from urllib.parse import unquote

from bs4 import BeautifulSoup
from conftest import REPO


def _meta(soup: BeautifulSoup) -> dict[str, str]:
    found = {m["property"]: m["content"] for m in soup.select("meta[property]")}
    found["description"] = soup.select_one('meta[name="description"]')["content"]
    return found


def test_an_entry_page_describes_itself(demo_build):
    [source] = sorted(REPO.glob("lessons/**/feelings-weather-report.md"))
    summary = re.search(r"^summary: (.+)$", source.read_text(encoding="utf-8"), re.M)[1].strip()
    page = BeautifulSoup(demo_build.html("lessons/feelings-weather-report/index.html"), "html.parser")
    meta = _meta(page)
    assert meta["description"] == meta["og:description"] == summary.strip("\"'")
    assert meta["og:title"] == "情绪天气预报" and meta["og:type"] == "article"
    assert meta["og:url"] == "https://xinyu.example.cn/lessons/feelings-weather-report/"
    assert page.select_one('link[rel="canonical"]')["href"] == meta["og:url"]
    assert meta["og:image"] == "https://xinyu.example.cn/assets/xinyu/share.png"
    assert (demo_build.site / "assets" / "xinyu" / "share.png").read_bytes().startswith(b"\x89PNG")


def test_index_pages_have_the_site_description_and_are_websites(demo_build):
    meta = _meta(BeautifulSoup(demo_build.html("lessons/index.html"), "html.parser"))
    assert meta["og:type"] == "website"
    assert meta["description"].startswith("区域中小学心理健康教育课程资源库")


def test_the_sitemap_lists_every_page(demo_build):
    sitemap = (demo_build.site / "sitemap.xml").read_text(encoding="utf-8")
    listed = {unquote(loc) for loc in re.findall(r"<loc>https://xinyu\.example\.cn/([^<]*)</loc>", sitemap)}
    for kind in ("lessons", "cases", "courses"):
        pages = {p.parent.relative_to(demo_build.site).as_posix() + "/"
                 for p in (demo_build.site / kind).glob("*/index.html")}
        assert pages and pages <= listed, (kind, sorted(pages - listed)[:5])


def test_a_summary_with_markup_is_escaped_once(library):
    library.fill_coverage()
    library.lesson("g1/odd.md", title="引号与尖括号", summary='用 "引号" 和 <b>尖括号</b> & 符号')
    build = library.build()
    assert build.returncode == 0, build.output
    html = build.html("lessons/odd/index.html")
    meta = _meta(BeautifulSoup(html, "html.parser"))
    # markup is dropped from a description (it is plain text), quotes and & kept
    assert meta["description"] == meta["og:description"] == '用 "引号" 和 尖括号 & 符号'
    assert "&amp;lt;" not in html and "<b>尖括号" not in html.split("</head>")[0]


def test_wechat_and_qq_read_microdata_and_the_first_image(demo_build):
    """In-app browsers without Open Graph: schema.org name, description and
    image; WeChat also takes the page's first large image, so the share
    image is the body's first image, hidden, from this site."""
    for path, depth in (("lessons/feelings-weather-report/index.html", 2), ("index.html", 0),
                        ("courses/index.html", 1)):
        page = BeautifulSoup(demo_build.html(path), "html.parser")
        meta = _meta(page)
        microdata = {m["itemprop"]: m["content"] for m in page.select("head meta[itemprop]")}
        assert microdata == {"name": meta["og:title"], "description": meta["og:description"],
                             "image": meta["og:image"]}, path
        first = page.body.find("img")
        assert first["src"] == "../" * depth + "assets/xinyu/share.png", path
        assert first.has_attr("hidden") and first["alt"] == "", path
        assert (int(first["width"]), int(first["height"])) == (1200, 630)


def test_the_share_image_takes_no_room(browser, demo_url):
    page = browser.new_page(viewport={"width": 375, "height": 800})
    page.goto(f"{demo_url}/lessons/feelings-weather-report/")
    image = page.locator("img.xinyu-share-image")
    assert image.evaluate("img => getComputedStyle(img).display") == "none"
    assert image.evaluate("img => img.complete && img.naturalWidth") == 1200  # loaded, for WeChat
    page.close()
