"""Faceted browsing of the lessons index, printing, and accessibility, on
the demo site in headless Chromium."""

from __future__ import annotations

import json

import pytest
from conftest import ARTIFACTS, REPO, axe_source
from playwright.sync_api import expect
from xinyu.core.library import load_library


def listed(page, scripted: bool = True) -> list[str]:
    if scripted:  # the filter form appears once the script has applied the URL's filters
        expect(page.locator("form.xinyu-facets")).to_be_visible()
    return page.locator("#xinyu-lesson-list tr:visible td:first-child a").all_inner_texts()


def expected_titles(grade=None, topic=None, semester=None, collection=None) -> list[str]:
    library = load_library(REPO, {})
    from xinyu.core.coverage import lesson_order

    lessons = sorted(library.lessons.published, key=lesson_order(library.settings))
    return [l.title for l in lessons
            if (grade is None or grade in l.meta["grades"])
            and (topic is None or l.meta["topic"] == topic)
            and (semester is None or l.meta.get("semester") in (semester, None))
            and (collection is None or (l.meta.get("showcase") or {}).get("collection") == collection)]


def test_lessons_index_filters_by_grade_and_topic_and_restores_from_url(browser, demo_url):
    page = browser.new_page()
    page.goto(f"{demo_url}/lessons/")
    assert listed(page) == expected_titles()
    page.select_option("select[name=grade]", "3")
    page.select_option("select[name=topic]", "study")
    assert listed(page) == expected_titles(grade=3, topic="study")
    assert page.url.endswith("/lessons/?grade=3&topic=study")
    count = len(expected_titles(grade=3, topic="study"))
    assert page.locator(".xinyu-facets__count").inner_text() == f"共 {count} 项"
    # each option says how many lessons it would leave
    emotion = page.locator("select[name=topic] option[value=emotion]").inner_text()
    assert emotion == f"情绪调适（{len(expected_titles(grade=3, topic='emotion'))}）"
    again = browser.new_page()
    again.goto(page.url)
    assert listed(again) == expected_titles(grade=3, topic="study")
    again.goto(f"{demo_url}/lessons/?semester=2&collection=2024")
    assert listed(again) == expected_titles(semester=2, collection="2024")
    page.close()
    again.close()


def test_lessons_index_without_javascript_is_the_complete_list(browser, demo_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{demo_url}/lessons/?grade=3")
    assert listed(page, scripted=False) == expected_titles()
    assert page.locator("form.xinyu-facets").is_hidden()
    context.close()


@pytest.mark.parametrize("path", ["lessons/body-boundaries/", "cases/family-phone-pact/"])
def test_printing_shows_only_the_document(browser, demo_url, path):
    page = browser.new_page(viewport={"width": 1000, "height": 1400})
    page.goto(f"{demo_url}/{path}")
    page.emulate_media(media="print")
    for chrome in ["header.md-header", ".md-sidebar--primary", ".md-sidebar--secondary",
                   "footer.md-footer", ".md-search", "nav.xinyu-breadcrumb", ".md-tabs"]:
        locator = page.locator(chrome)
        assert locator.count() == 0 or locator.first.is_hidden(), chrome
    assert page.locator("h1").first.is_visible()
    assert page.locator("table.xinyu-card").is_visible()
    assert page.locator("article h2").first.is_visible()
    link = page.locator("table.xinyu-card a").first
    style = link.evaluate("a => [getComputedStyle(a).color, getComputedStyle(a).textDecorationLine]")
    body = page.locator("article").evaluate("e => getComputedStyle(e).color")
    assert style == [body, "none"]  # links read as text
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"print-{path.split('/')[0]}.png"), full_page=True)
    pdf = page.pdf(prefer_css_page_size=True)
    assert b"/MediaBox [0 0 594.9" in pdf  # A4
    page.close()


A11Y_PAGES = ["", "lessons/body-boundaries/", "grades/3/", "coverage/", "cases/family-phone-pact/",
              "courses/", "lessons/"]


@pytest.mark.parametrize("path", A11Y_PAGES)
def test_no_serious_accessibility_violations(browser, demo_url, path):
    page = browser.new_page()
    page.goto(f"{demo_url}/{path}")
    page.add_script_tag(content=axe_source())
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
               for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], json.dumps(serious, ensure_ascii=False)
    page.close()


def test_coverage_matrix_is_a_table_with_headers(browser, demo_url):
    page = browser.new_page()
    page.goto(f"{demo_url}/coverage/")
    table = page.locator("table.xinyu-matrix")
    assert table.locator("caption").count() == 1
    assert table.locator("thead th[scope=col]").count() == 7
    assert table.locator("tbody th[scope=row]").count() == 12
    page.close()
