"""One Markdown reader (core/markdown.py): validation, HTML safety, the
loader's links and the pages agree on what is code, a heading and a link."""

from __future__ import annotations

from bs4 import BeautifulSoup
from conftest import BODY, dedent
from hypothesis import given, settings
from hypothesis import strategies as st
from xinyu.core.library import load_library
from xinyu.core.markdown import code_lines, headings, links, prose, rewrite_links

CODE_WITH_LINKS = dedent("""
    ## 教学目标

    在代码里写链接示例：`[学习单](missing-1.pdf)`

    ````markdown
    ```
    [学习单](missing-2.pdf)
    ```
    ## 教学过程
    ````

    ~~~
    ![图](missing-3.png)
    ~~~

    缩进的代码块：

        [学习单](missing-4.pdf)

    - 列表项

        列表的续段 [真正的附件](worksheet.txt)

            [列表里的代码](missing-5.pdf)

    带空格的文件名：[学习单二](<worksheet two.txt>)，引用式链接：[学习单三][ws]

    [ws]: <worksheet3.txt>
    """)


def test_code_blocks_fences_and_spans_are_code():
    flags = code_lines(CODE_WITH_LINKS)
    lines = CODE_WITH_LINKS.split("\n")
    code = {line for line, flag in zip(lines, flags) if flag}
    for missing in range(2, 6):
        assert any(f"missing-{missing}" in line for line in code), missing
    assert not any("worksheet" in line for line in code)
    assert "missing-1" not in prose(CODE_WITH_LINKS)
    assert len(prose(CODE_WITH_LINKS)) == len(CODE_WITH_LINKS)  # columns are kept


def test_links_outside_code_only_with_their_lines():
    lines = CODE_WITH_LINKS.split("\n")
    at = {name: 10 + next(i for i, line in enumerate(lines) if name in line)
          for name in ("(worksheet.txt)", "[ws]: <", "(<worksheet two")}
    found = [(link.line, link.target, link.reference) for link in links(CODE_WITH_LINKS, 10)]
    assert found == [(at["(worksheet.txt)"], "worksheet.txt", False),
                     (at["(<worksheet two"], "worksheet two.txt", False),
                     (at["[ws]: <"], "worksheet3.txt", True)]


def test_headings_inside_a_longer_fence_do_not_count():
    assert [(level, text) for _, level, text in headings(CODE_WITH_LINKS)] == [(2, "教学目标")]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="`~ #[]()!<>:\n\tab情", max_size=200))
def test_reader_keeps_length_and_rewrites_only_link_targets(body):
    assert len(prose(body)) == len(body)
    assert len(code_lines(body)) == body.count("\n") + 1
    unchanged = rewrite_links(body, lambda link: None)
    assert unchanged == body
    for link in links(body):
        assert body[link.start:link.end] == link.target


def test_links_in_code_are_not_attachments_and_real_ones_are_published(library):
    library.fill_coverage()
    (library.root / "lessons" / "g1").mkdir(exist_ok=True)
    library.write("g1/worksheet.txt", "学习单：画出你的情绪。\n")
    library.write("g1/worksheet two.txt", "第二张学习单。\n")
    library.write("g1/worksheet3.txt", "第三张学习单。\n")
    library.lesson("g1/code-links.md", body=CODE_WITH_LINKS.replace("## 教学过程\n````",
                                                                    "````\n\n## 教学过程\n"))
    result = load_library(library.root, {})
    mine = [p for p in result.problems if p.path == "lessons/g1/code-links.md"]
    assert mine == []
    build = library.build()
    assert build.returncode == 0, build.output
    assert "code-links" not in build.output  # no warning about this lesson
    page = BeautifulSoup(build.html("lessons/code-links/index.html"), "html.parser")
    code_text = " ".join(code.get_text() for code in page.select("code"))
    for missing in range(1, 6):
        assert f"missing-{missing}" in code_text, missing  # shown as typed, as code
    hrefs = [a["href"] for a in page.select("article a[href]")]
    assert "worksheet.txt" in hrefs
    assert any(h.endswith("worksheet%20two.txt") or h.endswith("worksheet two.txt") for h in hrefs)
    assert (build.site / "lessons" / "code-links" / "worksheet.txt").is_file()
    assert (build.site / "lessons" / "code-links" / "worksheet two.txt").is_file()
    assert "worksheet3.txt" in hrefs
    assert (build.site / "lessons" / "code-links" / "worksheet3.txt").is_file()


def test_a_missing_attachment_outside_code_is_still_an_error(library):
    library.lesson("a.md", body=BODY + "\n[学习单](nowhere.pdf)\n\n    [代码](fine.pdf)\n")
    [problem] = [p for p in load_library(library.root, {}).problems if p.path == "lessons/a.md"]
    assert problem.code == "XY-B003"
    assert "nowhere.pdf" in problem.message
    assert problem.line == 6 + BODY.count("\n") + 2  # front matter, the body, a blank line
