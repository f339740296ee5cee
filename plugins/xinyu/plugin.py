"""The MkDocs plugin: a thin layer of events over `xinyu.core`."""

from __future__ import annotations

import json
import logging
import shutil
from urllib.parse import urlsplit
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from markupsafe import escape
from pymdownx.slugs import slugify

from .catalogue import build_catalogue
from .config import XinyuConfig
from .core.dialling import DialPublicNumbers, public_numbers
from .core.feed import FEED, FEED_TITLE_SUFFIX, build_feed
from .core.gate import EarlyReading, Gate
from .core.parallel import Background
from .core.history import History, edit_base, edit_url, read_history
from .core.html_safety import (escape_text, safe_page_meta, safe_tooltips, sanitize,
                               sanitize_page)
from .core.offline import ZIP as OFFLINE_ZIP, write_index_script
from .core.library import Library, load_library, site_dir_problems, watched_paths
from .core.options import did_you_mean
from .core.reference import expand as expand_reference
from .core.problems import Severity
from .core.report import kind_summary
from .core.vocabulary import STAGES, Settings, settings_from_mapping
from .core.schemas import FOLDER as SCHEMAS, all_schemas, schema_json
from .pages import (
    HELP,
    PageRenderer,
    entry_uri,
)
from .navcache import install as install_nav_cache
from .offline import SHIM, build_offline_copy, building as building_offline_copy
from .preview import Preview
from .search.background import wrap_search_index
from .search import (PageInfo, WORKER_NAME, WORKER_SOURCE, grade_words, prepare_jieba, short_school_name,
                     rewrite_index_file, search_words, use_search_worker, write_scripts)
from .share import SHARE_IMAGE, share_tags
from .tools import TOOLS

log = logging.getLogger("mkdocs.plugins.xinyu")

ASSETS = Path(__file__).parent / "assets"
THEME = Path(__file__).parent / "theme"
STYLESHEET = "assets/xinyu/xinyu.css"
SCRIPTS = ("assets/xinyu/filter.js", "assets/xinyu/order.js")
# A tool's script and stylesheet load on its own page only (on_post_page).
TOOL_ASSETS = {tool.uri: tuple(f"assets/xinyu/{name}" for name in (tool.script, tool.stylesheet) if name)
               for tool in TOOLS}
CATALOGUE, CATALOGUE_SCHEMA = "catalogue.json", "catalogue.schema.json"
SEARCH_WORKER = f"assets/javascripts/workers/{WORKER_NAME}"  # beside Material's worker
MARKDOWN_EXTENSIONS = ("attr_list", "md_in_html", "tables")


