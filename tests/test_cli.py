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
    assert last.startswith("xinyu: lesson (教案): 49 found, 48 published, 1 drafts, 0 rejected; ")
    assert "; 0 errors," in last


def test_warnings_do_not_fail_unless_strict(library):
    library.fill_coverage()  # one period per cell: below the district minimum
    proc = library.check()
    assert proc.returncode == 0
    assert "lessons: warning: periods: 一年级 (1)" in proc.stdout
    assert library.check("--strict").returncode == 1


def test_errors_exit_one_and_list_every_problem(library):
    library.fill_coverage(skip={(5, "life")})
    library.lesson("a.md", topic="emotoin")
    library.write("b.md", "---\ntitle：x\n")
    proc = library.check()
    assert proc.returncode == 1
    out = proc.stdout
    assert "lessons/a.md:4: topic: unknown topic 'emotoin' (did you mean 'emotion'?)" in out
    assert "lessons/b.md:1: the front matter opened here is never closed" in out
    assert "lessons: coverage gap: 五年级 (5) × 生命教育 (life) has no published lesson" in out
    assert out.strip().splitlines()[-1].endswith("3 errors, 12 warnings")


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
            "message": "topic: unknown topic 'emotoin' (did you mean 'emotion'?); topics are: "
                       "emotion, relationships, life, study, self, career"} in report["problems"]


def test_github_format_annotates_files_and_lines(library):
    library.fill_coverage()
    library.lesson("a.md", topic="emotoin")
    proc = library.check("--format", "github")
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert ("::error file=lessons/a.md,line=4::topic: unknown topic 'emotoin' (did you mean "
            "'emotion'?); topics are: emotion, relationships, life, study, self, career") in lines
    assert any(line.startswith("::warning file=lessons::periods: ") for line in lines)


def test_usage_errors_exit_two(library, tmp_path):
    assert library.check("--format", "xml").returncode == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    from conftest import xinyu

    missing = xinyu(empty, "check", ".")
    assert missing.returncode == 2
    assert "has no mkdocs.yml" in missing.stderr
    assert xinyu(empty).returncode == 2


def test_config_errors_are_reported_against_mkdocs_yml(tmp_path):
    library = Library(tmp_path / "repo", plugin={"periods_check": "sometimes",
                                                  "min_periods": {"primary": -1}})
    library.fill_coverage()
    proc = library.check()
    assert proc.returncode == 1
    assert "mkdocs.yml: plugins.xinyu: periods_check must be one of error, warning, info, off, " \
           "not 'sometimes'" in proc.stdout
    assert "mkdocs.yml: plugins.xinyu: min_periods.primary must be a whole number >= 0" in proc.stdout
