"""Reading a content file: bytes to text, and text to front matter + body.

Editors save files from many editors on many systems, so a UTF-8 BOM and
CRLF line ends are accepted, and a file in another encoding (often GBK from
Windows tools) is reported with what it looks like, never decoded by guess.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from .problems import Problem
from .rules import report

FENCE = "---"


@dataclass(frozen=True)
class Source:
    """A content file split at its front matter."""

    path: str
    front_matter: str
    front_matter_line: int  # line number of the first front-matter line
    body: str
    body_line: int  # line number of the first body line


def read_text(abs_path: Path, path: str) -> tuple[str | None, list[Problem]]:
    try:
        data = abs_path.read_bytes()
    except OSError as exc:
        return None, [report("read-failed", path, 0, reason=exc.strerror or exc)]
    return decode(data, path)


def decode(data: bytes, path: str) -> tuple[str | None, list[Problem]]:
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [report("not-utf8", path, line, guess=_encoding_guess(data))]
    if "\x00" in text:
        return None, [report("nul-bytes", path, text[: text.index("\x00")].count("\n") + 1)]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def _encoding_guess(data: bytes) -> str:
    import charset_normalizer  # only for a file that is not UTF-8 (it takes a while to import)

    best = charset_normalizer.from_bytes(data).best()
    guess = best.encoding.upper().replace("_", "-") if best else None
    if guess and guess.startswith("GB"):
        guess = "GBK/GB18030"
    return f"（看起来是 {guess}）" if guess else ""


def split_front_matter(text: str, path: str) -> tuple[Source | None, list[Problem]]:
    lines = text.split("\n")
    first = lines[0].strip() if lines else ""
    if not text.strip():
        return None, [report("empty-file", path, 1)]
    if first != FENCE:
        if first and set(first) <= set("—－-_＿ "):
            hint = f"第一行“{first}”必须正好是三个半角短横 '---'"
        else:
            hint = "文件必须以一行 '---' 开始，接着写字段，再写一行 '---'"
        return None, [report("no-front-matter", path, 1, hint=hint)]
    for index in range(1, len(lines)):
        if lines[index].rstrip() in (FENCE, "..."):
            return Source(
                path=path,
                front_matter="\n".join(lines[1:index]),
                front_matter_line=2,
                body="\n".join(lines[index + 1:]),
                body_line=index + 2,
            ), []
    return None, [report("front-matter-unclosed", path, 1)]
