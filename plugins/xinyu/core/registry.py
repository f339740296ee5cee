"""Registries: YAML files that map a key to a few fields (lesson-case
collections, the lecturer team), and the check that content refers only to
keys that exist."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from .files import MAX_TEXT_BYTES, file_problem, key_problem
from .frontmatter import parse_front_matter
from .loader import Entry
from .privacy import Allowance, PrivacyGuard
from .problems import Problem
from .rules import did_you_mean, report
from .schema import Field
from .source import read_text
from .validate import validate_group
from .vocabulary import Settings


def load_registry(root: Path, path: str, fields: tuple[Field, ...], settings: Settings,
                  guard: PrivacyGuard, what: str
                  ) -> tuple[dict[str, dict[str, Any]], list[Problem], list[Allowance]]:
    """{key: validated fields} of the registry at `path` (relative to root);
    a missing file is an empty registry. Each key becomes a web address."""
    abs_path = root / path
    if not abs_path.exists() and not abs_path.is_symlink():
        return {}, [], []
    if reason := file_problem(root, path, MAX_TEXT_BYTES):
        return {}, [report("registry-unreadable", path, 0, reason=reason)], []
    text, problems = read_text(abs_path, path)
    if text is None:
        return {}, problems, []
    problems, allowances = guard.scan(text, path)
    parsed, parse_problems = parse_front_matter(text, 1, path)
    problems += parse_problems
    if parsed is not None:
        problems += guard.scan_values(parsed.data, parsed.lines, path, problems, allowances)
    entries: dict[str, dict[str, Any]] = {}
    for key, value in (parsed.data if parsed else {}).items():
        line = parsed.lines.get(str(key), 1)
        if not isinstance(key, str):
            problems.append(report("registry-key-type", path, line, what=what,
                                   found=_YAML_TYPES.get(type(key).__name__, "非文字")))
            continue
        if bad_key := key_problem(path, line, str(key), what):
            problems.append(bad_key)
            continue
        if not isinstance(value, dict):
            problems.append(report("registry-needs-fields", path, line, key=key,
                                   allowed="、".join(f.called() for f in fields)))
            continue
        meta, field_problems = validate_group(value, fields, f"{key}.", parsed.lines, settings,
                                              path, line)
        problems += field_problems
        if not field_problems:
            entries[str(key)] = meta
    return entries, problems, allowances


_YAML_TYPES = {"int": "整数", "float": "小数", "bool": "是/否", "date": "日期",
               "datetime": "日期时间", "NoneType": "空值"}


def reference_check(field: str, registry: dict[str, Any], registry_path: str,
                    called: str = "") -> Callable[[Entry], list[Problem]]:
    """An entry's `field` (dotted for nested fields) must name a key of the registry."""
    def check(entry: Entry) -> list[Problem]:
        value: Any = entry.meta
        for part in field.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if value is None or value in registry:
            return []
        return [report("unknown-reference", entry.path, entry.lines.get(field, 1),
                       field=called or field, found=value,
                       hint=did_you_mean(str(value), list(registry)),
                       registry=registry_path, allowed="、".join(registry) or "（还没有）")]
    return check

