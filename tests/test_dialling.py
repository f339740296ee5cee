"""Public phone numbers dial with one tap wherever a page mentions them
(issue 10, item 2: tel: links for every phone number on the site)."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from xinyu.core.dialling import DialPublicNumbers, public_numbers
from xinyu.core.vocabulary import settings_from_mapping

NUMBERS = ["12355", "0791-8666 1234", "+86 10 1234 5678"]


def render(text: str, numbers=NUMBERS) -> BeautifulSoup:
    html = markdown.markdown(text, extensions=["attr_list", "toc", DialPublicNumbers(numbers)])
    return BeautifulSoup(html, "html.parser")


def links(page: BeautifulSoup) -> list[tuple[str, str]]:
    return [(a["href"], a.get_text()) for a in page.select("a")]


@pytest.mark.parametrize("text, expected", [
    ("拨打全国青少年服务热线12355。", [("tel:12355", "12355")]),
    ("热线 0791-86661234 或 0791 8666 1234", [("tel:079186661234", "0791-86661234"),
                                          ("tel:079186661234", "0791 8666 1234")]),
    ("**12355** 和 *0791-8666-1234*", [("tel:12355", "12355"), ("tel:079186661234", "0791-8666-1234")]),
    ("先 12355，再 12355，最后 +86 10 1234 5678",
     [("tel:12355", "12355"), ("tel:12355", "12355"), ("tel:+861012345678", "+86 10 1234 5678")]),
])
def test_public_numbers_become_tel_links(text, expected):
    assert links(render(text)) == expected


@pytest.mark.parametrize("text", [
    "`12355` 是代码", "```\n12355\n```", "[热线 12355](https://example.cn/)",
    "编号 123556 和 412355 不是热线", "学号 20240012355", "12356 没有配置",
])
def test_other_text_is_left_alone(text):
    page = render(text)
    assert not page.select('a[href^="tel:"]')
    assert page.get_text().strip()


def test_headings_keep_their_text_and_anchor():
    page = render("## 求助热线 12355\n\n正文 12355")
    assert page.h2.get_text() == "求助热线 12355" and not page.h2.select("a")
    assert links(page) == [("tel:12355", "12355")]


def test_text_around_the_numbers_is_kept_in_order():
    page = render("甲 12355 乙 *丙* 丁 12355 戊")
    assert page.p.get_text() == "甲 12355 乙 丙 丁 12355 戊"
    assert str(page.p).count('href="tel:12355"') == 2


def test_no_numbers_configured_changes_nothing():
    assert not render("12355", numbers=[]).select("a")
    assert not render("12355", numbers=["", "12"]).select("a")


def test_the_public_numbers_come_from_the_settings():
    settings, _ = settings_from_mapping({
        "hotlines": [{"name": "区热线", "number": "0791-8666 1234"}],
        "order": {"email": "a@example.cn", "phone": "0791-8888 6666"},
        "allowed_phones": ["0791-8888 6677"]})
    assert public_numbers(settings)[0] == "0791-8666 1234"
    assert set(public_numbers(settings)) >= {"0791-8888 6666", "0791-8888 6677"}


def test_demo_lessons_dial_the_youth_line(demo_build):
    page = BeautifulSoup(demo_build.html("lessons/valuing-life-seeking-help/index.html"), "html.parser")
    article = page.select_one("article")
    assert ("tel:12355", "12355") in [(a["href"], a.get_text()) for a in article.select("a")]
    # every public number an article mentions in its prose is a link
    for paragraph in article.select("p, li"):
        text = "".join(s for s in paragraph.find_all(string=True) if not s.find_parent("a"))
        assert "12355" not in text, paragraph


@pytest.mark.parametrize("text, count", [
    ('电话 <a href="tel:12355">12355</a>，或 12355', 2),  # a template's raw link, then prose
    ('<a href="https://example.cn/">热线 0791-8666 1234</a>', 1),
    ('<p><a href="https://example.cn/">12355</a></p>\n\n然后 12355', 2),
    ('<span>12355</span>', 1),  # raw HTML that is not a link: its text is prose
])
def test_raw_html_links_are_not_linked_twice(text, count):
    page = render(text)
    assert len(page.select("a")) == count, page
    assert not page.select("a a")
