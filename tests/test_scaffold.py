"""`xinyu new`: new lesson, case and course files pass `xinyu check` as
written, are never overwritten, and take values safely (YAML, privacy)."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
import yaml

from conftest import Library, xinyu, xinyu_process
from xinyu.cli import main
from xinyu.core.kinds import CASE, COURSE, LESSON
from xinyu.core.library import load_library
from xinyu.core.problems import Severity
from xinyu.core.scaffold import derive_slug, render
from xinyu.core.vocabulary import Settings

LECTURERS = """\
wang-fang:
  name: 王芳
  title: 国家二级心理咨询师
chen-jing:
  name: 陈静
  title: 心理健康教育高级教师
"""

ARGS = {
    "lesson": ["--title", "情绪天气预报", "--grades", "3-4", "--topic", "emotion",
               "--summary", "用天气比喻心情，学会觉察和表达情绪。", "--folder", "grade-03"],
    "case": ["--title", "从手机大战到家庭约定", "--school", "青山湖区第二小学", "--grades", "5",
             "--themes", "亲子沟通,手机使用", "--summary", "一个家庭约定使用手机的过程。"],
    "course": ["--title", "读懂孩子的情绪", "--lecturer", "wang-fang", "--audience", "parents",
               "--grades", "1,2,3", "--format", "lecture", "--duration-min", "90",
               "--themes", "情绪，亲子沟通", "--summary", "帮助家长识别孩子的情绪信号。"],
}
CREATED = {
    "lesson": "lessons/grade-03/情绪天气预报.md",
    "case": "case_studies/从手机大战到家庭约定.md",
    "course": "content/courses/读懂孩子的情绪.md",
}


class Terminal(io.StringIO):
    """Standard input typed at a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def lib(library: Library, monkeypatch) -> Library:
    (library.root / "content" / "lecturers.yml").write_text(LECTURERS, encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # not a terminal
    return library


def new(library: Library, kind: str, *args: str) -> int:
    return main(["new", kind, "--root", str(library.root), *args])


def problems_of(library: Library, path: str):
    """The file's problems, apart from the hints left to fill in (XY-B010,
    tested on their own below)."""
    result = load_library(library.root, {})
    return [p for p in result.problems if p.path == path and p.code != "XY-B010"], result


def test_hints_left_to_fill_in_are_warnings_until_replaced(lib):
    assert new(lib, "lesson", *ARGS["lesson"]) == 0
    path = lib.root / CREATED["lesson"]
    lines = path.read_text(encoding="utf-8").split("\n")
    hinted = [n for n, line in enumerate(lines, start=1) if "（待填写：" in line]
    found = [p for p in load_library(lib.root, {}).problems if p.path == CREATED["lesson"]]
    assert [(p.code, p.severity.value, p.line) for p in found] == [
        ("XY-B010", "warning", n) for n in hinted] and hinted
    path.write_text("\n".join(line.replace("（待填写：", "（") for line in lines), encoding="utf-8")
    assert [p for p in load_library(lib.root, {}).problems if p.path == CREATED["lesson"]] == []


@pytest.mark.parametrize("kind", ["lesson", "case", "course"])
def test_new_file_passes_the_check(lib, kind, capsys):
    assert new(lib, kind, *ARGS[kind]) == 0
    out = capsys.readouterr().out
    assert f"已创建 {CREATED[kind]}" in out and "xinyu check" in out
    found, result = problems_of(lib, CREATED[kind])
    if kind == "case":
        # A new case is a draft without consent: that warning and nothing else.
        assert [(p.severity, p.line) for p in found] == [(Severity.WARNING, _line(lib, kind, "consent"))]
        assert [e.path for e in result.cases.drafts] == [CREATED[kind]]
    else:
        assert found == []
        published = result.lessons.published if kind == "lesson" else result.courses.published
        assert [e.path for e in published] == [CREATED[kind]]


def _line(library: Library, kind: str, field: str) -> int:
    lines = (library.root / CREATED[kind]).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith(f"{field}:"))


def test_values_and_layout_of_a_new_file(lib):
    assert new(lib, "lesson", *ARGS["lesson"], "--semester", "上学期", "--keywords", "情绪, 天气") == 0
    text = (lib.root / CREATED["lesson"]).read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---\n")[1])
    assert front == {"title": "情绪天气预报", "grades": "3-4", "topic": "emotion", "semester": 1,
                     "summary": "用天气比喻心情，学会觉察和表达情绪。", "keywords": ["情绪", "天气"]}
    # optional fields are comments in the kind's field order, with their Chinese label
    assert "\n# periods: 1  # 课时：" in text and "\n# duration_min:  # 每课时分钟数：" in text
    assert text.index("semester: 1") < text.index("# periods") < text.index("summary:")
    assert "#   collection: \"2024\"  # 课例集：" in text
    # every required section, with a hint to replace
    assert "## 教学目标\n\n（待填写：" in text and "## 教学过程\n\n（待填写：" in text
    assert "## 教学反思\n\n（选写：" in text


