"""jieba for the site's search: the field's dictionary, the words to keep
whole, and the sub-words of long words (plain Python).

Material segments Chinese with jieba at build time (words joined by U+200B);
xinyu's index (index.py) adds the search-mode sub-words of longer words, so
健康 finds 心理健康, and splits text on a separator that covers full-width
punctuation, so punctuation never becomes a word.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from ..core.library import Library
from ..core.markdown import CJK_RUN

USER_DICT = Path(__file__).parent / "userdict.txt"

# Whitespace, the zero-width space jieba's segments are joined with, and
# Chinese and ASCII punctuation (ASCII ':' stays: it is lunr's field syntax).
SEPARATOR = (r"[\s\u200b\u3000\-、。，．？！；：（）《》〈〉“”‘’「」『』【】〔〕［］｛｝…—～·"
             r",.;!?()\[\]{}\"'|/<>]+")

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


@lru_cache(maxsize=200_000)
def search_grams(word: str) -> tuple[str, ...]:
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
    search_grams.cache_clear()
