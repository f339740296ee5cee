"""Parsing YAML front matter into a mapping, with the line of every field.

Common slips of editors who type Chinese all day (a full-width colon, a
missing space after the colon, a tab) are reported with a hint and repaired
in memory, so the rest of the file is still checked in the same run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .problems import Problem
from .rules import report

_KEY = r"(?P<indent>[ \t]*(?:-[ \t]+)?)(?P<key>[A-Za-z_][\w-]*)[ \t]*"
_FULL_WIDTH_COLON = re.compile(rf"^{_KEY}：[ \t　]*")
_NO_SPACE_AFTER_COLON = re.compile(rf"^{_KEY}:(?=[^\s/])")
_LEADING_TAB = re.compile(r"^[ ]*\t")


# Front matter is a few fields: anything larger, deeper or with aliases is
# refused before it is built (a "billion laughs" would grow to gigabytes).
MAX_YAML_CHARS = 256 * 1024
MAX_DEPTH = 20


class _Refused(yaml.MarkedYAMLError):
    def __init__(self, rule: str, problem_mark) -> None:
        super().__init__(problem=rule, problem_mark=problem_mark)
        self.rule = rule


class BoundedLoader(yaml.SafeLoader):
    """PyYAML's safe loader without anchors and aliases, and with a bounded depth."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _Refused("yaml-alias", event.start_mark)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _Refused("yaml-too-deep", event.start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _load(text: str) -> tuple[yaml.Node | None, Any]:
    """The node tree and the data, by PyYAML's pure-Python loader."""
    loader = BoundedLoader(text)
    try:
        node = loader.get_single_node()
        return node, loader.construct_document(node) if node is not None else {}
    finally:
        loader.dispose()


# Front matter that libyaml reads exactly as the pure loader does: a
# conservative set of characters. Left out are those where the two differ or
# might (tabs, NEL, BOM, line and paragraph separators, controls, characters
# outside the BMP, tags '!', directives '%', backslash escapes) and those the
# pure loader refuses or bounds itself (anchors '&', aliases '*'), and '?',
# '@', '`'. tests/test_check_speed_equivalence.py compares the two.
_ORDINARY = re.compile(r"[\n\x20\x22-\x24\x27-\x29\x2b-\x3e\x41-\x5b\x5d-\x5f\x61-\x7e"
                       r"\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]*")
_FAST = getattr(yaml, "CSafeLoader", None)


def _load_fast(text: str) -> tuple[yaml.Node | None, Any] | None:
    """`_load(text)` by libyaml when the text is ordinary and libyaml reads it
    without an error and within the depth bound; else None (then the pure
    loader reads it, and reports any error in its words)."""
    if _FAST is None or _ORDINARY.fullmatch(text) is None or \
            text.count("[") + text.count("{") > 16 or _NESTED_ENTRY.search(text) or \
            _BLOCK_THEN_COMMENT.search(text):
        return None  # (a bounded nesting: libyaml's composer recurses)
    try:
        loader = _FAST(text)
        try:
            node = loader.get_single_node()
            if node is not None and _depth(node) > MAX_DEPTH:
                return None
            return node, loader.construct_document(node) if node is not None else {}
        finally:
            loader.dispose()
    except Exception:  # noqa: BLE001 - the pure loader reads it again and says why
        return None


_NESTED_ENTRY = re.compile(r"-[ ]+-(?:[ ]|$)", re.M)  # "- - x": sequences nested on one line
# "title: |#": libyaml reads a comment right after a block scalar's
# indicators, the pure loader refuses it (found by hypothesis).
_BLOCK_THEN_COMMENT = re.compile(r"[|>][-+0-9]*#")


