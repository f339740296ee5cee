"""The offline copy (option `offline`): a second build of the same site with
file URLs, packed as a zip inside the published site.

The second build is a whole MkDocs build of the same configuration file, in
this process, into a temporary folder: every page, the search index and the
output gate run again for it, so what the zip holds was checked as it is.
`xinyu.core.offline` writes the index script and packs the folder.
"""

from __future__ import annotations

import logging
import tempfile
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError

from .core.offline import pack

log = logging.getLogger("mkdocs.plugins.xinyu")

SHIM = "assets/xinyu/iframe-worker.js"  # new Worker() on file://, see assets/vendor

_building = ContextVar("xinyu_offline_copy", default=False)


def building() -> bool:
    """True inside the build of the offline copy (it builds no copy of its own)."""
    return _building.get()


def build_offline_copy(config: MkDocsConfig, target: Path) -> tuple[int, int]:
    """Build the site of `config` for file:// and zip it to `target`.
    Returns (files, bytes of the zip); a failed build raises PluginError."""
    if not config.config_file_path:
        raise PluginError("xinyu：离线版需要从配置文件（mkdocs.yml）构建")
    token = _building.set(True)
    try:
        with tempfile.TemporaryDirectory(prefix="xinyu-offline-") as folder, _quiet():
            copy = load_config(config.config_file_path, site_dir=folder,
                               use_directory_urls=False, strict=config.strict)
            try:
                build(copy)
            except (Abort, PluginError) as exc:
                raise PluginError(f"xinyu：离线版没有生成：{exc}") from None
            return pack(Path(folder), target)
    finally:
        _building.reset(token)


@contextmanager
def _quiet():
    """The second build's progress lines ("Cleaning site directory", each
    kind's summary…) repeat the first build's: show only its warnings."""
    handlers = logging.getLogger("mkdocs").handlers
    only_warnings = _AtLeast(logging.WARNING)
    for handler in handlers:
        handler.addFilter(only_warnings)
    try:
        yield
    finally:
        for handler in handlers:
            handler.removeFilter(only_warnings)


class _AtLeast(logging.Filter):
    def __init__(self, level: int) -> None:
        super().__init__()
        self.level = level

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= self.level
