"""Course numbers (课程编号): declared in the front matter or derived from
the file name, unique across the courses, shown wherever a person reads a
course; the file name stays in URLs only."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, Library, card_rows, xinyu
from test_courses import LECTURERS, write_course

from xinyu.core.codes import derived_code, next_code
from xinyu.core.kinds import CODE_PATTERN


def small_library(root: Path) -> Library:
    library = Library(root)
    library.fill_coverage()
    (library.root / "content" / "lecturers.yml").write_text(LECTURERS, encoding="utf-8")
    return library


def code_line(library: Library, slug: str) -> int:
    """The line of `code:` in a course written by `write_course`."""
    text = (library.root / "content" / "courses" / f"{slug}.md").read_text(encoding="utf-8")
    return text.split("\n").index(next(line for line in text.split("\n") if line.startswith("code:"))) + 1


# ---- the derivation ---------------------------------------------------------

def test_derived_code_is_fixed_by_the_file_name_alone():
    # Pinned: a derived code is printed on order sheets, so it never changes.
    assert derived_code("reading-childrens-emotions") == "KC-9AZK"
    assert derived_code("puberty") == "KC-KTB7"
    assert derived_code("读懂孩子的情绪") == derived_code("读懂孩子的情绪")
    for stem in ("a", "b", "青春期", "x" * 200):
        code = derived_code(stem)
        assert re.fullmatch(CODE_PATTERN, code) and code.startswith("KC-")
        assert not set(code[3:]) & set("ILOU")  # Crockford base 32: no I, L, O, U


def test_next_code_follows_the_most_common_prefix():
    codes = ["JZ-01", "JZ-02", "JZ-07", "QZ-01", "XS-01", "KC-9AZK"]
    assert next_code(codes) == "JZ-08"
    assert next_code(codes, prefer=["QZ-01"]) == "QZ-02"
    assert next_code(["KC-9AZK"]) is None  # derived codes are not a numbering
    assert next_code([]) is None
    assert next_code(["A-9"]) == "A-10"
    assert next_code(["A-9999"]) is None  # no free four-digit number after it


def test_a_course_without_code_keeps_its_derived_code_when_another_is_added(tmp_path):
    library = small_library(tmp_path / "repo")
    write_course(library, "emotions", title="读懂孩子的情绪")
    first = library.build()
    assert first.returncode == 0, first.output
    expected = derived_code("emotions")
    page = BeautifulSoup(first.html("courses/emotions/index.html"), "html.parser")
    assert card_rows(page)["课程编号"] == expected
    write_course(library, "aaa-first", title="排在前面的课程")
    write_course(library, "zzz-last", title="排在后面的课程", code="JZ-01")
    second = library.build()
    assert second.returncode == 0, second.output
    page = BeautifulSoup(second.html("courses/emotions/index.html"), "html.parser")
    assert card_rows(page)["课程编号"] == expected
    catalogue = json.loads((second.site / "catalogue.json").read_text(encoding="utf-8"))
    assert {c["id"]: c["code"] for c in catalogue["courses"]} == {
        "emotions": expected, "aaa-first": derived_code("aaa-first"), "zzz-last": "JZ-01"}


# ---- errors -----------------------------------------------------------------

def test_duplicate_declared_codes_are_an_error_on_the_later_file(tmp_path):
    library = small_library(tmp_path / "repo")
    write_course(library, "alpha", title="甲课程", code="JZ-01")
    write_course(library, "beta", title="乙课程", code="jz-01")  # the same code, in lower case
    out = library.check().stdout
    line = code_line(library, "beta")
    assert f"content/courses/beta.md:{line}: [XY-F033] 课程编号（code）“JZ-01”与 content/courses/alpha.md " \
           "的课程编号重复；每门课程的编号必须不同，请在其中一门课程的头信息里改写 code" in out
    assert "content/courses/alpha.md:" not in out
    assert "点单课程（course）：找到 2 个，发布 1 个，草稿 0 个，被拒 1 个" in out
    build = library.build()
    assert build.returncode != 0
    assert f"content/courses/beta.md:{line}" in build.output and "XY-F033" in build.output


def test_a_declared_code_equal_to_a_derived_one_is_a_duplicate_at_line_1(tmp_path):
    library = small_library(tmp_path / "repo")
    write_course(library, "alpha", title="甲课程", code=derived_code("beta"))
    write_course(library, "beta", title="乙课程")
    out = library.check().stdout
    assert f"content/courses/beta.md:1: [XY-F033] 课程编号（code）“{derived_code('beta')}”与 " \
           "content/courses/alpha.md 的课程编号重复（本课程没有写 code，编号由文件名生成）" in out


def test_a_draft_duplicating_a_code_gets_a_warning_only(tmp_path):
    library = small_library(tmp_path / "repo")
    write_course(library, "alpha", title="甲课程", code="JZ-01")
    write_course(library, "beta", title="乙课程", code="JZ-01", status="draft")
    result = library.check()
    assert f"content/courses/beta.md:{code_line(library, 'beta')}: 警告 [XY-F033] （草稿）课程编号（code）“JZ-01”" in result.stdout
    assert "发布 1 个，草稿 1 个，被拒 0 个" in result.stdout
    assert result.returncode == 0


@pytest.mark.parametrize("code", ["JZ01", "JZ-", "-01", "ABCDE-1", "JZ-12345", "J Z-01", "JZ–01",
                                  "ＪＺ-01", "<b>X-1</b>", "JZ-01<script>", "&lt;-1"])
def test_an_invalid_code_is_an_error_with_its_rule(tmp_path, code):
    library = small_library(tmp_path / "repo")
    write_course(library, "alpha", title="甲课程", code=code)
    out = library.check().stdout
    assert f"content/courses/alpha.md:{code_line(library, 'alpha')}: [XY-F032] 课程编号（code）的“" in out
    assert "写法不对：课程编号写成 1–4 个英文字母、一个连字符“-”、再加 1–4 个数字或英文字母，" \
           "例如 JZ-01、QZ-12（小写字母按大写读）" in out
    assert "被拒 1 个" in out


def test_a_code_with_markup_is_never_rendered(tmp_path):
    library = small_library(tmp_path / "repo")
    write_course(library, "alpha", title="甲课程", code="<b>X-1</b>")
    write_course(library, "beta", title="乙课程", code="JZ-01")
    build = library.build()
    assert build.returncode != 0 and "XY-F032" in build.output
    assert not (build.site / "courses" / "alpha").exists()


def test_a_number_is_not_a_code(tmp_path):
    library = small_library(tmp_path / "repo")
    write_course(library, "alpha", title="甲课程", code=12)
    out = library.check().stdout
    assert f"content/courses/alpha.md:{code_line(library, 'alpha')}: [XY-F032] 课程编号（code）的“12”写法不对" in out


# ---- the demo -----------------------------------------------------------------

def test_every_demo_course_declares_a_unique_code():
    codes = {}
    for path in sorted((REPO / "content" / "courses").glob("*.md")):
        found = re.search(r"^code: (\S+)$", path.read_text(encoding="utf-8"), re.MULTILINE)
        assert found, path
        codes[path.stem] = found[1]
    assert len(set(codes.values())) == len(codes)
    assert all(re.fullmatch(r"(JZ|QZ|XS|JS)-\d\d", code) for code in codes.values())


def test_demo_pages_show_codes_and_never_file_names_as_numbers(demo_build):
    page = BeautifulSoup(demo_build.html("courses/reading-childrens-emotions/index.html"), "html.parser")
    assert card_rows(page)["课程编号"] == "JZ-02"
    menu = BeautifulSoup(demo_build.html("courses/index.html"), "html.parser")
    card = menu.find("a", string="读懂孩子的情绪").find_parent("article")
    assert card.select_one(".xinyu-course-code").get_text(" ", strip=True) == "编号 JZ-02"
    assert "reading-childrens-emotions" not in card.get_text()
    lecturer = BeautifulSoup(demo_build.html("lecturers/wang-fang/index.html"), "html.parser")
    item = lecturer.find("a", string="读懂孩子的情绪").find_parent("li")
    assert "编号 JZ-02" in item.get_text()
    catalogue = json.loads((demo_build.site / "catalogue.json").read_text(encoding="utf-8"))
    course = next(c for c in catalogue["courses"] if c["id"] == "reading-childrens-emotions")
    assert course["code"] == "JZ-02" and course["url"] == "courses/reading-childrens-emotions/"


# ---- xinyu new course -----------------------------------------------------------

NEW_COURSE = ["new", "course", "--title", "新课程", "--lecturer", "wang-fang", "--audience", "parents",
              "--grades", "1-3", "--format", "lecture", "--duration-min", "90", "--themes", "情绪",
              "--summary", "简介。", "--slug", "new-course"]


def test_new_course_gets_the_next_free_number_of_its_audience(tmp_path):
    library = small_library(tmp_path / "repo")
    write_course(library, "alpha", title="甲课程", code="JZ-01")
    write_course(library, "beta", title="乙课程", code="JZ-07")
    write_course(library, "gamma", title="丙课程", code="XS-03", audience="students")
    result = xinyu(library.root, *NEW_COURSE)
    assert result.returncode == 0, result.stderr
    text = (library.root / "content" / "courses" / "new-course.md").read_text(encoding="utf-8")
    assert "\ncode: JZ-08\n" in text
    students = [*NEW_COURSE[:-1], "students-course"]
    students[students.index("parents")] = "students"
    result = xinyu(library.root, *students)
    assert result.returncode == 0, result.stderr
    text = (library.root / "content" / "courses" / "students-course.md").read_text(encoding="utf-8")
    assert "\ncode: XS-04\n" in text
    assert library.check().returncode == 0


def test_new_course_without_numbered_courses_leaves_the_code_optional(tmp_path):
    library = small_library(tmp_path / "repo")
    result = xinyu(library.root, *NEW_COURSE, "--code", "qz-05")
    assert result.returncode == 0, result.stderr
    text = (library.root / "content" / "courses" / "new-course.md").read_text(encoding="utf-8")
    assert "\ncode: qz-05\n" in text or "\ncode: QZ-05\n" in text
    result = xinyu(library.root, *NEW_COURSE[:-1], "other-course")
    assert result.returncode == 0, result.stderr
    text = (library.root / "content" / "courses" / "other-course.md").read_text(encoding="utf-8")
    assert "\ncode: QZ-06\n" in text


def test_new_course_with_only_derived_codes_writes_code_as_a_comment(tmp_path):
    library = small_library(tmp_path / "repo")
    write_course(library, "alpha", title="甲课程")
    result = xinyu(library.root, *NEW_COURSE)
    assert result.returncode == 0, result.stderr
    text = (library.root / "content" / "courses" / "new-course.md").read_text(encoding="utf-8")
    assert "\n# code: JZ-01  # 课程编号：" in text
