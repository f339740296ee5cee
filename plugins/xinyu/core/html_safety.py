"""Unsafe HTML in contributed Markdown: nh3 removes it from the rendered
page, and the scanner here tells the editor, with path and line, what was
removed — both from the same allowlists, so the report matches the page."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import nh3
from markupsafe import Markup

from .markdown import links, prose
from .problems import Problem
from .rules import report

TAGS = frozenset((nh3.ALLOWED_TAGS - {"bdo", "bdi"}) | {"section", "figure", "figcaption", "nav", "main", "caption",
                                     "details", "summary", "mark", "time",
                                     # inert without scripts: on* attributes are removed
                                     "button"})
GLOBAL_ATTRIBUTES = frozenset({"class", "id", "title", "lang", "role"})
# The plugin's own templates may also hide an element until a script shows it.
TEMPLATE_ATTRIBUTES = frozenset({"hidden", "dir", "translate"})  # translate="no": course numbers
# ... and play an attachment's video, and offer a file as a download (the 下载 box).
TEMPLATE_TAGS = frozenset({"video"})
TEMPLATE_ELEMENT_ATTRIBUTES = {"video": {"src", "poster", "controls", "preload"}, "a": {"download"}}
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

_LONE_LT = re.compile(r"<(?![A-Za-z/!?][^<>]{0,2000}>)")
# attr_list blocks such as `{: onclick="..." }` set attributes without raw HTML
_ATTR_LIST = re.compile(r"\{:?\s*([^{}\n]*)\}")
_ATTR_NAME_IN_LIST = re.compile(r"(?:^|\s)([A-Za-z_:][-\w:.]*)\s*=")
_ATTRIBUTE_NAME = re.compile(r"[a-zA-Z_:][-a-zA-Z0-9_:.]*")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")


# Ids the theme and the plugin look up (`#__config`, `#__search`, `#xinyu-order`):
# a contributed element with one of them would be found first.
_RESERVED_ID = re.compile(r"^(?:__|xinyu|md-)", re.I)
_TOOLTIP_UNSAFE = str.maketrans({"<": "＜", ">": "＞", "&": "＆"})


def tooltip_text(value: str) -> str:
    """A title that Material's tooltips (which set it as innerHTML) show as
    typed and never run: < > & as their full-width forms."""
    return value.translate(_TOOLTIP_UNSAFE)


# Classes a contribution may use: the theme's button look. Others (xinyu-sr,
# md-visually-hidden...) could hide text from readers while it stays in the page.
_ALLOWED_CLASS = re.compile(r"^(?:md-button(?:--primary)?|[a-z][a-z0-9]*(?:-[a-z0-9]+)*)$")
_THEME_CLASS = re.compile(r"^(?:md-|xinyu-|mermaid$|arithmatex$|annotate$)")


def _attribute_filter(element: str, attribute: str, value: str) -> str | None:
    if attribute == "title":
        return tooltip_text(value)
    if attribute in ("id", "name") and _RESERVED_ID.match(value):
        return f"user-{value}"
    if attribute.startswith("data-md"):
        return None  # Material's components are mounted by data-md-* attributes
    if attribute == "class":
        kept = [c for c in value.split() if _ALLOWED_CLASS.match(c) and
                (not _THEME_CLASS.match(c) or c.startswith("md-button"))]
        return " ".join(kept) or None
    return value


def sanitize(html: str, contributed: bool = True) -> str:
    """Contributed HTML keeps the allowlist; the plugin's own template HTML
    (built from escaped values) may also hide elements and use its classes."""
    attributes = {k: set(v) for k, v in ATTRIBUTES.items()}
    tags = set(TAGS)
    if not contributed:
        attributes["*"] |= TEMPLATE_ATTRIBUTES
        for element, names in TEMPLATE_ELEMENT_ATTRIBUTES.items():
            attributes.setdefault(element, set()).update(names)
        tags |= TEMPLATE_TAGS
    return nh3.clean(html, tags=tags, attributes=attributes,
                     url_schemes=set(URL_SCHEMES), generic_attribute_prefixes=set(ATTRIBUTE_PREFIXES),
                     link_rel=None, strip_comments=True,
                     attribute_filter=_attribute_filter if contributed else _template_filter)


def _template_filter(element: str, attribute: str, value: str) -> str | None:
    return tooltip_text(value) if attribute == "title" else value


BODY_START, BODY_END = "<!--xinyu:body-->", "<!--/xinyu:body-->"
_BODY_MARKER = re.compile(r"<!--\s*/?\s*xinyu:body\s*-->", re.I)


def mark_body(markdown: str) -> str:
    """Contributed Markdown between markers, so the page's contributed part is
    sanitised strictly; a marker written in the contribution is removed."""
    return f"\n\n{BODY_START}\n\n{_BODY_MARKER.sub('', markdown)}\n\n{BODY_END}\n\n"


def sanitize_page(html: str) -> str:
    """A generated page: its template parts leniently, its contributed parts strictly."""
    parts = re.split(f"({re.escape(BODY_START)}|{re.escape(BODY_END)})", html)
    out, inside = [], False
    for part in parts:
        if part in (BODY_START, BODY_END):
            inside = part == BODY_START
            continue
        out.append(sanitize(part, contributed=inside))
    return "".join(out)


_TITLE_ATTRIBUTE = re.compile(r'(\stitle=")([^"]*)(")')


def safe_tooltips(output: str) -> str:
    """Every title attribute of a whole page (theme, generated and contributed
    parts alike) in a form the tooltips show as text."""
    def fix(match: re.Match) -> str:
        value = html.unescape(match[2])
        if not any(c in value for c in "<>&"):
            return match[0]
        return match[1] + html.escape(tooltip_text(value), quote=True) + match[3]

    return _TITLE_ATTRIBUTE.sub(fix, output)


# Front-matter keys of a hand-written page that the theme may use, and the
# values `hide` may take. Material writes meta values into the page without
# escaping (description, subtitle, status...) and MkDocs picks the template
# named by `template`, so a contributed page sets only these, escaped.
PAGE_META_KEYS = frozenset({"title", "description", "hide", "search"})
_HIDE = frozenset({"navigation", "toc", "footer", "path", "tags", "feedback"})


def safe_page_meta(meta: dict) -> tuple[dict, list[str]]:
    """(the meta a contributed page may have, the keys removed)."""
    safe: dict = {}
    removed = [str(key) for key in meta if key not in PAGE_META_KEYS]
    for key in PAGE_META_KEYS & set(meta):
        value = meta[key]
        if key in ("title", "description") and isinstance(value, (str, int, float)):
            safe[key] = str(escape_text(str(value)))
        elif key == "hide" and isinstance(value, list):
            safe[key] = [v for v in value if v in _HIDE]
        elif key == "search" and isinstance(value, dict) and set(value) <= {"exclude", "boost"}:
            safe[key] = {k: v for k, v in value.items()
                         if isinstance(v, (bool, int, float)) and not isinstance(v, str)}
        else:
            removed.append(str(key))
    return safe, sorted(removed)


def escape_text(text: str) -> Markup:
    """Plain text, escaped exactly once: for values a theme writes unescaped."""
    return Markup.escape(plain_title(text))


def plain_title(title: str) -> str:
    """A page title as plain text: tags removed, entities decoded once
    (`&#34;` shows as a quote). Escape it once where it is written."""
    return html.unescape(Markup(title).striptags())


def unsafe_scheme(url: str) -> str | None:
    """The scheme of a URL that would be removed, or None for a safe URL."""
    compact = re.sub(r"[\x00-\x20]", "", url)
    match = _SCHEME.match(compact)
    if match and match[1].lower() not in URL_SCHEMES:
        return match[1].lower()
    return None


def scan_markdown(body: str, first_line: int, path: str) -> list[Problem]:
    """Warnings for each piece of raw HTML or link that `sanitize` removes."""
    text = prose(body)
    found_links = list(links(body, first_line))
    for link in found_links:  # <target> of a link is its address, not a tag
        if link.start and text[link.start - 1] == "<":
            text = f"{text[:link.start - 1]}{' ' * (link.end - link.start + 2)}{text[link.end + 1:]}"
    finder = _UnsafeFinder(path, first_line)
    # A '<' that starts no complete tag is text; hidden from the parser, which
    # would otherwise rescan the rest of the file for each one.
    finder.feed(_LONE_LT.sub("\x00", text))
    finder.close()
    problems = finder.problems
    for offset, line in enumerate(text.split("\n")):
        for match in _ATTR_LIST.finditer(line):
            names = [n for n in _ATTR_NAME_IN_LIST.findall(match[1])
                     if n not in ATTRIBUTES["*"] and not n.startswith(ATTRIBUTE_PREFIXES)]
            if names:
                listed = "、".join(names)
                problems.append(report("unsafe-html", path, first_line + offset,
                                       match.start() + 1, what=f"属性列表中的 {listed}"))

    for link in found_links:
        if scheme := unsafe_scheme(link.target):
            problems.append(report("unsafe-link", path, link.line, link.col, scheme=scheme))
    return sorted(problems, key=lambda p: (p.line, p.col))


class _UnsafeFinder(HTMLParser):
    def __init__(self, path: str, first_line: int) -> None:
        super().__init__(convert_charrefs=True)
        self.path, self.first_line = path, first_line
        self.problems: list[Problem] = []

    def _report(self, message: str) -> None:
        line, col = self.getpos()
        self.problems.append(report("unsafe-html", self.path, self.first_line + line - 1,
                                    col + 1, what=message))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not tag.isalnum() or any(not _ATTRIBUTE_NAME.fullmatch(name) for name, _ in attrs):
            return  # an autolink such as <https://...> or text like a<b, not HTML
        if tag not in TAGS:
            self._report(f"<{tag}> 元素")
            return
        allowed = ATTRIBUTES["*"] | ATTRIBUTES.get(tag, set())
        for name, value in attrs:
            if name not in allowed and not name.startswith(ATTRIBUTE_PREFIXES):
                self._report(f"<{tag}> 的 {name} 属性")
            elif name in URL_ATTRIBUTES and value and unsafe_scheme(value):
                self._report(f"<{tag} {name}> 中的“{unsafe_scheme(value)}:”链接")

    handle_startendtag = handle_starttag
