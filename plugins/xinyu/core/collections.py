"""Lesson-case collections (课例集): `lessons/collections.yml` names each
collection; lessons join one through their `showcase:` block."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .fields import Text, did_you_mean
from .frontmatter import parse_front_matter
from .loader import Entry
from .privacy import Allowance, PrivacyGuard
from .problems import Problem, error
from .schema import Field
from .source import read_text
from .validate import validate_group
from .vocabulary import Settings

FILE_NAME = "collections.yml"
FIELDS = (
    Field("title", Text(), required=True, example="title: 青山湖区心育课例集（2024）"),
    Field("editor", Text()),
    Field("description", Text()),
)


@dataclass
class Collection:
    key: str
    title: str
    editor: str | None
    description: str | None
    lessons: list[Entry] = field(default_factory=list)  # in showcase order


def load_collections(root: Path, settings: Settings, guard: PrivacyGuard
                     ) -> tuple[dict[str, Collection], list[Problem], list[Allowance]]:
    abs_path = root / settings.lessons_dir / FILE_NAME
    path = f"{settings.lessons_dir}/{FILE_NAME}"
    if not abs_path.is_file():
        return {}, [], []
    text, problems = read_text(abs_path, path)
    if text is None:
        return {}, problems, []
    problems, allowances = guard.scan(text, path)
    parsed, parse_problems = parse_front_matter(text, 1, path)
    problems += parse_problems
    collections: dict[str, Collection] = {}
    for key, value in (parsed.data if parsed else {}).items():
        line = parsed.lines.get(str(key), 1)
        if not isinstance(value, dict):
            problems.append(error(path, line, f"collection '{key}' needs indented fields, "
                                              "e.g. title: 青山湖区心育课例集（2024）"))
            continue
        meta, field_problems = validate_group(value, FIELDS, f"{key}.", parsed.lines, settings,
                                              path, line)
        problems += field_problems
        if not field_problems:
            collections[str(key)] = Collection(str(key), meta["title"], meta["editor"],
                                               meta["description"])
    return collections, problems, allowances


def showcase_check(collections: dict[str, Collection], settings: Settings
                   ) -> Callable[[Entry], list[Problem]]:
    """A lesson's showcase must name a collection that exists."""
    def check(lesson: Entry) -> list[Problem]:
        showcase = lesson.meta.get("showcase")
        if not showcase or not showcase.get("collection") or showcase["collection"] in collections:
            return []
        key = showcase["collection"]
        hint = did_you_mean(key, list(collections))
        known = ", ".join(collections) or "none yet"
        return [error(lesson.path, lesson.lines.get("showcase.collection", 1),
                      f"showcase.collection: unknown collection '{key}'{hint}; collections are "
                      f"defined in {settings.lessons_dir}/{FILE_NAME} ({known})")]
    return check


def fill_collections(collections: dict[str, Collection], lessons: list[Entry]) -> None:
    for lesson in lessons:
        showcase = lesson.meta.get("showcase")
        if showcase and showcase.get("collection") in collections:
            collections[showcase["collection"]].lessons.append(lesson)
    for collection in collections.values():
        collection.lessons.sort(key=lambda l: (l.meta["showcase"]["month"], l.title, l.slug))
