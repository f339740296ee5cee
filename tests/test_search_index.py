"""xinyu's search index (search/index.py), built from documents as
Material's search plugin writes them: fast tests without a browser."""

from __future__ import annotations

import json

from hypothesis import given, strategies as st

from xinyu.search import PageInfo, grade_words, prepare_jieba, rewrite_index_file
from xinyu.search.index import TEASER_CHARS, bucket, letters, read_index, read_letters


def doc(location: str, title: str, text: str, **extra) -> dict:
    return {"location": location, "title": title, "text": text, **extra}


def written(tmp_path, docs, pages=None, config=None):
    folder = tmp_path / "search"
    folder.mkdir(exist_ok=True)
    (folder / "search_index.json").write_text(json.dumps(
        {"config": config or {"lang": ["zh"], "separator": "x"}, "docs": docs}, ensure_ascii=False),
        encoding="utf-8")
    rewrite_index_file(folder / "search_index.json", pages or {})
    return read_index(folder)


@given(st.lists(st.integers(min_value=0, max_value=10**12)))
def test_letters_round_trip_without_digits(numbers):
    text = letters(numbers)
    assert read_letters(text) == numbers
    assert text.isalpha() or text == ""  # the output gate never reads a posting as a number


def test_every_page_once_with_its_sections_and_teasers(tmp_path):
    long = "长" * (TEASER_CHARS * 2)
    index = written(tmp_path, [
        doc("a/", "情绪\u200b天气\u200b预报", "<p>用\u200b天气\u200b比喻\u200b心情</p>", tags=["教案"]),
        doc("a/#goal", "教学\u200b目标", f"<p>{long}</p>"),
        doc("b/", "另一\u200b课", "<p>A &amp; B &lt;script&gt;</p>"),
    ])
    assert [row[0] for row in index.pages] == ["a/", "b/"]
    assert index.pages[0][1:] == ["情绪天气预报", ["教案"], ["#goal"], ["教学目标"], False]
    assert index.teasers[0] == ["用天气比喻心情", long[:TEASER_CHARS]]
    assert index.teasers[1] == ["A & B <script>"]  # plain text: the worker escapes what it shows
    assert index.locations("天气") == {"a/"}
    sections = {section for page, section, _ in index.words["目标"]}
    assert sections == {1}


def test_manifest_has_no_documents_and_names_the_layout(tmp_path):
    written(tmp_path, [doc("a/", "标题", "正文")])
    manifest = json.loads((tmp_path / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert manifest["docs"] == []
    layout = manifest["config"]["xinyu"]
    assert set(layout) == {"version", "stamp", "buckets", "pages", "chunk", "teasers"}
    assert layout["pages"] == 1 and layout["buckets"] >= 1
    names = {p.name for p in (tmp_path / "search" / "xinyu").iterdir()}
    assert {f"t{bucket(w, layout['buckets'])}.json" for w in ("标题", "正文")} <= names


def test_sub_words_of_long_words_are_indexed(tmp_path):
    prepare_jieba()
    index = written(tmp_path, [doc("a/", "课", "心理健康教育")])  # one token, as Material segments it
    assert index.locations("心理健康教育") == {"a/"}
    assert index.locations("健康") == {"a/"}


def test_grade_and_stage_words_are_indexed_for_items(tmp_path):
    pages = {"a/": PageInfo(listing=False, grade_words=grade_words(8, "八年级", "初中"))}
    index = written(tmp_path, [doc("a/", "课", "正文")], pages)
    for word in ("初中", "八年级", "初二"):
        assert index.locations(word) == {"a/"}, word
    assert grade_words(2, "二年级", "小学") == ["二年级", "小学", "低年级"]
    assert grade_words(11, "高二", "高中") == ["高二", "高中", "十一年级"]


def test_a_listing_page_scores_below_the_item_it_lists(tmp_path):
    pages = {"list/": PageInfo(listing=True), "item/": PageInfo(listing=False)}
    index = written(tmp_path, [doc("list/", "索引", "考试\u200b焦虑"), doc("item/", "一课", "考试\u200b焦虑")],
                    pages)
    scores = {index.pages[page][0]: score for page, _, score in index.words["焦虑"]}
    assert scores["item/"] > 2 * scores["list/"]


def test_a_title_word_scores_above_a_text_word(tmp_path):
    index = written(tmp_path, [doc("a/", "焦虑", "正文"), doc("b/", "标题", "焦虑")])
    scores = {index.pages[page][0]: score for page, _, score in index.words["焦虑"]}
    assert scores["a/"] > scores["b/"]


def test_rewriting_replaces_files_of_an_earlier_build(tmp_path):
    written(tmp_path, [doc(f"p{n}/", f"页{n}", "正文 " * 50) for n in range(200)])
    before = {p.name for p in (tmp_path / "search" / "xinyu").iterdir()}
    index = written(tmp_path, [doc("a/", "标题", "正文")])
    after = {p.name for p in (tmp_path / "search" / "xinyu").iterdir()}
    assert len(after) < len(before) and len(index.pages) == 1
