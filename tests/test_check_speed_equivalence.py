"""The fast forms of the privacy scanning are the plain forms, faster: the
same readings and the same findings on generated text. (The plain forms are
kept here, the fast ones in the code.)"""

from __future__ import annotations

import contextlib
import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from xinyu.core import normalise as n
from xinyu.core import privacy as p
from xinyu.core.markdown import CJK

fast = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Characters the patterns care about, and some they do not.
PIECES = list("0123456789一二三四五六七八九十两零〇幺壹叁捌号栋幢座区期单元门室楼组队弄村民路街巷院苑"
              "小花园微薇信卫星加扣抠企鹅球口点。，：（）…！") + \
    list(" \t\n-‐—–_.·•・/\\'\"‘’“”*~+()[]{}<>【】|@#＃&%:：=") + \
    list("abcvVwWxXqQeEtTdDoO") + \
    ["QQ", "qq号：", "微信号：", "vx", "wechat", "we chat", "[at]", "(dot)", "艾特", "#qq.", "gmail.",
     "单元", "号楼", "小区", "花园", "村民", "小组", "com", "\u3000", "\u00a0", "１", "①", "\u200b",
     "ｖｘ", "\u0301", "А", "&#49;", "%31", "<b>", "</b>", "<!--", "-->", "**", "`", "![", "](x)",
     "13812345678", "110101199003077777", "12345", "abcdef", "3-2-501", "\u2028", "\U00020000"]
texts = st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=40).map("".join)

PLAIN_WORDS = re.compile(
    f"(?<=[{CJK}0-9])(?:[{n._SPLIT}]{{1,4}}|[{n._SPLIT}]{{0,3}}\n[{n._SPLIT}]{{0,3}})(?=[{CJK}0-9])")
PLAIN_DIGITS = re.compile(
    f"(?<=[0-9])(?:[{n._SPLIT}]{{1,4}}|[{n._SPLIT}]{{0,3}}\n[{n._SPLIT}]{{0,3}})(?=[0-9])")


@fast
@given(texts)
@example("一 \n 二3 - 4五----六\n\n七")
def test_separators_are_collapsed_as_by_the_plain_patterns(text: str) -> None:
    assert n._BETWEEN_WORDS.sub("", text) == PLAIN_WORDS.sub("", text)
    assert n._BETWEEN_DIGITS.sub("", text) == PLAIN_DIGITS.sub("", text)


@fast
@given(texts)
@example("a。b")
@example("a点com")
@example("x [ dot ] y")
@example("x【at】y")
@example("a#qq.com")
def test_dot_and_at_guards_never_skip_a_match(text: str) -> None:
    if n._DOT.search(text):
        assert n._may_dot(text)
    if n._AT.search(text):
        assert n._may_at(text)


@fast
@given(texts)
def test_characters_are_read_as_by_the_table(text: str) -> None:
    assert n.read_chars(text) == text.translate(n._char_table()[0])


def test_common_characters_are_what_the_table_says() -> None:
    table = n._char_table()[0]
    kept = "".join(chr(c) for c in range(0x110000) if n._UNCOMMON.match(chr(c)) is None)
    for char in kept:
        expected = table.get(ord(char), char)
        assert n._reading(ord(char)) == expected, repr(char)
        if char not in n._COMMON_MAPPED:
            assert expected == char, repr(char)


@fast
@given(texts)
def test_text_without_markup_reads_the_same_both_ways(text: str) -> None:
    if not n.has_markup(text):
        assert n.readings(text, True) == n.readings(text, False)


@contextlib.contextmanager
def _unguarded():
    """`find` with every guard made to pass: it then runs every detector."""
    always = re.compile("")
    saved = {name: getattr(p, name) for name in
             ("_DIGITS", "_FIVE_DIGITS", "_SEVEN_DIGITS", "_SIX_ID_CHARS", "_LABEL_WORDS",
              "_LATIN_LABELS", "_ADDRESS_MARKS", "_FIVE_ASCII_DIGITS", "_SIX_ASCII_ID_CHARS",
              "_LATIN_LABEL_START", "_MIXED_LABELS")}
    try:
        p._FIVE_ASCII_DIGITS = p._SIX_ASCII_ID_CHARS = p._LATIN_LABEL_START = re.compile(b"")
        p._DIGITS, p._LABEL_WORDS = ("",), ("",)
        p._FIVE_DIGITS = p._SEVEN_DIGITS = p._SIX_ID_CHARS = always
        p._LATIN_LABELS = p._MIXED_LABELS = p._ADDRESS_MARKS = (always,)
        yield
    finally:
        for name, value in saved.items():
            setattr(p, name, value)


