"""The demo library that ships in the repository, built once per session."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from conftest import REPO, xinyu
from xinyu.core.library import load_library


def page(build, path: str) -> BeautifulSoup:
    return BeautifulSoup(build.html(path), "html.parser")


def test_demo_has_a_lesson_for_every_grade_and_required_topic():
    library = load_library(REPO, {})
    assert len(library.lessons.published) >= 48
    assert library.coverage.gaps == []
    for lesson in library.lessons.published:
        # Lessons taught as activities (团辅, 班会, 心理委员培训) have activity sections.
        activity = lesson.meta["type"] in ("团辅活动", "主题班会", "心理委员培训")
        for section in (("活动目标", "活动过程") if activity else
                        ("教学目标", "教学准备", "教学过程", "教学反思")):
            assert re.search(rf"^## {section}", lesson.body, re.M), (lesson.path, section)


def test_demo_builds_every_lesson_page(demo_build):
    library = load_library(REPO, {})
    for lesson in library.lessons.published:
        html = page(demo_build, f"lessons/{lesson.slug}/index.html")
        heading = html.find("h1")
        for permalink in heading.select("a.headerlink"):
            permalink.decompose()
        assert heading.get_text(strip=True) == lesson.title
    for draft in library.lessons.drafts:
        assert not (demo_build.site / "lessons" / draft.slug).exists()


def test_demo_coverage_page_shows_full_coverage_and_both_period_states(demo_build):
    coverage = page(demo_build, "coverage/index.html")
    assert "全部覆盖" in coverage.select_one(".xinyu-status").get_text()
    assert not coverage.select("table.xinyu-matrix td.xinyu-gap")
    states = [tr.find_all("td")[-1].get_text(strip=True)
              for tr in coverage.select("table.xinyu-periods tbody tr")]
    assert len(states) == 12
    assert any(s.endswith("达标") and "未" not in s for s in states)
    assert any("未达标" in s for s in states)


def test_demo_build_prints_a_summary_that_accounts_for_every_file(demo_build):
    match = re.search(r"xinyu：教案（lesson）：找到 (\d+) 个，发布 (\d+) 个，草稿 (\d+) 个，"
                      r"被拒 (\d+) 个", demo_build.output)
    found, published, drafts, rejected = map(int, match.groups())
    assert found == published + drafts + rejected == len(list((REPO / "lessons").rglob("*.md")))
    assert "Traceback" not in demo_build.output


def test_demo_build_log_is_clean(demo_build):
    # jieba's start-up chatter and MkDocs' 'not in nav' list stay out of the log.
    assert "Building prefix dict" not in demo_build.output
    assert "not included in the \"nav\"" not in demo_build.output
    assert "ERROR" not in demo_build.output


def test_xinyu_check_passes_on_the_demo():
    proc = xinyu(REPO, "check")
    assert proc.returncode == 0, proc.stdout
    assert proc.stdout.splitlines()[-1].endswith("错误 0 个，警告 0 个")


def test_demo_cases_span_all_stages_awards_and_themes():
    library = load_library(REPO, {})
    cases = library.cases.published
    assert len(cases) >= 8
    stages = {library.settings.grade(g).stage for case in cases for g in case.meta["grades"]}
    assert stages == {"primary", "junior", "senior"}
    assert {case.meta["award"] for case in cases} >= {"一等奖", "二等奖", "三等奖", "优秀"}
    assert len({theme for case in cases for theme in case.meta["themes"]}) >= 6


def test_demo_collection_has_showcase_lessons_across_grades(demo_build):
    library = load_library(REPO, {})
    [collection] = library.collections.values()
    assert len(collection.lessons) >= 6
    assert len({g for lesson in collection.lessons for g in lesson.meta["grades"]}) >= 6
    months = [lesson.meta["showcase"]["month"] for lesson in collection.lessons]
    assert months == sorted(months)
    printable = page(demo_build, f"collections/{collection.key}/print/index.html")
    titles = [h.get_text(strip=True).rstrip("¶") for h in printable.select("h2.xinyu-print-lesson")]
    assert titles == [lesson.title for lesson in collection.lessons]


def test_demo_case_pages_are_built(demo_build):
    library = load_library(REPO, {})
    for case in library.cases.published:
        assert (demo_build.site / "cases" / case.slug / "index.html").is_file()
    index = page(demo_build, "cases/index.html")
    assert len(index.select("#xinyu-case-list .xinyu-item")) == len(library.cases.published)
