"""投稿 (contributing without Git): the data of the submission page.

A teacher whose school has no Git fills a form on the site and gets the
`.md` file an editor can add to the repository as it is. The form is
generated in the browser (assets/submit.js) from the same declarations
`xinyu check` validates against — each Kind's fields (core/kinds.py) with
their types (core/fields.py), the body sections, the rules across fields —
and its messages are the checker's own templates (core/rules.py), filled
the way core/validate.py and rules.report fill them. Nothing is uploaded:
the page writes a file to download, a mailto: link and, for a GitHub
repository, a link to its new-file page.

`submission_data(renderer)` is the tool's data (tools.TOOLS, key "submit").

What the browser cannot check honestly is left to `xinyu check`, which the
page names as the final check: protected names, home addresses, QQ and
WeChat ids (their patterns use Python-only syntax), unsafe HTML, duplicate
file names and course numbers, attachments and links.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Callable
from urllib.parse import urlsplit

from .core import normalise, privacy
from .core.collections import collections_path
from .core.config_file import ConfigError, read_site_config
from .core.fields import (ActivityKeys, Choice, Choices, Consent, Date, Grades, Integer, Semester,
                          Text, TextList, TopicKey, Url, YearMonth)
from .core.files import _NAME_CHARS as NAME_CHARS
from .core.files import RESERVED_SLUGS, SLUG
from .core.kinds import BY_KEY
from .core.markdown import CJK
from .core.rules import PERSONAL_DATA, RULES, SCAFFOLD_HINT
from .core.scaffold import CHOICE_LABELS, SECTION_HINTS
from .core.schema import Field, Kind
from .core.vocabulary import SEMESTERS, Settings

if TYPE_CHECKING:
    from .pages import PageRenderer

URI = "submit/index.md"  # the tool's page (tools.TOOLS)

# The kinds a teacher may contribute, in the order the page offers them.
CONTRIBUTED = ("lesson", "case", "course", "training")

# The rules the page applies itself (each with the checker's own template).
# assets/submit.js uses exactly these keys; tests/test_submit.py checks both ways.
CLIENT_RULES = (
    "missing-field", "text-pattern", "integer-type", "integer-range", "choice",
    "consent-missing", "semester-label", "semester", "topic-label", "topic-unknown",
    "grades-fullwidth-comma", "grade-label", "grade-type", "grade-unknown", "date", "month",
    "url", "field-needed-with", "field-only-with", "activity-unknown", "unknown-reference",
    "section-missing", "section-level", "scaffold-hint-left", "personal-data",
    "name-invalid", "name-reserved",
)

# Labels of choices that are English keys (status values); the rest are in
# scaffold.CHOICE_LABELS or are Chinese already.
STATUS_LABELS = {"published": "发布", "draft": "草稿（不发布）", "open": "可预约",
                 "paused": "暂停预约"}

# What the form says under a control that replaces the YAML syntax the
# schema's help describes (a checkbox for each grade instead of [3, 4]).
FORM_HELP: dict[type, str] = {
    Grades: "勾选适用的年级，可以多选。",
    TopicKey: "选择一个主题。",
    Semester: "不选表示上下学期均可。",
    ActivityKeys: "可选：勾选适合的活动日或宣传月。",
    Choices: "勾选一个或几个。",
    TextList: "几个词之间用逗号或顿号隔开。",
    Consent: "只有监护人书面同意已经存档时才勾选；编辑会核对。没有同意时请把状态设为草稿。",
}

# What the form says under a choice field's drop-down instead of the help
# written for the YAML (which lists the English keys the drop-down hides):
# what the choice does, or nothing. A field that names a registry key gets
# REFERENCE_HELP when the page lists the registered keys.
CHOICE_HELP: dict[str, str] = {
    "status": "选“草稿”时不发布。",
    "type": "团辅活动、主题班会、心理委员培训的正文写“活动目标”“活动过程”。",
    "subject": "只有类型为“学科渗透”时选择，且必须选择。",
}
REFERENCE_HELP = "从已登记的选项中选择。"

# The privacy detectors the page runs (plain regular expressions, copied
# from core/privacy.py), and the normalisation steps it copies from
# core/normalise.py. Others need Python-only syntax or protected data.
PRIVACY_PATTERNS = {"id18": privacy._ID18, "id15": privacy._ID15, "mobile": privacy._MOBILE,
                    "landline": privacy._LANDLINE, "email": privacy._EMAIL}


def _choices(values, labels: dict | None = None) -> list[dict[str, Any]]:
    labels = labels or {}
    return [{"value": value, "label": labels.get(value, STATUS_LABELS.get(value, value))}
            for value in values]


def _grades(settings: Settings) -> list[dict[str, Any]]:
    return [{"value": g.key, "label": g.label} for g in settings.grades]


# Each field type as the browser sees it; a new field type needs an entry
# (tests/test_submit.py checks that every type in core/fields.py has one).
TYPES: dict[type, Callable[[Any, Field, Settings], dict[str, Any]]] = {
    Text: lambda t, f, s: {"type": "text", "pattern": t.pattern, "form": t.form, "upper": t.upper},
    TextList: lambda t, f, s: {"type": "text_list", "nonempty": t.nonempty},
    Integer: lambda t, f, s: {"type": "integer", "minimum": t.minimum, "maximum": t.maximum,
                              "allowed": t.allowed()},
    Choice: lambda t, f, s: {"type": "choice",
                             "choices": _choices(t.choices, CHOICE_LABELS.get(f.name))},
    Choices: lambda t, f, s: {"type": "choices",
                              "choices": _choices(t.choices, CHOICE_LABELS.get(f.name))},
    ActivityKeys: lambda t, f, s: {"type": "activities", "choices": [
        {"value": a.key, "label": a.label} for a in s.activities]},
    Semester: lambda t, f, s: {"type": "semester", "choices": [
        {"value": key, "label": label} for key, label in SEMESTERS.items()]},
    TopicKey: lambda t, f, s: {"type": "topic", "choices": [
        {"value": topic.key, "label": topic.label} for topic in s.topics]},
    Grades: lambda t, f, s: {"type": "grades", "choices": _grades(s), "span": s.grade_span()},
    Date: lambda t, f, s: {"type": "date"},
    YearMonth: lambda t, f, s: {"type": "month"},
    Url: lambda t, f, s: {"type": "url"},
    Consent: lambda t, f, s: {"type": "consent"},
}


def _json_value(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def field_data(field: Field, settings: Settings, prefix: str = "",
               references: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
    """One field as the form builds it and the validator names it."""
    name = f"{prefix}{field.name}"
    data: dict[str, Any] = {
        "name": field.name,
        "path": name,  # dotted, as messages and the draft name it
        "called": field.called(prefix),  # 标签（key）, as every message names it
        "label": field.label or field.name,
        "help": field.help,
        "required": field.required,
        "example": field.example or f"{field.name}: …",  # what missing-field quotes
        "default": _json_value(field.default),
    }
    if field.is_group:
        data["type"] = {"type": "group"}
        data["fields"] = [field_data(sub, settings, f"{name}.", references) for sub in field.fields]
        return data
    data["type"] = TYPES[type(field.type)](field.type, field, settings)
    if type(field.type) in FORM_HELP:
        data["form_help"] = FORM_HELP[type(field.type)]
    elif isinstance(field.type, Choice):
        data["form_help"] = CHOICE_HELP.get(field.name, "")
    if references and name in references:
        data["reference"] = references[name]
        if references[name]["keys"]:  # a drop-down of the registered keys
            data["form_help"] = REFERENCE_HELP
    return data


def _references(kind: Kind, renderer: "PageRenderer") -> dict[str, dict[str, Any]]:
    """Fields that name a registry key: the registered keys and labels."""
    library, settings = renderer.library, renderer.settings
    registries = {
        "collections": (collections_path(settings),
                        [{"value": c.key, "label": c.title} for c in library.collections.values()]),
        "lecturers": (settings.lecturers_file,
                      [{"value": lecturer.key, "label": lecturer.name}
                       for lecturer in library.lecturers.values()]),
    }
    found = {}
    for name, registry in kind.references:
        if registry in registries:
            path, keys = registries[registry]
            found[name] = {"registry": path, "keys": keys}
    return found


def _sample(field: Field) -> Any:
    """A valid-looking value of an optional field, to probe the rules across fields."""
    if isinstance(field.type, Choice):
        return field.type.choices[0]
    return "x"


def cross_rules(kind: Kind) -> list[dict[str, Any]]:
    """The kind's rules across fields (kind.cross_checks, a function), as
    data: for each value of a choice field (or its absence) and each other
    optional field present or absent, the problems the function reports.
    The browser applies the row whose condition holds. Only rules that
    depend on one choice field's value and another field's presence are
    expressible (the lesson's subject for 学科渗透, the only one today);
    tests/test_submit.py compares the rows with the function."""
    rows = []
    defaults = {f.name: f.default for f in kind.fields if f.default is not None}
    for chooser in kind.fields:
        if chooser.is_group or not isinstance(chooser.type, Choice):
            continue
        for other in kind.fields:
            if other is chooser or other.required or other.is_group:
                continue
            found = []
            for value in (*chooser.type.choices, None):
                for present in (False, True):
                    meta = dict(defaults)
                    meta.pop(chooser.name, None)
                    meta.pop(other.name, None)
                    if value is not None:
                        meta[chooser.name] = value
                    if present:
                        meta[other.name] = _sample(other)
                    # (rule, field, [field whose line it is reported at,] values)
                    problems = [p for p in kind.cross_checks(meta) if p[1] == other.name]
                    found.append(({"field": chooser.name, "value": value, "other": other.name,
                                   "present": present},
                                  [{"rule": p[0], "field": p[1], "values": p[-1]} for p in problems]))
            # A chooser whose value changes nothing is not what the rule depends on.
            for present in (False, True):
                outcomes = [problems for condition, problems in found if condition["present"] is present]
                if any(outcome != outcomes[0] for outcome in outcomes):
                    rows += [{**condition, "problems": problems} for condition, problems in found
                             if condition["present"] is present and problems]
    return rows


def sections_data(kind: Kind, settings: Settings) -> dict[str, Any]:
    """The required body sections: by default, and per value of the choice
    field they depend on (a lesson's `type`), if any."""
    default = list(kind.sections(settings, {}))
    for chooser in kind.fields:
        if chooser.is_group or not isinstance(chooser.type, Choice):
            continue
        by_value = {value: list(kind.sections(settings, {chooser.name: value}))
                    for value in chooser.type.choices}
        if any(sections != default for sections in by_value.values()):
            return {"default": default, "field": chooser.name, "by_value": by_value}
    return {"default": default, "field": None, "by_value": {}}


def kind_data(kind: Kind, renderer: "PageRenderer") -> dict[str, Any]:
    settings = renderer.settings
    references = _references(kind, renderer)
    hints = dict(SECTION_HINTS.get(kind.key, ()))
    sections = sections_data(kind, settings)
    every = {*sections["default"], *(s for v in sections["by_value"].values() for s in v)}
    return {
        "key": kind.key,
        "label": kind.label,
        "folder": kind.directory(settings),
        "draft": kind.draft,
        "fields": [field_data(f, settings, references=references) for f in kind.fields],
        "sections": sections,
        "section_hints": {name: hints[name] for name in sorted(every) if name in hints},
        "cross": cross_rules(kind),
        "existing": sorted({entry.slug.casefold() for entry in renderer.entries[kind.key]}),
    }


def new_file_url(repo_url: str | None) -> dict[str, str] | None:
    """Where a repository's web page creates a file: GitHub (prefilled with
    ?filename=&value=) and Gitee (the page only; the text is pasted)."""
    if not repo_url:
        return None
    parts = urlsplit(repo_url.strip())
    path = parts.path.strip("/")
    if parts.scheme != "https" or not re.fullmatch(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+", path):
        return None
    path = path[:-4] if path.endswith(".git") else path
    host = parts.netloc.lower()
    if host in ("github.com", "www.github.com"):
        return {"host": "github", "label": "GitHub", "base": f"https://github.com/{path}/new/main/",
                "prefill": "1"}
    if host in ("gitee.com", "www.gitee.com"):
        return {"host": "gitee", "label": "Gitee", "base": f"https://gitee.com/{path}/new/master/",
                "prefill": ""}
    return None


def privacy_data(settings: Settings) -> dict[str, Any]:
    return {
        "what": {rule: PERSONAL_DATA[rule] for rule in ("id", "phone", "email")},
        "patterns": {name: pattern.pattern for name, pattern in PRIVACY_PATTERNS.items()},
        "id_weights": list(privacy._ID_WEIGHTS),
        "id_check": privacy._ID_CHECK,
        "at": normalise._AT.pattern,
        "dot": normalise._DOT.pattern,
        "split": normalise._SPLIT,
        "cjk": CJK,
        "numerals": normalise._NUMERALS,
        "numeral_values": "".join(normalise._NUMERAL_VALUES[c] for c in normalise._NUMERALS),
        "allowed_emails": [e.lower() for e in settings.public_emails],
        "allowed_phones": sorted({privacy.canonical("phone", p) for p in settings.public_phones}),
    }


def guide_page(renderer: "PageRenderer") -> str | None:
    """"guide.md" when the site has the editors' guide there (docs_dir of the
    repository's mkdocs.yml), so the page links it only where it exists."""
    root = renderer.library.root
    try:
        docs_dir = read_site_config(root / "mkdocs.yml").get("docs_dir") or "docs"
    except ConfigError:
        return None
    return GUIDE if isinstance(docs_dir, str) and (root / docs_dir / GUIDE).is_file() else None


GUIDE = "guide.md"


def submission_data(renderer: "PageRenderer") -> dict[str, Any]:
    settings = renderer.settings
    return {
        "kinds": [kind_data(BY_KEY[key], renderer) for key in CONTRIBUTED if key in BY_KEY],
        "rules": {key: {"code": RULES[key].code, "template": RULES[key].template,
                        "severity": RULES[key].severity.value}
                  for key in CLIENT_RULES},
        "privacy": privacy_data(settings),
        # The file name: exactly the checker's rule (files.SLUG, Chinese allowed);
        # "chars" are the characters it allows, for the name suggested from the title.
        "slug": {"pattern": SLUG.pattern, "chars": NAME_CHARS,
                 "reserved": sorted(RESERVED_SLUGS), "what": "文件名"},
        "scaffold_hint": SCAFFOLD_HINT,
        "submit_email": settings.submit_email or "",
        "repo_url": renderer.repo_url or "",
        "new_file": new_file_url(renderer.repo_url),
        "guide": guide_page(renderer),  # the template links the guide only when it exists
    }
