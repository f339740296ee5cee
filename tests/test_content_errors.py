"""Each class of content error is reported as `path:line: message`, all in
one run, with a hint for the common slips."""

from __future__ import annotations

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
        "lessons/a.md:4: full-width colon '：' after 'topic'; write a half-width colon "
        "and a space: 'topic: '"]


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
    assert "lessons/a.md:2: full-width colon '：' after 'title'; write a half-width colon and a space: 'title: '" in found
    assert "lessons/a.md:3: grades: grade 13 is not one of the configured grades (1–12)" in found
    assert any(p.startswith("lessons/a.md:4: topic: unknown topic 'emotoin' (did you mean 'emotion'?)")
               for p in found)
    assert "lessons/a.md:7: missing required section '## 教学过程'" in found
    assert len(found) == 4


def test_topic_key_one_edit_away_gets_a_suggestion(library):
    library.lesson("a.md", topic="relationship")
    [message] = problems(library)
    assert message.startswith("lessons/a.md:4: topic: unknown topic 'relationship' "
                              "(did you mean 'relationships'?)")


def test_topic_label_instead_of_key_is_explained(library):
    library.lesson("a.md", topic="情绪调适")
    assert problems(library) == [
        "lessons/a.md:4: topic: write the key 'emotion' for 情绪调适, not the label"]


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
        "lessons/a.md:4: a tab is used for indentation; YAML needs spaces "
        "(replace the tab with two spaces)"]


def test_gbk_file_is_reported_as_not_utf8(library):
    text = "---\ntitle: 情绪小怪兽\ngrades: [1]\ntopic: emotion\nsummary: 认识情绪，学会表达自己的感受。\n---\n" + GOOD_BODY
    library.write("gbk.md", text.encode("gbk"))
    [message] = problems(library)
    assert message.startswith("lessons/gbk.md:2: the file is not UTF-8 (it looks like GBK")
    assert "save it with the encoding UTF-8" in message


def test_unterminated_front_matter(library):
    library.write("a.md", "---\ntitle: 情绪小怪兽\ngrades: [1]\n\n## 教学目标\n")
    assert problems(library) == [
        "lessons/a.md:1: the front matter opened here is never closed: "
        "add a line '---' after the last field"]


def test_missing_front_matter(library):
    library.write("a.md", "# 情绪小怪兽\n\n" + GOOD_BODY)
    assert problems(library) == [
        "lessons/a.md:1: no front matter: the file must start with a line '---', "
        "then the fields, then a line '---'"]


def test_missing_required_section_points_at_the_body(library):
    library.lesson("a.md", body="\n## 教学目标\n\n目标。\n")
    assert problems(library) == ["lessons/a.md:7: missing required section '## 教学过程'"]


def test_section_at_the_wrong_level(library):
    library.lesson("a.md", body="## 教学目标\n\n### 教学过程\n")
    assert problems(library) == [
        "lessons/a.md:9: section '教学过程' must be a level-2 heading: '## 教学过程'"]


def test_heading_inside_code_fence_does_not_count(library):
    library.lesson("a.md", body="## 教学目标\n\n```\n## 教学过程\n```\n")
    assert problems(library) == ["lessons/a.md:7: missing required section '## 教学过程'"]


def test_duplicate_slug_across_folders(library):
    library.lesson("g1/feelings.md")
    library.lesson("g2/feelings.md", grades=[2])
    assert problems(library) == [
        "lessons/g2/feelings.md: duplicate slug 'feelings': lessons/g1/feelings.md has the "
        "same file name; rename one of them (the file name is the page's address)"]


def test_grade_outside_configured_list(library):
    library.lesson("a.md", grades="11-13")
    assert problems(library) == [
        "lessons/a.md:3: grades: grade 13 is not one of the configured grades (1–12)"]


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
        "lessons/a.md:1: missing required field 'summary' (e.g. summary: 一两句话说明这节课做什么)",
        "lessons/a.md:5: unknown field 'summery' (did you mean 'summary'?)",
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
    assert problems(library) == ["lessons/a.md:6: field 'topic' is given twice (first at line 4)"]


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
    assert message.startswith("lessons/a.md:4: YAML syntax error")


def test_invalid_values_have_hints(library):
    library.lesson("a.md", periods="2课时", semester="上学期", status="pubished")
    found = problems(library)
    assert "lessons/a.md:7: semester: write 1 for 上学期, not '上学期'" in found
    assert "lessons/a.md:6: periods: must be a whole number, not '2课时'; write just the number: 2" in found
    assert "lessons/a.md:8: status: must be one of published, draft, not 'pubished' (did you mean 'published'?)" in found


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
        "lessons/g1/a.md:17: missing attachment 'missing.pdf': no such file (lessons/g1/missing.pdf)"]


def test_links_to_other_lessons_must_exist(library):
    library.lesson("g1/b.md")
    library.lesson("g2/a.md", body=GOOD_BODY + "\n[上一课](../g1/b.md)\n\n[不存在](../g1/c.md)\n")
    assert problems(library) == [
        "lessons/g2/a.md:17: missing page '../g1/c.md': no such file (lessons/g1/c.md)"]
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
    assert message == "lessons/a.md:2: YAML syntax error: this quotation mark is never closed (add the closing quote)"


def test_full_width_commas_in_lists(library):
    library.write("a.md", "---\ntitle: 情绪\ngrades: [3，4]\ntopic: emotion\nsummary: s\n"
                          "keywords: [情绪，绘本]\n---\n" + GOOD_BODY)
    assert problems(library) == [
        "lessons/a.md:3: grades: '3，4' uses a full-width comma; write [3, 4] with half-width commas"]
    library.write("a.md", "---\ntitle: 情绪\ngrades: [3]\ntopic: emotion\nsummary: s\n"
                          "keywords: [情绪，绘本]\n---\n" + GOOD_BODY)
    [lesson] = load_library(library.root, {}).lessons.published
    assert lesson.meta["keywords"] == ("情绪", "绘本")
