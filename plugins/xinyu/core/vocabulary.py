"""The shared vocabularies (grades, stages, topics, semesters) and the
settings that a district configures under `plugins: - xinyu:`.

Settings are parsed here from a plain mapping, so `mkdocs build` and
`xinyu check` read the same keys the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Mapping

from .options import CHECK_LEVELS, default, unknown_options
from .problems import Problem, Severity
from .rules import BY_CODE, report

CONFIG_PATH = "mkdocs.yml"


@dataclass(frozen=True)
class Grade:
    key: int
    label: str
    stage: str


@dataclass(frozen=True)
class Topic:
    key: str
    label: str
    required: bool


STAGES: dict[str, str] = {"primary": "小学", "junior": "初中", "senior": "高中"}

SEMESTERS: dict[int, str] = {1: "上学期", 2: "下学期"}

DEFAULT_GRADES: tuple[Grade, ...] = tuple(
    Grade(key, label, "primary" if key <= 6 else "junior" if key <= 9 else "senior")
    for key, label in enumerate(
        ["一年级", "二年级", "三年级", "四年级", "五年级", "六年级",
         "七年级", "八年级", "九年级", "高一", "高二", "高三"],
        start=1,
    )
)

DEFAULT_TOPICS: tuple[Topic, ...] = (
    Topic("emotion", "情绪调适", True),
    Topic("relationships", "人际交往", True),
    Topic("life", "生命教育", True),
    Topic("study", "学习适应", True),
    Topic("self", "认识自我", False),
    Topic("career", "升学择业", False),
)

# The district minimum of lesson periods per semester, per stage (青岛 plan:
# primary and junior >= 6, senior >= 8).
DEFAULT_MIN_PERIODS: dict[str, int] = {"primary": 6, "junior": 6, "senior": 8}

# Topic keys become web addresses and anchors.
_TOPIC_KEY = re.compile(r"[a-z][a-z0-9-]*")


def dial(number: str) -> str:
    """A phone number as a `tel:` link dials it: digits (and +) only."""
    return re.sub(r"[^0-9+]", "", number)


@dataclass(frozen=True)
class OrderContact:
    """Where schools send course orders (`order:` in the plugin config)."""

    email: str = ""
    phone: str = ""
    note: str = ""

    @property
    def dial(self) -> str:
        return dial(self.phone)


@dataclass(frozen=True)
class Hotline:
    """A public help line on the 求助与热线 page (`hotlines:` in the plugin config)."""

    name: str
    number: str
    hours: str = ""
    note: str = ""

    @property
    def dial(self) -> str:
        return dial(self.number)


@dataclass(frozen=True)
class Footer:
    """What every page's footer shows (`footer:` in the plugin config)."""

    host: str = ""  # 主办单位
    icp: str = ""  # ICP 备案号, e.g. 赣ICP备12345678号-1
    police: str = ""  # 公安备案号, e.g. 赣公网安备 36010202000123号
    contact: str = ""

    @property
    def police_code(self) -> str:
        """The digits of the 公安备案号: what the ministry's search page looks up."""
        return "".join(re.findall(r"[0-9]", self.police))


FOOTER_FIELDS = ("host", "icp", "police", "contact")
HOTLINE_FIELDS = ("name", "number", "hours", "note")


@dataclass(frozen=True)
class Settings:
    """The parsed plugin block; every default comes from `options.OPTIONS`."""

    grades: tuple[Grade, ...] = DEFAULT_GRADES
    topics: tuple[Topic, ...] = DEFAULT_TOPICS
    lessons_dir: str = default("lessons_dir")
    lesson_sections: tuple[str, ...] = default("lesson_sections")
    cases_dir: str = default("cases_dir")
    case_sections: tuple[str, ...] = default("case_sections")
    featured_awards: tuple[str, ...] = default("featured_awards")
    allowed_emails: tuple[str, ...] = default("allowed_emails")
    allowed_phones: tuple[str, ...] = default("allowed_phones")
    protected_names: str = default("protected_names")
    courses_dir: str = default("courses_dir")
    lecturers_file: str = default("lecturers_file")
    order: OrderContact = field(default_factory=lambda: OrderContact())
    min_periods: Mapping[int, int] = field(default_factory=dict)
    coverage_check: str = default("coverage_check")
    periods_check: str = default("periods_check")
    attachment_max_mb: float = default("attachment_max_mb")
    silence: tuple[str, ...] = default("silence")  # codes of warnings and notices not shown
    footer: Footer = field(default_factory=lambda: Footer())
    hotlines: tuple[Hotline, ...] = tuple(Hotline(**h) for h in default("hotlines"))

    def grade(self, key: int) -> Grade | None:
        return next((g for g in self.grades if g.key == key), None)

    def topic(self, key: str) -> Topic | None:
        return next((t for t in self.topics if t.key == key), None)

    @property
    def grade_keys(self) -> list[int]:
        return [g.key for g in self.grades]

    @property
    def required_topics(self) -> list[Topic]:
        return [t for t in self.topics if t.required]

    def minimum_periods(self, grade: Grade) -> int:
        return self.min_periods.get(grade.key, DEFAULT_MIN_PERIODS.get(grade.stage, 0))

    @property
    def public_emails(self) -> tuple[str, ...]:
        """E-mail addresses that may appear on the site: the allowlist and the order address."""
        return self.allowed_emails + ((self.order.email,) if self.order.email else ())

    @property
    def public_phones(self) -> tuple[str, ...]:
        """Phone numbers that may appear on the site: the allowlist, the order
        phone and every help line (public by being listed)."""
        return self.allowed_phones + ((self.order.phone,) if self.order.phone else ()) \
            + tuple(line.number for line in self.hotlines)

    @property
    def content_paths(self) -> tuple[str, ...]:
        """Every path setting that names contributed content."""
        return (self.lessons_dir, self.cases_dir, self.courses_dir, self.lecturers_file,
                self.protected_names)

    def grade_span(self) -> str:
        keys = self.grade_keys
        return f"{min(keys)}–{max(keys)}" if keys else "none"


