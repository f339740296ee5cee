"""Schemas: which fields a content kind has, and which body sections.

One `Kind` per content kind; the loader and validator are shared.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from .fields import FieldType
from .vocabulary import Settings


@dataclass(frozen=True)
class Field:
    name: str
    type: FieldType | None = None  # None for a group of sub-fields
    required: bool = False
    default: Any = None
    example: str = ""  # shown when a required field is missing
    fields: tuple["Field", ...] = ()
    label: str = ""  # what an editor calls it, e.g. 年级 (messages, guide, JSON Schema title)
    help: str = ""  # one sentence for the guide and the JSON Schema description

    def called(self, prefix: str = "") -> str:
        """How a message names the field: 年级（grades）."""
        name = f"{prefix}{self.name}"
        return f"{self.label}（{name}）" if self.label else name

    @property
    def is_group(self) -> bool:
        return bool(self.fields)


@dataclass(frozen=True)
class Kind:
    key: str  # stable English key, e.g. "lesson"
    label: str  # what a reader sees, e.g. 教案
    fields: tuple[Field, ...]
    directory: Callable[[Settings], str]
    sections: Callable[[Settings], tuple[str, ...]]
    published: tuple[str, ...] = ("published",)
    draft: str = "draft"

    def field(self, name: str) -> Field | None:
        """The field of a dotted name (`showcase.collection`), or None."""
        fields, found = self.fields, None
        for part in name.split("."):
            found = next((f for f in fields if f.name == part), None)
            if found is None:
                return None
            fields = found.fields
        return found

    def called(self, name: str) -> str:
        """How a message names a (dotted) field: 课例集（showcase.collection）."""
        found = self.field(name)
        return f"{found.label}（{name}）" if found and found.label else name
