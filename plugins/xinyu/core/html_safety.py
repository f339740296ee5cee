"""Unsafe HTML in contributed Markdown: nh3 removes it from the rendered
page, and the scanner here tells the editor, with path and line, what was
removed — both from the same allowlists, so the report matches the page."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import nh3
from markupsafe import Markup

from .problems import Problem, warning

TAGS = frozenset(nh3.ALLOWED_TAGS | {"section", "figure", "figcaption", "nav", "main", "caption",
                                     "details", "summary", "mark", "time",
                                     # inert without scripts: on* attributes are removed
                                     "button"})
GLOBAL_ATTRIBUTES = frozenset({"class", "id", "title", "lang", "dir", "role", "hidden"})
ATTRIBUTES = {
    "*": set(GLOBAL_ATTRIBUTES),
    "a": {"href", "name"},
    "img": {"src", "alt", "width", "height", "loading"},
    "th": {"colspan", "rowspan", "scope", "align"},
    "td": {"colspan", "rowspan", "align"},
    "ol": {"start", "type", "reversed"},
    "col": {"span"},
    "colgroup": {"span"},
    "time": {"datetime"},
    "details": {"open"},
    "abbr": {"title"},
    "button": {"type"},
}
ATTRIBUTE_PREFIXES = ("data-", "aria-")
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
URL_ATTRIBUTES = frozenset({"href", "src"})

_CODE_FENCE = re.compile(r"^[ \t]*(```|~~~)")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_MARKDOWN_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)")
# attr_list blocks such as `{: onclick="..." }` set attributes without raw HTML
_ATTR_LIST = re.compile(r"\{:?\s*([^{}\n]*)\}")
_ATTR_NAME_IN_LIST = re.compile(r"(?:^|\s)([A-Za-z_:][-\w:.]*)\s*=")
_ATTRIBUTE_NAME = re.compile(r"[a-zA-Z_:][-a-zA-Z0-9_:.]*")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")


def sanitize(html: str) -> str:
    return nh3.clean(html, tags=set(TAGS), attributes={k: set(v) for k, v in ATTRIBUTES.items()},
                     url_schemes=set(URL_SCHEMES), generic_attribute_prefixes=set(ATTRIBUTE_PREFIXES),
                     link_rel=None, strip_comments=True)


def plain_title(title: str) -> str:
    """A page title that is safe both as HTML and after a theme unescapes it
    into <title> (Material's `striptags` does): tags removed, and < > &
    replaced by their full-width forms."""
    text = Markup(title).striptags()
    return text.replace("<", "＜").replace(">", "＞").replace("&", "＆")


def unsafe_scheme(url: str) -> str | None:
    """The scheme of a URL that would be removed, or None for a safe URL."""
    compact = re.sub(r"[\x00-\x20]", "", url)
    match = _SCHEME.match(compact)
    if match and match[1].lower() not in URL_SCHEMES:
        return match[1].lower()
    return None


def scan_markdown(body: str, first_line: int, path: str) -> list[Problem]:
    """Warnings for each piece of raw HTML or link that `sanitize` removes."""
    text = _blank_code(body)
    finder = _UnsafeFinder(path, first_line)
    finder.feed(text)
    finder.close()
    problems = finder.problems
    for offset, line in enumerate(text.split("\n")):
        for match in _ATTR_LIST.finditer(line):
            names = [n for n in _ATTR_NAME_IN_LIST.findall(match[1])
                     if n not in ATTRIBUTES["*"] and not n.startswith(ATTRIBUTE_PREFIXES)]
            if names:
                listed = ", ".join(f"'{n}'" for n in names)
                problems.append(warning(path, first_line + offset,
                                        f"unsafe HTML removed: {listed} in an attribute list",
                                        match.start() + 1))
        for match in _MARKDOWN_LINK.finditer(line):
            scheme = unsafe_scheme(match[1])
            if scheme:
                problems.append(warning(path, first_line + offset,
                                        f"unsafe HTML removed: a '{scheme}:' link", match.start(1) + 1))
    return sorted(problems, key=lambda p: (p.line, p.col))


def _blank_code(body: str) -> str:
    """Code is shown as text, never run: blank it out, keeping line numbers."""
    lines, fence = [], None
    for line in body.split("\n"):
        match = _CODE_FENCE.match(line)
        if match and (fence is None or fence == match[1]):
            fence = None if fence else match[1]
            lines.append("")
        elif fence:
            lines.append("")
        else:
            lines.append(_CODE_SPAN.sub(lambda m: " " * len(m[0]), line))
    return "\n".join(lines)


class _UnsafeFinder(HTMLParser):
    def __init__(self, path: str, first_line: int) -> None:
        super().__init__(convert_charrefs=True)
        self.path, self.first_line = path, first_line
        self.problems: list[Problem] = []

    def _report(self, message: str) -> None:
        line, col = self.getpos()
        self.problems.append(warning(self.path, self.first_line + line - 1,
                                     f"unsafe HTML removed: {message}", col + 1))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not tag.isalnum() or any(not _ATTRIBUTE_NAME.fullmatch(name) for name, _ in attrs):
            return  # an autolink such as <https://...> or text like a<b, not HTML
        if tag not in TAGS:
            self._report(f"<{tag}> element")
            return
        allowed = ATTRIBUTES["*"] | ATTRIBUTES.get(tag, set())
        for name, value in attrs:
            if name not in allowed and not name.startswith(ATTRIBUTE_PREFIXES):
                self._report(f"'{name}' attribute of <{tag}>")
            elif name in URL_ATTRIBUTES and value and unsafe_scheme(value):
                self._report(f"'{unsafe_scheme(value)}:' URL in <{tag} {name}>")

    handle_startendtag = handle_starttag