def _depth(root: yaml.Node) -> int:
    """The depth `BoundedLoader` counts: nodes on the longest path, keys included."""
    deepest, stack = 0, [(root, 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        if isinstance(node, yaml.MappingNode):
            stack += [(child, depth + 1) for pair in node.value for child in pair]
        elif isinstance(node, yaml.SequenceNode):
            stack += [(child, depth + 1) for child in node.value]
    return deepest


@dataclass
class FrontMatter:
    data: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)  # dotted key -> line


def parse_front_matter(text: str, first_line: int, path: str) -> tuple[FrontMatter | None, list[Problem]]:
    if len(text) > MAX_YAML_CHARS:
        return None, [report("yaml-too-large", path, first_line, size=len(text) // 1024,
                             limit=MAX_YAML_CHARS // 1024)]
    text, problems = _repair_slips(text, first_line, path)
    try:
        node, data = _load_fast(text) or _load(text)
    except _Refused as exc:
        mark = exc.problem_mark
        problems.append(report(exc.rule, path, first_line + (mark.line if mark else 0),
                               limit=MAX_DEPTH))
        return None, problems
    except yaml.MarkedYAMLError as exc:
        line, reason = _yaml_problem(exc, first_line)
        if not any(p.line == line for p in problems):
            problems.append(report("yaml-syntax", path, line, reason=reason))
        return None, problems
    except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError,
            MemoryError) as exc:
        problems.append(report("yaml-invalid-value", path, first_line, reason=exc))
        return None, problems

    if data is None:
        data = {}
    if not isinstance(data, dict):
        problems.append(report("yaml-not-mapping", path, first_line))
        return None, problems

    lines: dict[str, int] = {}
    problems += _index_lines(node, first_line, "", lines, path)
    return FrontMatter(data, lines), problems


def _repair_slips(text: str, first_line: int, path: str) -> tuple[str, list[Problem]]:
    problems: list[Problem] = []
    repaired = []
    for offset, line in enumerate(text.split("\n")):
        number = first_line + offset
        if _LEADING_TAB.match(line):
            problems.append(report("yaml-tab", path, number))
            line = line.replace("\t", "  ")
        if match := _FULL_WIDTH_COLON.match(line):
            key = match["key"]
            problems.append(report("yaml-fullwidth-colon", path, number, key=key))
            line = f"{match['indent']}{key}: {line[match.end():]}"
        elif match := _NO_SPACE_AFTER_COLON.match(line):
            key = match["key"]
            problems.append(report("yaml-colon-space", path, number, key=key))
            line = f"{match['indent']}{key}: {line[match.end():]}"
        repaired.append(line)
    return "\n".join(repaired), problems


def _yaml_problem(exc: yaml.MarkedYAMLError, first_line: int) -> tuple[int, str]:
    """The line to report and why; an unclosed quote is reported where it opened."""
    mark = exc.problem_mark or exc.context_mark
    line = first_line + (mark.line if mark else 0)
    reason = exc.problem or exc.context or "cannot be read"
    context, opened = exc.context or "", exc.context_mark
    if opened is not None and first_line + opened.line != line:
        started = first_line + opened.line
        if "quoted scalar" in context:
            return started, "这里的引号没有配对（请补上另一半引号）"
        reason = f"{reason}（{context}，从第 {started} 行开始）"
    return line, _hint(reason)


# PyYAML's reasons, as an editor would say them; anything else is kept in
# English in brackets (it is still what the parser said).
_REASONS = (
    ("found character '\\t'", "这里不能用 Tab 字符；请用空格"),
    ("mapping values are not allowed", "这一行多了一个“: ”（含有“: ”的值要加引号，例如 "
                                       "title: \"课题: 情绪\"）"),
    ("could not find expected ':'", "找不到字段名后面的冒号“:”（每行写成“字段: 值”）"),
    ("expected ',' or ']'", "方括号列表没有正确结束（缺少“]”，或者两项之间少了半角逗号）"),
    ("expected ',' or '}'", "花括号没有正确结束（缺少“}”，或者两项之间少了半角逗号）"),
    ("expected <block end>", "缩进不一致（同一层的字段要对齐，子字段多缩进两个空格）"),
    ("found unexpected end of stream", "内容意外结束（可能少了引号或括号）"),
    ("found unknown escape character", "双引号里有无法识别的反斜杠转义（把 \\ 写成 \\\\，或改用单引号）"),
    ("could not determine a constructor", "用了不认识的 YAML 标签（以 ! 开头）"),
    ("found a tab character", "这里不能用 Tab 字符；请用空格"),
)


def _hint(reason: str) -> str:
    for english, chinese in _REASONS:
        if english in reason:
            return chinese
    return f"YAML 无法解析这一行（{reason}）"


def _index_lines(node: yaml.Node, first_line: int, prefix: str,
                 lines: dict[str, int], path: str) -> list[Problem]:
    """Record the line of each (nested) key; report keys given twice, which
    YAML would otherwise resolve silently by keeping the last."""
    problems: list[Problem] = []
    if not isinstance(node, yaml.MappingNode):
        return problems
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            continue
        name = f"{prefix}{key_node.value}"
        line = first_line + key_node.start_mark.line
        if name in lines:
            problems.append(report("yaml-duplicate-field", path, line, field=name,
                                   first=lines[name]))
            continue
        lines[name] = line
        problems += _index_lines(value_node, first_line, f"{name}.", lines, path)
    return problems
