"""The plugin's typed configuration (`plugins: - xinyu:` in mkdocs.yml),
derived from the one table of options in `xinyu.core.options`.

MkDocs checks the shapes here; the meaning of each value is checked by
`xinyu.core.vocabulary`, which `xinyu check` shares. Defaults that the core
applies are declared as "not given" here, so they are written only once.
"""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config

from .core.options import BOOL, LIST, MAPPING, NUMBER, OPTIONS, TEXT, Option


def _config_option(option: Option) -> opt.BaseConfigOption:
    if option.shape == BOOL:
        return opt.Type(bool, default=option.default)
    if option.choices:
        return opt.Choice(option.choices, default=option.default)
    if option.shape == TEXT and isinstance(option.default, str):
        return opt.Type(str, default=option.default)
    shape = {TEXT: str, LIST: list, MAPPING: dict, NUMBER: (int, float)}[option.shape]
    return opt.Optional(opt.Type(shape))


XinyuConfig = type("XinyuConfig", (Config,), {
    "__doc__": "The xinyu plugin block; one attribute per entry of OPTIONS.",
    **{option.name: _config_option(option) for option in OPTIONS},
})
