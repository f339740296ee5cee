"""The content kinds and their schemas (see CONTENT_MODEL.md)."""

from __future__ import annotations

from .fields import Choice, Grades, Integer, Semester, Text, TextList, TopicKey, Url, YearMonth
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

KINDS: tuple[Kind, ...] = (LESSON,)
