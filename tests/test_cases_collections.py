"""Family-education case studies, lesson-case collections and their
printable view, and unsafe HTML in contributed Markdown."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from conftest import Library, card_rows, dedent, serve
from playwright.sync_api import expect

CASE_BODY = "## 案例背景\n\n背景。\n\n## 问题分析\n\n分析。\n\n## 指导过程\n\n过程。\n\n## 效果与反思\n\n反思。\n"


def write_case(library: Library, name: str, **fields) -> None:
    import json

    fields = {"title": "案例", "school": "青山湖区第一小学", "submitted": "2024-06-01", "grades": [5],
              "themes": ["亲子沟通"], "consent": True, "summary": "一段摘要。", **fields}
    front = "".join(f"{k}: {v if k == 'submitted' else json.dumps(v, ensure_ascii=False)}\n"
                    for k, v in fields.items())
    path = library.root / "case_studies" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front}---\n{CASE_BODY}", encoding="utf-8")


def soup(build, path: str) -> BeautifulSoup:
    return BeautifulSoup(build.html(path), "html.parser")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    library = Library(tmp_path_factory.mktemp("cases") / "repo")
    library.fill_coverage()
    write_case(library, "2024/a.md", title="三等奖案例", award="三等奖", submitted="2024-05-01",
               themes=["手机使用"], grades=[5],
               scores={"representative": 3, "innovative": 3, "practical": 4})
    write_case(library, "2024/b.md", title="一等奖案例", award="一等奖", submitted="2023-03-01",
               themes=["亲子沟通", "青春期"], grades=[8], topic="relationships",
               scores={"representative": 5, "innovative": 4, "practical": 5})
    write_case(library, "2024/c.md", title="优秀案例", award="优秀", submitted="2024-09-01", grades=[11])
    write_case(library, "2024/d.md", title="未评奖案例", submitted="2024-10-01", grades=[2])
    write_case(library, "2024/e.md", title="未同意案例", consent=False)
    (library.root / "lessons" / "collections.yml").write_text(dedent("""
        "2024":
          title: 课例集（2024）
          editor: 区心理健康教育辅导中心
        """), encoding="utf-8")
    for name, grade, month in [("s1", 9, "2024-10"), ("s2", 1, "2024-03"), ("s3", 5, "2024-05"),
                               ("s4", 11, "2024-11"), ("s5", 3, "2024-04"), ("s6", 7, "2024-09")]:
        library.lesson(f"showcase/{name}.md", title=f"课例{month}", grades=[grade], topic="study",
                       author=f"{name}老师", school="某校",
                       showcase={"collection": "2024", "month": month, "award": "一等奖"},
                       body="## 教学目标\n\n目标。\n\n## 教学过程\n\n### 环节一\n\n过程。\n")
    build = library.build()
    return library, build


def test_case_without_consent_is_never_published_and_is_reported(site):
    library, build = site
    assert build.returncode == 1  # the case without consent is an error
    assert "case_studies/2024/e.md:7: [XY-F018] 监护人同意（consent）是 false：只有监护人书面同意" \
           "已存档（consent: true）的案例才能发布" in build.output
    assert "家庭教育案例（case）：找到 5 个，发布 4 个，草稿 0 个，被拒 1 个" in build.output


@pytest.fixture(scope="module")
def built(site):
    library, _ = site
    (library.root / "case_studies" / "2024" / "e.md").unlink()
    build = library.build()
    assert build.returncode == 0, build.output
    return build


def test_case_page_has_a_metadata_card(built):
    page = soup(built, "cases/b/index.html")
    rows = card_rows(page, " ")
    assert rows["学校"] == "青山湖区第一小学"
    assert rows["提交日期"] == "2023-03-01"
    assert rows["孩子年级"] == "八年级"
    assert rows["案例主题"] == "亲子沟通、青春期"
    assert rows["所属领域"] == "人际交往"
    assert rows["评选结果"] == "一等奖"
    assert rows["评审得分"] == "代表性 5/5，创新性 4/5，实用性 5/5（合计 14/15）"
    assert page.select_one(".xinyu-badge--first").get_text() == "一等奖"


def test_case_index_features_excellent_cases_first(built):
    page = soup(built, "cases/index.html")
    titles = [a.get_text() for a in page.select("#xinyu-case-list .xinyu-item__title a")]
    assert titles == ["一等奖案例", "优秀案例", "三等奖案例", "未评奖案例"]
    featured = [a.get_text() for a in page.select(".xinyu-item--featured .xinyu-item__title a")]
    assert featured == ["一等奖案例", "优秀案例"]
    form = page.select_one("form.xinyu-facets")
    assert form.has_attr("hidden")  # shown by the script; without it, the plain list
    options = {s["name"]: [o.get_text() for o in s.select("option")] for s in form.select("select")}
    assert options["award"] == ["全部", "一等奖", "三等奖", "优秀", "未评奖"]
    assert options["year"] == ["全部", "2024年", "2023年"]
    assert options["theme"] == ["全部", "亲子沟通", "手机使用", "青春期"]


def test_case_index_filters_in_the_browser(built, browser):
    page = browser.new_page()
    with serve(built.site) as base:
        page.goto(f"{base}/cases/")
        expect(page.locator("form.xinyu-facets")).to_be_visible()
        page.select_option("select[name=theme]", "亲子沟通")
        visible = page.locator("#xinyu-case-list .xinyu-item:visible .xinyu-item__title")
        assert visible.all_inner_texts() == ["一等奖案例", "优秀案例", "未评奖案例"]
        assert "theme=%E4%BA%B2%E5%AD%90%E6%B2%9F%E9%80%9A" in page.url
        page.select_option("select[name=sort]", "-date")
        assert visible.all_inner_texts() == ["未评奖案例", "优秀案例", "一等奖案例"]
        page.goto(f"{base}/cases/?year=2023")
        expect(page.locator("form.xinyu-facets")).to_be_visible()
        assert visible.all_inner_texts() == ["一等奖案例"]
        assert page.locator(".xinyu-facets__count").inner_text() == "共 1 项"
    page.close()


def test_collection_page_orders_lessons_by_showcase_month(built):
    page = soup(built, "collections/2024/index.html")
    rows = page.select("table.xinyu-collection tbody tr")
    assert [r.find_all("td")[0].get_text() for r in rows] == [
        "2024年3月", "2024年4月", "2024年5月", "2024年9月", "2024年10月", "2024年11月"]
    first = [td.get_text(" ", strip=True) for td in rows[0].find_all("td")]
    assert first == ["2024年3月", "课例2024-03", "s2老师", "某校", "一年级", "一等奖"]


def test_printable_collection_has_cover_toc_and_every_lesson_in_order(built):
    page = soup(built, "collections/2024/print/index.html")
    assert page.select_one(".md-header") is None and page.select_one(".md-sidebar") is None
    assert page.select_one(".md-footer") is None
    assert page.select_one(".xinyu-print-cover h1").get_text(strip=True).startswith("课例集（2024）")
    toc = [a.get_text() for a in page.select(".xinyu-print-toc a")]
    lessons = [h.get_text(strip=True).rstrip("¶") for h in page.select("h2.xinyu-print-lesson")]
    expected = ["课例2024-03", "课例2024-04", "课例2024-05", "课例2024-09", "课例2024-10", "课例2024-11"]
    assert toc == expected and lessons == expected
    # each lesson's own sections nest one level below its title
    first = page.select_one("h2.xinyu-print-lesson")
    assert first.find_next(["h2", "h3", "h4"]).name == "h3"


def test_printable_collection_prints_each_lesson_on_a_new_page(built, browser):
    page = browser.new_page()
    with serve(built.site) as base:
        page.goto(f"{base}/collections/2024/print/")
        pdf = page.pdf(prefer_css_page_size=True)
    page.close()
    pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
    assert pages >= 2 + 6  # cover, contents, then one page (at least) per lesson
    assert b"/MediaBox [0 0 594.9" in pdf  # A4: 595 x 842 points


def test_unknown_collection_key_is_an_error(library):
    library.fill_coverage()
    (library.root / "lessons" / "collections.yml").write_text('"2024":\n  title: 课例集\n', encoding="utf-8")
    library.lesson("x.md", grades=[2], showcase={"collection": "2042", "month": "2024-05"})
    out = library.check().stdout
    assert "lessons/x.md:6: [XY-R004] 课例集（showcase.collection）的“2042”没有登记（是不是想写 " \
           "2024？）；已登记在 lessons/collections.yml 中的键：2024" in out


def test_collections_file_errors_have_lines(library):
    library.fill_coverage()
    (library.root / "lessons" / "collections.yml").write_text(
        '"2024":\n  titel: 课例集\n"2025": 课例集\n', encoding="utf-8")
    out = library.check().stdout
    assert "lessons/collections.yml:2: [XY-F001] 未知字段 2024.titel（是不是想写 title？）" in out
    assert "lessons/collections.yml:1: [XY-F002] 缺少必填字段 课例集名称（2024.title）" in out
    assert "lessons/collections.yml:3: [XY-R003] “2025”下面需要缩进的字段" \
           "（课例集名称（title）、编者（editor）、说明（description））" in out


XSS = """## 教学目标

