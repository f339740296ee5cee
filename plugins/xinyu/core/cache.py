"""What one build remembers for the next in the same process (`mkdocs serve`
rebuilds after every save): the load result of each content file and the
scan of each file in docs_dir, so a rebuild parses, validates and
privacy-scans only the files that changed.

A result is reused only when everything it was computed from is the same:
the file's bytes (a content digest, so an edit within the file system's
timestamp resolution is never missed), the settings and the privacy guard,
and every file its links reach (attachments are scanned, linked pages must
exist), compared by their file-system signature. Checks across files
(duplicate slugs, collection and lecturer references, coverage) are never
cached: the library runs them over all entries on every build. Nothing is
kept on disk, so a separate `mkdocs build` starts from nothing.

The inputs of `loader.load_entry` and `library._scan_page_file` are listed
here: one they gain (another file read) must be added, or a change to it
goes unseen.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import posixpath
import stat
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Hashable, Iterable
from urllib.parse import unquote, urlsplit

from .markdown import links
from .source import split_front_matter

if TYPE_CHECKING:
    from .loader import Entry
    from .privacy import Allowance, PrivacyGuard
    from .problems import Problem
    from .schema import Kind
    from .vocabulary import Settings

Signature = tuple[int, ...] | None
Scan = tuple  # (problems, allowances)



@dataclass(frozen=True)
class _Loaded:
    context: tuple
    at_ns: int  # when it was computed
    digest: bytes
    dependencies: tuple[tuple[Path, Signature], ...]
    result: tuple


# A change within a file system's timestamp resolution of the last read is
# found by the content digest; later ones change the inode change time.
_MARGIN_NS = 2_000_000_000

# absolute path -> the last result for that file (one slot a file): an entry
# loaded from a content folder, or a file of docs_dir scanned
_ENTRIES: dict[str, _Loaded] = {}


def load_entry_cached(root: Path, abs_path: Path, path: str, kind: Kind, settings: Settings,
                      guard: PrivacyGuard, done: tuple | None = None
                      ) -> tuple[Entry | None, list[Problem], list[Allowance]]:
    """`loader.load_entry`, reused while its inputs are unchanged; the
    caller gets its own lists and entry to extend. Its inputs: the file,
    the files its links reach (checked, scanned), the settings, the guard.
    `done`: load_entry's result, computed just before by a worker: used as
    it is and not kept (the file may have changed since the worker read it)."""
    from .loader import load_entry  # the loader imports this module

    if done is not None:
        return done
    return _cached(abs_path, (root, path, kind.key, *_context(settings, guard)),
                   lambda data: _linked(root, path, data),
                   lambda: load_entry(root, abs_path, path, kind, settings, guard))


def scan_file_cached(root: Path, path: str, guard: PrivacyGuard, scan: Callable[[], Scan],
                     *context: Hashable) -> Scan:
    """`scan()` of the file `path` in docs_dir (its name, type, size and
    text), reused while the file, the folders to it and `context` are unchanged."""
    parts = path.split("/")
    folders = [root / "/".join(parts[:i]) for i in range(1, len(parts))]
    return _cached(root / path, (root, path, guard_fingerprint(guard), *context),
                   lambda data: folders, scan)


def _cached(abs_path: Path, context: tuple, dependencies: Callable[[bytes], Iterable[Path]],
            compute: Callable[[], tuple]) -> tuple:
    key = str(abs_path)
    known = _ENTRIES.get(key)
    if known is not None and (known.context != context or
                              any(signature(p) != s for p, s in known.dependencies)):
        known = None
    # The file's own signature (first of the dependencies) is unchanged: when its
    # inode last changed well before the result was computed, the bytes are too.
    own = known.dependencies[0][1] if known is not None else None
    if own is not None and len(own) == 5 and own[-1] < known.at_ns - _MARGIN_NS:
        return _copy(known.result)
    at_ns = time.time_ns()
    try:
        data = abs_path.read_bytes()
    except (OSError, ValueError):
        return compute()  # it reports why
    digest = hashlib.blake2b(data, digest_size=20).digest()
    if known is not None and known.digest == digest:
        return _copy(known.result)
    try:
        # Taken before computing: a file that changes meanwhile is read again next time.
        depends = tuple((p, signature(p)) for p in (abs_path, *dependencies(data)))
    except ValueError:  # a link urlsplit cannot read: never cached
        _ENTRIES.pop(key, None)
        return compute()
    result = compute()
    _ENTRIES[key] = _Loaded(context, at_ns, digest, depends, _copy(result))
    return result


def guard_fingerprint(guard: PrivacyGuard) -> bytes:
    """Everything a privacy scan's result depends on besides the text."""
    names = guard.names
    text = "\n".join([names.salt, *sorted(names.hashes), "",
                      *sorted("\t".join(key) for key in guard.allowed)])
    return hashlib.blake2b(text.encode("utf-8"), digest_size=20).digest()


def signature(path: Path) -> Signature:
    """How a file looks to the file system (None: missing); a folder only by
    identity, so adding a file beside it changes nothing."""
    try:
        info = os.lstat(path)
    except (OSError, ValueError):
        return None
    if stat.S_ISDIR(info.st_mode):
        return (info.st_mode, info.st_ino)
    return (info.st_mode, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def clear() -> None:
    _ENTRIES.clear()
    _CONTEXT.clear()


# The last (settings, guard) fingerprinted: the objects (kept, so their ids
# stay theirs), what can grow in the guard, and the fingerprint.
_CONTEXT: list[tuple[Settings, PrivacyGuard, tuple[int, int], tuple[str, bytes]]] = []


def _context(settings: Settings, guard: PrivacyGuard) -> tuple[str, bytes]:
    sizes = (len(guard.allowed), len(guard.names.hashes))  # a guard only ever grows
    if _CONTEXT and _CONTEXT[0][0] is settings and _CONTEXT[0][1] is guard and \
            _CONTEXT[0][2] == sizes:
        return _CONTEXT[0][3]
    context = (repr(settings), guard_fingerprint(guard))
    _CONTEXT[:] = [(settings, guard, sizes, context)]
    return context


def _linked(root: Path, path: str, data: bytes) -> list[Path]:
    """Every file a link in the source may reach, and the folders on the way:
    the links the loader follows (the same reader), each with its folders."""
    folder = posixpath.dirname(path)
    found: dict[Path, None] = {}
    text = data.decode("utf-8", errors="replace")
    source, _ = split_front_matter(text.replace("\r\n", "\n").replace("\r", "\n"), path)
    # The links the loader follows are those of the one Markdown reader in the body.
    for link in links(source.body if source else text):
        parts = urlsplit(link.target)
        if parts.scheme or parts.netloc or not parts.path:
            continue
        target = posixpath.normpath(posixpath.join(folder, unquote(parts.path).lstrip("/")))
        while target not in ("", ".", "/"):
            found[root / target] = None
            target = posixpath.dirname(target)
    return list(found)


def _copy(result: tuple) -> tuple:
    """A result the caller may extend: its own lists (and entry)."""
    if len(result) == 2:  # (problems, allowances)
        return list(result[0]), list(result[1])
    entry, problems, allowances = result
    if entry is not None:
        entry = dataclasses.replace(entry, meta=dict(entry.meta), lines=dict(entry.lines),
                                    page_links=dict(entry.page_links))
    return entry, list(problems), list(allowances)
