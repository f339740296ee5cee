"""The district's programme beyond the lesson library: content kinds as one
declaration, lesson types, training modules against the required hours,
course series, the activities calendar and the download box — each on a
real build of a small library."""

from __future__ import annotations

import io
import json
import re
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import Library, lesson_text
from xinyu.core.gate import Gate
from xinyu.core.kinds import KINDS, TRAINING
from xinyu.core.library import load_library, privacy_guard
from xinyu.core.vocabulary import Settings

ACTIVITY_BODY = "## 活动目标\n\n体验合作。\n\n## 活动过程\n\n无声排队，解手链。\n"


def write(root: Path, relative: str, text: str | bytes) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def training_text(body: str = "## 培训目标\n\n学会倾听。\n\n## 培训内容\n\n倾听五步。\n", **fields) -> str:
    fields = {"title": "心理委员倾听训练", "audience": ["心理委员"], "hours": 2,
              "summary": "学会倾听同学。", **fields}
    return lesson_text(body, **fields)


def course_text(**fields) -> str:
    fields = {"title": "读懂孩子的情绪", "lecturer": "wang-fang", "audience": "parents",
              "grades": "1-3", "format": "lecture", "duration_min": 90,
              "themes": ["情绪"], "summary": "家长识别孩子的情绪。", **fields}
    return lesson_text("## 课程大纲\n\n1. 情绪是信号。\n", **fields)


def messages(root: Path, prefix: str) -> list[str]:
    library = load_library(root, _plugin(root))
    return [str(p) for p in sorted(library.problems, key=lambda p: (p.path, p.line))
            if p.path.startswith(prefix)]


def _plugin(root: Path) -> dict:
    import yaml

    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    return next(p["xinyu"] for p in config["plugins"] if isinstance(p, dict))


def text_of(site: Path, page: str) -> str:
    soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
    return " ".join(soup.select_one("article").get_text(" ").split())


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> tuple[Library, Path]:
    """One library with every kind, lesson types, a course series, training
    for every audience, activity tags and attachments; built once."""
    library = Library(tmp_path_factory.mktemp("programme") / "repo",
                      plugin={"coverage_check": "off", "periods_check": "off"})
    root = library.root
    library.lesson("g1/feelings.md", title="情绪小怪兽", activities=["day-0525", "5月心理健康教育宣传月"],
                   body=lesson_text_body("[情绪卡学习单](feelings-card.txt) 和 [统计表](tally.csv)"))
    write(root, "lessons/g1/feelings-card.txt", "情绪卡：画出你今天的心情。\n")
    write(root, "lessons/g1/tally.csv", "心情,人数\n开心,12\n")
    library.write("g7/ice-breaker.md", lesson_text(ACTIVITY_BODY, title="破冰启航", grades=[7],
                                                   topic="relationships", type="团辅活动",
                                                   summary="新生团辅。", periods=2,
                                                   activities=["month-05"]))
    library.lesson("g3/applause.md", title="《掌声》里的鼓励", grades=[3], type="学科渗透", subject="语文")
    write(root, "case_studies/2024/phone.md", lesson_text(
        "## 案例背景\n\n背景。\n\n## 问题分析\n\n分析。\n\n## 指导过程\n\n过程。\n\n## 效果与反思\n\n反思。\n",
        title="从手机大战到家庭约定", school="青山湖区第二小学",
        grades=[5], themes=["亲子沟通"], consent=True, summary="一份家庭约定。"
    ).replace("---\n", "---\nsubmitted: 2024-06-01\n", 1))
    write(root, "content/lecturers.yml", "wang-fang:\n  name: 王芳\n  title: 国家二级心理咨询师\n")
    write(root, "content/courses/series.md", course_text(title="青春期沟通四讲", code="JZ-04",
                                                         sessions=4, periods=2, activities=["month-11"]))
    write(root, "content/courses/single.md", course_text(title="读懂孩子的情绪", code="JZ-01"))
    modules = {
        "committee-1": dict(title="心理委员岗位培训（一）", audience=["心理委员"], hours=2, semester=1),
        "committee-2": dict(title="心理委员岗位培训（二）", audience=["心理委员"], hours=2, semester=1,
                            activities=["month-11"]),
        "crisis": dict(title="危机识别与转介", audience=["专职心理教师", "兼职心理教师", "班主任"],
                       hours=4, sessions=2),
        "supervision": dict(title="团体案例督导", audience=["专职心理教师"], hours=36, sessions=8),
        "head-teachers": dict(title="谈心谈话", audience=["班主任"], hours=8),
        "all-staff": dict(title="全员基础知识", audience=["全体教师"], hours=8, format="online"),
        "part-time": dict(title="课例研磨", audience="兼职心理教师", hours=20),
    }
    for slug, fields in modules.items():
        write(root, f"training/{slug}.md", training_text(**fields))
    build = library.build("--strict")
    assert build.returncode == 0, build.output
    assert "WARNING" not in build.output
    return library, build.site


