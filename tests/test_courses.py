"""The lecturer team's on-demand course menu: content, pages, catalogue.json,
and ordering in a real browser."""

from __future__ import annotations

import datetime as dt
import json
import re
from urllib.parse import parse_qs, urlsplit

import jsonschema
import pytest
from bs4 import BeautifulSoup
from conftest import ARTIFACTS, REPO, Library, card_rows, dedent, serve
from playwright.sync_api import expect

OUTLINE = "## 课程大纲\n\n1. 认识情绪\n2. 亲子练习\n"

LECTURERS = dedent("""
    wang-fang:
      name: 王芳
      title: 国家二级心理咨询师
      bio: 长期从事小学心理健康教育。
    li-ming:
      name: 李明
      title: 区家庭教育指导师
""")


def write_course(library: Library, slug: str, **fields) -> None:
    fields = {"title": slug, "lecturer": "wang-fang", "audience": "parents", "grades": "1-3",
              "format": "lecture", "duration_min": 90, "themes": ["亲子沟通"],
              "summary": "课程简介。", **fields}
    front = "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in fields.items())
    path = library.root / "content" / "courses" / f"{slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front}---\n{OUTLINE}", encoding="utf-8")


def course_library(root) -> Library:
    library = Library(root, plugin={"order": {"email": "order@xinli.example.cn", "phone": "0791-8888 6666",
                                              "note": "工作日受理"}})
    library.fill_coverage()
    (library.root / "content" / "lecturers.yml").write_text(LECTURERS, encoding="utf-8")
    # Course numbers: declared (JZ-01), declared in lower case (read as JZ-02),
    # and derived from the file name (puberty, paused).
    write_course(library, "emotions", title="读懂孩子的情绪", code="JZ-01", grades="1-3", capacity=60,
                 lead_time_days=14, themes=["情绪", "亲子沟通"], topic="emotion")
    write_course(library, "phones", title="手机与网络使用", code="jz-02", grades=[5, 6], format="workshop",
                 capacity=30, lead_time_days=7, themes=["手机使用"], lecturer="li-ming")
    write_course(library, "puberty", title="青春期的孩子", grades="7-9", format="online",
                 lead_time_days=0, themes=["青春期", "亲子沟通"])
    write_course(library, "exam", title="考前心理疏导", code="XS-01", grades=[12], audience="students",
                 format="group", capacity=20, themes=["考试焦虑"], lecturer="li-ming")
    write_course(library, "paused", title="暂停的课程", grades="1-6", status="paused", themes=["情绪"])
    write_course(library, "draft", title="草稿课程", status="draft")
    return library


@pytest.fixture(scope="module")
def menu(tmp_path_factory):
    library = course_library(tmp_path_factory.mktemp("courses") / "repo")
    build = library.build()
    assert build.returncode == 0, build.output
    return build


def soup(build, path: str) -> BeautifulSoup:
    return BeautifulSoup(build.html(path), "html.parser")


def test_course_errors_have_path_and_line(tmp_path):
    library = Library(tmp_path / "repo")
    library.fill_coverage()
    (library.root / "content" / "lecturers.yml").write_text(LECTURERS, encoding="utf-8")
    write_course(library, "bad", lecturer="wang-fan", format="seminar", grades=[13], duration_min=-30)
    out = library.check().stdout
    assert "content/courses/bad.md:3: [XY-R004] 讲师（lecturer）的“wang-fan”没有登记（是不是想写 " \
           "wang-fang？）；已登记在 content/lecturers.yml 中的键：wang-fang、li-ming" in out
    assert "content/courses/bad.md:5: [XY-F028] 适用年级（grades）的 13 不是已配置的年级（1–12）" in out
    assert "content/courses/bad.md:6: [XY-F017] 形式（format）只能是 lecture、workshop、online、group " \
           "之一，而不是“seminar”" in out
    assert "content/courses/bad.md:7: [XY-F016] 时长（duration_min）应当不小于 1，而不是 -30" in out
    assert "点单课程（course）：找到 1 个，发布 0 个，草稿 0 个，被拒 1 个" in out


def test_lecturers_file_errors_have_lines(tmp_path):
    library = Library(tmp_path / "repo")
    (library.root / "content" / "lecturers.yml").write_text("wang-fang:\n  name: 王芳\n", encoding="utf-8")
    out = library.check().stdout
    assert "content/lecturers.yml:1: [XY-F002] 缺少必填字段 头衔（wang-fang.title）" in out


