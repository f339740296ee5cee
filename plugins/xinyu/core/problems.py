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

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def location(self) -> str:
        if self.line <= 0:
            return self.path
        return f"{self.path}:{self.line}:{self.col}" if self.col else f"{self.path}:{self.line}"

    def __str__(self) -> str:
        return f"{self.location()}: {self.message}"


def error(path: str, line: int, message: str, col: int = 0) -> Problem:
    return Problem(path, line, message, Severity.ERROR, col)


def warning(path: str, line: int, message: str, col: int = 0) -> Problem:
    return Problem(path, line, message, Severity.WARNING, col)
