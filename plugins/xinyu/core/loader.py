"""The one loader: finds the files of a kind, parses and validates each, and
sorts every file into published, draft or rejected — none is dropped."""

from __future__ import annotations

import dataclasses
import html
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable
from urllib.parse import unquote, urlsplit

import nh3

from .cache import load_entry_cached
from .extract import Unreadable, extract_text
from .files import attachment_problem, slug_problem, walk_sources
from .frontmatter import parse_front_matter
from .html_safety import scan_markdown
from .markdown import links as markdown_links
from .markdown import prose
from .parallel import fork_map
from .privacy import Allowance, PrivacyGuard
from .problems import Problem, Severity
from .rules import SCAFFOLD_HINT, report
from .schema import Kind
from .source import read_text, split_front_matter
from .validate import check_sections, validate_fields
from .vocabulary import Settings



@dataclass
class Entry:
    """A content item that passed validation."""

    kind: Kind
    slug: str
    path: str  # relative to the repository root, with '/'
    meta: dict[str, Any]
    body: str
    body_line: int
    lines: dict[str, int]
    attachments: tuple[str, ...] = ()  # relative to the entry's folder
    page_links: dict[str, str] = field(default_factory=dict)  # link target -> linked slug
    labels: dict[str, str] = field(default_factory=dict)  # attachment -> its link text

    @property
    def title(self) -> str:
        return self.meta["title"]

    @property
    def folder(self) -> str:
        return posixpath.dirname(self.path)


@dataclass
class KindResult:
    kind: Kind
    published: list[Entry] = field(default_factory=list)
    drafts: list[Entry] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    allowances: list[Allowance] = field(default_factory=list)

    @property
    def found(self) -> int:
        return len(self.published) + len(self.drafts) + len(self.rejected)


Check = Callable[[Entry], list[Problem]]


def load_kind(root: Path, kind: Kind, settings: Settings, guard: PrivacyGuard,
              check: Check | None = None) -> KindResult:
    """`check` adds rules that need more than the file itself (e.g. that a
    named collection exists)."""
    result = KindResult(kind)
    sources, result.problems, result.rejected = walk_sources(root, kind.directory(settings))
    # Many files and a second core: each file is read, scanned and validated
    # in a forked worker (core/parallel.py); the same results, in file order.
    done = fork_map(_load_one, [(s.abs_path, s.path) for s in sources], (root, kind, settings, guard)) \
        if len(sources) >= PARALLEL_FILES else None
    slugs: dict[str, str] = {}
    for number, source in enumerate(sources):
        path = source.path
        entry, problems, allowances = load_entry_cached(root, source.abs_path, path, kind,
                                                        settings, guard,
                                                        _with_kind(done[number], kind) if done else None)
        if entry is not None:
            problems += _check_slug(entry, slugs) + (check(entry) if check else [])
        is_draft = entry is not None and entry.meta.get("status") == kind.draft
        if is_draft:
            # A draft is work in progress: its problems are shown, never fatal.
            problems = [_as_warning(p) for p in problems]
            result.drafts.append(entry)
        elif entry is None or any(p.is_error for p in problems):
            result.rejected.append(path)
        else:
            result.published.append(entry)
        if not is_draft:
            result.allowances += allowances
        if entry is not None and not any(p.is_error for p in problems):
            slugs.setdefault(entry.slug.casefold(), path)
        result.problems += problems
    return result


# From this many files of a kind, loading is spread over the cores.
PARALLEL_FILES = 200


def _load_one(state: tuple, item: tuple[Path, str]) -> tuple[Entry | None, list[Problem], list[Allowance]]:
    """load_entry in a worker; the entry's kind (a declaration with functions,
    which do not pickle) is put back by _with_kind."""
    root, kind, settings, guard = state
    entry, problems, allowances = load_entry(root, item[0], item[1], kind, settings, guard)
    return (dataclasses.replace(entry, kind=None) if entry is not None else None), problems, allowances


def _with_kind(done: tuple, kind: Kind) -> tuple:
    entry, problems, allowances = done
    return (dataclasses.replace(entry, kind=kind) if entry is not None else None), problems, allowances