def lesson_text_body(line: str) -> str:
    from conftest import BODY

    return BODY + f"\n## 学习材料\n\n{line}\n"


# --- one declaration per kind --------------------------------------------------


def test_every_kind_gets_its_index_pages_schema_and_navigation(site):
    library, out = site
    home = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    nav = {a["href"].rstrip("/").split("/")[-1] for a in home.select("nav.md-nav--primary a[href]")}
    for kind in KINDS:
        assert (out / kind.folder / "index.html").is_file(), kind.key
        assert (out / "schemas" / f"{kind.key}.schema.json").is_file(), kind.key
        assert kind.folder in nav, (kind.key, sorted(nav))
        assert library.root / kind.directory(Settings()) is not None
    # every entry page of every kind, and nothing else in the kinds' folders
    loaded = load_library(library.root, _plugin(library.root))
    for result in loaded.kinds:
        for entry in result.published:
            assert (out / entry.kind.folder / entry.slug / "index.html").is_file(), entry.path


def test_search_finds_each_kind_by_its_tag(site):
    _, out = site
    # the search index as published (xinyu splits it into chunks under search/)
    text = " ".join(json.dumps(json.loads(p.read_text(encoding="utf-8")), ensure_ascii=False)
                    for p in (out / "search").rglob("*.json"))
    for tag in ("团辅活动", "学科渗透", "培训", "课程", "家庭教育案例"):
        assert tag in text, tag


# --- lesson types ----------------------------------------------------------------


def test_lesson_type_is_shown_filterable_and_listed_apart_from_coverage(site):
    _, out = site
    page = text_of(out, "lessons/ice-breaker/index.html")
    assert "课型 团辅活动" in page
    assert "学科渗透（语文）" in text_of(out, "lessons/applause/index.html")
    index = BeautifulSoup((out / "lessons/index.html").read_text(encoding="utf-8"), "html.parser")
    options = [o.get_text() for o in index.select("select[name=type] option")]
    assert options == ["全部", "心理课", "团辅活动", "学科渗透"]
    row = index.find("a", string="破冰启航").find_parent("tr")
    assert row["data-facet-type"] == "团辅活动"
    # by default only 心理课 counts: the 团辅 plan is listed on its grade's page, apart
    grade = text_of(out, "grades/7/index.html")
    assert "七年级共有 0 篇教案" in grade
    assert "团辅、班会与学科渗透" in grade and "破冰启航" in grade


def test_subject_infusion_needs_a_subject_and_activities_need_their_sections(library):
    library.lesson("a.md", type="学科渗透")
    library.lesson("b.md", subject="语文")
    library.lesson("c.md", type="团辅活动")  # a lesson body: 教学目标, not 活动目标
    library.write("d.md", lesson_text(ACTIVITY_BODY, title="班会", grades=[4], topic="life",
                                      summary="班会。", type="主题班会", activities=["day-0526"]))
    library.lesson("e.md", type="团体辅导")
    found = messages(library.root, "lessons/")
    assert "lessons/a.md:6: [XY-F034] 课型（type）是“学科渗透”时必须写学科（subject），例如 subject: 语文" in found
    assert "lessons/b.md:6: [XY-F035] 学科（subject）只在课型（type）是“学科渗透”时有意义，这里是“心理课”，所以不显示" in found
    assert any(m.startswith("lessons/c.md:8: [XY-B001] 缺少必需的章节“## 活动目标”") for m in found), found
    assert any(m.startswith("lessons/d.md:7: [XY-F036] 活动（activities）的“day-0526”不是已配置的活动"
                            "（是不是想写 day-0525？）") for m in found), found
    assert any(m.startswith("lessons/e.md:6: [XY-F017] 课型（type）只能是 心理课、团辅活动、主题班会、学科渗透、"
                            "心理委员培训 之一，而不是“团体辅导”") for m in found), found


