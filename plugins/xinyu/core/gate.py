"""The output gate: the last word on what is published.

After the site is built, every published file is read the way a visitor (or
a search engine) would read it and checked again, after every transformation
that Markdown, the sanitiser, the theme and the search index applied:

- every file and folder name (percent-decoded);
- every HTML page: its visible text (tags removed, entities decoded), every
  attribute value, inline scripts; and the rules that keep contributed
  script from running: no event-handler attributes, no `javascript:` URLs,
  no tooltip `title` that Material would render as HTML, one `#__config`,
  no active elements inside the content of a page built from contributions;
- every JSON file (search index, catalogue), sitemap and text file;
- the text of every document (office XML, PDF);
- a file of a type that cannot be checked fails the gate (fails closed).

Files the theme and the plugin ship (`trusted`) are checked by name only.
Each hit names the published file, the source it came from (with its line
where it can be found) and the value masked.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import io
import stat
import time
import zipfile
from concurrent.futures import Future
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Sequence
from urllib.parse import unquote

from .cache import guard_fingerprint
from .extract import (IMAGE_TYPES, MEDIA_TYPES, OFFICE_TYPES, TAGGED_MEDIA_TYPES, Unreadable,
                      decode_any, extract_text)
from .normalise import readings as both_readings
from .parallel import Background, can_fork, shared_state
from .privacy import RULES, Finding, PrivacyGuard, mask
from .problems import Problem
from .rules import report

_BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl",
    "dt", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "main", "nav", "ol", "option", "p", "pre", "section", "select", "summary",
    "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul", "label", "button",
    "head", "body", "html", "meta", "link", "script", "style", "input", "textarea",
})
_LINE_BREAKS = frozenset({"br"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "source", "track", "wbr", "param"})
# Never inside the content of a page built from contributions.
ZIP_MEMBER_MAX = 200 * 1024 * 1024
_ACTIVE = frozenset({"script", "style", "iframe", "frame", "frameset", "object", "embed",
                     "applet", "base", "link", "meta", "form", "input", "textarea", "select",
                     "template", "portal", "noscript"})
# Allowed on pages built only from escaped values (filters, the order form).
_FORM_TAGS = frozenset({"form", "input", "textarea", "select"})


def _is_tool_data(tag: str, values: dict[str, str | None]) -> bool:
    """A tool page's data (tools.py): JSON that never runs, written by
    tools.script_json so no value can close the element; its text is read
    like any other."""
    return tag == "script" and values.get("type") == "application/json" \
        and re.fullmatch(r"xinyu-[a-z0-9-]+-data", values.get("id") or "") is not None


_URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "data",
                             "poster", "background", "srcset", "cite"})
_BAD_SCHEME = re.compile(r"^\s*(?:javascript|vbscript|data|livescript)\s*:", re.I)
_TEXT_TYPES = frozenset({".txt", ".csv", ".tsv", ".md", ".xml"})
_STRIP_CONTROL = re.compile(r"[\x00-\x20]+")
# An inline icon's geometry is numbers no reader sees (the theme's repository
# icon has a path that reads like a phone number); contributed HTML never
# keeps <svg> (the sanitizer's allowlist has none), so only the theme's remain.
_SVG_SHAPES = frozenset({"svg", "path", "g", "circle", "ellipse", "line", "polygon",
                         "polyline", "rect", "use", "symbol"})
_GEOMETRY = frozenset({"d", "viewbox", "points", "transform", "x", "y", "x1", "x2", "y1", "y2",
                       "cx", "cy", "r", "rx", "ry", "width", "height"})


@dataclass
class _Page:
    content: str = ""  # the text of the page's content, read as a whole
    texts: list[str] = field(default_factory=list)  # the theme's parts, block by block
    attributes: list[str] = field(default_factory=list)
    unsafe: list[str] = field(default_factory=list)


class _Reader(HTMLParser):
    """Visible text, attribute values and unsafe constructs of one page."""

    def __init__(self, contributed: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.contributed = contributed
        self.page = _Page()
        self.text: list[str] = []  # inside the content
        self.chrome: list[str] = []  # outside it
        self.content_depth = 0  # > 0 inside <article class="md-content__inner">
        self.configs = 0
        self.in_script = False
        self.in_annotation = False  # ruby text (pinyin above the characters)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if self.content_depth and tag not in _VOID:
            self.content_depth += 1
        elif tag == "article" and "md-content__inner" in (values.get("class") or ""):
            self.content_depth = 1
        if self.content_depth and tag in _ACTIVE and (self.contributed or tag not in _FORM_TAGS) \
                and not (not self.contributed and _is_tool_data(tag, values)):
            self.page.unsafe.append(f"页面内容中的 <{tag}> 元素")
        for name, value in attrs:
            value = value or ""
            if value and not (name in _GEOMETRY and tag in _SVG_SHAPES):
                self.page.attributes.append(value)
            if name.startswith("on"):
                self.page.unsafe.append(f"<{tag}> 上的事件属性 {name}")
            elif name in _URL_ATTRIBUTES and _BAD_SCHEME.match(_STRIP_CONTROL.sub("", value)):
                self.page.unsafe.append(f"<{tag} {name}> 中的脚本链接")
            elif name == "title" and ("<" in value or "&" in value):
                self.page.unsafe.append(f"<{tag}> 上会被主题当作 HTML 显示的 title")
            elif name == "id" and value == "__config":
                self.configs += 1
                if tag != "script":
                    self.page.unsafe.append(f"会替换主题配置的 <{tag} id=\"__config\">")
            elif name == "id" and self.content_depth and value.startswith("__"):
                self.page.unsafe.append(f"页面内容中的保留 id“{value}”")
        self._break(tag)
        if tag == "img" and self.content_depth:
            self.text.append(values.get("alt") or "")  # shown in place when the image is missing
        self.in_script = tag in ("script", "style")
        if tag in ("rt", "rp"):
            self.in_annotation = True

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if self.content_depth and tag not in _VOID:
            self.content_depth -= 1

    def handle_endtag(self, tag: str) -> None:
        if self.content_depth and tag not in _VOID:
            self.content_depth -= 1
        self._break(tag)
        self.in_script = False
        if tag in ("rt", "rp"):
            self.in_annotation = False

    def _break(self, tag: str) -> None:
        if tag not in _BLOCK:
            return
        if self.content_depth:
            # a cell or a line break continues a line of text; other blocks end it
            self._push("\n" if tag in _LINE_BREAKS else "\n\n")
        elif self.chrome and self.chrome[-1]:
            self.chrome.append("")

    def handle_data(self, data: str) -> None:
        if self.in_annotation:
            self.page.texts.append(data)  # read on its own, not between the characters
        elif self.in_script:
            self.page.texts.append(data)  # a script's text is read on its own
        elif self.content_depth:
            if data.strip(" \t\n\r"):
                self.text.append(data)
            elif "\n" in data:
                self._push("\n")
        elif self.chrome:
            self.chrome[-1] += data
        else:
            self.chrome.append(data)

    def _push(self, separator: str) -> None:
        if self.text and not self.text[-1].strip(" \t\n\r"):
            if len(separator) > len(self.text[-1]):
                self.text[-1] = separator
        else:
            self.text.append(separator)

    def result(self) -> _Page:
        self.page.content = "".join(self.text)
        self.page.texts += [text for text in self.chrome if text.strip()]
        if self.configs > 1:
            self.page.unsafe.append("不止一个 id 为 \"__config\" 的元素")
        return self.page


_DIGIT = re.compile(r"[0-9]")
_LABELS = re.compile(r"(?i)qq|vx|wx|weixin|wechat|[\[({<]\s*(?:at|dot)")


def _plainly_harmless(text: str) -> bool:
    """ASCII text with fewer than five digits, no '@', no percent-encoding
    and no QQ/WeChat label cannot hold anything the guard looks for."""
    return text.isascii() and "@" not in text and "%" not in text and "&" not in text \
        and len(_DIGIT.findall(text)) < 5 and not _LABELS.search(text)


@dataclass
class Manifest:
    """The regular files one check saw (inode, size, times, how it was read)
    and when it started."""

    started_ns: int
    files: dict[str, tuple[int, int, int, int, bool]]

    # A change (even within a file system's timestamp resolution) after the
    # check started shows in the inode change time, which nothing can set back.
    MARGIN_NS = 2_000_000_000

    def unchanged(self, relative: str, now: "Manifest", info: os.stat_result) -> bool:
        return self.files.get(relative) == now.files[relative] and \
            info.st_ctime_ns < self.started_ns - self.MARGIN_NS


class Gate:
    """Checks a built site; `sources` are the repository files it was built
    from, read again only to say where a hit came from."""

    def __init__(self, guard: PrivacyGuard, root: Path, sources: list[str],
                 memo: dict[tuple[str, bool], Sequence[Finding]] | None = None) -> None:
        """`memo`: findings by text, shared by gates with the same guard."""
        self.guard = guard
        self.root = root
        self.sources = sources
        self._seen_names: set[str] = set()
        self._cache: dict[tuple[str, bool], Sequence[Finding]] = {} if memo is None else memo
        self._remember_all = memo is not None  # whole pages too: most are the same next build
        self._normalised_sources: dict[str, str] = {}
        self._source_readings: dict[str, tuple[str, str]] = {}
        self.manifest = Manifest(0, {})
        self._early: EarlyReading | None = None

    def check(self, site_dir: Path, trusted: set[str], generated: set[str],
              label: str = "site", previous: Manifest | None = None,
              early: "EarlyReading | None" = None) -> list[Problem]:
        """`trusted`: files the theme and plugin ship (checked by name only);
        `generated`: pages built only from escaped values (forms allowed).
        `previous`: the manifest of a check of this site_dir that passed, with
        the same guard (a `--dirty` rebuild): a file it lists, untouched since,
        is not read again; every name and every other file is checked.
        `early`: pages already read while the site was being built; a page is
        taken from it only when the file holds exactly the bytes read."""
        problems: list[Problem] = []
        self._early = early
        site_dir = site_dir.resolve()
        self.manifest = manifest = Manifest(time.time_ns(), {})
        for folder, dirs, names in os.walk(site_dir, followlinks=False):
            dirs.sort()
            for name in sorted(dirs + names):
                path = Path(folder) / name
                relative = path.relative_to(site_dir).as_posix()
                where = f"{label}/{relative}"
                problems += self._name(where, name)
                try:
                    info = path.lstat()
                except OSError as exc:
                    problems.append(report("gate-unreadable", where, 0, reason=exc.strerror))
                    continue
                if stat.S_ISLNK(info.st_mode):
                    problems.append(report("gate-link", where, 0))
                elif stat.S_ISREG(info.st_mode) and relative not in trusted:
                    manifest.files[relative] = (info.st_ino, info.st_size, info.st_mtime_ns,
                                                info.st_ctime_ns, relative in generated)
                    if previous is None or not previous.unchanged(relative, manifest, info):
                        problems += self._file(path, where, relative, relative in generated)
        return [self.guard.redact_problem(p) for p in problems]

    def _name(self, where: str, name: str) -> list[Problem]:
        if name in self._seen_names:
            return []
        self._seen_names.add(name)
        return [self._hit(where, f, "（在文件名或文件夹名中）")
                for f in self.guard.find_all(unquote(name), markup=False)]

    def _file(self, path: Path, where: str, relative: str, generated: bool) -> list[Problem]:
        suffix = path.suffix.lower()
        try:
            data = path.read_bytes()
            if suffix == ".gz":
                data = gzip.decompress(data)
                suffix = Path(path.stem).suffix.lower()
            if suffix == ".zip":
                return self._zip(data, where)
            return self._data(path, suffix, data, where, relative, generated)
        except (OSError, ValueError, EOFError, Unreadable, zipfile.BadZipFile) as exc:
            return [report("gate-unreadable", where, 0, reason=exc)]

    def _zip(self, data: bytes, where: str) -> list[Problem]:
        """A bundle of an entry's materials (pages.materials_zip): every
        member's name and content is read like a published file; a member of
        a type that cannot be checked, a nested archive or one larger than
        ZIP_MEMBER_MAX fails the gate."""
        problems: list[Problem] = []
        with zipfile.ZipFile(io.BytesIO(data)) as bundle:
            for member in bundle.infolist():
                inside = f"{where}!{member.filename}"
                for part in member.filename.split("/"):
                    problems += self._name(inside, part)
                if member.is_dir():
                    continue
                if member.file_size > ZIP_MEMBER_MAX:
                    problems.append(report("gate-unreadable", inside, 0, reason="文件过大，无法检查"))
                    continue
                name = Path(member.filename)
                suffix = name.suffix.lower()
                if suffix in (".zip", ".gz", ".html", ".htm", ".json"):
                    problems.append(report("gate-unchecked-type", inside, 0, suffix=suffix))
                    continue
                problems += self._data(name, suffix, bundle.read(member), inside, inside, False)
        return problems

    def _data(self, path: Path, suffix: str, data: bytes, where: str, relative: str,
              generated: bool) -> list[Problem]:
        try:
            if suffix in (".html", ".htm"):
                read = self._early.take(relative, data, generated) if self._early else None
                if read is None:
                    read = self.read_html(decode_any(data), generated)
                return self._page_problems(where, *read)
            if suffix == ".json":
                return self._json(data, where)
            if suffix in _TEXT_TYPES or path.name == "CNAME":
                return self._text(decode_any(data), where, markup=suffix in (".md", ".xml"))
            if suffix in OFFICE_TYPES | IMAGE_TYPES | TAGGED_MEDIA_TYPES or suffix == ".pdf":
                return self._text(extract_text(path, data) or "", where, markup=False)
            if suffix in MEDIA_TYPES:
                return []
        except (OSError, ValueError, EOFError, Unreadable) as exc:
            return [report("gate-unreadable", where, 0, reason=exc)]
        return [report("gate-unchecked-type", where, 0, suffix=suffix or path.name)]

    def read_html(self, html: str, generated: bool) -> tuple[list[str], list[tuple[Finding, str]]]:
        """One page read as a visitor reads it: what is unsafe on it, and the
        findings in its text and attribute values (each with how it was found)."""
        reader = _Reader(contributed=not generated)
        reader.feed(html)
        reader.close()
        page = reader.result()
        found = [(f, "") for f in self._find(page.content, cache=False)]
        for text in page.texts:
            found += [(f, "") for f in self._find(text)]
        for value in page.attributes:
            found += [(f, "（在属性值中）") for f in self._find(value)]
        return list(dict.fromkeys(page.unsafe)), found

    def _page_problems(self, where: str, unsafe: list[str],
                       found: list[tuple[Finding, str]]) -> list[Problem]:
        return [report("gate-unsafe-html", where, 0, what=what) for what in unsafe] + \
            [self._hit(where, finding, how) for finding, how in found]

    def _find(self, text: str, markup: bool = False, cache: bool = True) -> Sequence[Finding]:
        """Findings in one published text; the theme's repeated parts
        (navigation, labels, links) are read once."""
        if not cache and not self._remember_all:
            return [] if _plainly_harmless(text) else self.guard.find_all(text, markup)
        key = (text, markup)
        found = self._cache.get(key)
        if found is None:
            # A tuple: the collector never walks the (mostly empty) results a memo keeps.
            found = () if _plainly_harmless(text) else tuple(self.guard.find_all(text, markup))
            self._cache[key] = found
        return found

    def _json(self, data: bytes, where: str) -> list[Problem]:
        strings: list[str] = []
        pending = [json.loads(data.decode("utf-8"))]
        while pending:  # every key and string in order, however deep (a search index: 100 000)
            value = pending.pop()
            if isinstance(value, str):
                strings.append(value)
            elif isinstance(value, dict):
                for key, item in reversed(value.items()):
                    pending += (item, str(key))
            elif isinstance(value, list):
                pending += reversed(value)
        problems = []
        for text in strings:
            if found := self._find(text, "<" in text):
                problems += [self._hit(where, f) for f in found]
        return problems

    def _text(self, text: str, where: str, markup: bool) -> list[Problem]:
        return [self._hit(where, f) for f in self._find(text, markup, cache=False)]

    def _hit(self, where: str, finding: Finding, how: str = "") -> Problem:
        origin = self._origin(finding)
        source = f"（来自 {origin}）" if origin else ""
        return report("gate-personal-data", where, 0, what=RULES[finding.rule],
                      found=mask(finding.value), how=how, source=source)

    def _origin(self, finding: Finding) -> str:
        """The source file (and line) a published value came from."""
        for path in self.sources:
            if path not in self._normalised_sources:
                try:
                    text = decode_any((self.root / path).read_bytes())
                except (OSError, Unreadable):
                    text = ""
                self._normalised_sources[path] = text
            text = self._normalised_sources[path]
            if not text:
                continue
            markup = path.endswith(".md")
            readable = finding.rule in ("name", "bidi")
            if not readable and not any(finding.value in reading
                                        for reading in self._readings(path, text, markup)):
                continue
            for hit in self.guard.hits(text, 1, markup):
                if hit.rule == finding.rule and hit.text == finding.value:
                    return f"{path}:{hit.line}"
            if not readable:
                return path
        return ""

    def _readings(self, path: str, text: str, markup: bool) -> tuple[str, str]:
        """A source's two normalised readings, computed once a check (a
        build with many findings asked again for every finding and file)."""
        readings = self._source_readings.get(path)
        if readings is None:
            readings = self._source_readings[path] = both_readings(text, markup)  # one pass
        return readings


class EarlyReading:
    """The gate's reading of the pages, done in a second process while the
    build goes on: the page is handed over as the bytes to be written, and
    the gate takes the reading only if the published file holds exactly
    those bytes (anything changed after, by anyone, is read again) and the
    worker's guard is the gate's (one that learnt a name or an allowance
    since reads again). A page whose reading failed, or a worker that died,
    is read by the gate itself; so the result is the gate's in every case,
    only sooner. When the workers are behind, the build's process reads
    the next page itself (core/parallel.Background.hand_over). Construct
    it before `background.start()`."""

    def __init__(self, guard: PrivacyGuard, background: Background) -> None:
        self._guard = guard
        self._background = background
        background.shared["gate-guard"] = guard
        self._pages: dict[str, tuple[bytes, bool, Future]] = {}
        self._fingerprint: bytes | None = None  # of the guard at the gate's time
        self._local: Gate | None = None  # reads here when the workers are behind
        self._local_state: tuple[int, int] | None = None  # the guard's sizes at _local_fingerprint
        self._local_fingerprint = b""

    @staticmethod
    def possible() -> bool:
        """A second core, and a process that can be forked safely (see
        core/parallel.py). Elsewhere the gate reads every page itself."""
        return can_fork()

    def submit(self, relative: str, data: bytes, generated: bool) -> None:
        future = self._background.hand_over(_read_early, data, generated)
        if future is None:  # read here, now, rather than waiting for the workers
            try:
                reading = self._gate().read_html(decode_any(data), generated)
            except Exception:  # noqa: BLE001 - the gate reads it itself, and says what it says
                return
            future = Future()
            future.set_result((self._guard_now(), reading))
        self._pages[relative] = (hashlib.sha256(data).digest(), generated, future)

    def _guard_now(self) -> bytes:
        """The guard's fingerprint, worked out again only when it has grown
        (PrivacyGuard.size)."""
        state = self._guard.size()
        if self._local_state != state:
            self._local_state, self._local_fingerprint = state, guard_fingerprint(self._guard)
        return self._local_fingerprint

    def _gate(self) -> Gate:
        if self._local is None:
            self._local = Gate(self._guard, Path("."), [])
        return self._local

    def take(self, relative: str, data: bytes, generated: bool):
        """The reading of `relative` if it was of these bytes, else None."""
        entry = self._pages.pop(relative, None)
        if entry is None or entry[1] != generated or entry[0] != hashlib.sha256(data).digest():
            return None
        try:
            fingerprint, reading = self._background.result(entry[2])
        except Exception:  # noqa: BLE001 - a broken or stuck worker: the gate reads the page itself
            return None
        if self._fingerprint is None:
            self._fingerprint = guard_fingerprint(self._guard)
        return reading if fingerprint == self._fingerprint else None

    def close(self) -> None:
        self._pages.clear()


_EARLY_GATE: tuple[Gate, bytes] | None = None  # in the worker: its gate and its guard's fingerprint


def _read_early(data: bytes, generated: bool):
    global _EARLY_GATE
    if _EARLY_GATE is None:
        guard = shared_state("gate-guard")
        _EARLY_GATE = Gate(guard, Path("."), []), guard_fingerprint(guard)
    gate, fingerprint = _EARLY_GATE
    return fingerprint, gate.read_html(decode_any(data), generated)
