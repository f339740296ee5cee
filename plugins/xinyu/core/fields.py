"""Field types of the content schemas.

Each type turns a raw YAML value into a clean one or raises `Invalid` with a
message an editor can act on. Vocabularies (grades, topics) come from the
settings, so a district's own configuration is what is checked.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urlsplit

from .vocabulary import SEMESTERS, Settings


class Invalid(ValueError):
    """A value that does not fit its field; the message says how to fix it."""


class FieldType(Protocol):
    def parse(self, value: Any, settings: Settings) -> Any: ...


def did_you_mean(value: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@dataclass(frozen=True)
class Text:
    def parse(self, value: Any, settings: Settings) -> str:
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            text = str(value).strip()
            if text:
                return text
        if value is None or value == "":
            raise Invalid("is empty")
        raise Invalid(f"must be text, not {_describe(value)}")


@dataclass(frozen=True)
class TextList:
    """A list of short texts; a single text split on commas is accepted too."""

    nonempty: bool = False

    def parse(self, value: Any, settings: Settings) -> tuple[str, ...]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise Invalid(f"must be a list like [情绪识别, 绘本], not {_describe(value)}")
        items = []
        for item in value:
            if isinstance(item, (dict, list)) or item is None:
                raise Invalid(f"must be a list of texts; {_describe(item)} is not a text")
            # [情绪，绘本] typed with a full-width comma is one YAML item: split it
            items += [part.strip() for part in re.split(r"[,，、;；]", str(item)) if part.strip()]
        if self.nonempty and not items:
            raise Invalid("is empty; give at least one, e.g. [亲子沟通]")
        return tuple(items)


@dataclass(frozen=True)
class Integer:
    minimum: int = 0
    maximum: int | None = None

    def parse(self, value: Any, settings: Settings) -> int:
        if not _is_int(value):
            number = re.match(r"^\s*(\d+)", str(value)) if isinstance(value, str) else None
            hint = f"; write just the number: {number[1]}" if number else ""
            raise Invalid(f"must be a whole number, not {_describe(value)}{hint}")
        if value < self.minimum or (self.maximum is not None and value > self.maximum):
            limits = f"from {self.minimum} to {self.maximum}" if self.maximum is not None \
                else f"at least {self.minimum}"
            raise Invalid(f"must be {limits}, not {value}")
        return value


@dataclass(frozen=True)
class Choice:
    choices: tuple[str, ...]

    def parse(self, value: Any, settings: Settings) -> str:
        if value in self.choices:
            return value
        options = ", ".join(self.choices)
        return_hint = did_you_mean(str(value), list(self.choices))
        raise Invalid(f"must be one of {options}, not {value!r}{return_hint}")


@dataclass(frozen=True)
class Consent:
    """Guardian consent on file: only an explicit `true` publishes a case."""

    def parse(self, value: Any, settings: Settings) -> bool:
        if value is True:
            return True
        raise Invalid(f"is {value!r}: a case is published only with the guardian's written "
                      "consent on file (consent: true); until then mark it status: draft")


@dataclass(frozen=True)
class Semester:
    def parse(self, value: Any, settings: Settings) -> int:
        if _is_int(value) and value in SEMESTERS:
            return value
        for key, label in SEMESTERS.items():
            if isinstance(value, str) and value.strip() in (label, label[0], str(key)):
                raise Invalid(f"write {key} for {label}, not {value!r}")
        raise Invalid(f"must be 1 (上学期) or 2 (下学期), not {value!r}; leave it out for either")


@dataclass(frozen=True)
class TopicKey:
    def parse(self, value: Any, settings: Settings) -> str:
        keys = [t.key for t in settings.topics]
        if value in keys:
            return value
        for topic in settings.topics:
            if value == topic.label:
                raise Invalid(f"write the key '{topic.key}' for {topic.label}, not the label")
        hint = did_you_mean(str(value), keys)
        raise Invalid(f"unknown topic {value!r}{hint}; topics are: {', '.join(keys)}")


@dataclass(frozen=True)
class Grades:
    """An int, a list of ints, or a range string "3-4"."""

    def parse(self, value: Any, settings: Settings) -> tuple[int, ...]:
        if isinstance(value, list):
            grades = [self._one(item, settings) for item in value]
        elif isinstance(value, str) and re.fullmatch(r"\s*\d+\s*[-–~～至到]\s*\d+\s*", value):
            low, high = map(int, re.findall(r"\d+", value))
            if low > high:
                raise Invalid(f"range {value!r} runs backwards; write \"{high}-{low}\"")
            grades = [self._one(n, settings) for n in range(low, high + 1)]
        else:
            grades = [self._one(value, settings)]
        if not grades:
            raise Invalid("is empty; give at least one grade, e.g. grades: [3]")
        return tuple(sorted(set(grades)))

    def _one(self, value: Any, settings: Settings) -> int:
        if isinstance(value, str) and re.search(r"\d\s*[，、]\s*\d", value):
            raise Invalid(f"{value!r} uses a full-width comma; write [3, 4] with half-width commas")
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value)
        if not _is_int(value):
            for grade in settings.grades:
                if value == grade.label:
                    raise Invalid(f"write the number {grade.key} for {grade.label}")
            raise Invalid(f"must be a grade number, a list like [3, 4] or a range like \"3-4\"; "
                          f"not {_describe(value)}")
        if value not in settings.grade_keys:
            raise Invalid(f"grade {value} is not one of the configured grades ({settings.grade_span()})")
        return value


@dataclass(frozen=True)
class Date:
    def parse(self, value: Any, settings: Settings) -> dt.date:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        raise Invalid(f"must be a date like 2024-06-01, not {value!r}")


@dataclass(frozen=True)
class YearMonth:
    def parse(self, value: Any, settings: Settings) -> str:
        if isinstance(value, dt.date):
            return f"{value.year:04d}-{value.month:02d}"
        match = re.fullmatch(r"(\d{4})-(\d{1,2})", str(value).strip())
        if not match or not 1 <= int(match[2]) <= 12:
            raise Invalid(f"must be a month like 2024-05, not {value!r}")
        return f"{match[1]}-{int(match[2]):02d}"


@dataclass(frozen=True)
class Url:
    def parse(self, value: Any, settings: Settings) -> str:
        if isinstance(value, str) and urlsplit(value.strip()).scheme in ("http", "https"):
            return value.strip()
        raise Invalid(f"must be a web address starting with https://, not {value!r}")


def _describe(value: Any) -> str:
    if isinstance(value, (bytes, bytearray)):
        return "binary data (!!binary)"
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return repr(value)
