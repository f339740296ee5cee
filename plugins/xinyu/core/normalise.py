"""What a reader sees: the text of a source or a published file, normalised
the way a human would read it, so that disguised personal data is found.

The same steps run over Markdown sources (`xinyu check`) and over the text
extracted from the built site (the output gate), so what the check passes,
the gate passes too:

1. markup removed: HTML comments and tags, Markdown emphasis and escapes
   (only for sources that are Markdown or HTML);
2. character references decoded (`&#49;`, `&commat;`) and percent-encoding
   decoded (`%31`);
3. every character in its compatibility form (NFKC: full-width, circled and
   mathematical digits), other decimal digits as ASCII digits, and invisible
   characters dropped (zero-width, variation selectors, combining marks);
4. traditional characters converted to simplified ones (OpenCC `t2s`);
5. `[at]`, `(dot)` spelled-out e-mail punctuation restored;
6. separators inside numbers and between Chinese characters collapsed
   (spaces, line breaks, dashes, dots, slashes, `*`…), and runs of seven or
   more Chinese numerals (一三八…, 壹叁捌…) read as digits.

`normalise` is fast (C-level string operations). `normalise_mapped` runs the
same steps and also returns, for each character of the result, its offset in
the original text, to report a line and column; it is used only where
something was found.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from typing import Callable
from urllib.parse import unquote

from .markdown import CJK, CJK_CHAR, CJK_RUN  # noqa: F401  (re-exported)

# Han characters: the unified ideographs, extension A, compatibility
# ideographs and the supplementary planes.

# Comments, ruby annotations (pinyin shown above the characters, not between
# them), and tags.
_MARKUP = re.compile(r"<!--.*?(?:-->|\Z)|<(rt|rp)\b[^<>]*>[^<]{0,200}</\1\s*>|<!\[CDATA\[|\]\]>"
                     r"|</?[A-Za-z][^<>]*>|<![A-Za-z][^<>]*>", re.S | re.I)
_MARKDOWN = re.compile(r"\\(?=[!-/:-@\[-`{-~])|[*~`]+")
# An image reads as its alt text (what shows when it is missing or read aloud).
_IMAGE = re.compile(r"!\[([^\]\n]{0,300})\]\([^)\n]{0,500}\)(?:\{[^}\n]{0,200}\})?"
                    r"|<img\b[^<>]{0,2000}?\balt\s*=\s*[\"']([^\"'<>]{0,300})[\"'][^<>]{0,2000}>", re.I)
_ENTITY = re.compile(r"&(?:#[0-9]{1,8}|#[xX][0-9A-Fa-f]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});?")
_PERCENT = re.compile(r"(?:%[0-9A-Fa-f]{2})+")
_AT = re.compile(r"[ \t]{0,3}[\[({<【][ \t]{0,3}(?:at|艾特)[ \t]{0,3}[\])}>】][ \t]{0,3}"
                 r"|(?<=[A-Za-z0-9])[ \t]{1,3}@[ \t]{0,3}(?=[A-Za-z0-9])"
                 r"|(?<=[A-Za-z0-9])@[ \t]{1,3}(?=[A-Za-z0-9])"
                 # zhangsan#qq.com, written so that spam robots miss it
                 r"|(?<=[A-Za-z0-9])[#＃](?=(?:qq|163|126|139|189|gmail|sina|sohu|foxmail|yeah|"
                 r"hotmail|outlook|aliyun|icloud|yahoo)\.)", re.I)
_DOT = re.compile(r"[ \t]{0,3}[\[({<【][ \t]{0,3}(?:dot|点)[ \t]{0,3}[\])}>】][ \t]{0,3}"
                  r"|(?<=[A-Za-z0-9])。(?=[A-Za-z])|(?<=[A-Za-z0-9])点(?=(?:com|cn|net|org)\b)", re.I)
# What can split a number or a name without ending its line of text: spaces,
# dashes, dots, slashes and the like, and at most one line break (a blank line
# ends a paragraph). Not a table's '|', a time's ':' or a list's '、': those
# separate numbers that a reader reads apart.
_SPLIT = r" \t\f\v\-‐‑‒–—―−_.·•・/\\'\"‘’“”*~+()\[\]"


def _between(word: str) -> re.Pattern:
    """A run of separators between two `word` characters: `[{_SPLIT}]{1,4}`, or
    at most three on each side of one line break. Written to start with the
    separator (a lookbehind first would be tried at every character, about
    five times slower); the same matches, as tests/test_check_speed_equivalence.py
    checks against the plain form
    `(?<=W)(?:[S]{1,4}|[S]{0,3}\\n[S]{0,3})(?=W)`."""
    split = f"[{_SPLIT}]"
    return re.compile(
        f"[{_SPLIT}\n](?<={word}[{_SPLIT}\n])"
        f"(?:(?<=\n){split}{{0,3}}|(?<!\n)(?:{split}{{0,3}}|{split}{{0,2}}\n{split}{{0,3}}))"
        f"(?={word})")


_BETWEEN_WORDS = _between(f"[{CJK}0-9]")
_BETWEEN_DIGITS = _between("[0-9]")
_NUMERALS = "零〇一二三四五六七八九幺壹贰叁肆伍陆柒捌玖"
_NUMERAL_VALUES = dict(zip(_NUMERALS, "00123456789" "1" "123456789"))
# Seven or more digits and Chinese numerals in a row (those with a numeral
# are read as digits; see `_numerals`).
_NUMERAL_RUN = re.compile(f"[0-9{_NUMERALS}]{{7,}}")

# A step: (guard, pattern, replacement); the guard skips a step that cannot
# match, cheaply. "chars" and "t2s" are length-preserving steps done in C.
Step = tuple[Callable[[str], bool], re.Pattern, Callable[[re.Match], str]]


def _always(text: str) -> bool:
    return True


@functools.lru_cache(maxsize=1)
def _char_table() -> tuple[dict[int, str], re.Pattern]:
    """Every code point whose reading differs from itself: its NFKC form,
    its ASCII digit, or nothing (format characters, variation selectors,
    combining marks). Built once, used by `str.translate`."""
    table: dict[int, str] = {}
    ranges = [range(0x80, 0x30000), range(0xE0000, 0xE01F0)]
    for block in ranges:
        for code in block:
            reading = _own_reading(code)
            if reading is not None:
                table[code] = reading
    table.update(_LOOK_ALIKES)
    pattern = re.compile("[" + "".join(_class_ranges(sorted(table))) + "]")
    return table, pattern


def _own_reading(code: int) -> str | None:
    """The table's entry for `code` before look-alikes, None for none."""
    char = chr(code)
    category = unicodedata.category(char)
    if category in ("Cf", "Mn", "Me") or 0xFE00 <= code <= 0xFE0F or code >= 0xE0000:
        return ""
    if category == "Nd":
        return str(unicodedata.decimal(char))
    if category in ("Cs", "Co", "Cn"):
        return None
    form = unicodedata.normalize("NFKC", char)
    if form != char:
        return "".join(c for c in form if unicodedata.category(c) not in ("Mn", "Me", "Cf"))
    return None


