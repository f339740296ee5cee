"""The content kinds and their schemas (see CONTENT_MODEL.md)."""

from __future__ import annotations

from .fields import (
                     Choice,
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
from .schema import Field, Kind

LESSON = Kind(
    key="lesson",
    label="教案",
    directory=lambda settings: settings.lessons_dir,
    sections=lambda settings: settings.lesson_sections,
    fields=(
        Field("title", Text(), required=True, example="title: 情绪小怪兽",
              label="标题", help='教案的标题，显示在页面顶部和各个列表中。'),
        Field("grades", Grades(), required=True, example="grades: [1, 2]",
              label="适用年级", help='一个年级（3）、年级列表（[3, 4]）或范围（"3-4"），用年级数字 1–12。'),
        Field("topic", TopicKey(), required=True, example="topic: emotion",
              label="主题", help='一个主题键（英文），写区里配置的主题之一，如 emotion（情绪调适）。'),
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

CASE = Kind(
    key="case",
    label="家庭教育案例",
    directory=lambda settings: settings.cases_dir,
    sections=lambda settings: settings.case_sections,
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

COURSE = Kind(
    key="course",
    label="点单课程",
    directory=lambda settings: settings.courses_dir,
    sections=lambda settings: ("课程大纲",),
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
        Field("status", Choice(("open", "paused", "draft")), default="open",
              label="状态", help='open 可预约（默认）、paused 暂停预约或 draft 草稿。'),
    ),
)