<script>alert("xss")</script>
<img src="x.png" onerror="alert(1)">
[点我](javascript:alert(1))
<a href="jav&#x61;script:alert(2)">链接</a>
<iframe src="https://evil.example/"></iframe>
<object data="evil.swf"></object>
<div style="position:fixed;top:0;left:0;width:100%;height:100%">遮罩</div>
<p onmouseover="alert(3)">悬停</p>
<svg onload="alert(4)"><circle r="5"/></svg>
<style>body { display: none }</style>
<form action="https://evil.example/"><input name="q"></form>

## 教学过程<img src="y.png" onerror="alert(5)">

### 环节 {: onclick="alert(6)" style="color:red" }

过程。`<script>` 作为代码示例是安全的。
"""


def test_unsafe_html_is_removed_from_the_page_and_reported(library):
    library.fill_coverage()
    library.lesson("xss.md", grades=[2], title="<script>alert(0)</script>", body=XSS)
    build = library.build()
    assert build.returncode == 0, build.output
    for expected in ["lessons/xss.md:9:1: [XY-H001] 不安全的 HTML 已删除：<script> 元素",
                     "lessons/xss.md:10:1: [XY-H001] 不安全的 HTML 已删除：<img> 的 onerror 属性",
                     "lessons/xss.md:11:6: [XY-H002] 不安全的链接已删除：“javascript:”链接",
                     "lessons/xss.md:12:1: [XY-H001] 不安全的 HTML 已删除：<a href> 中的“javascript:”链接",
                     "lessons/xss.md:13:1: [XY-H001] 不安全的 HTML 已删除：<iframe> 元素",
                     "lessons/xss.md:15:1: [XY-H001] 不安全的 HTML 已删除：<div> 的 style 属性",
                     "lessons/xss.md:19:1: [XY-H001] 不安全的 HTML 已删除：<form> 元素"]:
        assert expected in build.output
    assert "lessons/xss.md:21:8: [XY-H001] 不安全的 HTML 已删除：<img> 的 onerror 属性" in build.output
    assert "lessons/xss.md:23:8: [XY-H001] 不安全的 HTML 已删除：属性列表中的 onclick、style" in build.output
    assert "lessons/xss.md:25" not in build.output  # code is shown, not run
    html = build.html("lessons/xss/index.html")
    page = BeautifulSoup(html, "html.parser")
    article = page.select_one("article")
    assert article.find(["script", "iframe", "object", "embed", "style", "form", "svg", "input"]) is None
    for element in page.find_all(True):
        for name, value in element.attrs.items():
            assert not name.lower().startswith("on"), (element.name, name)
            text = " ".join(value) if isinstance(value, list) else str(value)
            assert "javascript:" not in text.replace(" ", "").lower(), (element.name, name, text)
        if element.name in ("article", "div", "p", "span") and element.find_parent("article"):
            assert "style" not in element.attrs
    for script in page.find_all("script"):
        assert not script.find_parent("article")
        assert "alert" not in (script.string or "")
    assert "<script>alert(0)</script>" in page.find("h1").get_text()
    # shown as typed (escaped exactly once), never as markup
    assert page.find("title").get_text().startswith("<script>alert(0)</script> - ")
    assert "<title>&lt;script&gt;alert(0)&lt;/script&gt; - " in html
    assert "遮罩" in article.get_text() and "悬停" in article.get_text()
    strict = library.build("--strict")
    assert strict.returncode == 1
