"""The one Markdown reader: where code is, which headings and links a body
has, and the CJK ranges. Validation, HTML safety, privacy and the pages all
read Markdown through here, so they agree on what is code and what is a link.

It reads Markdown the way Python-Markdown with pymdownx.superfences renders
it, as far as the checks need:

- a fence is three or more backticks or tildes (indented or inside a list);
  it closes with the same character, at least as many, and nothing else;
- an indented code block is a line indented four spaces (or a tab) past its
  context after a blank line; in a list, its context is the list item, so a
  list's continuation paragraph is prose and a code block in a list is
  indented eight;
- a code span is a run of backticks closed by a run of the same length.

Everything is linear in the size of the body, and line numbers and columns
are kept (code is blanked with spaces, never removed).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Callable, Iterator

# Han characters as editors use them: the unified ideographs, extension A,
# compatibility ideographs and extensions B onwards.
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
CJK_CHAR = re.compile(f"[{CJK}]")
CJK_RUN = re.compile(f"[{CJK}]+")

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_LIST_ITEM = re.compile(r"^[ ]{0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
_INDENTED = re.compile(r"^(?: {4}|\t)")
_BACKTICKS = re.compile(r"`+")
_HEADING = re.compile(r"^[ ]{0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*(?:[ \t]#+)?[ \t]*$")
# [text](target "title") and ![alt](target): the target, with or without <>.
# Read from "](" on, so link text with brackets of its own ([a [b]](t)) is a link too.
_INLINE_LINK = re.compile(r"\]\(\s*(?:<([^>\n]*)>|([^)\s]+))")
# [label]: target (Python-Markdown: no spaces in the target, even in <>)
_REFERENCE = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*(?:<([^>\s]*)>|(\S+))")


@dataclass(frozen=True)
class Link:
    line: int  # in the file
    col: int  # 1-based, where the target starts
    target: str  # as written
    reference: bool  # a [label]: target definition
    start: int  # offsets of the target in the body
    end: int


def code_lines(body: str) -> list[bool]:
    """For each line of `body`: is it (part of) a code block?"""
    flags: list[bool] = []
    fence: tuple[str, int] | None = None  # (character, length) of the open fence
    blank_before = True
    in_list = False
    for line in body.split("\n"):
        if fence is not None:
            flags.append(True)
            closing = _FENCE.match(line)
            if closing and closing["fence"][0] == fence[0] and len(closing["fence"]) >= fence[1] \
                    and not closing["info"].strip():
                fence = None
            continue
        opening = _FENCE.match(line)
        if opening and not (opening["fence"][0] == "`" and "`" in opening["info"]):
            fence = (opening["fence"][0], len(opening["fence"]))
            flags.append(True)
            blank_before = False
            continue
        if not line.strip():
            flags.append(False)  # a blank line only separates blocks
            blank_before = True
            continue
        if _LIST_ITEM.match(line):
            in_list = True
            flags.append(False)
        elif _INDENTED.match(line):
            depth = 2 if in_list else 1
            continuing = bool(flags) and flags[-1]
            flags.append((blank_before or continuing) and _indent(line) >= 4 * depth)
        else:
            if blank_before:
                in_list = False
            flags.append(False)
        blank_before = False
    return flags


def _indent(line: str) -> int:
    width = 0
    for char in line:
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4 - width % 4
        else:
            break
    return width


@functools.lru_cache(maxsize=16)  # one body is read by headings, links and the HTML scan
def prose(body: str) -> str:
    """`body` with code blocks and code spans blanked: what Markdown reads as
    text, links and HTML. Same lines, same columns."""
    lines = body.split("\n")
    return "\n".join(" " * len(line) if code else blank_code_spans(line)
                     for line, code in zip(lines, code_lines(body)))


def blank_code_spans(line: str) -> str:
    """Code spans (`code`, ``co`de``) blanked: a run of backticks opens one,
    the next run of the same length closes it. Linear in the line."""
    if "`" not in line:
        return line
    spans, open_at = [], {}
    for run in _BACKTICKS.finditer(line):
        size = len(run[0])
        if size in open_at:
            spans.append((open_at.pop(size), run.end()))
            open_at = {k: v for k, v in open_at.items() if v < spans[-1][0]}
        else:
            open_at[size] = run.start()
    for start, end in spans:
        line = line[:start] + " " * (end - start) + line[end:]
    return line


def headings(body: str, first_line: int = 1) -> list[tuple[int, int, str]]:
    """(line, level, text) of each ATX heading outside code."""
    found = []
    for offset, line in enumerate(prose(body).split("\n")):
        if "#" in line and (match := _HEADING.match(line)):
            found.append((first_line + offset, len(match[1]), (match[2] or "").strip()))
    return found


def links(body: str, first_line: int = 1) -> Iterator[Link]:
    """Every inline link, image and reference definition outside code."""
    offset = 0
    for number, line in enumerate(prose(body).split("\n")):
        if "](" in line:
            for match in _INLINE_LINK.finditer(line):
                group = 1 if match[1] is not None else 2
                yield Link(first_line + number, match.start(group) + 1, match[group], False,
                           offset + match.start(group), offset + match.end(group))
        if "]:" in line and (match := _REFERENCE.match(line)):
            group = 1 if match[1] is not None else 2
            yield Link(first_line + number, match.start(group) + 1, match[group], True,
                       offset + match.start(group), offset + match.end(group))
        offset += len(line) + 1


def rewrite_links(body: str, rewrite: Callable[[Link], str | None]) -> str:
    """`body` with each link target outside code replaced by `rewrite(link)`
    (None keeps it)."""
    parts, last = [], 0
    for link in links(body):
        new = rewrite(link)
        if new is not None and new != link.target:
            parts += [body[last:link.start], new]
            last = link.end
    return "".join(parts) + body[last:]


def map_prose_lines(body: str, change: Callable[[str], str]) -> str:
    """`body` with `change` applied to every line outside code blocks."""
    lines = body.split("\n")
    return "\n".join(line if code else change(line)
                     for line, code in zip(lines, code_lines(body)))
