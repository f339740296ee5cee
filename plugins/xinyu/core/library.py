"""The whole content library of a repository: every kind loaded, checked and
analysed once, for the plugin and the CLI alike."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from .coverage import Coverage, compute_coverage, coverage_problems
from .kinds import LESSON
from .loader import KindResult, load_kind
from .problems import Problem
from .vocabulary import Settings, settings_from_mapping


@dataclass
class Library:
    root: Path
    settings: Settings
    lessons: KindResult
    coverage: Coverage
    problems: list[Problem]

    @property
    def kinds(self) -> list[KindResult]:
        return [self.lessons]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]


def load_library(root: Path, plugin_config: Mapping[str, Any] | None = None) -> Library:
    settings, problems = settings_from_mapping(plugin_config)
    lessons = load_kind(root, LESSON, settings)
    coverage = compute_coverage(lessons.published, settings)
    problems = problems + lessons.problems + coverage_problems(coverage, settings)
    return Library(root, settings, lessons, coverage, problems)
