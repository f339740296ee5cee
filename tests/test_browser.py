"""The demo site in a real headless Chromium."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from conftest import ARTIFACTS


def test_lesson_page_loads_only_from_its_own_host(browser, demo_url):
    page = browser.new_page()
    hosts = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{demo_url}/lessons/feelings-weather-report/")
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").first.inner_text().startswith("情绪天气预报")
    # Nothing from another host, not even the published site's own (site_url):
    # a preview or a mirror asks only itself.
    assert hosts == {urlsplit(demo_url).netloc}, hosts
    assert errors == []
    page.close()


def test_chinese_search_finds_lessons(browser, demo_url):
    page = browser.new_page()
    page.goto(f"{demo_url}/")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    search = page.locator("input.md-search__input")
    search.fill("情绪")
    search.press("End")  # Material searches on keyup; filling Chinese sends none
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15000)
    titles = " ".join(results.all_inner_texts())
    assert "情绪" in titles
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "search-qingxu.png"))
    page.close()


def test_coverage_page_screenshot(browser, demo_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{demo_url}/coverage/")
    assert page.locator("table.xinyu-matrix th[scope=row]").count() == 12
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "coverage.png"), full_page=True)
    page.close()


@pytest.mark.parametrize("path", ["collections/2024/print/", "lessons/", "courses/", "help/",
                                  "updates/", "coverage/", "lessons/feelings-weather-report/"])
def test_pages_log_no_script_error(browser, demo_url, path):
    """The printable collection once logged Material's "Missing element
    [data-md-component=header]"; no page logs an error or a failed request."""
    page = browser.new_page()
    problems = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("console", lambda message: problems.append(message.text)
            if message.type in ("error", "warning") else None)
    page.goto(f"{demo_url}/{path}")
    page.wait_for_load_state("networkidle")
    assert problems == []
    page.close()
