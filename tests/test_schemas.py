"""JSON Schemas for editors (core/schemas.py): generated from the
validator's own schema, committed under schemas/ (so they cannot drift),
served by the site, and in agreement with the validator.

An editor reads front matter as YAML 1.2 and hands the schema JSON: a
YAML date (an unquoted 2024-06-01) reaches it as the string "2024-06-01".
The tests read front matter with yaml.safe_load and turn dates into ISO
strings the same way (`as_editor_sees`) before validating. The known
differences between schema and validator (core/schemas.py docstring) are
left out of the agreement cases, and the last test pins them down.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import inspect
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from conftest import REPO, Library, xinyu
from xinyu import cli
from xinyu.core import fields as field_types
from xinyu.core.collections import collections_path, load_collections
from xinyu.core.config_file import read_site_config, xinyu_plugin_config
from xinyu.core.fields import Grades, Invalid, TextList, Url, YearMonth
from xinyu.core.frontmatter import parse_front_matter
from xinyu.core.kinds import CASE, COURSE, LESSON, TRAINING
from xinyu.core.lecturers import load_lecturers
from xinyu.core.library import privacy_guard
from xinyu.core.schema import Field
from xinyu.core.schemas import DIALECT, TYPES, all_schemas, field_schema, schema_json
from xinyu.core.validate import validate_fields
from xinyu.core.vocabulary import settings_from_mapping

SETTINGS, CONFIG_PROBLEMS = settings_from_mapping(
    xinyu_plugin_config(read_site_config(REPO / "mkdocs.yml")))
NAMES = ("lesson.schema.json", "case.schema.json", "course.schema.json", "training.schema.json",
         "lecturers.schema.json", "collections.schema.json")
KINDS = {"lesson": LESSON, "case": CASE, "course": COURSE, "training": TRAINING}


def committed(name: str) -> dict[str, Any]:
    return json.loads((REPO / "schemas" / name).read_text(encoding="utf-8"))


def checker(schema: dict[str, Any]) -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(
        schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)


def as_editor_sees(value: Any) -> Any:
    """YAML dates as the ISO strings an editor's YAML 1.2 reader gives the schema."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return [as_editor_sees(v) for v in value]
    if isinstance(value, dict):
        return {str(k): as_editor_sees(v) for k, v in value.items()}
    return value


