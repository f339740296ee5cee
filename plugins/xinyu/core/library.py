"""The whole content library of a repository: every kind loaded, checked and
analysed once, for the plugin and the CLI alike."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from .collections import (
    Collection,
    collections_path,
    fill_collections,
    load_collections,
)
from .cache import scan_file_cached
from .codes import duplicate_code_problems
from .coverage import Coverage, compute_coverage, coverage_problems
from .files import ATTACHMENT_TYPES, HOST_FILES, NOT_LISTED, REFUSED, SLUG, file_problem
from .frontmatter import parse_front_matter
from .html_safety import PAGE_META_KEYS, safe_page_meta, scan_markdown
from .kinds import COURSE, KINDS
from .lecturers import Lecturer, fill_lecturers, load_lecturers
from .loader import KindResult, load_kind, scan_attachment
from .plans import Plan, load_plans
from .privacy import Allowance, PrivacyGuard, ProtectedNames
from .problems import Problem, Severity
from .rules import report
from .registry import reference_check
from .source import read_text, split_front_matter
from .vocabulary import Settings, settings_from_mapping


@dataclass
class Library:
    root: Path
    settings: Settings
    results: dict[str, KindResult]  # by kind key, in KINDS order
    collections: dict[str, Collection]
    lecturers: dict[str, Lecturer]
    coverage: Coverage
    problems: list[Problem]
    allowances: list[Allowance] = field(default_factory=list)
    guard: PrivacyGuard | None = None
    plans: list[Plan] = field(default_factory=list)  # 区推荐计划 (plans/*.yml)

    @property
    def kinds(self) -> list[KindResult]:
        return list(self.results.values())

    @property
    def lessons(self) -> KindResult:
        return self.results["lesson"]

    @property
    def cases(self) -> KindResult:
        return self.results["case"]

    @property
    def courses(self) -> KindResult:
        return self.results["course"]

    @property
    def training(self) -> KindResult:
        return self.results["training"]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]

    @property
    def notices(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.INFO]


def privacy_guard(root: Path, settings: Settings) -> PrivacyGuard:
    return PrivacyGuard(ProtectedNames.load(root / settings.protected_names),
                        settings.public_emails, settings.public_phones)


def site_dir_problems(root: Path, site_dir: str) -> list[Problem]:
    """The build empties and fills site_dir: a link there would make it
    write (and delete) outside the repository."""
    current = root
    for part in Path(site_dir).parts:
        current = current / part
        if current.is_symlink():
            return [report("site-dir-link", current.relative_to(root).as_posix()
                           if current.is_relative_to(root) else site_dir, 0)]
    return []


def watched_paths(root: Path, settings: Settings, site_dir: Path,
                  extra: Iterable[str] = (), watched: Iterable[Path] = ()) -> list[Path]:
    """What a live preview watches: every source the library is read from
    (each kind's folder, every path setting, the collections file) and
    `extra` (the search dictionary). A missing one is watched through its
    folder, so creating it is seen. Never the repository itself or a folder
    holding the site: each build would start the next. Nothing inside
    another path of the list or inside `watched` (docs_dir) is listed."""
    root, site_dir = root.resolve(), site_dir.resolve()
    names = [*(kind.directory(settings) for kind in KINDS),
             *settings.content_paths, collections_path(settings), *extra]
    paths: list[Path] = []
    for name in names:
        path = Path(os.path.normpath(root / name))
        if not path.exists():
            path = path.parent
        if path.exists() and path != root and path.is_relative_to(root) and path not in paths \
                and not site_dir.is_relative_to(path) and not path.is_relative_to(site_dir):
            paths.append(path)
    watched = [Path(p).resolve() for p in watched]
    return [p for p in paths if not any(p.is_relative_to(q) for q in watched)
            and not any(p != q and p.is_relative_to(q) for q in paths)]


def load_library(root: Path, plugin_config: Mapping[str, Any] | None = None,
                 docs_dir: str = "content", site_dir: str = "site") -> Library:
    settings, problems = settings_from_mapping(plugin_config)
    guard = privacy_guard(root, settings)
    collections, collection_problems, allowances = load_collections(root, settings, guard)
    lecturers, lecturer_problems, lecturer_allowances = load_lecturers(root, settings, guard)
    registries = {"collections": (collections, collections_path(settings)),
                  "lecturers": (lecturers, settings.lecturers_file)}
    results: dict[str, KindResult] = {}
    for kind in KINDS:
        checks = [reference_check(name, registries[registry][0], registries[registry][1],
                                  kind.called(name)) for name, registry in kind.references]
        results[kind.key] = load_kind(root, kind, settings, guard, _all(checks) if checks else None)
    lessons, courses = results["lesson"], results["course"]
    # Course numbers are unique across files: a later duplicate is not published.
    duplicate_code_problems(courses, COURSE.called("code"))
    fill_collections(collections, lessons.published)
    fill_lecturers(lecturers, courses.published)
    coverage = compute_coverage(lessons.published, settings)
    plans, plan_problems, plan_allowances = load_plans(root, settings, guard, lessons.published,
                                                       lessons.drafts)
    # Content kept in docs_dir is read as content, not as a page.
    content_files = {kind.directory(settings) for kind in KINDS} | {settings.lecturers_file}
    page_problems, page_allowances = scan_pages(root, docs_dir, guard, content_files,
                                                int(settings.attachment_max_mb * 1024 * 1024))
    config_problems, config_allowances = scan_site_config(root, guard)
    config_problems += site_dir_problems(root, site_dir)
    problems = (problems + config_problems + collection_problems + lecturer_problems
                + [p for r in results.values() for p in r.problems] + page_problems
                + coverage_problems(coverage, settings) + plan_problems)
    allowances = (allowances + config_allowances + lecturer_allowances
                  + [a for r in results.values() for a in r.allowances] + page_allowances
                  + plan_allowances)
    # Values reviewed as public (xinyu-allow) may appear in the built site too.
    guard.allow((a.rule, a.value) for a in allowances)
    # A message may echo a value (a wrong field, a file name): masked, always.
    # Warnings and notices the district chose not to see (`silence`) are dropped;
    # the rule's severity is its own, so a silenced code can never hide an error.
    problems = [guard.redact_problem(p) for p in problems
                if p.is_error or p.code not in settings.silence]
    return Library(root, settings, results, collections, lecturers, coverage,
                   problems, allowances, guard, plans=plans)


def _all(checks):
    return lambda entry: [problem for check in checks for problem in check(entry)]


def scan_site_config(root: Path, guard: PrivacyGuard) -> tuple[list[Problem], list[Allowance]]:
    """mkdocs.yml puts its site name, description, copyright and order note on
    every page: trusted as configuration, still checked as published text."""
    path = root / "mkdocs.yml"
    if not path.is_file():
        return [], []
    text, problems = read_text(path, "mkdocs.yml")
    if text is None:
        return problems, []
    return guard.scan(text, "mkdocs.yml", markup=False)


def scan_pages(root: Path, docs_dir: str, guard: PrivacyGuard, content_files: set[str],
               max_bytes: int) -> tuple[list[Problem], list[Allowance]]:
    """Every file in docs_dir is published (MkDocs copies what it does not
    render), so every file is checked: pages for privacy and HTML, other
    files by type, size and text. Content kept in docs_dir (courses,
    lecturers) is checked as content instead. Like MkDocs, hidden entries
    and /templates/ are left out (MkDocs never publishes them)."""
    problems: list[Problem] = []
    allowances: list[Allowance] = []
    top = root / docs_dir
    if not top.is_dir():
        return problems, allowances
    for folder, dirs, names in os.walk(top, followlinks=False):
        here = Path(folder)
        for name in list(dirs):
            entry = here / name
            path = entry.relative_to(root).as_posix()
            if entry.is_symlink():  # MkDocs would follow it, even a hidden one
                dirs.remove(name)
                problems.append(report("link-folder", path, 0))
            elif name.startswith(".") or (here == top and name == "templates"):
                dirs.remove(name)
            elif here == top and name in GENERATED_FOLDERS and path not in content_files:
                dirs.remove(name)
                problems.append(report("generated-folder", path, 0, name=name))
            elif not SLUG.fullmatch(name):
                dirs.remove(name)
                problems.append(report("name-invalid", path, 0, what="文件夹名", name=name))
        dirs.sort()
        for name in sorted(names):
            entry = here / name
            path = entry.relative_to(root).as_posix()
            if any(path == f or path.startswith(f"{f}/") for f in content_files):
                continue
            if name.startswith("."):
                if entry.is_symlink():
                    problems.append(report("link-file", path, 0, target="别处"))
                continue
            if here == top and name in GENERATED_FILES:
                problems.append(report("generated-file", path, 0, name=name))
                continue
            found, allowed = scan_file_cached(  # a rebuild reads again only what changed
                root, path, guard, lambda: _scan_page_file(root, path, name, guard, max_bytes),
                max_bytes)
            problems += found
            allowances += allowed
    return problems, allowances


GENERATED_FOLDERS = frozenset({*(kind.folder for kind in KINDS), "lecturers", "collections", "grades",
                               "topics", "search", "schemas", "plan", "parents-school", "submit"})
GENERATED_FILES = frozenset({"coverage.md", "help.md", "catalogue.json", "catalogue.schema.json",
                             "sitemap.xml", "sitemap.xml.gz", "404.html", "updates.md", "feed.xml",
                             "activities.md"})


def _scan_page_file(root: Path, path: str, name: str, guard: PrivacyGuard,
                    max_bytes: int) -> tuple[list[Problem], list[Allowance]]:
    suffix = Path(name).suffix.lower()
    if suffix == ".md" and not SLUG.fullmatch(Path(name).stem):
        return [report("name-invalid", path, 0, what="文件名", name=name)], []
    if suffix != ".md" and suffix not in ATTACHMENT_TYPES and name not in HOST_FILES:
        return [report("file-type-refused", path, 0, suffix=suffix or name,
                       reason=REFUSED.get(suffix, NOT_LISTED))], []
    if reason := file_problem(root, path, max_bytes):
        return [report("file-refused", path, 0, reason=reason)], []
    if suffix != ".md":
        return scan_attachment(root, path, guard)
    text, problems = read_text(root / path, path)
    problems = guard.scan_path(path) + problems
    if text is None:
        return problems, []
    found, allowed = guard.scan(text, path)
    return (problems + found + _page_meta_problems(text, path, guard, found)
            + scan_markdown(text, 1, path)), allowed


def _page_meta_problems(text: str, path: str, guard: PrivacyGuard,
                        reported: list[Problem]) -> list[Problem]:
    """A hand-written page's front matter: read with the bounded loader
    (MkDocs' own reader would expand a YAML bomb), and only the keys the
    theme shows as text."""
    if not text.startswith("---"):
        return []
    source, problems = split_front_matter(text, path)
    if source is None:
        return problems
    front, problems = parse_front_matter(source.front_matter, source.front_matter_line, path)
    if front is None:
        return problems
    problems += guard.scan_values(front.data, front.lines, path, reported)
    _, removed = safe_page_meta(front.data)
    return problems + [report("page-meta-removed", path, front.lines.get(key, 1), key=key,
                              allowed="、".join(sorted(PAGE_META_KEYS))) for key in removed]