def test_counted_types_decide_what_fills_coverage(tmp_path):
    for counted, gap in ((None, True), (["心理课", "团辅活动"], False)):
        plugin = {"coverage_check": "warning", "periods_check": "off"}
        if counted:
            plugin["counted_types"] = counted
        library = Library(tmp_path / str(bool(counted)), plugin=plugin)
        library.fill_coverage(skip={(7, "relationships")})
        library.write("g7/group.md", lesson_text(ACTIVITY_BODY, title="破冰", grades=[7],
                                                 topic="relationships", summary="团辅。",
                                                 type="团辅活动"))
        gaps = [p for p in load_library(library.root, plugin).problems if p.code == "XY-C001"]
        assert bool(gaps) is gap, (counted, [str(p) for p in gaps])
    bad = load_library(tmp_path / "True", {"counted_types": ["心理班会"]}).problems
    assert any("counted_types 中的“心理班会”不是课型" in p.message for p in bad)


# --- training ---------------------------------------------------------------------


def test_training_index_compares_hours_and_committee_sessions_with_the_rules(site):
    _, out = site
    soup = BeautifulSoup((out / "training/index.html").read_text(encoding="utf-8"), "html.parser")
    rows = {tr.th.get_text(strip=True): [td.get_text(" ", strip=True) for td in tr.find_all("td")]
            for tr in soup.select("table.xinyu-training-summary tbody tr")}
    # offered = the sum of the modules' hours for each audience (fixture above)
    assert rows["专职心理教师"][0].startswith("40 学时（2 个模块）") and "达标" in rows["专职心理教师"][2]
    assert rows["兼职心理教师"][0].startswith("24 学时") and "达标" in rows["兼职心理教师"][2]
    assert rows["班主任"][0].startswith("12 学时") and rows["班主任"][2].endswith("差 4 学时")
    assert rows["全体教师"][0].startswith("8 学时") and "达标" in rows["全体教师"][2]
    # 心理委员: both modules in 上学期, none in 下学期; the rule is 2 a semester
    assert rows["心理委员"][0] == "4 学时（2 个模块）；上学期 2 次、下学期 0 次"
    assert rows["心理委员"][1] == "每学期 2 次"
    assert rows["心理委员"][2].endswith("下学期差 2 次")


def test_each_audience_has_a_page_with_its_modules(site):
    _, out = site
    page = text_of(out, "training/audience/head-teacher/index.html")
    assert "班主任培训" in page and "每个轮训周期不少于 16 学时" in page
    assert "危机识别与转介" in page and "谈心谈话" in page and "团体案例督导" not in page
    module = text_of(out, "training/crisis/index.html")
    assert "培训对象 专职心理教师 、 兼职心理教师 、 班主任" in module
    assert "学时 4 学时，分 2 次" in module


def test_training_rules_are_configurable_and_checked(tmp_path):
    library = Library(tmp_path / "repo", plugin={
        "coverage_check": "off", "periods_check": "off", "training_hours": {"班主任": 12},
        "committee_sessions": 1})
    write(library.root, "training/a.md", training_text(audience=["班主任"], hours=12))
    write(library.root, "training/b.md", training_text(hours=1))
    build = library.build("--strict")
    assert build.returncode == 0, build.output
    page = BeautifulSoup((build.site / "training/index.html").read_text(encoding="utf-8"), "html.parser")
    rows = {tr.th.get_text(strip=True): tr.get_text(" ", strip=True)
            for tr in page.select("table.xinyu-training-summary tbody tr")}
    assert "12 学时" in rows["班主任"] and "达标" in rows["班主任"]
    assert "每学期 1 次" in rows["心理委员"] and "达标" in rows["心理委员"]
    bad = load_library(library.root, {"training_hours": {"校长": 8}, "committee_sessions": -1}).problems
    text = " ".join(p.message for p in bad)
    assert "training_hours 必须把培训对象" in text and "committee_sessions 必须是不小于 0 的整数" in text
    write(library.root, "training/c.md", training_text(audience=["家长"], hours="两"))
    found = messages(library.root, "training/")
    assert any("[XY-F017] 培训对象（audience）只能是 心理委员、班主任、兼职心理教师、专职心理教师、全体教师 之一，"
               "而不是“家长”" in m for m in found), found
    assert any(m.startswith("training/c.md:4: [XY-F015] 学时（hours）应当是整数") for m in found), found
    assert TRAINING.called("hours") == "学时（hours）"


