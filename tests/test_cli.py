"""`xinyu check`: exit codes and the three output formats."""

from __future__ import annotations

import json

from conftest import Library


def test_clean_library_exits_zero_and_prints_summary(library):
    library.fill_coverage()
    library.lesson("extra.md", status="draft", grades=[2])
    proc = library.check()
    assert proc.returncode == 0, proc.stdout
    last = proc.stdout.strip().splitlines()[-1]
    assert last.startswith("xinyu：教案（lesson）：找到 49 个，发布 48 个，草稿 1 个，被拒 0 个；")
    assert "；错误 0 个，" in last


def test_warnings_do_not_fail_unless_strict(library):
    library.fill_coverage()  # one period per cell: below the district minimum
    proc = library.check()
    assert proc.returncode == 0
    assert "lessons: 警告 [XY-C002] 课时不足：一年级（1）" in proc.stdout
    assert library.check("--strict").returncode == 1


def test_errors_exit_one_and_list_every_problem(library):
    library.fill_coverage(skip={(5, "life")})
    library.lesson("a.md", topic="emotoin")
    library.write("b.md", "---\ntitle：x\n")
    proc = library.check()
    assert proc.returncode == 1
    out = proc.stdout
    assert "lessons/a.md:4: [XY-F022] 主题（topic）的“emotoin”不是已配置的主题（是不是想写 emotion？）" in out
    assert "lessons/b.md:1: [XY-S006] 这里开始的头信息没有结束" in out
    assert "lessons: [XY-C001] 覆盖缺口：五年级（5）× 生命教育（life）没有已发布的教案" in out
    assert out.strip().splitlines()[-1].endswith("错误 3 个，警告 12 个")


def test_json_format(library):
    library.fill_coverage(skip={(5, "life")})
    library.lesson("a.md", topic="emotoin")
    proc = library.check("--format", "json")
    assert proc.returncode == 1
    report = json.loads(proc.stdout)
    assert report["errors"] == 2
    assert report["kinds"]["lesson"] == {"found": 48, "published": 47, "drafts": 0, "rejected": 1}
    first = report["problems"][0]
    assert first["severity"] == "error" and first["path"] == "lessons"
    assert {"path": "lessons/a.md", "line": 4, "col": 0, "severity": "error",
            "code": "XY-F022", "rule": "topic-unknown",
            "message": "主题（topic）的“emotoin”不是已配置的主题（是不是想写 emotion？）；可选："
                       "emotion（情绪调适）、relationships（人际交往）、life（生命教育）、"
                       "study（学习适应）、self（认识自我）、career（升学择业）"} in report["problems"]


def test_github_format_annotates_files_and_lines(library):
    library.fill_coverage()
    library.lesson("a.md", topic="emotoin")
    proc = library.check("--format", "github")
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert ("::error file=lessons/a.md,line=4,title=XY-F022::主题（topic）的“emotoin”不是已配置的主题"
            "（是不是想写 emotion？）；可选：emotion（情绪调适）、relationships（人际交往）、"
            "life（生命教育）、study（学习适应）、self（认识自我）、career（升学择业）") in lines
    assert any(line.startswith("::warning file=lessons,title=XY-C002::课时不足：") for line in lines)


def test_usage_errors_exit_two(library, tmp_path):
    assert library.check("--format", "xml").returncode == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    from conftest import xinyu_process  # the installed command itself, in a process of its own

    missing = xinyu_process(empty, "check", ".")
    assert missing.returncode == 2
    assert "里没有 mkdocs.yml" in missing.stderr
    assert xinyu_process(empty).returncode == 2


def test_config_errors_are_reported_against_mkdocs_yml(tmp_path):
    library = Library(tmp_path / "repo", plugin={"periods_check": "sometimes",
                                                  "min_periods": {"primary": -1}})
    library.fill_coverage()
    proc = library.check()
    assert proc.returncode == 1
    assert "mkdocs.yml: [XY-K001] plugins.xinyu：periods_check 只能是 error、warning、info、off 之一，" \
           "而不是“sometimes”" in proc.stdout
    assert "mkdocs.yml: [XY-K001] plugins.xinyu：min_periods.primary 必须是不小于 0 的整数" in proc.stdout
