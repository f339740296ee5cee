"""The pages xinyu generates (lessons, cases, collections, grade and topic
indexes, coverage), rendered as Markdown from the Jinja2 templates in
`templates/`.

Plain Python: the plugin turns each `GeneratedPage` into a MkDocs file. Links
between pages are relative links to `.md` sources, so MkDocs resolves and
validates them like any hand-written link.
"""

from __future__ import annotations

import functools
import hashlib
import posixpath
import re
from dataclasses import dataclass
from datetime import date
from typing import Callable
from urllib.parse import quote, urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context
from markupsafe import Markup, escape

from .core.codes import course_code
from .core.collections import Collection
from .core.coverage import lesson_order
from .core.feed import FEED, by_month, recent
from .core.kinds import AUDIENCES, AWARDS, FORMATS, SCORES
from .core.lecturers import Lecturer
from .core.library import Library
from .core.html_safety import mark_body
from .core.loader import Entry
from .core.markdown import Link, map_prose_lines, rewrite_links
from .core.vocabulary import SEMESTERS, STAGES, Grade, Topic
from .tools import TOOLS, script_json

LESSONS_INDEX = "lessons/index.md"
CASES_INDEX = "cases/index.md"
COLLECTIONS_INDEX = "collections/index.md"
COVERAGE = "coverage.md"
COURSES_INDEX = "courses/index.md"
LECTURERS_INDEX = "lecturers/index.md"
HELP = "help.md"  # 求助与热线, linked from every page's footer
UPDATES = "updates.md"  # 最近更新: every entry, newest first (see core/feed.py)

_ESCAPE = re.compile(r"[&<>\"'\\`*_\[\]|#+!{}]")  # HTML and Markdown significant
_HEADING = re.compile(r"^([ ]{0,3})(#{1,5})(?=[ \t]|$)")
_BADGES = dict(zip(AWARDS, ("first", "second", "third", "excellent")))


# Navigation sections of the generated pages, in order; a section with one
# page is shown as that page.
NAV_SECTIONS: dict[str, str | None] = {
    "lessons": None,  # the plugin's nav_title, given to nav()
    "collections": "课例集",
    "cases": "家庭教育案例",
    "courses": "家庭教育课程",
    "teaching": "教学工具",
    "updates": None,
}
NavItem = "str | tuple[str, list[NavItem]]"


@dataclass(frozen=True)
class GeneratedPage:
    uri: str  # path relative to docs_dir, e.g. "grades/3.md"
    markdown: str
    trusted: bool = False  # built only from escaped values: no contributed Markdown


# Where each kind's pages live; an entry's page is <folder>/<slug>/index.md,
# so attachments beside the source keep their relative links.
ENTRY_FOLDERS = {"lesson": "lessons", "case": "cases", "course": "courses"}


def entry_uri(entry: Entry) -> str:
    return f"{ENTRY_FOLDERS[entry.kind.key]}/{entry.slug}/index.md"




def grade_uri(grade: Grade) -> str:
    return f"grades/{grade.key}.md"


def topic_uri(topic: Topic) -> str:
    return f"topics/{topic.key}.md"


def lecturer_uri(lecturer: Lecturer) -> str:
    return f"lecturers/{lecturer.key}/index.md"


def collection_uri(collection: Collection) -> str:
    return f"collections/{collection.key}/index.md"


def collection_print_uri(collection: Collection) -> str:
    return f"collections/{collection.key}/print.md"


def _text(value: object) -> object:
    """Escape a value so a title such as `<课>|[1]*` shows as typed and cannot
    break a table, a link or an attribute. Markdown-significant characters
    become numeric character references, which read the same in Markdown,
    in raw HTML and in attribute values."""
    if value is None or isinstance(value, (Markup, bool, int)):
        return value
    # One pass, so each character is escaped exactly once (an entity that
    # escaping produced is never escaped again).
    return Markup(_ESCAPE.sub(lambda m: f"&#{ord(m[0])};", str(value)))


def _url(value: str) -> Markup:
    return Markup(quote(value, safe=":/?#[]@!$&'*+,;=%~"))


@pass_context
def _link(context, target: str) -> Markup:
    return _relative_link(target, posixpath.dirname(context["page_uri"]) or ".")


@functools.lru_cache(maxsize=65536)  # thousands of pages link the same few pages
def _relative_link(target: str, here: str) -> Markup:
    return Markup(quote(posixpath.relpath(target, here), safe="/#.-_~"))


