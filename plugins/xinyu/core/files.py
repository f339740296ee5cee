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

from .markdown import CJK
from .problems import Problem
from .rules import report

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
_PAGE = "网页文件可以在网站上运行脚本"
_ARCHIVE = "压缩包无法检查；请逐个链接其中的文件"
_PROGRAM = "程序文件一律不发布"
REFUSED: dict[str, str] = {
    ".doc": "请另存为 .docx", ".ppt": "请另存为 .pptx", ".xls": "请另存为 .xlsx",
    ".wps": "请另存为 .docx", ".rtf": "请另存为 .docx",
    ".html": _PAGE, ".htm": _PAGE, ".xhtml": _PAGE, ".svg": "SVG 图片可以运行脚本；请用 .png",
    ".js": "脚本一律不发布", ".mjs": "脚本一律不发布",
    ".xml": "XML 可以携带脚本", ".css": "样式表属于主题",
    ".zip": _ARCHIVE, ".rar": _ARCHIVE, ".7z": _ARCHIVE,
    ".exe": _PROGRAM, ".bat": _PROGRAM, ".sh": _PROGRAM, ".apk": _PROGRAM,
}
NOT_LISTED = "这种类型不在附件类型白名单上"
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


def slug_problem(path: str, slug: str, what: str = "文件名") -> Problem | None:
    if slug.casefold() in RESERVED_SLUGS:
        return report("name-reserved", path, 0, what=what, name=slug)
    if not SLUG.fullmatch(slug):
        return report("name-invalid", path, 0, what=what, name=slug)
    return None


def key_problem(path: str, line: int, key: str, what: str) -> Problem | None:
    if KEY.fullmatch(key) and key.casefold() not in RESERVED_SLUGS:
        return None
    return report("key-invalid", path, line, what=what, name=key)


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
        return [], [report("content-folder-link", directory, 0)], [directory]
    if not top.is_dir():
        return [], [], []
    for folder, dirs, names in os.walk(top, followlinks=False):
        here = Path(folder)
        for name in sorted(dirs):
            entry = here / name
            path = entry.relative_to(root).as_posix()
            if entry.is_symlink():
                problems.append(report("link-folder", path, 0))
                rejected.append(path)
                dirs.remove(name)
            elif name.startswith("."):
                dirs.remove(name)
                hidden = [p for p in entry.rglob(f"*{suffix}")]
                if hidden:
                    problems.append(report("hidden-folder", path, 0, count=len(hidden),
                                           suffix=suffix))
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
        return report("read-failed", path, 0, reason=exc.strerror or exc)
    if stat.S_ISLNK(info.st_mode):
        return report("link-file", path, 0,
                      target="一个不存在的文件" if not entry.exists() else "另一个文件")
    if not stat.S_ISREG(info.st_mode):
        return report("special-file", path, 0)
    if name.startswith("."):
        return report("hidden-file", path, 0)
    if info.st_size > MAX_TEXT_BYTES:
        return report("file-too-large", path, 0, size=info.st_size // 1024,
                      limit=MAX_TEXT_BYTES // 1024 // 1024)
    return None


def attachment_problem(root: Path, target: str, relative: str, max_bytes: int) -> str | None:
    """Why the attachment `target` (relative to root; `relative` as linked)
    cannot be published, or None."""
    suffix = Path(target).suffix.lower()
    if suffix not in ATTACHMENT_TYPES:
        reason = REFUSED.get(suffix, NOT_LISTED)
        allowed = " ".join(sorted(ATTACHMENT_TYPES))
        return f"“{suffix or Path(target).name}”文件不发布（{reason}）；允许的类型：{allowed}"
    for part in relative.split("/"):
        if not _ATTACHMENT_PART.fullmatch(part):
            return (f"名字“{part}”不能作为网址的一部分：只能用字母、数字、汉字、'-'、'_'、'.'、"
                    "空格和括号，不能以 '.' 或符号开头")
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
            return "没有这个文件"
        if stat.S_ISLNK(info.st_mode):
            return f"“{current.relative_to(root).as_posix()}”是符号链接；链接不会被跟随"
    if not stat.S_ISREG(info.st_mode):
        return "不是普通文件"
    try:
        current.resolve().relative_to(root.resolve())
    except ValueError:
        return "文件在仓库之外"
    if info.st_size > max_bytes:
        return (f"文件有 {info.st_size / 1024 / 1024:.1f} MB，上限是 "
                f"{max_bytes / 1024 / 1024:g} MB（attachment_max_mb）")
    return None