def test_course_page_shows_lecturer_audience_and_outline(menu):
    page = soup(menu, "courses/emotions/index.html")
    rows = card_rows(page, " ")
    assert rows["主讲"] == "王芳 ，国家二级心理咨询师"
    assert rows["对象"] == "一至三年级家长"
    assert rows["形式"] == "讲座"
    assert rows["时长"] == "90 分钟"
    assert rows["人数"] == "每场不超过 60 人"
    assert rows["预约"] == "至少提前 14 天"
    assert rows["主题"] == "情绪、亲子沟通"
    assert rows["课程编号"] == "JZ-01"
    assert list(rows)[0] == "课程编号"  # first, where a caller reads it out
    assert "emotions" not in page.select_one("table.xinyu-card").get_text()
    assert page.find("h2", string="课程大纲") is not None
    assert page.select_one("button.xinyu-order-add__button")["data-course-id"] == "emotions"


def test_paused_course_is_visible_but_cannot_be_ordered(menu):
    page = soup(menu, "courses/paused/index.html")
    assert "暂停预约" in page.select_one(".xinyu-status--paused").get_text()
    assert page.select("button.xinyu-order-add__button") == []
    card = soup(menu, "courses/index.html").find("a", string="暂停的课程").find_parent("article")
    assert "暂停预约" in card.get_text() and card.select("button") == []


def test_lecturer_page_lists_their_courses(menu):
    page = soup(menu, "lecturers/li-ming/index.html")
    assert sorted(a.get_text() for a in page.select("article li a")) == ["手机与网络使用", "考前心理疏导"]
    items = sorted(li.get_text(" ", strip=True) for li in page.select("article li"))
    assert "编号 JZ-02" in items[0] and "编号 XS-01" in items[1]


def test_menu_cards_show_the_course_number(menu):
    page = soup(menu, "courses/index.html")
    codes = {card.h3.get_text(strip=True): card.select_one(".xinyu-course-code").get_text(" ", strip=True)
             for card in page.select("article.xinyu-card-item")}
    assert codes == {"读懂孩子的情绪": "编号 JZ-01", "手机与网络使用": "编号 JZ-02",
                     "青春期的孩子": "编号 KC-KTB7", "考前心理疏导": "编号 XS-01",
                     "暂停的课程": "编号 KC-26RV"}
    button = page.find("a", string="读懂孩子的情绪").find_parent("article").select_one("button")
    assert (button["data-course-id"], button["data-course-code"]) == ("emotions", "JZ-01")


def test_menu_groups_cards_by_audience_stage(menu):
    page = soup(menu, "courses/index.html")
    groups = {section.h2.get_text(strip=True): [a.get_text() for a in section.select("h3 a")]
              for section in page.select("section.xinyu-menu__group")}
    assert groups == {"小学家长": ["读懂孩子的情绪", "手机与网络使用", "暂停的课程"],
                      "初中家长": ["青春期的孩子"], "高中学生": ["考前心理疏导"]}


def test_raw_course_sources_are_not_published(menu):
    assert not (menu.site / "lecturers.yml").exists()
    assert not (menu.site / "courses" / "draft").exists()


