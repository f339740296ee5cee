"""投稿 (contributing without Git): the submit page builds its form from the
kinds' declarations, shows the messages `xinyu check` prints for the very
file it writes, and sends nothing anywhere.

The heart is `test_the_page_shows_what_xinyu_check_prints`: for each input
(most typed into the form, some restored from a stored draft because the
controls cannot produce them — a grade 13, a topic's Chinese name), the
file the page produced is written into a copy of the demo, `xinyu check`
reads it, and its messages (text, severity) must equal the page's."""

from __future__ import annotations

import dataclasses
import datetime as dt
import inspect
import json
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ARTIFACTS, REPO, Library, axe_source, xinyu

from xinyu import submission
from xinyu.core import fields as field_types
from xinyu.core import kinds
from xinyu.core.rules import RULES
from xinyu.core.schema import Field
from xinyu.core.vocabulary import Settings
from xinyu.tools import TOOLS

SCRIPT = REPO / "plugins" / "xinyu" / "assets" / "submit.js"
STORE = "xinyu-submit"

LESSON = {
    "values": {"title": "情绪天气预报", "grades": [3], "topic": "emotion",
               "summary": "用天气比喻心情，认识情绪的变化。"},
    "sections": {"教学目标": "- 认识几种常见情绪。", "教学过程": "### 一、暖身活动\n\n播报今天的心情天气。",
                 "活动目标": "学会倾听同伴。", "活动过程": "分组分享。"},
    "body": "## 教学反思\n\n学生参与积极。", "slug": "",
}
CASE = {
    "values": {"title": "从手机大战到家庭约定", "school": "青山湖区第二小学", "submitted": "2024-06-01",
               "grades": [5], "themes": "亲子沟通，手机使用", "consent": True,
               "summary": "一个家庭约定使用手机的过程。"},
    "sections": {"案例背景": "小A今年五年级。", "问题分析": "亲子沟通不畅。", "指导过程": "**第一步：**倾听。",
                 "效果与反思": "家庭约定执行良好。"},
    "body": "", "slug": "",
}
COURSE = {
    "values": {"title": "读懂孩子的情绪（投稿）", "lecturer": "wang-fang", "audience": "parents",
               "grades": [1, 2, 3], "format": "lecture", "duration_min": "90", "themes": "情绪",
               "summary": "帮助家长识别孩子的情绪信号。"},
    "sections": {"课程大纲": "1. 情景导入。\n2. 情绪识别练习。"}, "body": "", "slug": "",
}
TRAINING = {
    "values": {"title": "心理委员倾听训练（投稿）", "audience": ["心理委员"], "hours": "4",
               "summary": "朋辈倾听的基本功。"},
    "sections": {"培训目标": "学会倾听。", "培训内容": "角色扮演。"}, "body": "", "slug": "",
}
BASES = {"lesson": LESSON, "case": CASE, "course": COURSE, "training": TRAINING}


def valid_id() -> str:
    """A resident ID number with a correct check digit (fictitious)."""
    body = "36010220100101123"
    total = sum(int(d) * w for d, w in zip(body, (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)))
    return body + "10X98765432"[total % 11]


def fill(selector: str, value: str):
    return lambda page: page.locator(selector).fill(value)


def choose(selector: str, value: str):
    return lambda page: page.locator(selector).select_option(value)


def where(name: str, control: str = "input") -> str:
    return f".xinyu-submit__field[data-where='{name}'] {control}"


