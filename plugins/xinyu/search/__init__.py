"""Everything search, in one package: jieba's set-up and the field's
dictionary (segment.py, userdict.txt), the index written for the browser
(index.py), the worker that answers queries (worker.js), the change to the
theme's page that loads it (theme.py), and Material's indexing done in
forked workers on a large build (background.py)."""

from .index import (FOLDER, IndexUpdate, PageInfo, Written, grade_words, rewrite_index_file,
                    short_school_name, write_scripts)
from .segment import SEPARATOR, prepare_jieba, search_grams, search_words
from .theme import WORKER_NAME, WORKER_SOURCE, use_search_worker

__all__ = ["FOLDER", "IndexUpdate", "PageInfo", "SEPARATOR", "WORKER_NAME", "WORKER_SOURCE", "Written",
           "grade_words", "short_school_name", "prepare_jieba", "rewrite_index_file", "search_grams", "search_words",
           "use_search_worker", "write_scripts"]
