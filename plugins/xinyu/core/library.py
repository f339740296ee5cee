"""The whole content library of a repository: every kind loaded, checked and
analysed once, for the plugin and the CLI alike."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from .collections import (
    Collection,
    collections_path,
    fill_collections,
    load_collections,
)
from .coverage import Coverage, compute_coverage, coverage_problems
from .html_safety import scan_markdown
from .kinds import CASE, COURSE, LESSON
from .lecturers import Lecturer, fill_lecturers, load_lecturers
from .loader import KindResult, load_kind
from .privacy import Allowance, PrivacyGuard, ProtectedNames
from .problems import Problem
from .registry import reference_check
from .source import read_text
from .vocabulary import Settings, settings_from_mapping


@dataclass
class Library:
    root: Path
    settings: Settings
    lessons: KindResult
    cases: KindResult
    courses: KindResult
    collections: dict[str, Collection]
    lecturers: dict[str, Lecturer]
    coverage: Coverage
    problems: list[Problem]
    allowances: list[Allowance] = field(default_factory=list)

    @property
    def kinds(self) -> list[KindResult]:
        return [self.lessons, self.cases, self.courses]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]


def privacy_guard(root: Path, settings: Settings) -> PrivacyGuard:
    return PrivacyGuard(ProtectedNames.load(root / settings.protected_names),
                        settings.public_emails)


def load_library(root: Path, plugin_config: Mapping[str, Any] | None = None,
                 docs_dir: str = "content") -> Library:
    settings, problems = settings_from_mapping(plugin_config)
    guard = privacy_guard(root, settings)
    collections, collection_problems, allowances = load_collections(root, settings, guard)
    lecturers, lecturer_problems, lecturer_allowances = load_lecturers(root, settings, guard)
    lessons = load_kind(root, LESSON, settings, guard, reference_check(
        "showcase.collection", collections, collections_path(settings)))
    cases = load_kind(root, CASE, settings, guard)
    courses = load_kind(root, COURSE, settings, guard, reference_check(
        "lecturer", lecturers, settings.lecturers_file))
    fill_collections(collections, lessons.published)
    fill_lecturers(lecturers, courses.published)
    coverage = compute_coverage(lessons.published, settings)
    content_files = {settings.courses_dir, settings.lecturers_file}
    page_problems, page_allowances = scan_pages(root, docs_dir, guard, content_files)
    problems = (problems + collection_problems + lecturer_problems + lessons.problems
                + cases.problems + courses.problems + page_problems
                + coverage_problems(coverage, settings))
    allowances = (allowances + lecturer_allowances + lessons.allowances + cases.allowances
                  + courses.allowances + page_allowances)
    return Library(root, settings, lessons, cases, courses, collections, lecturers, coverage,
                   problems, allowances)


def scan_pages(root: Path, docs_dir: str, guard: PrivacyGuard,
               content_files: set[str]) -> tuple[list[Problem], list[Allowance]]:
    """Hand-written pages in docs_dir are published too: same privacy and HTML
    rules. Content kept in docs_dir (courses) is checked as content instead."""
    problems: list[Problem] = []
    allowances: list[Allowance] = []
    directory = root / docs_dir
    for abs_path in sorted(directory.rglob("*.md")) if directory.is_dir() else []:
        path = abs_path.relative_to(root).as_posix()
        if any(path == f or path.startswith(f"{f}/") for f in content_files):
            continue
        text, read_problems = read_text(abs_path, path)
        problems += read_problems
        if text is None:
            continue
        found, allowed = guard.scan(text, path)
        problems += found + scan_markdown(text, 1, path)
        allowances += allowed
    return problems, allowances
