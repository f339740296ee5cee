"""A district installs xinyu with pip (not from a checkout): every file the
plugin reads at run time must be in the package data."""

from __future__ import annotations

import re
import tomllib

from conftest import REPO


def test_every_non_python_file_of_the_package_is_package_data():
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["xinyu"]
    package = REPO / "plugins" / "xinyu"
    files = [p.relative_to(package).as_posix() for p in package.rglob("*")
             if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts]
    assert files  # templates, assets, the search dictionary, the theme overrides
    missing = [f for f in files if not any(_glob(pattern).fullmatch(f) for pattern in patterns)]
    assert missing == []


def _glob(pattern: str) -> re.Pattern:
    """setuptools' package-data glob: `*` stays within a folder, `**/` spans folders."""
    parts = re.split(r"(\*\*/|\*)", pattern)
    return re.compile("".join({"**/": "(?:.*/)?", "*": "[^/]*"}.get(part, re.escape(part))
                              for part in parts))
