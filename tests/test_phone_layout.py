"""Phone-first layout: parents open the site from WeChat on phones. At 375 px
no built page scrolls sideways, and short table headers (情绪调适, 上学期)
never break a Chinese word across lines."""

from __future__ import annotations

import pytest

WIDTH = 375

# The widest elements sticking out past the viewport, leaving out those
# inside a box that scrolls horizontally on its own (a wide table in its
# own overflow-x: auto wrapper is fine on a phone).
OVERFLOW_JS = """(width) => {
  // (An absolutely placed element escapes a scroll box that is not its
  // containing block, so it is never counted as inside one.)
  const scrollsOnItsOwn = (el) => {
    if (['absolute', 'fixed'].includes(getComputedStyle(el).position)) return false;
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const ox = getComputedStyle(a).overflowX;
      if ((ox === 'auto' || ox === 'scroll') && a.clientWidth <= width) return true;
    }
    return false;
  };
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= width + 1 || scrollsOnItsOwn(el)) continue;
    const cls = typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
    out.push({el: el.tagName.toLowerCase() + cls, right: Math.round(r.right)});
  }
  out.sort((a, b) => b.right - a.right);
  return {scrollWidth: document.documentElement.scrollWidth, widest: out.slice(0, 3)};
}"""

# Header cells: each run of text in a th that is a short Chinese label (up to
# 4 characters, e.g. 情绪调适, 上学期) must sit on a single line.
TH_JS = """() => {
  const bad = [];
  for (const th of document.querySelectorAll('.md-typeset th')) {
    if (!th.getClientRects().length) continue;
    const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.trim();
      if (!/^[\\u4e00-\\u9fff]{2,4}$/.test(text)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
      if (tops.size > 1) bad.push(text);
    }
  }
  return bad;
}"""


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(viewport={"width": WIDTH, "height": 740}, device_scale_factor=2,
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    yield page
    context.close()


def built_pages(site):
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html")
                  if "assets" not in path.relative_to(site).parts)


def test_no_page_scrolls_sideways_on_a_phone(phone, demo_build, demo_url):
    pages = built_pages(demo_build.site)
    assert len(pages) > 50
    wide, broken = [], []
    for path in pages:
        phone.goto(f"{demo_url}/{path}", wait_until="load")
        result = phone.evaluate(OVERFLOW_JS, WIDTH)
        if result["scrollWidth"] > WIDTH:
            wide.append(f"{path}: {result['scrollWidth']} px, widest {result['widest']}")
        headers = phone.evaluate(TH_JS)
        if headers:
            broken.append(f"{path}: {headers}")
    assert not wide and not broken, ("pages wider than the phone:\n" + "\n".join(wide)
                                     + "\ntable headers broken across lines:\n" + "\n".join(broken))
