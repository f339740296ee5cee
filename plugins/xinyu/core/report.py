"""Printing problems and the per-kind summary for people and for CI."""

from __future__ import annotations

import json

from .library import Library
from .loader import KindResult
from .problems import Problem, Severity
from .rules import BY_CODE

FORMATS = ("text", "json", "github")


def kind_summary(result: KindResult) -> str:
    """Found = published + drafts + rejected, always."""
    return (f"{result.kind.label}（{result.kind.key}）：找到 {result.found} 个，"
            f"发布 {len(result.published)} 个，草稿 {len(result.drafts)} 个，"
            f"被拒 {len(result.rejected)} 个")


def summary_line(library: Library) -> str:
    kinds = "；".join(kind_summary(result) for result in library.kinds)
    return (f"xinyu：{kinds}；错误 {len(library.errors)} 个，"
            f"警告 {len(library.warnings)} 个")


def render(library: Library, fmt: str) -> str:
    problems = sorted(library.problems, key=_order)
    if fmt == "json":
        return json.dumps({
            "problems": [_as_dict(p) for p in problems],
            "kinds": {r.kind.key: {"found": r.found, "published": len(r.published),
                                   "drafts": len(r.drafts), "rejected": len(r.rejected)}
                      for r in library.kinds},
            "errors": len(library.errors),
            "warnings": len(library.warnings),
            "notices": len(library.notices),
        }, ensure_ascii=False, indent=2)
    if fmt == "github":
        lines = [_annotation(p) for p in problems]
    else:
        lines = [str(p) if p.is_error else f"{p.location()}: {_LEVEL[p.severity]} "
                 f"[{p.code}] {p.message}" for p in problems]
    return "\n".join(lines + [summary_line(library)])


def _order(problem: Problem) -> tuple:
    # Stable sort: problems of one place keep their meaningful order (grades).
    return (problem.path, problem.line)


_LEVEL = {Severity.WARNING: "警告", Severity.INFO: "提示"}


def _as_dict(problem: Problem) -> dict:
    rule = BY_CODE.get(problem.code)
    return {"path": problem.path, "line": problem.line, "col": problem.col,
            "severity": problem.severity.value, "code": problem.code,
            "rule": rule.key if rule else "", "message": problem.message}


def _escape(text: str, properties: bool = False) -> str:
    # The escaping GitHub's workflow commands require.
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if properties else text


def _annotation(problem: Problem) -> str:
    where = f"file={_escape(problem.path, True)}"
    if problem.line > 0:
        where += f",line={problem.line}"
    if problem.col > 0:
        where += f",col={problem.col}"
    if problem.code:
        where += f",title={_escape(problem.code, True)}"
    command = "notice" if problem.severity is Severity.INFO else problem.severity.value
    return f"::{command} {where}::{_escape(problem.message)}"
