"""The shared vocabularies (grades, stages, topics, semesters) and the
settings that a district configures under `plugins: - xinyu:`.

Settings are parsed here from a plain mapping, so `mkdocs build` and
`xinyu check` read the same keys the same way.
"""

from __future__ import annotations

import datetime as dt
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


@dataclass(frozen=True)
class Holiday:
    name: str
    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class Term:
    """A semester of the school calendar (`calendar:`): the planner lays one
    lesson every two weeks over its teaching weeks. Without a start date the
    weeks are numbered only."""

    name: str
    semester: int  # 1 上学期, 2 下学期
    weeks: int
    start: dt.date | None = None  # the Monday of week 1
    holidays: tuple[Holiday, ...] = ()

    def week_dates(self, week: int) -> tuple[dt.date, dt.date] | None:
        """Monday and Friday of teaching week `week` (1-based)."""
        if self.start is None:
            return None
        monday = self.start - dt.timedelta(days=self.start.weekday()) + dt.timedelta(weeks=week - 1)
        return monday, monday + dt.timedelta(days=4)

    def holiday_of(self, week: int) -> Holiday | None:
        """The holiday that takes every school day (Monday–Friday) of the week."""
        dates = self.week_dates(week)
        if dates is None:
            return None
        days = [dates[0] + dt.timedelta(days=n) for n in range(5)]
        # Every school day off (holidays may follow one another): the first listed names it.
        off = [[h for h in self.holidays if h.start <= day <= h.end] for day in days]
        return next(h for h in self.holidays if any(h in o for o in off)) if all(off) else None


@dataclass(frozen=True)
class Activity:
    """A day or month of the year's activities calendar (`activities:`)."""

    key: str
    label: str
    month: int
    day: int | None = None


