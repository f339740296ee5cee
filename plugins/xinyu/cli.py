"""The `xinyu` command line: checks content without building the site."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .cli_new import add_new_parser, run_new
from .cli_text import install as install_chinese
from .core.config_file import ConfigError, read_site_config, site_settings, xinyu_plugin_config
from .core.markdown import CJK_RUN
from .core.library import load_library
from .core.privacy import ProtectedNames
from .core.report import FORMATS, render
from .core.schemas import FOLDER, write_schemas

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    install_chinese()  # argparse's own words (用法、选项、错误) in Chinese
    parser = argparse.ArgumentParser(prog="xinyu", description="心育课程库的内容工具：检查、新建、隐私名单和编辑器用的 JSON Schema")
    commands = parser.add_subparsers(dest="command", required=True, metavar="命令")
    check = commands.add_parser(
        "check", help="检查全部内容和覆盖情况（不生成网站）",
        description="检查全部内容和覆盖情况：没有错误时退出码为 0，有错误时为 1。")
    check.add_argument("root", nargs="?", default=".", type=Path,
                       help="仓库根目录，即 mkdocs.yml 所在的目录（默认：当前目录）")
    check.add_argument("--format", choices=FORMATS, default="text",
                       help="输出格式：text（默认）、json 或 github（GitHub 注释）")
    check.add_argument("--strict", action="store_true", help="警告也算错误")

    privacy = commands.add_parser("privacy", help="管理受保护的姓名名单")
    actions = privacy.add_subparsers(dest="action", required=True, metavar="操作")
    add = actions.add_parser(
        "add-name", help="把一个姓名加入受保护名单（只保存加盐哈希）",
        description="把一个姓名加入受保护名单。不写姓名（或写 -）时从标准输入读取，"
                    "这样姓名不会留在命令历史里。")
    add.add_argument("name", nargs="?", default="-", help="姓名；写 - 表示从标准输入读取")
    add.add_argument("--root", type=Path, default=Path("."), help="仓库根目录（默认：当前目录）")

    schemas = commands.add_parser(
        "schemas", help="写出编辑器检查头信息和登记文件用的 JSON Schema",
        description="按 ROOT/mkdocs.yml 中的 xinyu 设置，写出每类内容和登记文件的 JSON Schema。")
    schemas.add_argument("root", nargs="?", default=".", type=Path,
                         help="仓库根目录，即 mkdocs.yml 所在的目录（默认：当前目录）")
    schemas.add_argument("--out", type=Path, help=f"写到哪个文件夹（默认：ROOT/{FOLDER}）")
    add_new_parser(commands)
    return parser


def run_check(root: Path, fmt: str, strict: bool) -> int:
    try:
        site_config = read_site_config(root / "mkdocs.yml")
    except ConfigError as exc:
        print(f"xinyu：{exc}", file=sys.stderr)
        return EXIT_USAGE
    library = load_library(root, xinyu_plugin_config(site_config),
                           str(site_config.get("docs_dir") or "docs"),
                           str(site_config.get("site_dir") or "site"))
    try:
        print(render(library, fmt), flush=True)
    except BrokenPipeError:  # `xinyu check | head`: the reader has what it wanted
        sys.stdout = None
    failed = library.errors or (strict and library.warnings)
    return EXIT_ERRORS if failed else EXIT_OK


def run_add_name(root: Path, name: str) -> int:
    if name == "-":
        if sys.stdin.isatty():
            print("姓名（输入后按回车，不会显示在命令历史中）：", end="", file=sys.stderr, flush=True)
        name = sys.stdin.readline()
    name = name.strip()
    if not 2 <= len(name) <= 4 or not CJK_RUN.fullmatch(name):
        print("xinyu：受保护的姓名是 2 到 4 个汉字", file=sys.stderr)
        return EXIT_USAGE
    try:
        _, settings, _ = site_settings(root)
    except ConfigError as exc:
        print(f"xinyu：{exc}", file=sys.stderr)
        return EXIT_USAGE
    path = root / settings.protected_names
    added = ProtectedNames.load(path).add(path, name)
    print(f"xinyu：{'已把哈希加入' if added else '已在名单中：'} {settings.protected_names}")
    return EXIT_OK


def run_schemas(root: Path, out: Path | None) -> int:
    try:
        _, settings, problems = site_settings(root)
    except ConfigError as exc:
        print(f"xinyu：{exc}", file=sys.stderr)
        return EXIT_USAGE
    if problems:  # a schema from the defaults would check the wrong vocabulary
        for problem in problems:
            print(problem, file=sys.stderr)
        return EXIT_ERRORS
    for path in write_schemas(settings, out or root / FOLDER):
        print(f"xinyu：已写入 {path}")
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "check":
        return run_check(args.root, args.format, args.strict)
    if args.command == "new":
        return run_new(args)
    if args.command == "privacy" and args.action == "add-name":
        return run_add_name(args.root, args.name)
    if args.command == "schemas":
        return run_schemas(args.root, args.out)
    return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
