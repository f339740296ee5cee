"""Field types of the content schemas.

Each type turns a raw YAML value into a clean one or raises `Invalid` with a
message an editor can act on. Vocabularies (grades, topics) come from the
settings, so a district's own configuration is what is checked.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urlsplit

from .rules import did_you_mean
from .vocabulary import SEMESTERS, Settings


class Invalid(ValueError):
    """A value that does not fit its field: the rule (see rules.py) and the
    values its message needs; the validator adds the field's name."""

    def __init__(self, rule: str, **values: object) -> None:
        super().__init__(rule)
        self.rule = rule
        self.values = values


class FieldType(Protocol):
    def parse(self, value: Any, settings: Settings) -> Any: ...


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@dataclass(frozen=True)
class Text:
    """One line of text. With a `pattern` (a regular expression over ASCII,
    matched in full) the text must have that form, described to the editor
    by `form`; `upper` reads ASCII letters as upper case first (jt-07 is
    JT-07)."""

    pattern: str = ""
    form: str = ""
    upper: bool = False

    def parse(self, value: Any, settings: Settings) -> str:
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            text = str(value).strip()
            if text:
                return self._checked(text)
        if value is None or value == "":
            raise Invalid("text-empty")
        raise Invalid("text-type", found=_describe(value))

    def _checked(self, text: str) -> str:
        if not self.pattern:
            return text
        if self.upper and text.isascii():
            text = text.upper()
        if not re.fullmatch(self.pattern, text, re.ASCII):
            raise Invalid("text-pattern", found=_shown(text), form=self.form)
        return text


@dataclass(frozen=True)
class TextList:
    """A list of short texts; a single text split on commas is accepted too."""

    nonempty: bool = False

    def parse(self, value: Any, settings: Settings) -> tuple[str, ...]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise Invalid("list-type", found=_describe(value))
        items = []
        for item in value:
            if isinstance(item, (dict, list)) or item is None:
                raise Invalid("list-item", found=_describe(item))
            # [情绪，绘本] typed with a full-width comma is one YAML item: split it
            items += [part.strip() for part in re.split(r"[,，、;；]", str(item)) if part.strip()]
        if self.nonempty and not items:
            raise Invalid("list-empty")
        return tuple(items)


@dataclass(frozen=True)
class Integer:
    minimum: int = 0
    maximum: int | None = None

    def parse(self, value: Any, settings: Settings) -> int:
        if not _is_int(value):
            number = re.match(r"^\s*(\d+)", str(value)) if isinstance(value, str) else None
            hint = f"；只写数字：{number[1]}" if number else ""
            raise Invalid("integer-type", found=_describe(value), hint=hint)
        if value < self.minimum or (self.maximum is not None and value > self.maximum):
            raise Invalid("integer-range", found=value, allowed=self.allowed())
        return value

    def allowed(self) -> str:
        if self.maximum is not None:
            return f"在 {self.minimum} 到 {self.maximum} 之间"
        return f"不小于 {self.minimum}"


@dataclass(frozen=True)
class Choice:
    choices: tuple[str, ...]

    def parse(self, value: Any, settings: Settings) -> str:
        if value in self.choices:
            return value
        raise Invalid("choice", found=_shown(value), allowed="、".join(self.choices),
                      hint=did_you_mean(str(value), list(self.choices)))


@dataclass(frozen=True)
class Choices:
    """A list of choices (one choice alone is a list of one), each once."""

    choices: tuple[str, ...]

    def parse(self, value: Any, settings: Settings) -> tuple[str, ...]:
        items = TextList(nonempty=True).parse(value, settings)
        for item in items:
            Choice(self.choices).parse(item, settings)
        return tuple(dict.fromkeys(items))


@dataclass(frozen=True)
class ActivityKeys:
    """Keys of the configured activities calendar (`activities:`); the
    activity's name (5·25心理健康日) is read as its key."""

    def parse(self, value: Any, settings: Settings) -> tuple[str, ...]:
        keys = [a.key for a in settings.activities]
        found = []
        for item in TextList().parse(value, settings):
            activity = next((a for a in settings.activities if item in (a.key, a.label)), None)
            if activity is None:
                raise Invalid("activity-unknown", found=_shown(item), hint=did_you_mean(item, keys),
                              allowed="、".join(f"{a.key}（{a.label}）" for a in settings.activities))
            found.append(activity.key)
        return tuple(dict.fromkeys(found))