def badge(award: str) -> Markup:
    kind = _BADGES.get(award, "other")
    return Markup(f'<span class="xinyu-badge xinyu-badge--{kind}">{escape(award)}</span>')


def month_label(month: str) -> str:
    year, number = month.split("-")
    return f"{year}年{int(number)}月"


def demote(markdown: str) -> Markup:
    """One heading level down, so a lesson's sections nest under its title."""
    return Markup(map_prose_lines(markdown, lambda line: _HEADING.sub(r"\1#\2", line)))


def grade_range_label(grades: list[Grade]) -> str:
    """一至三年级, 高一至高三, 五年级; non-contiguous grades are listed."""
    keys = [g.key for g in grades]
    if len(grades) > 2 and keys == list(range(keys[0], keys[-1] + 1)):
        first, last = grades[0].label, grades[-1].label
        if first.endswith("年级") and last.endswith("年级"):
            return f"{first[:-2]}至{last}"
        return f"{first}至{last}"
    return "、".join(g.label for g in grades)


def score_total(case: Entry) -> int:
    scores = case.meta.get("scores") or {}
    return sum(scores.get(key) or 0 for key in SCORES)


def body_for(entry: Entry, page_uri: str) -> Markup:
    """The entry's Markdown body with its relative links pointing, from
    `page_uri`, to the linked entry's page or to the copied attachment."""
    return _body(entry.body, tuple(entry.page_links.items()), entry.slug,
                 ENTRY_FOLDERS[entry.kind.key], page_uri)


@functools.lru_cache(maxsize=8192)  # `mkdocs serve` renders the same bodies on every rebuild
def _body(body: str, page_links: tuple[tuple[str, str], ...], slug: str, folder: str,
          page_uri: str) -> Markup:
    here = posixpath.dirname(page_uri)
    linked = dict(page_links)

    def replace(link: Link) -> str | None:
        written = link.target
        parts = urlsplit(written)
        if parts.scheme or parts.netloc or written.startswith(("#", "/")) or not parts.path:
            return None
        if written in linked:
            target = f"{folder}/{quote(linked[written])}/index.md"
        else:
            target = f"{folder}/{quote(slug)}/{parts.path}"
        return posixpath.relpath(target, here) + (f"#{parts.fragment}" if parts.fragment else "")

    return Markup(mark_body(rewrite_links(body, replace)))


# uri -> (digest of its inputs, Markdown) of the last lesson page rendered in this process
_RENDERED: dict[str, tuple[tuple, str]] = {}


