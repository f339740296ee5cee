"""The pages xinyu generates (lessons, grade and topic indexes, coverage),
rendered as Markdown from the Jinja2 templates in `templates/`.

Plain Python: the plugin turns each `GeneratedPage` into a MkDocs file. Links
between pages are relative links to `.md` sources, so MkDocs resolves and
validates them like any hand-written link.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context
from markupsafe import Markup, escape

from .core.coverage import lesson_order
from .core.library import Library
from .core.loader import LINK, Entry
from .core.vocabulary import SEMESTERS, Grade, Settings, Topic

LESSONS_INDEX = "lessons/index.md"
COVERAGE = "coverage.md"

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|#+!{}])")


@dataclass(frozen=True)
class GeneratedPage:
    uri: str  # path relative to docs_dir, e.g. "grades/3.md"
    markdown: str


def lesson_uri(lesson: Entry) -> str:
    return f"lessons/{lesson.slug}/index.md"


def grade_uri(grade: Grade) -> str:
    return f"grades/{grade.key}.md"


def topic_uri(topic: Topic) -> str:
    return f"topics/{topic.key}.md"


def _text(value: object) -> object:
    """Escape a value for HTML and for Markdown, so a title such as
    `<课>|[1]` shows as typed and cannot break a table or a link."""
    if value is None or isinstance(value, (Markup, bool, int)):
        return value
    return Markup(_MARKDOWN_SPECIAL.sub(r"\\\1", str(escape(value))))


def _rewrite_page_links(lesson: Entry) -> str:
    """A link to another lesson's source file points to that lesson's page."""
    def replace(match: re.Match) -> str:
        slug = lesson.page_links.get(match[1])
        if slug is None:
            return match[0]
        start = match.start(1) - match.start(0)
        fragment = urlsplit(match[1]).fragment
        return f"{match[0][:start]}../{quote(slug)}/index.md{'#' + fragment if fragment else ''}"
    return LINK.sub(replace, lesson.body) if lesson.page_links else lesson.body


@pass_context
def _link(context, target: str) -> Markup:
    here = posixpath.dirname(context["page_uri"])
    return Markup(quote(posixpath.relpath(target, here or "."), safe="/#.-_~"))


def _environment() -> Environment:
    env = Environment(loader=PackageLoader("xinyu", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True, finalize=_text)
    env.globals.update(link=_link, lesson_uri=lesson_uri, grade_uri=grade_uri,
                       topic_uri=topic_uri, LESSONS_INDEX=LESSONS_INDEX, COVERAGE=COVERAGE,
                       SEMESTERS=SEMESTERS)
    return env


class PageRenderer:
    """Renders every generated page of a library."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.settings = library.settings
        self.env = _environment()
        self.lessons = sorted(library.lessons.published, key=lesson_order(self.settings))

    def pages(self) -> list[GeneratedPage]:
        pages = [self._render("lessons_index.md.j2", LESSONS_INDEX)]
        pages += [self._lesson(lesson) for lesson in self.lessons]
        pages += [self._render("grade.md.j2", grade_uri(g), grade=g) for g in self.settings.grades]
        pages += [self._render("topic.md.j2", topic_uri(t), topic=t) for t in self.settings.topics]
        pages.append(self._render("coverage.md.j2", COVERAGE))
        return pages

    def _lesson(self, lesson: Entry) -> GeneratedPage:
        same_topic = [item for item in self.lessons if item.meta["topic"] == lesson.meta["topic"]]
        position = same_topic.index(lesson)
        return self._render(
            "lesson.md.j2", lesson_uri(lesson), lesson=lesson,
            previous=same_topic[position - 1] if position > 0 else None,
            next=same_topic[position + 1] if position + 1 < len(same_topic) else None,
            body=Markup(_rewrite_page_links(lesson)))

    def _render(self, template: str, uri: str, **context) -> GeneratedPage:
        markdown = self.env.get_template(template).render(
            page_uri=uri, settings=self.settings, lessons=self.lessons,
            coverage=self.library.coverage, grades_of=self.grades_of,
            topic_of=self.settings.topic, **context)
        return GeneratedPage(uri, markdown)

    def grades_of(self, lesson: Entry) -> list[Grade]:
        return [g for g in self.settings.grades if g.key in lesson.meta["grades"]]
