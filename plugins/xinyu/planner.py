"""The data of the 学期教学计划 page (tool "plan"): grades with their period
minimum, the required topics, the school calendar's terms week by week, every
published lesson (whether it counts towards periods and topics), and the
district's recommended plans (core/plans.py). The page's script
(assets/planner.js) proposes and edits a plan from it in the browser.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from .core.plans import is_counted
from .core.vocabulary import SEMESTERS, STAGES, Term
from .pages import entry_uri
from .tools import served_url

if TYPE_CHECKING:
    from .pages import PageRenderer

PLAN_URI = "plan/index.md"


def planner_data(renderer: "PageRenderer") -> dict[str, Any]:
    settings, library = renderer.settings, renderer.library
    return {
        "grades": [{"key": g.key, "label": g.label, "stage": g.stage, "stage_label": STAGES[g.stage],
                    "minimum": settings.minimum_periods(g)} for g in settings.grades],
        "required": [{"key": t.key, "label": t.label} for t in settings.required_topics],
        "topics": [{"key": t.key, "label": t.label, "required": t.required} for t in settings.topics],
        "semesters": {str(key): label for key, label in SEMESTERS.items()},
        "counted_types": list(settings.counted_types),
        "terms": [_term(term) for term in settings.calendar],
        "lessons": [_lesson(renderer, lesson) for lesson in renderer.entries["lesson"]],
        "plans": [{"key": plan.key, "title": plan.title, "grade": plan.grade,
                   "semester": plan.semester, "lessons": list(plan.lessons), "note": plan.note,
                   "periods": plan.periods} for plan in library.plans],
    }


def _lesson(renderer: "PageRenderer", lesson) -> dict[str, Any]:
    meta = lesson.meta
    showcase = meta.get("showcase")
    collection = renderer.library.collections.get(showcase["collection"]) if showcase else None
    return {
        "slug": lesson.slug, "title": lesson.title, "url": served_url(entry_uri(lesson), PLAN_URI),
        "grades": list(meta["grades"]), "topic": meta["topic"], "semester": meta.get("semester"),
        "periods": meta["periods"], "type": meta.get("type") or "心理课",
        "counted": is_counted(lesson, renderer.settings),
        "showcase": {"collection": collection.title if collection else showcase["collection"],
                     "award": showcase.get("award")} if showcase else None,
        "summary": meta["summary"],
    }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _term(term: Term) -> dict[str, Any]:
    weeks = []
    for week in range(1, term.weeks + 1):
        dates = term.week_dates(week)
        holiday = term.holiday_of(week)
        # Holidays on some school days of the week (shown beside its dates).
        partial = []
        if dates:
            days = [dates[0] + dt.timedelta(days=n) for n in range(5)]
            partial = [h.name for h in term.holidays
                       if any(h.start <= day <= h.end for day in days)]
        weeks.append({"week": week, "dates": [_iso(d) for d in dates] if dates else None,
                      "holiday": holiday.name if holiday else None,
                      "holidays": partial})
    return {"name": term.name, "semester": term.semester, "semester_label": SEMESTERS[term.semester],
            "weeks": term.weeks, "start": _iso(term.start), "week_list": weeks}
