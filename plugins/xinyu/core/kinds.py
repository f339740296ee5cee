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
        Field("title", Text(), required=True, example="title: 情绪小怪兽"),
        Field("grades", Grades(), required=True, example="grades: [1, 2]"),
        Field("topic", TopicKey(), required=True, example="topic: emotion"),
        Field("semester", Semester()),
        Field("periods", Integer(minimum=1), default=1),
        Field("duration_min", Integer(minimum=1)),
        Field("summary", Text(), required=True, example="summary: 一两句话说明这节课做什么"),
        Field("author", Text()),
        Field("school", Text()),
        Field("keywords", TextList(), default=()),
        Field("status", Choice(("published", "draft")), default="published"),
        Field("showcase", fields=(
            Field("collection", Text(), required=True, example="collection: \"2024\""),
            Field("month", YearMonth(), required=True, example="month: 2024-05"),
            Field("award", Text()),
            Field("video", Url()),
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
        Field("title", Text(), required=True, example="title: 从“手机大战”到家庭约定"),
        Field("school", Text(), required=True, example="school: 青山湖区第二小学"),
        Field("submitted", Date(), required=True, example="submitted: 2024-06-01"),
        Field("grades", Grades(), required=True, example="grades: [5]"),
        Field("themes", TextList(nonempty=True), required=True, example="themes: [亲子沟通, 手机使用]"),
        Field("topic", TopicKey()),
        Field("award", Choice(AWARDS)),
        Field("scores", fields=tuple(Field(key, Integer(minimum=1, maximum=5), required=True,
                                           example=f"{key}: 4")
                                     for key in SCORES)),
        Field("consent", Consent(), required=True, example="consent: true"),
        Field("summary", Text(), required=True, example="summary: 一两句话概括案例"),
        Field("status", Choice(("published", "draft")), default="published"),
    ),
)

AUDIENCES = {"parents": "家长", "families": "亲子家庭", "students": "学生", "teachers": "教师"}
FORMATS = {"lecture": "讲座", "workshop": "工作坊", "online": "线上", "group": "团体辅导"}

COURSE = Kind(
    key="course",
    label="点单课程",
    directory=lambda settings: settings.courses_dir,
    sections=lambda settings: ("课程大纲",),
    published=("open", "paused"),
    fields=(
        Field("title", Text(), required=True, example="title: 读懂孩子的情绪"),
        Field("lecturer", Text(), required=True, example="lecturer: wang-fang"),
        Field("audience", Choice(tuple(AUDIENCES)), required=True, example="audience: parents"),
        Field("grades", Grades(), required=True, example='grades: "1-3"'),
        Field("format", Choice(tuple(FORMATS)), required=True, example="format: lecture"),
        Field("duration_min", Integer(minimum=1), required=True, example="duration_min: 90"),
        Field("capacity", Integer(minimum=1)),
        Field("lead_time_days", Integer(minimum=0), default=0),
        Field("themes", TextList(nonempty=True), required=True, example="themes: [情绪, 亲子沟通]"),
        Field("topic", TopicKey()),
        Field("summary", Text(), required=True, example="summary: 一两句话介绍课程"),
        Field("status", Choice(("open", "paused", "draft")), default="open"),
    ),
)
