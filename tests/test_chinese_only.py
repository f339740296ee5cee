"""Everything a visitor reads is Chinese (issue 10): on every page of the built
demo, the visible text and the title / aria-label / alt / placeholder
attributes have no Latin word outside a short allowlist.

Not read as prose, so not checked: <script>, <style>, code (<code>, <pre>,
<kbd>, <samp>; e.g. a course's 课程编号), anything marked translate="no",
e-mail and web addresses."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, CData, Comment, Declaration, Doctype, ProcessingInstruction

LATIN = re.compile(r"[A-Za-z]{2,}")
ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?://[^\s，。；）]+")
NOT_PROSE = {"script", "style", "code", "pre", "kbd", "samp"}
NOT_TEXT = (Comment, Doctype, Declaration, ProcessingInstruction, CData)
ATTRIBUTES = ("title", "aria-label", "alt", "placeholder")

# Anywhere: what Chinese writing itself uses. UI strings never go here: fix the
# template or the plugin instead.
ALLOWED = {
    "PDF", "PPT", "Word", "Excel", "QQ", "Atom", "CSV",  # formats and programs, as teachers name them
    "KB", "MB",  # file sizes in the 下载 box, as every Chinese download page writes them
    "ICP",  # 备案号, e.g. 赣ICP备12345678号 in the footer
    # Written by the demo's authors: names of methods taught in the lessons.
    "ABC",  # 情绪ABC理论
    "SCAMPER",  # SCAMPER改造法
    "SMART",  # SMART原则
}

# The editors' guide (guide/index.html) documents the files, tools and
# front-matter keys editors type, and quotes the checker's messages verbatim.
GUIDE_ALLOWED = {
    # tools and formats
    "Git", "Pull", "Request", "Markdown", "HTML", "YAML", "UTF", "Tab", "NUL", "SVG",
    "OpenDocument", "MB", "KiB", "MiB", "xinyu", "mkdocs", "yml", "md", "pdf", "https",
    # commands and comments: xinyu check, xinyu new, <!-- xinyu-allow: phone … -->
    "check", "new", "allow", "phone",
    # front-matter keys and values named in the field descriptions and messages
    "status", "published", "draft", "open", "paused", "consent", "true", "grades", "code",
    "type", "day", "month",  # lesson types; activity keys such as day-0525, month-05
    "emotion", "representative", "innovative", "practical",
    "parents", "families", "students", "teachers", "lecture", "workshop", "online", "group",
    # file names, paths and examples in the messages
    "lessons", "collections", "content", "lecturers", "plugins", "index", "worksheet",
    "wang", "fang",
    # course numbers in the field description: JZ-07, and KC-… derived from the file name
    "JZ", "KC",
    # 微信号的写法（隐私检查的说明）
    "vx",
}


def _hidden(element) -> bool:
    return any(parent.name in NOT_PROSE or parent.get("translate") == "no"
               for parent in [element, *element.parents] if parent.name != "[document]")


def reader_texts(html: str) -> list[str]:
    """The text a visitor reads: visible text and the attributes shown as text."""
    soup = BeautifulSoup(html, "html.parser")
    texts = [str(text) for text in soup.find_all(string=True)
             if not isinstance(text, NOT_TEXT) and not _hidden(text.parent)]
    texts += [element[name] for element in soup.find_all(True) if not _hidden(element)
              for name in ATTRIBUTES if isinstance(element.get(name), str)]
    return texts


def latin_words(texts: list[str]) -> set[str]:
    return {word for text in texts for word in LATIN.findall(ADDRESS.sub(" ", text))}


def test_every_page_reads_in_chinese(demo_build):
    offending = {}
    pages = sorted(demo_build.site.rglob("*.html"))
    assert len(pages) > 50
    for path in pages:
        relative = path.relative_to(demo_build.site).as_posix()
        allowed = ALLOWED | (GUIDE_ALLOWED if relative == "guide/index.html" else set())
        if words := latin_words(reader_texts(path.read_text(encoding="utf-8"))) - allowed:
            offending[relative] = sorted(words)
    assert not offending, "Latin words a visitor reads:\n" + "\n".join(
        f"  {page}: {' '.join(words)}" for page, words in sorted(offending.items()))


def test_not_found_page_is_chinese_and_links_to_the_indexes(demo_build):
    soup = BeautifulSoup(demo_build.html("404.html"), "html.parser")
    assert soup.title.get_text(strip=True) == "页面不存在 - 心育课程库"
    assert soup.h1.get_text(strip=True) == "页面不存在"
    links = {a.get_text(strip=True): a["href"] for a in soup.select("article a[href], .md-content a[href]")}
    # Absolute: the server shows this page at whatever address was not found.
    assert links["教案库"] == "/lessons/"
    assert links["家庭教育案例"] == "/cases/"
    assert links["点单课程"] == "/courses/"
    assert links["首页"] == "/"
    assert "搜索" in soup.select_one(".md-content").get_text()
    for page in ("lessons/index.html", "cases/index.html", "courses/index.html"):
        assert (demo_build.site / page).is_file()


def test_headings_and_print_titles_are_chinese(demo_build):
    soup = BeautifulSoup(demo_build.html("guide/index.html"), "html.parser")
    permalinks = soup.select("a.headerlink")
    assert permalinks and {a["title"] for a in permalinks} == {"本节链接"}
    printed = BeautifulSoup(demo_build.html("collections/2024/print/index.html"), "html.parser")
    assert printed.title.get_text() == "《青山湖区中小学心理健康教育课例集（2024）》打印版 - 心育课程库"


def test_the_checker_itself_finds_english():
    html = ('<html><head><title>Print - 心育</title></head><body><p>页面 Not found</p>'
            '<a title="Permanent link">¶</a><code>emotion</code><td translate="no">say-no</td>'
            '<p>邮箱 jtjy@xinli.example.cn</p></body></html>')
    assert latin_words(reader_texts(html)) == {"Print", "Not", "found", "Permanent", "link"}
