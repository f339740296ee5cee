"""xinyu's search index: small files a browser fetches by the words asked.

Material writes one index (every page's text) that each page downloads
whole before the first result. xinyu rewrites it after the build into:

  search/search_index.json   Material's config with the layout of the files
                             below (config.xinyu), and no documents: what
                             every page loads.
  search/xinyu/t<B>.json     the words that begin with a character whose
                             bucket is B, each with its postings: (page,
                             section, score) as letters (no digits, so the
                             output gate never reads a posting as a number).
  search/xinyu/p<C>.json     the pages of chunk C: address, title, tags, the
                             address and title of each section, and whether
                             the page is a listing (true) or an item.
  search/xinyu/x<C>.json     the same pages' opening text (teasers), fetched
                             only for the results shown first.

A query fetches the buckets of its characters, then the chunks of the
pages it found: a few tens of kilobytes where the whole index is megabytes.
The worker (worker.js) segments the query against the words of those
buckets, requires every word on the page (in any of its sections), and
ranks by the scores computed here: BM25 over the page's fields (title,
tags, grade and stage words, text, sub-words), weighted down for listing
pages; the worker then shows every item found before any listing page.
"""

from __future__ import annotations

import hashlib
import html
import json
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import nh3

from .segment import SEPARATOR, search_grams

FOLDER = "xinyu"  # under search/
VERSION = 1
PAGES_PER_CHUNK = 32  # page titles: fetched for every page a query finds
TEASERS_PER_CHUNK = 8  # opening text: fetched for the first results only
TEASER_CHARS = 160
BUCKET_BYTES = 24_000  # aim for buckets of about this size (raw JSON)
MAX_SCORE = 26 ** 3 - 1  # three letters
SCORE_SCALE = 40  # scores stay below MAX_SCORE; common words keep some resolution

# How much a word counts in each field of a section (BM25 with k1 = 1.2,
# no length normalisation, as Material sets lunr's b to 0).
WEIGHTS = {"title": 10.0, "tags": 6.0, "grades": 6.0, "text": 1.0, "sub": 0.5}
K1 = 1.2
_SATURATED = {name: [weight * c * (K1 + 1) / (c + K1) for c in range(64)] for name, weight in WEIGHTS.items()}
LISTING_WEIGHT = 0.3  # a listing page (an index of lessons, a lecturer) against an item

_SPLIT = re.compile(SEPARATOR)
_LETTERS_LOW = "abcdefghijklmnopqrstuvwxyz"
_LETTERS_HIGH = _LETTERS_LOW.upper()

# Words a teacher uses for a stage or a grade, by grade number (1-12); the
# district's own grade labels are added from its settings.
_BANDS = {1: "低年级", 2: "低年级", 3: "中年级", 4: "中年级", 5: "高年级", 6: "高年级"}
_NUMBERED = {7: ("七年级", "初一"), 8: ("八年级", "初二"), 9: ("九年级", "初三"),
             10: ("高一", "十年级"), 11: ("高二", "十一年级"), 12: ("高三", "十二年级")}
_PRIMARY = "一二三四五六"


def grade_words(grade: int, label: str = "", stage: str = "") -> list[str]:
    """The words that name `grade` (a number 1-12) in a query: its label,
    its stage (小学/初中/高中), its band (低/中/高年级) and other names."""
    words = [label] if label else []
    if stage:
        words.append(stage)
    if 1 <= grade <= 6:
        words += [f"{_PRIMARY[grade - 1]}年级", _BANDS[grade]]
    words += _NUMBERED.get(grade, ())
    return list(dict.fromkeys(w for w in words if w))


# A school's name without its place: 青山湖区第二小学 -> 第二小学, what
# teachers type (the full name is one word to jieba, and 第二 + 小学 match
# every primary lesson's 第二课时).
_PLACE_THEN_SCHOOL = re.compile(r"^.{1,20}?[省市区县旗](?P<school>[^省市区县旗]{1,20}"
                                r"(?:小学|中学|学校|高中|初中|学院|中心校|幼儿园))$")


def short_school_name(name: str) -> str | None:
    match = _PLACE_THEN_SCHOOL.match(name.strip())
    return match["school"] if match else None


@dataclass
class PageInfo:
    """What the site knows of a page besides its text: whether it lists
    other pages (ranked below them), the words for its grades, and other
    names of the item (a school's short name), indexed with its tags."""

    listing: bool = False
    grade_words: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)


Written = dict[str, list[dict[str, Any]]]  # page URL -> Material's documents for it


@dataclass
class IndexUpdate:
    """After a dirty build: the documents as the build before had them, the
    new documents of each page rebuilt (by URL), and every page of the site."""

    previous: Written
    built: dict[str, list[dict[str, Any]]]
    pages: list[str]


def page_of(location: str) -> str:
    return location.split("#", 1)[0]


