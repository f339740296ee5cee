"""Training against the district's rules: the hours each audience can take
from the published modules, against the hours it must take in a training
cycle (`training_hours`, defaults from the 001 plan: 专职 40, 兼职 24,
班主任 16, 全体教师 8), and the 心理委员 sessions offered in each semester
against `committee_sessions` (default 2, plans 001/003)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from .kinds import TRAINING_SLUGS as AUDIENCE_SLUGS
from .loader import Entry
from .vocabulary import SEMESTERS, TRAINING_AUDIENCES, Settings

COMMITTEE = "心理委员"



@dataclass(frozen=True)
class AudienceRow:
    audience: str
    slug: str
    modules: tuple[Entry, ...]
    hours: int  # offered: the sum of the modules' hours
    required: int | None  # per cycle; None when the district sets none
    # 心理委员 only: sessions offered per semester, and the rule
    sessions: dict[int, int]
    required_sessions: int | None

    @property
    def shortfall(self) -> int:
        return max(0, (self.required or 0) - self.hours)

    @property
    def short_semesters(self) -> list[tuple[str, int]]:
        """(semester label, sessions missing) for each semester below the rule."""
        if not self.required_sessions:
            return []
        return [(SEMESTERS[s], self.required_sessions - n) for s, n in self.sessions.items()
                if n < self.required_sessions]

    @property
    def met(self) -> bool:
        return not self.shortfall and not self.short_semesters


def audience_rows(modules: Sequence[Entry], settings: Settings) -> list[AudienceRow]:
    rows = []
    for audience in TRAINING_AUDIENCES:
        mine = tuple(m for m in modules if audience in m.meta["audience"])
        sessions: dict[int, int] = {}
        required_sessions = None
        if audience == COMMITTEE:
            required_sessions = settings.committee_sessions
            # A module without a semester can be run in either.
            sessions = {s: sum(m.meta["sessions"] for m in mine
                               if m.meta.get("semester") in (s, None)) for s in SEMESTERS}
        rows.append(AudienceRow(audience, AUDIENCE_SLUGS[audience], mine,
                                sum(m.meta["hours"] for m in mine),
                                settings.training_hours.get(audience), sessions, required_sessions))
    return rows
