"""The plugin's typed configuration (`plugins: - xinyu:` in mkdocs.yml).

MkDocs checks the shapes here; the meaning of each value is checked by
`xinyu.core.vocabulary`, which `xinyu check` shares.
"""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class XinyuConfig(Config):
    enabled = opt.Type(bool, default=True)
    lessons_dir = opt.Type(str, default="lessons")
    grades = opt.Optional(opt.Type(list))
    topics = opt.Optional(opt.Type(list))
    lesson_sections = opt.Optional(opt.Type(list))
    min_periods = opt.Optional(opt.Type(dict))
    coverage_check = opt.Choice(("error", "warning", "off"), default="error")
    periods_check = opt.Choice(("error", "warning", "off"), default="warning")
    nav_title = opt.Type(str, default="教案库")
    search_dict = opt.Optional(opt.Type(str))  # a district's own jieba user dictionary
