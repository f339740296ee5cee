"""Ordering that finishes anywhere (issue 10, item 2): a bar counting the
chosen courses that leads to the form, the order text copied for WeChat
(where there is often no mail app), and a phone number one tap dials."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import ARTIFACTS, serve
from playwright.sync_api import expect
from test_courses import course_library, fill_order


@pytest.fixture(scope="module")
def order_build(tmp_path_factory):
    library = course_library(tmp_path_factory.mktemp("order") / "repo")
    build = library.build()
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="module")
def order_url(order_build):
    with serve(order_build.site) as url:
        yield url


@pytest.fixture
def phone(browser, order_url):
    context = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=order_url)
    page = context.new_page()
    page.goto(f"{order_url}/courses/")
    page.evaluate("localStorage.clear()")
    page.reload()
    yield page
    context.close()


def add(page, title: str) -> None:
    page.locator("article.xinyu-card-item", has_text=title).get_by_role("button", name="加入点单").click()


def test_the_menu_phone_number_is_a_tel_link_with_digits_only(order_build):
    page = BeautifulSoup(order_build.html("courses/index.html"), "html.parser")
    links = page.select('a[href^="tel:"]')
    assert [(a["href"], a.get_text()) for a in links] == [("tel:079188886666", "0791-8888 6666")]


def test_demo_menu_phone_numbers_dial(demo_build):
    page = BeautifulSoup(demo_build.html("courses/index.html"), "html.parser")
    for link in page.select('a[href^="tel:"]'):
        assert all(c.isdigit() or c == "+" for c in link["href"][4:]) and link["href"][4:]


def test_order_bar_counts_live_and_leads_to_the_form(phone):
    page = phone
    bar = page.locator(".xinyu-order-bar__link")
    expect(bar).to_be_hidden()
    assert page.locator(".xinyu-order-bar").get_attribute("aria-live") == "polite"
    add(page, "读懂孩子的情绪")
    expect(bar).to_be_visible()
    expect(page.get_by_role("link", name="已选 1 门 · 填写点单")).to_be_visible()
    add(page, "手机与网络使用")
    expect(bar).to_have_text("已选 2 门 · 填写点单")
    box = bar.bounding_box()
    assert box["height"] >= 44 and box["width"] == 375
    assert abs(box["y"] + box["height"] - 812) <= 1  # fixed at the bottom of the screen
    page.mouse.wheel(0, 600)
    page.wait_for_timeout(100)
    box = bar.bounding_box()
    assert abs(box["y"] + box["height"] - 812) <= 1  # and stays there while scrolling
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "order-bar-375.png"))
    bar.click()
    assert page.url.endswith("#xinyu-order")
    expect(page.locator("input[name=school]")).to_be_in_viewport()
    # removing a course from the form updates the bar; removing the last hides it
    page.get_by_role("button", name="从点单中移除《读懂孩子的情绪》").click()
    expect(bar).to_have_text("已选 1 门 · 填写点单")
    page.get_by_role("button", name="清空点单").click()
    expect(bar).to_be_hidden()


def test_order_bar_counts_a_stored_order_but_not_paused_courses(phone):
    page = phone
    page.evaluate("localStorage.setItem('xinyu-order', JSON.stringify({courses: ['puberty', 'paused']}))")
    page.reload()
    expect(page.locator(".xinyu-order-bar__link")).to_have_text("已选 1 门 · 填写点单")


def test_order_bar_on_a_wide_screen_is_a_link_above_the_form(browser, order_url):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(f"{order_url}/courses/")
    page.evaluate("localStorage.setItem('xinyu-order', JSON.stringify({courses: ['exam']}))")
    page.reload()
    bar = page.locator(".xinyu-order-bar__link")
    expect(bar).to_be_visible()
    box = bar.bounding_box()
    assert box["height"] >= 44 and box["y"] + box["height"] <= 800 + 1
    context.close()


def order_body(page) -> str:
    href = page.locator("a.xinyu-order__mail").get_attribute("href")
    return parse_qs(urlsplit(href).query)["body"][0]


def test_copy_puts_the_email_text_on_the_clipboard(phone):
    page = phone
    add(page, "读懂孩子的情绪")
    add(page, "青春期的孩子")
    fill_order(page)
    page.get_by_role("button", name="生成点单").click()
    copy = page.get_by_role("button", name="复制点单内容")
    expect(copy).to_be_visible()
    copy.click()
    expect(page.locator(".xinyu-order__copied")).to_have_text("已复制，可以粘贴到微信。")
    copied = page.evaluate("navigator.clipboard.readText()")
    body = order_body(page)
    assert copied.replace("\r\n", "\n") == body.replace("\r\n", "\n")
    assert "【JZ-01】《读懂孩子的情绪》" in copied and "【KC-KTB7】《青春期的孩子》" in copied
    assert "emotions" not in copied and "puberty" not in copied
    assert "联系电话：13900001111" in copied
    assert page.locator(".xinyu-order__copytext").is_hidden()
    # the phone number is still not stored anywhere
    assert "13900001111" not in page.evaluate("JSON.stringify(localStorage)")


@pytest.mark.parametrize("exec_result, message", [
    (True, "已复制，可以粘贴到微信。"),
    (False, "请长按下面的文字，全选后复制，再粘贴到微信。"),
])
def test_copy_without_the_clipboard_api_falls_back_to_a_selected_text_box(browser, order_url, exec_result, message):
    context = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True)
    context.add_init_script(f"""
        Object.defineProperty(Navigator.prototype, 'clipboard', {{get: () => undefined}});
        window.__copied = null;
        document.execCommand = function (command) {{
          window.__copied = command === 'copy' ? String(window.getSelection ? document.activeElement.value
            .substring(document.activeElement.selectionStart, document.activeElement.selectionEnd) : '') : null;
          return {'true' if exec_result else 'false'};
        }};
    """)
    page = context.new_page()
    page.goto(f"{order_url}/courses/")
    page.evaluate("localStorage.setItem('xinyu-order', JSON.stringify({courses: ['exam']}))")
    page.reload()
    expect(page.locator(".xinyu-order__courses li")).to_have_count(1)
    fill_order(page, participants="15")  # 考前心理疏导: at most 20
    page.get_by_role("button", name="生成点单").click()
    page.get_by_role("button", name="复制点单内容").click()
    expect(page.locator(".xinyu-order__copied")).to_have_text(message)
    box = page.locator(".xinyu-order__copytext")
    expect(box).to_be_visible()
    assert box.get_attribute("readonly") is not None
    body = order_body(page).replace("\r\n", "\n")
    assert box.input_value() == body
    assert page.evaluate("window.__copied") == body  # the whole text was selected
    context.close()


def test_real_exec_command_fallback_copies_in_chromium(browser, order_url):
    context = browser.new_context(viewport={"width": 375, "height": 812})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=order_url)
    context.add_init_script("window.__realClipboard = navigator.clipboard;"
                            "Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined});")
    page = context.new_page()
    page.goto(f"{order_url}/courses/")
    page.evaluate("localStorage.setItem('xinyu-order', JSON.stringify({courses: ['puberty']}))")
    page.reload()
    fill_order(page)
    page.get_by_role("button", name="生成点单").click()
    page.get_by_role("button", name="复制点单内容").click()
    expect(page.locator(".xinyu-order__copied")).to_have_text("已复制，可以粘贴到微信。")
    copied = page.evaluate("window.__realClipboard.readText()")
    assert copied.replace("\r\n", "\n") == order_body(page).replace("\r\n", "\n")
    context.close()


def test_without_javascript_there_is_no_bar_and_no_copy_button(browser, order_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 812})
    page = context.new_page()
    page.goto(f"{order_url}/courses/")
    assert page.locator(".xinyu-order-bar__link").is_hidden()
    assert page.get_by_role("button", name="复制点单内容").count() == 0 or \
        page.get_by_role("button", name="复制点单内容").is_hidden()
    assert page.locator('a[href="tel:079188886666"]').is_visible()
    context.close()


def test_every_button_of_the_order_is_a_touch_target_on_a_phone(phone):
    page = phone
    add(page, "读懂孩子的情绪")
    add(page, "青春期的孩子")
    fill_order(page)
    page.get_by_role("button", name="生成点单").click()
    expect(page.get_by_role("button", name="复制点单内容")).to_be_visible()
    heights = page.locator("#xinyu-order button:visible, #xinyu-order .md-button:visible").evaluate_all(
        "nodes => nodes.map(node => [node.textContent.trim(), node.getBoundingClientRect().height])")
    assert len(heights) >= 6  # 移除 ×2, 生成点单, 清空点单, 用邮件发送点单, 复制点单内容, 打印点单表
    assert [(name, height) for name, height in heights if height < 44] == []
    for button in page.locator("#xinyu-order .xinyu-order__remove").all():
        assert button.bounding_box()["height"] >= 44


def test_an_order_stored_before_the_plan_hand_over_still_loads(phone):
    """Old stores ({courses}) and stores with a broken plan both load; a
    series' line says how many sessions it has."""
    page = phone
    page.evaluate("localStorage.setItem('xinyu-order', JSON.stringify({courses: ['emotions']}))")
    page.reload()
    expect(page.locator(".xinyu-order__courses li")).to_have_count(1)
    assert page.locator(".xinyu-order__plan").is_hidden()
    assert page.locator("input[name=school]").input_value() == ""
    page.evaluate("localStorage.setItem('xinyu-order', JSON.stringify({courses: ['emotions', 'phones'], "
                  "school: 7, plan: [null, 3, {course: 'nope', session: 1}, {course: 'phones', session: 'x'}, "
                  "{course: 'emotions', session: 1, date: '<b>'}]}))")
    page.reload()
    expect(page.locator(".xinyu-order__courses li")).to_have_count(2)
    assert page.locator(".xinyu-order__plan").inner_text() == "家长学校计划：第1次 日期待定 【JZ-01】《读懂孩子的情绪》"
    assert page.locator("input[name=school]").input_value() == ""
    page.evaluate("localStorage.setItem('xinyu-order', '[1, 2]')")
    page.reload()
    expect(page.locator(".xinyu-order__empty")).to_be_visible()
