"""Coverage: which (grade, topic) cells have lessons, and whether each grade
gets the district minimum of lesson periods per semester."""

from __future__ import annotations

from dataclasses import dataclass

from .kinds import lesson_order
from .loader import Entry
from .problems import Problem, Severity
from .rules import report
from .vocabulary import Grade, Settings, Topic


@dataclass(frozen=True)
class Cell:
    grade: Grade
    topic: Topic
    lessons: tuple[Entry, ...]

    @property
    def count(self) -> int:
        return len(self.lessons)

    @property
    def is_gap(self) -> bool:
        return self.topic.required and not self.lessons


@dataclass(frozen=True)
class PeriodRow:
    """Lesson periods of one grade: per semester, and those for either."""

    grade: Grade
    first: int
    second: int
    either: int
    minimum: int

    @property
    def shortfall(self) -> int:
        # Lessons without a semester can be scheduled where they are needed.
        needed = max(0, self.minimum - self.first) + max(0, self.minimum - self.second)
        return max(0, needed - self.either)

    @property
    def total(self) -> int:
        return self.first + self.second + self.either


@dataclass(frozen=True)
class Coverage:
    grades: tuple[Grade, ...]
    topics: tuple[Topic, ...]
    cells: dict[tuple[int, str], Cell]
    periods: tuple[PeriodRow, ...]

    def cell(self, grade: Grade, topic: Topic) -> Cell:
        return self.cells[(grade.key, topic.key)]

    def row(self, grade: Grade) -> list[Cell]:
        return [self.cell(grade, topic) for topic in self.topics]

    @property
    def gaps(self) -> list[Cell]:
        return [c for c in self.cells.values() if c.is_gap]

    @property
    def shortfalls(self) -> list[PeriodRow]:
        return [r for r in self.periods if r.shortfall]


def compute_coverage(lessons: list[Entry], settings: Settings) -> Coverage:
    # Only the lesson types the district counts (counted_types; 心理课 by default).
    lessons = sorted((lesson for lesson in lessons
                      if (lesson.meta.get("type") or "心理课") in settings.counted_types),
                     key=lesson_order(settings))
    cells = {
        (grade.key, topic.key): Cell(grade, topic, tuple(
            lesson for lesson in lessons
            if grade.key in lesson.meta["grades"] and lesson.meta["topic"] == topic.key
        ))
        for grade in settings.grades for topic in settings.topics
    }
    rows = tuple(_period_row(grade, lessons, settings) for grade in settings.grades)
    return Coverage(settings.grades, settings.topics, cells, rows)


def _period_row(grade: Grade, lessons: list[Entry], settings: Settings) -> PeriodRow:
    per_semester = {1: 0, 2: 0, None: 0}
    for lesson in lessons:
        if grade.key in lesson.meta["grades"]:
            per_semester[lesson.meta.get("semester")] += lesson.meta["periods"]
    return PeriodRow(grade, per_semester[1], per_semester[2], per_semester[None],
                     settings.minimum_periods(grade))


def cell_name(grade: Grade, topic: Topic) -> str:
    return f"{grade.label}（{grade.key}）× {topic.label}（{topic.key}）"


def coverage_problems(coverage: Coverage, settings: Settings) -> list[Problem]:
    problems: list[Problem] = []
    where = settings.lessons_dir
    if settings.coverage_check != "off":
        severity = Severity(settings.coverage_check)
        for cell in coverage.gaps:
            problems.append(report("coverage-gap", where, 0, severity=severity,
                                   cell=cell_name(cell.grade, cell.topic)))
    if settings.periods_check != "off":
        severity = Severity(settings.periods_check)
        for row in coverage.shortfalls:
            problems.append(report("periods-short", where, 0, severity=severity,
                                   grade=f"{row.grade.label}（{row.grade.key}）", first=row.first,
                                   second=row.second, either=row.either, minimum=row.minimum,
                                   shortfall=row.shortfall))
    return problems
