"""家长学校 (parents-school/): a school puts its semester plan together from
the course menu and sees live whether it meets the district rule (每学期 N
次 / M 课时); the data in the page, the page without JavaScript, the course
fields in catalogue.json and its schema, and the page driven in Chromium."""

from __future__ import annotations

import json
import re
import zipfile

import jsonschema
import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ARTIFACTS, REPO, Library, axe_source, card_rows, serve
from playwright.sync_api import expect
from test_courses import LECTURERS, write_course

from xinyu.core.gate import _Reader

PAGE = "parents-school/index.html"
HOSTILE = '<img src=x onerror="window.__pwned=1">《家长课》&amp; *星*'
RULE = {"sessions": 3, "periods": 6}  # the small library's own rule (the demo keeps 2 / 4)


def school_library(root) -> Library:
    library = Library(root, plugin={"order": {"email": "order@xinli.example.cn", "phone": "0791-8888 6666"},
                                    "parents_school": RULE, "periods_check": "off"})
    library.fill_coverage()
    (library.root / "content" / "lecturers.yml").write_text(LECTURERS, encoding="utf-8")
    # a series of 4 sessions of 2 periods each
    write_course(library, "series", title="父母成长课堂", code="JZ-01", grades="1-3", sessions=4, periods=2,
                 themes=["亲子沟通", "情绪"])
    # a single lecture of 2 periods
    write_course(library, "single", title="读懂孩子的情绪", code="JZ-02", grades="1-6", periods=2,
                 lecturer="li-ming", format="online", summary="一次两课时的讲座。")
    write_course(library, "paused", title="暂停的课程", code="JZ-03", grades="1-6", status="paused")
    write_course(library, "pupils", title="学生团体辅导", code="XS-01", audience="students", grades="4-6",
                 format="group")
    # no `periods`: 135 minutes count 3 periods (one per 45 minutes)
    write_course(library, "derived", title="亲子游戏工作坊", code="QZ-01", audience="families", grades="4-6",
                 format="workshop", duration_min=135)
    write_course(library, "hostile", title=HOSTILE, code="JZ-04", grades="1-3", periods=1,
                 summary='<script>window.__pwned=2</script>简介')
    return library


@pytest.fixture(scope="module")
def school(tmp_path_factory):
    build = school_library(tmp_path_factory.mktemp("parents-school") / "repo").build()
    assert build.returncode == 0, build.output
    # nothing to warn about on this page or in these courses (other pages are other tests' business)
    warnings = [line for line in build.output.splitlines() if "WARNING" in line]
    assert not [w for w in warnings if "parents-school" in w or "courses" in w], warnings
    return build


def page_data(build) -> dict:
    soup = BeautifulSoup(build.html(PAGE), "html.parser")
    return json.loads(soup.select_one("script#xinyu-parents-school-data").string)


def expected_status(courses: list[dict], rule: dict) -> tuple[str, str]:
    """What the page must say for a plan of these courses (every session of each)."""
    sessions = sum(c["sessions"] for c in courses)
    periods = sum(c["total_periods"] for c in courses)
    short = [f"{rule['sessions'] - sessions} 次"] if sessions < rule["sessions"] else []
    short += [f"{rule['periods'] - periods} 课时"] if periods < rule["periods"] else []
    return f"本学期：{sessions} 次 / {periods} 课时", ("还差 " + "、".join(short)) if short else "✓ 达标"


# ---- data and page ---------------------------------------------------------

