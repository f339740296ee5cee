"""`xinyu new lesson|case|course`: create a content file that passes
`xinyu check` as soon as it is written (the text comes from `core.scaffold`).

The flags of each kind are derived from its fields (`--title`, `--grades`,
`--duration-min` ...). A required value that is not given is asked for when
standard input is a terminal, and is a usage error (exit 2) otherwise. An
existing file is never replaced (exit 1).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, Mapping

from .core.config_file import ConfigError, site_settings
from .core.kinds import BY_KEY
from .core.library import privacy_guard
from .core.privacy import PrivacyGuard
from .core.scaffold import (
    TODO,
    ScaffoldError,
    can_be_draft,
    check,
    choices,
    convert,
    derive_slug,
    existing,
    flag,
    given_fields,
    must_ask,
    registries,
    registry_file,
    render,
    slug_error,
    starts_as_draft,
    suggested_code,
    target,
    write,
)
from .core.schema import Field, Kind
from .core.vocabulary import Settings

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2  # as in xinyu.cli

KINDS: dict[str, Kind] = dict(BY_KEY)


def _dest(field: Field) -> str:
    return f"field_{field.name}"


def add_new_parser(commands: argparse._SubParsersAction) -> None:
    listed = "、".join(f"{kind.label}（{kind.key}）" for kind in KINDS.values())
    new = commands.add_parser(
        "new", help="新建一个能通过 xinyu check 的内容文件",
        description=f"新建一篇{listed}。"
                    "必填项用参数给出；在终端里运行时，缺少的必填项会逐项询问。已有的文件从不覆盖。")
    kinds = new.add_subparsers(dest="kind", required=True, metavar="类别")
    for kind in KINDS.values():
        parser = kinds.add_parser(
            kind.key, help=f"新建一篇{kind.label}",
            description=f"新建一篇{kind.label}，放在它的目录下（可用 --folder 指定子文件夹）。")
        parser.add_argument("--root", type=Path, default=Path("."),
                            help="仓库根目录，即 mkdocs.yml 所在的目录（默认：当前目录）")
        for field in given_fields(kind):
            needed = "（必填）" if field in must_ask(kind) else ""
            parser.add_argument(flag(field), dest=_dest(field),
                                metavar=field.label.replace(" ", ""),
                                help=f"{field.label}{needed}：{field.help}".replace("%", "%%"))
        parser.add_argument("--slug", metavar="文件名", help="文件名（不带 .md），也是网址；不写时由标题得出")
        parser.add_argument("--folder", metavar="子文件夹", help="放在目录下的哪个子文件夹，例如 grade-03")
        if can_be_draft(kind) and not starts_as_draft(kind):
            parser.add_argument("--draft", action="store_true",
                                help="作为草稿创建（status: draft），写完后删除这一行即可发布")


def run_new(args: argparse.Namespace) -> int:
    kind = KINDS[args.kind]
    root: Path = args.root
    if not (root / "mkdocs.yml").is_file():
        return _fail(f"{root} 里没有 mkdocs.yml；请在仓库根目录运行，或用 --root 指定", EXIT_USAGE)
    try:
        _, settings, _ = site_settings(root)
    except ConfigError as exc:
        return _fail(str(exc), EXIT_USAGE)
    guard = privacy_guard(root, settings)
    known = registries(root, kind, settings, guard)
    for field in must_ask(kind):
        if choices(field, settings, known) == {}:
            where = registry_file(field, settings) or "mkdocs.yml"
            return _fail(f"{where} 里还没有可选的{field.label}；请先登记，再新建{kind.label}",
                         EXIT_ERRORS, guard)

    values: dict[str, Any] = {}
    missing: list[Field] = []
    for field in given_fields(kind):
        raw = getattr(args, _dest(field))
        if raw is None:
            if field in must_ask(kind):
                missing.append(field)
            continue
        try:
            values[field.name] = convert(field, raw, settings, known)
        except ScaffoldError as exc:
            return _fail(str(exc), EXIT_USAGE, guard)

    interactive = sys.stdin.isatty()
    if missing and not interactive:
        names = "、".join(f"{f.label}（{flag(f)}）" for f in missing)
        return _fail(f"新建{kind.label}还缺少必填项：{names}；在终端里运行时会逐项询问",
                     EXIT_USAGE)
    try:
        for field in missing:
            value = _ask(field, settings, known, guard)
            if value is None:
                return _fail("已取消，没有创建文件", EXIT_USAGE)
            values[field.name] = value
        slug = _slug(args.slug, str(values["title"]), interactive, guard)
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return _fail("已取消，没有创建文件", EXIT_USAGE)
    if isinstance(slug, int):
        return slug

    try:
        path, relative = target(root, kind, settings, args.folder, slug)
    except ScaffoldError as exc:
        return _fail(str(exc), EXIT_USAGE, guard)
    if other := existing(root, kind, settings, path, slug):
        why = "已经存在" if other == relative else \
            f"已经用了文件名 '{slug}'（{kind.label}的文件名就是网址，不能重复，大小写不同也算重复）"
        return _fail(f"{other} {why}。没有覆盖任何文件；请用 --slug 换一个文件名",
                     EXIT_ERRORS, guard)

    suggested = None
    if "code" not in values and (suggested := suggested_code(root, kind, settings, guard, values)):
        values["code"] = suggested  # the next course number, e.g. JZ-08
    draft = bool(getattr(args, "draft", False)) or starts_as_draft(kind)
    text = render(kind, settings, values, draft=draft)
    errors = [p for p in check(root, kind, settings, guard, relative, text) if p.is_error]
    if errors:
        details = "\n".join(f"  {guard.redact_problem(p)}" for p in errors)
        return _fail(f"按给出的值生成的文件通不过检查，没有创建：\n{details}", EXIT_USAGE, guard)
    try:
        write(path, text)
    except FileExistsError:
        return _fail(f"{relative} 已经存在，没有覆盖；请用 --slug 换一个文件名", EXIT_ERRORS, guard)
    except OSError as exc:
        return _fail(f"无法写入 {relative}：{exc.strerror or exc}", EXIT_ERRORS, guard)

    print(f"xinyu：已创建 {relative}")
    if suggested:
        print(f"课程编号（code）取了下一个空号 {suggested}；需要时可以改成别的编号，但不能与其他课程重复")
    print(f"下一步：把正文里“（{TODO}：……）”的提示换成内容，需要的选填字段去掉行首的 # 填上；"
          "编辑正文后运行 xinyu check")
    if starts_as_draft(kind):
        print("这篇案例是草稿（status: draft，consent: false）：取得监护人书面同意并存档后，"
              "由负责老师把 consent 改为 true，再删除 status: draft 这一行才会发布")
    elif draft:
        print("这是草稿（status: draft）：写完后删除这一行才会发布")
    return EXIT_OK


def _ask(field: Field, settings: Settings, known: Mapping[str, Mapping[str, str]],
         guard: PrivacyGuard) -> Any:
    """Prompt (on stderr) until the answer is valid; None at end of input."""
    print(f"{field.label}（{flag(field)}）：{field.help}", file=sys.stderr)
    options = choices(field, settings, known)
    for key, label in (options or {}).items():
        print(f"  {key}  {label}" if label != key else f"  {key}", file=sys.stderr)
    while True:
        print("> ", end="", file=sys.stderr, flush=True)
        line = sys.stdin.readline()
        if not line:
            return None
        try:
            return convert(field, line, settings, known)
        except ScaffoldError as exc:
            print(f"  {guard.redact(str(exc))}；请重新输入（按 Ctrl+C 取消）", file=sys.stderr)


def _slug(given: str | None, title: str, interactive: bool, guard: PrivacyGuard) -> str | int:
    """The file name, or an exit code."""
    if given is not None:
        given = given.strip()
        given = given[:-3] if given.lower().endswith(".md") else given
        if error := slug_error(given):
            return _fail(error, EXIT_USAGE, guard)
        return given
    derived = derive_slug(title)
    if derived is not None:
        return derived
    if not interactive:
        return _fail("无法由标题得出文件名；请用 --slug 指定文件名（字母、数字、汉字、- 和 _）",
                     EXIT_USAGE)
    print("文件名（--slug）：文件名也是网址，只能用字母、数字、汉字、- 和 _，例如 feelings-weather",
          file=sys.stderr)
    while True:
        print("> ", end="", file=sys.stderr, flush=True)
        line = sys.stdin.readline()
        if not line:
            return _fail("已取消，没有创建文件", EXIT_USAGE)
        slug = line.strip()
        slug = slug[:-3] if slug.lower().endswith(".md") else slug
        if error := slug_error(slug):
            print(f"  {guard.redact(error)}；请重新输入", file=sys.stderr)
        else:
            return slug


def _fail(message: str, code: int, guard: PrivacyGuard | None = None) -> int:
    """Print a message to stderr (masked: it may echo a value) and return `code`."""
    print(f"xinyu：{guard.redact(message) if guard else message}", file=sys.stderr)
    return code