def settings_from_mapping(data: Mapping[str, Any] | None) -> tuple[Settings, list[Problem]]:
    """Build Settings from the plugin's config mapping; invalid values are
    reported and replaced by the defaults, so one slip does not hide others."""
    data = data or {}
    problems: list[Problem] = []

    def bad(message: str) -> None:
        problems.append(report("config-option", CONFIG_PATH, 0, reason=message))

    grades = _parse_grades(data.get("grades"), bad) or DEFAULT_GRADES
    topics = _parse_topics(data.get("topics"), bad) or DEFAULT_TOPICS
    min_periods = _parse_min_periods(data.get("min_periods"), grades, bad)

    for message in unknown_options(data):
        bad(message)

    checks = {}
    for name in ("coverage_check", "periods_check"):
        value = data.get(name) or default(name)
        if value not in CHECK_LEVELS:
            bad(f"{name} 只能是 {'、'.join(CHECK_LEVELS)} 之一，而不是“{value}”")
            value = default(name)
        checks[name] = value

    paths = {}
    for name in ("lessons_dir", "cases_dir", "protected_names", "courses_dir", "lecturers_file"):
        value = data.get(name) or default(name)
        if not isinstance(value, str) or not _inside_repository(value):
            bad(f"{name} 必须是仓库内的路径（相对于 mkdocs.yml）")
            value = default(name)
        paths[name] = value

    lists = {}
    for name in ("lesson_sections", "case_sections", "featured_awards", "allowed_emails",
                 "allowed_phones"):
        value = data.get(name)
        if value is None:
            value = default(name)
        elif not (isinstance(value, list) and all(isinstance(v, str) and v for v in value)):
            bad(f"{name} 必须是文字的列表")
            value = default(name)
        lists[name] = tuple(value)

    limit = data.get("attachment_max_mb")
    if limit is None:
        limit = default("attachment_max_mb")
    elif isinstance(limit, bool) or not isinstance(limit, (int, float)) or limit <= 0:
        bad(f"attachment_max_mb 必须是大于 0 的兆字节数，而不是“{limit}”")
        limit = default("attachment_max_mb")

    order = data.get("order") or {}
    if not (isinstance(order, dict) and set(order) <= {"email", "phone", "note"}
            and all(isinstance(v, str) for v in order.values())):
        bad("order 必须是含 email、phone、note 的一组字段，例如 order: {email: xinli@example.cn}")
        order = {}

    silence = data.get("silence") or ()
    if not isinstance(silence, (list, tuple)) or not all(isinstance(c, str) for c in silence):
        bad("silence 必须是规则编号的列表，例如 [XY-C002]")
        silence = ()
    for code in silence:
        rule = BY_CODE.get(code)
        if rule is None:
            bad(f"silence 中的“{code}”不是规则编号（见《编写指南》的提示一览）")
        elif rule.severity is Severity.ERROR:
            bad(f"silence 中的 {code} 是错误，错误不能静默")
    lists["silence"] = tuple(code for code in silence
                             if code in BY_CODE and BY_CODE[code].severity is not Severity.ERROR)

    footer = data.get("footer") or {}
    if not (isinstance(footer, dict) and set(footer) <= set(FOOTER_FIELDS)
            and all(isinstance(v, str) for v in footer.values())):
        bad("footer 必须是含 host（主办单位）、icp（ICP备案号）、police（公安备案号）、"
            "contact（联系方式）的一组文字，例如 footer: {icp: 赣ICP备12345678号-1}")
        footer = {}
    elif footer.get("police") and not re.search(r"[0-9]", footer["police"]):
        bad(f"footer.police 应当是公安备案号，例如“赣公网安备 36010202000123号”，而不是“{footer['police']}”")
        footer = {k: v for k, v in footer.items() if k != "police"}

    hotlines = _parse_hotlines(data.get("hotlines"), bad)

    settings = Settings(grades=grades, topics=topics, min_periods=min_periods,
                        order=OrderContact(**order), attachment_max_mb=limit,
                        footer=Footer(**footer), hotlines=hotlines,
                        **paths, **lists, **checks)
    return settings, problems


