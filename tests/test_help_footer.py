"""The footer of a mainland public site (主办单位, ICP and 公安备案, contact,
求助与热线) on every page, and the 求助与热线 page built from `hotlines`."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from conftest import REPO, axe_source

ICP = "https://beian.miit.gov.cn/"
POLICE = "https://beian.mps.gov.cn/#/query/webSearch?code="


def _soup(build, path: str) -> BeautifulSoup:
    return BeautifulSoup(build.html(path), "html.parser")


def _demo_plugin() -> dict:
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.Loader)
    return next(p["xinyu"] for p in config["plugins"] if isinstance(p, dict) and "xinyu" in p)


def _footer_links(page: BeautifulSoup) -> dict[str, str]:
    return {a.get_text(strip=True): a["href"] for a in page.select(".md-copyright a")}


def _set_plugin(library, **options) -> None:
    path = library.root / "mkdocs.yml"
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    config["plugins"] = ["search", {"xinyu": {"periods_check": "off", **options}}]
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")


def test_every_kind_of_page_has_the_footer(demo_build):
    footer = _demo_plugin()["footer"]
    digits = re.sub(r"[^0-9]", "", footer["police"])
    lesson = next(p for p in sorted(demo_build.site.glob("lessons/*/index.html"))
                  if p.parent.name != "lessons")
    pages = {"index.html": "help/", "guide/index.html": "../help/",
             lesson.relative_to(demo_build.site).as_posix(): "../../help/"}
    for path, help_link in pages.items():
        page = _soup(demo_build, path)
        text = page.select_one(".md-copyright").get_text(" ", strip=True)
        assert "区心理健康教育辅导中心" in text, path  # Material's copyright text is kept
        assert f"主办单位：{footer['host']}" in text and footer["contact"] in text, path
        links = _footer_links(page)
        assert links[footer["icp"]] == ICP, path
        assert links[footer["police"]] == POLICE + digits, path
        assert links["求助与热线"] == help_link, path
        # only the two official sites and the help page
        assert {href for href in links.values() if "://" in href} == {ICP, POLICE + digits}


def test_the_help_page_lists_every_hotline_with_a_tel_link(demo_build):
    page = _soup(demo_build, "help/index.html")
    assert page.h1.get_text(strip=True).rstrip("¶") == "求助与热线"
    assert "110" in page.select_one(".xinyu-help-urgent").get_text()
    rows = {tr.th.get_text(strip=True): tr for tr in page.select("table.xinyu-hotlines tbody tr")}
    hotlines = _demo_plugin()["hotlines"]
    assert list(rows) == [line["name"] for line in hotlines]
    for line in hotlines:
        link = rows[line["name"]].select_one('a[href^="tel:"]')
        assert link.get_text(strip=True) == str(line["number"])
        assert link["href"] == "tel:" + re.sub(r"[^0-9]", "", str(line["number"]))
        if line.get("hours"):
            assert line["hours"] in rows[line["name"]].get_text()


def test_case_and_course_pages_link_to_the_help_page(demo_build):
    for folder in ("cases", "courses"):
        entries = [p for p in demo_build.site.glob(f"{folder}/*/index.html")]
        assert entries, folder
        for path in entries:
            page = _soup(demo_build, path.relative_to(demo_build.site).as_posix())
            link = page.select_one(".xinyu-help-link a")
            assert link is not None and link.get_text() == "求助与热线", path
            assert link["href"] == "../../help/", path


def test_without_hotlines_the_national_lines_are_listed_and_numbers_are_public(library):
    library.fill_coverage()
    library.write("../content/about.md", "# 关于\n\n区热线 0791-8666 1234，欢迎来电。\n")
    assert library.build().returncode == 1  # an unlisted landline is personal data
    _set_plugin(library, hotlines=[{"name": "区心理援助热线", "number": "0791-8666 1234",
                                    "hours": "每天 8:00–22:00"}])
    build = library.build("--strict")
    assert build.returncode == 0, build.output
    assert "XY-P001" not in build.output
    page = _soup(build, "help/index.html")
    assert [a["href"] for a in page.select("table.xinyu-hotlines a")] == ["tel:079186661234"]
    _set_plugin(library)
    build = library.build("--strict")
    assert build.returncode == 1  # the district line is no longer listed: not public
    (library.root / "content" / "about.md").unlink()
    build = library.build("--strict")
    assert build.returncode == 0, build.output
    page = _soup(build, "help/index.html")
    assert [a["href"] for a in page.select("table.xinyu-hotlines a")] == ["tel:12355", "tel:12356"]
    # no footer configured: Material's footer and the help link, no 备案 links
    links = _footer_links(_soup(build, "index.html"))
    assert links["求助与热线"] == "help/"
    assert not any("beian" in href for href in links.values())


def test_a_bad_hotlines_value_is_a_chinese_config_error(library):
    library.fill_coverage()
    _set_plugin(library, hotlines=[{"name": "区热线"}], footer={"icp": ["x"]})
    out = library.check().stdout
    assert "[XY-K001] plugins.xinyu：每条热线都需要 name（名称）和 number（号码）" in out
    assert "[XY-K001] plugins.xinyu：footer 必须是含 host（主办单位）" in out
    assert library.build().returncode == 1
    _set_plugin(library, hotlines="12355")
    assert "[XY-K001] plugins.xinyu：hotlines 必须是热线的列表" in library.check().stdout


def test_footer_texts_are_escaped(library):
    library.fill_coverage()
    _set_plugin(library, footer={"host": "<script>alert(1)</script>区教育局",
                                 "icp": '赣ICP备1号"><b>x</b>', "contact": "a & b"})
    build = library.build("--strict")
    assert build.returncode == 0, build.output
    html = build.html("index.html")
    assert "<script>alert(1)" not in html and "<b>x</b>" not in html
    footer = _soup(build, "index.html").select_one(".md-copyright")
    assert "主办单位：<script>alert(1)</script>区教育局" in footer.get_text()
    assert footer.select_one(f'a[href="{ICP}"]').get_text() == '赣ICP备1号"><b>x</b>'
    assert "a & b" in footer.get_text()
    assert not footer.select("script, b")


def test_a_hand_written_help_page_is_refused(library):
    library.fill_coverage()
    (library.root / "content" / "help.md").write_text("# 帮助\n", encoding="utf-8")
    out = library.check().stdout
    assert "content/help.md" in out
    assert library.build().returncode == 1


def test_the_footer_template_is_the_plugins_and_keeps_materials_copyright():
    ours = (REPO / "plugins" / "xinyu" / "theme" / "partials" / "copyright.html").read_text(
        encoding="utf-8")
    assert "{% autoescape true %}" in ours and "config.copyright" in ours
    assert Path(REPO / "plugins" / "xinyu" / "templates" / "help.md.j2").is_file()


def test_the_help_page_and_the_footer_are_accessible(browser, demo_url):
    page = browser.new_page()
    page.goto(f"{demo_url}/help/")
    page.add_script_tag(content=axe_source())
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    serious = [(v["id"], [n["target"] for n in v["nodes"]][:3])
               for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == []
    page.close()
