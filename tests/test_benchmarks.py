"""The benchmarks run at a small N as a smoke test: they build what they
say they build and print their figures. No timing is asserted."""

from __future__ import annotations

import re
import subprocess
import sys

import yaml
from conftest import ENV, REPO


def test_build_benchmark_runs_and_prints_its_ratios(tmp_path):
    proc = subprocess.run([sys.executable, str(REPO / "benchmarks" / "run.py"), "--items", "25",
                           "--runs", "1"], cwd=tmp_path, env=ENV, capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = proc.stdout
    assert out.startswith("25 items (20 lessons, 5 cases, 18 courses)")
    for label in ("build c/d", "check a/b", "peak memory c/d"):
        assert re.search(rf"{re.escape(label)}\s+\d+\.\d\d\b", out), out
    assert re.search(r"CPU time of all processes: \d+\.\d s / \d+\.\d s", out), out
    assert re.search(r"item page, median\s+\d+\.\d KiB", out), out
    assert re.search(r"search index\s+\d+\.\d\d MB raw", out), out


def test_generated_library_is_varied_valid_and_matched_by_the_anchor(tmp_path):
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import run
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    xinyu, plain = run.generate(tmp_path, 40, seed=3)
    lessons = sorted((xinyu / "lessons").rglob("l*.md"))
    cases = sorted((xinyu / "case_studies").rglob("c*.md"))
    assert (len(lessons), len(cases)) == (32, 8)
    bodies = [p.read_text(encoding="utf-8").split("\n---\n", 1)[1] for p in lessons + cases]
    assert len(set(bodies)) == len(bodies)  # no two items alike
    paragraphs = [line for body in bodies for line in body.splitlines() if len(line) > 30]
    assert len(set(paragraphs)) > 0.8 * len(paragraphs)  # caches keyed by text do not all hit
    check = subprocess.run([sys.executable, "-m", "xinyu", "check", "."], cwd=xinyu, env=ENV,
                           capture_output=True, text=True, timeout=300)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "找到 32 个，发布 32 个" in check.stdout and "找到 8 个，发布 8 个" in check.stdout
    # the anchor: the same bodies as ordinary pages, the same theme and Markdown settings
    pages = sorted((plain / "docs").rglob("*.md"))
    assert len(pages) == 41
    anchor = yaml.load((plain / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.Loader)
    ours = yaml.load((xinyu / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.Loader)
    assert anchor["theme"] == ours["theme"] and anchor["nav"] == ["index.md"]
    assert [str(e)[:40] for e in anchor["markdown_extensions"]] == \
        [str(e)[:40] for e in ours["markdown_extensions"]]
    assert [p for p in anchor["plugins"]] == [p for p in ours["plugins"] if "xinyu" not in str(p)]