GUARD = p.PrivacyGuard(p.ProtectedNames("salt", [p.ProtectedNames("salt").digest("张三")]))


@fast
@given(texts)
@example("QQ：12345")
@example("微信号：abc_123")
@example("vx abcdefg")
@example("加v 123456")
@example("幸福路12号3栋201室")
@example("阳光花园3-2-501")
@example("王家村3组")
@example("3单元 502 室")
@example("| 姓名 | QQ |\n|---|---|\n| 甲 | 12345678 |")
@example("| 微信 |\n|--|\n| wx_abc123 |")
def test_guards_never_skip_a_finding(text: str) -> None:
    for reading in set(n.readings(text)):
        guarded = GUARD.find(reading)
        with _unguarded():
            unguarded = GUARD.find(reading)
        assert guarded == unguarded


# -- front matter: libyaml where it reads as the pure loader does -------------

import datetime as dt  # noqa: E402
import math  # noqa: E402

import yaml  # noqa: E402
from xinyu.core import frontmatter as fm  # noqa: E402

KEYS = ["title", "grades", "a", "b-c", "x_1", "标题", "'q k'", '"d q"', "1", "true", "null", "- k",
        "", "a b", "title", "grades"]
SCALARS = ["1", "-1", "+1", "0x1F", "0o17", "017", "1e3", "1.5", "1_000", ".inf", "-.Inf", ".nan",
           "true", "no", "Yes", "on", "null", "~", "", "2024-05-01", "2024-5-1", "2024-05-01 10:00:00",
           "2024-05-01T10:00:00Z", "2024-13-45", "12:30", "1:2:3", "情绪 调适", "'单引号'", '"双引号"',
           "'it''s'", "'a\n  b'", '"a\n\n  b"', "[a, b]", "[1, [2, 3]]", "{a: 1, b: [x]}", "[]", "{}",
           "[a, ]", "{a}", "[a: b]", "a: b", "- x", "# c", "x # c", "x#y", "x:y", "：", "，", "“引号”",
           "（26）", "http://x.y/z", "a, b", "'", '"', "[", "]", "{", "}", "-", "--", "---", "...", ">",
           "|", "|-", ">+", "|2", "=", "<", "$x", "a\xa0b", "\u3000", "\ue000", "\ufffd", "a'b", 'a"b',
           " x ", "x  ", "0", "-0", "0.", ".5", "1.0e+3", "=a"]
ODD = ["\t", "\x85", "\ufeff", "\u2028", "\u2029", "!", "! x", "!!str 1", "&a x", "*a", "%YAML 1.1",
       "\\", '"\\/"', '"\\x41"', "?", "? a", "@", "`", "\x7f", "\x01", "\U0001F600", "\r"]
pieces = st.sampled_from(SCALARS) | st.text(
    alphabet=st.sampled_from(list("ab 1:-,[]{}#'\"|>\n情，“”") + ["\xa0"]), max_size=6)
odd_pieces = pieces | st.sampled_from(ODD)


def _lines(piece):
    line = st.tuples(st.sampled_from(["", " ", "  ", "   ", "    ", "      "]),
                     st.sampled_from(["{k}: {v}", "{k}:", "- {v}", "- {k}: {v}", "{v}", "", "# {v}",
                                      "{k}: {v} # {v}", "{k}: |", "{k}: >-", "-", "{k}: {v}{v}"]),
                     st.sampled_from(KEYS), piece, piece)
    return st.lists(line, max_size=10).map(
        lambda rows: "\n".join(indent + form.format(k=k, v=v + w if "{v}{v}" in form else v)
                               for indent, form, k, v, w in rows))


data = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=False) |
    st.dates(min_value=dt.date(1900, 1, 1)) | st.text(alphabet=st.sampled_from(
        list("ab 1:-,[]{}#'\"|>情，“”（）") + ["\xa0", "\n"]), max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(KEYS[:8]), inner, max_size=3), max_leaves=8)
