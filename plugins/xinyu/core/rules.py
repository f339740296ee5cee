"""The catalogue of rules: every problem xinyu reports comes from one row here.

Each rule has a stable code (``XY-F022``) that `--format json` and
`--format github` carry and that editors can search for, an English key, a
default severity and a Simplified Chinese message template. Templates name
the field as 标签（key） and quote the value found (masked later, where it
could be personal data) and what is allowed. The editor guide's catalogue of
messages is generated from this table at build time (`catalogue_markdown`).

Codes never change meaning; a retired rule keeps its code unused.
"""

from __future__ import annotations

import difflib
import re
import string
from dataclasses import dataclass

from .problems import Problem, Severity

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO


@dataclass(frozen=True)
class Rule:
    code: str
    key: str  # English, stable, e.g. "topic-unknown"
    severity: Severity
    template: str  # Chinese; {placeholders} filled by `report`
    group: str

    @property
    def placeholders(self) -> tuple[str, ...]:
        return tuple(name for _, name, _, _ in string.Formatter().parse(self.template) if name)


GROUPS = {
    "S": "文件与编码",
    "Y": "头信息（YAML）",
    "F": "字段取值",
    "B": "正文、章节与链接",
    "H": "不安全的 HTML",
    "N": "文件名、文件夹与附件",
    "P": "个人信息（隐私）",
    "R": "登记文件（课例集、讲师团、推荐计划）",
    "C": "覆盖与课时",
    "K": "站点配置（mkdocs.yml）",
    "G": "输出闸门（构建后的网站）",
}

