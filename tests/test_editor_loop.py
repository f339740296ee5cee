"""The editor's loop as a pull request sees it: a repository with one good
and one bad new file; `xinyu check --format github` annotates only the bad
one, at the right line, with the rule's code, in Chinese."""

from __future__ import annotations

import re
import subprocess

from conftest import ENV, Library, dedent


def git(root, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, env=ENV, check=True, capture_output=True)


def test_pull_request_annotations_point_at_the_bad_file_only(tmp_path):
    library = Library(tmp_path / "repo", {"periods_check": "off"})
    library.fill_coverage()
    git(library.root, "init", "-q", "-b", "main")
    git(library.root, "config", "user.email", "editor@example.org")
    git(library.root, "config", "user.name", "编辑")
    git(library.root, "add", "-A")
    git(library.root, "commit", "-q", "-m", "库")
    # The pull request: two new lessons, one with a topic label instead of its key.
    library.lesson("g3/good-new.md", title="好的新教案", grades=[3], topic="relationships")
    library.write("g3/bad-new.md", dedent("""
        ---
        title: 有问题的新教案
        grades: [3]
        topic: 情绪
        summary: 认识情绪。
        ---
        ## 教学目标

        目标。

        ## 教学过程

        过程。
        """))
    git(library.root, "add", "-A")
    git(library.root, "commit", "-q", "-m", "新教案")
    proc = library.check("--format", "github")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    annotations = [line for line in proc.stdout.splitlines() if line.startswith("::")]
    assert len(annotations) == 1, proc.stdout
    match = re.fullmatch(r"::error file=([^,]+),line=(\d+),title=(XY-[A-Z]\d{3})::(.+)", annotations[0])
    assert match, annotations[0]
    path, line, code, message = match.groups()
    assert (path, line, code) == ("lessons/g3/bad-new.md", "4", "XY-F022")
    assert message.startswith("主题（topic）的“情绪”不是已配置的主题")
    assert "emotion（情绪调适）" in message
    assert "good-new" not in proc.stdout


def test_digits_that_are_not_ascii_get_a_message_not_a_traceback(library):
    from xinyu.core.library import load_library

    for index, value in enumerate(["²", "٣", "３", ["²"]]):
        library.lesson(f"odd-{index}.md", grades=value)
    found = {p.path: p.code for p in load_library(library.root, {}).problems
             if p.path.startswith("lessons/odd-")}
    assert found == {f"lessons/odd-{i}.md": "XY-F027" for i in range(4)}


def test_yaml_slips_are_explained_in_chinese(library):
    from xinyu.core.library import load_library

    library.write("colon.md", "---\ntitle: 课题: 情绪\ngrades: [1]\n---\n")
    library.write("list.md", "---\ntitle: 情绪\ngrades: [1, 2\ntopic: emotion\n---\n")
    found = {p.path: str(p) for p in load_library(library.root, {}).problems
             if p.code == "XY-Y005"}
    assert found == {
        "lessons/colon.md": "lessons/colon.md:2: [XY-Y005] YAML 语法错误：这一行多了一个“: ”"
                            "（含有“: ”的值要加引号，例如 title: \"课题: 情绪\"）",
        "lessons/list.md": "lessons/list.md:4: [XY-Y005] YAML 语法错误：方括号列表没有正确结束"
                           "（缺少“]”，或者两项之间少了半角逗号）",
    }


def test_demo_lesson_links_to_its_own_source_and_shows_its_date(demo_build):
    import yaml
    from bs4 import BeautifulSoup
    from conftest import REPO

    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8").replace(
        "!!python/object/apply:pymdownx.slugs.slugify", ""))
    page = BeautifulSoup(demo_build.html("lessons/feelings-weather-report/index.html"), "html.parser")
    updated = page.select_one("p.xinyu-updated")
    assert re.fullmatch(r"最后更新：\d{4}-\d{2}-\d{2}·在仓库中编辑此页", updated.get_text(strip=True))
    [source] = sorted(REPO.glob("lessons/**/feelings-weather-report.md"))
    expected = f"{config['repo_url']}/edit/main/{source.relative_to(REPO).as_posix()}"
    assert updated.select_one("a")["href"] == expected
    # The header's repository link asks no third party (GitHub's API) for stars.
    assert page.select_one("a.md-source")["href"] == config["repo_url"]
    assert 'data-md-component="source"' not in demo_build.html("index.html")
    index = BeautifulSoup(demo_build.html("lessons/index.html"), "html.parser")
    assert index.select_one("p.xinyu-updated") is None
