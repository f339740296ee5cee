"""Fast rebuilds for `mkdocs serve --dirty`, without giving up a guarantee.

MkDocs rebuilds in dirty mode only the files whose `is_modified()` is true,
and a generated file always says it is. Here a file xinyu generates in
memory counts as modified only when its content differs from what the last
build of this process wrote (or its output is missing); every page does
when the layout (mkdocs.yml, the navigation and its titles) changed. Pages
not rebuilt still get their titles, so the navigation of the pages that
are rebuilt reads right; the page of a lesson removed or renamed is deleted.

The search index of a dirty build is the previous index with the rebuilt
pages' entries replaced (Material's own merge replaces only the first page's),
and the output gate reads every file written since the last check passed,
and every name. MkDocs reloads the config and the plugins for each build,
so what one build leaves the next lives here, per config file and site
directory, and only once the build passed its gate: a build that fails
after the navigation leaves nothing, and the next one rebuilds everything
(one refused for errors in the content writes nothing and keeps it). A
build that is not dirty starts from an empty site_dir and uses none of it.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

from .core.cache import guard_fingerprint
from .core.gate import Manifest
from .core.html_safety import escape_text, safe_page_meta
from .core.privacy import PrivacyGuard
from .search import IndexUpdate, PageInfo, Written, rewrite_index_file

_MEMO_LIMIT = 200_000  # texts the gate remembers its findings for (then it starts again)


@dataclass
class _Previous:
    digests: dict[str, bytes]  # in-memory file (by destination) -> digest of its content
    layout: bytes
    guard: bytes = b""
    manifest: Manifest | None = None  # the gate check that passed
    memo: dict = field(default_factory=dict)  # the gate's findings by text, for `guard`
    index: Written | None = None  # the search index as written


_PREVIOUS: dict[tuple[str, str], _Previous] = {}


def _unchanged() -> bool:
    return False


def _changed() -> bool:
    return True


class Preview:
    """One build's part: decided after the navigation, finished after the gate."""

    def __init__(self, config: MkDocsConfig, files: Files, nav: Navigation,
                 generated: set[str]) -> None:
        self.key = (os.path.abspath(config.config_file_path or "mkdocs.yml"),
                    os.path.abspath(config.site_dir))
        # Taken now, given back only when this build passes its gate.
        previous = _PREVIOUS.pop(self.key, None)
        self.previous = previous
        self.digests = {f.dest_uri: hashlib.blake2b(f.content_bytes, digest_size=20).digest()
                        for f in files if f.abs_src_path is None}
        # The navigation names its pages: each is read for its title (a page
        # rebuilt is read again), also so that one not rebuilt is named right.
        for page in nav.pages:
            _title(page, config, page.file.src_uri in generated)
        self.layout = _layout(config, nav)
        # Everything is rebuilt: nothing kept, another layout, or a build that is
        # not dirty (MkDocs emptied site_dir).
        fresh = previous is None or previous.layout != self.layout or _empty(config.site_dir)
        if previous is not None:  # a page no longer generated (a lesson removed or renamed)
            for gone in previous.digests.keys() - self.digests.keys():
                path = Path(config.site_dir, gone)
                if path.is_file() and not path.is_symlink():
                    path.unlink()
        for file in files:
            if not file.is_documentation_page() and file.abs_src_path is not None:
                continue  # copied when its source is newer (MkDocs)
            if fresh:
                file.is_modified = _changed
            elif file.abs_src_path is None and \
                    previous.digests.get(file.dest_uri) == self.digests[file.dest_uri] and \
                    os.path.isfile(file.abs_dest_path):
                file.is_modified = _unchanged
        search = _search_plugin(config)
        self.search = search.search_index if search is not None else None
        if search is not None:
            # Material would merge its previous index (replacing only the first
            # page's entries): it writes this build's pages, the rest is added here.
            search.search_index_prev = None
        self.built: dict[str, list[dict[str, Any]]] = {}  # page URL -> its new index entries
        self.indexed = len(self.search.entries) if self.search is not None else 0
        self.pages = [f.url for f in files if f.is_documentation_page()]
        # The index as the last build left it: this build indexes only the pages it rebuilds.
        self.previous_index = None if fresh or self.search is None else previous.index
        self.index: Written | None = None

    def page_indexed(self, page: Page) -> None:
        """After the search plugin indexed `page` (only pages rebuilt are)."""
        if self.search is None:
            return
        entries = self.search.entries
        self.built[page.url] = list(entries[self.indexed:])
        self.indexed = len(entries)

    def rewrite_index(self, path: Path, pages: dict[str, PageInfo]) -> None:
        """xinyu's search index; after a dirty build, completed with the
        pages not rebuilt."""
        update = None if self.previous_index is None else \
            IndexUpdate(self.previous_index, self.built, self.pages)
        self.index = rewrite_index_file(path, pages, update)

    def gate(self, guard: PrivacyGuard) -> tuple[dict, Manifest | None]:
        """(the findings memo for `guard`, the manifest of the last check that
        passed with it, or None: check everything)."""
        self.guard = guard_fingerprint(guard)
        previous = self.previous
        if previous is None or previous.guard != self.guard:
            return {}, None
        memo = previous.memo if len(previous.memo) < _MEMO_LIMIT else {}
        return memo, previous.manifest

    def passed(self, manifest: Manifest, memo: dict) -> None:
        _PREVIOUS[self.key] = _Previous(self.digests, self.layout, self.guard, manifest, memo,
                                        self.index)


def _empty(site_dir: str) -> bool:
    """As MkDocs leaves site_dir for a build that is not dirty (hidden entries stay)."""
    try:
        return not any(not name.startswith(".") for name in os.listdir(site_dir))
    except OSError:
        return True


def _layout(config: MkDocsConfig, nav: Navigation) -> bytes:
    """What every page shows besides its own content: the config and the navigation."""
    parts: list[str] = []
    try:
        parts.append(Path(config.config_file_path).read_text(encoding="utf-8", errors="replace"))
    except (OSError, TypeError):
        parts.append("")

    def walk(items) -> None:
        for item in items:
            if isinstance(item, Section):
                parts.append(f"section {item.title}")
                walk(item.children)
                parts.append("end")
            elif isinstance(item, Link):
                parts.append(f"link {item.title} {item.url}")
            elif isinstance(item, Page):
                parts.append(f"page {item.title} {item.file.src_uri}")

    walk(nav.items)
    return hashlib.blake2b("\n".join(parts).encode("utf-8"), digest_size=20).digest()


def _title(page: Page, config: MkDocsConfig, generated: bool) -> None:
    """A page's title before it is built (its meta kept as `on_page_markdown`
    and `on_page_content` keep it)."""
    try:
        page.read_source(config)
    except (OSError, ValueError):
        return  # MkDocs reports it when it builds the page
    if not generated:
        page.meta, _ = safe_page_meta(page.meta)
    if page.title:
        page.meta["title"] = str(escape_text(page.title))


def _search_plugin(config: MkDocsConfig):
    """Material's search plugin, whose index of this build grows page by page, or None."""
    for name, plugin in config.plugins.items():
        index = getattr(plugin, "search_index", None)
        if name.split("/")[-1] == "search" and hasattr(plugin, "search_index_prev") and \
                isinstance(getattr(index, "entries", None), list):
            return plugin
    return None