_TABLE: tuple[tuple[str, str, Severity, str], ...] = (
    # S: reading a source file
    ("S001", "read-failed", E, "无法读取文件：{reason}"),
    ("S002", "not-utf8", E, "文件不是 UTF-8 编码{guess}：请在编辑器里用 UTF-8 编码重新保存"),
    ("S003", "nul-bytes", E, "文件里有 NUL 字节：是不是把二进制文件存成了 .md？"),
    ("S004", "empty-file", E, "文件是空的：开头要有两行 '---' 之间的头信息，后面是正文"),
    ("S005", "no-front-matter", E, "没有头信息：{hint}"),
    ("S006", "front-matter-unclosed", E, "这里开始的头信息没有结束：在最后一个字段后面加一行 '---'"),
    ("S007", "file-too-large", E, "文件有 {size} KiB；源文件最大 {limit} MiB"),
    # Y: YAML front matter and data files
    ("Y001", "yaml-too-large", E, "头信息有 {size} KiB；最多 {limit} KiB"),
    ("Y002", "yaml-tab", E, "用了 Tab 缩进；YAML 只能用空格缩进（把 Tab 换成两个空格）"),
    ("Y003", "yaml-fullwidth-colon", E, "“{key}”后面是全角冒号“：”；请写半角冒号加一个空格：'{key}: '"),
    ("Y004", "yaml-colon-space", E, "“{key}:”后面少了空格；请写 '{key}: 值'"),
    ("Y005", "yaml-syntax", E, "YAML 语法错误：{reason}"),
    ("Y006", "yaml-invalid-value", E, "头信息里有无法读取的值：{reason}"),
    ("Y007", "yaml-not-mapping", E, "头信息必须是“字段: 值”的形式，每行一个字段"),
    ("Y008", "yaml-duplicate-field", E, "字段“{field}”写了两次（第一次在第 {first} 行）"),
    ("Y009", "yaml-alias", E, "头信息里不能用锚点和别名（&名称、*名称、<<:）；请把每个值直接写出来"),
    ("Y010", "yaml-too-deep", E, "取值嵌套超过了 {limit} 层"),
    # F: field values
    ("F001", "unknown-field", E, "未知字段 {field}{hint}；可用的字段：{allowed}"),
    ("F002", "missing-field", E, "缺少必填字段 {field}，例如 {example}"),
    ("F003", "not-a-group", E, "{field}下面应当是缩进的子字段（{allowed}）"),
    ("F010", "text-empty", E, "{field}是空的"),
    ("F011", "text-type", E, "{field}应当是文字，而不是{found}"),
    ("F012", "list-type", E, "{field}应当是列表，例如 [情绪识别, 绘本]，而不是{found}"),
    ("F013", "list-item", E, "{field}应当是文字的列表；其中的{found}不是文字"),
    ("F014", "list-empty", E, "{field}是空的；至少写一个，例如 [亲子沟通]"),
    ("F015", "integer-type", E, "{field}应当是整数，而不是{found}{hint}"),
    ("F016", "integer-range", E, "{field}应当{allowed}，而不是 {found}"),
    ("F017", "choice", E, "{field}只能是 {allowed} 之一，而不是“{found}”{hint}"),
    ("F018", "consent-missing", E, "{field}是 {found}：只有监护人书面同意已存档（consent: true）的案例"
                                   "才能发布；在那之前请标为 status: draft"),
    ("F019", "semester-label", E, "{field}请写 {key}（{label}），而不是“{found}”"),
    ("F020", "semester", E, "{field}只能是 1（上学期）或 2（下学期），而不是“{found}”；上下学期均可时不写"),
    ("F021", "topic-label", E, "{field}请写主题键 {key}（{label}），而不是中文名称"),
    ("F022", "topic-unknown", E, "{field}的“{found}”不是已配置的主题{hint}；可选：{allowed}"),
    ("F023", "grades-backwards", E, "{field}的范围“{found}”写反了；请写 \"{fixed}\""),
    ("F024", "grades-empty", E, "{field}是空的；至少写一个年级，例如 grades: [3]"),
    ("F025", "grades-fullwidth-comma", E, "{field}的“{found}”用了全角逗号；请写 [3, 4]（半角逗号）"),
    ("F026", "grade-label", E, "{field}请写年级数字 {key}（{label}），而不是中文名称"),
    ("F027", "grade-type", E, "{field}应当是年级数字、列表（如 [3, 4]）或范围（如 \"3-4\"），而不是{found}"),
    ("F028", "grade-unknown", E, "{field}的 {found} 不是已配置的年级（{allowed}）"),
    ("F029", "date", E, "{field}应当是日期，例如 2024-06-01，而不是“{found}”"),
    ("F030", "month", E, "{field}应当是年月，例如 2024-05，而不是“{found}”"),
    ("F031", "url", E, "{field}应当是以 https:// 开头的网址，而不是“{found}”"),
    ("F032", "text-pattern", E, "{field}的“{found}”写法不对：{form}"),
    ("F033", "duplicate-code", E, "{field}“{code}”与 {other} 的课程编号重复{how}；"
                                  "每门课程的编号必须不同，请在其中一门课程的头信息里改写 code"),
    ("F034", "field-needed-with", E, "{with_field}是“{value}”时必须写{field}，例如 {example}"),
    ("F035", "field-only-with", W, "{field}只在{with_field}是“{value}”时有意义，这里是“{found}”，所以不显示"),
    ("F036", "activity-unknown", E, "{field}的“{found}”不是已配置的活动{hint}；可选：{allowed}"),
    # B: body, sections and links
    ("B001", "section-missing", E, "缺少必需的章节“## {section}”"),
    ("B002", "section-level", E, "章节“{section}”必须是二级标题：'## {section}'"),
    ("B003", "link-missing", E, "链接的{what}“{target}”不存在（{resolved}）"),
    ("B004", "link-local-path", E, "链接“{target}”像是电脑上的文件路径；请把文件放在本文件旁边，"
                                   "用相对链接，例如 [学习单](worksheet.pdf)"),
    ("B005", "link-leaves-folder", E, "链接“{target}”指向 {folder}/ 之外；链接其他页面请用它的网址"),
    ("B006", "attachment-outside", E, "附件“{target}”必须放在本文件所在的文件夹或它的子文件夹里"),
    ("B007", "attachment-refused", E, "附件“{target}”不能发布：{reason}"),
    ("B008", "duplicate-slug", E, "文件名“{slug}”与 {other} 重复（文件名就是网页地址）；请改掉其中一个"),
    ("B009", "attachment-unreadable", E, "{reason}；无法检查其中的个人信息，因此不发布"),
    ("B010", "scaffold-hint-left", W, "正文里还有 xinyu new 留下的提示“（待填写：……）”；请换成内容"),
    # H: unsafe HTML in contributed content (removed, and reported)
    ("H001", "unsafe-html", W, "不安全的 HTML 已删除：{what}"),
    ("H002", "unsafe-link", W, "不安全的链接已删除：“{scheme}:”链接"),
    ("H003", "page-meta-removed", W, "手写页面不使用头信息字段“{key}”（只用 {allowed}），已删除"),
    # N: names, folders and attachments
    ("N001", "name-reserved", E, "{what}“{name}”是网站保留的名字；请换一个"),
    ("N002", "name-invalid", E, "{what}“{name}”不能作为网址：只能用字母、数字、汉字、'-' 和 '_'，"
                                "不能以 '-'、'_' 或 '.' 开头"),
    ("N003", "key-invalid", E, "{what}的键“{name}”会成为网址：只能用字母、数字、'-' 和 '_'"
                               "（最多 64 个字符，不能是 index 这样的保留名）"),
    ("N004", "link-folder", E, "符号链接的文件夹不会被跟随；请把文件直接放在这里"),
    ("N005", "link-file", E, "符号链接（指向{target}）不会发布；请把文件本身放在这里"),
    ("N006", "hidden-folder", E, "隐藏文件夹（名字以 '.' 开头）里有 {count} 个 {suffix} 文件，"
                                 "它们不会发布；请给文件夹改名"),
    ("N007", "hidden-file", E, "隐藏文件（名字以 '.' 开头）不会发布；请改名"),
    ("N008", "special-file", E, "这不是普通文件（而是管道、套接字或设备）；请删除"),
    ("N009", "content-folder-link", E, "内容文件夹是符号链接；链接不会被跟随"),
    ("N010", "generated-folder", E, "“{name}/”由 xinyu 生成；放在这里的页面会替换生成的页面，请移走"),
    ("N011", "generated-file", E, "“{name}”由 xinyu 生成；请给这个文件改名"),
    ("N012", "file-type-refused", E, "“{suffix}”文件不发布（{reason}）；请从网站文件夹中删除"),
    ("N013", "site-dir-link", E, "网站输出文件夹是符号链接；构建会在别处写入和删除文件，请删除这个链接"),
    ("N014", "file-refused", E, "这个文件不能发布：{reason}"),
    # P: personal data
    ("P001", "personal-data", E, "{what}“{found}”不能发布"),
    ("P002", "personal-data-in-name", E, "文件名中含有{what}“{found}”；请改名"),
    ("P003", "allow-syntax", E, "xinyu-allow 需要写明规则（{allowed}）和理由，"
                                "例如 <!-- xinyu-allow: phone 区心理援助热线 -->"),
    # R: registries (collections.yml, lecturers.yml) and references to them
    ("R001", "registry-unreadable", E, "{reason}；这个文件没有被读取"),
    ("R002", "registry-key-type", E, "{what}的键必须是文字：请加上引号（YAML 把它读成了{found}）"),
    ("R003", "registry-needs-fields", E, "“{key}”下面需要缩进的字段（{allowed}）"),
    ("R004", "unknown-reference", E, "{field}的“{found}”没有登记{hint}；已登记在 {registry} 中的键：{allowed}"),
    # R005-R013: the district's recommended semester plans (plans/*.yml, core/plans.py)
    ("R005", "plan-lesson-unknown", E, "计划中的“{found}”不是已发布教案的文件名{hint}；"
                                       "请写 {folder}/ 里教案的文件名（不带 .md）"),
    ("R006", "plan-lesson-grade", E, "《{title}》（{slug}）适用于{grades}，不是{grade}的教案"),
    ("R007", "plan-lesson-semester", E, "《{title}》（{slug}）是{other}的教案，不能排进{semester}的计划"),
    ("R008", "plan-lesson-twice", E, "《{title}》（{slug}）在计划里出现了两次（第一次在第 {first} 行）；"
                                     "每节课只排一次"),
    ("R009", "plan-lesson-uncounted", W, "《{title}》（{slug}）的课型是{type}，不计入心理课的课时和主题"
                                         "（计入的课型：{counted}），网站上的计划不列出它"),
    ("R010", "plan-periods-short", W, "计划共 {periods} 课时；区里要求{grade}每学期至少 {minimum} 课时，"
                                      "还差 {shortfall} 课时"),
    ("R011", "plan-topic-missing", W, "计划里没有必修主题“{topic}”{available}"),
    ("R012", "plan-one-grade", E, "{field}只能写一个年级，而这里写了 {found}；每个年级各写一份计划"),
    ("R013", "plan-file-ignored", W, "推荐计划目录里只读取 YAML 文件（扩展名 .yml，每个文件一份计划）；"
                                     "这个文件没有被读取"),
    # C: coverage and periods
    ("C001", "coverage-gap", E, "覆盖缺口：{cell}没有已发布的教案"),
    ("C002", "periods-short", W, "课时不足：{grade}上学期 {first} 课时 + 下学期 {second} 课时 + "
                                 "不限学期 {either} 课时；区里要求每学期至少 {minimum} 课时，还差 {shortfall} 课时"),
    # K: the site's configuration
    ("K001", "config-option", E, "plugins.xinyu：{reason}"),
    # G: the output gate, over the built site
    ("G001", "gate-unreadable", E, "无法读取：{reason}；未经检查的内容不发布"),
    ("G002", "gate-link", E, "构建后的网站里有符号链接"),
    ("G003", "gate-unchecked-type", E, "“{suffix}”文件无法检查个人信息；未经检查的内容不发布"),
    ("G004", "gate-unsafe-html", E, "页面中出现了不安全的 HTML：{what}"),
    ("G005", "gate-personal-data", E, "{what}“{found}”出现在构建后的网站中{how}{source}；什么都没有发布"),
)

