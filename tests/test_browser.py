"""The demo site in a real headless Chromium."""

from __future__ import annotations

import re

from urllib.parse import urlsplit

from conftest import ARTIFACTS, REPO


def test_lesson_page_loads_only_from_its_own_host(browser, demo_url):
    page = browser.new_page()
    hosts = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{demo_url}/lessons/feelings-weather-report/")
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").first.inner_text().startswith("情绪天气预报")
    # Material reads the sitemap at the site's own address (site_url): the
    # same host once published; here the site is served from localhost.
    site_url = re.search(r"^site_url: (\S+)", (REPO / "mkdocs.yml").read_text(encoding="utf-8"), re.M)[1]
    own = {urlsplit(demo_url).netloc, urlsplit(site_url).netloc}
    assert hosts <= own and urlsplit(demo_url).netloc in hosts, hosts
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