@functools.cache  # compiled once a process (`mkdocs serve`); a changed template is reloaded
def _environment() -> Environment:
    env = Environment(loader=PackageLoader("xinyu", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True, finalize=_text)
    env.filters["url"] = _url
    env.globals.update(
        link=_link, lesson_uri=entry_uri, case_uri=entry_uri, course_uri=entry_uri,
        lecturer_uri=lecturer_uri, grade_uri=grade_uri, FORMATS=FORMATS,
        COURSES_INDEX=COURSES_INDEX, LECTURERS_INDEX=LECTURERS_INDEX,
        topic_uri=topic_uri, collection_uri=collection_uri,
        collection_print_uri=collection_print_uri, badge=badge, month_label=month_label,
        demote=demote, score_total=score_total, LESSONS_INDEX=LESSONS_INDEX,
        CASES_INDEX=CASES_INDEX, COLLECTIONS_INDEX=COLLECTIONS_INDEX, COVERAGE=COVERAGE,
        SEMESTERS=SEMESTERS, SCORES=SCORES, HELP=HELP, course_code=course_code)
    return env


class PageRenderer:
    """Renders every generated page of a library. `updated` and `edit_url`
    give an entry's last-change date and the link that edits its source
    (each None when unknown), shown at the end of its page."""

    def __init__(self, library: Library, updated: Callable[[Entry], date | None] | None = None,
                 edit_url: Callable[[Entry], str | None] | None = None) -> None:
        self.library = library
        self.updated = updated or (lambda entry: None)
        self.edit_url = edit_url or (lambda entry: None)
        self.settings = library.settings
        self.settings_key = repr(self.settings)  # in each lesson's cache key: once, not per lesson
        self.env = _environment()
        self.lessons = sorted(library.lessons.published, key=lesson_order(self.settings))
        self.by_topic: dict[str, list[Entry]] = {}  # in lesson order
        self.position: dict[int, int] = {}  # id(lesson) -> its place in by_topic
        for lesson in self.lessons:
            same_topic = self.by_topic.setdefault(lesson.meta["topic"], [])
            self.position[id(lesson)] = len(same_topic)
            same_topic.append(lesson)
        self.cases = sorted(library.cases.published, key=self.featured_rank)
        self.courses = sorted(library.courses.published, key=self.course_order)

    def pages(self) -> list[GeneratedPage]:
        settings = self.settings
        pages = [self._lessons_index()]
        pages += [self._lesson(lesson) for lesson in self.lessons]
        pages += [self._render("grade.md.j2", grade_uri(g), trusted=True, grade=g)
                  for g in settings.grades]
        pages += [self._render("topic.md.j2", topic_uri(t), trusted=True, topic=t)
                  for t in settings.topics]
        pages.append(self._render("coverage.md.j2", COVERAGE, trusted=True))
        pages.append(self._cases_index())
        pages += [self._render("case.md.j2", entry_uri(case), case=case,
                               body=body_for(case, entry_uri(case)))
                  for case in self.cases]
        pages.append(self._courses_index())
        pages += [self._render("course.md.j2", entry_uri(course), course=course,
                               body=body_for(course, entry_uri(course)))
                  for course in self.courses]
        pages.append(self._render("lecturers_index.md.j2", LECTURERS_INDEX, trusted=True))
        pages += [self._render("lecturer.md.j2", lecturer_uri(lecturer), trusted=True,
                               lecturer=lecturer)
                  for lecturer in self.library.lecturers.values()]
        pages.append(self._render("help.md.j2", HELP, trusted=True,
                                  hotlines=self.settings.hotlines))
        pages.append(self._render("collections_index.md.j2", COLLECTIONS_INDEX, trusted=True))
        for collection in self.library.collections.values():
            pages.append(self._render("collection.md.j2", collection_uri(collection),
                                      trusted=True, collection=collection))
            uri = collection_print_uri(collection)
            pages.append(self._render("collection_print.md.j2", uri, collection=collection,
                                      body_of=lambda lesson, uri=uri: body_for(lesson, uri)))
        pages.append(self._render("updates.md.j2", UPDATES, trusted=True, feed=FEED,
                                  months=by_month(self.recent())))
        pages += [self._render(tool.template, tool.uri, trusted=True, tool=tool,
                               data=script_json(tool.data_of(self)))
                  for tool in TOOLS]
        return pages

    def nav(self, lessons_title: str) -> list["NavItem"]:
        """The generated part of the site's navigation, as plain data: a
        page's URI, or a (title, children) section. The plugin turns it into
        MkDocs' sections."""
        settings, library = self.settings, self.library
        sections: dict[str, list] = {
            "lessons": [LESSONS_INDEX,
                        ("按年级", [grade_uri(g) for g in settings.grades]),
                        ("按主题", [topic_uri(t) for t in settings.topics]),
                        COVERAGE],
            "collections": [COLLECTIONS_INDEX,
                            *(collection_uri(c) for c in library.collections.values())],
            "cases": [CASES_INDEX],
            "courses": [COURSES_INDEX, LECTURERS_INDEX],
            "updates": [UPDATES],
        }
        for tool in TOOLS:
            sections.setdefault(tool.section, []).append(tool.uri)
        titles = {**NAV_SECTIONS, "lessons": lessons_title}
        items: list[NavItem] = []
        for key, children in sections.items():
            title = titles.get(key)
            items += children if title is None or len(children) == 1 else [(title, children)]
        return items

    def recent(self):
        """Every published lesson, case and course by its last-change date, newest first."""
        return recent([*self.lessons, *self.cases, *self.courses], self.updated)

    def _lesson(self, lesson: Entry) -> GeneratedPage:
        same_topic = self.by_topic[lesson.meta["topic"]]
        position = self.position[id(lesson)]
        previous = same_topic[position - 1] if position > 0 else None
        following = same_topic[position + 1] if position + 1 < len(same_topic) else None
        uri, body = entry_uri(lesson), body_for(lesson, entry_uri(lesson))
        # Everything lesson.md.j2 reads: a page whose inputs are unchanged is
        # not rendered again (`mkdocs serve` renders every lesson on each save).
        showcase = lesson.meta.get("showcase")
        collection = self.library.collections.get(showcase["collection"]) if showcase else None
        inputs = (self.settings_key, lesson.path, repr(lesson.meta), str(body),
                  *((n.slug, n.title) if n else None for n in (previous, following)),
                  (collection.key, collection.title) if collection else None,
                  self.updated(lesson), self.edit_url(lesson))
        # Kept as a digest: the inputs themselves would hold a copy of every body.
        key = hashlib.blake2b(repr(inputs).encode("utf-8", "surrogatepass"), digest_size=20).digest()
        cached = _RENDERED.get(uri)
        if cached is not None and cached[0] == key:
            return GeneratedPage(uri, cached[1])
        page = self._render("lesson.md.j2", uri, lesson=lesson, previous=previous,
                            next=following, body=body)
        _RENDERED[uri] = (key, page.markdown)
        return page

    def _lessons_index(self) -> GeneratedPage:
        settings = self.settings
        return self._render(
            "lessons_index.md.j2", LESSONS_INDEX, trusted=True,
            grade_options=[(g.key, g.label) for g in settings.grades],
            topic_options=[(t.key, t.label) for t in settings.topics],
            semester_options=[(1, "上学期"), (2, "下学期"), (0, "不限学期")],
            collection_options=[(c.key, c.title) for c in self.library.collections.values()])

    def _cases_index(self) -> GeneratedPage:
        cases = self.cases
        themes = sorted({t for c in cases for t in c.meta["themes"]})
        grades = sorted({g for c in cases for g in c.meta["grades"]})
        awards = [a for a in AWARDS if any(c.meta.get("award") == a for c in cases)]
        if any(not c.meta.get("award") for c in cases):
            awards.append("未评奖")
        years = sorted({c.meta["submitted"].year for c in cases}, reverse=True)
        return self._render(
            "cases_index.md.j2", CASES_INDEX, trusted=True, cases=cases,
            themes=[(t, t) for t in themes],
            grade_options=[(g, self.settings.grade(g).label) for g in grades],
            award_options=[(a, a) for a in awards],
            year_options=[(y, f"{y}年") for y in years],
            featured_rank=self.featured_rank)

    def _courses_index(self) -> GeneratedPage:
        courses = self.courses
        groups: dict[str, list[Entry]] = {}
        for course in courses:
            groups.setdefault(self.course_group(course), []).append(course)
        grades = sorted({g for c in courses for g in c.meta["grades"]})
        return self._render(
            "courses_index.md.j2", COURSES_INDEX, trusted=True, courses=courses,
            groups=[{"label": label, "courses": items} for label, items in groups.items()],
            grade_options=[(g, self.settings.grade(g).label) for g in grades],
            theme_options=[(t, t) for t in sorted({t for c in courses for t in c.meta["themes"]})],
            format_options=[(key, label) for key, label in FORMATS.items()
                            if any(c.meta["format"] == key for c in courses)])

    def _render(self, template: str, uri: str, trusted: bool = False, **context) -> GeneratedPage:
        markdown = self.env.get_template(template).render(
            page_uri=uri, settings=self.settings, lessons=self.lessons,
            coverage=self.library.coverage, collections=self.library.collections,
            lecturers=self.library.lecturers, order=self.settings.order,
            grades_of=self.grades_of, topic_of=self.settings.topic,
            audience_label=self.audience_label, updated_of=self.updated,
            edit_url_of=self.edit_url, **context)
        return GeneratedPage(uri, markdown, trusted)

    def grades_of(self, entry: Entry) -> list[Grade]:
        return [g for g in self.settings.grades if g.key in entry.meta["grades"]]

    def stages_of(self, entry: Entry) -> list[str]:
        stages = [g.stage for g in self.grades_of(entry)]
        return [stage for stage in STAGES if stage in stages]

    def audience_label(self, course: Entry) -> str:
        """一至三年级家长, 高一至高三学生."""
        return grade_range_label(self.grades_of(course)) + AUDIENCES[course.meta["audience"]]

    def course_group(self, course: Entry) -> str:
        """The menu's sections: audience by stage, e.g. 小学家长, 初中、高中学生."""
        return "、".join(STAGES[s] for s in self.stages_of(course)) + AUDIENCES[course.meta["audience"]]

    def course_order(self, course: Entry) -> tuple:
        stages = self.stages_of(course)
        # open courses before paused ones within a group
        return (list(AUDIENCES).index(course.meta["audience"]), list(STAGES).index(stages[0]),
                len(stages), course.meta["status"] != "open", min(course.meta["grades"]),
                course.title)

    def featured_rank(self, case: Entry) -> str:
        """Featured awards first, then by award, then newest."""
        award = case.meta.get("award")
        featured = 0 if award in self.settings.featured_awards else 1
        rank = AWARDS.index(award) if award in AWARDS else len(AWARDS)
        newest = 99999999 - int(case.meta["submitted"].strftime("%Y%m%d"))
        return f"{featured}{rank}-{newest:08d}"