@dataclass(frozen=True)
class ParentsSchool:
    sessions: int = 2
    periods: int = 4


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
    training_dir: str = default("training_dir")
    plans_dir: str = default("plans_dir")
    counted_types: tuple[str, ...] = default("counted_types")
    calendar: tuple[Term, ...] = ()
    parents_school: ParentsSchool = field(default_factory=lambda: ParentsSchool())
    training_hours: Mapping[str, int] = field(default_factory=lambda: dict(default("training_hours")))
    committee_sessions: int = default("committee_sessions")
    activities: tuple[Activity, ...] = ()
    submit_email: str = ""  # where the 投稿 page mails a contribution

    def activity(self, key: str) -> Activity | None:
        return next((a for a in self.activities if a.key == key), None)

    def terms(self, semester: int | None = None) -> list[Term]:
        return [t for t in self.calendar if semester is None or t.semester == semester]

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
        return self.allowed_emails + ((self.order.email,) if self.order.email else ()) \
            + ((self.submit_email,) if self.submit_email else ())

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
                self.protected_names, self.training_dir, self.plans_dir)

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
    for name in ("lessons_dir", "cases_dir", "protected_names", "courses_dir", "lecturers_file",
                 "training_dir", "plans_dir"):
        value = data.get(name) or default(name)
        if not isinstance(value, str) or not _inside_repository(value):
            bad(f"{name} 必须是仓库内的路径（相对于 mkdocs.yml）")
            value = default(name)
        paths[name] = value

    lists = {}
    for name in ("lesson_sections", "case_sections", "featured_awards", "allowed_emails",
                 "allowed_phones", "counted_types"):
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

    programme = _parse_programme(data, bad)
    submit_email = data.get("submit_email") or ""
    if submit_email and not (isinstance(submit_email, str)
                             and re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", submit_email)):
        bad(f"submit_email 应当是一个邮箱地址，而不是“{submit_email}”")
        submit_email = ""
    programme["submit_email"] = submit_email
    settings = Settings(grades=grades, topics=topics, min_periods=min_periods,
                        order=OrderContact(**order), attachment_max_mb=limit,
                        footer=Footer(**footer), hotlines=hotlines,
                        **paths, **lists, **checks, **programme)
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


LESSON_TYPES = ("心理课", "团辅活动", "主题班会", "学科渗透", "心理委员培训")
TRAINING_AUDIENCES = ("心理委员", "班主任", "兼职心理教师", "专职心理教师", "全体教师")
_ACTIVITY_KEY = re.compile(r"[a-z0-9][a-z0-9-]*")


def _count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _parse_programme(data: Mapping[str, Any], bad) -> dict[str, Any]:
    """The district programme's settings: calendar, parents' school,
    training hours, 心理委员 sessions, activities, counted lesson types."""
    result: dict[str, Any] = {}
    for name in data.get("counted_types") or ():
        if name not in LESSON_TYPES:
            bad(f"counted_types 中的“{name}”不是课型；课型有：{'、'.join(LESSON_TYPES)}")
    result["calendar"] = _parse_calendar(data.get("calendar"), bad)

    school = data.get("parents_school")
    if school is None:
        school = default("parents_school")
    if not (isinstance(school, dict) and set(school) <= {"sessions", "periods"}
            and all(_count(v) for v in school.values())):
        bad("parents_school 必须写成 {sessions: 每学期次数, periods: 每学期课时}，例如 {sessions: 2, periods: 4}")
        school = default("parents_school")
    result["parents_school"] = ParentsSchool(**{**default("parents_school"), **school})

    hours = data.get("training_hours")
    if hours is None:
        hours = default("training_hours")
    if not (isinstance(hours, dict) and all(k in TRAINING_AUDIENCES and _count(v)
                                             for k, v in hours.items())):
        bad(f"training_hours 必须把培训对象（{'、'.join(TRAINING_AUDIENCES)}）对应到学时数，"
            "例如 {专职心理教师: 40, 班主任: 16}")
        hours = default("training_hours")
    result["training_hours"] = dict(hours)

    sessions = data.get("committee_sessions")
    if sessions is None:
        sessions = default("committee_sessions")
    if not _count(sessions):
        bad(f"committee_sessions 必须是不小于 0 的整数，而不是“{sessions}”")
        sessions = default("committee_sessions")
    result["committee_sessions"] = sessions

    activities = data.get("activities")
    if activities is None:
        activities = default("activities")
    parsed = []
    for item in activities if isinstance(activities, (list, tuple)) else [activities]:
        day = item.get("day") if isinstance(item, dict) else None
        if not (isinstance(item, dict) and set(item) <= {"key", "label", "month", "day"}
                and isinstance(item.get("key"), str) and _ACTIVITY_KEY.fullmatch(item["key"])
                and isinstance(item.get("label"), str) and item["label"].strip()
                and _count(item.get("month")) and 1 <= item["month"] <= 12
                and (day is None or (_count(day) and 1 <= day <= 31))):
            bad("每项活动需要 key（小写字母、数字、短横）、label、month（1–12），可选 day，"
                f"例如 {{key: day-0525, label: 5·25心理健康日, month: 5, day: 25}}，而这里是 {item!r}")
            parsed = None
            break
        parsed.append(Activity(item["key"], item["label"].strip(), item["month"], day))
    if parsed is None:
        parsed = [Activity(**a) for a in default("activities")]
    result["activities"] = tuple(parsed)
    return result


def _parse_calendar(value: Any, bad) -> tuple[Term, ...]:
    defaults = tuple(Term(t["name"], t["semester"], t["weeks"]) for t in default("calendar"))
    if value is None:
        return defaults
    example = ("例如 calendar: [{name: 2026—2027学年第二学期, semester: 2, start: 2027-02-22, weeks: 19, "
               "holidays: [{name: 劳动节, from: 2027-05-01, to: 2027-05-05}]}]")
    terms = []
    for item in value if isinstance(value, list) else [value]:
        if not (isinstance(item, dict) and set(item) <= {"name", "semester", "start", "weeks", "holidays"}
                and isinstance(item.get("name"), str) and item["name"].strip()
                and item.get("semester") in (1, 2) and _count(item.get("weeks"))
                and 1 <= item["weeks"] <= 30):
            bad(f"学期日历的每一项需要 name、semester（1 或 2）、weeks（1–30 周），可选 start 和 holidays；{example}")
            return defaults
        start = _date(item["start"]) if "start" in item else None
        if "start" in item and start is None:
            bad(f"学期“{item['name']}”的 start 应当是日期，例如 2027-02-22")
            return defaults
        holidays = []
        for day in item.get("holidays") or ():
            first = _date(day.get("from")) if isinstance(day, dict) else None
            last = _date(day.get("to", day.get("from"))) if isinstance(day, dict) else None
            if first is None or last is None or last < first or not str(day.get("name") or "").strip():
                bad(f"学期“{item['name']}”的假期需要 name、from 和 to（日期，to 不早于 from），而这里是 {day!r}")
                return defaults
            holidays.append(Holiday(str(day["name"]).strip(), first, last))
        terms.append(Term(item["name"].strip(), item["semester"], item["weeks"], start, tuple(holidays)))
    return tuple(terms) or defaults
