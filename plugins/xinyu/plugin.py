"""The MkDocs plugin: a thin layer of events over `xinyu.core`."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from pymdownx.slugs import slugify

from .config import XinyuConfig
from .core.library import Library, load_library
from .core.report import kind_summary
from .pages import COVERAGE, LESSONS_INDEX, PageRenderer, grade_uri, lesson_uri, topic_uri

log = logging.getLogger("mkdocs.plugins.xinyu")

ASSETS = Path(__file__).parent / "assets"
STYLESHEET = "assets/xinyu/xinyu.css"
MARKDOWN_EXTENSIONS = ("attr_list", "md_in_html", "tables")


class XinyuPlugin(BasePlugin[XinyuConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.library: Library | None = None
        self.root = Path.cwd()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        self.root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        _require_chinese_search(config)
        for name in MARKDOWN_EXTENSIONS:
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
        # Python-Markdown's default slugify turns a Chinese heading into an
        # empty id ("_1"); keep the text unless the site chose its own.
        config.mdx_configs.setdefault("toc", {}).setdefault("slugify", slugify(case="lower"))
        config.extra_css.insert(0, STYLESHEET)
        return config

    @event_priority(50)  # before other plugins see the files, so they see ours too
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        self.library = load_library(self.root, dict(self.config))
        for problem in sorted(self.library.problems, key=lambda p: (p.path, p.line)):
            (log.error if problem.is_error else log.warning)(str(problem))
        for result in self.library.kinds:
            log.info(f"xinyu: {kind_summary(result)}")
        if self.library.errors:
            raise PluginError(f"xinyu: {len(self.library.errors)} errors in the content; "
                              "nothing was published (run 'xinyu check' to list them)")
        self._add_files(files, config)
        return files

    def _add_files(self, files: Files, config: MkDocsConfig) -> None:
        for page in PageRenderer(self.library).pages():
            _add(files, File.generated(config, page.uri, content=page.markdown,
                                       inclusion=InclusionLevel.NOT_IN_NAV))
        for lesson in self.library.lessons.published:
            folder = lesson_uri(lesson).rsplit("/", 1)[0]
            for attachment in lesson.attachments:
                source = self.root / lesson.folder / attachment
                _add(files, File.generated(config, f"{folder}/{attachment}",
                                           abs_src_path=str(source)))
        _add(files, File.generated(config, STYLESHEET, abs_src_path=str(ASSETS / "xinyu.css")))

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        if not self.config.enabled or self.library is None:
            return None
        settings = self.library.settings

        def page(uri: str) -> Page:
            return files.get_file_from_path(uri).page

        section = Section(self.config.nav_title, [
            page(LESSONS_INDEX),
            Section("按年级", [page(grade_uri(g)) for g in settings.grades]),
            Section("按主题", [page(topic_uri(t)) for t in settings.topics]),
            page(COVERAGE),
        ])
        nav.items.insert(min(1, len(nav.items)), section)
        _relink(nav)
        return nav

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        if self.config.enabled:
            server.watch(str(self.root / self.config.lessons_dir))
        return server


def _require_chinese_search(config: MkDocsConfig) -> None:
    """Material's search silently indexes Chinese as whole sentences without
    jieba; for a Chinese site that is a broken search, so it is an error."""
    if not any(name.split("/")[-1] == "search" for name in config.plugins):
        return
    try:
        import jieba
    except ImportError:
        raise PluginError("xinyu: the search plugin needs 'jieba' to segment Chinese text, "
                          "and it is not installed; install it with: pip install jieba") from None
    jieba.setLogLevel(logging.WARNING)  # keep its start-up chatter out of build logs


def _add(files: Files, file: File) -> None:
    existing = files.get_file_from_path(file.src_uri)
    if existing is not None:
        raise PluginError(f"xinyu: '{file.src_uri}' is generated by xinyu, but "
                          f"{existing.src_uri} in docs_dir has the same path; rename it")
    files.append(file)


def _relink(nav: Navigation) -> None:
    """Recompute the page order and parent links after inserting a section."""
    pages: list[Page] = []

    def walk(items, parent) -> None:
        for item in items:
            item.parent = parent
            if isinstance(item, Page):
                pages.append(item)
            elif isinstance(item, Section):
                walk(item.children, item)

    walk(nav.items, None)
    for before, after in zip([None, *pages], [*pages, None]):
        if before is not None:
            before.next_page = after
        if after is not None:
            after.previous_page = before
    nav.pages = pages
