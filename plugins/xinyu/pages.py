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
import io
import posixpath
import re
import zipfile
from dataclasses import dataclass
from datetime import date
from typing import Callable
from urllib.parse import quote, urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context
from markupsafe import Markup, escape

from .core.codes import course_code
from .core.collections import Collection
from .core.feed import FEED, by_month, recent
from .core.kinds import (AUDIENCES, AWARDS, BY_KEY, FORMATS, KINDS, SCORES, TRAINING_SLUGS,
                         course_periods, featured_rank, stages_of)
from .core.training import audience_rows
from .core.vocabulary import LESSON_TYPES, TRAINING_AUDIENCES
from .core.schema import Kind
from .core.lecturers import Lecturer
from .core.library import Library
from .core.html_safety import mark_body
from .core.files import ATTACHMENT_TYPES
from .core.loader import POSTER_TYPES, VIDEO_TYPES, Entry
from .core.markdown import Link, map_prose_lines, rewrite_links
from .core.vocabulary import SEMESTERS, STAGES, Grade, Topic
from .tools import TOOLS, script_json

LESSONS_INDEX = "lessons/index.md"  # index_uri(LESSON), for the templates' links
CASES_INDEX = "cases/index.md"
COLLECTIONS_INDEX = "collections/index.md"
COVERAGE = "coverage.md"
COURSES_INDEX = "courses/index.md"
LECTURERS_INDEX = "lecturers/index.md"
HELP = "help.md"  # 求助与热线, linked from every page's footer
UPDATES = "updates.md"  # 最近更新: every entry, newest first (see core/feed.py)
TRAINING_INDEX = "training/index.md"
ACTIVITIES = "activities.md"  # 活动日历: the year's activity days and months

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
    "training": "培训",
    "activities": "活动日历",
    "submit": "投稿",
    "updates": None,
}
NavItem = "str | tuple[str, list[NavItem]]"


@dataclass(frozen=True)
class Download:
    """One attachment in an entry's 下载 box."""

    name: str  # relative to the entry's folder
    href: str  # from the entry's page
    label: str  # its link text, or its file name
    type: str  # 学习单 types: Word 文档, PDF 文档, 图片...
    size: str  # 12.3 KB
    video: bool = False
    poster: str | None = None  # a video's poster image (href)


@dataclass(frozen=True)
class Bundle:
    """The zip of all of an entry's attachments, beside its page."""

    uri: str
    href: str
    data: bytes
    size: str
    download: str  # the name it is saved as: the entry's title, so bundles never overwrite each other


MATERIALS_ZIP = "materials.zip"  # an archive is never an attachment, so the name is free


def size_label(size: int) -> str:
    if size < 1024:
        return f"{size} 字节"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


@dataclass(frozen=True)
class GeneratedPage:
    uri: str  # path relative to docs_dir, e.g. "grades/3.md"
    markdown: str
    trusted: bool = False  # built only from escaped values: no contributed Markdown


def entry_uri(entry: Entry) -> str:
    """An entry's page: <folder>/<slug>/index.md, so attachments beside the
    source keep their relative links."""
    return f"{entry.kind.folder}/{entry.slug}/index.md"


def index_uri(kind: Kind) -> str:
    return f"{kind.folder}/index.md"


def group_uri(kind: Kind, slug: str) -> str:
    """A group's page, in a folder of its own so no entry's name can take it:
    training/audience/part-time.md."""
    group = next(g for g in kind.groups if slug in g.slugs.values())
    return f"{kind.folder}/{group.field}/{slug}.md"




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
                 entry.kind.folder, page_uri)


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
        SEMESTERS=SEMESTERS, SCORES=SCORES, HELP=HELP, course_code=course_code,
        TRAINING_INDEX=TRAINING_INDEX, ACTIVITIES=ACTIVITIES, training_uri=entry_uri,
        entry_uri=entry_uri,
        training_audience_uri=lambda audience: group_uri(BY_KEY["training"],
                                                         TRAINING_SLUGS[audience]),
        periods_of=course_periods)
    return env


