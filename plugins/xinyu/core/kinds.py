"""The content kinds, each one declaration (see schema.Kind and
CONTENT_MODEL.md); KINDS lists them in the order the site shows them."""

from __future__ import annotations

from typing import Any, Callable, Mapping

from .fields import (
                     ActivityKeys,
                     Choice,
                     Choices,
                     Consent,
                     Date,
                     Grades,
                     Integer,
                     Semester,
                     Text,
                     TextList,
                     TopicKey,
                     Url,
                     YearMonth,
)
from .schema import CrossProblem, Field, Group, Kind
from .vocabulary import LESSON_TYPES, STAGES, TRAINING_AUDIENCES, Settings

# 学科渗透 lessons name their subject (003: every subject teacher writes them).
SUBJECTS = ("语文", "数学", "英语", "道德与法治", "科学", "物理", "化学", "生物", "历史", "地理",
            "体育与健康", "音乐", "美术", "信息科技", "劳动", "综合实践活动")
# Lesson types run as activities have activity sections instead of teaching ones.
ACTIVITY_TYPES = ("团辅活动", "主题班会", "心理委员培训")
ACTIVITY_SECTIONS = ("活动目标", "活动过程")


def lesson_order(settings: Settings) -> Callable[[Any], tuple]:
    """The reading order of lessons: by grade, semester (unspecified last),
    topic as configured, then title."""
    topic_rank = {t.key: i for i, t in enumerate(settings.topics)}

    def key(lesson) -> tuple:
        meta = lesson.meta
        return (min(meta["grades"]), meta.get("semester") or 3,
                topic_rank.get(meta["topic"], len(topic_rank)), meta["title"], lesson.slug)
    return key


def _lesson_sections(settings: Settings, meta: Mapping[str, Any]) -> tuple[str, ...]:
    return ACTIVITY_SECTIONS if meta.get("type") in ACTIVITY_TYPES else settings.lesson_sections


def _lesson_checks(meta: Mapping[str, Any]) -> list[CrossProblem]:
    kind = meta.get("type") or "心理课"
    if kind == "学科渗透" and not meta.get("subject"):
        return [("field-needed-with", "subject", "type", {"with_field": "课型（type）", "value": kind,
                                                  "example": "subject: 语文"})]
    if kind != "学科渗透" and meta.get("subject"):
        return [("field-only-with", "subject", "subject", {"with_field": "课型（type）", "value": "学科渗透",
                                                "found": kind})]
    return []


def _lesson_tag(meta: Mapping[str, Any]) -> str:
    kind = meta.get("type") or "心理课"
    return "课例" if meta.get("showcase") else "教案" if kind == "心理课" else kind

ACTIVITIES_FIELD = Field(
    "activities", ActivityKeys(), default=(), label="活动",
    help='可选：适合哪些活动日或宣传月，写活动日历的键，如 [day-0525, month-05]（见“活动日历”页）。')

