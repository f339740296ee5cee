"""Making Material's search index work for Chinese (plain Python).

Material segments Chinese with jieba at build time, but its browser side only
matches prefixes of index tokens: 健康 does not find 心理健康. So each
document also gets the search-mode sub-words of its longer words (only the
ones not already tokens, in a field that is searched but never shown), the
separator covers full-width punctuation so it never becomes a token, and
the index is written as UTF-8 instead of \\uXXXX escapes.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from .core.library import Library
from .core.markdown import CJK_RUN

USER_DICT = Path(__file__).parent / "search" / "userdict.txt"

# Whitespace, the zero-width space jieba's segments are joined with, and
# Chinese and ASCII punctuation (ASCII ':' stays: it is lunr's field syntax).
SEPARATOR = (r"[\s\u200b\u3000\-、。，．？！；：（）《》〈〉“”‘’「」『』【】〔〕［］｛｝…—～·"
             r",.;!?()\[\]{}\"'|/<>]+")
KEYS_FIELD = "keys"

_prepared = False
# Each word and dictionary is added once a process: adding one again raises
# jieba's total frequency, and every segmentation after it would shift
# (`mkdocs serve` prepares jieba for each rebuild).
_added: set[str] = set()
_user_dicts: set[tuple[str, bytes]] = set()


def prepare_jieba(words: Iterable[str] = (), user_dict: Path | None = None) -> None:
    """Quiet jieba, load the field's dictionary once (and a district's own
    `user_dict`), and keep `words` (grade and topic labels, names, themes) whole."""
    import jieba  # imported here: the plugin reports a missing jieba itself

    global _prepared
    if not _prepared:
        jieba.setLogLevel(logging.WARNING)
        jieba.load_userdict(str(USER_DICT))
        _prepared = True
    if user_dict is not None:
        loaded = (str(user_dict), user_dict.read_bytes())
        if loaded not in _user_dicts:
            jieba.load_userdict(str(user_dict))
            _user_dicts.add(loaded)
            _added.clear()  # it may have changed a word's frequency: add them again
    words = [w for w in words if w not in _added]
    _added.update(words)
    for word in words:
        if word and CJK_RUN.search(word):
            jieba.add_word(word, freq=50000)
    if words or user_dict is not None:
        clear_caches()


def search_words(library: Library) -> set[str]:
    """Labels and names that jieba must keep whole, so searching for them
    finds them: grades, topics, schools, authors, lecturers, themes, keywords."""
    settings = library.settings
    words = {g.label for g in settings.grades} | {t.label for t in settings.topics}
    for result in library.kinds:
        for entry in result.published:
            meta = entry.meta
            words.update(str(meta[k]) for k in ("school", "author") if meta.get(k))
            words.update(meta.get("themes") or ())
            words.update(meta.get("keywords") or ())
    words.update(lecturer.name for lecturer in library.lecturers.values())
    return words


def sub_words(text: str) -> list[str]:
    """Search-mode sub-words of the Chinese in `text` that its plain
    segmentation does not already contain, in order of first appearance.

    Material has segmented the text already (jieba's words joined by U+200B),
    so each of its words is looked at once a process: jieba's search mode
    adds a long word's 2- and 3-character dictionary words (`_search_grams`).
    A title (not segmented by Material) is segmented here."""
    found: dict[str, None] = {}
    tokens = [token for run in CJK_RUN.findall(text) for token in _segmented(run)]
    seen = set(tokens)
    for token in tokens:
        for word in _search_grams(token):
            if word not in seen:
                found.setdefault(word, None)
    return list(found)


def _segmented(run: str) -> list[str]:
    """A run of Chinese as jieba's words: a run Material segmented is one
    word already (it sits between U+200B); a longer one is cut here."""
    return [run] if len(run) <= 2 else _cut(run)


@lru_cache(maxsize=200_000)
def _cut(run: str) -> list[str]:
    import jieba

    return list(jieba.cut(run))


@lru_cache(maxsize=200_000)
def _search_grams(word: str) -> tuple[str, ...]:
    """The words jieba's search mode adds for `word` (its 2-character and,
    for longer words, 3-character dictionary words), in order."""
    import jieba

    words = []
    for part in jieba.cut_for_search(word):
        if len(part) > 1 and part != word:
            words.append(part)
    return tuple(dict.fromkeys(words))


def clear_caches() -> None:
    """After the dictionary changed (a word added), segment afresh."""
    _cut.cache_clear()
    _search_grams.cache_clear()


def optimise(index: dict[str, Any]) -> dict[str, Any]:
    config = index.setdefault("config", {})
    config["separator"] = SEPARATOR
    fields = config.setdefault("fields", {})
    fields.setdefault(KEYS_FIELD, {"boost": 1})
    for doc in index.get("docs", []):
        words = sub_words(f"{doc.get('title', '')} {doc.get('text', '')}")
        if words:
            doc[KEYS_FIELD] = "\u200b".join(words)
    return index


Written = dict[str, list[str]]  # page URL -> its documents in the index, as JSON text


@dataclass
class IndexUpdate:
    """After a dirty build: the index as the build before wrote it, the new
    entries of each page rebuilt (by URL), and every page of the site."""

    previous: Written
    built: dict[str, list[dict[str, Any]]]
    pages: list[str]


def rewrite_index_file(path: Path, update: IndexUpdate | None = None) -> Written:
    """Rewrite the index Material wrote, and return what was written.
    `update`: the file holds only the pages rebuilt (a dirty build; the
    plugin stops Material merging its own previous index); the index written
    is the previous one with those pages' documents replaced and the pages
    that are gone left out (the others are not read again)."""
    text = path.read_text(encoding="utf-8")
    if update is None:
        index = optimise(json.loads(text))
        path.write_text(_json(index), encoding="utf-8")
        written: Written = {}
        for doc in index.get("docs", []):
            written.setdefault(str(doc.get("location", "")).split("#", 1)[0], []).append(_json(doc))
        return written
    written = {}
    for url in update.pages:
        if url in update.built:
            docs = optimise({"docs": [dict(doc) for doc in update.built[url]]})["docs"]
            written[url] = [_json(doc) for doc in docs]
        elif url in update.previous:
            written[url] = update.previous[url]
    config = optimise({"config": json.loads(text).get("config", {})})["config"]
    docs = ",".join(doc for page in written.values() for doc in page)
    path.write_text(f'{{"config":{_json(config)},"docs":[{docs}]}}', encoding="utf-8")
    return written


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

