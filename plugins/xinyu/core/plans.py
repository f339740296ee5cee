"""The district's recommended semester plans (区推荐计划): one YAML file per
plan in `plans_dir` (default `plans/`), read with the same bounded YAML
reader and privacy guard as the other registries, and checked against the
published lessons:

    title: 五年级下学期心理课推荐计划
    grade: 5
    semester: 2
    lessons:            # lesson file names (slugs), in teaching order
      - after-the-exam
      - boys-and-girls-friends
    note: 第 9 周前后期中考试，可把《考试成绩之后》排在考后。

A lesson must be published, for that grade, of that semester or of none,
and listed once; only the lesson types the district counts (`counted_types`)
make up the plan's periods and topics. A plan below the period minimum or
without a required topic is reported at the level of `periods_check`.
Plain Python: the site shows the plans on the 学期教学计划 page (planner.py).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .fields import Grades, Semester, Text, TextList
from .files import MAX_TEXT_BYTES, file_problem, walk_sources
from .frontmatter import BoundedLoader, parse_front_matter
from .loader import Entry
from .privacy import Allowance, PrivacyGuard
from .problems import Problem, Severity
from .rules import did_you_mean, report
from .schema import Field
from .source import read_text
from .validate import validate_group
from .vocabulary import SEMESTERS, Settings

SUFFIXES = (".yml", ".yaml")
FIELDS = (
    Field("title", Text(), required=True, example="title: 五年级下学期心理课推荐计划",
          label="计划名称", help="计划的名称，显示在“学期教学计划”页的区推荐计划中。"),
    Field("grade", Grades(), required=True, example="grade: 5",
          label="年级", help="计划适用的一个年级，写年级数字，如 5。"),
    Field("semester", Semester(), required=True, example="semester: 2",
          label="学期", help="1 表示上学期，2 表示下学期。"),
    Field("lessons", TextList(nonempty=True), required=True,
          example="lessons: [after-the-exam, boys-and-girls-friends]",
          label="课", help="按上课顺序列出教案的文件名（不带 .md），每行一个，写成“- 文件名”。"),
    Field("note", Text(), label="说明", help="给任课教师的一段说明（选填）。"),
)
_CALLED = {f.name: f.called() for f in FIELDS}


@dataclass(frozen=True)
class Plan:
    key: str  # the file name without its suffix
    path: str  # relative to the repository root
    title: str
    grade: int
    semester: int
    lessons: tuple[str, ...]  # slugs of the lessons the site lists, in order
    note: str | None = None
    periods: int = 0  # of the lessons listed


def is_counted(lesson: Entry, settings: Settings) -> bool:
    """Only the lesson types the district counts make up periods and topics."""
    return (lesson.meta.get("type") or "心理课") in settings.counted_types


def load_plans(root: Path, settings: Settings, guard: PrivacyGuard, lessons: list[Entry],
               drafts: list[Entry] = ()) -> tuple[list[Plan], list[Problem], list[Allowance]]:
    """Every plan in `settings.plans_dir` checked against the published
    `lessons`; a missing folder has no plans."""
    sources, problems, _ = walk_sources(root, settings.plans_dir, "")
    allowances: list[Allowance] = []
    plans: list[Plan] = []
    by_slug = {lesson.slug: lesson for lesson in lessons}
    draft_slugs = {draft.slug for draft in drafts}
    for source in sources:
        if not source.path.lower().endswith(SUFFIXES):
            problems.append(report("plan-file-ignored", source.path, 0))
            continue
        plan, found, allowed = _load_plan(root, source.path, settings, guard, by_slug, draft_slugs)
        problems += found
        allowances += allowed
        if plan is not None:
            plans.append(plan)
    plans.sort(key=lambda p: (p.grade, p.semester, p.title, p.path))
    return plans, problems, allowances


def _load_plan(root: Path, path: str, settings: Settings, guard: PrivacyGuard,
               by_slug: dict[str, Entry], drafts: set[str]
               ) -> tuple[Plan | None, list[Problem], list[Allowance]]:
    if reason := file_problem(root, path, MAX_TEXT_BYTES):
        return None, [report("registry-unreadable", path, 0, reason=reason)], []
    text, problems = read_text(root / path, path)
    if text is None:
        return None, problems, []
    problems, allowances = guard.scan(text, path)
    parsed, parse_problems = parse_front_matter(text, 1, path)
    problems += parse_problems
    if parsed is None:
        return None, problems, allowances
    problems += guard.scan_values(parsed.data, parsed.lines, path, problems, allowances)
    meta, field_problems = validate_group(parsed.data, FIELDS, "", parsed.lines, settings, path, 1)
    problems += field_problems
    grades = meta.get("grade") or ()
    if len(grades) > 1:
        problems.append(report("plan-one-grade", path, parsed.lines.get("grade", 1),
                               field=_CALLED["grade"], found=_grades_label(grades, settings)))
    if field_problems or len(grades) != 1:
        return None, problems, allowances

    grade, semester = settings.grade(grades[0]), meta["semester"]
    list_line = parsed.lines.get("lessons", 1)
    chosen: list[Entry] = []
    first_line: dict[str, int] = {}
    for slug, line in _items(text, parsed.data.get("lessons"), list_line):
        lesson = by_slug.get(slug)
        if lesson is None:
            problems.append(report("plan-lesson-unknown", path, line, found=slug,
                                   hint=_hint(slug, by_slug, drafts), folder=settings.lessons_dir))
            continue
        names = dict(title=lesson.title, slug=slug)
        if slug in first_line:
            problems.append(report("plan-lesson-twice", path, line, first=first_line[slug], **names))
            continue
        first_line[slug] = line
        if grade.key not in lesson.meta["grades"]:
            problems.append(report("plan-lesson-grade", path, line, grade=grade.label,
                                   grades=_grades_label(lesson.meta["grades"], settings), **names))
        elif lesson.meta.get("semester") not in (None, semester):
            problems.append(report("plan-lesson-semester", path, line,
                                   other=SEMESTERS[lesson.meta["semester"]],
                                   semester=SEMESTERS[semester], **names))
        elif not is_counted(lesson, settings):
            problems.append(report("plan-lesson-uncounted", path, line, type=lesson.meta["type"],
                                   counted="、".join(settings.counted_types), **names))
        else:
            chosen.append(lesson)

    periods = sum(lesson.meta["periods"] for lesson in chosen)
    if settings.periods_check != "off":
        severity = Severity(settings.periods_check)
        minimum = settings.minimum_periods(grade)
        if periods < minimum:
            problems.append(report("plan-periods-short", path, list_line, severity=severity,
                                   periods=periods, grade=grade.label, minimum=minimum,
                                   shortfall=minimum - periods))
        topics = {lesson.meta["topic"] for lesson in chosen}
        for topic in settings.required_topics:
            if topic.key in topics:
                continue
            spare = [lesson for lesson in by_slug.values()
                     if lesson.meta["topic"] == topic.key and grade.key in lesson.meta["grades"]
                     and lesson.meta.get("semester") in (None, semester)
                     and is_counted(lesson, settings) and lesson not in chosen]
            # as the planner prefers them: showcase lessons, then those of the semester
            spare.sort(key=lambda l: (not l.meta.get("showcase"), l.meta.get("semester") is None))
            if spare:
                available = "；可以加入：" + "、".join(f"《{l.title}》（{l.slug}）" for l in spare[:3])
            else:
                available = (f"；教案库里还没有{grade.label}{SEMESTERS[semester]}可用的"
                             f"{topic.label}教案")
            problems.append(report("plan-topic-missing", path, list_line, severity=severity,
                                   topic=f"{topic.label}（{topic.key}）", available=available))

    key = posixpath.splitext(posixpath.basename(path))[0]
    return Plan(key, path, meta["title"], grade.key, semester, tuple(l.slug for l in chosen),
                meta.get("note"), periods), problems, allowances


def _grades_label(grades, settings: Settings) -> str:
    return "、".join(g.label for g in settings.grades if g.key in grades) or "、".join(map(str, grades))


def _hint(slug: str, by_slug: dict[str, Entry], drafts: set[str]) -> str:
    if slug in drafts:
        return "（这篇教案是草稿，草稿不能排进计划）"
    stem = posixpath.splitext(posixpath.basename(slug))[0]  # grade-03/x.md -> x
    if stem != slug and stem in by_slug:
        return f"（是不是想写 {stem}？）"
    return did_you_mean(slug, sorted(by_slug))


def _items(text: str, value: Any, list_line: int) -> list[tuple[str, int]]:
    """The lesson slugs listed, each with its line. Lines come from the YAML
    nodes; when the text cannot be composed again (a slip the reader
    repaired), every item takes the line of `lessons:`."""
    lines = _item_lines(text)
    items: list[tuple[str, int]] = []
    values = value if isinstance(value, list) else [value]
    for index, item in enumerate(values):
        line = lines[index] if lines is not None and index < len(lines) else list_line
        # A single text, or items typed with full-width commas, are split as TextList does.
        for part in TextList().parse([item], Settings()):
            items.append((part, line))
    return items


def _item_lines(text: str) -> list[int] | None:
    try:
        node = yaml.compose(text, Loader=BoundedLoader)
    except (yaml.YAMLError, ValueError, RecursionError):
        return None
    if not isinstance(node, yaml.MappingNode):
        return None
    for key, value in node.value:
        if isinstance(key, yaml.ScalarNode) and key.value == "lessons":
            if isinstance(value, yaml.SequenceNode):
                return [item.start_mark.line + 1 for item in value.value]
            return [value.start_mark.line + 1]
    return None
