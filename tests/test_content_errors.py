"""Each class of content error is reported as `path:line: [XY-…] 消息`, all
in one run, with a hint for the common slips."""

from __future__ import annotations

import json
import re

from conftest import Library, dedent, tiny_pdf
from xinyu.core.library import load_library

GOOD_BODY = "## 教学目标\n\n目标。\n\n## 教学过程\n\n过程。\n"


def problems(library: Library) -> list[str]:
    found = [p for p in load_library(library.root, {}).problems
             if p.path.startswith("lessons/") and p.path != "lessons"]
    return [str(p) for p in sorted(found, key=lambda p: (p.path, p.line))]


def test_valid_lesson_has_no_problems(library):
    library.lesson("a.md")
    assert problems(library) == []


def test_full_width_colon_is_reported_with_line_and_hint(library):
    library.write("a.md", dedent("""
        ---
        title: 情绪小怪兽
        grades: [1]
        topic：emotion
        summary: 认识情绪。
        ---
        """) + GOOD_BODY)
    assert problems(library) == [
        "lessons/a.md:4: [XY-Y003] “topic”后面是全角冒号“：”；请写半角冒号加一个空格：'topic: '"]


def test_all_problems_of_a_file_are_reported_in_one_run(library):
    library.write("a.md", dedent("""
        ---
        title：情绪小怪兽
        grades: [13]
        topic: emotoin
        summary: 认识情绪。
        ---
        ## 教学目标
        """))
    found = problems(library)
    assert "lessons/a.md:2: [XY-Y003] “title”后面是全角冒号“：”；请写半角冒号加一个空格：'title: '" in found
    assert "lessons/a.md:3: [XY-F028] 适用年级（grades）的 13 不是已配置的年级（1–12）" in found
    assert any(p.startswith("lessons/a.md:4: [XY-F022] 主题（topic）的“emotoin”不是已配置的主题"
                            "（是不是想写 emotion？）")
               for p in found)
    assert "lessons/a.md:7: [XY-B001] 缺少必需的章节“## 教学过程”" in found
    assert len(found) == 4


def test_topic_key_one_edit_away_gets_a_suggestion(library):
    library.lesson("a.md", topic="relationship")
    [message] = problems(library)
    assert message.startswith("lessons/a.md:4: [XY-F022] 主题（topic）的“relationship”不是已配置的主题"
                              "（是不是想写 relationships？）")


def test_topic_label_instead_of_key_is_explained(library):
    library.lesson("a.md", topic="情绪调适")
    assert problems(library) == [
        "lessons/a.md:4: [XY-F021] 主题（topic）请写主题键 emotion（情绪调适），而不是中文名称"]


def test_tab_indentation(library):
    library.write("a.md", dedent("""
        ---
        title: 情绪小怪兽
        grades:
        \t- 1
        topic: emotion
        summary: 认识情绪。
        ---
        """) + GOOD_BODY)
    assert problems(library) == [
        "lessons/a.md:4: [XY-Y002] 用了 Tab 缩进；YAML 只能用空格缩进（把 Tab 换成两个空格）"]


def test_gbk_file_is_reported_as_not_utf8(library):
    text = "---\ntitle: 情绪小怪兽\ngrades: [1]\ntopic: emotion\nsummary: 认识情绪，学会表达自己的感受。\n---\n" + GOOD_BODY
    library.write("gbk.md", text.encode("gbk"))
    [message] = problems(library)
    assert message.startswith("lessons/gbk.md:2: [XY-S002] 文件不是 UTF-8 编码（看起来是 GBK")
    assert "请在编辑器里用 UTF-8 编码重新保存" in message


def test_unterminated_front_matter(library):
    library.write("a.md", "---\ntitle: 情绪小怪兽\ngrades: [1]\n\n## 教学目标\n")
    assert problems(library) == [
        "lessons/a.md:1: [XY-S006] 这里开始的头信息没有结束：在最后一个字段后面加一行 '---'"]


def test_missing_front_matter(library):
    library.write("a.md", "# 情绪小怪兽\n\n" + GOOD_BODY)
    assert problems(library) == [
        "lessons/a.md:1: [XY-S005] 没有头信息：文件必须以一行 '---' 开始，接着写字段，"
        "再写一行 '---'"]


