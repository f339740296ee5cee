"""Schemas: a content kind as one declaration.

One `Kind` per content kind (see kinds.py, KINDS): its source folder,
fields, body sections, rules across fields, references to registries, and
how the site shows it — its folder in the site, its page and index
templates, its order, its search tag and its navigation section. The
loader, validator, schemas, pages, navigation, search and live preview all
loop over KINDS; adding a kind is a declaration and its templates.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Mapping

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
class Group:
    """A page per value of a field (e.g. one per training audience):
    <folder>/<field>/<slug>.md, listing the entries with that value."""

    field: str
    template: str
    slugs: Mapping[str, str]  # value -> page slug, in page order


# A rule across fields: (rule key, field, field whose line it is reported at,
# values for the message).
CrossProblem = tuple[str, str, str, dict[str, Any]]


def _no_cross_checks(meta: Mapping[str, Any]) -> list[CrossProblem]:
    return []


def _by_title(settings: Settings) -> Callable[[Any], tuple]:
    return lambda entry: (entry.meta["title"], entry.slug)


@dataclass(frozen=True)
class Kind:
    key: str  # stable English key, e.g. "lesson"
    label: str  # what a reader sees, e.g. 教案
    fields: tuple[Field, ...]
    directory: Callable[[Settings], str]  # where its sources are (a setting)
    # The body's required sections, which may depend on the front matter.
    sections: Callable[[Settings, Mapping[str, Any]], tuple[str, ...]]
    folder: str  # its pages in the site: <folder>/<slug>/index.md, <folder>/index.md
    template: str  # an entry's page (templates/)
    index_template: str  # the kind's index page
    nav_section: str  # where the index sits in the navigation (pages.NAV_SECTIONS)
    search_tag: Callable[[Mapping[str, Any]], str]  # the tag an entry is found by
    order: Callable[[Settings], Callable[[Any], Any]] = _by_title  # entries' order on the site
    neighbours: str | None = None  # previous/next links among entries sharing this field
    cross_checks: Callable[[Mapping[str, Any]], list[CrossProblem]] = _no_cross_checks
    # (field, registry): the field names a key of a registry file (library.REGISTRIES)
    references: tuple[tuple[str, str], ...] = ()
    groups: tuple[Group, ...] = ()  # pages per value of a field, after the index
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
