"""Which files may be published, and under which names.

Everything here is about paths, never contents: a content folder is walked
without following links, and every entry is either a source to load or a
problem to report (a link, a FIFO, a hidden file, a name that cannot be a
web address) — none is skipped silently. Attachments are published only if
their type is on the allowlist, they are small enough, and they are plain
files inside the repository.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from .normalise import CJK
from .problems import Problem, error

# Types a teacher needs, each readable for the privacy check (documents) or
# carrying no script (images, audio, video). Label: what a reader sees.
ATTACHMENT_TYPES: dict[str, str] = {
    ".pdf": "PDF 文档", ".docx": "Word 文档", ".pptx": "PowerPoint 演示文稿",
    ".xlsx": "Excel 表格", ".odt": "文档", ".odp": "演示文稿", ".ods": "表格",
    ".txt": "文本", ".csv": "表格（CSV）",
    ".png": "图片", ".jpg": "图片", ".jpeg": "图片", ".gif": "图片", ".webp": "图片",
    ".mp3": "音频", ".m4a": "音频", ".wav": "音频", ".ogg": "音频",
    ".mp4": "视频", ".webm": "视频",
}
# Why a common type is refused, and what to do instead.
REFUSED: dict[str, str] = {
    ".doc": "save it as .docx", ".ppt": "save it as .pptx", ".xls": "save it as .xlsx",
    ".wps": "save it as .docx", ".rtf": "save it as .docx",
    ".html": "web pages can run scripts on the site", ".htm": "web pages can run scripts on the site",
    ".xhtml": "web pages can run scripts on the site", ".svg": "SVG images can run scripts; use .png",
    ".js": "scripts are never published", ".mjs": "scripts are never published",
    ".xml": "XML can carry scripts", ".css": "style sheets belong to the theme",
    ".zip": "archives cannot be checked; link the files one by one",
    ".rar": "archives cannot be checked; link the files one by one",
    ".7z": "archives cannot be checked; link the files one by one",
    ".exe": "programs are never published", ".bat": "programs are never published",
    ".sh": "programs are never published", ".apk": "programs are never published",
}
# Files a district keeps in docs_dir for its host, published as they are (and scanned).
HOST_FILES = frozenset({"CNAME"})

_NAME_CHARS = f"A-Za-z0-9{CJK}"
# A content file name (its page's address) and a registry key (collections, lecturers).
SLUG = re.compile(f"[{_NAME_CHARS}][{_NAME_CHARS}_-]{{0,99}}")
KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")
RESERVED_SLUGS = frozenset({"index", "print", "assets", "search"})
# One folder or file name of an attachment's path.
_ATTACHMENT_PART = re.compile(f"[{_NAME_CHARS}][{_NAME_CHARS}_.()（） -]{{0,149}}")

MAX_TEXT_BYTES = 2 * 1024 * 1024  # a Markdown or YAML source


@dataclass(frozen=True)
class Walked:
    path: str  # relative to the root, with '/'
    abs_path: Path


def slug_problem(path: str, slug: str, what: str = "file name") -> Problem | None:
    if slug.casefold() in RESERVED_SLUGS:
        return error(path, 0, f"the {what} '{slug}' is reserved for the site's own pages; "
                              "choose another name")
    if not SLUG.fullmatch(slug):
        return error(path, 0, f"the {what} '{slug}' cannot be a web address: use letters, digits, "
                              "Chinese characters, '-' and '_' (not starting with '-', '_' or '.')")
    return None


def key_problem(path: str, line: int, key: str, what: str) -> Problem | None:
    if KEY.fullmatch(key) and key.casefold() not in RESERVED_SLUGS:
        return None
    return error(path, line, f"the {what} key '{key}' becomes a web address: use letters, digits, "
                             "'-' and '_' only (at most 64, not a reserved name such as 'index')")


def walk_sources(root: Path, directory: str, suffix: str = ".md"
                 ) -> tuple[list[Walked], list[Problem], list[str]]:
    """The `suffix` files under `directory`, without following links.
    Returns (sources, problems, rejected paths): a link, a special file, a
    hidden file or a linked folder is a problem and a rejected entry."""
    sources: list[Walked] = []
    problems: list[Problem] = []
    rejected: list[str] = []
    top = root / directory
    if top.is_symlink():
        return [], [error(directory, 0, "the content folder is a symbolic link; "
                                        "links are never followed")], [directory]
    if not top.is_dir():
        return [], [], []
    for folder, dirs, names in os.walk(top, followlinks=False):
        here = Path(folder)
        for name in sorted(dirs):
            entry = here / name
            path = entry.relative_to(root).as_posix()
            if entry.is_symlink():
                problems.append(error(path, 0, "a symbolic link to a folder is never followed; "
                                               "move the files here instead"))
                rejected.append(path)
                dirs.remove(name)
            elif name.startswith("."):
                dirs.remove(name)
                hidden = [p for p in entry.rglob(f"*{suffix}")]
                if hidden:
                    problems.append(error(path, 0, f"a hidden folder (its name starts with '.') "
                                                   f"holds {len(hidden)} {suffix} file(s), which are "
                                                   "never published; rename the folder"))
                    rejected += [p.relative_to(root).as_posix() for p in hidden]
        dirs.sort()
        for name in sorted(names):
            if not name.lower().endswith(suffix):
                continue
            entry = here / name
            path = entry.relative_to(root).as_posix()
            problem = _entry_problem(entry, path, name)
            if problem:
                problems.append(problem)
                rejected.append(path)
            else:
                sources.append(Walked(path, entry))
    return sources, problems, rejected


def _entry_problem(entry: Path, path: str, name: str) -> Problem | None:
    try:
        info = entry.lstat()
    except OSError as exc:
        return error(path, 0, f"cannot read the file: {exc.strerror or exc}")
    if stat.S_ISLNK(info.st_mode):
        target = "a missing file" if not entry.exists() else "another file"
        return error(path, 0, f"a symbolic link (to {target}) is never published; "
                              "put the file itself here")
    if not stat.S_ISREG(info.st_mode):
        return error(path, 0, "not a regular file (a pipe, socket or device); remove it")
    if name.startswith("."):
        return error(path, 0, "a hidden file (its name starts with '.') is never published; "
                              "rename it")
    if info.st_size > MAX_TEXT_BYTES:
        return error(path, 0, f"the file is {info.st_size // 1024} KiB; a source may be at most "
                              f"{MAX_TEXT_BYTES // 1024 // 1024} MiB")
    return None


def attachment_problem(root: Path, target: str, relative: str, max_bytes: int) -> str | None:
    """Why the attachment `target` (relative to root; `relative` as linked)
    cannot be published, or None."""
    suffix = Path(target).suffix.lower()
    if suffix not in ATTACHMENT_TYPES:
        reason = REFUSED.get(suffix, "this type is not on the list of attachment types")
        allowed = " ".join(sorted(ATTACHMENT_TYPES))
        return f"'{suffix or Path(target).name}' files are not published ({reason}); allowed: {allowed}"
    for part in relative.split("/"):
        if not _ATTACHMENT_PART.fullmatch(part):
            return (f"the name '{part}' cannot be part of a web address: use letters, digits, "
                    "Chinese characters, '-', '_', '.', spaces and brackets, not starting with "
                    "'.' or a symbol")
    return file_problem(root, target, max_bytes)


def file_problem(root: Path, target: str, max_bytes: int) -> str | None:
    """A published file must be a plain file inside the repository, reached
    without links, and not too large."""
    current = root
    for part in target.split("/"):
        current = current / part
        try:
            info = current.lstat()
        except OSError:
            return "no such file"
        if stat.S_ISLNK(info.st_mode):
            return f"'{current.relative_to(root).as_posix()}' is a symbolic link; links are never followed"
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file"
    try:
        current.resolve().relative_to(root.resolve())
    except ValueError:
        return "the file lies outside the repository"
    if info.st_size > max_bytes:
        return (f"the file is {info.st_size / 1024 / 1024:.1f} MB; the limit is "
                f"{max_bytes / 1024 / 1024:g} MB (attachment_max_mb)")
    return None
