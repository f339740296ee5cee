"""Shared fixtures: real MkDocs builds of the demo library and of small
fixture libraries written into temporary folders."""

from __future__ import annotations

import contextlib
import copy
import functools
import http.server
import io
import json
import logging
import os
import shutil
import subprocess
import sys
import textwrap
import threading
import traceback
import warnings
from dataclasses import dataclass
from pathlib import Path

import jinja2
import jinja2.bccache
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


def run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, env={**ENV, **(env or {})}, capture_output=True,
                          text=True, timeout=300)


# `mkdocs build` and `xinyu ...` run in this process (as `python -m ...` would
# in a new one: same arguments, working folder, output and exit code), which
# saves a Python, MkDocs and jieba start-up per build. XINYU_TESTS_SUBPROCESS=1
# runs every one of them in a new process instead (to compare the two).
IN_PROCESS = os.environ.get("XINYU_TESTS_SUBPROCESS") != "1"


def mkdocs_build(root: Path, *extra: str, env: dict[str, str] | None = None) -> Build:
    site = root / "site"
    args = ["build", "-d", str(site), *extra]
    if IN_PROCESS:
        proc = _in_process("mkdocs", args, root, env)
    else:
        proc = run([sys.executable, "-m", "mkdocs", *args], root, env)
    return Build(proc.returncode, proc.stdout + proc.stderr, site)


def xinyu(root: Path, *args: str) -> subprocess.CompletedProcess:
    if IN_PROCESS:
        return _in_process("xinyu", list(args), root)
    return xinyu_process(root, *args)


def xinyu_process(root: Path, *args: str) -> subprocess.CompletedProcess:
    """`python -m xinyu` in a new process, for the tests of the command itself."""
    return run([sys.executable, "-m", "xinyu", *args], root)


class _FreshProcess:
    """What a new Python process starts from, restored before each command
    run in this one. The state a build leaves behind: jieba's dictionary
    (words the plugin adds for a site shift later segmentations), the
    plugin's record of what it added to jieba and its segmentation caches,
    and the load cache of `mkdocs serve` rebuilds (xinyu.core.cache)."""

    def __init__(self) -> None:
        import jieba
        from xinyu.search import segment as search_index

        self.search_index = search_index
        self.module = {name: copy.copy(value) for name, value in vars(search_index).items()
                       if isinstance(value, (bool, int, set, dict, list)) and not name.startswith("__")}
        self.jieba_level = jieba.default_logger.level
        self.jieba = None  # the dictionary as jieba loads it, taken when first needed

    def restore(self) -> None:
        import jieba
        import jieba.finalseg
        from xinyu.core import cache

        cache.clear()
        for name, value in self.module.items():
            setattr(self.search_index, name, copy.copy(value))
        for value in vars(self.search_index).values():
            if hasattr(value, "cache_clear"):
                value.cache_clear()
        tokenizer = jieba.dt
        if self.jieba is None:
            jieba.setLogLevel(logging.WARNING)  # its start-up chatter, once (a new process quiets it too)
            tokenizer.initialize()
            self.jieba = (tokenizer.dictionary, dict(tokenizer.FREQ), tokenizer.total,
                          dict(tokenizer.user_word_tag_tab), set(jieba.finalseg.Force_Split_Words))
        dictionary, freq, total, tags, force_split = self.jieba
        if (tokenizer.dictionary, tokenizer.total, len(tokenizer.FREQ), tokenizer.user_word_tag_tab,
                jieba.finalseg.Force_Split_Words) != (dictionary, total, len(freq), tags, force_split):
            tokenizer.dictionary, tokenizer.initialized = dictionary, True
            tokenizer.FREQ.clear()
            tokenizer.FREQ.update(freq)
            tokenizer.total = total
            tokenizer.user_word_tag_tab = dict(tags)
            jieba.finalseg.Force_Split_Words.clear()
            jieba.finalseg.Force_Split_Words.update(force_split)
        jieba.setLogLevel(self.jieba_level)


_fresh: _FreshProcess | None = None


