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

from .problems import Problem, error

# Full-width digits, letters and spaces map one-to-one onto ASCII, so columns
# in the normalised line are columns in the original.
_FULL_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}

_SEP = r"[ \t\-]?"
_ID18 = re.compile(rf"(?<![\dA-Za-z])(?:\d{_SEP}){{17}}[\dXx](?![\dA-Za-z])")
_ID15 = re.compile(r"(?<!\d)\d{8}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?!\d)")
_MOBILE_SEP = r"[ \t\-.]?"
_MOBILE = re.compile(rf"(?<![\d+.])(?:(?:\+|00)?86{_MOBILE_SEP}|\(\+?86\){_SEP}?)?"
                     rf"1[3-9]\d{_MOBILE_SEP}\d{{4}}{_MOBILE_SEP}\d{{4}}(?![\d.]?\d)")
_LANDLINE = re.compile(r"(?<![\d.])(?:\(0\d{2,3}\)|0\d{2,3})[ \t\-]?[1-9]\d{2,3}[ \t\-]?\d{4}(?![\d.])")
_EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_QQ = re.compile(r"(?:QQ|qq|Qq|扣扣)\s*(?:号码|号|群)?\s*[:：]?\s*[1-9]\d{4,10}(?!\d)")
_WECHAT = re.compile(r"(?:(?:微信号|微信|WeChat|wechat|weixin|VX|vx|WX|wx)\s*(?:号|ID|id)?\s*[:：]|微信号)"
                     r"\s*[A-Za-z0-9][-_A-Za-z0-9]{4,19}")
_NUM = r"[\d一二三四五六七八九十百千零〇两]+"
_ADDRESS = re.compile(
    # ...路...号...室
    rf"[\u4e00-\u9fff]{{1,12}}(?:路|街|大道|巷|弄|胡同)[^\s，。；]{{0,8}}?{_NUM}号[^\s，。；]{{0,12}}?{_NUM}室"
    # ...小区...栋...单元 / ...花园...栋...室
    rf"|[\u4e00-\u9fff]{{1,12}}(?:小区|花园|家园|公寓|苑|新村)[^\s，。；]{{0,8}}?{_NUM}(?:栋|幢|号楼|座)"
    rf"[^\s，。；]{{0,6}}?(?:{_NUM}单元|\d{{3,4}}室?)"
    # ...栋...单元, ...号楼...室: a flat, whatever comes before it
    rf"|{_NUM}(?:栋|幢|号楼|座)\s*{_NUM}\s*单元"
    rf"|{_NUM}(?:栋|幢|号楼|座)\s*\d{{3,4}}\s*室"
    # a village and its group: ...村...组
    rf"|[\u4e00-\u9fff]{{1,8}}村{_NUM}组")
_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
_ALLOW = re.compile(r"xinyu-allow:\s*(?P<rule>[a-z]+)\s*(?P<reason>[^\n]*?)\s*(?:-->|$)")

RULES = {
    "id": "resident ID number",
    "phone": "phone number",
    "email": "e-mail address",
    "qq": "QQ number",
    "wechat": "WeChat id",
    "address": "home address",
    "name": "protected name",
}
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


@dataclass(frozen=True)
class Hit:
    rule: str
    line: int
    col: int  # 1-based
    text: str

    def masked(self) -> str:
        return mask(self.text)


@dataclass(frozen=True)
class Allowance:
    """A reviewed false positive allowed by an inline comment."""

    path: str
    line: int
    rule: str
    reason: str


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
    return _ID_CHECK[total % 11] == check


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

    def find(self, line: str) -> Iterator[tuple[int, str]]:
        if not self.hashes:
            return
        for run in _CJK_RUN.finditer(line):
            text = run.group()
            for start in range(len(text)):
                for size in (2, 3, 4):
                    window = text[start:start + size]
                    if len(window) == size and self.digest(window) in self.hashes:
                        yield run.start() + start, window


class PrivacyGuard:
    def __init__(self, names: ProtectedNames, allowed_emails: Iterable[str] = ()) -> None:
        self.names = names
        self.allowed_emails = {e.lower() for e in allowed_emails}

    def hits(self, line: str, number: int) -> Iterator[Hit]:
        text = line.translate(_FULL_WIDTH)
        for match in _ID18.finditer(text):
            digits = re.sub(r"[ \t\-]", "", match.group())
            if valid_id18(digits):
                yield Hit("id", number, match.start() + 1, match.group())
        for match in _ID15.finditer(text):
            digits = match.group()
            if _valid_date(1900 + int(digits[6:8]), int(digits[8:10]), int(digits[10:12])):
                yield Hit("id", number, match.start() + 1, digits)
        mobiles = [m.span() for m in _MOBILE.finditer(text)]
        landlines = [m.span() for m in _LANDLINE.finditer(text)
                     if not any(m.start() < end and start < m.end() for start, end in mobiles)]
        for start, end in sorted(mobiles + landlines):
            yield Hit("phone", number, start + 1, text[start:end])
        for match in _EMAIL.finditer(text):
            if match.group().lower() not in self.allowed_emails:
                yield Hit("email", number, match.start() + 1, match.group())
        for rule, pattern in (("qq", _QQ), ("wechat", _WECHAT), ("address", _ADDRESS)):
            for match in pattern.finditer(text):
                yield Hit(rule, number, match.start() + 1, match.group())
        for col, name in self.names.find(text):
            yield Hit("name", number, col + 1, name)

    def scan(self, text: str, path: str, first_line: int = 1) -> tuple[list[Problem], list[Allowance]]:
        problems: list[Problem] = []
        allowed: list[Allowance] = []
        lines = text.split("\n")
        for offset, line in enumerate(lines):
            number = first_line + offset
            rules = self._allowances(lines, offset, path, number, problems)
            for hit in self.hits(line, number):
                if hit.rule in rules:
                    allowed.append(Allowance(path, number, hit.rule, rules[hit.rule]))
                    continue
                problems.append(error(path, number, f"{RULES[hit.rule]} '{hit.masked()}' must not "
                                                    "be published", col=hit.col))
        return problems, allowed

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
                    problems.append(error(path, report_line, (
                        f"xinyu-allow needs a rule ({', '.join(RULES)}) and a reason, "
                        f"e.g. <!-- xinyu-allow: phone 区心理援助热线 -->")))
                elif rule in RULES and reason:
                    rules[rule] = reason
        return rules