def test_missing_required_section_points_at_the_body(library):
    library.lesson("a.md", body="\n## 教学目标\n\n目标。\n")
    assert problems(library) == ["lessons/a.md:7: [XY-B001] 缺少必需的章节“## 教学过程”"]


def test_section_at_the_wrong_level(library):
    library.lesson("a.md", body="## 教学目标\n\n### 教学过程\n")
    assert problems(library) == [
        "lessons/a.md:9: [XY-B002] 章节“教学过程”必须是二级标题：'## 教学过程'"]


def test_heading_inside_code_fence_does_not_count(library):
    library.lesson("a.md", body="## 教学目标\n\n```\n## 教学过程\n```\n")
    assert problems(library) == ["lessons/a.md:7: [XY-B001] 缺少必需的章节“## 教学过程”"]


def test_duplicate_slug_across_folders(library):
    library.lesson("g1/feelings.md")
    library.lesson("g2/feelings.md", grades=[2])
    assert problems(library) == [
        "lessons/g2/feelings.md: [XY-B008] 文件名“feelings”与 lessons/g1/feelings.md 重复"
        "（文件名就是网页地址）；请改掉其中一个"]


def test_grade_outside_configured_list(library):
    library.lesson("a.md", grades="11-13")
    assert problems(library) == [
        "lessons/a.md:3: [XY-F028] 适用年级（grades）的 13 不是已配置的年级（1–12）"]


def test_grades_accept_int_list_and_range():
    from xinyu.core.fields import Grades
    from xinyu.core.vocabulary import Settings

    grades = Grades()
    assert grades.parse(3, Settings()) == (3,)
    assert grades.parse([4, 3, 4], Settings()) == (3, 4)
    assert grades.parse("3-4", Settings()) == (3, 4)
    assert grades.parse("10-12", Settings()) == (10, 11, 12)


def test_missing_required_field_and_unknown_field(library):
    library.write("a.md", dedent("""
        ---
        title: 情绪小怪兽
        grades: [1]
        topic: emotion
        summery: 认识情绪。
        ---
        """) + GOOD_BODY)
    assert problems(library) == [
        "lessons/a.md:1: [XY-F002] 缺少必填字段 内容简介（summary），例如 summary: 一两句话说明这节课做什么",
        "lessons/a.md:5: [XY-F001] 未知字段 summery（是不是想写 summary？）；可用的字段：标题（title）、"
        "适用年级（grades）、主题（topic）、课型（type）、学科（subject）、学期（semester）、课时（periods）、"
        "每课时分钟数（duration_min）、内容简介（summary）、执教 / 设计（author）、学校（school）、"
        "关键词（keywords）、活动（activities）、状态（status）、课例展示（showcase）",
    ]


def test_field_given_twice(library):
    library.write("a.md", dedent("""
        ---
        title: 情绪小怪兽
        grades: [1]
        topic: emotion
        summary: 认识情绪。
        topic: life
        ---
        """) + GOOD_BODY)
    assert problems(library) == ["lessons/a.md:6: [XY-Y008] 字段“topic”写了两次（第一次在第 4 行）"]


def test_yaml_syntax_error_has_line(library):
    library.write("a.md", dedent("""
        ---
        title: 情绪小怪兽
        grades: [1, 2
        topic: emotion
        summary: 认识情绪。
        ---
        """) + GOOD_BODY)
    [message] = problems(library)
    assert message.startswith("lessons/a.md:4: [XY-Y005] YAML 语法错误")


def test_invalid_values_have_hints(library):
    library.lesson("a.md", periods="2课时", semester="上学期", status="pubished")
    found = problems(library)
    assert "lessons/a.md:7: [XY-F019] 学期（semester）请写 1（上学期），而不是“上学期”" in found
    assert "lessons/a.md:6: [XY-F015] 课时（periods）应当是整数，而不是“2课时”；只写数字：2" in found
    assert ("lessons/a.md:8: [XY-F017] 状态（status）只能是 published、draft 之一，而不是“pubished”"
            "（是不是想写 published？）") in found


