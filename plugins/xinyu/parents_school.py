"""家长学校 (the parents' school): a school assembles its semester plan of
family-education sessions from the course menu and sees, as it goes, whether
the plan meets the district rule (`settings.parents_school`: by default 2
sessions and 4 periods a semester; 001 "每学期2次4课时").

`parents_school_data` is the tool page's data (tools.TOOLS, key
"parents-school"): the courses a parents' school can order (audience parents
or families; open ones orderable, paused ones shown but not selectable), each
with its sessions (a series counts every session) and periods, the rule, the
stages and grades to filter by, the terms, and the order contact.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .core.codes import course_code
from .core.kinds import FORMATS, course_periods
from .core.vocabulary import SEMESTERS, STAGES
from .tools import served_url

if TYPE_CHECKING:
    from .core.loader import Entry
    from .pages import PageRenderer

URI = "parents-school/index.md"  # the tool's page (tools.TOOLS)
AUDIENCES = ("parents", "families")  # who a parents' school is for
STATUS_LABELS = {"open": "可预约", "paused": "暂停预约"}


def school_courses(renderer: "PageRenderer") -> list["Entry"]:
    """The published courses for parents and families, in menu order."""
    return [c for c in renderer.entries["course"] if c.meta.get("audience") in AUDIENCES]


def course_row(renderer: "PageRenderer", course: "Entry") -> dict[str, Any]:
    from .pages import entry_uri

    meta = course.meta
    lecturer = renderer.library.lecturers.get(meta.get("lecturer") or "")
    sessions = meta.get("sessions") or 1
    periods = course_periods(meta)
    grades = renderer.grades_of(course)
    return {
        "slug": course.slug,
        "code": course_code(course),
        "title": meta["title"],
        "url": served_url(entry_uri(course), URI),
        "status": meta["status"],
        "status_label": STATUS_LABELS.get(meta["status"], meta["status"]),
        "orderable": meta["status"] == "open",
        "audience": meta["audience"],
        "audience_label": renderer.audience_label(course),
        "grades": [g.key for g in grades],
        "grade_labels": [g.label for g in grades],
        "stages": renderer.stages_of(course),
        "format": meta["format"],
        "format_label": FORMATS.get(meta["format"], meta["format"]),
        "duration_min": meta["duration_min"],
        "sessions": sessions,
        "periods": periods,
        "total_periods": sessions * periods,
        "themes": list(meta.get("themes") or ()),
        "lecturer": lecturer.name if lecturer else "",
        "summary": meta.get("summary") or "",
    }


def parents_school_data(renderer: "PageRenderer") -> dict[str, Any]:
    settings = renderer.settings
    courses = [course_row(renderer, c) for c in school_courses(renderer)]
    stages = []
    for key, label in STAGES.items():
        grades = [{"key": g.key, "label": g.label,
                   "courses": sum(1 for c in courses if g.key in c["grades"])}
                  for g in settings.grades if g.stage == key]
        if grades:
            stages.append({"key": key, "label": label, "grades": grades})
    # The configured calendar's terms (2026—2027学年第二学期 …), else 上学期 and 下学期.
    terms = [{"name": t.name, "semester": t.semester,
              "start": t.start.isoformat() if t.start else None, "weeks": t.weeks}
             for t in settings.calendar] or \
        [{"name": label, "semester": key, "start": None, "weeks": None}
         for key, label in SEMESTERS.items()]
    order = settings.order
    rule = settings.parents_school
    return {
        "rule": {"sessions": rule.sessions, "periods": rule.periods},
        "courses": courses,
        "stages": stages,
        "terms": terms,
        "order": {"email": order.email, "phone": order.phone, "note": order.note}
        if (order.email or order.phone or order.note) else None,
    }

