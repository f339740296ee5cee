"""Course numbers (课程编号): the short code a person reads, says on the
phone and writes in an order (JZ-01), while the file name stays in URLs.

A course declares its code in the front matter (`code: JZ-01`, checked by
`kinds.COURSE_CODE`); a course without one gets a code derived from its file name alone
(`derived_code`), so adding, removing or renaming another course never
changes it. Codes are unique across the published courses
(`duplicate_code_problems`).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from typing import Iterable

from .kinds import CODE_PATTERN as PATTERN
from .loader import Entry, KindResult, _as_warning
from .problems import Problem
from .rules import report

DERIVED_PREFIX = "KC"  # 课程: the prefix of a code derived from a file name
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def derived_code(stem: str) -> str:
    """`KC-` and four Crockford base-32 characters of sha1(file stem): the
    same file name always gives the same code."""
    number = int.from_bytes(hashlib.sha1(stem.encode("utf-8")).digest()[:3], "big") >> 4
    chars = []
    for _ in range(4):
        number, digit = divmod(number, 32)
        chars.append(_CROCKFORD[digit])
    return f"{DERIVED_PREFIX}-{''.join(reversed(chars))}"


def course_code(course: Entry) -> str:
    """The code a person reads: the declared one, else the derived one."""
    return course.meta.get("code") or derived_code(course.slug)


def duplicate_code_problems(courses: KindResult, called: str) -> list[Problem]:
    """Two published courses with one code: the later file (in file order)
    is an error, naming the other, and is not published. A draft whose code
    a published course already has gets the same message as a warning."""
    seen: dict[str, str] = {}
    problems: list[Problem] = []
    published = []
    for course in courses.published:
        code = course_code(course)
        if code in seen:
            problems.append(_duplicate(course, code, seen[code], called))
            courses.rejected.append(course.path)
        else:
            seen[code] = course.path
            published.append(course)
    courses.published[:] = published
    for draft in courses.drafts:
        code = course_code(draft)
        if code in seen:
            problems.append(_as_warning(_duplicate(draft, code, seen[code], called)))
    courses.problems += problems
    return problems


def _duplicate(course: Entry, code: str, other: str, called: str) -> Problem:
    declared = course.meta.get("code") is not None
    how = "" if declared else "（本课程没有写 code，编号由文件名生成）"
    return report("duplicate-code", course.path, course.lines.get("code", 1) if declared else 1,
                  field=called, code=code, other=other, how=how)


def next_code(codes: Iterable[str], prefer: Iterable[str] = ()) -> str | None:
    """The next free code for a new course: the most common prefix of the
    codes in `prefer` (the same audience's), else of all `codes`, followed
    by one more than its highest number, as wide as the widest written; None
    when no declared code has a number to count on."""
    codes = [c for c in codes if re.fullmatch(PATTERN, c)]
    numbered = [c for c in codes if c.split("-")[1].isdigit()
                and not c.startswith(f"{DERIVED_PREFIX}-")]
    for pool in ([c for c in prefer if c in numbered], numbered):
        if not pool:
            continue
        prefix = Counter(c.split("-")[0] for c in pool).most_common(1)[0][0]
        numbers = [c.split("-")[1] for c in numbered if c.split("-")[0] == prefix]
        width = max(len(n) for n in numbers)
        following = max(int(n) for n in numbers) + 1
        taken = set(codes)
        while len(str(following)) <= 4:
            code = f"{prefix}-{following:0{width}d}"
            if code not in taken:
                return code
            following += 1
    return None
