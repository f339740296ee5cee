"""Material's navigation, rendered once per folder for the pages outside it.

Material renders the whole navigation (partials/nav.html) into every page:
with a few dozen sections and indexes that is most of the time the theme
spends on a lesson's page, the same HTML for each of thousands of them.
The navigation of a page differs from another's only by which items are
active (none, for a page that is not in the navigation: a lesson, a case,
a course) and by its links, relative to the page's folder. Two such pages
whose folders are siblings (lessons/a/ and lessons/b/) get the same links,
unless something the navigation links to lies inside one of the folders.

So the plugin's partials/nav.html asks `xinyu_nav_key()` for the page's
key: None for a page in the navigation, or one whose folder holds a page
the navigation links to (rendered as ever), else the folder holding its
folder; and renders Material's own nav.html (the theme folders after the
plugin's, under the `xinyu-next/` prefix) once per key and build.
"""

from __future__ import annotations

from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, pass_context
from markupsafe import Markup

NEXT = "xinyu-next"  # the templates of the theme folders after the plugin's


def install(env: Environment, theme_dirs: list[str], own_dir: str, extra_targets: list[Any]) -> None:
    """Let the plugin's nav.html render the next theme's nav.html once per
    key (a new cache for each build: each has its own config and pages)."""
    after = theme_dirs[theme_dirs.index(own_dir) + 1:] if own_dir in theme_dirs else theme_dirs
    env.loader = ChoiceLoader([env.loader, PrefixLoader({NEXT: FileSystemLoader(after)})])
    cache: dict[tuple, str] = {}
    state: dict[str, Any] = {}  # the build's navigation, its items and the URLs it links to

    def targets(nav) -> tuple[set[int], list[tuple[str, ...]]]:
        if state.get("nav") is not nav:
            items = list(_items(nav.items))
            urls = [getattr(item, "url", None) for item in items]
            urls += [getattr(getattr(nav, "homepage", None), "url", None), *extra_targets]
            state.update(nav=nav, items={id(item) for item in items},
                         urls=[_parts(u) for u in urls if isinstance(u, str) and "://" not in u])
        return state["items"], state["urls"]

    @pass_context
    def nav_key(context) -> tuple | None:
        page, nav = context.get("page"), context.get("nav")
        url = getattr(page, "url", None)
        if nav is None or not isinstance(url, str) or "://" in url:
            return None
        pages, urls = targets(nav)
        if id(page) in pages or getattr(page, "parent", None) is not None:
            return None
        folder = _folder(url)
        if folder and any(target[:len(folder)] == folder for target in urls):
            return None  # it holds something linked: its links are its own
        return folder[:-1] + ("*",) if folder else ()

    def cached(key: tuple | None) -> Markup | None:
        return None if key is None else cache.get(key)

    def store(key: tuple | None, html: str) -> Markup:
        if key is not None:
            cache[key] = html
        return Markup(html)

    env.globals.update(xinyu_nav_key=nav_key, xinyu_nav_cached=cached, xinyu_nav_store=store)


def _items(items):
    for item in items:
        yield item
        yield from _items(getattr(item, "children", None) or [])


def _folder(url: str) -> tuple[str, ...]:
    """The folder MkDocs makes a page's links relative to (mkdocs.utils.get_relative_url)."""
    dirname, _, basename = url.rpartition("/")
    return _parts(dirname if "." in basename else url)


def _parts(url: str) -> tuple[str, ...]:
    parts: list[str] = []
    for part in url.split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return tuple(parts)
