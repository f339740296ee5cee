"""The output gate reads what a visitor reads: an inline icon's geometry is
not text (Material's repository icon has a path that looks like a phone
number), while the same digits anywhere a reader sees them still fail."""

from __future__ import annotations

from xinyu.core.gate import Gate
from xinyu.core.library import privacy_guard
from xinyu.core.vocabulary import Settings

ICON = ('<html><body><header><svg viewBox="0 0 448 512"><path d="M439.55 236.05 L244 40.45a28.87 '
        '28.87 0 0 0-40.81 0l-40.66 40.63 51.52 51.52c27.06-9.14 52.68 16.77 43.39 43.68l49.66 '
        '49.66c13812345678 0 0 1"/></svg></header><article class="md-content__inner">{}</article>'
        '</body></html>')


def test_icon_geometry_is_not_read_but_text_is(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(ICON.format("<p>你好</p>"), encoding="utf-8")
    gate = Gate(privacy_guard(tmp_path, Settings()), tmp_path, [])
    assert gate.check(site, set(), set()) == []
    (site / "index.html").write_text(ICON.format('<p title="13812345678">你好</p>'), encoding="utf-8")
    [problem] = Gate(privacy_guard(tmp_path, Settings()), tmp_path, []).check(site, set(), set())
    assert problem.code == "XY-G005" and "138" in problem.message