# (name, kind, changes to the base draft's values / sections / body, actions in the form)
CASES = [
    ("valid-lesson", "lesson", {}, []),
    ("missing-title", "lesson", {}, [fill(where("title"), "")]),
    ("grade-13", "lesson", {"values": {"grades": [3, 13]}}, []),
    ("grade-label", "lesson", {"values": {"grades": ["三年级"]}}, []),
    ("topic-label", "lesson", {"values": {"topic": "情绪调适"}}, []),
    ("topic-typo", "lesson", {"values": {"topic": "emotoin"}}, []),
    ("periods-text", "lesson", {}, [fill(where("periods"), "2课时")]),
    ("periods-fullwidth", "lesson", {}, [fill(where("periods"), "２课时")]),
    ("periods-zero", "lesson", {}, [fill(where("periods"), "0")]),
    ("subject-missing", "lesson", {}, [choose(where("type", "select"), "学科渗透")]),
    ("activity-sections", "lesson", {"sections": {"活动目标": "", "活动过程": ""}},
     [choose(where("type", "select"), "团辅活动")]),
    ("section-missing", "lesson", {}, [fill(where("section:教学过程", "textarea"), "")]),
    ("section-level", "lesson", {"sections": {"教学过程": ""}, "body": "### 教学过程\n\n分组讨论。"}, []),
    ("semester-label", "lesson", {"values": {"semester": "上学期"}}, []),
    ("showcase", "lesson", {"values": {"showcase.collection": "2023", "showcase.month": "2024-13",
                                       "showcase.video": "ftp://example.cn/v.mp4"}}, []),
    ("activity-unknown", "lesson", {"values": {"activities": ["day-0526"]}}, []),
    ("personal-data", "lesson", {"body": f"学籍号 G{valid_id()}。\n\n区心理援助热线 0791-8666 1234，"
                                         "投稿邮箱 tougao@xinli.example.cn。"},
     [fill(where("summary"), "联系电话 138 1234 5678，邮箱 zhang.san@example.com")]),
    ("scaffold-hint", "lesson", {"body": "## 教学反思\n\n（待填写：课后的体会）"}, []),
    ("hostile-title", "lesson", {"values": {"title": '<img src=x onerror=alert(1)> "\n---\nsummary: 注入\n'}}, []),
    ("valid-case", "case", {}, []),
    ("case-draft-without-consent", "case", {"values": {"consent": False, "status": "draft"}}, []),
    ("case-scores", "case", {"values": {"scores.representative": "4", "scores.practical": "6"}}, []),
    ("valid-course", "course", {}, [fill(where("code"), "jz-99")]),
    ("course-code", "course", {}, [fill(where("code"), "JZ01")]),
    ("course-lecturer", "course", {"values": {"lecturer": "wang-fan"}}, []),
    ("valid-training", "training", {}, []),
    ("training-audience", "training", {"values": {"audience": ["心理委员", "心理老师"]}}, []),
]


def draft_of(kind: str, name: str, changes: dict) -> dict:
    draft = json.loads(json.dumps(BASES[kind]))
    draft["values"].update(changes.get("values", {}))
    draft["sections"].update(changes.get("sections", {}))
    if "body" in changes:
        draft["body"] = changes["body"]
    draft["slug"] = f"submit-{name}"
    return draft


def open_draft(page, url: str, kind: str, draft: dict) -> None:
    """The page with `draft` restored from storage, as after a reload."""
    page.goto(f"{url}/submit/")
    page.evaluate("([key, kind, draft]) => localStorage.setItem(key, JSON.stringify("
                  "{kind: kind, drafts: {[kind]: draft}}))", [STORE, kind, draft])
    page.reload()


def page_result(page) -> tuple[str, list[tuple[str, str, str]]]:
    """The file text and the problems listed: (rule, severity, message)."""
    text = page.locator(".xinyu-submit__preview code").text_content()
    problems = page.locator(".xinyu-submit__problems li").evaluate_all(
        "items => items.map(li => [li.dataset.rule, "
        "li.classList.contains('xinyu-submit__problem--error') ? 'error' : 'warning', "
        "li.querySelector('.xinyu-submit__text').textContent])")
    return text, [tuple(p) for p in problems]


def front_matter(text: str) -> dict:
    assert text.startswith("---\n")
    return yaml.safe_load(text[4:text.index("\n---\n", 3)])


@pytest.fixture(scope="module")
def page_data(demo_build) -> dict:
    soup = BeautifulSoup(demo_build.html("submit/index.html"), "html.parser")
    return json.loads(soup.select_one("script#xinyu-submit-data").string)


@pytest.fixture(scope="module")
def demo_copy(tmp_path_factory) -> Path:
    """The demo's sources (same settings and registries as the built page)."""
    root = tmp_path_factory.mktemp("submit-check") / "repo"
    shutil.copytree(REPO, root, ignore=shutil.ignore_patterns(
        "site", ".git", "*.egg-info", "__pycache__", ".pytest_cache", "tests", ".hypothesis",
        ".venv", ".cache", "node_modules", ".ruff_cache"))
    return root