LESSON = Kind(
    key="lesson",
    label="教案",
    directory=lambda settings: settings.lessons_dir,
    sections=_lesson_sections,
    folder="lessons",
    template="lesson.md.j2",
    index_template="lessons_index.md.j2",
    nav_section="lessons",
    search_tag=_lesson_tag,
    order=lesson_order,
    neighbours="topic",
    cross_checks=_lesson_checks,
    references=(("showcase.collection", "collections"),),
    fields=(
        Field("title", Text(), required=True, example="title: 情绪小怪兽",
              label="标题", help='教案的标题，显示在页面顶部和各个列表中。'),
        Field("grades", Grades(), required=True, example="grades: [1, 2]",
              label="适用年级", help='一个年级（3）、年级列表（[3, 4]）或范围（"3-4"），用年级数字 1–12。'),
        Field("topic", TopicKey(), required=True, example="topic: emotion",
              label="主题", help='一个主题键（英文），写区里配置的主题之一，如 emotion（情绪调适）。'),
        Field("type", Choice(LESSON_TYPES), default="心理课",
              label="课型", help='心理课（默认）、团辅活动、主题班会、学科渗透或心理委员培训；'
                                 '团辅活动、主题班会、心理委员培训的正文写“活动目标”“活动过程”。'),
        Field("subject", Choice(SUBJECTS),
              label="学科", help='学科渗透教案所在的学科，如 语文、数学；只有 type: 学科渗透 时写，且必须写。'),
        Field("semester", Semester(),
              label="学期", help='1 表示上学期，2 表示下学期；不写表示上下学期均可。'),
        Field("periods", Integer(minimum=1), default=1,
              label="课时", help='这节课占几个课时，整数，至少 1，默认 1。'),
        Field("duration_min", Integer(minimum=1),
              label="每课时分钟数", help='每个课时的分钟数，整数，如 40。'),
        Field("summary", Text(), required=True, example="summary: 一两句话说明这节课做什么",
              label="内容简介", help='一两句话说明这节课做什么，显示在列表和搜索结果中。'),
        Field("author", Text(),
              label="执教 / 设计", help='执教或设计的教师（教师姓名可以公开，学生姓名不可以）。'),
        Field("school", Text(),
              label="学校", help='教师所在学校。'),
        Field("keywords", TextList(), default=(),
              label="关键词", help='几个关键词，如 [情绪识别, 绘本]，帮助搜索。'),
        ACTIVITIES_FIELD,
        Field("status", Choice(("published", "draft")), default="published",
              label="状态", help='published 发布（默认）或 draft 草稿；草稿不发布。'),
        Field("showcase", label="课例展示", help='展示课（课例）才写：所属课例集、展示月份、获奖和视频。',
              fields=(
            Field("collection", Text(), required=True, example="collection: \"2024\"",
                  label="课例集", help='课例集的键，须在 lessons/collections.yml 中登记，如 "2024"。'),
            Field("month", YearMonth(), required=True, example="month: 2024-05",
                  label="展示月份", help='展示的年月，如 2024-05。'),
            Field("award", Text(),
                  label="获奖", help='获奖等级，如 一等奖。'),
            Field("video", Url(),
                  label="课堂视频", help='课堂视频的网址，以 https:// 开头。'),
        )),
    ),
)

AWARDS = ("一等奖", "二等奖", "三等奖", "优秀")

# The district's three judging criteria, 1-5 each.
SCORES = {"representative": "代表性", "innovative": "创新性", "practical": "实用性"}

def featured_rank(settings: Settings) -> Callable[[Any], str]:
    """Cases: featured awards first, then by award, then newest."""
    def key(case) -> str:
        award = case.meta.get("award")
        featured = 0 if award in settings.featured_awards else 1
        rank = AWARDS.index(award) if award in AWARDS else len(AWARDS)
        newest = 99999999 - int(case.meta["submitted"].strftime("%Y%m%d"))
        return f"{featured}{rank}-{newest:08d}"
    return key


CASE = Kind(
    key="case",
    label="家庭教育案例",
    directory=lambda settings: settings.cases_dir,
    sections=lambda settings, meta: settings.case_sections,
    folder="cases",
    template="case.md.j2",
    index_template="cases_index.md.j2",
    nav_section="cases",
    search_tag=lambda meta: "家庭教育案例",
    order=featured_rank,
    fields=(
        Field("title", Text(), required=True, example="title: 从“手机大战”到家庭约定",
              label="标题", help='案例的标题。'),
        Field("school", Text(), required=True, example="school: 青山湖区第二小学",
              label="学校", help='提交案例的学校。'),
        Field("submitted", Date(), required=True, example="submitted: 2024-06-01",
              label="提交日期", help='提交日期，如 2024-06-01。'),
        Field("grades", Grades(), required=True, example="grades: [5]",
              label="学生年级", help='案例中学生的年级：一个年级、年级列表或范围（"3-4"）。'),
        Field("themes", TextList(nonempty=True), required=True, example="themes: [亲子沟通, 手机使用]",
              label="案例主题", help='一个或几个主题词，如 [亲子沟通, 手机使用]。'),
        Field("topic", TopicKey(),
              label="对应主题", help='可选，对应的教案主题键，如 emotion。'),
        Field("award", Choice(AWARDS),
              label="获奖", help='评审结果：一等奖、二等奖、三等奖或优秀。'),
        Field("scores", label="评审得分", help='三项评审得分，各 1–5 分：representative 代表性、innovative 创新性、practical 实用性。',
              fields=tuple(Field(key, Integer(minimum=1, maximum=5), required=True, label=label,
                                           help=f"{label}得分，1–5 的整数。",
                                           example=f"{key}: 4")
                                     for key, label in SCORES.items())),
        Field("consent", Consent(), required=True, example="consent: true",
              label="监护人同意", help='监护人书面同意已存档时写 true；没有同意的案例不发布。'),
        Field("summary", Text(), required=True, example="summary: 一两句话概括案例",
              label="案例概要", help='一两句话概括案例。'),
        Field("status", Choice(("published", "draft")), default="published",
              label="状态", help='published 发布（默认）或 draft 草稿；草稿不发布。'),
    ),
)