def _reading(code: int) -> str:
    """What the character table makes of `code` (itself when it has no entry)."""
    if code in _LOOK_ALIKES:
        return _LOOK_ALIKES[code]
    if 0x80 <= code < 0x30000 or 0xE0000 <= code < 0xE01F0:
        reading = _own_reading(code)
        if reading is not None:
            return reading
    return chr(code)


# Characters that look like others: Cyrillic and Greek capitals and small
# letters that look Latin (an ID's check character 'X', an e-mail's 'a'),
# blanks that are not spaces (braille blank, Hangul fillers), and line and
# paragraph separators.
_LOOK_ALIKES: dict[int, str] = {
    **{ord(c): l for c, l in zip("АВЕКМНОРСТХаеорсухіјѕԁԛԝ", "ABEKMHOPCTXaeopcyxijsdqw")},
    **{ord(c): l for c, l in zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧοικνρτυχ", "ABEZHIKMNOPTYXoikvptux")},
    **{code: " " for code in (0x2800, 0x3164, 0x115F, 0x1160, 0xFFA0, 0x205F)},
    0x2028: "\n", 0x2029: "\n", 0x0085: "\n",
}


def _class_ranges(codes: list[int]) -> list[str]:
    parts, start, previous = [], None, None
    for code in codes:
        if start is None:
            start = previous = code
        elif code == previous + 1:
            previous = code
        else:
            parts.append(_range(start, previous))
            start = previous = code
    if start is not None:
        parts.append(_range(start, previous))
    return parts


def _range(start: int, end: int) -> str:
    first = re.escape(chr(start))
    return first if start == end else f"{first}-{re.escape(chr(end))}"


@functools.lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional characters as simplified ones; never changes the length,
    so offsets stay valid."""
    if not CJK_CHAR.search(text):
        return text
    converted = _converter().convert(text)
    if len(converted) == len(text):
        return converted
    # A phrase changed length: convert character by character instead.
    return "".join(_one_char(c) for c in text)


def _one_char(char: str) -> str:
    converted = _converter().convert(char)
    return converted if len(converted) == 1 else char


def _decode_percent(match: re.Match) -> str:
    decoded = unquote(match[0], errors="replace")
    return match[0] if "\ufffd" in decoded else decoded


# Guards for `_DOT` and `_AT`: each branch of those patterns needs one of
# these, and these start with a character class (found fast), where the
# patterns start with optional blanks or a lookbehind (tried everywhere).
_BRACKET_DOT = re.compile(r"[\[({<【][ \t]{0,3}(?:dot|点)", re.I)
_WORD_DOT = re.compile(r"[。点](?<=[A-Za-z0-9][。点])(?=[A-Za-z])", re.I)
_BRACKET_AT = re.compile(r"[\[({<【][ \t]{0,3}(?:at|艾特)", re.I)
_HASH_AT = re.compile(r"[#＃](?<=[A-Za-z0-9][#＃])(?=(?:qq|163|126|139|189|gmail|sina|sohu|foxmail|"
                      r"yeah|hotmail|outlook|aliyun|icloud|yahoo)\.)", re.I)


def _may_dot(text: str) -> bool:
    return bool(_WORD_DOT.search(text) or _BRACKET_DOT.search(text))


def _may_at(text: str) -> bool:
    return "@" in text or bool(_HASH_AT.search(text) or _BRACKET_AT.search(text))


# Characters common in Chinese text that the character table leaves alone
# (ideographs, ASCII, the usual punctuation), and the few common ones it
# changes (full-width punctuation), done by `str.replace`: a text with
# nothing else skips `str.translate`, which costs about 80 ns a character.
_COMMON_KEPT = "\x00-\x7f\u4e00-\u9fff\u3400-\u4dbf。、“”‘’《》—→·"
_COMMON_MAPPED = "，：；？（）！…"
_UNCOMMON = re.compile(f"[^{_COMMON_KEPT}{_COMMON_MAPPED}]")


class _LazyTable(dict):
    """The character table, each entry worked out when first needed (the
    whole table takes a tenth of a second to build); unmapped characters map
    to themselves."""

    def __missing__(self, code: int) -> str:
        self[code] = reading = _reading(code)
        return reading


_LAZY_TABLE = _LazyTable()


def read_chars(text: str) -> str:
    """`text.translate(_char_table()[0])`, faster for ordinary text."""
    if _UNCOMMON.search(text):
        return text.translate(_LAZY_TABLE)
    for char in _COMMON_MAPPED:
        if char in text:
            text = text.replace(char, _reading(ord(char)))
    return text


def _numerals(match: re.Match) -> str:
    return "".join(_NUMERAL_VALUES.get(c, c) for c in match[0])


_MARKUP_STEPS: list = [
    (lambda t: "![" in t or "<img" in t.lower(), _IMAGE, lambda m: m[1] or m[2] or ""),
    (lambda t: "<" in t, _MARKUP, lambda m: ""),
    (lambda t: "*" in t or "~" in t or "`" in t or "\\" in t, _MARKDOWN, lambda m: ""),
]
_STEPS: list = [
    (lambda t: "&" in t, _ENTITY, lambda m: html.unescape(m[0])),
    (lambda t: "%" in t, _PERCENT, _decode_percent),
    "chars",
    "t2s",
    (_may_dot, _DOT, lambda m: "."),
    (_may_at, _AT, lambda m: "@"),
    "collapse",  # the steps below run only in the collapsed reading
    (_always, _BETWEEN_WORDS, lambda m: ""),
    (_always, _NUMERAL_RUN, _numerals),
    (_always, _BETWEEN_DIGITS, lambda m: ""),
]


def normalise(text: str, markup: bool = True, collapse: bool = True) -> str:
    """`collapse=False` keeps separators: two numbers written "A / B" stay two."""
    for step in (_MARKUP_STEPS + _STEPS) if markup else _STEPS:
        if step == "collapse":
            if not collapse:
                break
        elif step == "chars":
            text = read_chars(text)
        elif step == "t2s":
            text = to_simplified(text)
        elif step[0](text):
            text = step[1].sub(step[2], text)
    return text


def has_markup(text: str) -> bool:
    """False when the markup steps leave `text` as it is (then its readings
    with and without markup are the same)."""
    return any(step[0](text) for step in _MARKUP_STEPS)


def readings(text: str, markup: bool = True) -> tuple[str, str]:
    """(separators collapsed, separators kept): both readings, sharing the work."""
    kept = normalise(text, markup, collapse=False)
    collapsed = kept
    for step in _STEPS[_STEPS.index("collapse") + 1:]:
        if step[0](collapsed):
            collapsed = step[1].sub(step[2], collapsed)
    return collapsed, kept


def normalise_mapped(text: str, markup: bool = True,
                     collapse: bool = True) -> tuple[str, list[int]]:
    """`normalise(text)`, and the original offset of each resulting character."""
    offsets = list(range(len(text)))
    for step in (_MARKUP_STEPS + _STEPS) if markup else _STEPS:
        if step == "collapse":
            if not collapse:
                break
        elif step == "chars":
            table, pattern = _char_table()
            text, offsets = _substitute(pattern, lambda m: table[ord(m[0])], text, offsets)
        elif step == "t2s":
            text = to_simplified(text)
        elif step[0](text):
            text, offsets = _substitute(step[1], step[2], text, offsets)
    return text, offsets


def _substitute(pattern: re.Pattern, replace: Callable[[re.Match], str], text: str,
                offsets: list[int]) -> tuple[str, list[int]]:
    pieces: list[str] = []
    mapped: list[int] = []
    last = 0
    for match in pattern.finditer(text):
        start, end = match.span()
        pieces.append(text[last:start])
        mapped += offsets[last:start]
        new = replace(match)
        pieces.append(new)
        if len(new) == end - start:
            mapped += offsets[start:end]
        else:
            mapped += [offsets[start] if start < len(offsets) else len(offsets)] * len(new)
        last = end
    pieces.append(text[last:])
    mapped += offsets[last:]
    return "".join(pieces), mapped


def original_span(offsets: list[int], start: int, end: int, length: int) -> tuple[int, int]:
    """The span of the original text that normalised characters start..end came from."""
    first = offsets[start] if start < len(offsets) else length
    last = offsets[end] if end < len(offsets) else length
    return first, max(last, first + 1)


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of `offset` in `text`."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column
