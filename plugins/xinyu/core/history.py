"""Where each content file comes from: the date it last changed and the link
that edits it in the repository.

Git is read once per build, whatever the number of files: one `git
rev-parse`, one `git status` and one `git log` over the content folders.
A file's date is the date of the last commit that changed it. A file with
uncommitted changes, an untracked file, or any file when Git cannot be read
(no repository, git not installed, a timeout, any error) gets its
modification date instead; nothing here raises. In a shallow clone the
commit dates are wrong (every file seems changed by the one commit), so the
file dates are used and one notice says how to fix the checkout.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterable
from urllib.parse import quote, urljoin, urlsplit

GIT_TIMEOUT = 60  # seconds, per git command
SHALLOW_NOTICE = ("xinyu: 仓库是浅克隆（shallow clone），最后更新日期取自文件修改时间；"
                  "在 CI 中检出时请设置 fetch-depth: 0")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass
class History:
    dates: dict[str, date] = field(default_factory=dict)  # path -> last change
    notice: str | None = None  # one line for the build log (INFO), or None

    def date(self, path: str) -> date | None:
        return self.dates.get(path)


def read_history(root: Path, paths: Iterable[str]) -> History:
    """The last-change date of each of `paths` (relative to `root`, with '/')."""
    wanted = sorted(set(paths))
    history = History()
    commits: dict[str, date] = {}
    try:
        commits = _commit_dates(Path(root), wanted, history)
    except Exception:  # noqa: BLE001 - Git is optional: fall back to file dates
        commits = {}
    for path in wanted:
        day = commits.get(path) or _modified(Path(root) / path)
        if day is not None:
            history.dates[path] = day
    return history


def _commit_dates(root: Path, wanted: list[str], history: History) -> dict[str, date]:
    """Commit dates of the wanted files that are committed and unchanged."""
    if not wanted:
        return {}
    info = _git(root, "rev-parse", "--is-shallow-repository", "--show-prefix")
    if info is None:
        return {}
    lines = info.decode("utf-8", "surrogateescape").split("\n")
    if len(lines) < 2 or lines[0] not in ("true", "false"):
        return {}
    if lines[0] == "true":
        history.notice = SHALLOW_NOTICE
        return {}
    # Git names files from the repository's top folder; `root` may be below it.
    prefix = lines[1]  # e.g. "site/" or ""
    # Only the content folders' history: the top folder (or file) of each path,
    # as pathspecs relative to `root` (git runs there).
    specs = sorted({path.split("/", 1)[0] for path in wanted})
    pathspecs = ["--", *(f":(literal){spec}" for spec in specs)]
    status = _git(root, "status", "--porcelain", "-z", "--untracked-files=all",
                  "--ignored=no", *pathspecs)
    if status is None:
        return {}
    changed = _changed_paths(status)
    log = _git(root, "log", "--format=%x00%cs", "--name-only", "--no-renames", "-z",
               "--no-show-signature", *pathspecs)
    if log is None:
        return {}
    targets = {prefix + path: path for path in wanted if prefix + path not in changed}
    dates: dict[str, date] = {}
    expect_date, first, current = False, False, None
    for token in log.decode("utf-8", "surrogateescape").split("\0"):
        if token == "":  # names are never empty: a new commit's date follows
            expect_date = True
        elif expect_date:
            expect_date, first = False, True
            current = date.fromisoformat(token) if _DAY.fullmatch(token) else None
        else:
            name = token[1:] if first and token.startswith("\n") else token
            first = False
            path = targets.get(name)
            if path is not None and path not in dates and current is not None:
                dates[path] = current  # the log is newest first
                if len(dates) == len(targets):
                    break
    return dates


def _changed_paths(status: bytes) -> set[str]:
    """Paths `git status --porcelain -z` lists (modified, added, untracked...),
    relative to the repository's top folder."""
    changed: set[str] = set()
    entries = status.decode("utf-8", "surrogateescape").split("\0")
    index = 0
    while index < len(entries):
        entry = entries[index]
        index += 1
        if len(entry) < 4:
            continue
        changed.add(entry[3:])
        if entry[0] in "RC":  # a rename or copy: the original path follows
            changed.add(entries[index] if index < len(entries) else "")
            index += 1
    return changed


def _git(root: Path, *args: str) -> bytes | None:
    """The output of one git command, or None if it could not be run."""
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
    try:
        proc = subprocess.run(["git", "-C", str(root), "-c", "core.quotepath=off",
                               "--no-pager", *args],
                              capture_output=True, timeout=GIT_TIMEOUT, env=env,
                              stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError, ValueError):
        return None
    return proc.stdout if proc.returncode == 0 else None


def _modified(path: Path) -> date | None:
    try:
        return date.fromtimestamp(path.stat().st_mtime)
    except (OSError, ValueError, OverflowError):
        return None


# -- edit links -------------------------------------------------------------

def edit_base(repo_url: str | None, edit_uri: str | None, docs_dir: str | None) -> str | None:
    """The URL that a source path relative to the repository root is appended
    to, from MkDocs' `repo_url` and `edit_uri`; None when there is no link.

    `edit_uri` is relative to `repo_url` and points at `docs_dir`
    (`edit/main/content/`), while xinyu's sources live beside it: a trailing
    `docs_dir` is removed (`edit/main/`). An `edit_uri` that does not end
    with `docs_dir` is taken to point at the repository root. Only an
    http(s) result is a link.
    """
    if not repo_url or not edit_uri:
        return None
    uri = edit_uri if edit_uri.endswith("/") else edit_uri + "/"
    docs = (docs_dir or "").strip("/")
    if docs and docs != "." and not docs.startswith(".."):
        if uri == f"{docs}/":
            uri = ""
        elif uri.endswith(f"/{docs}/"):
            uri = uri[:-len(docs) - 1]
    if not uri.startswith(("?", "#")) and not repo_url.endswith("/"):
        repo_url += "/"
    try:
        base = urljoin(repo_url, uri) if uri else repo_url
        parts = urlsplit(base)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return base


def edit_url(base: str | None, path: str) -> str | None:
    """The link that edits `path` (relative to the repository root)."""
    if base is None:
        return None
    return base + quote(path, safe="/")