def front_matter_text(text: str) -> str:
    """The text between the first two `---` lines."""
    lines = text.split("\n")
    assert lines[0].strip() == "---"
    end = next(i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---")
    return "\n".join(lines[1:end])


# --- generated, committed, served -------------------------------------------------


def test_demo_config_is_valid():
    assert CONFIG_PROBLEMS == []


def test_committed_schemas_are_what_the_generator_makes():
    generated = all_schemas(SETTINGS)
    assert tuple(generated) == NAMES
    for name, schema in generated.items():
        assert (REPO / "schemas" / name).read_text(encoding="utf-8") == schema_json(schema), (
            f"schemas/{name} is out of date: run `xinyu schemas` and commit the result")


def test_cli_writes_the_committed_files(tmp_path):
    assert cli.main(["schemas", str(REPO), "--out", str(tmp_path / "out")]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(NAMES)
    for name in NAMES:
        assert (tmp_path / "out" / name).read_bytes() == (REPO / "schemas" / name).read_bytes()


def test_cli_uses_the_districts_own_settings(tmp_path):
    library = Library(tmp_path / "repo", {
        "grades": [{"key": k, "label": f"{k}年级", "stage": "primary"} for k in range(1, 7)],
        "topics": [{"key": "emotion", "label": "情绪", "required": True},
                   {"key": "safety", "label": "安全教育"}],
    })
    proc = xinyu(library.root, "schemas")
    assert proc.returncode == 0, proc.stderr
    written = library.root / "schemas" / "lesson.schema.json"
    lesson = json.loads(written.read_text(encoding="utf-8"))
    assert lesson["properties"]["topic"]["enum"] == ["emotion", "safety"]
    assert lesson["properties"]["topic"]["enumDescriptions"] == ["情绪", "安全教育"]
    grades = checker(lesson["properties"]["grades"])
    assert grades.is_valid("1-6") and grades.is_valid(6)
    assert not grades.is_valid("5-7") and not grades.is_valid(7)


def test_cli_refuses_an_invalid_config(tmp_path):
    library = Library(tmp_path / "repo", {"topics": [{"key": "Bad Key", "label": "x"}]})
    assert cli.main(["schemas", str(library.root)]) == 1
    assert not (library.root / "schemas").exists()


def test_site_serves_the_committed_schemas(demo_build):
    for name in NAMES:
        served = demo_build.site / "schemas" / name
        assert served.read_bytes() == (REPO / "schemas" / name).read_bytes(), name


@pytest.mark.parametrize("name", NAMES)
def test_schema_is_draft_07_with_a_relative_id(name):
    schema = committed(name)
    assert schema["$schema"] == DIALECT
    jsonschema.Draft7Validator.check_schema(schema)
    assert schema["$id"] == f"schemas/{name}"
    assert "://" not in schema["$id"]
    assert schema["additionalProperties"] is not True


def test_every_field_type_has_a_schema():
    types = {cls for _, cls in inspect.getmembers(field_types, inspect.isclass)
             if dataclasses.is_dataclass(cls) and hasattr(cls, "parse")
             and cls.__module__ == field_types.__name__}
    assert types and types <= set(TYPES), f"add {types - set(TYPES)} to schemas.TYPES"


def test_titles_and_descriptions_are_the_fields_labels_and_help():
    lesson = committed("lesson.schema.json")
    assert lesson["required"] == [f.name for f in LESSON.fields if f.required]
    for spec in LESSON.fields:
        prop = lesson["properties"][spec.name]
        assert prop["title"] == spec.label
        assert prop["description"] == spec.help
    assert lesson["properties"]["grades"]["examples"] == [[1, 2]]
    assert lesson["properties"]["showcase"]["properties"]["collection"]["examples"] == ["2024"]
    assert committed("case.schema.json")["properties"]["submitted"]["examples"] == ["2024-06-01"]


# --- the demo content passes ----------------------------------------------------


@pytest.mark.parametrize("kind", KINDS.values(), ids=list(KINDS))
def test_demo_front_matter_validates(kind):
    schema = checker(committed(f"{kind.key}.schema.json"))
    paths = sorted((REPO / kind.directory(SETTINGS)).rglob("*.md"))
    assert len(paths) >= 8
    for path in paths:
        data = yaml.safe_load(front_matter_text(path.read_text(encoding="utf-8")))
        errors = [e.message for e in schema.iter_errors(as_editor_sees(data))]
        assert errors == [], f"{path.relative_to(REPO)}: {errors}"


@pytest.mark.parametrize("name, path", [("lecturers.schema.json", SETTINGS.lecturers_file),
                                        ("collections.schema.json", collections_path(SETTINGS))])
def test_demo_registries_validate(name, path):
    data = yaml.safe_load((REPO / path).read_text(encoding="utf-8"))
    assert len(data) >= 1
    errors = [e.message for e in checker(committed(name)).iter_errors(as_editor_sees(data))]
    assert errors == []


# --- schema and validator agree -------------------------------------------------

BASES = {
    "lesson": {"title": "情绪小怪兽", "grades": "[1, 2]", "topic": "emotion",
               "summary": "认识四种基本情绪。"},
    "case": {"title": "从手机大战到家庭约定", "school": "青山湖区第二小学",
             "submitted": "2024-06-01", "grades": "[5]", "themes": "[亲子沟通, 手机使用]",
             "consent": "true", "summary": "一份家庭约定。"},
    "course": {"title": "读懂孩子的情绪", "lecturer": "wang-fang", "audience": "parents",
               "grades": '"1-3"', "format": "lecture", "duration_min": "90",
               "themes": "[情绪, 亲子沟通]", "summary": "家长识别孩子的情绪。"},
    "training": {"title": "心理委员朋辈倾听训练", "audience": "[心理委员]", "hours": "2",
                 "summary": "学会倾听同学。"},
}
SHOWCASE = '\n  collection: "2024"\n  month: 2024-05'
SCORES = "\n  representative: 4\n  innovative: 3\n  practical: 5"


def front(kind: str, **changes: str | None) -> str:
    """A kind's front matter: the base fields with `changes` (raw YAML; None removes)."""
    values = {**BASES[kind], **changes}
    return "".join(f"{key}:{value if value.startswith(chr(10)) else ' ' + value}\n"
                   for key, value in values.items() if value is not None)


LECTURERS = "wang-fang:\n  name: 王芳\n  title: 国家二级心理咨询师\n"
COLLECTIONS = '"2024":\n  title: 青山湖区心育课例集（2024）\n'

# (id, what, YAML text, the field the error is about); `what` is a kind or a registry.
BAD = [
    ("unknown field", "lesson", front("lesson", titel="情绪"), "titel"),
    ("missing required", "lesson", front("lesson", summary=None), "summary"),
    ("text as list", "lesson", front("lesson", title="[情绪, 小怪兽]"), "title"),
    ("blank text", "lesson", front("lesson", title='"   "'), "title"),
    ("text as boolean", "lesson", front("lesson", author="true"), "author"),
    ("integer below minimum", "lesson", front("lesson", periods="0"), "periods"),
    ("integer with unit", "lesson", front("lesson", periods="2课时"), "periods"),
    ("integer as boolean", "lesson", front("lesson", duration_min="true"), "duration_min"),
    ("integer as fraction", "lesson", front("lesson", duration_min="40.5"), "duration_min"),
    ("misspelt topic", "lesson", front("lesson", topic="emotoin"), "topic"),
    ("topic label instead of key", "lesson", front("lesson", topic="情绪调适"), "topic"),
    ("grade not configured", "lesson", front("lesson", grades="13"), "grades"),
    ("grade zero", "lesson", front("lesson", grades="[0, 1]"), "grades"),
    ("grade label instead of number", "lesson", front("lesson", grades="三年级"), "grades"),
    ("no grades", "lesson", front("lesson", grades="[]"), "grades"),
    ("grades with a full-width comma", "lesson", front("lesson", grades='"3，4"'), "grades"),
    ("grade range past the grades", "lesson", front("lesson", grades='"1-13"'), "grades"),
    ("grade range backwards", "lesson", front("lesson", grades='"4-3"'), "grades"),
    ("grade range inside a list", "lesson", front("lesson", grades='[3, "3-4"]'), "grades"),
    ("grade as boolean", "lesson", front("lesson", grades="[true]"), "grades"),
    ("grades as a group", "lesson", front("lesson", grades="{a: 3}"), "grades"),
    ("semester label", "lesson", front("lesson", semester="上学期"), "semester"),
    ("semester 3", "lesson", front("lesson", semester="3"), "semester"),
    ("semester as text", "lesson", front("lesson", semester='"1"'), "semester"),
    ("status not a choice", "lesson", front("lesson", status="publish"), "status"),
    ("keywords as a group", "lesson", front("lesson", keywords="{a: 1}"), "keywords"),
    ("keywords as a number", "lesson", front("lesson", keywords="5"), "keywords"),
    ("keywords nested list", "lesson", front("lesson", keywords="[情绪, [绘本]]"), "keywords"),
    ("keywords empty item", "lesson", front("lesson", keywords="[情绪, null]"), "keywords"),
    ("showcase not a group", "lesson", front("lesson", showcase='"2024"'), "showcase"),
    ("lesson type not a choice", "lesson", front("lesson", type="团体辅导"), "type"),
    ("activity unknown", "lesson", front("lesson", activities="[day-0526]"), "activities"),
    ("activity as a group", "lesson", front("lesson", activities="{a: 1}"), "activities"),
    ("training audience unknown", "training", front("training", audience="[家长]"), "audience"),
    ("training audience one unknown", "training", front("training", audience="[班主任, 校长]"),
     "audience"),
    ("training audience empty", "training", front("training", audience="[]"), "audience"),
    ("training hours zero", "training", front("training", hours="0"), "hours"),
    ("showcase missing month", "lesson",
     front("lesson", showcase='\n  collection: "2024"'), "showcase.month"),
    ("showcase month 13", "lesson",
     front("lesson", showcase='\n  collection: "2024"\n  month: 2024-13'), "showcase.month"),
    ("showcase month as a number", "lesson",
     front("lesson", showcase='\n  collection: "2024"\n  month: 202405'), "showcase.month"),
    ("showcase unknown field", "lesson", front("lesson", showcase=SHOWCASE + "\n  place: 礼堂"),
     "showcase.place"),
    ("showcase empty collection", "lesson",
     front("lesson", showcase='\n  collection: ""\n  month: 2024-05'), "showcase.collection"),
    ("video ftp", "lesson",
     front("lesson", showcase=SHOWCASE + "\n  video: ftp://example.cn/v.mp4"), "showcase.video"),
    ("video without scheme", "lesson",
     front("lesson", showcase=SHOWCASE + "\n  video: www.example.cn/v.mp4"), "showcase.video"),
    ("consent false", "case", front("case", consent="false"), "consent"),
    ("consent as text", "case", front("case", consent='"yes"'), "consent"),
    ("consent missing", "case", front("case", consent=None), "consent"),
    ("score above 5", "case", front("case", scores=SCORES.replace("5", "6")), "scores.practical"),
    ("score fraction", "case", front("case", scores=SCORES.replace("4", "4.5")),
     "scores.representative"),
    ("score missing", "case",
     front("case", scores="\n  representative: 4\n  practical: 5"), "scores.innovative"),
    ("themes empty list", "case", front("case", themes="[]"), "themes"),
    ("themes only a comma", "case", front("case", themes='"，"'), "themes"),
    ("themes blank item", "case", front("case", themes='[" "]'), "themes"),
    ("award not a choice", "case", front("case", award="特等奖"), "award"),
    ("date not zero-padded", "case", front("case", submitted="2024-6-1"), "submitted"),
    ("date as a number", "case", front("case", submitted="20240601"), "submitted"),
    ("case topic label", "case", front("case", topic="情绪调适"), "topic"),
    ("audience label", "course", front("course", audience="家长"), "audience"),
    ("format not a choice", "course", front("course", format="offline"), "format"),
    ("lead time negative", "course", front("course", lead_time_days="-1"), "lead_time_days"),
    ("capacity zero", "course", front("course", capacity="0"), "capacity"),
    ("lecturer missing", "course", front("course", lecturer=None), "lecturer"),
    ("duration with unit", "course", front("course", duration_min="90分钟"), "duration_min"),
    ("course status", "course", front("course", status="closed"), "status"),
    ("lecturer key with a space", "lecturers",
     LECTURERS + "Wang Fang:\n  name: 王芳\n  title: 老师\n", "Wang Fang"),
    ("lecturer key reserved", "lecturers", LECTURERS + "Index:\n  name: 王芳\n  title: 老师\n",
     "Index"),
    ("lecturer key starts with a hyphen", "lecturers",
     LECTURERS + "-wang:\n  name: 王芳\n  title: 老师\n", "-wang"),
    ("lecturer key too long", "lecturers", LECTURERS + f"{'a' * 65}:\n  name: 王芳\n  title: 老师\n",
     "a" * 65),
    ("lecturer key in Chinese", "lecturers", LECTURERS + "王老师:\n  name: 王芳\n  title: 老师\n",
     "王老师"),
    ("lecturer missing title", "lecturers", "wang-fang:\n  name: 王芳\n", "wang-fang.title"),
    ("lecturer unknown field", "lecturers", LECTURERS + "  phone: 见通讯录\n", "wang-fang.phone"),
    ("lecturer without fields", "lecturers", LECTURERS + "li-lei:\n", "li-lei"),
    ("lecturer empty name", "lecturers", 'wang-fang:\n  name: ""\n  title: 老师\n', "wang-fang.name"),
    ("collection missing title", "collections", '"2024":\n  editor: 区中心\n', "2024.title"),
    ("collection not a group", "collections", COLLECTIONS + '"2025": 青山湖区课例集\n', "2025"),
    ("collection key reserved", "collections", COLLECTIONS + "search:\n  title: 检索\n", "search"),
]

GOOD = [
    ("lesson", front("lesson")),
    ("lesson", front("lesson", grades='"3-4"')),
    ("lesson", front("lesson", grades="3")),
    ("lesson", front("lesson", grades='"3"')),
    ("lesson", front("lesson", grades='" 03 "')),
    ("lesson", front("lesson", grades='["3", 4, 4]')),
    ("lesson", front("lesson", grades='"1 至 3"')),
    ("lesson", front("lesson", grades='"10～12"')),
    ("lesson", front("lesson", grades='"5-5"')),
    ("lesson", front("lesson", keywords="情绪")),
    ("lesson", front("lesson", keywords="情绪，绘本")),
    ("lesson", front("lesson", keywords="[情绪, 2024, true]")),
    ("lesson", front("lesson", keywords="[]")),
    ("lesson", front("lesson", title="2024", summary="3.5")),
    ("lesson", front("lesson", semester="", periods="", author="", showcase="")),
    ("lesson", front("lesson", semester="2", periods="2", duration_min="40", status="draft",
                     author="吴老师", school="青山湖区第三小学")),
    ("lesson", front("lesson",
                     showcase=SHOWCASE + "\n  award: 一等奖\n  video: https://example.cn/视频")),
    ("lesson", front("lesson",
                     showcase="\n  collection: 2024\n  month: 2024-5\n  video: HTTPS://example.cn")),
    ("lesson", front("lesson", showcase='\n  collection: "2024"\n  month: 2024-05-01')),
    ("lesson", front("lesson", showcase='\n  collection: "2024"\n  month: " 2024-12 "')),
    ("case", front("case")),
    ("case", front("case", scores=SCORES, award="一等奖", topic="emotion", themes="亲子沟通")),
    ("case", front("case", status="draft", topic="", award="")),
    ("course", front("course")),
    ("course", front("course", lead_time_days="0", capacity="30", status="paused",
                     grades="[7, 8, 9]", topic="study")),
    ("lecturers", LECTURERS + "  bio: 一两句话。\nchen_jing2:\n  name: 陈静\n  title: 老师\n  bio:\n"),
    ("collections", COLLECTIONS + '"2025":\n  title: 课例集（2025）\n  editor: 区中心\n'),
]


def validator_errors(what: str, text: str, tmp_path: Path) -> tuple[list, dict[str, int]]:
    """The validator's errors for a front matter or registry text, and the line of each key."""
    if what in KINDS:
        parsed, problems = parse_front_matter(text, 1, f"{what}.md")
        assert parsed is not None, problems
        _, found = validate_fields(parsed, KINDS[what], SETTINGS, f"{what}.md", 1)
        return [p for p in problems + found if p.is_error], parsed.lines
    if what == "lecturers":
        path, load = SETTINGS.lecturers_file, load_lecturers
    else:
        path, load = collections_path(SETTINGS), load_collections
    (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / path).write_text(text, encoding="utf-8")
    _, problems, _ = load(tmp_path, SETTINGS, privacy_guard(tmp_path, SETTINGS))
    parsed, _ = parse_front_matter(text, 1, path)
    return [p for p in problems if p.is_error], parsed.lines


def schema_fields(what: str, text: str) -> set[str]:
    """The (dotted) fields the committed schema finds fault with."""
    data = as_editor_sees(yaml.safe_load(text))
    found = set()
    for error in checker(committed(f"{what}.schema.json")).iter_errors(data):
        path = [str(p) for p in error.absolute_path if not isinstance(p, int)]
        if "propertyNames" in error.absolute_schema_path:  # a registry key
            names = [error.instance]
        elif error.validator == "required":
            names = [n for n in error.validator_value if n not in error.instance]
        elif error.validator == "additionalProperties" and error.validator_value is False:
            names = [n for n in error.instance if n not in error.schema.get("properties", {})]
        else:
            names = []
        found |= {".".join(path + [n]) for n in names} if names else {".".join(path)}
    return found


def spec_of(kind, dotted: str) -> Field | None:
    return kind.field(dotted)


def test_enough_agreement_cases():
    assert len(BAD) >= 20
    specs = [spec_of(KINDS[what], field) for _, what, _, field in BAD if what in KINDS]
    assert {type(s.type) for s in specs if s is not None and s.type is not None} == set(TYPES)
    assert {what for _, what, _, _ in BAD} == {*KINDS, "lecturers", "collections"}


@pytest.mark.parametrize("what, text, field", [case[1:] for case in BAD], ids=[c[0] for c in BAD])
def test_both_refuse(what, text, field, tmp_path):
    errors, lines = validator_errors(what, text, tmp_path)
    if field in lines:  # reported on the field's own line
        assert any(p.line == lines[field] for p in errors), (field, [str(p) for p in errors])
    else:  # a missing field is named
        assert any(field in p.message for p in errors), (field, [str(p) for p in errors])
    assert field in schema_fields(what, text), schema_fields(what, text)


@pytest.mark.parametrize("what, text", GOOD)
def test_both_accept(what, text, tmp_path):
    errors, _ = validator_errors(what, text, tmp_path)
    assert errors == []
    assert schema_fields(what, text) == set()


def accepts(field_type, value) -> bool:
    try:
        field_type.parse(value, SETTINGS)
    except Invalid:
        return False
    return True


FIELD_VALUES = [
    (Grades(), [f"{a}{sep}{b}" for a in range(0, 15) for b in range(0, 15)
                for sep in ("-", " – ", "~", "～", "至", "到")]
     + [str(n) for n in range(-1, 15)] + [f" {n:02d} " for n in range(0, 15)]
     + list(range(-1, 15)) + [[n] for n in range(0, 15)] + [[], [1, "2"], "", "3,4", "3、4"]),
    (YearMonth(), [f"{y}-{m}" for y in ("2024", "202", "20245") for m in
                   ("0", "1", "01", "9", "09", "10", "12", "13", "00", "001")]
     + ["2024-05-01", "2024-02-30", "2024/05", "2024", 202405, "", " 2024-05 "]),
    (Url(), ["https://example.cn", "http://x", "HTTPS://x", " https://x ", "https:", "ftp://x",
             "example.cn", "//example.cn", "mailto:a", "javascript:alert(1)", "", 5]),
    (TextList(nonempty=True), ["a", "", " ", "，", "a，", ",;；、", [], [""], [" ", "a"], [1],
                               [True], ["，"], [None], [[]], [{}], {}, 3]),
]


@pytest.mark.parametrize("field_type, values", FIELD_VALUES,
                         ids=[type(t).__name__ for t, _ in FIELD_VALUES])
def test_field_types_agree_value_by_value(field_type, values):
    """Many values straight through one field type and its schema. (YearMonth
    and Date differ on YAML dates, which reach the validator as dates: a
    string like 2024-05-01 is here what an editor sees, not the validator.)"""
    schema = checker(field_schema(Field("x", field_type, required=True), SETTINGS))
    for value in values:
        if isinstance(field_type, YearMonth) and value == "2024-05-01":
            assert schema.is_valid(value) and accepts(field_type, dt.date(2024, 5, 1))
            continue
        if isinstance(field_type, YearMonth) and value == "2024-02-30":
            assert not schema.is_valid(value)  # and YAML would not read it as a date
            continue
        assert schema.is_valid(value) == accepts(field_type, value), value


def test_known_differences_are_as_documented(tmp_path):
    """Each difference the module docstring lists, so a change shows up here:
    (kind, the field as typed, what an editor's YAML 1.2 reader gives the schema)."""
    differences = {
        "quoted date": ("case", {"submitted": '"2024-06-01"'}, None),
        "date-time": ("case", {"submitted": "2024-06-01 10:30:00"}, "2024-06-01 10:30:00"),
        "unquoted date as text": ("lesson", {"title": "2024-06-01"}, None),
        "YAML 1.1 yes": ("case", {"consent": "yes"}, "yes"),
        "integral float": ("lesson", {"periods": "2.0"}, None),
        "unknown lecturer key": ("course", {"lecturer": "no-such-lecturer"}, None),
    }
    agreeing = []
    for name, (kind, changes, editor_value) in differences.items():
        text = front(kind, **changes)
        parsed, _ = parse_front_matter(text, 1, "x.md")
        _, problems = validate_fields(parsed, KINDS[kind], SETTINGS, "x.md", 1)
        instance = as_editor_sees(yaml.safe_load(text))
        if editor_value is not None:
            instance.update(dict.fromkeys(changes, editor_value))
        schema_ok = checker(committed(f"{kind}.schema.json")).is_valid(instance)
        if schema_ok == (not problems):
            agreeing.append(name)
    # an unknown lecturer passes both: the library checks the reference, not the field
    assert agreeing == ["unknown lecturer key"]

    # grades are ASCII digits for both (the validator once read "３" and crashed on "²")
    for typed in ('"３"', '"²"'):
        parsed, _ = parse_front_matter(front("lesson", grades=typed), 1, "x.md")
        _, problems = validate_fields(parsed, KINDS["lesson"], SETTINGS, "x.md", 1)
        assert [p.code for p in problems] == ["XY-F027"]

    # a registry key YAML reads as a number: the validator wants quotes, an editor sees text
    errors, _ = validator_errors("collections", "2024:\n  title: 课例集\n", tmp_path)
    assert errors and schema_fields("collections", "2024:\n  title: 课例集\n") == set()