def rewrite_index_file(path: Path, pages: dict[str, PageInfo] | None = None,
                       update: IndexUpdate | None = None) -> Written:
    """Replace the index Material wrote at `path` (search/search_index.json)
    with xinyu's; return Material's documents by page (for the next dirty
    build). `update`: the file holds only the pages rebuilt; the others come
    from the previous build, and pages that are gone are left out."""
    material = json.loads(path.read_text(encoding="utf-8"))
    written: Written = {}
    if update is None:
        for doc in material.get("docs", []):
            written.setdefault(page_of(str(doc.get("location", ""))), []).append(doc)
    else:
        for url in update.pages:
            if url in update.built:
                written[url] = [dict(doc) for doc in update.built[url]]
            elif url in update.previous:
                written[url] = update.previous[url]
    docs = [doc for page in written.values() for doc in page]
    write_index(path.parent, material.get("config", {}), docs, pages or {})
    return written


def write_index(folder: Path, config: dict[str, Any], docs: list[dict[str, Any]],
                pages: dict[str, PageInfo]) -> None:
    """Write the manifest (search_index.json) and the files under FOLDER."""
    built = build_index(docs, pages)
    target = folder / FOLDER
    target.mkdir(parents=True, exist_ok=True)
    for old in target.glob("*.json"):
        old.unlink()
    digest = hashlib.blake2b(digest_size=6)
    for name, content in sorted(built.files.items()):
        text = _json(content)
        digest.update(name.encode() + b"\0" + text.encode("utf-8"))
        (target / name).write_text(text, encoding="utf-8")
    # Material's page hands the worker only the index's config and docs. The
    # stamp is letters: digits could read as a phone number to the output gate.
    config = {**config, "separator": SEPARATOR, FOLDER: {
        "version": VERSION, "stamp": "".join(chr(97 + b % 26) for b in digest.digest()), "buckets": built.buckets,
        "pages": built.page_count, "chunk": PAGES_PER_CHUNK, "teasers": TEASERS_PER_CHUNK}}
    manifest = {"config": config, "docs": []}
    (folder / "search_index.json").write_text(_json(manifest), encoding="utf-8")


@dataclass
class BuiltIndex:
    files: dict[str, Any]
    buckets: int
    page_count: int


def build_index(docs: list[dict[str, Any]], pages: dict[str, PageInfo]) -> BuiltIndex:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for doc in docs:
        grouped.setdefault(page_of(str(doc.get("location", ""))), []).append(doc)
    page_rows: list[list[Any]] = []
    teaser_rows: list[list[str]] = []
    # word -> flat (page, section, weighted term frequency, ...)
    postings: dict[str, list[Any]] = defaultdict(list)
    page_frequency: Counter[str] = Counter()
    weights: list[float] = []
    for number, (url, page_docs) in enumerate(grouped.items()):
        page_docs = sorted(page_docs, key=lambda d: "#" in str(d.get("location", "")))  # article first
        info = pages.get(url, PageInfo())
        weights.append(LISTING_WEIGHT if info.listing else 1.0)
        article = page_docs[0]
        tags = [str(t) for t in article.get("tags") or () if isinstance(t, (str, int))]
        anchors, titles, teasers = [], [], []
        on_page: set[str] = set()
        for section, doc in enumerate(page_docs):
            title = plain(str(doc.get("title", "")))
            text = plain(str(doc.get("text", "")))
            if section:
                anchors.append(str(doc.get("location", ""))[len(url):])
                titles.append(title.replace("\u200b", ""))
            teasers.append(text.replace("\u200b", "")[:TEASER_CHARS])
            fields = {"title": Counter(words(title)), "text": Counter(words(text))}
            if section == 0:
                fields["tags"] = Counter(w for tag in tags for w in words(tag))
                fields["grades"] = Counter(w.lower() for w in info.grade_words)
                fields["tags"].update(name.lower() for name in info.names)
            fields["sub"] = _sub_words(fields["title"].keys() | fields["text"].keys())
            # Counts above 63 saturate (BM25: 63 and more weigh the same to 1 %).
            text_table = _SATURATED["text"]
            frequency = {w: text_table[c if c < 64 else 63] for w, c in fields.pop("text").items()}
            for name, counts in fields.items():
                table = _SATURATED[name]
                get = frequency.get
                for word, count in counts.items():
                    frequency[word] = get(word, 0.0) + table[count if count < 64 else 63]
            for word, value in frequency.items():
                postings[word] += (number, section, value)
            on_page.update(frequency)
        page_frequency.update(on_page)
        page_rows.append([url, plain(str(article.get("title", ""))).replace("\u200b", ""),
                          tags, anchors, titles, info.listing])
        teaser_rows.append(teasers)
    count = len(page_rows)
    encoded: dict[str, str] = {}
    for word, flat in postings.items():
        scale = SCORE_SCALE * math.log(1 + (count - page_frequency[word] + 0.5) / (page_frequency[word] + 0.5))
        numbers: list[int] = []
        previous = 0
        for i in range(0, len(flat), 3):
            page = flat[i]
            score = int(flat[i + 2] * scale * weights[page] + 0.5)
            numbers += (page - previous, flat[i + 1], 1 if score < 1 else MAX_SCORE if score > MAX_SCORE else score)
            previous = page
        encoded[word] = letters(numbers)
    size = sum(len(w.encode("utf-8")) + len(p) + 6 for w, p in encoded.items())
    buckets = 1 << max(0, math.ceil(math.log2(max(1, size / BUCKET_BYTES))))
    files: dict[str, Any] = {}
    for word in sorted(encoded):
        files.setdefault(f"t{bucket(word, buckets)}.json", {})[word] = encoded[word]
    for start in range(0, count, PAGES_PER_CHUNK):
        files[f"p{start // PAGES_PER_CHUNK}.json"] = page_rows[start:start + PAGES_PER_CHUNK]
    for start in range(0, count, TEASERS_PER_CHUNK):
        files[f"x{start // TEASERS_PER_CHUNK}.json"] = teaser_rows[start:start + TEASERS_PER_CHUNK]
    return BuiltIndex(files, buckets, count)


