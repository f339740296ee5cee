"""Problems found in content: the one currency of every check."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"  # shown, never fails a build (even with --strict)


@dataclass(frozen=True, order=True)
class Problem:
    """One finding, located as precisely as we can (line 0: the whole file)."""

    path: str
    line: int
    message: str
    severity: Severity = Severity.ERROR
    col: int = 0  # 1-based column where it is known
    code: str = ""  # the rule's stable code, e.g. XY-F022 (see rules.py)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def location(self) -> str:
        if self.line <= 0:
            return self.path
        return f"{self.path}:{self.line}:{self.col}" if self.col else f"{self.path}:{self.line}"

    def __str__(self) -> str:
        code = f"[{self.code}] " if self.code else ""
        return f"{self.location()}: {code}{self.message}"

    def with_message(self, message: str) -> Problem:
        return Problem(self.path, self.line, message, self.severity, self.col, self.code)
