"""Public phone numbers dial with one tap, wherever a page mentions them.

A lesson tells pupils to call 全国青少年服务热线12355; on a phone that
number should be a `tel:` link. The numbers linked are the site's public
ones only — the help lines (`hotlines`), the order phone (`order.phone`) and
`allowed_phones` — as configured, however the text spaces them. Any other
number never reaches a page (the privacy checks stop it).

A Python-Markdown tree processor: it runs after the inline patterns, so
code spans and blocks (atomic text), existing links and headings keep their
text as written.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Iterable

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import ETX, STX, AtomicString

from .vocabulary import Settings, dial

# Elements whose text is left alone: links, code, and headings (their anchors).
_KEEP = frozenset({"a", "code", "pre", "kbd", "samp", "script", "style",
                   "h1", "h2", "h3", "h4", "h5", "h6"})


def public_numbers(settings: Settings) -> list[str]:
    """The numbers the site publishes on purpose."""
    return [hotline.number for hotline in settings.hotlines] + \
        [settings.order.phone, *settings.allowed_phones]


def number_pattern(numbers: Iterable[str]) -> re.Pattern[str] | None:
    """Each number's digits, with an optional space or hyphen between any
    two, not inside a longer run of digits; the longest first."""
    dialled = sorted({dial(n) for n in numbers if len(dial(n).lstrip("+")) >= 3},
                     key=len, reverse=True)
    if not dialled:
        return None
    forms = [r"[ \-\u00a0]?".join(re.escape(c) for c in number) for number in dialled]
    return re.compile(r"(?<![\d+])(?:" + "|".join(forms) + r")(?!\d)")


class _Linker(Treeprocessor):
    """Walks the tree in document order. Inline raw HTML is stashed by
    Python-Markdown as placeholders, so a template's `<a href="tel:…">` and
    `</a>` are two placeholders around plain text: text between them is
    inside a link too."""

    def __init__(self, md: Markdown, pattern: re.Pattern[str]) -> None:
        super().__init__(md)
        self.pattern = pattern
        self.in_raw_link = False
        self.mentioned = True  # set by _Scan for each document

    def run(self, root: etree.Element) -> None:
        self.in_raw_link = False
        if self.mentioned:
            self._link(root)

    def _link(self, element: etree.Element) -> None:
        if element.tag in _KEEP:
            return
        children = list(element)
        head, links = self._split(element.text)
        if links:
            element.text = head
            for at, link in enumerate(links):
                element.insert(at, link)
        for child in children:
            self._link(child)
            head, links = self._split(child.tail)  # the text after the child
            if links:
                child.tail = head
                at = list(element).index(child) + 1
                for offset, link in enumerate(links):
                    element.insert(at + offset, link)

    def _split(self, text: str | None) -> tuple[str | None, list[etree.Element]]:
        """The text before the first number, and a link per number (each
        link's tail holds the text up to the next)."""
        if not text or isinstance(text, AtomicString):
            return text, []
        texts = [""]  # the head, then each link's tail
        links: list[etree.Element] = []
        for piece in _PLACEHOLDER.split(text):
            stashed = _STASHED.fullmatch(piece)
            if stashed or self.in_raw_link:
                texts[-1] += piece
                if stashed:
                    self._track(int(stashed[1]))
                continue
            at = 0
            for match in self.pattern.finditer(piece):
                texts[-1] += piece[at:match.start()]
                link = etree.Element("a", {"href": f"tel:{dial(match[0])}", "class": "xinyu-tel"})
                link.text = AtomicString(match[0])
                links.append(link)
                texts.append("")
                at = match.end()
            texts[-1] += piece[at:]
        for link, tail in zip(links, texts[1:]):
            link.tail = tail
        return texts[0], links

    def _track(self, number: int) -> None:
        """Whether a stashed raw tag opens or closes a link."""
        blocks = self.md.htmlStash.rawHtmlBlocks
        raw = str(blocks[number]) if number < len(blocks) else ""
        tags = _LINK_TAG.findall(raw)
        if tags:  # the last <a …> or </a> in it decides
            self.in_raw_link = not tags[-1].startswith("</")


class _Scan(Preprocessor):
    """Whether the document mentions a public number at all: most pages do
    not, and then their tree is not walked. It reads the lines after
    whitespace is normalised (tabs expanded) and before code or HTML is stashed,
    so every text the tree can hold is there, in the form the pattern reads."""

    def __init__(self, md: Markdown, linker: _Linker) -> None:
        super().__init__(md)
        self.linker = linker

    def run(self, lines: list[str]) -> list[str]:
        search = self.linker.pattern.search
        self.linker.mentioned = any(search(line) for line in lines)
        return lines


_STASHED = re.compile(re.escape(STX) + r"wzxhzdk:(\d+)" + re.escape(ETX))
_PLACEHOLDER = re.compile("(" + re.escape(STX) + r"wzxhzdk:\d+" + re.escape(ETX) + ")")
_LINK_TAG = re.compile(r"</?a(?=[\s>/])", re.I)


class DialPublicNumbers(Extension):
    """`DialPublicNumbers(numbers)`: link those numbers to `tel:`."""

    def __init__(self, numbers: Iterable[str]) -> None:
        super().__init__()
        self.pattern = number_pattern(numbers)

    def extendMarkdown(self, md: Markdown) -> None:
        if self.pattern is not None:
            linker = _Linker(md, self.pattern)
            # After whitespace is normalised (30), before code (25) and raw HTML
            # (20) are stashed.
            md.preprocessors.register(_Scan(md, linker), "xinyu_dial_scan", 27)
            # After the inline patterns (20) and attr_list (8), before toc (5).
            md.treeprocessors.register(linker, "xinyu_dial", 7)