class XinyuPlugin(BasePlugin[XinyuConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.library: Library | None = None
        self.root = Path.cwd()
        self.trusted: set[str] = set()  # generated pages without contributed Markdown
        self.generated: set[str] = set()  # every page xinyu generates (its meta is its own)
        self.shipped: set[str] = set()  # theme and plugin files, by their path in the site
        self.trusted_pages: set[str] = set()  # the built pages of `trusted`
        self.sources: list[str] = []  # the repository files the site is built from
        self.preview: Preview | None = None  # what this build rebuilds (mkdocs serve --dirty)
        self.history = History()  # each entry's last-change date
        self.edit_base: str | None = None  # edit links: base + source path
        self.edit_urls: dict[str, str | None] = {}  # generated page -> its source's edit link
        self.command = "build"  # the MkDocs command: `serve` builds no offline copy
        self.offline_copy = False  # this build is the offline copy (xinyu.offline)
        self.search_pages: dict[str, PageInfo] = {}  # page URL -> what search ranks it by
        self.early: EarlyReading | None = None  # the gate reading pages as they are built
        self.background: Background | None = None  # the processes doing that, and search's segmenting
        self.renderer: PageRenderer | None = None  # this build's generated pages and their navigation

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Once, before the first build: whether the site is served or published.
        self.command = command

    def load_config(self, options, config_file_path=None):
        # MkDocs checks the option names; a misspelled one also gets the closest name.
        errors, warnings = super().load_config(options, config_file_path)
        warnings = [(key, f"{message}{did_you_mean(key)}")
                    if isinstance(message, str) and "Unrecognised" in message else (key, message)
                    for key, message in warnings]
        return errors, warnings

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        self.root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        # Before MkDocs empties site_dir: never through a link out of the repository.
        site_dir = Path(config.site_dir)
        if site_dir.is_relative_to(self.root) and \
                (problems := site_dir_problems(self.root, site_dir.relative_to(self.root).as_posix())):
            raise PluginError(f"xinyu：{problems[0]}")
        _require_chinese_search(config)
        if self.config.search_dict and _uses_search(config):
            path = self.root / self.config.search_dict
            if not path.is_file():
                raise PluginError(f"xinyu：搜索词典 search_dict“{self.config.search_dict}”不存在")
            prepare_jieba(user_dict=path)
        for name in MARKDOWN_EXTENSIONS:
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
        # Python-Markdown's default slugify turns a Chinese heading into an
        # empty id ("_1"); keep the text unless the site chose its own.
        config.mdx_configs.setdefault("toc", {}).setdefault("slugify", slugify(case="lower"))
        # The heading permalink's tooltip (plain text: Material renders it as HTML).
        config.mdx_configs["toc"].setdefault("permalink_title", "本节链接")
        config.extra_css.insert(0, STYLESHEET)
        config.extra_javascript.extend(SCRIPTS)
        # What theme/partials/copyright.html shows on every page (it escapes each value);
        # a bad value is reported, and fails the build, when the library is loaded.
        settings = settings_from_mapping(dict(self.config))[0]
        config.extra["xinyu_footer"] = footer_context(settings)
        # The site's public numbers (help lines, order phone) dial where a page mentions them.
        config.markdown_extensions.append(DialPublicNumbers(public_numbers(settings)))
        # The offline copy's build: file URLs, and a Worker that works from file://.
        self.offline_copy = building_offline_copy()
        if self.offline_copy:
            config.use_directory_urls = False
            config.extra["polyfills"] = [*config.extra.get("polyfills", []), SHIM]
        # After the site's custom_dir (which can override ours), before Material's own.
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))
        return config

    @event_priority(50)  # before other plugins see the files, so they see ours too
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        docs_dir = Path(config.docs_dir).resolve()
        site_dir = Path(config.site_dir)
        self.library = load_library(self.root, dict(self.config),
                                    docs_dir.relative_to(self.root).as_posix()
                                    if docs_dir.is_relative_to(self.root) else str(docs_dir),
                                    site_dir.relative_to(self.root).as_posix()
                                    if site_dir.is_relative_to(self.root) else "")
        for problem in sorted(self.library.problems, key=lambda p: (p.path, p.line)):
            {Severity.ERROR: log.error, Severity.WARNING: log.warning,
             Severity.INFO: log.info}[problem.severity](str(problem))
        for result in self.library.kinds:
            log.info(f"xinyu：{kind_summary(result)}")
        for allowed in self.library.allowances:
            log.info(self.library.guard.redact(
                f"xinyu：经审核的隐私例外：{allowed.path}:{allowed.line} "
                f"{allowed.rule}（{allowed.reason}）"))
        if _uses_search(config):
            prepare_jieba(search_words(self.library))
        if self.library.errors:
            raise PluginError(f"xinyu：内容中有 {len(self.library.errors)} 个错误，什么都没有发布"
                              "（运行 xinyu check 可以列出全部错误）")
        self._read_sources(config, docs_dir)
        self._add_files(files, config)
        self._check_destinations(files, config)
        self.search_pages = _search_pages(self.library, files)
        config.extra["xinyu_footer"] = {**footer_context(self.library.settings),
                                        "help": files.get_file_from_path(HELP).url,
                                        "offline": OFFLINE_ZIP if self._makes_offline_copy() else ""}
        return files

    def _check_destinations(self, files: Files, config: MkDocsConfig) -> None:
        """Nothing is written outside site_dir, whatever a name says; and
        which files are the theme's and the plugin's own (for the gate)."""
        site_dir = Path(config.site_dir).resolve()
        docs_dir = Path(config.docs_dir).resolve()
        theme_dirs = [Path(d).resolve() for d in config.theme.dirs] + \
            [ASSETS.resolve(), WORKER_SOURCE.parent.resolve()]
        self.shipped = set()
        self.trusted_pages = {files.get_file_from_path(uri).dest_uri for uri in self.trusted}
        destinations: dict[str, str] = {}
        for file in files:
            if file.dest_uri in destinations:
                raise PluginError(f"xinyu：“{file.src_uri}”和“{destinations[file.dest_uri]}”"
                                  f"会发布到同一个位置“{file.dest_uri}”；请给其中一个改名")
            destinations[file.dest_uri] = file.src_uri
            if file.dest_uri == OFFLINE_ZIP and self._makes_offline_copy():
                raise PluginError(f"xinyu：“{file.src_uri}”会发布到离线版压缩包的位置"
                                  f"“{OFFLINE_ZIP}”；请给它改名")
            destination = Path(file.abs_dest_path).resolve()
            if not destination.is_relative_to(site_dir):
                raise PluginError(f"xinyu：“{file.src_uri}”会写到网站文件夹之外；"
                                  "什么都没有发布")
            source = Path(file.abs_src_path).resolve() if file.abs_src_path else None
            if source is not None and not source.is_relative_to(docs_dir) and \
                    any(source.is_relative_to(d) for d in theme_dirs) and \
                    not file.src_uri.endswith(".md"):
                self.shipped.add(file.dest_uri)
        library = self.library
        self.sources = ["mkdocs.yml"] + sorted(
            {e.path for r in library.kinds for e in r.published}
            | {f"{e.folder}/{a}" for r in library.kinds for e in r.published for a in e.attachments}
            | {file.src_uri and f"{docs_dir.relative_to(self.root).as_posix()}/{file.src_uri}"
               for file in files if file.abs_src_path and
               Path(file.abs_src_path).resolve().is_relative_to(docs_dir)}
            | {library.settings.lecturers_file, f"{library.settings.lessons_dir}/collections.yml"})

    def _add_files(self, files: Files, config: MkDocsConfig) -> None:
        self._remove_content_sources(files)
        renderer = self.renderer = PageRenderer(
            self.library, updated=lambda e: self.history.date(e.path),
            edit_url=lambda e: edit_url(self.edit_base, e.path),
            repo_url=config.repo_url or None)
        self.trusted = set()
        self.generated = set()
        for page in renderer.pages():
            self.generated.add(page.uri)
            _add(files, File.generated(config, page.uri, content=page.markdown,
                                       inclusion=InclusionLevel.NOT_IN_NAV))
            if page.trusted:
                self.trusted.add(page.uri)
        for result in self.library.kinds:
            for entry in result.published:
                folder = entry_uri(entry).rsplit("/", 1)[0]
                for attachment in entry.attachments:
                    source = self.root / entry.folder / attachment
                    _add(files, File.generated(config, f"{folder}/{attachment}",
                                               abs_src_path=str(source)))
        # Each entry's materials in one zip, beside its page (the gate reads inside it).
        for bundle in renderer.bundles():
            _add(files, File.generated(config, bundle.uri, content=bundle.data))
        for asset in (STYLESHEET, *SCRIPTS, *(a for assets in TOOL_ASSETS.values() for a in assets),
                      SHARE_IMAGE):
            _add(files, File.generated(config, asset,
                                       abs_src_path=str(ASSETS / Path(asset).name)))
        catalogue = build_catalogue(renderer, config.site_name,
                                    lambda uri: files.get_file_from_path(uri).url)
        _add(files, File.generated(config, CATALOGUE,
                                   content=json.dumps(catalogue, ensure_ascii=False, indent=2)))
        _add(files, File.generated(config, CATALOGUE_SCHEMA,
                                   abs_src_path=str(ASSETS / CATALOGUE_SCHEMA)))
        # The Atom feed of what changed lately (core/feed.py), beside the 最近更新 page.
        _add(files, File.generated(config, FEED, content=build_feed(
            renderer.recent(), config.site_name,
            lambda entry: files.get_file_from_path(entry_uri(entry)).url,
            config.site_url, _language(config))))
        # What editors check front matter against, from this site's own settings.
        for name, schema in all_schemas(self.library.settings).items():
            _add(files, File.generated(config, f"{SCHEMAS}/{name}", content=schema_json(schema)))
        _add(files, File.generated(config, SEARCH_WORKER, abs_src_path=str(WORKER_SOURCE)))
        if self.offline_copy:
            _add(files, File.generated(config, SHIM,
                                       abs_src_path=str(ASSETS / "vendor" / Path(SHIM).name)))

    def _makes_offline_copy(self) -> bool:
        """`offline: true`, published (not served), and not itself the copy."""
        return bool(self.config.offline) and self.command != "serve" and not self.offline_copy

    def _read_sources(self, config: MkDocsConfig, docs_dir: Path) -> None:
        """Each entry's last-change date (Git read once per build) and, with
        `repo_url` and `edit_uri`, the link that edits its source."""
        entries = [e for r in self.library.kinds for e in r.published]
        self.history = read_history(self.root, [e.path for e in entries])
        if self.history.notice:
            log.info(self.history.notice)
        # edit_uri_template has no {path} for a source outside docs_dir: no links then.
        self.edit_base = edit_base(config.repo_url, None if config.edit_uri_template
                                   else config.edit_uri,
                                   docs_dir.relative_to(self.root).as_posix()
                                   if docs_dir.is_relative_to(self.root) else None)
        self.edit_urls = {entry_uri(e): edit_url(self.edit_base, e.path) for e in entries}

    def _remove_content_sources(self, files: Files) -> None:
        """Course files and lecturers.yml sit in docs_dir, but they are content:
        their pages are generated, and the raw files are not published."""
        sources = [self.root / self.library.settings.courses_dir,
                   self.root / self.library.settings.lecturers_file]
        for file in list(files):
            path = Path(file.abs_src_path or "")
            if any(path == source or source in path.parents for source in sources):
                files.remove(file)

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        if not self.config.enabled or self.library is None:
            return None

        def item(entry):
            if isinstance(entry, str):
                return files.get_file_from_path(entry).page
            title, children = entry
            return Section(title, [item(child) for child in children])

        sections = [item(entry) for entry in self.renderer.nav(self.config.nav_title)]
        at = min(1, len(nav.items))
        nav.items[at:at] = sections
        _relink(nav)
        # With --dirty, only what changed is rebuilt (see preview.py).
        self.preview = Preview(config, files, nav, self.generated)
        return nav

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        # The theme's navigation, the same HTML on thousands of item pages:
        # rendered once per folder (navcache.py, theme/partials/nav.html).
        if self.config.enabled:
            install_nav_cache(env, list(config.theme.dirs), str(THEME),
                              [config.theme.get("logo"), config.extra.get("homepage")])
            # A large site published on a machine with a second core: the gate
            # reads each page there as soon as it is rendered (not in `serve`,
            # whose rebuilds read only what changed).
            # Material's search segments each page there too (search/background.py).
            self._close_early()
            if self.command == "build" and self.library is not None and EarlyReading.possible() \
                    and len(files.documentation_pages()) >= EARLY_READING_PAGES:
                self.background = Background(BACKGROUND_WORKERS)
                self.early = EarlyReading(self.library.guard, self.background)
                wrap_search_index(config.plugins, self.background)
                try:
                    self.background.start()
                except Exception:  # noqa: BLE001 - no fork after all: everything is done here
                    self._close_early()
        return env

    @event_priority(-100)  # after the search plugin has indexed the page
    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav: Navigation):
        if self.config.enabled and self.preview is not None:
            self.preview.page_indexed(page)
        return context

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page | None:
        # MkDocs has just set the page's edit link from docs_dir: a generated
        # page links to its entry's source, or (an index) to nothing.
        if self.config.enabled and page.file.src_uri in self.generated:
            page.edit_url = self.edit_urls.get(page.file.src_uri)
        return page

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str | None:
        # MkDocs has just read the page's front matter: a hand-written page may
        # set only the keys the theme shows as text (never `template`), escaped.
        if self.config.enabled and page.file.src_uri not in self.generated:
            page.meta, _ = safe_page_meta(page.meta)
            # The guide's field reference and catalogue of messages come from
            # the checks' own tables (markers such as <!-- xinyu:messages -->).
            return expand_reference(markdown, self.library.settings) if self.library else None
        if self.config.enabled and self.library is not None:
            # An entry's page describes itself (search engines, chat previews).
            known = getattr(self, "_summaries", None)
            if known is None or known[0] is not self.library:  # once a build
                known = self._summaries = (self.library, _summaries(self.library))
            summary = known[1].get(page.file.src_uri)
            if summary:
                page.meta["description"] = str(escape_text(summary))
        return None

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str | None:
        """Contributed Markdown may carry raw HTML: only safe HTML reaches the site.
        (The removals were reported, with path and line, when the content was loaded.)"""
        if not self.config.enabled:
            return None
        if page.title:
            # The theme writes meta.title into <title> and the header unescaped:
            # escape it exactly once, so it shows as typed and cannot break out.
            page.meta["title"] = str(escape_text(page.title))
        if page.file.src_uri in self.trusted:
            return html
        if page.file.src_uri in self.generated:
            return sanitize_page(html)  # the template leniently, the contribution strictly
        return sanitize(html)

    @event_priority(-100)  # last: what it returns is what MkDocs writes
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        # Runs on the whole page, theme included: Material's tooltips set a
        # title as HTML, so no title may carry markup.
        if not self.config.enabled:
            return None
        output = share_tags(safe_tooltips(output), page, config)
        output = _link_feed(output, get_relative_url(FEED, page.url), config)
        output = _tool_assets(output, TOOL_ASSETS.get(page.file.src_uri, ()), page.url)
        if _uses_search(config):
            # Material's search dialog has no accessible name; screen readers announce it as 搜索.
            output = output.replace('<div class="md-search" data-md-component="search" role="dialog">',
                                    '<div class="md-search" data-md-component="search" role="dialog" '
                                    'aria-label="搜索">', 1)
            output = use_search_worker(output)
        if self.early is not None:  # the bytes MkDocs writes (mkdocs/commands/build.py)
            self.early.submit(page.file.dest_uri, output.encode("utf-8", errors="xmlcharrefreplace"),
                              page.file.dest_uri in self.trusted_pages)
        return output

    def on_post_template(self, output: str, *, template_name: str,
                         config: MkDocsConfig) -> str | None:
        # The theme's own 404.html is served at any depth: MkDocs roots it at "/".
        if not self.config.enabled or not template_name.endswith(".html"):
            return None
        # Served at any depth: rooted at the site's path (MkDocs roots the 404 page there).
        root = urlsplit(config.site_url or "").path.rstrip("/")
        return _link_feed(output, f"{root}/{FEED}", config)

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        # Last: the gate reads every published file after every transformation.
        if not self.config.enabled or self.library is None:
            return
        site_dir = Path(config.site_dir)
        index = site_dir / "search" / "search_index.json"
        preview = self.preview
        if index.is_file() and preview:
            preview.rewrite_index(index, self.search_pages)  # after --dirty: with the pages not rebuilt
        elif index.is_file():
            rewrite_index_file(index, self.search_pages)
        # After a dirty rebuild: every name, and the files changed since the last check passed.
        memo, checked = preview.gate(self.library.guard) if preview else ({}, None)
        gate = Gate(self.library.guard, self.root, self.sources, memo)
        try:
            problems = gate.check(site_dir, self.shipped, self.trusted_pages,
                                  label=site_dir.name or "site", previous=checked, early=self.early)
        finally:
            self._close_early()
        if preview and not problems:
            preview.passed(gate.manifest, memo)
        if problems:
            for problem in problems:
                log.error(str(problem))
            _empty(site_dir)
            raise PluginError(f"xinyu：输出闸门在构建后的网站中发现 {len(problems)} 个问题；"
                              "网站文件夹已清空，什么都没有发布")
        if self.offline_copy:
            # From file:// Material reads the index as a script: the JSON the gate just read.
            write_index_script(site_dir)
            write_scripts(site_dir)
        elif self._makes_offline_copy():
            count, size = build_offline_copy(config, site_dir / OFFLINE_ZIP)
            log.info(f"xinyu：离线版 {OFFLINE_ZIP}（{count} 个文件，{size / 1e6:.1f} MB）")

    def on_build_error(self, *, error: Exception) -> None:
        # A build that stops before the gate leaves no reader behind.
        self._close_early()

    def _close_early(self) -> None:
        if self.early is not None:
            self.early.close()
            self.early = None
        if self.background is not None:
            self.background.close()
            self.background = None

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        # Every content source, also those outside docs_dir (MkDocs watches docs_dir).
        if self.config.enabled:
            settings = self.library.settings if self.library else \
                settings_from_mapping(dict(self.config))[0]
            extra = [self.config.search_dict] if self.config.search_dict else []
            for path in watched_paths(self.root, settings, Path(config.site_dir), extra,
                                      watched=[Path(config.docs_dir)]):
                server.watch(str(path))
        return server