# --- courses as series -------------------------------------------------------------


def test_a_course_series_shows_its_sessions_and_periods(site):
    _, out = site
    series = text_of(out, "courses/series/index.html")
    assert "时长 共 4 次，每次 90 分钟" in series and "课时 每次 2 课时，共 8 课时" in series
    single = text_of(out, "courses/single/index.html")
    assert "课时 2 课时" in single  # not written: 90 minutes count as 2 periods


# --- activities calendar -------------------------------------------------------------


def test_activities_calendar_lists_what_is_tagged_for_each_day_and_month(site):
    _, out = site
    soup = BeautifulSoup((out / "activities/index.html").read_text(encoding="utf-8"), "html.parser")
    months = [tr.find_all("td")[0].get_text() for tr in soup.select("table.xinyu-activities tbody tr")]
    assert months == ["5月（全月）", "5月25日", "10月10日", "11月（全月）"]

    def under(key: str) -> list[str]:
        heading = soup.find(id=key)
        items = []
        for sibling in heading.find_next_siblings():
            if sibling.name == "h2":
                break
            items += [a.get_text() for a in sibling.find_all("a") if not a.get("class")]
        return items

    assert under("day-0525") == ["情绪小怪兽"]
    assert under("month-05") == ["情绪小怪兽", "破冰启航"]  # label accepted as the key
    assert under("month-11") == ["青春期沟通四讲", "心理委员岗位培训（二）"]
    assert under("day-1010") == []
    lesson = BeautifulSoup((out / "lessons/feelings/index.html").read_text(encoding="utf-8"), "html.parser")
    links = [a["href"] for a in lesson.select("table.xinyu-card a") if "activities" in a["href"]]
    assert links == ["../../activities/#day-0525", "../../activities/#month-05"]


def test_activities_can_be_configured(tmp_path):
    plugin = {"coverage_check": "off", "activities": [
        {"key": "school-fair", "label": "心理游园日", "month": 4}]}
    library = Library(tmp_path / "repo", plugin=plugin)
    library.lesson("a.md", activities=["心理游园日"])
    library.lesson("b.md", title="别的课", activities=["day-0525"])
    found = messages(library.root, "lessons/")
    assert len(found) == 1 and "day-0525" in found[0] and "school-fair（心理游园日）" in found[0]
    bad = load_library(library.root, {"activities": [{"key": "Fair Day", "label": "x", "month": 13}]})
    assert any("每项活动需要 key" in p.message for p in bad.problems)


# --- teaching materials ----------------------------------------------------------------


def test_download_box_lists_each_attachment_and_a_zip_of_all(site):
    library, out = site
    soup = BeautifulSoup((out / "lessons/feelings/index.html").read_text(encoding="utf-8"), "html.parser")
    box = soup.select_one("section.xinyu-downloads")
    assert box.h2.get_text() == "下载"
    items = [(li.a.get_text(), li.a["href"], li.select_one(".xinyu-downloads__meta").get_text())
             for li in box.select("li")]
    size = (library.root / "lessons/g1/feelings-card.txt").stat().st_size
    assert items == [("情绪卡学习单", "feelings-card.txt", f"文本 · {size} 字节"),
                     ("统计表", "tally.csv", "表格（CSV） · " + items[1][2].split(" · ")[1])]
    zip_link = box.select_one("a.md-button")
    assert zip_link["href"] == "materials.zip" and "全部打包下载（2 个文件" in zip_link.get_text()
    assert zip_link["download"] == "情绪小怪兽（全部材料）.zip"  # named after the lesson, never overwritten
    with zipfile.ZipFile(out / "lessons/feelings/materials.zip") as bundle:
        assert sorted(bundle.namelist()) == ["feelings-card.txt", "tally.csv"]
        assert bundle.read("tally.csv") == (library.root / "lessons/g1/tally.csv").read_bytes()
    # one attachment: no zip; none: no box
    assert not (out / "lessons/applause/materials.zip").exists()
    assert "xinyu-downloads" not in (out / "lessons/applause/index.html").read_text(encoding="utf-8")