def test_a_case_starts_as_a_draft_without_consent(lib):
    assert new(lib, "case", *ARGS["case"], "--submitted", "2024-06-01") == 0
    front = yaml.safe_load((lib.root / CREATED["case"]).read_text(encoding="utf-8").split("---\n")[1])
    assert front["consent"] is False and front["status"] == "draft"
    assert str(front["submitted"]) == "2024-06-01"
    with pytest.raises(SystemExit) as exited:  # consent is no flag: a person sets it
        new(lib, "case", *ARGS["case"], "--consent", "true")
    assert exited.value.code == 2


def test_subprocess_creates_a_file(lib):
    proc = xinyu_process(lib.root, "new", "course", *ARGS["course"])
    assert proc.returncode == 0, proc.stderr
    assert "已创建 content/courses/读懂孩子的情绪.md" in proc.stdout
    assert problems_of(lib, CREATED["course"])[0] == []


def test_never_overwrites(lib, capsys):
    assert new(lib, "lesson", *ARGS["lesson"]) == 0
    path = lib.root / CREATED["lesson"]
    path.write_text(path.read_text(encoding="utf-8") + "\n编辑过的内容\n", encoding="utf-8")
    before = path.read_bytes()
    capsys.readouterr()
    assert new(lib, "lesson", *ARGS["lesson"]) == 1
    assert f"{CREATED['lesson']} 已经存在" in capsys.readouterr().err
    assert path.read_bytes() == before


def test_a_slug_is_unique_per_kind_ignoring_case_and_folder(lib, capsys):
    lib.lesson("grade-05/Feelings.md")
    assert new(lib, "lesson", *ARGS["lesson"], "--slug", "feelings") == 1
    err = capsys.readouterr().err
    assert "lessons/grade-05/Feelings.md 已经用了文件名 'feelings'" in err
    assert not (lib.root / "lessons" / "grade-03" / "feelings.md").exists()
    # the same name in another kind is another web address
    assert new(lib, "course", *ARGS["course"], "--slug", "feelings") == 0


def test_title_with_yaml_characters_round_trips(lib):
    title = "课题: \"情绪\" # 1 'x' —— 我的#心情：晴"
    assert new(lib, "lesson", *ARGS["lesson"], "--title", title, "--slug", "round-trip") == 0
    found, result = problems_of(lib, "lessons/grade-03/round-trip.md")
    assert found == []
    assert [e.title for e in result.lessons.published] == [title]


def test_slug_is_derived_from_the_title():
    assert derive_slug("情绪天气预报") == "情绪天气预报"
    assert derive_slug("你好，情绪小怪兽！") == "你好-情绪小怪兽"
    assert derive_slug("Hello World: 2") == "hello-world-2"
    assert derive_slug("!!!") is None and derive_slug("Index") is None


@pytest.mark.parametrize("args, message", [
    (["--topic", "emotoin"], "是不是想写 emotion？"),
    (["--grades", "13"], "适用年级（--grades）"),
    (["--grades", "3，x"], "适用年级（--grades）"),
    (["--slug", "index"], "保留名"),
    (["--slug", "my lesson"], "不能做网址"),
    (["--folder", "../outside"], "文件夹 '../outside' 不能用"),
    (["--folder", ".hidden"], "不能用"),
    (["--semester", "3"], "学期（--semester）没有 '3' 这一项"),
])
def test_bad_values_are_refused(lib, capsys, args, message):
    assert new(lib, "lesson", *ARGS["lesson"], *args) == 2
    assert message in capsys.readouterr().err
    assert not any((lib.root / "lessons").rglob("*.md"))
    assert not (lib.root / "outside").exists()


def test_an_unknown_lecturer_is_refused_with_a_suggestion(lib, capsys):
    args = [a if a != "wang-fang" else "wang-fan" for a in ARGS["course"]]
    assert new(lib, "course", *args) == 2
    err = capsys.readouterr().err
    assert "讲师（--lecturer）没有 'wang-fan' 这一项（是不是想写 wang-fang？）" in err
    assert "chen-jing（陈静）" in err
    assert not (lib.root / "content" / "courses").exists()


def test_a_course_needs_a_lecturer_registry(lib, capsys):
    (lib.root / "content" / "lecturers.yml").unlink()
    assert new(lib, "course", *ARGS["course"]) == 1
    assert "content/lecturers.yml 里还没有可选的讲师" in capsys.readouterr().err


