"""The command line in Chinese: argparse's own words (usage, option groups,
the -h help and its error messages), which it looks up through gettext.

argparse offers no catalogue of its own and the editors' machines have no
Chinese one installed, so the `xinyu` command gives argparse's module-level
lookup (`argparse._`) this table; anything not in it stays as argparse says it.
"""

from __future__ import annotations

import argparse
import gettext

TEXT = {
    "usage: ": "用法：",
    "positional arguments": "参数",
    "options": "选项",
    "show this help message and exit": "显示这段帮助并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "the following arguments are required: %s": "缺少参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项 %(value)r（可选：%(choices)s）",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "expected one argument": "需要一个值",
    "expected at least one argument": "至少需要一个值",
    "expected at most one argument": "最多一个值",
    "invalid %(type)s value: %(value)r": "%(value)r 不是有效的 %(type)s 值",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 不明确，可能是 %(matches)s",
    "one of the arguments %s is required": "需要参数 %s 之一",
    "not allowed with argument %s": "不能和参数 %s 一起使用",
    "ignored explicit argument %r": "忽略了多余的值 %r",
}


def install() -> None:
    """Route argparse's messages through TEXT (once; idempotent)."""
    if getattr(argparse._, "xinyu", False):
        return

    def translate(message: str) -> str:
        return TEXT.get(message, gettext.gettext(message))

    translate.xinyu = True  # type: ignore[attr-defined]
    argparse._ = translate  # type: ignore[attr-defined]