# From this many pages the gate reads pages in a second process during the
# build (below that, the fork and the hand-over are not worth it).
EARLY_READING_PAGES = 200
BACKGROUND_WORKERS = 2

ICP_URL = "https://beian.miit.gov.cn/"  # 工业和信息化部 ICP/IP 地址/域名信息备案管理系统
POLICE_URL = "https://beian.mps.gov.cn/#/query/webSearch?code="  # 全国互联网安全管理服务平台


def footer_context(settings: Settings) -> dict[str, str]:
    """The footer's texts and its links: only to the two official 备案 sites
    (and, added in on_files, to the help page). Plain strings: the template escapes."""
    footer = settings.footer
    return {"host": footer.host, "contact": footer.contact, "icp": footer.icp,
            "icp_url": ICP_URL, "police": footer.police,
            "police_url": f"{POLICE_URL}{footer.police_code}", "help": ""}


def _summaries(library: Library) -> dict[str, str]:
    """Each published entry's page (docs_dir path) and its summary."""
    return {entry_uri(entry): entry.meta["summary"]
            for result in library.kinds for entry in result.published}


def _empty(site_dir: Path) -> None:
    for child in site_dir.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)


def _link_feed(output: str, href: str, config: MkDocsConfig) -> str:
    """Every page names the feed in its <head>, for browsers and feed readers,
    relative to the page (readers resolve it): Material fetches the sitemap
    beside every rel=alternate link, which must not leave the site it is on
    (a preview host, the offline copy)."""
    head, found, _ = output.partition("</head>")
    if not found or 'type="application/atom+xml"' in head:
        return output
    link = (f'<link rel="alternate" type="application/atom+xml" '
            f'title="{escape_text(config.site_name)} {FEED_TITLE_SUFFIX}" '
            f'href="{escape(href)}">')
    return output.replace("</head>", f"{link}\n</head>", 1)


