"""The one validator: checks a parsed front matter and body against a Kind."""

from __future__ import annotations

from typing import Any

from .fields import Invalid
from .frontmatter import FrontMatter
from .markdown import headings
from .problems import Problem
from .rules import did_you_mean, report
from .schema import Field, Kind
from .vocabulary import Settings


def validate_fields(front: FrontMatter, kind: Kind, settings: Settings,
                    path: str, fm_line: int) -> tuple[dict[str, Any], list[Problem]]:
    return validate_group(front.data, kind.fields, "", front.lines, settings, path, fm_line)


def validate_group(data: dict[str, Any], fields: tuple[Field, ...], prefix: str,
                    lines: dict[str, int], settings: Settings, path: str,
                    group_line: int) -> tuple[dict[str, Any], list[Problem]]:
    problems: list[Problem] = []
    known = {f.name for f in fields}
    allowed = "、".join(f.called() for f in fields)
    for key in data:
        if str(key) not in known:
            name = f"{prefix}{key}"
            problems.append(report("unknown-field", path, lines.get(name, group_line), field=name,
                                   hint=did_you_mean(str(key), sorted(known)), allowed=allowed))

    clean: dict[str, Any] = {}
    for spec in fields:
        name = f"{prefix}{spec.name}"
        line = lines.get(name, group_line)
        if spec.name not in data or data[spec.name] is None:
            if spec.required:
                problems.append(report("missing-field", path, line, field=spec.called(prefix),
                                       example=spec.example or f"{spec.name}: …"))
            clean[spec.name] = spec.default
            continue
        value = data[spec.name]
        if spec.is_group:
            if not isinstance(value, dict):
                problems.append(report("not-a-group", path, line, field=spec.called(prefix),
                                       allowed="、".join(f.name for f in spec.fields)))
                clean[spec.name] = None
                continue
            clean[spec.name], sub = validate_group(value, spec.fields, f"{name}.", lines,
                                                    settings, path, line)
            problems += sub
            continue
        try:
            clean[spec.name] = spec.type.parse(value, settings)
        except Invalid as exc:
            problems.append(report(exc.rule, path, line, field=spec.called(prefix), **exc.values))
    return clean, problems


def check_sections(body: str, first_line: int, required: tuple[str, ...],
                   path: str) -> list[Problem]:
    problems = []
    found = headings(body, first_line)
    for section in required:
        if any(level == 2 and text.startswith(section) for _, level, text in found):
            continue
        elsewhere = next((line for line, _, text in found if text.startswith(section)), None)
        if elsewhere:
            problems.append(report("section-level", path, elsewhere, section=section))
        else:
            problems.append(report("section-missing", path, first_line, section=section))
    return problems