@pytest.fixture
def page(browser, demo_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{demo_url}/submit/")
    page.evaluate("localStorage.clear()")
    yield page
    context.close()


# ---------- the data is the schema ----------

def fake_renderer(settings: Settings | None = None) -> SimpleNamespace:
    return SimpleNamespace(settings=settings or Settings(), repo_url=None,
                           library=SimpleNamespace(collections={}, lecturers={}),
                           entries={kind.key: [] for kind in kinds.KINDS})


def names(fields: list[dict]) -> list[str]:
    return [f["name"] for f in fields]


def test_the_fields_are_the_kinds_fields(page_data):
    by_key = {kind["key"]: kind for kind in page_data["kinds"]}
    assert list(by_key) == ["lesson", "case", "course", "training"]
    for key, kind in by_key.items():
        declared = kinds.BY_KEY[key]
        assert kind["label"] == declared.label
        assert names(kind["fields"]) == [f.name for f in declared.fields]
        for data, field in zip(kind["fields"], declared.fields):
            assert (data["label"], data["help"], data["required"]) == (field.label, field.help, field.required)
            assert data["called"] == field.called()
            if field.is_group:
                assert names(data["fields"]) == [f.name for f in field.fields]
                assert data["fields"][0]["called"] == field.fields[0].called(f"{field.name}.")
    assert by_key["lesson"]["folder"] == "lessons" and by_key["case"]["folder"] == "case_studies"
    lesson = {f["name"]: f for f in by_key["lesson"]["fields"]}
    assert lesson["grades"]["type"]["choices"][2] == {"value": 3, "label": "三年级"}
    assert {"value": "emotion", "label": "情绪调适"} in lesson["topic"]["type"]["choices"]
    assert lesson["periods"]["type"] == {"type": "integer", "minimum": 1, "maximum": None, "allowed": "不小于 1"}
    assert [c["value"] for c in lesson["type"]["type"]["choices"]] == list(kinds.LESSON.field("type").type.choices)
    assert lesson["showcase"]["fields"][0]["reference"]["keys"][0]["value"] == "2024"
    course = {f["name"]: f for f in by_key["course"]["fields"]}
    assert course["code"]["type"]["pattern"] == kinds.CODE_PATTERN and course["code"]["type"]["form"]
    assert {"value": "parents", "label": "家长"} in course["audience"]["type"]["choices"]
    assert course["lecturer"]["reference"]["registry"] == "content/lecturers.yml"
    case = {f["name"]: f for f in by_key["case"]["fields"]}
    assert case["scores"]["fields"][0]["type"]["maximum"] == 5
    sections = by_key["lesson"]["sections"]
    assert sections["field"] == "type" and sections["by_value"]["团辅活动"] == ["活动目标", "活动过程"]
    for value, listed in sections["by_value"].items():
        assert listed == list(kinds.LESSON.sections(Settings(), {"type": value}))
    assert page_data["submit_email"] == "tougao@xinli.example.cn"
    assert page_data["repo_url"] == "https://github.com/xinyu-demo/xinyu"
    assert page_data["new_file"]["base"] == "https://github.com/xinyu-demo/xinyu/new/main/"


def test_a_field_added_to_a_kind_appears_on_the_page():
    mood = Field("mood", field_types.Choice(("晴", "雨")), label="心情", help="今天的心情。")
    extended = dataclasses.replace(kinds.LESSON, fields=(*kinds.LESSON.fields, mood))
    data = submission.kind_data(extended, fake_renderer())
    assert names(data["fields"]) == [f.name for f in kinds.LESSON.fields] + ["mood"]
    assert data["fields"][-1]["type"]["choices"] == [{"value": "晴", "label": "晴"}, {"value": "雨", "label": "雨"}]
    assert data["fields"][-1]["called"] == "心情（mood）"


def test_every_field_type_is_described():
    types = [cls for _, cls in inspect.getmembers(field_types, inspect.isclass)
             if cls.__module__ == field_types.__name__ and dataclasses.is_dataclass(cls) and hasattr(cls, "parse")]
    assert len(types) >= 13
    assert set(types) <= set(submission.TYPES), set(types) - set(submission.TYPES)


def test_the_rules_across_fields_are_the_kinds_function():
    """Each row says: with this choice, that field present or absent gives
    these problems; together the rows give what kinds.cross_checks gives."""
    for kind in kinds.KINDS:
        rows = submission.cross_rules(kind)
        subject = kind.field("subject")
        if subject is None:
            assert rows == []
            continue
        for value in (*kind.field("type").type.choices, None):
            for present in (False, True):
                meta = {"type": value} if value else {}
                if present:
                    meta["subject"] = "语文"
                expected = [(p[0], p[1], p[-1]) for p in kind.cross_checks(meta)]
                applied = [(p["rule"], p["field"], p["values"]) for row in rows
                           if row["value"] == value and row["present"] is present for p in row["problems"]]
                assert applied == expected, (value, present)


def test_the_page_knows_the_rules_it_applies(page_data):
    source = SCRIPT.read_text(encoding="utf-8")
    named = {key for key in re.findall(r'"([a-z]+(?:-[a-z]+)*)"', source) if key in RULES}
    from_data = {p["rule"] for kind in kinds.KINDS for row in submission.cross_rules(kind)
                 for p in row["problems"]}  # rules across fields come as data
    assert named <= set(submission.CLIENT_RULES), named - set(submission.CLIENT_RULES)
    assert set(submission.CLIENT_RULES) == named | from_data, set(submission.CLIENT_RULES) ^ (named | from_data)
    for key, rule in page_data["rules"].items():
        assert rule["template"] == RULES[key].template and rule["code"] == RULES[key].code
        assert "{{" not in rule["template"]


def test_the_page_never_sends_anything(demo_build):
    source = SCRIPT.read_text(encoding="utf-8")
    for call in ("fetch(", "XMLHttpRequest", "sendBeacon", ".submit(", "innerHTML", "WebSocket", "import("):
        assert call not in source
    soup = BeautifulSoup(demo_build.html("submit/index.html"), "html.parser")
    form = soup.select_one("form.xinyu-submit__form")
    assert form is not None and not form.has_attr("action") and not form.has_attr("method")
    assert not soup.select(".xinyu-submit [title]:not(.headerlink)") and not soup.select(".xinyu-submit [onclick]")
    tool = next(t for t in TOOLS if t.key == "submit")
    assert (tool.uri, tool.template, tool.section, tool.script, tool.stylesheet) == \
        ("submit/index.md", "submit.md.j2", "submit", "submit.js", "submit.css")
    nav = [a.get_text(strip=True) for a in soup.select("nav.md-nav--primary a")]
    assert "投稿" in nav


def test_new_file_links_for_github_and_gitee_only():
    assert submission.new_file_url("https://github.com/a/b")["base"] == "https://github.com/a/b/new/main/"
    assert submission.new_file_url("https://github.com/a/b.git/")["base"] == "https://github.com/a/b/new/main/"
    assert submission.new_file_url("https://gitee.com/a/b")["prefill"] == ""
    for other in (None, "", "https://gitlab.com/a/b", "http://github.com/a/b", "https://github.com/a",
                  "javascript:alert(1)//github.com/a/b"):
        assert submission.new_file_url(other) is None


# ---------- the same messages as xinyu check ----------

def test_the_page_shows_what_xinyu_check_prints(browser, demo_url, demo_copy, page_data):
    folders = {kind["key"]: kind["folder"] for kind in page_data["kinds"]}
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    shown: dict[str, list] = {}
    texts: dict[str, str] = {}
    try:
        for name, kind, changes, actions in CASES:
            open_draft(page, demo_url, kind, draft_of(kind, name, changes))
            for action in actions:
                action(page)
            text, problems = page_result(page)
            path = f"{folders[kind]}/submit-{name}.md"
            (demo_copy / path).write_text(text, encoding="utf-8")
            shown[path], texts[path] = problems, text
    finally:
        context.close()
    result = xinyu(demo_copy, "check", ".", "--format", "json")
    report = json.loads(result.stdout)
    printed: dict[str, list] = {}
    for problem in report["problems"]:
        printed.setdefault(problem["path"], []).append((problem["rule"], problem["severity"], problem["message"]))
    others = {path: problems for path, problems in printed.items()
              if path not in shown and any(severity != "info" for _, severity, _ in problems)}
    assert not others, f"the demo itself has problems: {others}"
    differences = {}
    for path, problems in shown.items():
        if sorted(problems) != sorted(printed.get(path, [])):
            differences[path] = {"page": sorted(problems), "xinyu check": sorted(printed.get(path, [])),
                                 "file": texts[path]}
    assert not differences, json.dumps(differences, ensure_ascii=False, indent=1)
    # the cases are what they say: each invalid one has a problem, every valid one none
    for name, kind, _, _ in CASES:
        path = f"{folders[kind]}/submit-{name}.md"
        assert bool(shown[path]) is (not name.startswith(("valid-", "hostile-"))), (name, shown[path])
    rules = {rule for problems in shown.values() for rule, _, _ in problems}
    assert {"missing-field", "grade-unknown", "grade-label", "topic-label", "topic-unknown",
            "integer-type", "integer-range", "field-needed-with", "section-missing", "section-level",
            "semester-label", "month", "url", "unknown-reference", "activity-unknown", "personal-data",
            "scaffold-hint-left", "consent-missing", "text-pattern", "choice"} <= rules
    hostile = front_matter(texts["lessons/submit-hostile-title.md"])
    assert hostile["title"] == '<img src=x onerror=alert(1)> "\n---\nsummary: 注入'
    assert set(hostile) == {"title", "grades", "topic", "summary"}
    course = front_matter(texts["content/courses/submit-valid-course.md"])
    assert course["code"] == "jz-99"  # read as JZ-99 by the checker, as on the page


# ---------- using the page ----------

def test_typing_shows_the_message_next_to_the_field(page, demo_url):
    page.locator(where("periods")).fill("2课时")
    message = page.locator(".xinyu-submit__field[data-where='periods'] .xinyu-submit__message")
    assert message.text_content() == "错误：课时（periods）应当是整数，而不是“2课时”；只写数字：2"
    control = page.locator(where("periods"))
    assert control.get_attribute("aria-invalid") == "true"
    assert message.get_attribute("id") in control.get_attribute("aria-describedby").split()
    page.locator(where("periods")).fill("2")
    assert message.text_content() == "" and control.get_attribute("aria-invalid") is None
    # the subject is asked for only in a 学科渗透 lesson
    subject = page.locator(".xinyu-submit__field[data-where='subject']")
    assert subject.is_hidden()
    page.locator(where("type", "select")).select_option("学科渗透")
    assert subject.is_visible()
    assert "学科（subject）" in page.locator(".xinyu-submit__problems").text_content()
    page.locator(where("subject", "select")).select_option("语文")
    assert "subject" not in page.locator(".xinyu-submit__problems").text_content()
    assert 'subject: "语文"' in page.locator(".xinyu-submit__preview").text_content()
    # activity lessons ask for activity sections
    page.locator(where("type", "select")).select_option("团辅活动")
    assert page.locator(".xinyu-submit__field[data-where='section:活动目标']").is_visible()
    assert page.locator(".xinyu-submit__field[data-where='section:教学目标']").is_hidden()
    assert "subject" not in page.locator(".xinyu-submit__preview").text_content()
    # 检查全部 shows every message beside its field
    assert page.locator(".xinyu-submit__field[data-where='title'] .xinyu-submit__message").text_content() == ""
    page.get_by_role("button", name="检查全部").click()
    assert page.locator(".xinyu-submit__field[data-where='title'] .xinyu-submit__message").text_content() == \
        "错误：缺少必填字段 标题（title），例如 title: 情绪小怪兽"


def test_download_builds_and_passes_the_check(browser, demo_url, tmp_path):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.goto(f"{demo_url}/submit/")
    page.evaluate("localStorage.clear()")
    page.reload()
    # typed into the form, as a teacher does
    page.locator(where("title")).fill("情绪天气预报（投稿）")
    page.get_by_label("三年级").check()
    page.get_by_label("四年级").check()
    page.locator(where("topic", "select")).select_option(label="情绪调适")
    page.locator(where("semester", "select")).select_option(label="上学期")
    page.locator(where("periods")).fill("2")
    page.locator(where("summary")).fill("用天气比喻心情。")
    page.locator(where("keywords")).fill("情绪识别，绘本")
    page.locator(where("section:教学目标", "textarea")).fill("- 认识情绪。")
    page.locator(where("section:教学过程", "textarea")).fill("### 一、暖身\n\n心情天气播报。")
    download_button = page.get_by_role("button", name="下载文件")
    download_button.click()  # no file name yet: every problem is shown instead
    assert page.locator(".xinyu-submit__field[data-where='slug'] .xinyu-submit__message").text_content().startswith("错误：")
    page.locator(where("slug")).fill("Weather Report")
    assert "不能作为网址" in page.locator(".xinyu-submit__problems").text_content()
    page.locator(where("slug")).fill("weather-report-submitted")
    assert page.locator(".xinyu-submit__count").text_content() == "没有发现问题，可以下载和发送。"
    with page.expect_download() as info:
        download_button.click()
    download = info.value
    assert download.suggested_filename == "weather-report-submitted.md"
    text = Path(download.path()).read_text(encoding="utf-8")
    assert text == page.locator(".xinyu-submit__preview code").text_content()
    meta = front_matter(text)
    assert meta == {"title": "情绪天气预报（投稿）", "grades": [3, 4], "topic": "emotion", "semester": 1,
                    "periods": 2, "summary": "用天气比喻心情。", "keywords": ["情绪识别", "绘本"]}
    # e-mail and the repository's new-file page carry the same text
    mail = page.locator(".xinyu-submit__mail").get_attribute("href")
    assert mail.startswith("mailto:tougao@xinli.example.cn?subject=")
    from urllib.parse import parse_qs, urlsplit
    query = parse_qs(urlsplit(mail).query)
    assert query["subject"] == ["投稿：教案《情绪天气预报（投稿）》"] and text in query["body"][0]
    repo = page.locator(".xinyu-submit__repo").get_attribute("href")
    parts = urlsplit(repo)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == "https://github.com/xinyu-demo/xinyu/new/main/lessons"
    assert parse_qs(parts.query) == {"filename": ["weather-report-submitted.md"], "value": [text]}
    context.close()
    # nothing but the site's own files was requested (the download is a blob: of the page)
    assert requests and all(url.startswith((demo_url, "blob:")) for url in requests), requests
    # the file is a lesson as it stands: xinyu check passes it and it builds
    library = Library(tmp_path / "repo", plugin={"coverage_check": "off", "periods_check": "off"})
    library.write("weather-report-submitted.md", text)
    check = library.check()
    assert check.returncode == 0 and "[XY-" not in check.stdout, check.stdout
    build = library.build("--strict")
    assert build.returncode == 0, build.output
    page_html = build.html("lessons/weather-report-submitted/index.html")
    assert "情绪天气预报（投稿）" in page_html and "心情天气播报" in page_html


def test_a_long_file_is_cut_in_the_mail_with_a_note(page, demo_url):
    draft = draft_of("lesson", "long", {"body": "很长的正文。" * 600})
    open_draft(page, demo_url, "lesson", draft)
    mail = page.locator(".xinyu-submit__mail").get_attribute("href")
    assert len(mail) <= 6000
    from urllib.parse import parse_qs, urlsplit
    body = parse_qs(urlsplit(mail).query)["body"][0]
    assert body.endswith("（文件太长，邮件里只放得下上面的开头部分：请把下载的文件作为附件一起发送。）")
    assert page.locator(".xinyu-submit__mailnote").is_visible()
    repo = page.locator(".xinyu-submit__repo").get_attribute("href")
    assert "value=" not in repo and "filename=submit-long.md" in repo
    assert "粘贴" in page.locator(".xinyu-submit__reponote").text_content()


def test_errors_block_the_file_leaving(page, demo_url):
    open_draft(page, demo_url, "lesson", draft_of("lesson", "blocked", {"values": {"grades": [3, 13]}}))
    assert page.locator(".xinyu-submit__count").text_content().startswith("还有 1 个错误")
    page.get_by_role("link", name="用邮件发送").click()
    assert page.url.endswith("/submit/")  # not followed
    assert page.locator(".xinyu-submit__field[data-where='grades'] .xinyu-submit__message").text_content() == \
        "错误：适用年级（grades）的 13 不是已配置的年级（1–12）"
    # the value no checkbox offers is shown, so it can be unticked
    box = page.get_by_label("13（不在可选范围内）")
    assert box.is_checked()
    box.uncheck()
    assert page.locator(".xinyu-submit__count").text_content() == "没有发现问题，可以下载和发送。"


def test_the_draft_survives_a_reload_a_link_chooses_the_kind_and_clear_empties(page, demo_url):
    page.locator(where("title")).fill("草稿里的标题")
    page.reload()
    assert page.locator(where("title")).input_value() == "草稿里的标题"
    page.get_by_label("家庭教育案例", exact=True).check()
    assert page.url.endswith("?kind=case")
    assert page.locator(where("school")).is_visible()
    assert page.locator(where("submitted")).input_value() == dt.date.today().isoformat()
    page.locator(where("title")).fill("案例标题")
    # a shared link overrides the kind stored last
    page.goto(f"{demo_url}/submit/?kind=lesson")
    assert page.get_by_label("教案", exact=True).is_checked()
    assert page.locator(where("title")).input_value() == "草稿里的标题"
    page.goto(f"{demo_url}/submit/")
    assert page.get_by_label("教案", exact=True).is_checked()  # the last kind is remembered
    page.get_by_role("button", name="清空", exact=True).click()
    assert page.locator(where("title")).input_value() == ""
    assert page.locator(".xinyu-submit__status").text_content() == "已清空本表。"
    page.reload()
    assert page.locator(where("title")).input_value() == ""
    page.get_by_label("家庭教育案例", exact=True).check()
    assert page.locator(where("title")).input_value() == "案例标题"  # another kind's draft is kept
    page.get_by_role("button", name="清空", exact=True).click()
    page.get_by_role("button", name="撤销清空").click()
    assert page.locator(where("title")).input_value() == "案例标题"


def test_hostile_input_stays_data(page, demo_url):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    title = '<img src=x onerror=alert(1)>"\n---\nstatus: draft\n'
    draft = draft_of("lesson", "hostile", {"values": {"title": title, "keywords": "<script>alert(2)</script>"},
                                           "body": "<script>alert(3)</script>\n\n</pre><b>粗</b>"})
    open_draft(page, demo_url, "lesson", draft)
    page.wait_for_timeout(200)
    assert dialogs == []
    text = page.locator(".xinyu-submit__preview code").text_content()
    assert "<script>alert(3)</script>" in text
    assert page.locator(".xinyu-submit__preview b").count() == 0
    meta = front_matter(text)
    assert meta["title"] == title.strip() and "status" not in meta
    assert meta["keywords"] == ["<script>alert(2)</script>"]
    assert page.locator(".xinyu-submit img, .xinyu-submit script").count() == 0
    # a stored draft of the wrong shape is read as far as it goes, without a script error
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    for stored in ("{not json", '{"kind": "nope", "drafts": 5}',
                   '{"kind": "lesson", "drafts": {"lesson": {"values": {"title": {"a": 1}, "grades": [3.5, null, "x"],'
                   ' "topic": [1], "consent": "yes", "periods": 1e99}, "sections": [], "body": 7, "slug": null}}}'):
        page.evaluate("([key, value]) => localStorage.setItem(key, value)", [STORE, stored])
        page.reload()
        assert page.locator(".xinyu-submit__form").is_visible()
    assert errors == []
    assert page.locator(where("title")).input_value() == "[object Object]"


def test_phone_width_and_print(browser, demo_url):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{demo_url}/submit/")
    page.evaluate("localStorage.clear()")
    open_draft(page, demo_url, "lesson", draft_of("lesson", "a-very-long-file-name-" * 3 + "end",
                                                  {"values": {"title": "很长的标题" * 30}}))
    for kind in ("家庭教育案例", "点单课程", "培训模块", "教案"):
        page.get_by_label(kind, exact=True).check()
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, kind
    page.screenshot(path=str(ARTIFACTS / "submit-375.png"), full_page=True)
    page.emulate_media(media="print")
    assert page.locator(".xinyu-submit__preview").is_visible()
    assert page.locator(".xinyu-submit__output h2").is_visible()
    for hidden in (".xinyu-submit__form", ".xinyu-submit__summary", ".xinyu-submit__actions", "article h1",
                   ".xinyu-submit-howto", ".md-header", ".md-sidebar--primary"):
        assert page.locator(hidden).first.is_hidden(), hidden
    assert page.pdf(format="A4").startswith(b"%PDF")
    context.close()
    wide = browser.new_page(viewport={"width": 1280, "height": 900})
    wide.goto(f"{demo_url}/submit/?kind=case")
    assert wide.evaluate("document.documentElement.scrollWidth") <= 1280
    wide.close()


def test_without_javascript_the_page_says_how_to_contribute(browser, demo_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{demo_url}/submit/")
    assert page.locator(".xinyu-submit__nojs").is_visible()
    assert page.locator(".xinyu-submit__form").is_hidden()
    howto = page.locator(".xinyu-submit-howto")
    assert howto.get_by_role("link", name="《编写指南》").get_attribute("href") == "../guide/"
    assert howto.get_by_role("link", name="tougao@xinli.example.cn").get_attribute("href") == \
        "mailto:tougao@xinli.example.cn"
    context.close()


def test_no_serious_accessibility_problems(page, demo_url):
    open_draft(page, demo_url, "case", draft_of("case", "axe", {"values": {"grades": [5, 13], "consent": False}}))
    page.get_by_role("button", name="检查全部").click()
    assert page.locator("[aria-invalid=true]").count() >= 2
    page.add_script_tag(content=axe_source())
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
               for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], json.dumps(serious, ensure_ascii=False)


def test_a_chinese_file_name_is_accepted_as_xinyu_check_accepts_it(browser, demo_url, tmp_path):
    """The page's file-name rule is the checker's (files.SLUG): a Chinese name
    is fine; an empty name is suggested from the title."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.goto(f"{demo_url}/submit/")
    page.evaluate("localStorage.clear()")
    page.reload()
    page.locator(where("title")).fill("生命的 意义（投稿）")
    page.get_by_label("五年级").check()
    page.locator(where("topic", "select")).select_option(label="情绪调适")
    page.locator(where("summary")).fill("认识生命的意义。")
    page.locator(where("section:教学目标", "textarea")).fill("- 珍爱生命。")
    page.locator(where("section:教学过程", "textarea")).fill("### 一、暖身\n\n分享。")
    suggest = page.locator(".xinyu-submit__suggest")
    assert suggest.inner_text() == "用“生命的-意义投稿”作文件名"
    assert page.locator(where("slug")).get_attribute("placeholder") == "例如 生命的-意义投稿"
    suggest.click()
    assert page.locator(where("slug")).input_value() == "生命的-意义投稿" and suggest.is_hidden()
    page.locator(where("slug")).fill("生命的意义投稿")
    assert page.locator(".xinyu-submit__count").text_content() == "没有发现问题，可以下载和发送。"
    assert "小写英文" not in page.locator(".xinyu-submit").inner_text()
    page.locator(where("slug")).fill("生命 意义")  # a space: the checker's own message
    assert "不能作为网址" in page.locator(".xinyu-submit__problems").text_content()
    page.locator(where("slug")).fill("生命的意义投稿")
    with page.expect_download() as info:
        page.get_by_role("button", name="下载文件").click()
    download = info.value
    assert download.suggested_filename == "生命的意义投稿.md"
    text = Path(download.path()).read_text(encoding="utf-8")
    context.close()
    library = Library(tmp_path / "repo", plugin={"coverage_check": "off", "periods_check": "off"})
    library.write(download.suggested_filename, text)
    check = library.check()
    assert check.returncode == 0 and "[XY-" not in check.stdout, check.stdout
    build = library.build("--strict")
    assert build.returncode == 0, build.output
    assert "认识生命的意义" in build.html("lessons/生命的意义投稿/index.html")


def test_the_page_and_the_checker_accept_the_same_file_names(page_data):
    from xinyu.core.files import SLUG
    assert page_data["slug"]["pattern"] == SLUG.pattern and "page_pattern" not in page_data["slug"]
    assert re.fullmatch(f"[{page_data['slug']['chars']}]+", "生命的意义abc09")


def test_choice_controls_have_form_help_not_the_yaml_help(page_data, page):
    """Under a drop-down or check boxes the help speaks of the form, not of
    the YAML keys the control hides; a free-text field keeps its help."""
    for kind in page_data["kinds"]:
        fields = [f for field in kind["fields"] for f in (field.get("fields") or [field])]
        for field in fields:
            choice = field["type"].get("choices") or (field.get("reference") or {}).get("keys")
            if choice:
                assert "form_help" in field, (kind["key"], field["path"])
                assert not re.search(r"[A-Za-z]{2,}|\.yml|键", field["form_help"]), (kind["key"], field["path"])
    lesson = {f["name"]: f for f in page_data["kinds"][0]["fields"]}
    assert lesson["status"]["form_help"] == "选“草稿”时不发布。"
    assert lesson["showcase"]["fields"][0]["form_help"] == submission.REFERENCE_HELP
    page.reload()

    def help_of(name: str) -> str:
        box = page.locator(f".xinyu-submit__field[data-where='{name}'] .xinyu-submit__help")
        return box.inner_text() if box.count() else ""

    assert help_of("status") == "选“草稿”时不发布。"
    assert "published" not in page.locator(".xinyu-submit__fields").inner_text()
    assert help_of("showcase.collection") == "从已登记的选项中选择。"
    assert "collections.yml" not in page.locator(".xinyu-submit__fields").inner_text()
    assert help_of("title") == kinds.LESSON.field("title").help  # free text: the field's own help
    page.locator(".xinyu-submit__kinds label", has_text="点单课程").click()
    assert help_of("format") == "" and help_of("audience") == ""
    assert help_of("lecturer") == "从已登记的选项中选择。"
