"""Reading a content file: bytes to text, and text to front matter + body.

Editors save files from many editors on many systems, so a UTF-8 BOM and
CRLF line ends are accepted, and a file in another encoding (often GBK from
Windows tools) is reported with what it looks like, never decoded by guess.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

import charset_normalizer

from .problems import Problem, error

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
        return None, [error(path, 0, f"cannot read the file: {exc.strerror or exc}")]
    return decode(data, path)


def decode(data: bytes, path: str) -> tuple[str | None, list[Problem]]:
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [error(path, line, _not_utf8_message(data))]
    if "\x00" in text:
        return None, [error(path, text[: text.index("\x00")].count("\n") + 1,
                            "the file contains NUL bytes: is it a binary file saved as .md?")]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def _not_utf8_message(data: bytes) -> str:
    best = charset_normalizer.from_bytes(data).best()
    guess = best.encoding.upper().replace("_", "-") if best else None
    if guess and guess.startswith("GB"):
        guess = "GBK/GB18030"
    looks = f" (it looks like {guess})" if guess else ""
    return (f"the file is not UTF-8{looks}; open it in your editor and save it "
            f"with the encoding UTF-8")


def split_front_matter(text: str, path: str) -> tuple[Source | None, list[Problem]]:
    lines = text.split("\n")
    first = lines[0].strip() if lines else ""
    if not text.strip():
        return None, [error(path, 1, "the file is empty: it needs front matter between '---' lines and a body")]
    if first != FENCE:
        if first and set(first) <= set("—－-_＿ "):
            hint = f"the first line {first!r} must be exactly three hyphens '---' (half-width)"
        else:
            hint = "the file must start with a line '---', then the fields, then a line '---'"
        return None, [error(path, 1, f"no front matter: {hint}")]
    for index in range(1, len(lines)):
        if lines[index].rstrip() in (FENCE, "..."):
            return Source(
                path=path,
                front_matter="\n".join(lines[1:index]),
                front_matter_line=2,
                body="\n".join(lines[index + 1:]),
                body_line=index + 2,
            ), []
    return None, [error(path, 1, "the front matter opened here is never closed: "
                                 "add a line '---' after the last field")]
