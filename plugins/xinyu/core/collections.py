"""Lesson-case collections (课例集): `lessons/collections.yml` names each
collection; lessons join one through their `showcase:` block."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .fields import Text
from .loader import Entry
from .privacy import Allowance, PrivacyGuard
from .problems import Problem
from .registry import load_registry
from .schema import Field
from .vocabulary import Settings

FILE_NAME = "collections.yml"
FIELDS = (
    Field("title", Text(), required=True, example="title: 青山湖区心育课例集（2024）",
          label="课例集名称", help="课例集的完整名称。"),
    Field("editor", Text(), label="编者", help="编者或编写单位。"),
    Field("description", Text(), label="说明", help="一段说明，显示在课例集页面顶部。"),
)


@dataclass
class Collection:
    key: str
    title: str
    editor: str | None
    description: str | None
    lessons: list[Entry] = field(default_factory=list)  # in showcase order


def collections_path(settings: Settings) -> str:
    return f"{settings.lessons_dir}/{FILE_NAME}"


def load_collections(root: Path, settings: Settings, guard: PrivacyGuard
                     ) -> tuple[dict[str, Collection], list[Problem], list[Allowance]]:
    entries, problems, allowances = load_registry(root, collections_path(settings), FIELDS,
                                                  settings, guard, "课例集")
    collections = {key: Collection(key, meta["title"], meta["editor"], meta["description"])
                   for key, meta in entries.items()}
    return collections, problems, allowances


def fill_collections(collections: dict[str, Collection], lessons: list[Entry]) -> None:
    for lesson in lessons:
        showcase = lesson.meta.get("showcase")
        if showcase and showcase.get("collection") in collections:
            collections[showcase["collection"]].lessons.append(lesson)
    for collection in collections.values():
        collection.lessons.sort(key=lambda l: (l.meta["showcase"]["month"], l.title, l.slug))