def test_bom_and_crlf_are_accepted(library):
    text = "---\ntitle: 情绪小怪兽\ngrades: [1]\ntopic: emotion\nsummary: 认识情绪。\n---\n" + GOOD_BODY
    library.write("a.md", b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert problems(library) == []
    lesson = load_library(library.root, {}).lessons.published[0]
    assert lesson.title == "情绪小怪兽"


def test_missing_attachment(library):
    library.write("g1/sheet.pdf", tiny_pdf("Worksheet"))
    library.lesson("g1/a.md", body=GOOD_BODY + "\n[学习单](sheet.pdf)\n\n[另一份](missing.pdf)\n")
    assert problems(library) == [
        "lessons/g1/a.md:17: [XY-B003] 链接的附件“missing.pdf”不存在（lessons/g1/missing.pdf）"]


def test_links_to_other_lessons_must_exist(library):
    library.lesson("g1/b.md")
    library.lesson("g2/a.md", body=GOOD_BODY + "\n[上一课](../g1/b.md)\n\n[不存在](../g1/c.md)\n")
    assert problems(library) == [
        "lessons/g2/a.md:17: [XY-B003] 链接的页面“../g1/c.md”不存在（lessons/g1/c.md）"]
    [rejected] = load_library(library.root, {}).lessons.rejected
    assert rejected == "lessons/g2/a.md"


def test_draft_problems_are_warnings_and_counted_as_draft(library):
    library.lesson("a.md", status="draft", topic="emotoin")
    result = load_library(library.root, {}).lessons
    assert (len(result.published), len(result.drafts), len(result.rejected)) == (0, 1, 0)
    assert all(not p.is_error for p in result.problems)


def test_every_file_is_published_draft_or_rejected(library):
    library.lesson("ok.md")
    library.lesson("draft.md", status="draft")
    library.write("bad.md", "no front matter")
    library.write("gbk.md", "---\ntitle: 中文\n---\n".encode("gbk"))
    result = load_library(library.root, {}).lessons
    assert result.found == 4
    assert [e.slug for e in result.published] == ["ok"]
    assert [e.slug for e in result.drafts] == ["draft"]
    assert result.rejected == ["lessons/bad.md", "lessons/gbk.md"]


def test_unclosed_quotation_mark_points_at_where_it_opened(library):
    library.write("a.md", '---\ntitle: "情绪小怪兽\ngrades: [1]\n---\n' + GOOD_BODY)
    [message] = problems(library)
    assert message == "lessons/a.md:2: [XY-Y005] YAML 语法错误：这里的引号没有配对（请补上另一半引号）"


def test_full_width_commas_in_lists(library):
    library.write("a.md", "---\ntitle: 情绪\ngrades: [3，4]\ntopic: emotion\nsummary: s\n"
                          "keywords: [情绪，绘本]\n---\n" + GOOD_BODY)
    assert problems(library) == [
        "lessons/a.md:3: [XY-F025] 适用年级（grades）的“3，4”用了全角逗号；请写 [3, 4]（半角逗号）"]
    library.write("a.md", "---\ntitle: 情绪\ngrades: [3]\ntopic: emotion\nsummary: s\n"
                          "keywords: [情绪，绘本]\n---\n" + GOOD_BODY)
    [lesson] = load_library(library.root, {}).lessons.published
    assert lesson.meta["keywords"] == ("情绪", "绘本")


# --- rule codes and Chinese messages ------------------------------------------

CODE = re.compile(r"XY-[A-Z]\d{3}")
CJK_TEXT = re.compile(r"[\u4e00-\u9fff]")
MOBILE = "13812345678"


def broken_library(tmp_path) -> Library:
    """A library with something wrong of many kinds: errors, warnings (a draft,
    unsafe HTML) and notices (coverage gaps as info), a registry and a setting."""
    library = Library(tmp_path / "repo", plugin={"coverage_check": "info", "periods_check": "sometimes"})
    library.write("a.md", dedent("""
        ---
        title：情绪小怪兽
        grades: [13]
        topic: emotoin
        summery: 认识情绪。
        semester: 上学期
        ---
        """) + GOOD_BODY + "\n[学习单](missing.pdf)\n")
    library.write("b.md", "# 没有头信息\n")
    library.write("c.md", "---\ntitle: 中文\n---\n".encode("gbk"))
    library.lesson("d.md", status="draft", topic="emotoin")
    library.lesson("e.md", body=GOOD_BODY + '\n<p onclick="alert(1)">x</p>\n')
    library.lesson("f.md", body=GOOD_BODY + f"\n家长电话 {MOBILE}\n")
    library.write("collections.yml", '"../escape":\n  title: 出逃\n')
    return library


def test_every_problem_in_json_has_a_code_a_rule_and_a_chinese_message(tmp_path):
    from xinyu.core.rules import BY_CODE

    proc = broken_library(tmp_path).check("--format", "json")
    assert proc.returncode == 1
    found = json.loads(proc.stdout)["problems"]
    assert {p["severity"] for p in found} == {"error", "warning", "info"}
    for problem in found:
        assert CODE.fullmatch(problem["code"]), problem
        assert "rule" in problem and problem["rule"] == BY_CODE[problem["code"]].key, problem
        assert CJK_TEXT.search(problem["message"]), problem
    codes = {p["code"] for p in found}
    assert {"XY-Y003", "XY-F028", "XY-F022", "XY-F001", "XY-F019", "XY-B003", "XY-S005", "XY-S002",
            "XY-H001", "XY-P001", "XY-N003", "XY-K001", "XY-C001"} <= codes, codes
    draft = [p for p in found if p["path"] == "lessons/d.md"]
    assert draft and all(p["severity"] == "warning" and p["message"].startswith("（草稿）")
                         and p["code"] == "XY-F022" for p in draft), draft


def test_every_github_annotation_is_titled_with_its_code(tmp_path):
    library = broken_library(tmp_path)
    lines = library.check("--format", "github").stdout.splitlines()
    annotations, summary = lines[:-1], lines[-1]
    assert summary.startswith("xinyu：教案（lesson）：")
    titles = []
    for line in annotations:
        match = re.fullmatch(r"::(error|warning|notice) file=[^,:]+(?:,line=\d+)?(?:,col=\d+)?"
                             r",title=(XY-[A-Z]\d{3})::(.+)", line)
        assert match, line
        assert CJK_TEXT.search(match[3]), line
        titles.append(match[2])
    codes = [p["code"] for p in json.loads(library.check("--format", "json").stdout)["problems"]]
    assert titles == codes
    text = library.check().stdout.splitlines()[:-1]
    assert len(text) == len(codes)
    for line, code in zip(text, codes):
        assert re.search(rf": (?:警告 |提示 )?\[{code}\] ", line), line


def test_rule_codes_and_keys_are_unique_and_templates_are_chinese():
    from xinyu.core import rules

    codes = [f"XY-{code}" for code, _, _, _ in rules._TABLE]
    keys = [key for _, key, _, _ in rules._TABLE]
    assert len(codes) == len(set(codes)) == len(rules.BY_CODE)
    assert len(keys) == len(set(keys)) == len(rules.RULES)
    for rule in rules.RULES.values():
        assert CODE.fullmatch(rule.code), rule
        assert rule.group == rules.GROUPS[rule.code[3]], rule
        # plugins.xinyu：{reason} has only its full-width colon: the reasons are Chinese
        # (see test_cli.py::test_config_errors_are_reported_against_mkdocs_yml)
        assert CJK_TEXT.search(rule.template) or rule.key == "config-option", rule
        rule.placeholders  # the template parses as a format string
    assert set(rules.PERSONAL_DATA.values()) == {"身份证号", "电话号码", "电子邮箱", "QQ 号", "微信号",
                                                "家庭住址", "受保护的姓名", "文字方向控制符"}


def test_a_phone_number_echoed_as_a_wrong_value_is_masked(library):
    library.lesson("a.md", topic=MOBILE)
    text = library.check().stdout
    assert MOBILE not in text
    [line] = [line for line in text.splitlines() if "[XY-F022]" in line]
    assert line.startswith("lessons/a.md:4: [XY-F022] 主题（topic）的“138******78")
    assert "lessons/a.md:4:9: [XY-P001] 电话号码“138******78”不能发布" in text
    for fmt in ("json", "github"):
        out = library.check("--format", fmt).stdout
        assert MOBILE not in out and "138******78" in out, out
    [problem] = [p for p in json.loads(library.check("--format", "json").stdout)["problems"]
                 if p["code"] == "XY-F022"]
    assert "“138******78" in problem["message"]


def test_masking_keeps_the_quote_around_the_masked_value(library):
    library.lesson("a.md", topic=MOBILE)
    [problem] = [p for p in load_library(library.root, {}).problems if p.code == "XY-F022"]
    assert problem.message.startswith("主题（topic）的“138******78”不是已配置的主题；")
