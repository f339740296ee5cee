"""Problems found in content: the one currency of every check."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One finding, located as precisely as we can (line 0: the whole file)."""

    path: str
    line: int
    message: str
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def location(self) -> str:
        return f"{self.path}:{self.line}" if self.line > 0 else self.path

    def __str__(self) -> str:
        return f"{self.location()}: {self.message}"


def error(path: str, line: int, message: str) -> Problem:
    return Problem(path, line, message, Severity.ERROR)


def warning(path: str, line: int, message: str) -> Problem:
    return Problem(path, line, message, Severity.WARNING)