def _parse_hotlines(value: Any, bad) -> tuple[Hotline, ...]:
    """`hotlines`: a list of {name, number, hours, note}; name and number required."""
    defaults = tuple(Hotline(**h) for h in default("hotlines"))
    if value is None:
        return defaults
    example = "例如 hotlines: [{name: 全国青少年服务台, number: \"12355\", hours: 全天}]"
    if not isinstance(value, list):
        bad(f"hotlines 必须是热线的列表，{example}")
        return defaults
    lines = []
    for item in value:
        if not (isinstance(item, dict) and set(item) <= set(HOTLINE_FIELDS)
                and all(isinstance(item.get(k), (str, int)) and not isinstance(item.get(k), bool)
                        for k in ("name", "number"))
                and all(isinstance(item.get(k, ""), str) for k in ("hours", "note"))
                and str(item["name"]).strip() and str(item["number"]).strip()):
            bad(f"每条热线都需要 name（名称）和 number（号码），可选 hours（时间）、note（说明），"
                f"而这里是 {item!r}；{example}")
            return defaults
        if not re.fullmatch(r"\+?[0-9(][0-9 ()-]*[0-9]", str(item["number"]).strip()):
            bad(f"热线“{item['name']}”的号码只能由数字、空格、短横和括号组成")
            return defaults
        lines.append(Hotline(str(item["name"]).strip(), str(item["number"]).strip(),
                             item.get("hours", "").strip(), item.get("note", "").strip()))
    return tuple(lines)


def _inside_repository(path: str) -> bool:
    parts = path.replace("\\", "/").split("/")
    return bool(path) and not path.startswith(("/", "~")) and ":" not in parts[0] \
        and ".." not in parts


def _parse_grades(value: Any, bad) -> tuple[Grade, ...]:
    if value is None:
        return ()
    grades = []
    for item in value if isinstance(value, list) else [value]:
        if not (isinstance(item, dict) and isinstance(item.get("key"), int)
                and isinstance(item.get("label"), str) and item.get("stage") in STAGES):
            bad(f"每个年级都需要 key（整数）、label 和 stage（{'/'.join(STAGES)}），而这里是 {item!r}")
            return ()
        grades.append(Grade(item["key"], item["label"], item["stage"]))
    return tuple(grades)


def _parse_topics(value: Any, bad) -> tuple[Topic, ...]:
    if value is None:
        return ()
    topics = []
    for item in value if isinstance(value, list) else [value]:
        if not (isinstance(item, dict) and isinstance(item.get("key"), str)
                and isinstance(item.get("label"), str)):
            bad(f"每个主题都需要 key、label，可选 required: true，而这里是 {item!r}")
            return ()
        if not _TOPIC_KEY.fullmatch(item["key"]):
            bad(f"主题键“{item['key']}”只能用小写字母、数字和短横")
            return ()
        topics.append(Topic(item["key"], item["label"], bool(item.get("required", False))))
    return tuple(topics)


def _parse_min_periods(value: Any, grades: tuple[Grade, ...], bad) -> dict[int, int]:
    """`min_periods` maps a stage or a grade key to periods per semester."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        bad("min_periods 应当把学段（primary/junior/senior）或年级对应到课时数")
        return {}
    per_grade: dict[int, int] = {}
    for scope in (STAGES, None):  # stages first, so a grade key can override its stage
        for key, periods in value.items():
            if (key in STAGES) != (scope is STAGES):
                continue
            if not isinstance(periods, int) or isinstance(periods, bool) or periods < 0:
                bad(f"min_periods.{key} 必须是不小于 0 的整数")
                continue
            matching = [g for g in grades if g.stage == key or g.key == key]
            if not matching:
                bad(f"min_periods 中的“{key}”既不是学段，也不是已配置的年级")
            for grade in matching:
                per_grade[grade.key] = periods
    return per_grade