class _CompiledTemplates(jinja2.BytecodeCache):
    """The theme's templates compiled once for the whole test run, not once a
    build: Jinja's bytecode cache, kept in memory. A template is found by
    its name and file and used only while its source is unchanged (Jinja
    compares a checksum); every MkDocs theme environment is configured alike."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if (code := self.compiled.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


def _theme_env_with_compiled_templates() -> None:
    from mkdocs.theme import Theme

    get_env, compiled = Theme.get_env, _CompiledTemplates()

    @functools.wraps(get_env)
    def theme_env(self):
        env = get_env(self)
        env.bytecode_cache = compiled
        return env

    Theme.get_env = theme_env


if IN_PROCESS:
    _theme_env_with_compiled_templates()


def _in_process(command: str, args: list[str], cwd: Path,
                env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`python -m <command> <args>` run in this process, as it runs in a new
    one: in `cwd`, with ENV (and `env`) as its environment, no standard
    input, Python warnings off (PYTHONWARNINGS=ignore), MkDocs' log on
    standard error, and the exit code `python` would give."""
    global _fresh
    if _fresh is None:
        _fresh = _FreshProcess()
    _fresh.restore()
    out, err = io.StringIO(), io.StringIO()
    mkdocs_log = logging.getLogger("mkdocs")
    root_log = logging.getLogger()
    saved = (mkdocs_log.level, mkdocs_log.propagate, list(mkdocs_log.handlers), list(root_log.handlers),
             [(h, h.stream) for h in logging.getLogger("jieba").handlers if isinstance(h, logging.StreamHandler)],
             dict(os.environ), os.getcwd(), sys.stdin, sys.argv)
    try:
        os.environ.clear()
        os.environ.update({**ENV, **(env or {})})
        os.chdir(cwd)
        sys.stdin = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")  # no input, no terminal
        for handler, _ in saved[4]:
            handler.setStream(err)
        # No handler of the test run's on the root logger: a record no handler
        # takes reaches `logging.lastResort` (standard error), as in a new process.
        root_log.handlers.clear()
        with warnings.catch_warnings(), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            warnings.simplefilter("ignore")
            returncode = _main(command, args)
    finally:
        mkdocs_log.setLevel(saved[0])
        mkdocs_log.propagate = saved[1]
        mkdocs_log.handlers[:] = saved[2]
        root_log.handlers[:] = saved[3]
        for handler, stream in saved[4]:
            handler.setStream(stream)
        os.environ.clear()
        os.environ.update(saved[5])
        os.chdir(saved[6])
        sys.stdin, sys.argv = saved[7], saved[8]
    return subprocess.CompletedProcess([sys.executable, "-m", command, *args], returncode,
                                       out.getvalue(), err.getvalue())


def _main(command: str, args: list[str]) -> int:
    sys.argv = [command, *args]
    try:
        if command == "mkdocs":
            import mkdocs.__main__ as mkdocs_main

            # PYTHONWARNINGS is set, so the command leaves Python's warnings alone;
            # standard output is no terminal, so log lines are not wrapped.
            mkdocs_main.ColorFormatter.text_wrapper.width = 0
            enable_warnings, mkdocs_main._enable_warnings = mkdocs_main._enable_warnings, lambda: None
            try:
                mkdocs_main.cli.main(args, prog_name="python -m mkdocs", standalone_mode=True)
            finally:
                mkdocs_main._enable_warnings = enable_warnings
            return 0
        from xinyu.cli import main

        sys.exit(main(args))
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            return exc.code or 0
        print(exc.code, file=sys.stderr)
        return 1
    except Exception:  # what Python prints for an uncaught exception
        traceback.print_exc()
        return 1


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


class _DemoBuild:
    """`python -m mkdocs build --strict` of a copy of the demo library, in a
    process of its own (the real command, start-up included), started as soon
    as the tests are collected: it builds while the first tests run."""

    def __init__(self, root: Path) -> None:
        shutil.copytree(REPO, root, ignore=shutil.ignore_patterns(
            "site", ".git", "*.egg-info", "__pycache__", ".pytest_cache", "tests", ".hypothesis",
            ".venv", ".cache", "node_modules", ".ruff_cache"))
        self.site = root / "site"
        self.out, self.err = root.parent / "stdout.txt", root.parent / "stderr.txt"
        with self.out.open("wb") as out, self.err.open("wb") as err:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "mkdocs", "build", "-d", str(self.site), "--strict"], cwd=root,
                env=ENV, stdout=out, stderr=err, stdin=subprocess.DEVNULL)

    def result(self) -> Build:
        self.process.wait(timeout=600)
        output = self.out.read_text(encoding="utf-8") + self.err.read_text(encoding="utf-8")
        return Build(self.process.returncode, output, self.site)


_demo: _DemoBuild | None = None


def _start_demo_build(config) -> _DemoBuild:
    global _demo
    if _demo is None:
        _demo = _DemoBuild(config._tmp_path_factory.mktemp("demo") / "repo")
    return _demo


@pytest.fixture(scope="session")
def demo_build(request) -> Build:
    """The shipped demo library, copied and built once per test session,
    with --strict: the demo builds without a single warning."""
    build = _start_demo_build(request.config).result()
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
    # a short poll: shutdown() waits for the loop to notice (0.5 s by default)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
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


def pytest_collection_finish(session) -> None:
    """The demo build starts as soon as a test that is to run needs it."""
    if not session.config.option.collectonly and \
            any("demo_build" in getattr(item, "fixturenames", ()) for item in session.items):
        _start_demo_build(session.config)


def pytest_sessionfinish(session) -> None:
    if _demo is not None and _demo.process.poll() is None:  # its tests were deselected or stopped
        _demo.process.kill()
        _demo.process.wait()


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
