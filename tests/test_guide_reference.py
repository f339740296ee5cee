"""The editor guide's field reference and catalogue of messages are
generated from the checks' own tables at build time, so they cannot drift."""

from __future__ import annotations

from bs4 import BeautifulSoup
from xinyu.core.kinds import CASE, COURSE, LESSON
from xinyu.core.lecturers import FIELDS as LECTURER_FIELDS
from xinyu.core.reference import expand
from xinyu.core.rules import RULES
from xinyu.core.vocabulary import settings_from_mapping


def _guide(demo_build) -> BeautifulSoup:
    return BeautifulSoup(demo_build.html("guide/index.html"), "html.parser")


def test_every_rule_is_in_the_guide_catalogue(demo_build):
    rows = {tr.select("td")[0].get_text(strip=True): tr
            for table in _guide(demo_build).select("article table")
            for tr in table.select("tr") if tr.select("td")}
    for rule in RULES.values():
        assert rule.code in rows, rule.code
        cells = [td.get_text(strip=True) for td in rows[rule.code].select("td")]
        assert cells[1] == rule.key
        assert cells[2] == {"error": "错误", "warning": "警告", "info": "提示"}[rule.severity.value]
    assert "xinyu:messages" not in demo_build.html("guide/index.html")


def test_every_field_of_every_kind_is_in_the_guide(demo_build):
    text = _guide(demo_build).get_text(" ")
    names = set()
    for fields, prefix in ((LESSON.fields, ""), (CASE.fields, ""), (COURSE.fields, ""),
                           (LECTURER_FIELDS, "")):
        for field in fields:
            names.add(f"{prefix}{field.name}")
            names.update(f"{field.name}.{sub.name}" for sub in field.fields)
    code = {c.get_text() for c in _guide(demo_build).select("article table code")}
    assert names <= code, names - code
    assert "监护人书面同意已存档时写 true" in text  # a field's help, from kinds.py


def test_reference_follows_the_district_configuration():
    settings, _ = settings_from_mapping({"topics": [
        {"key": "emotion", "label": "情绪调适", "required": True},
        {"key": "safety", "label": "安全教育"}]})
    table = expand("<!-- xinyu:fields lesson -->", settings)
    assert "`safety`（安全教育）" in table
    assert "`career`" not in table
    assert expand("<!-- xinyu:fields nothing -->", settings) == "<!-- xinyu:fields nothing -->"
    assert expand("text without markers", settings) == "text without markers"


def test_silence_hides_warnings_by_code_but_never_errors(tmp_path):
    from conftest import Library
    from xinyu.core.library import load_library

    library = Library(tmp_path / "repo")
    library.fill_coverage()
    library.lesson("g1/draft.md", status="draft", topic="情绪调适")
    codes = {p.code for p in load_library(library.root, {}).problems}
    assert {"XY-C002", "XY-F021"} <= codes  # periods short; a draft's slip, as a warning
    quiet = load_library(library.root, {"silence": ["XY-C002"]})
    assert "XY-C002" not in {p.code for p in quiet.problems}
    assert "XY-F021" in {p.code for p in quiet.problems}
    refused = load_library(library.root, {"silence": ["XY-F021", "XY-Z999"]})
    messages = [p.message for p in refused.errors if p.code == "XY-K001"]
    assert any("XY-F021 是错误，错误不能静默" in m for m in messages)
    assert any("“XY-Z999”不是规则编号" in m for m in messages)
    assert "XY-F021" in {p.code for p in refused.problems}
