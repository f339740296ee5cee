"""Shared fixtures: real MkDocs builds of the demo library and of small
fixture libraries written into temporary folders."""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import textwrap
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONWARNINGS": "ignore"}

ALL_GRADES = list(range(1, 13))
REQUIRED_TOPICS = ["emotion", "relationships", "life", "study"]

BODY = """\
## 教学目标

- 认知目标：认识情绪。

## 教学准备

情绪卡片。

## 教学过程

### 一、暖身活动

教师提问：“你今天心情怎样？”

## 教学反思

关注每一位学生。
"""


@dataclass
class Build:
    returncode: int
    output: str  # stdout and stderr together
    site: Path

    def html(self, path: str) -> str:
        return (self.site / path).read_text(encoding="utf-8")


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, env=ENV, capture_output=True, text=True, timeout=300)


def mkdocs_build(root: Path, *extra: str) -> Build:
    site = root / "site"
    proc = run([sys.executable, "-m", "mkdocs", "build", "-d", str(site), *extra], root)
    return Build(proc.returncode, proc.stdout + proc.stderr, site)


def xinyu(root: Path, *args: str) -> subprocess.CompletedProcess:
    return run([sys.executable, "-m", "xinyu", *args], root)


def lesson_text(body: str = BODY, **fields) -> str:
    # One field per line, values as JSON (a subset of YAML), so lines are predictable.
    front = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in fields.items())
    return f"---\n{front}---\n{body}"


class Library:
    """A small content library in a temporary folder, with the demo's config."""

    def __init__(self, root: Path, plugin: dict | None = None) -> None:
        self.root = root
        (root / "content").mkdir(parents=True)
        (root / "content" / "index.md").write_text("# 首页\n\n测试站点。\n", encoding="utf-8")
        (root / "lessons").mkdir()
        config = {
            "site_name": "测试",
            "docs_dir": "content",
            "theme": {"name": "material", "language": "zh", "font": False},
            "plugins": ["search", {"xinyu": plugin or {}}],
        }
        (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")

    def write(self, relative: str, text: str | bytes) -> Path:
        path = self.root / "lessons" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def lesson(self, relative: str, body: str = BODY, **fields) -> Path:
        fields = {"title": "情绪小怪兽", "grades": [1], "topic": "emotion",
                  "summary": "认识四种基本情绪。", **fields}
        return self.write(relative, lesson_text(body, **fields))

    def fill_coverage(self, skip: set[tuple[int, str]] = frozenset()) -> None:
        """One lesson for every (grade, required topic) cell not in `skip`."""
        for grade in ALL_GRADES:
            for topic in REQUIRED_TOPICS:
                if (grade, topic) not in skip:
                    self.lesson(f"g{grade}/{topic}-{grade}.md", title=f"{topic} 第{grade}课",
                                grades=[grade], topic=topic)

    def build(self, *extra: str) -> Build:
        return mkdocs_build(self.root, *extra)

    def check(self, *args: str) -> subprocess.CompletedProcess:
        return xinyu(self.root, "check", ".", *args)


@pytest.fixture
def library(tmp_path: Path) -> Library:
    return Library(tmp_path / "repo")


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory) -> Build:
    """The shipped demo library, copied and built once per test session,
    with --strict: the demo builds without a single warning."""
    root = tmp_path_factory.mktemp("demo") / "repo"
    shutil.copytree(REPO, root, ignore=shutil.ignore_patterns(
        "site", ".git", "*.egg-info", "__pycache__", ".pytest_cache", "tests", ".hypothesis",
        ".venv", ".cache", "node_modules"))
    build = mkdocs_build(root, "--strict")
    assert build.returncode == 0, build.output
    assert "WARNING" not in build.output, build.output
    return build


def card_rows(page, separator: str = "") -> dict[str, str]:
    """The metadata card of an item page as {row header: cell text}."""
    return {tr.th.get_text(strip=True): tr.td.get_text(separator, strip=True)
            for tr in page.select("table.xinyu-card tr")}


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
ARTIFACTS = REPO / "tests" / "artifacts"


@contextlib.contextmanager
def serve(directory: Path):
    """A built site served over HTTP on localhost; yields its base URL."""
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def demo_url(demo_build):
    with serve(demo_build.site) as url:
        yield url


def pytest_collection_modifyitems(items) -> None:
    """Every test that drives Chromium (directly, or through a fixture that
    uses the browser) is marked `browser`: `pytest -m "not browser"` runs
    the rest in a fraction of the time."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    if not Path("/usr/bin/chromium").exists():
        pytest.fail("Debian's chromium is not installed (apt-get install chromium); .ci/run installs it")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def axe_source() -> str:
    """axe-core from the npm registry (scripts/test.sh installs it)."""
    path = Path(os.environ.get("XINYU_AXE", REPO / ".cache" / "axe" / "node_modules" / "axe-core" / "axe.min.js"))
    if not path.is_file():
        pytest.fail("axe-core is not installed: run the tests with scripts/test.sh, which installs it with npm")
    return path.read_text(encoding="utf-8")


def search(page, query: str) -> list[str]:
    """Type a query into Material's search and return the result locations."""
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.locator("label.md-search__icon[for=__search]").first.click()
    box.fill(query)
    box.press("End")  # Material searches on keyup; filling Chinese sends none
    # results are final when the summary line stops changing
    previous = None
    for _ in range(60):
        page.wait_for_timeout(250)
        meta = page.locator(".md-search-result__meta").inner_text()
        state = (meta, page.locator(".md-search-result__item").count())
        if not meta.startswith(("正在初始化", "键入以开始搜索")) and state == previous:
            break
        previous = state
    return page.locator(".md-search-result__item > a").evaluate_all(
        "links => links.map(a => new URL(a.href).pathname + new URL(a.href).hash)")


def tiny_pdf(text: str = "Worksheet", author: str = "") -> bytes:
    """A valid one-page PDF showing `text` (ASCII) in Helvetica; `author` in its metadata."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Author ({author}) >>".encode("latin-1"),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)