def test_the_zip_is_the_same_bytes_on_every_build(site, tmp_path):
    library, out = site
    again = library.build("-d", str(tmp_path / "again"))
    assert again.returncode == 0, again.output
    assert (tmp_path / "again/lessons/feelings/materials.zip").read_bytes() == \
        (out / "lessons/feelings/materials.zip").read_bytes()


def test_a_video_plays_with_its_poster(tmp_path):
    library = Library(tmp_path / "repo", plugin={"coverage_check": "off", "periods_check": "off"})
    library.lesson("g1/a.md", body=lesson_text_body("[课堂实录](class.mp4)"))
    write(library.root, "lessons/g1/class.mp4", b"\x00\x00\x00\x18ftypmp42" + bytes(64))
    write(library.root, "lessons/g1/class.png", _tiny_png())
    build = library.build("--strict")
    assert build.returncode == 0, build.output
    soup = BeautifulSoup((build.site / "lessons/a/index.html").read_text(encoding="utf-8"), "html.parser")
    video = soup.select_one("section.xinyu-downloads video")
    assert video["src"] == "class.mp4" and video["poster"] == "class.png"
    assert video["aria-label"] == "课堂实录"
    assert (build.site / "lessons/a/class.png").is_file()


def _tiny_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + \
            struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)  # 1×1, 8-bit grey
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + \
        chunk(b"IDAT", zlib.compress(b"\x00\xff")) + chunk(b"IEND", b"")


