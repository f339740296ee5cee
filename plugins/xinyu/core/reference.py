"""The editor guide's reference parts, generated from the tables the checks
use, so the guide cannot drift from them.

A hand-written page asks for a part with a comment on a line of its own:

    <!-- xinyu:fields lesson -->      the fields of a kind or a data file
    <!-- xinyu:messages -->           the catalogue of messages (rules.py)

Kinds: lesson, case, course; data files: lecturers, collections, plans.
"""

from __future__ import annotations

import re

from .collections import FIELDS as COLLECTION_FIELDS
from .fields import Choice, Grades, Integer, TopicKey
from .kinds import KINDS
from .lecturers import FIELDS as LECTURER_FIELDS
from .plans import FIELDS as PLAN_FIELDS
from .rules import catalogue_markdown, markdown_text
from .schema import Field
from .vocabulary import Settings

FIELD_SETS: dict[str, tuple[Field, ...]] = {
    **{kind.key: kind.fields for kind in KINDS},
    "lecturers": LECTURER_FIELDS, "collections": COLLECTION_FIELDS, "plans": PLAN_FIELDS,
}
_MARKER = re.compile(r"^<!--[ \t]*xinyu:(fields|messages)(?:[ \t]+([a-z]+))?[ \t]*-->[ \t]*$",
                     re.M)


def expand(markdown: str, settings: Settings) -> str:
    """`markdown` with each marker replaced by the part it asks for; an
    unknown marker is left as it is (a comment, so nothing shows)."""
    if "xinyu:" not in markdown:
        return markdown

    def part(match: re.Match) -> str:
        if match[1] == "messages":
            return catalogue_markdown()
        fields = FIELD_SETS.get(match[2] or "")
        return field_table(fields, settings) if fields else match[0]

    return _MARKER.sub(part, markdown)


def field_table(fields: tuple[Field, ...], settings: Settings) -> str:
    rows = ["| 字段 | 名称 | 是否必填 | 写法 |", "|---|---|---|---|"]
    for field, name in _flatten(fields, ""):
        required = "必填" if field.required else "选填"
        rows.append(f"| `{name}` | {markdown_text(field.label)} | {required} | {_how(field, settings)} |")
    return "\n".join(rows) + "\n"


def _flatten(fields: tuple[Field, ...], prefix: str):
    for field in fields:
        yield field, f"{prefix}{field.name}"
        if field.is_group:
            yield from _flatten(field.fields, f"{prefix}{field.name}.")


def _how(field: Field, settings: Settings) -> str:
    parts = [markdown_text(field.help.rstrip("。"))] if field.help else []
    kind = field.type
    if isinstance(kind, TopicKey):
        parts.append("已配置的主题：" + "、".join(f"`{t.key}`（{markdown_text(t.label)}）"
                                            for t in settings.topics))
    elif isinstance(kind, Grades):
        parts.append(f"已配置的年级：{settings.grade_span()}")
    elif isinstance(kind, Choice):
        parts.append("可选：" + "、".join(f"`{choice}`" for choice in kind.choices))
    elif isinstance(kind, Integer):
        parts.append(f"整数，{kind.allowed()}")
    if field.default not in (None, (), ""):
        parts.append(f"默认 `{field.default}`")
    if field.example:
        parts.append(f"例如 `{field.example}`")
    elif field.is_group:
        parts.append("下面缩进写子字段")
    return "；".join(parts)