class PageRenderer:
    """Renders every generated page of a library. `updated` and `edit_url`
    give an entry's last-change date and the link that edits its source
    (each None when unknown), shown at the end of its page."""

    def __init__(self, library: Library, updated: Callable[[Entry], date | None] | None = None,
                 edit_url: Callable[[Entry], str | None] | None = None,
                 repo_url: str | None = None) -> None:
        self.repo_url = repo_url  # the site's repository (mkdocs.yml repo_url), if any
        self.library = library
        self.updated = updated or (lambda entry: None)
        self.edit_url = edit_url or (lambda entry: None)
        self.settings = library.settings
        self.settings_key = repr(self.settings)  # in each lesson's cache key: once, not per lesson
        self.env = _environment()
        # Each kind's published entries in its declared order.
        self.entries: dict[str, list[Entry]] = {
            kind.key: sorted(library.results[kind.key].published, key=kind.order(self.settings))
            for kind in KINDS}
        self.lessons, self.cases = self.entries["lesson"], self.entries["case"]
        self.courses, self.training = self.entries["course"], self.entries["training"]
        # Previous/next links among the entries of a kind that share its `neighbours` field.
        self.neighbours: dict[int, tuple[Entry | None, Entry | None]] = {}
        for kind in KINDS:
            if kind.neighbours is None:
                continue
            groups: dict[object, list[Entry]] = {}
            for entry in self.entries[kind.key]:
                groups.setdefault(entry.meta.get(kind.neighbours), []).append(entry)
            for group in groups.values():
                for before, entry, after in zip([None, *group], group, [*group[1:], None]):
                    self.neighbours[id(entry)] = (before, after)
        self.featured_rank = featured_rank(self.settings)
        self._downloads: dict[int, list[Download]] = {}
        self._bundles: dict[int, Bundle] = {}

    def pages(self) -> list[GeneratedPage]:
        settings = self.settings
        pages: list[GeneratedPage] = []
        for kind in KINDS:
            pages.append(self._index(kind))
            pages += [self._render(group.template, group_uri(kind, slug), trusted=True, kind=kind,
                                   value=value, entries=self.in_group(kind, group.field, value))
                      for group in kind.groups for value, slug in group.slugs.items()]
            pages += [self._entry(kind, entry) for entry in self.entries[kind.key]]
        pages += [self._render("grade.md.j2", grade_uri(g), trusted=True, grade=g)
                  for g in settings.grades]
        pages += [self._render("topic.md.j2", topic_uri(t), trusted=True, topic=t)
                  for t in settings.topics]
        pages.append(self._render("coverage.md.j2", COVERAGE, trusted=True))
        pages.append(self._activities())
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
        sections: dict[str, list] = {key: [] for key in NAV_SECTIONS}
        for kind in KINDS:
            sections.setdefault(kind.nav_section, []).append(index_uri(kind))
            sections[kind.nav_section] += [group_uri(kind, slug) for group in kind.groups
                                           for slug in group.slugs.values()]
        sections["lessons"] += [("按年级", [grade_uri(g) for g in settings.grades]),
                                ("按主题", [topic_uri(t) for t in settings.topics]),
                                COVERAGE]
        sections["collections"] += [COLLECTIONS_INDEX,
                                    *(collection_uri(c) for c in library.collections.values())]
        sections["courses"].append(LECTURERS_INDEX)
        sections["activities"].append(ACTIVITIES)
        sections["updates"].append(UPDATES)
        for tool in TOOLS:
            sections.setdefault(tool.section, []).append(tool.uri)
        titles = {**NAV_SECTIONS, "lessons": lessons_title}
        items: list[NavItem] = []
        for key, children in sections.items():
            title = titles.get(key)
            if children:
                items += children if title is None or len(children) == 1 else [(title, children)]
        return items

    def recent(self):
        """Every published entry by its last-change date, newest first."""
        return recent([e for kind in KINDS for e in self.entries[kind.key]], self.updated)

    def _entry(self, kind: Kind, entry: Entry) -> GeneratedPage:
        previous, following = self.neighbours.get(id(entry), (None, None))
        uri, body = entry_uri(entry), body_for(entry, entry_uri(entry))
        # Everything an entry's page reads: a page whose inputs are unchanged is
        # not rendered again (`mkdocs serve` renders every entry on each save).
        # A lesson's page also names its collection; a course's, its lecturer.
        showcase = entry.meta.get("showcase")
        collection = self.library.collections.get(showcase["collection"]) if showcase else None
        lecturer = self.library.lecturers.get(entry.meta.get("lecturer") or "")
        inputs = (self.settings_key, entry.path, repr(entry.meta), str(body),
                  *((n.slug, n.title) if n else None for n in (previous, following)),
                  (collection.key, collection.title) if collection else None,
                  repr(lecturer) if lecturer and kind.key == "course" else None,
                  self.updated(entry), self.edit_url(entry), repr(entry.attachments))
        # Kept as a digest: the inputs themselves would hold a copy of every body.
        key = hashlib.blake2b(repr(inputs).encode("utf-8", "surrogatepass"), digest_size=20).digest()
        cached = _RENDERED.get(uri)
        if cached is not None and cached[0] == key:
            return GeneratedPage(uri, cached[1])
        page = self._render(kind.template, uri, kind=kind, entry=entry, previous=previous, next=following,
                            body=body, **{kind.key: entry})
        _RENDERED[uri] = (key, page.markdown)
        return page

    def _index(self, kind: Kind) -> GeneratedPage:
        context = getattr(self, f"_{kind.key}_index_context", lambda: {})()
        return self._render(kind.index_template, index_uri(kind), trusted=True, kind=kind,
                            entries=self.entries[kind.key], **context)

    def _lesson_index_context(self) -> dict:
        settings = self.settings
        return dict(
            grade_options=[(g.key, g.label) for g in settings.grades],
            topic_options=[(t.key, t.label) for t in settings.topics],
            semester_options=[(1, "上学期"), (2, "下学期"), (0, "不限学期")],
            collection_options=[(c.key, c.title) for c in self.library.collections.values()],
            type_options=[(t, t) for t in LESSON_TYPES if any(l.meta["type"] == t for l in self.lessons)])

    def _activities(self) -> GeneratedPage:
        """The year's activities, each with the entries tagged for it:
        lessons by type, then courses, then training."""
        activities = sorted(self.settings.activities, key=lambda a: (a.month, a.day or 0))
        tagged: dict[str, list[dict]] = {a.key: [] for a in activities}
        for kind in KINDS:
            for entry in self.entries[kind.key]:
                for key in entry.meta.get("activities") or ():
                    if key in tagged:
                        tagged[key].append({"label": self._activity_label(kind, entry),
                                            "entry": entry, "detail": self._activity_detail(kind, entry)})
        # Grouped by what they are: lessons by type, then courses, then training.
        order = [*LESSON_TYPES, "家庭教育课程", "培训"]
        groups = {key: [(label, [i for i in items if i["label"] == label])
                        for label in sorted({i["label"] for i in items},
                                            key=lambda label: (order + [label]).index(label))]
                  for key, items in tagged.items()}
        return self._render("activities.md.j2", ACTIVITIES, trusted=True, activities=activities,
                            tagged=tagged, groups=groups)

    @staticmethod
    def _activity_label(kind: Kind, entry: Entry) -> str:
        if kind.key == "lesson":
            return entry.meta.get("type") or "心理课"
        return {"course": "家庭教育课程", "training": "培训"}.get(kind.key, kind.label)

    def _activity_detail(self, kind: Kind, entry: Entry) -> str:
        grades = grade_range_label(self.grades_of(entry))
        if kind.key == "course":
            return self.audience_label(entry)
        if kind.key == "training":
            return "、".join(entry.meta["audience"])
        return grades or kind.label

    def _training_index_context(self) -> dict:
        return dict(audience_options=[(a, a) for a in TRAINING_AUDIENCES])

    def uncounted(self, grade: int | None = None, topic: str | None = None) -> list[Entry]:
        """Lessons of the types coverage does not count, for a grade or a topic."""
        counted = self.settings.counted_types
        return [lesson for lesson in self.lessons if lesson.meta["type"] not in counted
                and (grade is None or grade in lesson.meta["grades"])
                and (topic is None or lesson.meta["topic"] == topic)]

    def training_rows(self):
        return audience_rows(self.training, self.settings)

    def _case_index_context(self) -> dict:
        cases = self.cases
        themes = sorted({t for c in cases for t in c.meta["themes"]})
        grades = sorted({g for c in cases for g in c.meta["grades"]})
        awards = [a for a in AWARDS if any(c.meta.get("award") == a for c in cases)]
        if any(not c.meta.get("award") for c in cases):
            awards.append("未评奖")
        years = sorted({c.meta["submitted"].year for c in cases}, reverse=True)
        return dict(
            cases=cases,
            themes=[(t, t) for t in themes],
            grade_options=[(g, self.settings.grade(g).label) for g in grades],
            award_options=[(a, a) for a in awards],
            year_options=[(y, f"{y}年") for y in years],
            featured_rank=self.featured_rank)

    def _course_index_context(self) -> dict:
        courses = self.courses
        groups: dict[str, list[Entry]] = {}
        for course in courses:
            groups.setdefault(self.course_group(course), []).append(course)
        grades = sorted({g for c in courses for g in c.meta["grades"]})
        return dict(
            courses=courses,
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
            edit_url_of=self.edit_url, training_rows=self.training_rows, uncounted=self.uncounted,
            attachments_of=self.attachments_of, zip_of=self.zip_of, **context)
        return GeneratedPage(uri, markdown, trusted)

    def attachments_of(self, entry: Entry) -> list[Download]:
        """What an entry's 下载 box lists, in the order the body links it."""
        cached = self._downloads.get(id(entry))
        if cached is not None:
            return cached
        posters = {posixpath.splitext(a)[0]: a for a in entry.attachments
                   if posixpath.splitext(a)[1].lower() in POSTER_TYPES}
        found = []
        for name in entry.attachments:
            suffix = posixpath.splitext(name)[1].lower()
            try:
                size = (self.library.root / entry.folder / name).stat().st_size
            except OSError:
                continue
            video = suffix in VIDEO_TYPES
            poster = posters.get(posixpath.splitext(name)[0]) if video else None
            found.append(Download(name, quote(name), entry.labels.get(name) or posixpath.basename(name),
                                  ATTACHMENT_TYPES.get(suffix, suffix), size_label(size), video,
                                  quote(poster) if poster else None))
        self._downloads[id(entry)] = found
        return found

    def zip_of(self, entry: Entry) -> Bundle:
        """All of an entry's attachments in one zip (deterministic: the same
        files give the same bytes)."""
        cached = self._bundles.get(id(entry))
        if cached is not None:
            return cached
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bundle:
            for name in entry.attachments:
                info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                bundle.writestr(info, (self.library.root / entry.folder / name).read_bytes())
        data = buffer.getvalue()
        folder = entry_uri(entry).rsplit("/", 1)[0]
        # A title may hold characters no file system takes in a name.
        name = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "-", entry.title).strip(" .-")[:80] or entry.slug
        made = Bundle(f"{folder}/{MATERIALS_ZIP}", MATERIALS_ZIP, data, size_label(len(data)),
                      f"{name}（全部材料）.zip")
        self._bundles[id(entry)] = made
        return made

    def bundles(self) -> list[Bundle]:
        """The zip of every entry with more than one attachment."""
        return [self.zip_of(entry) for kind in KINDS for entry in self.entries[kind.key]
                if len(self.attachments_of(entry)) > 1]

    def in_group(self, kind: Kind, field: str, value: str) -> list[Entry]:
        """The entries of a kind whose `field` is `value` or lists it."""
        return [e for e in self.entries[kind.key]
                if value == e.meta.get(field) or value in (e.meta.get(field) or ())]

    def grades_of(self, entry: Entry) -> list[Grade]:
        grades = entry.meta.get("grades") or ()
        return [g for g in self.settings.grades if g.key in grades]

    def stages_of(self, entry: Entry) -> list[str]:
        return stages_of(entry.meta.get("grades") or (), self.settings)

    def audience_label(self, course: Entry) -> str:
        """一至三年级家长, 高一至高三学生."""
        return grade_range_label(self.grades_of(course)) + AUDIENCES[course.meta["audience"]]

    def course_group(self, course: Entry) -> str:
        """The menu's sections: audience by stage, e.g. 小学家长, 初中、高中学生."""
        return "、".join(STAGES[s] for s in self.stages_of(course)) + AUDIENCES[course.meta["audience"]]