def _tool_assets(output: str, assets: tuple[str, ...], url: str) -> str:
    """A tool page's stylesheet at the end of <head> (after the theme's and
    ours) and its script at the end of <body> (after the theme's)."""
    for asset in assets:
        href = escape(get_relative_url(asset, url))
        if asset.endswith(".css"):
            output = output.replace("</head>", f'<link rel="stylesheet" href="{href}">\n</head>', 1)
        else:
            head, found, tail = output.rpartition("</body>")
            output = f'{head}<script src="{href}"></script>\n{found}{tail}' if found else output
    return output


def _language(config: MkDocsConfig) -> str:
    language = config.theme.get("language") or "zh"
    return language if isinstance(language, str) else "zh"


def _search_pages(library: Library, files: Files) -> dict[str, PageInfo]:
    """What search ranks by besides the text, by page URL: the items (lessons,
    cases, courses) with the words for their grades; every other page lists
    or explains them and ranks below them."""
    grades = {grade.key: grade for grade in library.settings.grades}
    items: dict[str, PageInfo] = {}
    for result in library.kinds:
        for entry in result.published:
            file = files.get_file_from_path(entry_uri(entry))
            if file is None:
                continue
            words: list[str] = []
            for key in entry.meta.get("grades") or ():
                grade = grades.get(key)
                if grade is not None:
                    words += grade_words(key, grade.label, STAGES.get(grade.stage, ""))
            short = short_school_name(str(entry.meta.get("school") or ""))
            items[file.url] = PageInfo(listing=False, grade_words=list(dict.fromkeys(words)),
                                       names=[short] if short else [])
    return {file.url: items.get(file.url, PageInfo(listing=True))
            for file in files if file.is_documentation_page()}


def _uses_search(config: MkDocsConfig) -> bool:
    return any(name.split("/")[-1] == "search" for name in config.plugins)


def _require_chinese_search(config: MkDocsConfig) -> None:
    """Material's search silently indexes Chinese as whole sentences without
    jieba; for a Chinese site that is a broken search, so it is an error."""
    if not _uses_search(config):
        return
    try:
        import jieba  # noqa: F401
    except ImportError:
        raise PluginError("xinyu：搜索插件需要 jieba 来切分中文，但没有安装；"
                          "请运行 pip install jieba") from None
    prepare_jieba()  # before any page is indexed: quiet, with the field's dictionary


def _add(files: Files, file: File) -> None:
    existing = files.get_file_from_path(file.src_uri)
    if existing is not None:
        raise PluginError(f"xinyu：“{file.src_uri}”由 xinyu 生成，但网站文件夹里的 "
                          f"{existing.src_uri} 路径相同；请给它改名")
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