def test_the_gate_reads_inside_a_zip(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as bundle:
        bundle.writestr("ok.txt", "学习单：画出心情。")
        bundle.writestr("名单.txt", "联系电话 13812345678")
        bundle.writestr("inner.zip", b"PK")
    (site / "materials.zip").write_bytes(buffer.getvalue())
    problems = Gate(privacy_guard(tmp_path, Settings()), tmp_path, []).check(site, set(), set())
    found = [(p.path, p.code) for p in problems]
    assert ("site/materials.zip!名单.txt", "XY-G005") in found, found  # a personal number inside
    assert ("site/materials.zip!inner.zip", "XY-G003") in found, found  # a nested archive: unchecked
    assert not any("ok.txt" in path for path, _ in found)
    assert any("138" in p.message for p in problems)
    (site / "materials.zip").write_bytes(b"PK\x03\x04 not a zip")
    [broken] = Gate(privacy_guard(tmp_path, Settings()), tmp_path, []).check(site, set(), set())
    assert re.search("materials.zip", broken.path)


# --- on the demo, in Chromium ------------------------------------------------------------


def test_searching_for_peer_counsellors_finds_their_training(browser, demo_url):
    from conftest import search

    page = browser.new_page()
    page.goto(f"{demo_url}/lessons/")
    found = search(page, "心理委员")
    items = [url for url in found if "#" not in url]
    # the 心理委员培训 lessons and the training modules for 心理委员 are items of the demo
    library = load_library(Path(__file__).resolve().parent.parent, {})
    expected = {f"/lessons/{e.slug}/" for e in library.lessons.published if e.meta["type"] == "心理委员培训"}
    expected |= {f"/training/{e.slug}/" for e in library.training.published if "心理委员" in e.meta["audience"]}
    assert expected and expected <= set(items[:10]), (sorted(expected), items[:10])
    page.close()


def test_training_page_and_download_box_fit_a_phone(browser, demo_url):
    page = browser.new_page(viewport={"width": 375, "height": 740})
    for path in ("training/", "training/audience/committee/", "activities/",
                 "lessons/after-the-exam/"):
        page.goto(f"{demo_url}/{path}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, path
    box = page.locator("section.xinyu-downloads")
    assert box.locator("a[download]").first.inner_text() == "试卷诊断书学习单"
    page.close()


def test_only_a_generated_page_may_carry_tool_data(tmp_path):
    """A tool page embeds its data as <script type="application/json">; the
    same element in a page built from a contribution is refused."""
    gate = Gate(privacy_guard(tmp_path, Settings()), tmp_path, [])
    html = ('<article class="md-content__inner"><script type="application/json" '
            'id="xinyu-plan-data">{"a":1}</script></article>')
    assert gate.read_html(html, generated=True)[0] == []
    assert gate.read_html(html, generated=False)[0] == ["页面内容中的 <script> 元素"]
    other = html.replace('type="application/json"', 'type="module"')
    assert gate.read_html(other, generated=True)[0] == ["页面内容中的 <script> 元素"]


def test_a_short_page_prints_on_one_sheet(browser, demo_url):
    """Material's full-height body used to push an empty second A4 sheet out
    of every printout."""
    page = browser.new_page()
    page.goto(f"{demo_url}/help/")
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
    page.close()


def test_the_command_line_speaks_chinese(capsys):
    from xinyu.cli import main

    for args in (["--help"], ["new", "--help"], ["new", "training", "--help"]):
        with pytest.raises(SystemExit):
            main(args)
        out = capsys.readouterr().out
        # no English prose: only command names, option names and field keys stay Latin
        words = set(re.findall(r"[A-Za-z]{3,}", re.sub(r"--?[a-z-]+|\b(?:xinyu|mkdocs|yml|json|"
                                                       r"JSON|Schema|check|privacy|schemas|new|lesson|case|"
                                                       r"course|training|folder|slug|root|draft|ROOT|lecture|"
                                                       r"workshop|online|group|day|month|status|grade)\b", "", out)))
        assert not words, (args, words)
        assert out.startswith("用法：")
    with pytest.raises(SystemExit):
        main(["chek"])
    assert "无效的选项 'chek'" in capsys.readouterr().err


def test_hostile_values_in_the_new_pages_stay_text(tmp_path):
    """A module's title, an activity's name from the configuration and an
    attachment's link text reach the training, activities and download
    markup only as text."""
    hostile = '<img src=x onerror="alert(1)">'
    library = Library(tmp_path / "repo", plugin={
        "coverage_check": "off", "periods_check": "off",
        "activities": [{"key": "fair", "label": f"游园日{hostile}", "month": 4}]})
    library.lesson("g1/a.md", activities=["fair"], body=lesson_text_body(
        f"[学习单 {hostile}](sheet.txt) 和 [表](b.csv)"))
    write(library.root, "lessons/g1/sheet.txt", "学习单。\n")
    write(library.root, "lessons/g1/b.csv", "a,b\n1,2\n")
    write(library.root, "training/x.md", training_text(title=f"培训{hostile}", activities=["fair"]))
    build = library.build()
    assert build.returncode == 0, build.output
    assert "[XY-H001] 不安全的 HTML 已删除：<img> 的 onerror 属性" in build.output  # in the body
    for page in ("training/index.html", "training/x/index.html", "training/audience/committee/index.html",
                 "activities/index.html", "lessons/a/index.html"):
        soup = BeautifulSoup((build.site / page).read_text(encoding="utf-8"), "html.parser")
        article = soup.select_one("article")
        assert not any(tag.has_attr("onerror") for tag in article.find_all(True)), page
        if page != "lessons/a/index.html":  # the body may keep a plain <img> (sanitised)
            assert not article.find("img", src="x"), page
            assert 'onerror="alert(1)"' in article.get_text(), page  # shown as typed
    box = BeautifulSoup((build.site / "lessons/a/index.html").read_text(encoding="utf-8"),
                        "html.parser").select_one("section.xinyu-downloads")
    labels = [a.get_text() for a in box.select("li a")]
    assert labels == ["学习单", "表"]  # the link text as a reader sees it, markup left out
    assert not box.find("img")
