"""The privacy guard: nothing that identifies a child may reach the public
site. Scans every published text (front matter and body) for resident ID
numbers, phone numbers, e-mail addresses, QQ / WeChat ids, home addresses
and protected names, and reports each hit masked, never in full.

A reviewed false positive is allowed by a comment on the same line, or
alone on the line before, naming the rule and a reason:
`<!-- xinyu-allow: phone 区心理援助热线 -->` (or `# xinyu-allow: ...` in YAML).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .normalise import (CJK, CJK_CHAR, has_markup, line_and_column, normalise,
                        normalise_mapped, original_span, readings)
from .problems import Problem
from .rules import PERSONAL_DATA, report

# Detectors run over normalised text (see `normalise`): digits are ASCII,
# separators inside numbers are gone, traditional characters are simplified.
# A letter may stand before an ID: the national student number (学籍号) is 'G' + ID.
_ID18 = re.compile(r"(?<![0-9])[0-9]{17}[0-9Xx](?![0-9A-Za-z])")
_ID15 = re.compile(r"(?<![0-9])[0-9]{8}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}(?![0-9])")
_MOBILE = re.compile(r"(?<![0-9])(?:(?:\+|00)?86)?1[3-9][0-9]{9}(?![0-9])")
# area code (010, 02x, 0xxx) + a local number of 7-8 digits starting 2-8
_LANDLINE = re.compile(r"(?<![0-9])(?:(?:010|02[0-9])[1-9][0-9]{7}|0[3-9][0-9]{2}[2-8][0-9]{6,7})"
                       r"(?![0-9])")
_EMAIL = re.compile(r"(?<![\w.+%-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# Bounded gaps (never `\s*` next to `\s*`: a form's long blank line would
# cost cubic time).
_GAP = r"[ \t]{0,3}"
# whose it is, in brackets: QQ（妈妈）：123…
_OWNER = r"(?:[(（【\[][^()（）【】\[\]\n]{0,8}[)）】\]])?"
_IS = rf"{_GAP}(?:号码|号|群|账号|帐号|ID|id|Id)?{_GAP}{_OWNER}{_GAP}(?:[:：=]|是|为)?{_GAP}"
_QQ_LABEL = r"(?:(?i:q\s?q)|扣扣|抠抠|企鹅|球球|口口)"
_QQ = re.compile(rf"{_QQ_LABEL}{_IS}(?P<value>[1-9][0-9]{{4,10}})(?![0-9])")
_WECHAT_LABEL = r"(?:微信|薇信|威信|徽信|维信|卫星|(?i:v\s?信|vx|v\s?x|wx|weixin|wechat|we\s?chat)|加\s?[vV])"
_WECHAT = re.compile(
    rf"{_WECHAT_LABEL}{_GAP}(?P<label>号码|号|账号|帐号|ID|id|Id)?{_GAP}{_OWNER}{_GAP}"
    rf"(?P<colon>[:：=]|是|为)?{_GAP}"
    r"(?P<value>[A-Za-z][-_A-Za-z0-9]{5,19}|[0-9]{5,11})(?![-_A-Za-z0-9])")
_NUM = r"[0-9一二三四五六七八九十百千零〇两]{1,8}"
# The place name before a road or an estate is not matched (that would try
# every Chinese character as a start): the match begins at the word after a
# Chinese character, and is widened back over the place name to report it.
_PLACE = rf"(?<=[{CJK}])"
_ADDRESS = re.compile(
    # ...路/街/巷/弄/胡同 + 号 + 栋/号楼/单元/室
    rf"{_PLACE}(?:路|街|大道|巷|弄|胡同|里){_NUM}(?:弄|号院|号)[^\s，。；,;]{{0,12}}?"
    rf"{_NUM}(?:室|号楼|栋|幢|单元|座|号|楼)"
    # ...小区/花园/大院...: a building and a flat or a unit
    rf"|{_PLACE}(?:小区|花园|家园|公寓|苑|新村|大院|院|庭|府|城|湾|公馆){_NUM}(?:栋|幢|号楼|座|号|区|期)"
    rf"[^\s，。；,;]{{0,6}}?(?:{_NUM}(?:单元|室|号|门|楼)|[0-9]{{3,4}}(?![0-9]))"
    # a building and a unit or a flat, whatever comes before it
    rf"|{_NUM}(?:栋|幢|号楼|座){_GAP}{_NUM}{_GAP}(?:单元|门)"
    rf"|{_NUM}(?:栋|幢|号楼|座){_GAP}[0-9]{{3,4}}{_GAP}室"
    rf"|{_NUM}单元{_GAP}[0-9]{{3,4}}{_GAP}室"
    rf"|{_NUM}号院{_GAP}{_NUM}(?:号楼|栋|幢|号)"
    # a village and its group: ...村...组
    rf"|(?<=[{CJK}])村(?:民)?{_NUM}(?:组|队|小组)"
    # building-unit-flat written with dashes: 阳光花园3-2-501, 幸福路12号3-2-501
    rf"|{_PLACE}(?:小区|花园|家园|公寓|苑|新村|大院|院|庭|府|城|湾|公馆|号|弄|里)"
    rf"{_GAP}[0-9]{{1,3}}{_GAP}[-－—]{_GAP}[0-9]{{1,2}}{_GAP}[-－—]{_GAP}[0-9]{{3,4}}(?![0-9])")
# A table column headed QQ or WeChat: its cells are numbers or ids, unlabelled.
_COLUMN_LABEL = re.compile(rf"(?:{_WECHAT_LABEL}|(?i:q\s?q)|扣扣|企鹅)(?:号码|号|账号|帐号|群|ID|id)?$")
_CELL_ID = re.compile(r"^(?:[1-9][0-9]{4,10}|[A-Za-z][-_A-Za-z0-9]{5,19})$")
# Characters that change the direction text is shown in: digits or a name
# can be stored reversed and shown in order.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
# Guards: what a detector's match cannot be without. Each starts with a
# character class or a literal, so it is found fast, where the detectors
# start with a lookbehind or an alternation (tried at every character).
# tests/test_check_speed_equivalence.py checks `find` with and without them.
_DIGITS = "0123456789"  # `in` finds one of these faster than a pattern
_SEVEN_DIGITS = re.compile(r"[0-9]{7}")
_FIVE_DIGITS = re.compile(r"[0-9]{5}")  # a QQ number, a numeric WeChat id
_SIX_ID_CHARS = re.compile(r"[A-Za-z][-_A-Za-z0-9]{5}")  # a WeChat id of letters
# A QQ or WeChat label (of a value or of a table column) cannot be without
# one of these: Chinese labels as plain strings, Latin ones by their start.
_LABEL_WORDS = ("微信", "薇信", "威信", "徽信", "维信", "卫星", "扣扣", "抠抠", "企鹅", "球球", "口口")
_LATIN_LABELS = (re.compile(r"[vVwWqQ]\s?[xXqQ]"), re.compile("[wW][eE]"))  # vx, qq, we chat
_MIXED_LABELS = (re.compile(r"信(?:(?<=[vVwWqQ]信)|(?<=[vVwWqQ]\s信))"), re.compile(r"加\s?[vV]"))  # v信, 加v
_ADDRESS_MARKS = (
    # a number and a unit: ...5号, 3栋, 2单元 301, 12弄, 1期 (the branches but the two below)
    re.compile("[0-9一二三四五六七八九十百千零〇两](?:[弄号栋幢座区期]|单元[ \t]{0,3}[0-9])"),
    re.compile("村民?[0-9一二三四五六七八九十百千零〇两]"),  # ...村3组
    re.compile("[0-9][ \t]{0,3}[-－—][ \t]{0,3}[0-9]{1,2}[ \t]{0,3}[-－—]"),  # 3-2-501
)
# `_ADDRESS` is looked for only near these marks: each of its matches holds
# one, and is at most 34 characters long (its longest branch), a mark at
# most 14; the margin is more than both.
_ADDRESS_MARGIN = 64
# What the Latin labels, ids and numbers cannot be without, found in the
# text's ASCII characters only (a fraction of a Chinese text).
_FIVE_ASCII_DIGITS = re.compile(rb"[0-9]{5}")
_SIX_ASCII_ID_CHARS = re.compile(rb"[A-Za-z][-_A-Za-z0-9]{5}")
_LATIN_LABEL_START = re.compile(rb"[vVwWqQ]\s?[xXqQ]|[wW][eE]")
# Name windows: Chinese characters, skipping up to three other characters
# that can split a name but not a sentence (quotes, brackets, symbols,
# letters: 刘x梓x涵); sentence punctuation and line breaks end a run.
_NAME_RUN = re.compile(rf"[{CJK}](?:[^{CJK}\n。！？!?，,：:；;、]{{0,3}}[{CJK}])*")
_ALLOW = re.compile(r"xinyu-allow:\s*(?P<rule>[a-z]+)\s*(?P<reason>[^\n]*?)\s*(?:-->|$)")

RULES = PERSONAL_DATA  # detector -> what a message calls it
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


@dataclass(frozen=True)
class Hit:
    rule: str
    line: int
    col: int  # 1-based
    text: str  # the value as read (normalised)

    def masked(self) -> str:
        return mask(self.text)


@dataclass(frozen=True)
class Finding:
    """A hit in normalised text: [start, end) of the normalised string."""

    rule: str
    start: int
    end: int
    value: str

    @property
    def key(self) -> tuple[str, str]:
        return self.rule, canonical(self.rule, self.value)


def canonical(rule: str, value: str) -> str:
    """The form in which an allowed value is compared."""
    if rule in ("phone", "id", "qq"):
        digits = re.sub(r"[^0-9Xx]", "", value).upper()
        return digits[2:] if rule == "phone" and digits.startswith("86") and len(digits) == 13 \
            else digits[4:] if rule == "phone" and digits.startswith("0086") else digits
    return value.lower()


@dataclass(frozen=True)
class Allowance:
    """A reviewed false positive allowed by an inline comment."""

    path: str
    line: int
    rule: str
    reason: str
    value: str = ""  # the allowed value, normalised


def mask(text: str) -> str:
    """Enough to find the spot, never enough to read the data."""
    chars = [c for c in text if not c.isspace()]
    if len(chars) <= 2:
        return chars[0] + "*" * (len(chars) - 1) if chars else ""
    keep = 1 if len(chars) <= 6 else 3
    tail = 0 if len(chars) <= 6 else 2
    return "".join(chars[:keep]) + "*" * (len(chars) - keep - tail) + "".join(chars[len(chars) - tail:])


def valid_id18(digits: str) -> bool:
    body, check = digits[:17], digits[17].upper()
    total = sum(int(d) * w for d, w in zip(body, _ID_WEIGHTS))
    return _ID_CHECK[total % 11] == check and \
        _valid_date(int(digits[6:10]), int(digits[10:12]), int(digits[12:14])) and \
        1850 <= int(digits[6:10]) <= 2100


def _valid_date(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


class ProtectedNames:
    """Salted SHA-256 hashes of names that must never be published; the
    names themselves are never stored."""

    HEADER = "# xinyu protected names: salted SHA-256 hashes, one per line. Never write a name here.\n"

    def __init__(self, salt: str = "", hashes: Iterable[str] = ()) -> None:
        self.salt = salt
        self.hashes = set(hashes)

    @classmethod
    def load(cls, path: Path) -> "ProtectedNames":
        if not path.is_file():
            return cls()
        salt, hashes = "", []
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line.startswith("salt:"):
                salt = line.split(":", 1)[1].strip()
            elif line and not line.startswith("#"):
                hashes.append(line.lower())
        return cls(salt, hashes)

    def digest(self, name: str) -> str:
        return hashlib.sha256((self.salt + name).encode("utf-8")).hexdigest()

    def add(self, path: Path, name: str) -> bool:
        """Append the hash of `name`; False when it was already listed."""
        if not self.salt:
            self.salt = secrets.token_hex(16)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f"{self.HEADER}salt: {self.salt}\n", encoding="utf-8")
        digest = self.digest(name)
        if digest in self.hashes:
            return False
        with path.open("a", encoding="utf-8") as file:
            file.write(digest + "\n")
        self.hashes.add(digest)
        return True

    def find(self, text: str) -> Iterator[Finding]:
        """Protected names in normalised text, also split by symbols."""
        if not self.hashes:
            return
        for run in _NAME_RUN.finditer(text):
            chars = [(run.start() + i, c) for i, c in enumerate(run.group())
                     if re.match(f"[{CJK}]", c)]
            for start in range(len(chars)):
                for size in (2, 3, 4):
                    window = chars[start:start + size]
                    if len(window) == size:
                        name = "".join(c for _, c in window)
                        if self.digest(name) in self.hashes:
                            yield Finding("name", window[0][0], window[-1][0] + 1, name)


class PrivacyGuard:
    """Finds personal data in text as a reader would see it, and masks it."""

    def __init__(self, names: ProtectedNames, allowed_emails: Iterable[str] = (),
                 allowed_phones: Iterable[str] = ()) -> None:
        self.names = names
        self.allowed = {("email", e.lower()) for e in allowed_emails}
        self.allowed |= {("phone", canonical("phone", p)) for p in allowed_phones}
        # The hits of short values, which repeat across files (keywords,
        # authors, schools): for the state of the guard they were found in.
        self._value_hits: dict[str, tuple[Hit, ...]] = {}
        self._value_state: tuple[int, int] = (0, 0)

    def size(self) -> tuple[int, int]:
        """How much the guard knows (it only grows): a changed size means a
        changed guard."""
        return len(self.allowed), len(self.names.hashes)

    def allow(self, keys: Iterable[tuple[str, str]]) -> None:
        """Values reviewed as public elsewhere (xinyu-allow): allowed in the output."""
        self.allowed |= set(keys)

    def find(self, normalised: str) -> list[Finding]:
        """Every hit in normalised text, allowed public values left out."""
        found: list[Finding] = []
        text = normalised
        ascii_only = text.encode("ascii", "ignore")
        five = any(d in text for d in _DIGITS) and _FIVE_ASCII_DIGITS.search(ascii_only) is not None \
            and _FIVE_DIGITS.search(text) is not None
        numbers = five and _SEVEN_DIGITS.search(text) is not None  # ids and phones have 7 or more
        labels = (five or (_SIX_ASCII_ID_CHARS.search(ascii_only) is not None and
                           _SIX_ID_CHARS.search(text) is not None)) and \
            (any(word in text for word in _LABEL_WORDS) or
             (_LATIN_LABEL_START.search(ascii_only) is not None and
              any(p.search(text) for p in _LATIN_LABELS)) or
             any(p.search(text) for p in _MIXED_LABELS))
        for match in _ID18.finditer(text) if numbers else ():
            if valid_id18(match.group()):
                found.append(Finding("id", *match.span(), match.group()))
        for match in _ID15.finditer(text) if numbers else ():
            digits = match.group()
            if _valid_date(1900 + int(digits[6:8]), int(digits[8:10]), int(digits[10:12])):
                found.append(Finding("id", *match.span(), digits))
        ids = [(f.start, f.end) for f in found]
        for pattern in (_MOBILE, _LANDLINE) if numbers else ():
            for match in pattern.finditer(text):
                if not _inside(match.span(), ids):
                    found.append(Finding("phone", *match.span(), match.group()))
        for match in _EMAIL.finditer(text) if "@" in text else ():
            found.append(Finding("email", *match.span(), match.group()))
        for match in _QQ.finditer(text) if five and labels else ():
            found.append(Finding("qq", *match.span(), match.group()))
        for match in _WECHAT.finditer(text) if labels else ():
            value = match["value"]
            explicit = match["label"] or match["colon"]
            if explicit or re.search(r"[0-9_-]", value):
                found.append(Finding("wechat", *match.span(), match.group()))
        for match in _addresses(text):
            start = match.start()
            while start > 0 and match.start() - start < 12 and CJK_CHAR.match(text, start - 1):
                start -= 1
            found.append(Finding("address", start, match.end(), text[start:match.end()]))
        found += self.names.find(text)
        if "|" in text and labels:
            found += _table_columns(text)
        return [f for f in found if f.key not in self.allowed]

    def find_all(self, text: str, markup: bool = True) -> list[Finding]:
        """Findings in both readings of `text`: with separators collapsed (one
        number split by spaces) and kept (two numbers written "A / B")."""
        collapsed, kept = readings(text, markup)
        found = self.find(collapsed)
        seen = {f.key for f in found}
        found += [f for f in self.find(kept) if f.key not in seen] if kept != collapsed else []
        if BIDI_CONTROLS.search(text):
            match = BIDI_CONTROLS.search(text)
            found.append(Finding("bidi", match.start(), match.end(), f"U+{ord(match[0]):04X}"))
        return found

    def hits(self, text: str, first_line: int = 1, markup: bool = True) -> Iterator[Hit]:
        """The hits in `text` (a source), located at their line and column.
        Markup is read both ways: as a reader sees the page (comments and
        tags removed) and as the source is (a comment is not shown, but it
        is in the file and in the repository)."""
        located: dict[tuple[str, int], Hit] = {}
        spans: list[tuple[str, int, int]] = []
        clean: set[str] = set()  # readings found to hold nothing
        fast = readings(text, markup)
        for reading in ((True, False) if markup else (False,)):
            if not reading and markup and has_markup(text):
                fast = readings(text, False)  # without markup both readings are the same
            for collapse in (True, False):
                normal = fast[0 if collapse else 1]
                if normal in clean:
                    continue
                if not self.find(normal):
                    clean.add(normal)
                    continue
                normalised, offsets = normalise_mapped(text, reading, collapse)
                for finding in self.find(normalised):
                    start, _ = original_span(offsets, finding.start, finding.end, len(text))
                    line, col = line_and_column(text, start)
                    _, end = original_span(offsets, finding.start, finding.end, len(text))
                    if not any(rule == finding.rule and (s < end and start < e)
                               for rule, s, e in spans):
                        spans.append((finding.rule, start, end))
                        located.setdefault((finding.rule, start), Hit(
                            finding.rule, first_line + line - 1, col, finding.value))
        for match in BIDI_CONTROLS.finditer(text):
            line, col = line_and_column(text, match.start())
            located.setdefault(("bidi", match.start()), Hit(
                "bidi", first_line + line - 1, col, f"U+{ord(match[0]):04X}"))
        yield from sorted(located.values(), key=lambda h: (h.line, h.col, h.rule))

    def _hits_of_value(self, value: str) -> tuple[Hit, ...]:
        """`hits(value, 1, markup=True)`, remembered for short values while
        the guard is unchanged (it only grows: its sizes tell its state)."""
        if len(value) > 1000:
            return tuple(self.hits(value, 1, markup=True))
        state = self.size()
        if state != self._value_state or len(self._value_hits) > 20000:
            self._value_hits, self._value_state = {}, state
        if value not in self._value_hits:
            self._value_hits[value] = tuple(self.hits(value, 1, markup=True))
        return self._value_hits[value]

    def redact(self, text: str, markup: bool = False) -> str:
        """`text` with every hit replaced by its masked form: for messages
        and logs that echo a value."""
        text = BIDI_CONTROLS.sub("", text)  # never shown reversed in a log
        spans = []
        for collapse in (True, False):
            if not text or not self.find(normalise(text, markup, collapse)):
                continue
            normalised, offsets = normalise_mapped(text, markup, collapse)
            for finding in self.find(normalised):
                start, end = original_span(offsets, finding.start, finding.end, len(text))
                # The span runs to the next character the reading kept: give
                # back what it dropped after the value (a closing quote, a space).
                while end - 1 > start and not text[end - 1].isalnum():
                    end -= 1
                if not any(start < e and s < end for s, e, _ in spans):
                    spans.append((start, end, mask(finding.value)))
        for start, end, masked in sorted(spans, reverse=True):
            text = text[:start] + masked + text[end:]
        return text

    def redact_problem(self, problem: Problem) -> Problem:
        message = self.redact(problem.message)
        path = "/".join(self.redact(part) for part in problem.path.split("/"))
        if (message, path) == (problem.message, problem.path):
            return problem
        return Problem(path, problem.line, message, problem.severity, problem.col, problem.code)

    def scan(self, text: str, path: str, first_line: int = 1,
             markup: bool = True) -> tuple[list[Problem], list[Allowance]]:
        problems: list[Problem] = []
        allowed: list[Allowance] = []
        lines = text.split("\n")
        permits: dict[int, dict[str, str]] = {}
        for hit in self.hits(text, first_line, markup):
            offset = hit.line - first_line
            if offset not in permits:
                permits[offset] = self._allowances(lines, offset, path, hit.line, problems)
            rules = permits[offset]
            if hit.rule in rules:
                allowed.append(Allowance(path, hit.line, hit.rule, rules[hit.rule],
                                         canonical(hit.rule, hit.text)))
                continue
            problems.append(report("personal-data", path, hit.line, hit.col,
                                   what=RULES[hit.rule], found=hit.masked()))
        for offset, line in enumerate(lines):
            if offset not in permits and "xinyu-allow" in line:
                self._allowances(lines, offset, path, first_line + offset, problems)
        return problems, allowed

    def scan_values(self, data, lines: dict[str, int], path: str, reported: list[Problem],
                    allowances: Iterable[Allowance] = ()) -> list[Problem]:
        """YAML values as parsed (escapes such as "\\u0031" decoded, folded
        lines joined): what the page will show. Reported at the field's line,
        unless the source scan reported it there already or it was allowed."""
        seen = [(p.line, p.message) for p in reported]
        allowed = {(a.rule, a.value) for a in allowances}
        starts = sorted(set(lines.values()))
        problems: list[Problem] = []

        def reported_between(first: int, message: str) -> bool:
            last = next((l for l in starts if l > first), 10 ** 9)  # the next field's line
            return any(first <= line < last and m == message for line, m in seen)

        def walk(value, prefix: str, line: int) -> None:
            if isinstance(value, dict):
                for key, item in value.items():
                    name = f"{prefix}{key}"
                    walk(key, prefix, lines.get(name, line))  # a key can become an address
                    walk(item, f"{name}.", lines.get(name, line))
            elif isinstance(value, list):
                for item in value:
                    walk(item, prefix, line)
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                walk(str(value), prefix, line)  # 0x33D3D7620, 1.39e+10: shown as digits
            elif isinstance(value, str):
                for hit in self._hits_of_value(value):
                    problem = report("personal-data", path, line, what=RULES[hit.rule],
                                     found=hit.masked())
                    if reported_between(line, problem.message) or \
                            (hit.rule, canonical(hit.rule, hit.text)) in allowed:
                        continue
                    seen.append((line, problem.message))
                    problems.append(problem)

        walk(data, "", 1)
        return problems

    def scan_path(self, path: str) -> list[Problem]:
        """A file or folder name becomes a web address: it is published text too."""
        problems = []
        for part in path.split("/"):
            for finding in self.find_all(part, markup=False):
                problems.append(report("personal-data-in-name", self.redact(path), 0,
                                       what=RULES[finding.rule], found=mask(finding.value)))
        return problems

    def _allowances(self, lines: list[str], offset: int, path: str, number: int,
                    problems: list[Problem]) -> dict[str, str]:
        """Rules allowed on this line: by a comment on it, or alone on the line before."""
        rules: dict[str, str] = {}
        candidates = [(lines[offset], number)]
        if offset and _ALLOW.search(lines[offset - 1]) and \
                _ALLOW.sub("", lines[offset - 1]).strip(" \t<!-#>") == "":
            candidates.append((lines[offset - 1], None))
        for line, report_line in candidates:
            for match in _ALLOW.finditer(line):
                rule, reason = match["rule"], match["reason"].strip()
                if report_line is not None and (rule not in RULES or not reason):
                    problems.append(report("allow-syntax", path, report_line,
                                           allowed="、".join(RULES)))
                elif rule in RULES and reason:
                    rules[rule] = reason
        return rules


def _table_columns(text: str) -> list[Finding]:
    """QQ and WeChat ids in a table column whose header names them."""
    found: list[Finding] = []
    offset, labelled = 0, set()
    for line in text.split("\n"):
        cells = line.strip().strip("|").split("|") if "|" in line else None
        if cells is None:
            labelled = set()
        elif not labelled or all(set(c.strip()) <= set("-: ") for c in cells):
            labelled = labelled or {i for i, c in enumerate(cells) if _COLUMN_LABEL.search(c.strip())}
        else:
            position = offset + line.index(line.strip()[:1] or "|")
            for index, cell in enumerate(line.split("|")[1 if line.strip().startswith("|") else 0:]):
                if index in labelled and _CELL_ID.match(cell.strip()):
                    start = text.index(cell.strip(), position)
                    found.append(Finding("qq" if cell.strip()[0].isdigit() else "wechat", start,
                                         start + len(cell.strip()), cell.strip()))
                position += len(cell) + 1
        offset += len(line) + 1
    return found


def _addresses(text: str) -> Iterator[re.Match]:
    """`_ADDRESS.finditer(text)`, looked for only around the marks an address
    cannot be without: the same matches (tests/test_check_speed_equivalence.py)."""
    windows = sorted((max(0, mark.start() - _ADDRESS_MARGIN), mark.end() + _ADDRESS_MARGIN)
                     for pattern in _ADDRESS_MARKS for mark in pattern.finditer(text))
    merged: list[list[int]] = []
    for start, end in windows:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    for start, end in merged:
        yield from _ADDRESS.finditer(text, start, min(end, len(text)))


def _inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(start < span[1] and span[0] < end for start, end in spans)