def test_data_lists_the_parent_and_family_courses_with_sessions_and_periods(school):
    data = page_data(school)
    courses = {c["slug"]: c for c in data["courses"]}
    assert set(courses) == {"series", "single", "paused", "derived", "hostile"}  # not the pupils'
    series = courses["series"]
    assert (series["sessions"], series["periods"], series["total_periods"]) == (4, 2, 8)
    assert (courses["single"]["sessions"], courses["single"]["periods"], courses["single"]["total_periods"]) \
        == (1, 2, 2)
    assert (courses["derived"]["periods"], courses["derived"]["total_periods"]) == (3, 3)
    assert series["code"] == "JZ-01" and series["title"] == "父母成长课堂"
    assert series["url"] == "../courses/series/"
    assert (school.site / "courses" / "series" / "index.html").is_file()
    assert series["grades"] == [1, 2, 3] and series["grade_labels"] == ["一年级", "二年级", "三年级"]
    assert series["stages"] == ["primary"] and series["audience_label"] == "一至三年级家长"
    assert series["format_label"] == "讲座" and series["duration_min"] == 90
    assert series["lecturer"] == "王芳" and courses["single"]["lecturer"] == "李明"
    assert series["themes"] == ["亲子沟通", "情绪"] and series["summary"] == "课程简介。"
    assert courses["derived"]["audience_label"] == "四至六年级亲子家庭"
    assert courses["paused"]["orderable"] is False and courses["paused"]["status_label"] == "暂停预约"
    assert all(c["orderable"] for key, c in courses.items() if key != "paused")
    assert courses["hostile"]["title"] == HOSTILE
    assert data["rule"] == RULE
    assert data["order"]["email"] == "order@xinli.example.cn"
    assert [s["key"] for s in data["stages"]] == ["primary", "junior", "senior"]
    grade4 = next(g for g in data["stages"][0]["grades"] if g["key"] == 4)
    assert grade4 == {"key": 4, "label": "四年级", "courses": 3}  # single, paused, derived
    assert [t["name"] for t in data["terms"]] == ["上学期", "下学期"]


def test_the_data_element_cannot_be_closed_by_a_value(school):
    html = school.html(PAGE)
    start = html.index('<script type="application/json" id="xinyu-parents-school-data">')
    element = html[start:html.index("</script>", start)]
    assert "<img" not in element and "<script>window" not in element and "\\u003cimg" in element


def test_without_javascript_the_page_is_the_rule_and_the_courses(school):
    soup = BeautifulSoup(school.html(PAGE), "html.parser")
    assert soup.h1.get_text(strip=True) == "家长学校"
    assert "区定要求：每学期 3 次 / 6 课时" in soup.select_one(".xinyu-ps__rule-line").get_text()
    assert "网页脚本" in soup.select_one(".xinyu-ps__nojs").get_text()
    assert soup.select_one(".xinyu-ps__app").has_attr("hidden")
    cards = {a["data-course"]: a for a in soup.select("article.xinyu-ps__course")}
    assert set(cards) == {"series", "single", "paused", "derived", "hostile"}
    meta = {key: card.select_one(".xinyu-ps__course-meta strong").get_text() for key, card in cards.items()}
    assert meta["series"] == "共 4 次，每次 2 课时，合计 8 课时"
    assert meta["single"] == "1 次，2 课时" and meta["derived"] == "1 次，3 课时"
    assert "暂停预约" in cards["paused"].get_text()
    assert cards["hostile"].h3.a.get_text() == HOSTILE and cards["hostile"].select("img, script") == []
    for card in cards.values():  # each title links to the course's page
        href = card.h3.a["href"]
        assert href.startswith("../courses/") and (school.site / "parents-school" / href / "index.html").is_file()
    order = soup.select_one(".xinyu-ps__order-link a")
    assert order["href"] == "../courses/#xinyu-order"


def test_the_page_is_in_the_course_section_of_the_navigation(school):
    soup = BeautifulSoup(school.html("courses/index.html"), "html.parser")
    link = soup.select_one('nav.md-nav--primary a[href="../parents-school/"]')
    assert link is not None and link.get_text(strip=True) == "家长学校"


def test_a_series_course_page_shows_its_sessions_and_periods(school):
    rows = card_rows(BeautifulSoup(school.html("courses/series/index.html"), "html.parser"))
    assert rows["时长"] == "共 4 次，每次 90 分钟" and rows["课时"] == "每次 2 课时，共 8 课时"
    rows = card_rows(BeautifulSoup(school.html("courses/derived/index.html"), "html.parser"))
    assert rows["时长"] == "135 分钟" and rows["课时"] == "3 课时"


def test_only_a_generated_page_may_carry_its_data_as_json():
    def unsafe(html: str, contributed: bool) -> list[str]:
        reader = _Reader(contributed=contributed)
        reader.feed(f'<article class="md-content__inner">{html}</article>')
        return reader.result().unsafe

    data = '<script type="application/json" id="xinyu-parents-school-data">{}</script>'
    assert unsafe(data, contributed=False) == []
    assert unsafe(data, contributed=True) == ["页面内容中的 <script> 元素"]
    for other in ('<script id="xinyu-parents-school-data">alert(1)</script>',
                  '<script type="application/json" id="__config">{}</script>',
                  '<script type="module" id="xinyu-x-data"></script>'):
        assert "页面内容中的 <script> 元素" in unsafe(other, contributed=False), other