AUDIENCES = {"parents": "家长", "families": "亲子家庭", "students": "学生", "teachers": "教师"}
FORMATS = {"lecture": "讲座", "workshop": "工作坊", "online": "线上", "group": "团体辅导"}

# A course number (课程编号, see codes.py): 1-4 upper-case letters, a hyphen,
# 1-4 digits or upper-case letters; lower-case letters are read as upper case.
CODE_PATTERN = r"[A-Z]{1,4}-[0-9A-Z]{1,4}"
COURSE_CODE = Text(pattern=CODE_PATTERN, upper=True,
                   form="课程编号写成 1–4 个英文字母、一个连字符“-”、再加 1–4 个数字或英文字母，"
                        "例如 JZ-01、QZ-12（小写字母按大写读）")

def stages_of(grades, settings: Settings) -> list[str]:
    stages = [g.stage for g in settings.grades if g.key in grades]
    return [stage for stage in STAGES if stage in stages]


def course_order(settings: Settings) -> Callable[[Any], tuple]:
    """The menu: by audience, stage, open before paused, lowest grade, title."""
    def key(course) -> tuple:
        meta = course.meta
        stages = stages_of(meta["grades"], settings) or list(STAGES)
        return (list(AUDIENCES).index(meta["audience"]), list(STAGES).index(stages[0]),
                len(stages), meta["status"] != "open", min(meta["grades"]), meta["title"])
    return key


def course_periods(meta: Mapping[str, Any]) -> int:
    """课时 per session: as written, or one per 45 minutes of its duration."""
    return meta.get("periods") or max(1, round(meta["duration_min"] / 45))


COURSE = Kind(
    key="course",
    label="点单课程",
    directory=lambda settings: settings.courses_dir,
    sections=lambda settings, meta: ("课程大纲",),
    folder="courses",
    template="course.md.j2",
    index_template="courses_index.md.j2",
    nav_section="courses",
    search_tag=lambda meta: "课程",
    order=course_order,
    references=(("lecturer", "lecturers"),),
    published=("open", "paused"),
    fields=(
        Field("title", Text(), required=True, example="title: 读懂孩子的情绪",
              label="课程名称", help='课程的名称。'),
        Field("code", COURSE_CODE, example="code: JZ-01",
              label="课程编号", help='学校点单时说的编号，如 JZ-01：1–4 个英文字母、“-”、1–4 个数字或字母，'
                                    '各门课程不能重复；不写时由文件名生成一个（如 KC-7Q2M）。'),
        Field("lecturer", Text(), required=True, example="lecturer: wang-fang",
              label="讲师", help='讲师的键，须在 content/lecturers.yml 中登记，如 wang-fang。'),
        Field("audience", Choice(tuple(AUDIENCES)), required=True, example="audience: parents",
              label="对象", help='parents 家长、families 亲子家庭、students 学生、teachers 教师。'),
        Field("grades", Grades(), required=True, example='grades: "1-3"',
              label="适用年级", help='一个年级、年级列表或范围（"1-3"）。'),
        Field("format", Choice(tuple(FORMATS)), required=True, example="format: lecture",
              label="形式", help='lecture 讲座、workshop 工作坊、online 线上、group 团体辅导。'),
        Field("duration_min", Integer(minimum=1), required=True, example="duration_min: 90",
              label="时长", help='一次课的分钟数，整数，如 90。'),
        Field("sessions", Integer(minimum=1), default=1,
              label="次数", help='系列课程共几次课，整数，默认 1（单次课程）。'),
        Field("periods", Integer(minimum=1),
              label="每次课时", help='每次课计几个课时（家长学校按课时统计）；不写时按时长每 45 分钟计 1 课时。'),
        Field("capacity", Integer(minimum=1),
              label="人数上限", help='一次最多多少人，整数；不写表示不限。'),
        Field("lead_time_days", Integer(minimum=0), default=0,
              label="提前预约天数", help='至少提前几天预约，整数，默认 0。'),
        Field("themes", TextList(nonempty=True), required=True, example="themes: [情绪, 亲子沟通]",
              label="课程主题", help='一个或几个主题词，如 [情绪, 亲子沟通]。'),
        Field("topic", TopicKey(),
              label="对应主题", help='可选，对应的教案主题键，如 emotion。'),
        Field("summary", Text(), required=True, example="summary: 一两句话介绍课程",
              label="课程简介", help='一两句话介绍课程。'),
        ACTIVITIES_FIELD,
        Field("status", Choice(("open", "paused", "draft")), default="open",
              label="状态", help='open 可预约（默认）、paused 暂停预约或 draft 草稿。'),
    ),
)