def test_catalogue_json_is_valid_and_public(menu):
    catalogue = json.loads((menu.site / "catalogue.json").read_text(encoding="utf-8"))
    schema = json.loads((menu.site / "catalogue.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(catalogue, schema)
    courses = {c["id"]: c for c in catalogue["courses"]}
    assert set(courses) == {"emotions", "phones", "puberty", "exam", "paused"}
    assert courses["paused"]["status"] == "paused" and courses["paused"]["orderable"] is False
    assert courses["emotions"]["audience_label"] == "一至三年级家长"
    assert courses["emotions"]["url"] == "courses/emotions/"
    assert courses["puberty"]["capacity"] is None
    # one session each; periods from 90 minutes (one per 45), counted by the parents' school
    assert {(c["sessions"], c["periods"], c["total_periods"]) for c in courses.values()} == {(1, 2, 2)}
    assert {key: c["code"] for key, c in courses.items()} == {
        "emotions": "JZ-01", "phones": "JZ-02", "puberty": "KC-KTB7", "exam": "XS-01",
        "paused": "KC-26RV"}
    assert catalogue["order"]["email"] == "order@xinli.example.cn"
    lecturers = {l["id"]: l for l in catalogue["lecturers"]}
    assert sorted(lecturers["li-ming"]["courses"]) == ["exam", "phones"]


def test_catalogue_schema_rejects_what_it_should():
    schema = json.loads((REPO / "plugins" / "xinyu" / "assets" / "catalogue.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"version": 1, "courses": [{"id": "x", "phone": "13812345678"}]}, schema)


# ---- in the browser -------------------------------------------------------

@pytest.fixture(scope="module")
def menu_url(menu):
    with serve(menu.site) as url:
        yield url


@pytest.fixture
def phone_page(browser):
    context = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True)
    page = context.new_page()
    yield page
    context.close()


def visible_titles(page, scripted: bool = True) -> list[str]:
    if scripted:  # the filter form appears once the script has applied the URL's filters
        expect(page.locator("form.xinyu-facets")).to_be_visible()
    return page.locator("#xinyu-course-menu article:visible h3").all_inner_texts()


def test_filtering_by_grade_shows_matching_cards_and_updates_the_url(phone_page, menu_url):
    page = phone_page
    page.goto(f"{menu_url}/courses/")
    assert len(visible_titles(page)) == 5
    page.select_option("select[name=grade]", "5")
    assert visible_titles(page) == ["手机与网络使用", "暂停的课程"]
    assert page.url.endswith("/courses/?grade=5")
    assert page.locator(".xinyu-facets__count").inner_text() == "共 2 项"
    assert page.locator("section.xinyu-menu__group:visible h2").all_inner_texts() == ["小学家长"]
    page.select_option("select[name=format]", "workshop")
    assert visible_titles(page) == ["手机与网络使用"]
    shared = page.url
    other = page.context.new_page()
    other.goto(shared)
    assert visible_titles(other) == ["手机与网络使用"]
    assert other.locator("select[name=grade]").input_value() == "5"
    assert other.locator("select[name=format]").input_value() == "workshop"
    assert visible_titles(other) == ["手机与网络使用"]


def test_filters_work_with_the_keyboard(phone_page, menu_url):
    page = phone_page
    page.goto(f"{menu_url}/courses/")
    page.focus("select[name=theme]")
    page.keyboard.press("ArrowDown")  # the first theme
    first_theme = page.locator("select[name=theme]").input_value()
    assert first_theme
    assert all(first_theme in (page.locator(f"#xinyu-course-menu article:visible >> nth={i}")
                               .get_attribute("data-facet-theme") or "").split("|")
               for i in range(page.locator("#xinyu-course-menu article:visible").count()))
    assert page.get_by_role("combobox", name=re.compile("^主题")).count() == 1


def fill_order(page, participants: str = "40", days_ahead: int = 30) -> None:
    date = (dt.date.today() + dt.timedelta(days=days_ahead)).isoformat()
    page.fill("input[name=school]", "青山湖区第一小学 三年级")
    page.fill("input[name=contact]", "张老师")
    page.fill("input[name=phone]", "13900001111")
    page.fill("input[name=date]", date)
    page.fill("input[name=participants]", participants)


def test_ordering_two_courses_yields_a_mailto_link_with_both(phone_page, menu_url):
    page = phone_page
    page.goto(f"{menu_url}/courses/")
    page.evaluate("localStorage.clear()")
    page.reload()
    expect(page.locator(".xinyu-order__empty")).to_be_visible()
    page.locator("article.xinyu-card-item", has_text="读懂孩子的情绪").get_by_role("button", name="加入点单").click()
    page.locator("article.xinyu-card-item", has_text="手机与网络使用").get_by_role("button", name="加入点单").click()
    assert page.locator(".xinyu-order__courses li").count() == 2
    fill_order(page, participants="25")
    page.get_by_role("button", name="生成点单").click()
    href = page.locator("a.xinyu-order__mail").get_attribute("href")
    parts = urlsplit(href)
    assert parts.scheme == "mailto" and parts.path == "order@xinli.example.cn"
    query = parse_qs(parts.query)
    subject, body = query["subject"][0], query["body"][0]
    for course_id, title in [("emotions", "读懂孩子的情绪"), ("phones", "手机与网络使用")]:
        assert f"《{title}》" in subject and f"《{title}》" in body
        assert course_id not in subject and course_id not in body
    assert "【JZ-01】《读懂孩子的情绪》" in subject and "【JZ-02】《手机与网络使用》" in subject
    assert "1. 【JZ-01】《读懂孩子的情绪》（王芳，讲座，90 分钟）" in body
    assert "2. 【JZ-02】《手机与网络使用》" in body
    listed = page.locator(".xinyu-order__courses li").all_inner_texts()
    assert "编号 JZ-01" in listed[0] and "emotions" not in " ".join(listed)
    assert "联系电话：13900001111" in body and "预计参加人数：25" in body
    # the phone number is not stored and not in the address bar
    assert "13900001111" not in page.evaluate("JSON.stringify(localStorage)")
    assert "13900001111" not in page.url
    sheet = page.locator(".xinyu-order-sheet")
    assert "【JZ-02】《手机与网络使用》" in sheet.inner_text() and "phones" not in sheet.inner_text()


def test_order_checks_lead_time_and_capacity(phone_page, menu_url):
    page = phone_page
    page.goto(f"{menu_url}/courses/")
    page.evaluate("localStorage.setItem('xinyu-order', JSON.stringify({courses: ['emotions', 'phones']}))")
    page.reload()
    expect(page.locator(".xinyu-order__courses li")).to_have_count(2)
    fill_order(page, participants="45", days_ahead=3)
    page.get_by_role("button", name="生成点单").click()
    messages = page.locator(".xinyu-order__messages").inner_text()
    earliest = (dt.date.today() + dt.timedelta(days=14)).isoformat()
    assert f"《读懂孩子的情绪》需要至少提前 14 天预约，首选日期最早可选 {earliest}。" in messages
    assert "《手机与网络使用》每场最多 30 人，预计 45 人超出了" in messages
    assert page.locator(".xinyu-order__result").is_hidden()


def test_selection_survives_reload_paused_cannot_be_added_and_clear_empties(phone_page, menu_url):
    page = phone_page
    page.goto(f"{menu_url}/courses/")
    page.evaluate("localStorage.setItem('xinyu-order', JSON.stringify({courses: ['puberty', 'paused']}))")
    page.reload()
    items = page.locator(".xinyu-order__courses li")
    expect(items).to_have_count(1)
    expect(items.first).to_contain_text("青春期的孩子")
    assert page.locator("article.xinyu-card-item", has_text="暂停的课程").get_by_role("button").count() == 0
    page.reload()
    expect(items).to_have_count(1)
    page.get_by_role("button", name="清空点单").click()
    expect(items).to_have_count(0)
    page.reload()
    expect(page.locator(".xinyu-order__empty")).to_be_visible()
    expect(items).to_have_count(0)


def test_course_page_adds_to_the_same_order(phone_page, menu_url):
    page = phone_page
    page.goto(f"{menu_url}/courses/exam/")
    page.evaluate("localStorage.clear()")
    page.reload()
    expect(page.get_by_role("button", name="加入点单")).to_be_visible()
    page.get_by_role("button", name="加入点单").click()
    assert page.get_by_role("button", name="已加入点单 ✓").get_attribute("aria-pressed") == "true"
    page.get_by_role("link", name="去填写点单表").click()
    expect(page.locator(".xinyu-order__courses li")).to_contain_text(["考前心理疏导"])


def test_menu_fits_a_phone_without_horizontal_scrolling(phone_page, menu_url):
    page = phone_page
    for path in ("courses/", "courses/emotions/"):
        page.goto(f"{menu_url}/{path}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, path
    page.goto(f"{menu_url}/courses/")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "course-menu-375.png"), full_page=True)


def test_without_javascript_the_menu_is_a_complete_plain_list(browser, menu_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{menu_url}/courses/")
    assert len(visible_titles(page, scripted=False)) == 5
    assert page.locator("form.xinyu-facets").is_hidden()
    assert page.locator("#xinyu-order").is_hidden()
    assert "order@xinli.example.cn" in page.locator(".md-content").inner_text()
    context.close()


def test_demo_menu_screenshot(browser, demo_url):
    context = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True)
    page = context.new_page()
    page.goto(f"{demo_url}/courses/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "demo-course-menu-375.png"))
    context.close()


def test_printable_order_sheet(phone_page, menu_url):
    page = phone_page
    page.goto(f"{menu_url}/courses/")
    page.evaluate("localStorage.setItem('xinyu-order', JSON.stringify({courses: ['puberty']}))")
    page.reload()
    expect(page.locator(".xinyu-order__courses li")).to_have_count(1)
    fill_order(page)
    page.get_by_role("button", name="生成点单").click()
    page.get_by_role("button", name="打印点单表").click()
    page.emulate_media(media="print")
    sheet = page.locator(".xinyu-order-sheet")
    assert sheet.is_visible()
    assert "家庭教育课程点单表" in sheet.inner_text() and "【KC-KTB7】《青春期的孩子》" in sheet.inner_text()
    assert page.locator("#xinyu-course-menu").is_hidden()
    assert page.locator("header.md-header").is_hidden()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "order-sheet-print.png"))


def test_a_lecturer_page_lists_each_course_as_its_own_item(demo_build):
    """A paused course's badge once swallowed the line break, running the
    whole list into one bullet."""
    from bs4 import BeautifulSoup

    for page in sorted((demo_build.site / "lecturers").glob("*/index.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        items = soup.select("article ul > li")
        links = soup.select("article ul > li > a[href*='courses/']")
        assert items and len(items) == len(links), page
        assert all(len(li.select("a")) == 1 for li in items), page