# ---- catalogue.json -------------------------------------------------------------

def test_catalogue_has_sessions_and_periods_and_matches_its_schema(school):
    catalogue = json.loads((school.site / "catalogue.json").read_text(encoding="utf-8"))
    schema = json.loads((school.site / "catalogue.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(catalogue, schema)
    courses = {c["id"]: c for c in catalogue["courses"]}
    assert {k: (c["sessions"], c["periods"], c["total_periods"]) for k, c in courses.items()} == {
        "series": (4, 2, 8), "single": (1, 2, 2), "paused": (1, 2, 2), "pupils": (1, 2, 2),
        "derived": (1, 3, 3), "hostile": (1, 1, 1)}
    assert catalogue["version"] == 1  # new fields only: the format's version stays
    broken = json.loads(json.dumps(catalogue))
    del broken["courses"][0]["total_periods"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)
    broken = json.loads(json.dumps(catalogue))
    broken["courses"][0]["sessions"] = 0
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def demo_parent_courses() -> dict[str, dict]:
    courses = {}
    for path in sorted((REPO / "content" / "courses").glob("*.md")):
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        if meta["audience"] in ("parents", "families") and meta.get("status", "open") != "draft":
            courses[path.stem] = meta
    return courses


def test_demo_catalogue_and_page_agree_with_the_course_files(demo_build):
    catalogue = json.loads((demo_build.site / "catalogue.json").read_text(encoding="utf-8"))
    jsonschema.validate(catalogue, json.loads((demo_build.site / "catalogue.schema.json").read_text()))
    data = page_data(demo_build)
    files = demo_parent_courses()
    assert [c["slug"] for c in data["courses"]] and {c["slug"] for c in data["courses"]} == set(files)
    listed = {c["id"]: c for c in catalogue["courses"]}
    for course in data["courses"]:
        meta = files[course["slug"]]
        periods = meta.get("periods") or max(1, round(meta["duration_min"] / 45))
        assert (course["sessions"], course["periods"]) == (meta.get("sessions", 1), periods)
        same = listed[course["slug"]]
        assert (same["sessions"], same["periods"], same["total_periods"]) == \
            (course["sessions"], course["periods"], course["total_periods"])
        assert course["orderable"] == (meta.get("status", "open") == "open")
    assert data["rule"] == {"sessions": 2, "periods": 4}
    soup = BeautifulSoup(demo_build.html(PAGE), "html.parser")
    assert "区定要求：每学期 2 次 / 4 课时" in soup.select_one(".xinyu-ps__rule-line").get_text()


# ---- in the browser --------------------------------------------------------------

@pytest.fixture(scope="module")
def school_url(school):
    with serve(school.site) as url:
        yield url


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True,
                                  device_scale_factor=2)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == []


def status(page) -> tuple[str, str]:
    return (page.locator(".xinyu-ps__totals").inner_text(), page.locator(".xinyu-ps__verdict").inner_text())


def card(page, slug: str):
    return page.locator(f'article[data-course="{slug}"]')


def rows(page) -> list[str]:
    return page.locator(".xinyu-ps__sessions li .xinyu-ps__session-head").all_inner_texts()


def test_demo_choosing_courses_until_the_rule_is_met(phone, demo_url):
    page = phone
    page.goto(f"{demo_url}/parents-school/")
    data = json.loads(page.locator("#xinyu-parents-school-data").text_content())
    rule = data["rule"]
    assert page.locator(".xinyu-ps__rule").inner_text() == \
        f"区定要求：每学期 {rule['sessions']} 次 / {rule['periods']} 课时"
    assert status(page) == expected_status([], rule)
    page.select_option("select[name=grade]", "3")
    fitting = [c for c in data["courses"] if 3 in c["grades"]]
    shown = page.locator("article.xinyu-ps__course:visible").evaluate_all(
        "cards => cards.map(card => card.dataset.course)")
    assert shown == [c["slug"] for c in fitting]
    chosen: list[dict] = []
    for course in (c for c in fitting if c["orderable"]):
        card(page, course["slug"]).get_by_role("button", name=f"把《{course['title']}》加入计划").click()
        chosen.append(course)
        assert status(page) == expected_status(chosen, rule)
        if status(page)[1] == "✓ 达标":
            break
    assert status(page)[1] == "✓ 达标" and len(chosen) >= 2
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "parents-school-phone.png"), full_page=True)

    # a reload keeps the plan (no link: the stored one)
    page.goto(f"{demo_url}/parents-school/")
    assert rows(page) == [f"第 {n} 次 {c['title']}" for n, c in enumerate(chosen, 1)]
    assert status(page)[1] == "✓ 达标"
    assert page.locator("select[name=grade]").input_value() == "3"

    # the link opens the same plan in a browser that has none, and wins over a stored one
    link = page.url
    assert "#" in link and "plan=" + ",".join(f"{c['code']}.1" for c in chosen) in link
    other = page.context.browser.new_context(viewport={"width": 1280, "height": 900})
    fresh = other.new_page()
    fresh.goto(f"{demo_url}/parents-school/")
    single = next(c for c in data["courses"] if c["orderable"] and c not in chosen)
    card(fresh, single["slug"]).get_by_role("button", name=f"把《{single['title']}》加入计划").click()
    fresh.goto(link)
    assert rows(fresh) == [f"第 {n} 次 {c['title']}" for n, c in enumerate(chosen, 1)]
    assert "已按链接打开计划" in fresh.locator(".xinyu-ps__notice").inner_text()
    assert status(fresh)[1] == "✓ 达标"
    fresh.goto(f"{demo_url}/parents-school/")  # the link's plan is now the stored one
    assert len(rows(fresh)) == len(chosen)
    other.close()