def _sub_words(tokens: Iterable[str]) -> Counter[str]:
    """The search-mode sub-words of a section's longer words that are not
    words of the section themselves (健康 of 心理健康), once each."""
    tokens = set(tokens)
    found: Counter[str] = Counter()
    for token in tokens:
        if len(token) > 2:
            for gram in search_grams(token):
                if gram not in tokens:
                    found[gram] = 1
    return found


def words(text: str) -> list[str]:
    """The words of a (segmented) text, lower-case, in order."""
    return [w for w in _SPLIT.split(text.lower()) if w]


def plain(markup: str) -> str:
    """The text of an index field (Material keeps some markup in it)."""
    if "<" not in markup and "&" not in markup:
        return markup
    return html.unescape(nh3.clean(markup, tags=set()))


def bucket(word: str, buckets: int) -> int:
    """The bucket of a word: that of its first character (the worker
    computes the same: a query's characters name the files it needs)."""
    return ord(word[0]) * 2654435761 % 4294967296 % buckets if word else 0


def letters(numbers: Iterable[int]) -> str:
    """Non-negative integers as letters: base 26, the last digit of each
    number upper-case (A-Z), the others lower-case (a-z)."""
    table = _LETTERS
    return "".join([table[n] if n < _TABLE_SIZE else _letters(n) for n in numbers])


def _letters(number: int) -> str:
    digits = [_LETTERS_HIGH[number % 26]]
    number //= 26
    while number:
        digits.append(_LETTERS_LOW[number % 26])
        number //= 26
    return "".join(reversed(digits))


_TABLE_SIZE = 26 ** 3
_LETTERS = [_letters(n) for n in range(_TABLE_SIZE)]


def read_letters(text: str) -> list[int]:
    """The inverse of `letters` (tests; the worker decodes in JavaScript)."""
    numbers, value = [], 0
    for char in text:
        if "a" <= char <= "z":
            value = value * 26 + ord(char) - 97
        else:
            numbers.append(value * 26 + ord(char) - 65)
            value = 0
    return numbers


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def write_scripts(site_dir: Path) -> int:
    """Offline (file://) the worker reads each index file as a script: wrap
    the (already checked) JSON, kept verbatim. Returns how many."""
    count = 0
    for path in sorted((site_dir / "search" / FOLDER).glob("*.json")):
        data = path.read_bytes()
        path.with_suffix(".js").write_bytes(
            b'xinyuData("' + path.stem.encode() + b'",' + data + b");")
        count += 1
    return count


@dataclass
class ReadIndex:
    """A built index read back (tests and benchmarks): each word's postings
    as (page, section, score), and each page's row and teasers."""

    config: dict[str, Any]
    words: dict[str, list[tuple[int, int, int]]]
    pages: list[list[Any]]  # [url, title, tags, section anchors, section titles]
    teasers: list[list[str]]

    def locations(self, word: str) -> set[str]:
        """The page URLs a word is indexed for."""
        return {self.pages[page][0] for page, _, _ in self.words.get(word, ())}


def read_index(search_dir: Path) -> ReadIndex:
    config = json.loads((search_dir / "search_index.json").read_text(encoding="utf-8"))["config"]
    layout = config[FOLDER]
    folder = search_dir / FOLDER
    words: dict[str, list[tuple[int, int, int]]] = {}
    for number in range(layout["buckets"]):
        path = folder / f"t{number}.json"
        for word, text in (json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}).items():
            numbers, page, entries = read_letters(text), 0, []
            for i in range(0, len(numbers), 3):
                page += numbers[i]
                entries.append((page, numbers[i + 1], numbers[i + 2]))
            words[word] = entries
    pages: list[list[Any]] = []
    teasers: list[list[str]] = []
    for number in range(math.ceil(layout["pages"] / layout["chunk"])):
        pages += json.loads((folder / f"p{number}.json").read_text(encoding="utf-8"))
    for number in range(math.ceil(layout["pages"] / layout["teasers"])):
        teasers += json.loads((folder / f"x{number}.json").read_text(encoding="utf-8"))
    return ReadIndex(config, words, pages, teasers)
