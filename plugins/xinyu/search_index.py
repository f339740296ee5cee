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
import re
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
        jieba.load_userdict(str(user_dict))
    for word in words:
        if word and CJK_RUN.search(word):
            jieba.add_word(word, freq=50000)


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
    segmentation does not already contain, in order of first appearance."""
    import jieba

    found: dict[str, None] = {}
    for run in CJK_RUN.findall(text.replace("\u200b", "")):
        tokens = set(jieba.cut(run))
        for word in jieba.cut_for_search(run):
            if len(word) > 1 and word not in tokens:
                found.setdefault(word, None)
    return list(found)


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


def rewrite_index_file(path: Path) -> None:
    index = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(optimise(index), ensure_ascii=False, separators=(",", ":")),
                    encoding="utf-8")