def test_demo_plan_prints_on_a4(browser, demo_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{demo_url}/parents-school/")
    page.evaluate("localStorage.clear()")
    page.goto(f"{demo_url}/parents-school/#term=下学期&plan=JZ-02.1@2027-03-05,JZ-04.1")
    page.fill("input[name=school]", "青山湖区第二小学")
    page.emulate_media(media="print")
    sheet = page.locator(".xinyu-ps__sheet")
    expect(sheet).to_be_visible()
    title = sheet.locator("h2").inner_text()
    assert title.startswith("青山湖区第二小学 ") and title.endswith("学期 家长学校课程安排")
    assert sheet.locator("thead th").all_inner_texts() == ["次序", "日期", "课程", "编号", "讲师", "形式", "课时"]
    first = sheet.locator("tbody tr").first.locator("td").all_inner_texts()
    assert first[:2] == ["第 1 次", "2027年3月5日"] and first[3] == "JZ-02"
    assert sheet.locator("tfoot").inner_text().replace("\t", " ").split() == ["合计", "2", "次", "/", "3", "课时"]
    assert "区定要求：每学期 2 次 / 4 课时" in sheet.inner_text() and "还差 1 课时" in sheet.inner_text()
    for hidden in ["h1", ".xinyu-ps__app", ".xinyu-ps__menu", ".xinyu-ps__bar", ".xinyu-ps__intro",
                   "header.md-header", ".md-sidebar--primary", "footer.md-footer"]:
        locator = page.locator(hidden)
        assert locator.count() == 0 or locator.first.is_hidden(), hidden
    page.screenshot(path=str(ARTIFACTS / "parents-school-print.png"), full_page=True)
    pdf = page.pdf(format="A4")
    boxes = re.findall(rb"/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]", pdf)
    assert pdf.startswith(b"%PDF") and boxes and all(
        abs(float(w) - 595) < 2 and abs(float(h) - 842) < 2 for w, h in boxes)  # A4 in points
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1  # a short plan is one sheet
    page.emulate_media(media="screen")
    expect(sheet).to_be_hidden()
    page.close()


def test_a_blank_school_name_prints_as_a_line_to_fill_in(browser, school_url):
    page = browser.new_page()
    page.goto(f"{school_url}/parents-school/#term=下学期&year=2026—2027&plan=")
    page.emulate_media(media="print")
    assert page.locator(".xinyu-ps__sheet h2").inner_text() == \
        "＿＿＿＿＿＿＿＿学校 2026—2027学年第二学期 家长学校课程安排"
    assert page.locator(".xinyu-ps__sheet tbody").inner_text().strip() == "（还没有安排课程）"
    page.close()


def test_a_series_adds_all_its_sessions_and_counts_them(phone, school_url):
    page = phone
    page.goto(f"{school_url}/parents-school/")
    assert page.locator(".xinyu-ps__rule").inner_text() == "区定要求：每学期 3 次 / 6 课时"
    assert status(page) == ("本学期：0 次 / 0 课时", "还差 3 次、6 课时")
    assert card(page, "pupils").count() == 0
    assert card(page, "paused").get_by_role("button").count() == 0
    assert "暂停预约，暂时不能加入计划" in card(page, "paused").inner_text()
    card(page, "series").get_by_role("button", name="把《父母成长课堂》加入计划（共 4 次，8 课时）").click()
    assert rows(page) == [f"第 {n} 次 父母成长课堂" for n in range(1, 5)]
    assert "系列课程第 2/4 次" in page.locator(".xinyu-ps__session-meta").nth(1).inner_text()
    assert status(page) == ("本学期：4 次 / 8 课时", "✓ 达标")
    card(page, "series").get_by_role("button", name="把《父母成长课堂》移出计划").click()
    assert rows(page) == [] and status(page) == ("本学期：0 次 / 0 课时", "还差 3 次、6 课时")
    card(page, "derived").get_by_role("button", name="把《亲子游戏工作坊》加入计划（3 课时）").click()
    card(page, "single").get_by_role("button", name="把《读懂孩子的情绪》加入计划（2 课时）").click()
    assert status(page) == ("本学期：2 次 / 5 课时", "还差 1 次、1 课时")
    # grade filter: 一年级 hides the families' workshop for grades 4-6 and flags it in the plan
    page.select_option("select[name=grade]", "1")
    assert card(page, "derived").is_hidden() and card(page, "series").is_visible()
    assert "不适合所选年级" in page.locator(".xinyu-ps__sessions li").first.inner_text()
    # reorder and dates
    page.get_by_role("button", name="下移第 1 次《亲子游戏工作坊》").click()
    assert rows(page) == ["第 1 次 读懂孩子的情绪", "第 2 次 亲子游戏工作坊"]
    page.get_by_label("第 1 次《读懂孩子的情绪》的计划日期").fill("2027-05-20")
    page.get_by_label("第 2 次《亲子游戏工作坊》的计划日期").fill("2027-03-10")
    page.get_by_role("button", name="按日期排序").click()
    assert rows(page) == ["第 1 次 亲子游戏工作坊", "第 2 次 读懂孩子的情绪"]
    assert page.url.endswith("&grade=1&plan=QZ-01.1@2027-03-10,JZ-02.1@2027-05-20")
    page.reload()
    assert page.get_by_label("第 2 次《读懂孩子的情绪》的计划日期").input_value() == "2027-05-20"
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_a_link_to_a_paused_or_unknown_course_leaves_it_out(phone, school_url):
    page = phone
    page.goto(f"{school_url}/parents-school/#plan=JZ-03.1,XS-01.1,NOPE-1.1,JZ-01.9,single.1,JZ-02.1")
    assert rows(page) == ["第 1 次 读懂孩子的情绪"]  # by file name or number, once
    assert "其中 5 次课程已暂停预约或已下架" in page.locator(".xinyu-ps__notice").inner_text()
    page.goto(f"{school_url}/parents-school/#plan=%E0%A4%A&grade=<b>&school=%3Cimg%20src%3Dx%3E")
    assert rows(page) == [] and page.locator("input[name=school]").input_value() == "<img src=x>"
    assert page.locator(".xinyu-ps img").count() == 0


def test_hostile_title_stays_text(phone, school_url):
    page = phone
    page.goto(f"{school_url}/parents-school/")
    card(page, "hostile").get_by_role("button", name=f"把《{HOSTILE}》加入计划（1 课时）").click()
    assert page.locator(".xinyu-ps__session-title").inner_text() == HOSTILE
    page.emulate_media(media="print")
    assert HOSTILE in page.locator(".xinyu-ps__sheet tbody").inner_text()
    assert page.locator(".xinyu-ps img, .xinyu-ps script").count() == 0
    assert page.evaluate("window.__pwned") is None


def test_the_chosen_courses_go_to_the_order_form(browser, school_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{school_url}/courses/")
    page.evaluate("localStorage.setItem('xinyu-order', JSON.stringify({courses: ['single']}))")
    page.goto(f"{school_url}/parents-school/#plan=JZ-01.1,JZ-01.2,JZ-01.3,JZ-01.4,JZ-02.1")
    page.get_by_role("button", name="把所选课程加入点单").click()
    page.wait_for_url("**/courses/#xinyu-order")
    stored = page.evaluate("JSON.parse(localStorage.getItem('xinyu-order'))")
    assert stored["courses"] == ["single", "series"]  # order.js's own format, each course once
    assert [(p["course"], p["session"], p["date"]) for p in stored["plan"]] == \
        [("series", 1, ""), ("series", 2, ""), ("series", 3, ""), ("series", 4, ""), ("single", 1, "")]
    assert "school" not in stored  # no school name typed
    items = page.locator(".xinyu-order__courses li").all_inner_texts()
    assert [item.split("（")[0] for item in items] == ["读懂孩子的情绪", "父母成长课堂"]
    page.close()


def test_the_order_keeps_the_series_the_dates_and_the_school(browser, school_url):
    """The hand-over loses nothing: a series is 共 N 次，每次 M 课时 in the
    order; the planned dates and the school's name reach the form, the mail,
    the copied text and the printed sheet (all the same text)."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{school_url}/courses/")
    page.evaluate("localStorage.clear()")
    page.goto(f"{school_url}/parents-school/#school=%E9%9D%92%E5%B1%B1%E6%B9%96%E5%8C%BA%E7%AC%AC%E4%BA%8C%E5%B0%8F"
              "%E5%AD%A6&plan=JZ-01.1@2027-03-05,JZ-01.2@2027-03-19,JZ-01.3,JZ-01.4@2027-04-16,JZ-02.1@2027-04-30")
    assert page.locator("input[name=school]").input_value() == "青山湖区第二小学"
    page.get_by_role("button", name="把所选课程加入点单").click()
    page.wait_for_url("**/courses/#xinyu-order")
    items = page.locator(".xinyu-order__courses li").all_inner_texts()
    assert len(items) == 2 and "共 4 次，每次 2 课时" in items[0] and "次，每次" not in items[1]
    assert page.locator("input[name=school]").input_value() == "青山湖区第二小学"
    assert page.locator("input[name=date]").input_value() == "2027-03-05"  # the first planned date
    plan = ("家长学校计划：第1次 2027-03-05 【JZ-01】《父母成长课堂》（第 1/4 次）；"
            "第2次 2027-03-19 【JZ-01】《父母成长课堂》（第 2/4 次）；"
            "第3次 日期待定 【JZ-01】《父母成长课堂》（第 3/4 次）；"
            "第4次 2027-04-16 【JZ-01】《父母成长课堂》（第 4/4 次）；"
            "第5次 2027-04-30 【JZ-02】《读懂孩子的情绪》")
    assert page.locator(".xinyu-order__plan").inner_text() == plan
    page.fill("input[name=contact]", "张老师")
    page.fill("input[name=phone]", "13900001111")
    page.fill("input[name=participants]", "40")
    page.get_by_role("button", name="生成点单").click()
    href = page.locator("a.xinyu-order__mail").get_attribute("href")
    from urllib.parse import parse_qs, urlsplit
    body = parse_qs(urlsplit(href).query)["body"][0]
    assert "1. 【JZ-01】《父母成长课堂》（王芳，讲座，90 分钟，共 4 次，每次 2 课时）" in body
    assert "2. 【JZ-02】《读懂孩子的情绪》（李明，线上，90 分钟）" in body
    assert plan in body and "学校 / 班级：青山湖区第二小学" in body and "首选日期：2027-03-05" in body
    assert plan in page.locator(".xinyu-order-sheet").text_content()  # the printed order sheet
    # removing the series from the order drops its sessions from the plan too
    page.get_by_role("button", name="从点单中移除《父母成长课堂》").click()
    assert page.locator(".xinyu-order__plan").inner_text() == "家长学校计划：第1次 2027-04-30 【JZ-02】《读懂孩子的情绪》"
    stored = page.evaluate("JSON.parse(localStorage.getItem('xinyu-order'))")
    assert stored["courses"] == ["single"] and [p["course"] for p in stored["plan"]] == ["single"]
    page.get_by_role("button", name="清空点单").click()
    assert page.evaluate("JSON.parse(localStorage.getItem('xinyu-order'))") == {"courses": []}
    assert page.locator(".xinyu-order__plan").is_hidden()
    page.close()


def test_sorting_by_date_never_puts_a_series_out_of_order(phone, school_url):
    page = phone
    # the series' 2nd session is dated before its 1st: sorting keeps 1 before 2 and says so
    page.goto(f"{school_url}/parents-school/#plan=JZ-01.1@2027-05-06,JZ-01.2@2027-03-04,"
              "JZ-01.3@2027-05-20,JZ-01.4@2027-06-03,JZ-02.1@2027-04-01")
    page.get_by_role("button", name="按日期排序").click()
    assert rows(page) == ["第 1 次 读懂孩子的情绪"] + [f"第 {n} 次 父母成长课堂" for n in range(2, 6)]
    metas = page.locator(".xinyu-ps__session-meta").all_inner_texts()
    assert [re.search(r"系列课程第 (\d)/4 次", m).group(1) for m in metas[1:]] == ["1", "2", "3", "4"]
    assert "系列课程第 2 次的日期早于第 1 次" in metas[2]
    assert not any("早于" in m or "之前" in m for i, m in enumerate(metas) if i != 2)
    notice = page.locator(".xinyu-ps__notice").inner_text()
    assert "系列课程保持原来的次序" in notice and "《父母成长课堂》系列课程第 2 次的日期早于第 1 次" in notice
    assert "《父母成长课堂》系列课程第 2 次的日期早于第 1 次" in page.locator(".xinyu-ps__verdict").inner_text()
    assert page.url.endswith("plan=JZ-02.1@2027-04-01,JZ-01.1@2027-05-06,JZ-01.2@2027-03-04,"
                             "JZ-01.3@2027-05-20,JZ-01.4@2027-06-03")
    # dates in order: sorted by date, no warning
    page.get_by_label("第 3 次《父母成长课堂》的计划日期").fill("2027-05-13")
    page.get_by_role("button", name="按日期排序").click()
    assert page.locator(".xinyu-ps__notice").inner_text() == "已按日期排序。"
    assert page.locator(".xinyu-ps__series-warn").count() == 0
    assert page.locator(".xinyu-ps__verdict").inner_text() == "✓ 达标"
    # moved by hand: a later session before an earlier one is flagged on its row
    page.get_by_role("button", name="下移第 2 次《父母成长课堂》").click()
    warning = page.locator(".xinyu-ps__series-warn")
    expect(warning).to_have_count(1)
    assert warning.inner_text() == "（系列课程第 2 次排在第 1 次之前）"
    assert "系列课程第 2 次排在第 1 次之前" in page.locator(".xinyu-ps__verdict").inner_text()
    page.get_by_role("button", name="按日期排序").click()  # sorting puts it right again
    assert page.locator(".xinyu-ps__series-warn").count() == 0


def test_offline_copy_plans_and_orders_from_files(browser, demo_build, tmp_path):
    with zipfile.ZipFile(demo_build.site / "downloads" / "xinyu-offline.zip") as bundle:
        bundle.extractall(tmp_path)
    page = browser.new_page()
    page.goto((tmp_path / "xinyu-offline" / "parents-school" / "index.html").as_uri())
    data = json.loads(page.locator("#xinyu-parents-school-data").text_content())
    course = next(c for c in data["courses"] if c["orderable"])
    card(page, course["slug"]).get_by_role("button", name=f"把《{course['title']}》加入计划").click()
    link = page.locator(".xinyu-ps__session-title")
    assert link.get_attribute("href") == f"../courses/{course['slug']}/index.html"  # the copy's file links
    page.get_by_role("button", name="把所选课程加入点单").click()
    page.wait_for_url("**/courses/index.html#xinyu-order")
    assert page.locator(".xinyu-order__courses li").first.inner_text().startswith(course["title"])
    page.close()


def test_without_javascript_the_course_list_shows(browser, school_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 740})
    page = context.new_page()
    page.goto(f"{school_url}/parents-school/")
    assert page.locator(".xinyu-ps__nojs").is_visible()
    assert page.locator(".xinyu-ps__app").is_hidden() and page.locator(".xinyu-ps__bar").is_hidden()
    assert page.locator("article.xinyu-ps__course").count() == 5
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    context.close()


def test_no_serious_accessibility_violations(browser, demo_url):
    page = browser.new_page()
    page.goto(f"{demo_url}/parents-school/#plan=JZ-02.1,JZ-04.1")
    expect(page.locator(".xinyu-ps__sessions li")).to_have_count(2)
    page.add_script_tag(content=axe_source())
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
               for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], json.dumps(serious, ensure_ascii=False)
    page.close()
