"""Material's search index, with each page's sections segmented by jieba in
a background process while the build goes on.

Material's search plugin segments the text of every page with jieba as the
page is built: about two thirds of a plain Material build of a Chinese site.
On `mkdocs build` of a large site with a second core, the plugin's index
object is wrapped by `BackgroundIndex`: each page's content, table of
contents, URL, title and the three front-matter keys the index reads
(`search`, `tags`, `title`) go to a worker forked from the build
(core/parallel.Background), which runs Material's own indexing code on them
with the same jieba dictionary, and the entries come back in page order.
A page whose worker failed is indexed in the build process; so the index is
Material's in every case, only sooner.
"""

from __future__ import annotations

import collections
from concurrent.futures import Future
from types import SimpleNamespace
from typing import Any

from ..core.parallel import Background, shared_state

PageData = tuple[str, list[SimpleNamespace], str, str, dict[str, Any]]


class BackgroundIndex:
    """Stands in for Material's SearchIndex (`add_entry_from_context`,
    `generate_search_index`; anything else is the wrapped index's).
    Construct it before `background.start()`."""

    def __init__(self, index: Any, background: Background) -> None:
        self._index = index
        self._background = background
        background.shared["search-index"] = index
        self._pages: list[list[dict]] = []  # each page's entries, in build order
        self._waiting: collections.deque[tuple[int, Future, PageData]] = collections.deque()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._index, name)

    def add_entry_from_context(self, page: Any) -> None:
        data = _page_data(page)
        future = self._background.hand_over(_index_page, data)
        if future is None:  # the workers are behind (or stuck, or broken): indexed here
            self._pages.append(_entries(self._index, data))
            return
        self._pages.append([])
        self._waiting.append((len(self._pages) - 1, future, data))
        while self._waiting and self._waiting[0][1].done():
            self._collect()

    def generate_search_index(self, prev: Any) -> str:
        while self._waiting:
            self._collect()
        self._index.entries = [entry for entries in self._pages for entry in entries]
        return self._index.generate_search_index(prev)

    def _collect(self) -> None:
        number, future, data = self._waiting.popleft()
        try:
            self._pages[number] = self._background.result(future)
        except Exception:  # noqa: BLE001 - a failed or stuck worker: indexed here
            self._pages[number] = _entries(self._index, data)


def wrap_search_index(plugins: Any, background: Background) -> bool:
    """Wraps the index of Material's search plugin among `plugins` (MkDocs'
    plugin collection); False when there is none or it is not the kind of
    index this knows."""
    for name, plugin in plugins.items():
        index = getattr(plugin, "search_index", None)
        if name.split("/")[-1] == "search" and type(index).__name__ == "SearchIndex" and \
                callable(getattr(index, "add_entry_from_context", None)) and \
                isinstance(getattr(index, "entries", None), list) and not index.entries:
            plugin.search_index = BackgroundIndex(index, background)
            return True
    return False


def _page_data(page: Any) -> PageData:
    """What Material's indexing reads of a page, as plain data."""
    meta = {key: page.meta[key] for key in ("search", "tags", "title") if key in page.meta}
    return page.content or "", _toc(page.toc), page.url, str(page.title or ""), meta


def _toc(items: Any) -> list[SimpleNamespace]:
    return [SimpleNamespace(id=item.id, url=item.url, children=_toc(item.children))
            for item in items]


def _index_page(data: PageData) -> list[dict]:
    """In the worker: the page's entries, by Material's code."""
    return _entries(shared_state("search-index"), data)


def _entries(index: Any, data: PageData) -> list[dict]:
    content, toc, url, title, meta = data
    fresh = type(index)(**index.config)
    fresh.add_entry_from_context(SimpleNamespace(content=content, toc=toc, url=url,
                                                 title=title, meta=meta))
    return fresh.entries
