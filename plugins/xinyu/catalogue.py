"""`catalogue.json`: the course catalogue and lecturer team as data for other
district systems — public fields only, described by `catalogue.schema.json`."""

from __future__ import annotations

from typing import Any, Callable

from . import __version__
from .core.codes import course_code
from .core.kinds import AUDIENCES, FORMATS, course_periods
from .pages import PageRenderer, entry_uri, lecturer_uri

SCHEMA_VERSION = 1
STATUS_LABELS = {"open": "可预约", "paused": "暂停预约"}


def build_catalogue(renderer: PageRenderer, site_name: str,
                    url_of: Callable[[str], str]) -> dict[str, Any]:
    """`url_of` maps a generated page's source path to its URL in the site."""
    library = renderer.library
    settings = library.settings
    courses = []
    for course in renderer.courses:
        meta = course.meta
        topic = settings.topic(meta["topic"]) if meta.get("topic") else None
        courses.append({
            "id": course.slug,
            "code": course_code(course),
            "title": meta["title"],
            "status": meta["status"],
            "status_label": STATUS_LABELS[meta["status"]],
            "orderable": meta["status"] == "open",
            "lecturer": meta["lecturer"],
            "audience": meta["audience"],
            "audience_label": renderer.audience_label(course),
            "grades": list(meta["grades"]),
            "grade_labels": [g.label for g in renderer.grades_of(course)],
            "format": meta["format"],
            "format_label": FORMATS[meta["format"]],
            "duration_min": meta["duration_min"],
            "sessions": meta.get("sessions") or 1,
            "periods": course_periods(meta),
            "total_periods": (meta.get("sessions") or 1) * course_periods(meta),
            "capacity": meta.get("capacity"),
            "lead_time_days": meta["lead_time_days"],
            "themes": list(meta["themes"]),
            "topic": topic.key if topic else None,
            "topic_label": topic.label if topic else None,
            "summary": meta["summary"],
            "url": url_of(entry_uri(course)),
        })
    lecturers = [{
        "id": lecturer.key,
        "name": lecturer.name,
        "title": lecturer.title,
        "bio": lecturer.bio,
        "courses": [c.slug for c in lecturer.courses],
        "url": url_of(lecturer_uri(lecturer)),
    } for lecturer in library.lecturers.values()]
    order = settings.order
    return {
        "$schema": "catalogue.schema.json",
        "version": SCHEMA_VERSION,
        "generator": f"xinyu {__version__}",
        "site_name": site_name,
        "order": {"email": order.email or None, "phone": order.phone or None,
                  "note": order.note or None},
        "audiences": AUDIENCES,
        "formats": FORMATS,
        "lecturers": lecturers,
        "courses": courses,
    }
