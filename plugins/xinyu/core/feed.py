"""What changed lately: every published entry by its last-change date, for
the 最近更新 page and the Atom feed (RFC 4287) at the site's root.

Plain Python, no MkDocs. An entry's date is its last-change date from the
repository's history (`history.py`: the last commit that changed its source,
else the file's date) -- also for a case, whose `submitted` date says when
it was written, not when the library changed. An entry without a date (its
file unreadable) is listed last on the page and left out of the feed.

The feed is deterministic: its `updated` is the newest entry's date, and
each entry's id is a tag URI (RFC 4151) from the site's host (or `xinyu`),
the kind and the slug, so a feed reader sees an entry once, however often
it changes. Without `site_url` the links are relative to feed.xml (Atom
allows that: they resolve against the feed's own address).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Callable, Iterable
from urllib.parse import quote, urljoin, urlsplit

from .loader import Entry

FEED = "feed.xml"
FEED_TITLE_SUFFIX = "最近更新"
MAX_ENTRIES = 50
TAG_YEAR = 2026  # the date of the tag URIs (RFC 4151): fixed, so ids never change
ATOM = "http://www.w3.org/2005/Atom"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class Update:
    entry: Entry
    day: date | None

    @property
    def month(self) -> str | None:
        return self.day.strftime("%Y-%m") if self.day else None


def recent(entries: Iterable[Entry], updated: Callable[[Entry], date | None]) -> list[Update]:
    """Newest first; on the same day by kind (lessons, cases, ...), then by title."""
    from .kinds import KINDS  # the site's order of kinds

    kinds = tuple(kind.key for kind in KINDS)
    updates = [Update(entry, updated(entry)) for entry in entries]
    updates.sort(key=lambda u: (kinds.index(u.entry.kind.key) if u.entry.kind.key in kinds
                                else len(kinds), u.entry.title, u.entry.slug))
    updates.sort(key=lambda u: u.day or date.min, reverse=True)  # stable: keeps the order above
    return updates


def by_month(updates: list[Update]) -> list[tuple[str | None, list[Update]]]:
    """[(YYYY-MM or None, updates)], in the order given (newest month first)."""
    groups: dict[str | None, list[Update]] = {}
    for update in updates:
        groups.setdefault(update.month, []).append(update)
    return list(groups.items())


def rfc3339(day: date) -> str:
    return datetime(day.year, day.month, day.day, tzinfo=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def tag_authority(site_url: str | None) -> str:
    host = urlsplit(site_url).hostname if site_url else None
    return host or "xinyu"


def entry_id(entry: Entry, site_url: str | None) -> str:
    return f"tag:{tag_authority(site_url)},{TAG_YEAR}:{entry.kind.key}/{quote(entry.slug, safe='')}"


def build_feed(updates: list[Update], title: str, url_of: Callable[[Entry], str],
               site_url: str | None = None, language: str = "zh") -> str:
    """The Atom document. `url_of` gives an entry page's URL relative to the
    site's root (e.g. lessons/x/); `site_url` makes every link absolute."""
    base = (site_url.rstrip("/") + "/") if site_url else None

    def href(relative: str) -> str:
        return urljoin(base, relative) if base else (relative or "./")

    dated = [u for u in updates if u.day is not None][:MAX_ENTRIES]
    # Names without a prefix, in the Atom namespace by the root's xmlns.
    feed = ET.Element("feed", {"xmlns": ATOM, _XML_LANG: language})

    def add(parent: ET.Element, name: str, text: str | None = None, **attributes: str) -> ET.Element:
        element = ET.SubElement(parent, name, attributes)
        element.text = text
        return element

    add(feed, "id", f"tag:{tag_authority(site_url)},{TAG_YEAR}:feed")
    add(feed, "title", f"{title} {FEED_TITLE_SUFFIX}")
    newest = dated[0].day if dated else datetime.now(timezone.utc).date()
    add(feed, "updated", rfc3339(newest))
    add(feed, "link", rel="self", type="application/atom+xml", href=href(FEED))
    add(feed, "link", rel="alternate", type="text/html", href=href(""))
    add(add(feed, "author"), "name", title)
    add(feed, "generator", "xinyu")
    for update in dated:
        entry = update.entry
        item = add(feed, "entry")
        add(item, "id", entry_id(entry, site_url))
        add(item, "title", entry.title)
        add(item, "updated", rfc3339(update.day))
        add(item, "link", rel="alternate", type="text/html", href=href(url_of(entry)))
        add(item, "summary", str(entry.meta.get("summary") or ""))
        add(item, "category", term=entry.kind.label)
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
