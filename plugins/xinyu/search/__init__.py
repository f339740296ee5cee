"""Everything search, in one package: jieba's set-up and the field's
dictionary (segment.py, userdict.txt), the index written for the browser
(index.py), the worker that answers queries (worker.js) and the change to
the theme's page that loads it (theme.py)."""

from .index import FOLDER, IndexUpdate, PageInfo, Written, grade_words, rewrite_index_file, write_scripts
from .segment import SEPARATOR, prepare_jieba, search_grams, search_words
from .theme import WORKER_NAME, WORKER_SOURCE, use_search_worker

__all__ = ["FOLDER", "IndexUpdate", "PageInfo", "SEPARATOR", "WORKER_NAME", "WORKER_SOURCE", "Written",
           "grade_words", "prepare_jieba", "rewrite_index_file", "search_grams", "search_words",
           "use_search_worker", "write_scripts"]