dumped = st.tuples(st.dictionaries(st.sampled_from(KEYS[:8]), data, max_size=5),
                   st.sampled_from([None, True, False]), st.sampled_from([10, 40, 80])).map(
    lambda t: yaml.safe_dump(t[0], allow_unicode=True, default_flow_style=t[1], width=t[2],
                             sort_keys=False).rstrip("\n"))


def _canon(value):
    """A value with its types, comparable (nan included)."""
    if isinstance(value, dict):
        return ("dict", [(_canon(k), _canon(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [_canon(v) for v in value])
    if isinstance(value, float) and math.isnan(value):
        return ("float", "nan")
    return (type(value).__name__, value)


def _tree(node):
    """A node tree as tags, values and the line each node starts on."""
    if node is None:
        return None
    if isinstance(node, yaml.ScalarNode):
        return (node.tag, node.value, node.start_mark.line)
    if isinstance(node, yaml.SequenceNode):
        return (node.tag, [_tree(n) for n in node.value], node.start_mark.line)
    return (node.tag, [(_tree(k), _tree(v)) for k, v in node.value], node.start_mark.line)


def _same_as_pure(text: str) -> None:
    fast = fm._load_fast(text)
    if fast is not None:
        node, value = fm._load(text)
        assert _tree(fast[0]) == _tree(node)
        assert _canon(fast[1]) == _canon(value)
    parsed = fm.parse_front_matter(text, 2, "x.md")
    saved = fm._load_fast
    fm._load_fast = lambda text: None
    try:
        pure = fm.parse_front_matter(text, 2, "x.md")
    finally:
        fm._load_fast = saved
    assert [str(p) for p in parsed[1]] == [str(p) for p in pure[1]]
    assert (parsed[0] is None) == (pure[0] is None)
    if parsed[0] is not None:
        assert _canon(parsed[0].data) == _canon(pure[0].data)
        assert parsed[0].lines == pure[0].lines


yaml_fast = settings(max_examples=1500, deadline=None, suppress_health_check=list(HealthCheck))


@yaml_fast
@given(_lines(pieces))
@example("title: 驯服冲动的魔鬼（26）\ngrades:\n- 1\nsummary: “愤怒冰山”，学会\nkeywords:\n- 愤怒管理")
@example("a: 1\na: 2\nb:\n  c: 1\n  c: 2")
@example("a: [1, 2\nb: 3")
@example("a: 'x\n\nb: 1")
@example("- - - - - - - - - - - - - - - - - - - - - - x")
@example("a: " + "[" * 21 + "]" * 21)
@example("a:\n" + "".join(" " * i + f"k{i}:\n" for i in range(1, 25)))
@example("title: |#")
@example("title: >-2#x\n  y")
def test_front_matter_reads_the_same_by_libyaml(text: str) -> None:
    _same_as_pure(text)


@yaml_fast
@given(dumped)
def test_dumped_front_matter_reads_the_same_by_libyaml(text: str) -> None:
    _same_as_pure(text)


@yaml_fast
@given(_lines(odd_pieces))
@example("a: 1\t\nb: 2")
@example("a: x\x85y")
@example("a: \ufeffx")
@example("a: !")
@example("a: x\u2028y")
def test_odd_front_matter_is_left_to_the_pure_loader(text: str) -> None:
    _same_as_pure(text)
    if any(odd in text for odd in ("\t", "\x85", "\ufeff", "!", "&", "*", "%", "\\", "\u2028")):
        assert fm._load_fast(text) is None


ADDRESS_PIECES = list("0123456789一二三十两号栋幢座区期单元门室楼组队弄村民路街巷院苑小花园城府 \t-－—，。;") + \
    ["单元", "号楼", "号院", "小区", "花园", "新村", "大道", "胡同", "小组", "幸福路", "王家村", "阳光花园",
     "12", "301", "3-2-501", "\n", "abc"]


@fast
@given(st.lists(st.sampled_from(ADDRESS_PIECES) | st.text(max_size=2), max_size=60).map("".join))
@example("幸福路12号3栋201室" + "的" * 70 + "阳光花园3-2-501" + "村" * 65 + "王家村3组")
@example("阳光小区5栋2单元301 和 幸福路3号院2号楼")
def test_addresses_are_found_as_by_the_whole_pattern(text: str) -> None:
    assert [m.span() for m in p._addresses(text)] == [m.span() for m in p._ADDRESS.finditer(text)]
