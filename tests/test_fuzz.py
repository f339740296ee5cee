"""No input may raise: random front matter, text and bytes always end as a
published entry or as reported problems."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from xinyu.core.kinds import LESSON
from xinyu.core.loader import load_entry
from xinyu.core.privacy import PrivacyGuard, ProtectedNames
from xinyu.core.vocabulary import Settings

ROOT = Path(tempfile.mkdtemp(prefix="xinyu-fuzz-"))
GUARD = PrivacyGuard(ProtectedNames("salt", [ProtectedNames("salt").digest("张三")]))
FIELDS = [f.name for f in LESSON.fields] + ["showcase.month", "summery", "标题", ""]

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**20, 10**20), st.floats(allow_nan=True),
    st.text(max_size=20), st.dates(min_value=dt.date(1, 1, 1)),
    st.sampled_from(["3-4", "13", "emotion", "情绪调适", "上学期", "2024-05", "一年级", "-1"]),
)
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(FIELDS), inner, max_size=4)),
    max_leaves=10)
front_matters = st.dictionaries(st.sampled_from(FIELDS), values, max_size=10)
bodies = st.lists(st.sampled_from(["## 教学目标", "## 教学过程", "### 教学过程", "```", "~~~",
                                  "[学习单](sheet.pdf)", "![](../x.png)", "[a](#b)", "[x](%zz)",
                                  "[y](<>)", "教学", "\t", ""]) | st.text(max_size=10),
                 max_size=12).map("\n".join)


def check(data: bytes) -> None:
    path = ROOT / "lesson.md"
    path.write_bytes(data)
    entry, problems, _ = load_entry(ROOT, path, "lessons/lesson.md", LESSON, Settings(), GUARD)
    assert entry is not None or problems
    for problem in problems:
        assert problem.path == "lessons/lesson.md" and problem.line >= 0 and problem.message


fuzz = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@fuzz
@given(front_matters, bodies)
def test_structured_front_matter_never_raises(front, body):
    text = "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" + body
    check(text.encode("utf-8"))


@fuzz
@given(st.text(max_size=200), bodies)
def test_arbitrary_front_matter_text_never_raises(front, body):
    check(f"---\n{front}\n---\n{body}".encode("utf-8"))


@fuzz
@given(st.binary(max_size=200))
def test_arbitrary_bytes_never_raise(data):
    check(data)


@fuzz
@given(st.lists(st.sampled_from(["---", "title: x", "title：x", "grades: [1", "\tgrades: 1",
                                 "topic:emotion", "  - 1", "summary: '", "showcase:",
                                 "  month: 2024-13", "date: 2024-13-45", "&a [*a]", "? x", "...",
                                 "\ufeff", "\r", "key: !!python/object:os.system x"]),
                max_size=12))
def test_yaml_slips_never_raise(lines):
    check("\n".join(lines).encode("utf-8"))