@dataclass(frozen=True)
class Consent:
    """Guardian consent on file: only an explicit `true` publishes a case."""

    def parse(self, value: Any, settings: Settings) -> bool:
        if value is True:
            return True
        raise Invalid("consent-missing", found=_shown(value))


@dataclass(frozen=True)
class Semester:
    def parse(self, value: Any, settings: Settings) -> int:
        if _is_int(value) and value in SEMESTERS:
            return value
        for key, label in SEMESTERS.items():
            if isinstance(value, str) and value.strip() in (label, label[0], str(key)):
                raise Invalid("semester-label", key=key, label=label, found=_shown(value))
        raise Invalid("semester", found=_shown(value))


@dataclass(frozen=True)
class TopicKey:
    def parse(self, value: Any, settings: Settings) -> str:
        keys = [t.key for t in settings.topics]
        if value in keys:
            return value
        for topic in settings.topics:
            if value == topic.label:
                raise Invalid("topic-label", key=topic.key, label=topic.label)
        raise Invalid("topic-unknown", found=_shown(value), hint=did_you_mean(str(value), keys),
                      allowed="、".join(f"{t.key}（{t.label}）" for t in settings.topics))


@dataclass(frozen=True)
class Grades:
    """An int, a list of ints, or a range string "3-4"."""

    def parse(self, value: Any, settings: Settings) -> tuple[int, ...]:
        if isinstance(value, list):
            grades = [self._one(item, settings) for item in value]
        elif isinstance(value, str) and re.fullmatch(r"\s*\d+\s*[-–~～至到]\s*\d+\s*", value):
            low, high = map(int, re.findall(r"\d+", value))
            if low > high:
                raise Invalid("grades-backwards", found=value, fixed=f"{high}-{low}")
            grades = [self._one(n, settings) for n in range(low, high + 1)]
        else:
            grades = [self._one(value, settings)]
        if not grades:
            raise Invalid("grades-empty")
        return tuple(sorted(set(grades)))

    def _one(self, value: Any, settings: Settings) -> int:
        if isinstance(value, str) and re.search(r"\d\s*[，、]\s*\d", value):
            raise Invalid("grades-fullwidth-comma", found=value)
        if isinstance(value, str) and re.fullmatch(r"\s*[0-9]+\s*", value):
            value = int(value)
        if not _is_int(value):
            for grade in settings.grades:
                if value == grade.label:
                    raise Invalid("grade-label", key=grade.key, label=grade.label)
            raise Invalid("grade-type", found=_describe(value))
        if value not in settings.grade_keys:
            raise Invalid("grade-unknown", found=value, allowed=settings.grade_span())
        return value


@dataclass(frozen=True)
class Date:
    def parse(self, value: Any, settings: Settings) -> dt.date:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        raise Invalid("date", found=_shown(value))


@dataclass(frozen=True)
class YearMonth:
    def parse(self, value: Any, settings: Settings) -> str:
        if isinstance(value, dt.date):
            return f"{value.year:04d}-{value.month:02d}"
        match = re.fullmatch(r"(\d{4})-(\d{1,2})", str(value).strip())
        if not match or not 1 <= int(match[2]) <= 12:
            raise Invalid("month", found=_shown(value))
        return f"{match[1]}-{int(match[2]):02d}"


@dataclass(frozen=True)
class Url:
    def parse(self, value: Any, settings: Settings) -> str:
        if isinstance(value, str) and urlsplit(value.strip()).scheme in ("http", "https"):
            return value.strip()
        raise Invalid("url", found=_shown(value))


def _describe(value: Any) -> str:
    """A value as a message describes it: its kind, or itself quoted."""
    if isinstance(value, (bytes, bytearray)):
        return "二进制数据（!!binary）"
    if isinstance(value, dict):
        return "一组字段"
    if isinstance(value, list):
        return "列表"
    if value is None:
        return "空值"
    if isinstance(value, bool):
        return f" {'true' if value else 'false'}（是/否）"
    if isinstance(value, (int, float)):
        return f"数字 {value}"
    return f"“{_shown(value)}”"


def _shown(value: Any) -> str:
    """A value as typed, on one line and bounded (messages quote it)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "空值"
    if isinstance(value, (dict, list, bytes, bytearray)):
        return _describe(value)
    text = " ".join(str(value).split())
    return text if len(text) <= 60 else f"{text[:57]}…"