def load_entry(root: Path, abs_path: Path, path: str, kind: Kind, settings: Settings,
               guard: PrivacyGuard) -> tuple[Entry | None, list[Problem], list[Allowance]]:
    text, problems = read_text(abs_path, path)
    problems = guard.scan_path(path) + problems
    if text is None:
        return None, problems, []
    # Everything in the file is published text: privacy first, whatever else fails.
    found, allowances = guard.scan(text, path)
    problems += found
    source, split_problems = split_front_matter(text, path)
    problems += split_problems
    if source is None:
        return None, problems, allowances
    front, parse_problems = parse_front_matter(source.front_matter, source.front_matter_line, path)
    problems += parse_problems
    if front is None:
        return None, problems, allowances
    problems += guard.scan_values(front.data, front.lines, path, problems, allowances)
    meta, field_problems = validate_fields(front, kind, settings, path, 1)
    problems += field_problems
    problems += [report(rule, path, front.lines.get(at, 1), field=kind.called(name), **values)
                 for rule, name, at, values in kind.cross_checks(meta)]
    problems += check_sections(source.body, source.body_line, kind.sections(settings, meta), path)
    problems += [report("scaffold-hint-left", path, source.body_line + offset)
                 for offset, line in enumerate(prose(source.body).split("\n"))
                 if SCAFFOLD_HINT in line]
    problems += scan_markdown(source.body, source.body_line, path)
    max_bytes = int(settings.attachment_max_mb * 1024 * 1024)
    links, link_problems = _links(root, path, kind.directory(settings), source.body,
                                  source.body_line, max_bytes)
    problems += link_problems
    # A video's poster: an image of the same name beside it is published with it.
    folder = posixpath.dirname(path)
    for written, target in list(links.items()):
        if posixpath.splitext(target)[1].lower() in VIDEO_TYPES:
            for suffix in POSTER_TYPES:
                poster = posixpath.splitext(target)[0] + suffix
                if _is_file(root / folder / poster) and poster not in links.values() and \
                        not attachment_problem(root, posixpath.join(folder, poster), poster, max_bytes):
                    links[f"\0poster:{poster}"] = poster
                    break
    for target in links.values():
        if not target.endswith(".md"):
            attachment = posixpath.join(posixpath.dirname(path), target)
            found, allowed = scan_attachment(root, attachment, guard)
            problems += found
            allowances += allowed
    attachments = tuple(dict.fromkeys(t for t in links.values() if not t.endswith(".md")))
    page_links = {written: posixpath.basename(t)[:-3] for written, t in links.items()
                  if t.endswith(".md")}
    entry = Entry(kind, abs_path.stem, path, meta, source.body, source.body_line,
                  front.lines, attachments, page_links, _labels(source.body, links))
    return entry, problems, allowances


VIDEO_TYPES = (".mp4", ".webm")
POSTER_TYPES = (".jpg", ".jpeg", ".png", ".webp")


def _labels(body: str, links: dict[str, str]) -> dict[str, str]:
    """Each attachment's link text ([试卷诊断书学习单](worksheet.docx)), as
    the download box names it; the first link to it wins."""
    labels: dict[str, str] = {}
    for written, target in links.items():
        if target.endswith(".md") or target in labels:
            continue
        found = re.search(r"!?\[([^\]\n]{1,80})\]\(\s*<?" + re.escape(written), body)
        # What a reader sees of the link text: no markup, no Markdown emphasis.
        text = html.unescape(nh3.clean(prose(found[1]), tags=set())) if found else ""
        text = " ".join(re.sub(r"[*_`]", "", text).split())
        if text:
            labels[target] = text
    return labels


def scan_attachment(root: Path, path: str, guard: PrivacyGuard
                    ) -> tuple[list[Problem], list[Allowance]]:
    """A published file's name and text go through the privacy guard; a file
    that cannot be read for checking is an error (it fails closed)."""
    problems = guard.scan_path(path)
    try:
        text = extract_text(root / path)
    except Unreadable as exc:
        return problems + [report("attachment-unreadable", path, 0, reason=exc)], []
    if text is None:
        return problems, []
    found, allowed = guard.scan(text, path, markup=path.lower().endswith(".md"))
    return problems + found, allowed


def _check_slug(entry: Entry, slugs: dict[str, str]) -> list[Problem]:
    problem = slug_problem(entry.path, entry.slug)
    if problem:
        return [problem]
    other = slugs.get(entry.slug.casefold())
    if other:
        return [report("duplicate-slug", entry.path, 0, slug=entry.slug, other=other)]
    return []


def _links(root: Path, path: str, directory: str, body: str, body_line: int,
           max_bytes: int) -> tuple[dict[str, str], list[Problem]]:
    """Relative links in the body: attachments beside the file (relative to
    its folder), or other content files of the same kind (`.md`, by path
    from the root). Each must exist."""
    found: dict[str, str] = {}
    problems: list[Problem] = []
    folder = posixpath.dirname(path)
    for link in markdown_links(body, body_line):
        written, number = link.target, link.line
        parts = urlsplit(written)
        if written.startswith("/") and not parts.netloc and \
                not parts.path.endswith(("/", ".html")):
            problems.append(report("link-local-path", path, number, target=written))
            continue
        if parts.scheme or parts.netloc or written.startswith(("#", "/")) or not parts.path:
            continue
        relative = posixpath.normpath(unquote(parts.path))
        target = posixpath.normpath(posixpath.join(folder, relative))
        if not _is_file(root / target):
            what = "页面" if relative.endswith(".md") else "附件"
            problems.append(report("link-missing", path, number, what=what, target=written,
                                   resolved=target))
        elif relative.endswith(".md"):
            if not target.startswith(f"{directory}/"):
                problems.append(report("link-leaves-folder", path, number, target=written,
                                       folder=directory))
            else:
                found[written] = target
        elif relative.startswith("../") or relative == "..":
            problems.append(report("attachment-outside", path, number, target=written))
        elif reason := attachment_problem(root, target, relative, max_bytes):
            problems.append(report("attachment-refused", path, number, target=written,
                                   reason=reason))
        else:
            found[written] = relative
    return found, problems


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # a name too long for the file system, a loop of links...
        return False


def _as_warning(problem: Problem) -> Problem:
    return Problem(problem.path, problem.line, f"（草稿）{problem.message}", Severity.WARNING,
                   problem.col, problem.code)
