"""Interactive tool pages (学期教学计划, 家长学校, 投稿, ...): each is one
declaration here — its page, template, place in the navigation, the data it
carries and its script. Everything else (rendering, navigation, shipping the
script) loops over TOOLS.

A tool page is generated from escaped values only (trusted); its data is
embedded in the page as JSON inside <script type="application/json">, so the
tool works from file:// and in the offline copy without fetching anything.
"""

from __future__ import annotations

import importlib
import json
import posixpath
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from markupsafe import Markup

if TYPE_CHECKING:
    from .pages import PageRenderer


@dataclass(frozen=True)
class Tool:
    key: str  # stable English key; the data element's id is xinyu-<key>-data
    uri: str  # the page, relative to docs_dir
    template: str  # in templates/
    title: str  # its navigation title
    section: str  # the navigation section it belongs to (see pages.NAV_SECTIONS)
    data: str  # "module:function" in this package: (renderer) -> JSON-able dict
    script: str  # file name in assets/, shipped to every page (it acts only on its own page)
    stylesheet: str | None = None  # file name in assets/, added to every page

    def data_of(self, renderer: "PageRenderer") -> dict[str, Any]:
        module, _, name = self.data.partition(":")
        return getattr(importlib.import_module(f"xinyu.{module}"), name)(renderer)


def served_url(target_uri: str, here_uri: str) -> str:
    """Where a generated page is served (directory URLs), relative to the
    tool page at `here_uri`: courses/x/index.md from parents-school/index.md
    is ../courses/x/. Tool scripts prefer the links MkDocs rendered in the
    page itself, which are right in the offline copy too."""
    target = posixpath.dirname(target_uri) if target_uri.endswith("/index.md") else target_uri[:-3]
    here = posixpath.dirname(here_uri) or "."
    return quote(posixpath.relpath(target or ".", here).rstrip("/"), safe="/.-_~") + "/"


def script_json(data: Any) -> Markup:
    """JSON that is safe inside <script type="application/json">: no `<`,
    `>` or `&` survive literally, so no value can close the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)


TOOLS: tuple[Tool, ...] = (
    Tool(key="plan", uri="plan/index.md", template="planner.md.j2", title="学期教学计划",
         section="lessons", data="planner:planner_data", script="planner.js",
         stylesheet="planner.css"),
    Tool(key="parents-school", uri="parents-school/index.md", template="parents_school.md.j2",
         title="家长学校", section="courses", data="parents_school:parents_school_data",
         script="parents-school.js", stylesheet="parents-school.css"),
    Tool(key="submit", uri="submit/index.md", template="submit.md.j2", title="投稿",
         section="submit", data="submission:submission_data", script="submit.js",
         stylesheet="submit.css"),
)