def test_personal_data_in_a_value_is_refused_and_masked(lib, capsys):
    assert new(lib, "lesson", *ARGS["lesson"], "--summary", "家长电话13812345678") == 2
    err = capsys.readouterr().err
    assert "没有创建" in err and "13812345678" not in err
    assert not any((lib.root / "lessons").rglob("*.md"))


def test_missing_required_values_without_a_terminal_are_a_usage_error(lib, capsys):
    assert new(lib, "lesson", "--title", "情绪天气预报") == 2
    err = capsys.readouterr().err
    assert "还缺少必填项：适用年级（--grades）、主题（--topic）、内容简介（--summary）" in err
    proc = xinyu_process(lib.root, "new", "course", "--title", "读懂孩子的情绪")
    assert proc.returncode == 2 and "讲师（--lecturer）" in proc.stderr


def test_no_usable_file_name_needs_a_slug(lib, capsys):
    args = [a if a != "情绪天气预报" else "!!!" for a in ARGS["lesson"]]
    assert new(lib, "lesson", *args) == 2
    assert "--slug" in capsys.readouterr().err


def test_prompts_at_a_terminal(lib, monkeypatch, capsys):
    answers = "情绪天气预报\n13\n3\nemotoin\n情绪调适\n认识情绪。\n"
    monkeypatch.setattr(sys, "stdin", Terminal(answers))
    assert new(lib, "lesson", "--folder", "grade-03") == 0
    captured = capsys.readouterr()
    assert "主题（--topic）：" in captured.err and "  emotion  情绪调适" in captured.err
    assert "请重新输入" in captured.err  # 13 and emotoin were asked again
    assert problems_of(lib, CREATED["lesson"])[0] == []
    front = yaml.safe_load((lib.root / CREATED["lesson"]).read_text(encoding="utf-8").split("---\n")[1])
    assert front["grades"] == 3 and front["topic"] == "emotion"


def test_prompts_for_a_course_list_the_choices(lib, monkeypatch, capsys):
    answers = "课程\nwang-fang\n家长\n1-3\nworkshop\n90\n情绪\n简介。\n"
    monkeypatch.setattr(sys, "stdin", Terminal(answers))
    assert new(lib, "course", "--slug", "kecheng") == 0
    err = capsys.readouterr().err
    assert "  wang-fang  王芳" in err and "  workshop  工作坊" in err
    assert problems_of(lib, "content/courses/kecheng.md")[0] == []


def test_a_file_name_is_asked_when_the_title_gives_none(lib, monkeypatch):
    monkeypatch.setattr(sys, "stdin", Terminal("!!!\n3\nemotion\n简介。\nmy lesson\nmy-lesson\n"))
    assert new(lib, "lesson") == 0
    assert problems_of(lib, "lessons/my-lesson.md")[0] == []


def test_a_lesson_can_start_as_a_draft(lib):
    assert new(lib, "lesson", *ARGS["lesson"], "--draft") == 0
    found, result = problems_of(lib, CREATED["lesson"])
    assert found == [] and [e.path for e in result.lessons.drafts] == [CREATED["lesson"]]


def test_end_of_input_at_a_prompt_cancels(lib, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", Terminal("情绪天气预报\n"))
    assert new(lib, "lesson") == 2
    assert "已取消" in capsys.readouterr().err
    assert not any((lib.root / "lessons").rglob("*.md"))


def test_render_follows_the_configured_sections():
    settings = Settings(lesson_sections=("教学目标", "教学过程", "板书设计"))
    text = render(LESSON, settings, {"title": "t", "grades": 3, "topic": "emotion",
                                     "summary": "s"})
    assert text.index("## 教学目标") < text.index("## 教学过程") < text.index("## 板书设计")
    assert "## 板书设计\n\n（待填写：" in text
    assert "status: draft" in render(CASE, Settings(), {
        "title": "t", "school": "s", "grades": 3, "themes": ["a"], "summary": "s"})
    assert "\nstatus: draft" in render(COURSE, Settings(), {
        "title": "t", "lecturer": "x", "audience": "parents", "grades": 3, "format": "lecture",
        "duration_min": 60, "themes": ["a"], "summary": "s"}, draft=True)


def test_built_site_accepts_new_files(lib):
    lib.fill_coverage()
    for kind in ("lesson", "case", "course"):
        assert xinyu(lib.root, "new", kind, *ARGS[kind]).returncode == 0
    build = lib.build()
    assert build.returncode == 0, build.output
    assert "情绪天气预报" in build.html("lessons/情绪天气预报/index.html")
    assert any(Path(build.site).rglob("读懂孩子的情绪/index.html"))
