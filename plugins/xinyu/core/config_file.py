"""Reading the xinyu settings out of mkdocs.yml without MkDocs.

mkdocs.yml may hold tags such as `!!python/name:` or `!ENV` that only MkDocs
can resolve; they are read as plain values here, since xinyu needs only its
own plugin block and `docs_dir`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .problems import Problem
from .vocabulary import Settings, settings_from_mapping


class _TolerantLoader(yaml.SafeLoader):
    pass


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_scalar(node)


_TolerantLoader.add_multi_constructor("!", _any_tag)
_TolerantLoader.add_multi_constructor("tag:", _any_tag)


class ConfigError(Exception):
    """mkdocs.yml is missing or unreadable."""


def read_site_config(path: Path) -> dict[str, Any]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=_TolerantLoader)
    except FileNotFoundError:
        raise ConfigError(f"{path.parent} 里没有 mkdocs.yml；请在仓库根目录运行，"
                          "或给出仓库根目录") from None
    except OSError as exc:
        raise ConfigError(f"{path}：无法读取（{exc.strerror or exc}）") from None
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}：不是有效的 YAML（{exc}）") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}：应当是“设置: 值”的形式")
    return data


def site_settings(root: Path) -> tuple[dict[str, Any], Settings, list[Problem]]:
    """mkdocs.yml of the repository at `root`, the xinyu settings in it and
    the problems with them: what every command starts from."""
    site_config = read_site_config(root / "mkdocs.yml")
    settings, problems = settings_from_mapping(xinyu_plugin_config(site_config))
    return site_config, settings, problems


def xinyu_plugin_config(site_config: dict[str, Any]) -> dict[str, Any] | None:
    """The `xinyu` block of `plugins:` (a list or a mapping), or None."""
    plugins = site_config.get("plugins") or []
    items = plugins.items() if isinstance(plugins, dict) else (
        next(iter(p.items())) if isinstance(p, dict) and p else (p, {}) for p in plugins)
    for name, options in items:
        if name == "xinyu":
            return options or {}
    return None
