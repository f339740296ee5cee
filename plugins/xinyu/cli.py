"""The `xinyu` command line: checks content without building the site."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .core.config_file import ConfigError, read_site_config, xinyu_plugin_config
from .core.library import load_library
from .core.report import FORMATS, render

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="xinyu", description="心育课程库 content tools")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = commands.add_parser(
        "check", help="validate all content and coverage without building the site",
        description="Validate all content and coverage; exit 0 without errors, 1 with errors.")
    check.add_argument("root", nargs="?", default=".", type=Path,
                       help="repository root holding mkdocs.yml (default: current folder)")
    check.add_argument("--format", choices=FORMATS, default="text",
                       help="text (default), json, or github annotations")
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    return parser


def run_check(root: Path, fmt: str, strict: bool) -> int:
    config_path = root / "mkdocs.yml"
    if not config_path.is_file():
        print(f"xinyu: {root} has no mkdocs.yml; give the repository root", file=sys.stderr)
        return EXIT_USAGE
    try:
        plugin_config = xinyu_plugin_config(read_site_config(config_path))
    except ConfigError as exc:
        print(f"xinyu: {exc}", file=sys.stderr)
        return EXIT_USAGE
    library = load_library(root, plugin_config)
    print(render(library, fmt))
    failed = library.errors or (strict and library.warnings)
    return EXIT_ERRORS if failed else EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "check":
        return run_check(args.root, args.format, args.strict)
    return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
