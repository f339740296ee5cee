"""New content files (`xinyu new`): the text of a lesson, case or course
that passes `xinyu check` as soon as it is written.

Design:

- Every value in the front matter is a real value: required fields come
  from the editor (flags or prompts), never a placeholder that could be
  published unnoticed. Only two are filled in: a required date defaults to
  today, and guardian consent (a `Consent` field) is always written as
  `false` — it is set to `true` by a person who has seen the signed form,
  never by a tool. A kind with a consent field therefore starts as a draft
  (`status: draft`), whose only problem is the expected consent warning.
- Optional fields are written as YAML comments, in the kind's field order,
  each with its Chinese label and help, so an editor discovers them by
  removing the `#`. An optional field given on the command line is written
  as a value.
- The body has every section the district requires (and the conventional
  optional ones) with a one-line hint in brackets, “（待填写：……）” for a
  required section and “（选写：……）” for an optional one: visible in the
  preview and in review, so a forgotten hint is noticed.
- Values are written with `yaml.safe_dump`, never by pasting text into YAML,
  so a title holding `: # " '` reads back exactly.

No MkDocs and no argparse here: the CLI (`xinyu.cli_new`) asks and prints.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import tempfile
import unicodedata
from pathlib import Path
from typing import Any, Mapping

import yaml

from .fields import (
    ActivityKeys,
    Choice,
    Choices,
    Consent,
    Date,
    Grades,
    Integer,
    Invalid,
    Semester,
    TextList,
    TopicKey,
)
from .files import RESERVED_SLUGS, SLUG
from .kinds import AUDIENCES, AWARDS, FORMATS
from .lecturers import load_lecturers
from .codes import next_code
from .loader import load_entry, load_kind
from .markdown import CJK
from .privacy import PrivacyGuard
from .problems import Problem
from .rules import SCAFFOLD_HINT, report
from .schema import Field, Kind
from .vocabulary import SEMESTERS, Settings

STATUS = "status"
TODO = SCAFFOLD_HINT.strip("（：")  # 待填写: the mark of a hint an editor must replace (XY-B010)
OPTIONAL = "选写"

# Labels of a field's choices, for prompts and messages (topics come from the settings).
CHOICE_LABELS: dict[str, Mapping[str, str]] = {
    "audience": AUDIENCES,
    "format": FORMATS,
    "award": {award: award for award in AWARDS},
}

# The conventional sections of each kind, in order, with a one-line hint.
# A section the district requires that is not listed here is added with a
# plain hint; a listed section that is not required is marked optional.
SECTION_HINTS: dict[str, tuple[tuple[str, str], ...]] = {
    "lesson": (
        ("教学目标", "分条写出认知、情感、行为目标，每条一句话。"),
        ("教学准备", "教具、课件、学习单和教室布置；不需要时可删去本节。"),
        ("教学过程", "按环节写，每个环节一个三级标题，如“### 一、暖身活动（约5分钟）”，"
                     "写清教师的提问和学生的活动。"),
        ("教学反思", "课后的体会和注意事项；提到学生时一律用化名（小A、小明……）。"),
    ),
    "case": (
        ("案例背景", "学生的年级、家庭情况和问题的由来。学生和家人一律用化名（小A、小雨……），"
                     "不写真实姓名、电话、住址等能认出身份的信息。"),
        ("问题分析", "问题的成因，如学生的发展特点、家庭教养方式、亲子沟通模式。"),
        ("指导过程", "一步一步写家校共同做了什么，每一步可用加粗的小标题，如“**第一步：……**”。"),
        ("效果与反思", "回访时的变化，以及这个案例给其他家庭和老师的启发。"),
    ),
    "training": (
        ("培训目标", "分条写出参加者学完后知道什么、会做什么。"),
        ("培训内容", "按次或按环节列出内容，每条一句话；写清每次的时长。"),
        ("考核方式", "怎样确认参加者学会了，如情景演练、提交一份方案；不需要时可删去本节。"),
    ),
    "course": (
        ("课程大纲", "按环节列出课程内容，每条一句话，如“1. 情景导入：……”。"),
        ("适合对象", "最适合哪些家长、学生或家庭参加。"),
        ("讲师寄语", "讲师想对参加者说的一两句话。"),
    ),
}


class ScaffoldError(ValueError):
    """A value that cannot go into a new file; the message is Chinese and
    says how to fix it."""


def flag(field: Field) -> str:
    """The command-line flag of a field: duration_min → --duration-min."""
    return "--" + field.name.replace("_", "-")


def given_fields(kind: Kind) -> tuple[Field, ...]:
    """The fields an editor can give when creating a file: every plain
    field, except consent (never set by a tool) and status (see `--draft`)."""
    return tuple(f for f in kind.fields
                 if not f.is_group and f.name != STATUS and not isinstance(f.type, Consent))


def automatic(field: Field, today: dt.date | None = None) -> Any:
    """The value of a required field the editor need not give, or None."""
    if isinstance(field.type, Date):
        return today or dt.date.today()
    return None


def must_ask(kind: Kind) -> tuple[Field, ...]:
    """Required fields without an automatic value: given or prompted."""
    return tuple(f for f in given_fields(kind) if f.required and automatic(f) is None)


def starts_as_draft(kind: Kind) -> bool:
    """A kind with a consent field starts as a draft: consent is set by a person."""
    return any(isinstance(f.type, Consent) for f in kind.fields)


def can_be_draft(kind: Kind) -> bool:
    status = kind.field(STATUS)
    return (status is not None and isinstance(status.type, Choice)
            and kind.draft in status.type.choices)


def registries(root: Path, kind: Kind, settings: Settings, guard: PrivacyGuard
               ) -> dict[str, dict[str, str]]:
    """{field name: {key: label}} for fields that name a registry entry
    (a course's lecturer must be listed in content/lecturers.yml)."""
    found: dict[str, dict[str, str]] = {}
    if kind.field("lecturer") is not None:
        lecturers, _, _ = load_lecturers(root, settings, guard)
        found["lecturer"] = {key: lecturer.name for key, lecturer in lecturers.items()}
    return found


def suggested_code(root: Path, kind: Kind, settings: Settings, guard: PrivacyGuard,
                   values: Mapping[str, Any]) -> str | None:
    """The course number (课程编号) for a new course: the next free number of
    the prefix its audience's courses use most (of all courses' when none of
    its audience has one), e.g. JZ-08 after JZ-07; None when no course
    declares a numbered code (the file name then gives one)."""
    if kind.field("code") is None or kind.field("audience") is None:
        return None
    result = load_kind(root, kind, settings, guard)
    courses = result.published + result.drafts
    codes = [c.meta["code"] for c in courses if c.meta.get("code")]
    same = [c.meta["code"] for c in courses
            if c.meta.get("code") and c.meta.get("audience") == values.get("audience")]
    return next_code(codes, prefer=same)


def registry_file(field: Field, settings: Settings) -> str | None:
    return settings.lecturers_file if field.name == "lecturer" else None


def choices(field: Field, settings: Settings,
            known: Mapping[str, Mapping[str, str]] | None = None) -> dict[str, str] | None:
    """{key: label} of a field whose value is one of a list (`known`: from
    `registries`), or None."""
    if known and field.name in known:
        return dict(known[field.name])
    if isinstance(field.type, TopicKey):
        return {t.key: t.label for t in settings.topics}
    if isinstance(field.type, Semester):
        return {str(key): label for key, label in SEMESTERS.items()}
    if isinstance(field.type, Choice):
        labels = CHOICE_LABELS.get(field.name, {})
        return {c: labels.get(c, c) for c in field.type.choices}
    return None


def convert(field: Field, raw: str, settings: Settings,
            known: Mapping[str, Mapping[str, str]] | None = None) -> Any:
    """The YAML value of `raw` (as typed on the command line or at a prompt)
    for `field`, checked as `xinyu check` would; raises ScaffoldError."""
    what = f"{field.label}（{flag(field)}）"
    text = unicodedata.normalize("NFC", raw).strip()
    if not text:
        raise ScaffoldError(f"{what}不能为空")
    if any(unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") for c in text):
        raise ScaffoldError(f"{what}只能是一行文字，不能包含换行或控制字符")
    options = choices(field, settings, known)
    if options is not None:
        return _one_of(field, what, text, options)
    ftype = field.type
    if isinstance(ftype, Grades):
        value: Any = _grades(text)
    elif isinstance(ftype, Integer):
        if not re.fullmatch(r"\d{1,9}", text):
            raise ScaffoldError(f"{what}要写一个整数，例如 {max(ftype.minimum, 1)}，不是 '{text}'")
        value = int(text)
    elif isinstance(ftype, (TextList, Choices, ActivityKeys)):
        value = [part.strip() for part in re.split(r"[,，、;；]", text) if part.strip()]
    elif isinstance(ftype, Date):
        try:
            value = dt.date.fromisoformat(text)
        except ValueError:
            raise ScaffoldError(f"{what}要写成 2024-06-01 这样的日期，不是 '{text}'") from None
    else:
        value = text
    try:
        ftype.parse(value, settings)
    except Invalid as exc:
        raise ScaffoldError(report(exc.rule, "", 0, field=what, **exc.values).message) from None
    return value


def _one_of(field: Field, what: str, text: str, options: dict[str, str]) -> Any:
    if not options:
        raise ScaffoldError(f"{what}没有可选的值；请先登记（见《编写指南》）")
    by_label = {label: key for key, label in options.items()}
    key = text if text in options else by_label.get(text)
    if key is None:
        folded = {k.casefold(): k for k in options}
        key = folded.get(text.casefold())
    if key is None:
        close = difflib.get_close_matches(text, list(options) + list(by_label), n=1, cutoff=0.6)
        hint = f"（是不是想写 {by_label.get(close[0], close[0])}？）" if close else ""
        listed = "、".join(f"{k}（{label}）" if label != k else k for k, label in options.items())
        raise ScaffoldError(f"{what}没有 '{text}' 这一项{hint}；可以写：{listed}")
    return int(key) if isinstance(field.type, Semester) else key


def _grades(text: str) -> Any:
    """3 → 3; 3,4 → [3, 4]; 3-4 → "3-4" (written as the editor wrote it)."""
    text = text.strip("[]［］ ")
    if re.fullmatch(r"\d+\s*[-–~～至到]\s*\d+", text):
        low, high = re.findall(r"\d+", text)
        return f"{int(low)}-{int(high)}"
    parts = [p for p in re.split(r"[,，、\s]+", text) if p]
    numbers = [int(p) if re.fullmatch(r"[0-9]+", p) else p for p in parts]
    return numbers[0] if len(numbers) == 1 else numbers


# ---------------------------------------------------------------- names

_SLUG_CHAR = re.compile(f"[A-Za-z0-9{CJK}]")  # a character a slug may hold besides - and _


def derive_slug(title: str) -> str | None:
    """A file name from a title: characters a web address cannot hold become
    '-'; None when nothing usable is left (then --slug is needed)."""
    text = unicodedata.normalize("NFKC", title)
    slug = "".join(c if _SLUG_CHAR.fullmatch(c) or c in "-_" else "-" for c in text)
    slug = re.sub(r"[-_]*-[-_]*", "-", slug).strip("-_")[:100].rstrip("-_")
    slug = "".join(c.lower() if c.isascii() else c for c in slug)
    return slug if slug and slug_error(slug) is None else None


def slug_error(slug: str) -> str | None:
    if slug.casefold() in RESERVED_SLUGS:
        return (f"文件名 '{slug}' 是网站自己的页面用的保留名（{'、'.join(sorted(RESERVED_SLUGS))}），"
                "请换一个")
    if not SLUG.fullmatch(slug):
        return (f"文件名 '{slug}' 不能做网址：只能用字母、数字、汉字、'-' 和 '_'，"
                "不能以符号开头，最长 100 个字符，不要写 .md")
    return None


def folder_error(folder: str) -> str | None:
    parts = folder.replace("\\", "/").strip("/").split("/")
    for part in parts:
        if not SLUG.fullmatch(part):
            return (f"文件夹 '{folder}' 不能用：每一级文件夹名只能用字母、数字、汉字、'-' 和 '_'，"
                    "不能以符号或 '.' 开头（例如 grade-03）")
    return None


def target(root: Path, kind: Kind, settings: Settings, folder: str | None, slug: str
           ) -> tuple[Path, str]:
    """(absolute path, path relative to root) of the new file; raises
    ScaffoldError for a folder that is a link or not a folder."""
    relative = kind.directory(settings).strip("/")
    if folder:
        if error := folder_error(folder):
            raise ScaffoldError(error)
        relative = f"{relative}/{folder.replace(chr(92), '/').strip('/')}"
    current = root
    for part in relative.split("/"):
        current = current / part
        if current.is_symlink():
            raise ScaffoldError(f"'{current.relative_to(root).as_posix()}' 是符号链接（快捷方式），"
                                "不会被读取；请换一个文件夹")
        if current.exists() and not current.is_dir():
            raise ScaffoldError(f"'{current.relative_to(root).as_posix()}' 是文件，不是文件夹")
    return current / f"{slug}.md", f"{relative}/{slug}.md"


def existing(root: Path, kind: Kind, settings: Settings, path: Path, slug: str) -> str | None:
    """A file that the new one would replace or whose name (the page's web
    address, unique per kind) it would repeat, ignoring case; or None."""
    if path.exists() or path.is_symlink():
        return path.relative_to(root).as_posix()
    top = root / kind.directory(settings)
    if not top.is_dir() or top.is_symlink():
        return None
    wanted = slug.casefold()
    for folder, dirs, names in os.walk(top, followlinks=False):
        dirs.sort()
        for name in sorted(names):
            if name.lower().endswith(".md") and name[:-3].casefold() == wanted:
                return (Path(folder) / name).relative_to(root).as_posix()
    return None


# ---------------------------------------------------------------- text

def render(kind: Kind, settings: Settings, values: Mapping[str, Any], draft: bool = False,
           today: dt.date | None = None) -> str:
    """The text of a new file. `values` maps field names to YAML values
    (from `convert`); every required field must be given or automatic."""
    draft = draft or starts_as_draft(kind)
    lines = ["---", "# 以 # 开头的行是选填字段：去掉行首的 # 并填上值即可使用。"]
    for field in kind.fields:
        if field.name in values:
            lines.append(_line(field.name, values[field.name]))
        elif isinstance(field.type, Consent):
            lines.append(f"{field.name}: false  # {field.label}：只有监护人的书面同意已经存档时，"
                         "才由负责老师改为 true；在此之前案例是草稿，不会发布。")
        elif field.name == STATUS and draft:
            note = ("新案例先作为草稿；取得书面同意、写完正文后删除这一行即可发布。"
                    if starts_as_draft(kind) else "草稿不发布；写完后删除这一行即可发布。")
            lines.append(f"{_line(field.name, kind.draft)}  # {field.label}：{note}")
        elif field.required and (value := automatic(field, today)) is not None:
            lines.append(_line(field.name, value))
        elif field.required:
            raise ScaffoldError(f"缺少必填字段 {field.called()}")
        else:
            lines += _commented(field)
    lines.append("---")
    return "\n".join(lines) + "\n" + body(kind, settings)


def body(kind: Kind, settings: Settings) -> str:
    required = kind.sections(settings, {})
    known = SECTION_HINTS.get(kind.key, ())
    sections = [(name, hint, name in required) for name, hint in known]
    sections += [(name, "这一节的内容。", True) for name in required
                 if name not in {n for n, _ in known}]
    parts = []
    for name, hint, needed in sections:
        mark = TODO if needed else OPTIONAL
        parts.append(f"## {name}\n\n（{mark}：{hint}）\n")
    return "\n" + "\n".join(parts)


class _Dumper(yaml.SafeDumper):
    """Block mappings, lists on one line: `grades: [3, 4]`."""


_Dumper.add_representer(list, lambda dumper, data: dumper.represent_sequence(
    "tag:yaml.org,2002:seq", data, flow_style=True))


def _line(name: str, value: Any) -> str:
    """`name: value`, quoted and escaped by the YAML library itself."""
    if isinstance(value, tuple):
        value = list(value)
    dumped = yaml.dump({name: value}, Dumper=_Dumper, allow_unicode=True,
                       default_flow_style=False, sort_keys=False, width=1_000_000)
    return dumped.rstrip("\n")


def _commented(field: Field, indent: str = "") -> list[str]:
    note = f"  # {field.label}：{field.help}" if field.label else ""
    if field.is_group:
        lines = [f"# {indent}{field.name}:{note}"]
        for sub in field.fields:
            lines += _commented(sub, indent + "  ")
        return lines
    if field.example:
        sample = f" {field.example.split(':', 1)[1].strip()}"
    elif field.default not in (None, ()):
        sample = f" {_line(field.name, field.default).split(': ', 1)[1]}"
    else:
        sample = ""
    return [f"# {indent}{field.name}:{sample}{note}"]


# ---------------------------------------------------------------- checking

def check(root: Path, kind: Kind, settings: Settings, guard: PrivacyGuard, relative: str,
          text: str) -> list[Problem]:
    """The problems `xinyu check` would report for `text` saved at
    `relative`, read by the one loader, except the one a new file has on
    purpose (consent not yet given)."""
    with tempfile.TemporaryDirectory(prefix="xinyu-new-") as folder:
        path = Path(folder) / Path(relative).name
        path.write_text(text, encoding="utf-8", newline="\n")
        entry, problems, _ = load_entry(root, path, relative, kind, settings, guard)
    if entry is None:
        return problems
    consent = {entry.lines.get(f.name) for f in kind.fields if isinstance(f.type, Consent)}
    return [p for p in problems if p.line not in consent]


def write(path: Path, text: str) -> None:
    """Create the file; never replaces one (raises FileExistsError)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8", newline="\n") as out:
        out.write(text)