def training_order(settings: Settings) -> Callable[[Any], tuple]:
    """By the first audience as listed in TRAINING_AUDIENCES, semester, title."""
    def key(module) -> tuple:
        meta = module.meta
        return (min(TRAINING_AUDIENCES.index(a) for a in meta["audience"]),
                meta.get("semester") or 3, meta["title"], module.slug)
    return key


# Each training audience's page: training/<slug>.md
TRAINING_SLUGS = {"心理委员": "committee", "班主任": "head-teacher", "兼职心理教师": "part-time",
                  "专职心理教师": "full-time", "全体教师": "all-teachers"}

TRAINING = Kind(
    key="training",
    label="培训模块",
    directory=lambda settings: settings.training_dir,
    sections=lambda settings, meta: ("培训目标", "培训内容"),
    folder="training",
    template="training.md.j2",
    index_template="training_index.md.j2",
    nav_section="training",
    search_tag=lambda meta: "培训",
    order=training_order,
    groups=(Group("audience", "training_audience.md.j2", TRAINING_SLUGS),),
    fields=(
        Field("title", Text(), required=True, example="title: 心理委员朋辈倾听训练",
              label="标题", help='培训模块的名称。'),
        Field("audience", Choices(TRAINING_AUDIENCES), required=True,
              example="audience: [心理委员]", label="培训对象",
              help='一个或几个：心理委员、班主任、兼职心理教师、专职心理教师、全体教师。'),
        Field("hours", Integer(minimum=1), required=True, example="hours: 4",
              label="学时", help='整个模块计几个学时（整数），计入各类教师的培训学时。'),
        Field("sessions", Integer(minimum=1), default=1,
              label="次数", help='分几次进行，整数，默认 1；心理委员培训按次数统计。'),
        Field("format", Choice(tuple(FORMATS)),
              label="形式", help='lecture 讲座、workshop 工作坊、online 线上、group 团体辅导。'),
        Field("provider", Text(),
              label="主讲 / 组织", help='主讲教师或组织单位，如 区心理健康教育辅导中心。'),
        Field("semester", Semester(),
              label="学期", help='1 表示上学期，2 表示下学期；不写表示每学期都可以安排。'),
        Field("grades", Grades(),
              label="适用年级", help='可选：心理委员培训写学生的年级，如 [3, 4, 5, 6]。'),
        Field("summary", Text(), required=True, example="summary: 一两句话说明培训内容",
              label="内容简介", help='一两句话说明这个培训模块做什么。'),
        Field("keywords", TextList(), default=(),
              label="关键词", help='几个关键词，帮助搜索。'),
        ACTIVITIES_FIELD,
        Field("status", Choice(("published", "draft")), default="published",
              label="状态", help='published 发布（默认）或 draft 草稿；草稿不发布。'),
    ),
)

# Every kind, in the order the site shows them.
KINDS: tuple[Kind, ...] = (LESSON, CASE, COURSE, TRAINING)
BY_KEY: dict[str, Kind] = {kind.key: kind for kind in KINDS}
