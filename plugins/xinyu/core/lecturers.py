"""The family-education lecturer team (家庭教育讲师团), `content/lecturers.yml`."""

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

FIELDS = (
    Field("name", Text(), required=True, example="name: 王芳", label="姓名",
          help="讲师姓名（讲师同意公开）。"),
    Field("title", Text(), required=True, example="title: 国家二级心理咨询师", label="头衔",
          help="职称或资质，如 国家二级心理咨询师。"),
    Field("bio", Text(), label="简介", help="一两句话介绍讲师。"),
)


@dataclass
class Lecturer:
    key: str
    name: str
    title: str
    bio: str | None
    courses: list[Entry] = field(default_factory=list)


def load_lecturers(root: Path, settings: Settings, guard: PrivacyGuard
                   ) -> tuple[dict[str, Lecturer], list[Problem], list[Allowance]]:
    entries, problems, allowances = load_registry(root, settings.lecturers_file, FIELDS,
                                                  settings, guard, "讲师")
    lecturers = {key: Lecturer(key, meta["name"], meta["title"], meta["bio"])
                 for key, meta in entries.items()}
    return lecturers, problems, allowances


def fill_lecturers(lecturers: dict[str, Lecturer], courses: list[Entry]) -> None:
    for course in courses:
        if course.meta["lecturer"] in lecturers:
            lecturers[course.meta["lecturer"]].courses.append(course)
