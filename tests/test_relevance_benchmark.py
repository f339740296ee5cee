"""The search relevance benchmark: its judgments are sound (fast), and it
runs end to end on a few queries (builds the demo, drives Chromium)."""

from __future__ import annotations

import importlib
import importlib.util
import re
import subprocess
import sys

import pytest
import yaml

from conftest import ENV, REPO

SCRIPT = REPO / "benchmarks" / "relevance.py"


def load_benchmark():
    spec = importlib.util.spec_from_file_location("relevance_benchmark", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def source_files(path: str) -> list:
    """The demo source files an item path like lessons/<stem>/ stands for."""
    match = re.fullmatch(r"(lessons|cases|courses)/([^/]+)/", path)
    if not match:
        return []
    kind, stem = match.groups()
    if kind == "lessons":
        return list((REPO / "lessons").rglob(f"{stem}.md"))
    if kind == "cases":
        return list((REPO / "case_studies").rglob(f"{stem}.md"))
    return [p for p in [REPO / "content" / "courses" / f"{stem}.md"] if p.exists()]


def query_sets() -> dict:
    sys.path.insert(0, str(SCRIPT.parent))
    try:
        return {"own": load_benchmark().QUERIES,
                **{name: importlib.import_module(f"queries_{name}").QUERIES
                   for name in ("holdout", "holdout2", "holdout3")}}
    finally:
        sys.path.remove(str(SCRIPT.parent))


@pytest.mark.parametrize("name", ["own", "holdout", "holdout2", "holdout3"])
def test_judgments_are_sound(name):
    queries = query_sets()[name]
    assert len(queries) >= (60 if name == "own" else 45)
    assert len({query for _, query, _ in queries}) == len(queries), "duplicate queries"
    listing = re.compile(r"(lessons|cases|courses|collections(/.*)?|lecturers(/.*)?|grades/\d+|topics/\w+"
                         r"|coverage|guide|help)?/?")
    for who, query, relevant in queries:
        assert who in {"teacher", "parent", "editor"}, query
        assert relevant, f"{query}: no relevant item"
        for path in relevant:
            assert not listing.fullmatch(path), f"{query}: listing page {path} judged relevant"
            files = source_files(path)
            assert len(files) == 1, f"{query}: {path} is not one demo item"
            front = yaml.safe_load(files[0].read_text(encoding="utf-8").split("---", 2)[1])
            assert front.get("status") != "draft", f"{query}: {path} is a draft, never published"


@pytest.mark.browser
def test_benchmark_runs_on_a_few_queries():
    proc = subprocess.run([sys.executable, str(SCRIPT), "--limit", "3"], cwd=REPO, env=ENV,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for metric in ("recall@10", "MRR", "precision@5"):
        assert re.search(rf"^{re.escape(metric)}\s+\d\.\d{{3}}\s+\d\.\d{{3}}\s*$", proc.stdout, re.M), proc.stdout
    assert re.search(r"^queries with no relevant in top 10\s+\d+\s+\d+\s*$", proc.stdout, re.M), proc.stdout
    assert "mean of 3 queries" in proc.stdout