RULES: dict[str, Rule] = {
    key: Rule(f"XY-{code}", key, severity, template, GROUPS[code[0]])
    for code, key, severity, template in _TABLE
}
BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES.values()}

# The mark of a hint `xinyu new` writes for an editor to replace.
SCAFFOLD_HINT = "（待填写："

# What each privacy detector finds, as a message names it.
PERSONAL_DATA = {
    "id": "身份证号",
    "phone": "电话号码",
    "email": "电子邮箱",
    "qq": "QQ 号",
    "wechat": "微信号",
    "address": "家庭住址",
    "name": "受保护的姓名",
    "bidi": "文字方向控制符",
}


def did_you_mean(value: str, choices: list[str]) -> str:
    """The hint every message gives for a near miss: （是不是想写 emotion？）."""
    close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    return f"（是不是想写 {close[0]}？）" if close else ""


def report(name: str, path: str, line: int, col: int = 0, /,
           severity: Severity | None = None, **values: object) -> Problem:
    """The problem of rule `name` (its English key) at path:line, its message
    filled in from `values`."""
    rule = RULES[name]
    message = rule.template.format_map({name: values.get(name, "") for name in rule.placeholders})
    return Problem(path, line, message, severity or rule.severity, col, rule.code)


def catalogue_markdown() -> str:
    """The guide's catalogue of messages: one table per group, from `RULES`."""
    parts = []
    for letter, title in GROUPS.items():
        rows = [rule for rule in RULES.values() if rule.code[3] == letter]
        if not rows:
            continue
        parts.append(f"#### {title}\n\n| 编号 | 英文键 | 级别 | 提示 |\n|---|---|---|---|")
        for rule in rows:
            text = _example(rule.template)
            parts.append(f"| `{rule.code}` | `{rule.key}` | {_LEVELS[rule.severity]} | {text} |")
        parts.append("")
    return "\n".join(parts)


_LEVELS = {E: "错误", W: "警告", I: "提示"}
_MARKDOWN = re.compile(r"[\\`*_\[\]>#|]")


def markdown_text(value: str) -> str:
    """`value` as literal text inside generated Markdown (a table cell).
    Python-Markdown has no backslash escape for `<`: it becomes `&lt;`."""
    return _MARKDOWN.sub(r"\\\g<0>", value).replace("<", "&lt;")


def _example(template: str) -> str:
    """A template as the guide shows it: each placeholder as …, quoted text kept."""
    out = []
    for literal, name, _, _ in string.Formatter().parse(template):
        out.append(markdown_text(literal))
        if name is not None:
            out.append("…" if name not in ("hint", "guess", "how", "source") else "")
    return "".join(out)
