"""Real MkDocs builds of small fixture libraries, asserting on the HTML and
JSON produced."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from xinyu.search.index import read_index
from bs4 import BeautifulSoup
from conftest import ENV, Library, card_rows


def soup(build, path: str) -> BeautifulSoup:
    return BeautifulSoup(build.html(path), "html.parser")


def matrix(page: BeautifulSoup) -> dict[tuple[str, str], str]:
    """The coverage matrix as {(grade label, topic label): cell text}."""
    table = page.select_one("table.xinyu-matrix")
    topics = [th.get_text(strip=True).replace("（选修）", "") for th in table.select("thead th")][1:]
    cells = {}
    for row in table.select("tbody tr"):
        grade = row.find("th").get_text(strip=True)
        for topic, cell in zip(topics, row.find_all("td")):
            cells[(grade, topic)] = cell.get_text(" ", strip=True)
    return cells


@pytest.fixture(scope="module")
def covered(tmp_path_factory):
    """A library covering every cell, with extra lessons of known counts."""
    library = Library(tmp_path_factory.mktemp("covered") / "repo")
    library.fill_coverage()
    library.lesson("g3/extra-emotion.md", title="情绪天气预报", grades="3-4", topic="emotion",
                   semester=1, periods=2, keywords=["情绪识别"], author="王老师")
    library.lesson("g3/self.md", title="独一无二的我", grades=[3], topic="self")
    library.lesson("g12/生命的意义.md", title="生命的意义", grades=[12], topic="life", semester=2)
    library.lesson("g5/draft.md", title="未完成的草稿课", grades=[5], topic="study", status="draft")
    library.write("g6/sheet.txt", "学习单")
    library.lesson("g6/with-sheet.md", title="带学习单的课", grades=[6], topic="study",
                   body="## 教学目标\n\n目标。\n\n## 教学过程\n\n发放[学习单](sheet.txt)。"
                        "接着[上一课](../g3/extra-emotion.md#教学过程)。\n")
    build = library.build()
    assert build.returncode == 0, build.output
    return build


def test_every_lesson_has_a_page_with_metadata_card(covered):
    page = soup(covered, "lessons/extra-emotion/index.html")
    assert page.find("h1").get_text(strip=True) == "情绪天气预报"
    card = page.select_one("table.xinyu-card")
    rows = card_rows(page)
    assert rows["适用年级"] == "三年级、四年级"
    assert rows["主题"] == "情绪调适"
    assert rows["学期"] == "上学期"
    assert rows["课时"] == "2 课时"
    assert rows["执教 / 设计"] == "王老师"
    assert rows["关键词"] == "情绪识别"
    links = {a.get_text(): a["href"] for a in card.select("a")}
    assert links == {"三年级": "../../grades/3/", "四年级": "../../grades/4/",
                     "情绪调适": "../../topics/emotion/"}


def test_lesson_page_shows_breadcrumb_and_neighbours(covered):
    page = soup(covered, "lessons/extra-emotion/index.html")
    crumbs = [a.get_text() for a in page.select("nav.xinyu-breadcrumb a")]
    assert crumbs == ["教案库", "三年级", "四年级", "情绪调适"]
    neighbours = page.select("nav.xinyu-neighbours a")
    # reading order: grade, then semester (上学期 before unspecified), then title
    assert [a.get_text() for a in neighbours] == ["emotion 第2课", "emotion 第3课"]


def test_chinese_headings_keep_their_text_as_anchor(covered):
    page = soup(covered, "lessons/extra-emotion/index.html")
    ids = [h["id"] for h in page.select("article h2")]
    assert "教学目标" in ids and "教学过程" in ids


def test_chinese_file_name_gives_a_readable_address(covered):
    assert (covered.site / "lessons" / "生命的意义" / "index.html").is_file()
    topic = soup(covered, "topics/life/index.html")
    hrefs = [a["href"] for a in topic.select("article a")]
    assert "../../lessons/%E7%94%9F%E5%91%BD%E7%9A%84%E6%84%8F%E4%B9%89/" in hrefs


def test_grade_page_groups_lessons_by_topic(covered):
    page = soup(covered, "grades/3/index.html")
    sections = {}
    for heading in page.select("article h2"):
        items = []
        for sibling in heading.find_next_siblings():
            if sibling.name == "h2":
                break
            items += [a.get_text() for a in sibling.select("a")]
        sections[heading["id"]] = items
    assert sections["emotion"] == ["情绪天气预报", "emotion 第3课"]
    assert sections["self"] == ["独一无二的我"]
    assert sections["career"] == []


def test_topic_page_lists_lessons_by_grade(covered):
    page = soup(covered, "topics/emotion/index.html")
    headings = [h.get_text(strip=True) for h in page.select("article h2")]
    assert headings[:3] == ["一年级", "二年级", "三年级"] and headings[-1] == "高三"
    grade4 = page.find("h2", id="grade-4").find_next("ul")
    assert [a.get_text() for a in grade4.select("a")] == ["情绪天气预报", "emotion 第4课"]


def test_coverage_matrix_counts(covered):
    cells = matrix(soup(covered, "coverage/index.html"))
    assert cells[("三年级", "情绪调适")] == "2 篇"
    assert cells[("四年级", "情绪调适")] == "2 篇"
    assert cells[("五年级", "学习适应")] == "1 篇"  # the draft does not count
    assert cells[("三年级", "认识自我")] == "1 篇"
    assert cells[("一年级", "认识自我")] == "— 暂无"
    assert len(cells) == 12 * 6


def test_matrix_cells_link_to_grade_topic_sections(covered):
    page = soup(covered, "coverage/index.html")
    link = page.select_one("table.xinyu-matrix a[href$='#emotion']")
    assert link["href"] == "../grades/1/#emotion"


def test_periods_table_against_district_minimum(covered):
    page = soup(covered, "coverage/index.html")
    rows = {tr.th.get_text(strip=True): [td.get_text(" ", strip=True) for td in tr.find_all("td")]
            for tr in page.select("table.xinyu-periods tbody tr")}
    # grade 3: four lessons without semester (1 each) + 情绪天气预报 (上学期, 2) + self (1)
    assert rows["三年级"][:4] == ["2", "0", "5", "6"]
    assert rows["三年级"][4] == "⚠ 未达标，差 5 课时"
    assert rows["高一"][3] == "8"


def test_drafts_are_not_published_and_summary_counts_every_file(covered):
    assert not (covered.site / "lessons" / "draft").exists()
    index = json.loads((covered.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not any("未完成的草稿课" in doc["title"] or "draft" in doc["location"] for doc in index["docs"])
    assert "xinyu：教案（lesson）：找到 53 个，发布 52 个，草稿 1 个，被拒 0 个" in covered.output


def test_attachments_are_copied_beside_the_lesson_page(covered):
    assert (covered.site / "lessons" / "with-sheet" / "sheet.txt").read_text(encoding="utf-8") == "学习单"
    page = soup(covered, "lessons/with-sheet/index.html")
    assert page.find("a", string="学习单")["href"] == "sheet.txt"


def test_links_between_lesson_files_point_to_lesson_pages(covered):
    page = soup(covered, "lessons/with-sheet/index.html")
    assert page.find("a", string="上一课")["href"] == "../extra-emotion/#教学过程"


def test_navigation_lists_index_pages_not_lessons(covered):
    page = soup(covered, "lessons/extra-emotion/index.html")
    nav = page.select_one("nav.md-nav--primary")
    hrefs = [a["href"] for a in nav.select("a[href]")]
    assert any(h.endswith("grades/3/") for h in hrefs)
    assert any(h.endswith("topics/emotion/") for h in hrefs)
    assert any(h.endswith("coverage/") for h in hrefs)
    assert not any("lessons/extra-emotion" in h or "lessons/emotion-" in h for h in hrefs)
    assert len(hrefs) < 40


def test_site_loads_nothing_from_third_parties(covered):
    for path in ["index.html", "lessons/extra-emotion/index.html", "coverage/index.html"]:
        page = soup(covered, path)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src")):
            for element in page.find_all(tag):
                value = element.get(attr) or ""
                assert not value.startswith(("http:", "https:", "//")), (path, value)


def test_search_index_is_segmented_by_jieba(covered):
    index = read_index(covered.site / "search")
    assert "\\u200b" in index.config["separator"] or "\u200b" in index.config["separator"]
    # words, not sentences: jieba's segments are the index's words
    assert "情绪" in index.words and len(index.words) > 200
    assert max(map(len, index.words)) < 30


def test_lesson_title_with_markup_characters_is_shown_as_typed(library):
    library.fill_coverage()
    library.lesson("odd.md", title="<情绪> | [小怪兽] *1*", grades=[2], author="_王_ \\ 老师 | *",
                   keywords=["a|b", "`code`"])
    build = library.build()
    assert build.returncode == 0, build.output
    page = soup(build, "lessons/odd/index.html")
    assert page.find("h1").get_text(strip=True) == "<情绪> | [小怪兽] *1*"
    index = soup(build, "lessons/index.html")
    assert index.find("a", string="<情绪> | [小怪兽] *1*") is not None
    rows = card_rows(page)
    assert rows["执教 / 设计"] == "_王_ \\ 老师 | *"
    assert rows["关键词"] == "a|b、`code`"
    # the <title> and the header show it as typed: escaped exactly once
    assert page.find("title").get_text().startswith("<情绪> | [小怪兽] *1* - ")
    assert page.select_one("[data-md-component=header-topic] .md-ellipsis").get_text(strip=True) == "<情绪> | [小怪兽] *1*"


def test_coverage_gap_fails_the_build_naming_each_cell(library):
    library.fill_coverage(skip={(3, "emotion"), (11, "life")})
    build = library.build()
    assert build.returncode == 1
    assert "lessons: [XY-C001] 覆盖缺口：三年级（3）× 情绪调适（emotion）没有已发布的教案" in build.output
    assert "lessons: [XY-C001] 覆盖缺口：高二（11）× 生命教育（life）没有已发布的教案" in build.output
    assert "Traceback" not in build.output


def test_gap_as_warning_builds_and_marks_the_cell_in_text(tmp_path):
    library = Library(tmp_path / "repo", plugin={"coverage_check": "warning"})
    library.fill_coverage(skip={(3, "emotion")})
    build = library.build()
    assert build.returncode == 0, build.output
    page = soup(build, "coverage/index.html")
    assert matrix(page)[("三年级", "情绪调适")] == "✗ 缺口"
    assert "有 1 个缺口" in page.select_one(".xinyu-status").get_text()
    grade = soup(build, "grades/3/index.html")
    assert "缺口" in grade.find("h2", id="emotion").find_next_sibling("p").get_text()


def test_removing_the_last_lesson_of_a_cell_fails_the_build(library):
    library.fill_coverage()
    assert library.build().returncode == 0
    (library.root / "lessons" / "g7" / "study-7.md").unlink()
    build = library.build()
    assert build.returncode == 1
    assert "[XY-C001] 覆盖缺口：七年级（7）× 学习适应（study）" in build.output


def test_invalid_lesson_fails_the_build_with_path_and_line(library):
    library.fill_coverage()
    library.lesson("broken.md", topic="emotoin")
    build = library.build()
    assert build.returncode == 1
    assert "lessons/broken.md:4: [XY-F022] 主题（topic）的“emotoin”不是已配置的主题（是不是想写 emotion？）" \
        in build.output
    assert "教案（lesson）：找到 49 个，发布 48 个，草稿 0 个，被拒 1 个" in build.output
    assert "Traceback" not in build.output


def test_periods_shortfall_is_a_warning_or_an_error_when_configured(tmp_path):
    warn = Library(tmp_path / "warn")
    warn.fill_coverage()
    build = warn.build()
    assert build.returncode == 0
    assert "[XY-C002] 课时不足：一年级（1）上学期 0 课时 + 下学期 0 课时 + 不限学期 4 课时；" \
           "区里要求每学期至少 6 课时，还差 8 课时" in build.output
    strict = Library(tmp_path / "strict", plugin={"periods_check": "error"})
    strict.fill_coverage()
    assert strict.build().returncode == 1


def test_configured_minimum_periods(tmp_path):
    library = Library(tmp_path / "repo", plugin={"min_periods": {"primary": 2, "junior": 2, "senior": 2},
                                                  "periods_check": "error"})
    library.fill_coverage()
    build = library.build()
    assert build.returncode == 0, build.output
    rows = soup(build, "coverage/index.html").select("table.xinyu-periods tbody tr")
    assert all("达标" in tr.get_text() and "未达标" not in tr.get_text() for tr in rows)


def test_missing_jieba_is_a_build_error(library, tmp_path):
    library.fill_coverage()
    blocker = tmp_path / "nojieba"
    blocker.mkdir()
    (blocker / "jieba.py").write_text("raise ImportError('jieba is not installed')\n")
    env = {**ENV, "PYTHONPATH": str(blocker)}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=library.root, env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1
    assert "搜索插件需要 jieba 来切分中文" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_district_search_dictionary_keeps_its_words_whole(tmp_path):
    library = Library(tmp_path / "repo", plugin={"search_dict": "words.txt"})
    (library.root / "words.txt").write_text("阳光晨读营 50000 n\n", encoding="utf-8")
    library.fill_coverage()
    library.lesson("a.md", grades=[2], summary="参加阳光晨读营的同学。")
    build = library.build()
    assert build.returncode == 0, build.output
    index = read_index(build.site / "search")
    assert index.locations("阳光晨读营") == {"lessons/a/"}
    (library.root / "words.txt").unlink()
    missing = library.build()
    assert missing.returncode == 1 and "搜索词典 search_dict“words.txt”不存在" in missing.output
