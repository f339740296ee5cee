"""`mkdocs serve` rebuilds when any content source changes; with --dirty it
rebuilds only what changed, and still shows a whole, correct site."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager

from conftest import ENV, dedent, tiny_pdf

from xinyu.core.gate import Gate
from xinyu.core.library import load_library, privacy_guard, watched_paths
from xinyu.core.vocabulary import Settings


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, text: str, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        body = fetch(url)
        if body and text in body.replace("\u200b", ""):  # the search index joins words with it
            return True
        time.sleep(0.5)
    return False


def test_serve_reloads_when_a_lesson_changes(library):
    library.fill_coverage()
    path = library.lesson("g1/live.md", title="第一版标题")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=library.root, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/lessons/live/"
        assert wait_for(url, "第一版标题")
        path.write_text(path.read_text(encoding="utf-8").replace("第一版标题", "第二版标题"),
                        encoding="utf-8")
        assert wait_for(url, "第二版标题")
    finally:
        server.terminate()
        server.wait(timeout=30)


@contextmanager
def serving(root, *extra: str):
    """`mkdocs serve` on a free port; yields the site's base URL."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", *extra],
        cwd=root, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def indexed_pages(url: str, title: str, seconds: float = 60) -> list[list]:
    """The search index's page rows (search/xinyu/p*.json), once a page titled `title` is among them."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            layout = json.loads(fetch(f"{url}/search/search_index.json"))["config"]["xinyu"]
            rows = [row for n in range(-(-layout["pages"] // layout["chunk"]))
                    for row in json.loads(fetch(f"{url}/search/xinyu/p{n}.json"))]
        except (TypeError, ValueError, KeyError):  # not (yet) served, or mid-write
            rows = []
        if any(title in row[1] for row in rows) or time.monotonic() > deadline:
            return rows
        time.sleep(0.5)


def replace_in(path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


CASE = dedent("""
    ---
    title: 第一版案例
    school: 青山湖区第一小学
    submitted: 2024-06-01
    grades: [5]
    themes: [亲子沟通]
    consent: true
    summary: 一段摘要。
    ---
    """) + "".join(f"## {title}\n\n正文。\n\n" for title in ("案例背景", "问题分析", "指导过程", "效果与反思"))


def test_serve_reloads_when_a_case_or_the_lecturers_change(library):
    """Sources outside docs_dir (cases) and content inside it (lecturers.yml)."""
    library.fill_coverage()
    case = library.root / "case_studies" / "2024" / "live-case.md"
    case.parent.mkdir(parents=True)
    case.write_text(CASE, encoding="utf-8")
    lecturers = library.root / "content" / "lecturers.yml"
    lecturers.write_text("wang-fang:\n  name: 王芳\n  title: 国家二级心理咨询师\n", encoding="utf-8")
    with serving(library.root, "--dirty") as url:
        assert wait_for(f"{url}/cases/live-case/", "第一版案例")
        replace_in(case, "第一版案例", "第二版案例")
        assert wait_for(f"{url}/cases/live-case/", "第二版案例")
        assert wait_for(f"{url}/cases/", "第二版案例")
        replace_in(lecturers, "国家二级心理咨询师", "区家庭教育指导师")
        assert wait_for(f"{url}/lecturers/", "区家庭教育指导师")


def test_dirty_rebuild_shows_the_edit_and_keeps_the_whole_site(library):
    library.fill_coverage()
    path = library.lesson("g1/live.md", title="第一版标题")
    with serving(library.root, "--dirty") as url:
        assert wait_for(f"{url}/lessons/live/", "第一版标题")
        replace_in(path, "第一版标题", "第二版标题")
        assert wait_for(f"{url}/lessons/live/", "第二版标题")
        search = indexed_pages(url, "第二版标题")
        page, index = fetch(f"{url}/lessons/live/"), fetch(f"{url}/lessons/")
        path.rename(path.with_name("renamed.md"))
        assert wait_for(f"{url}/lessons/renamed/", "第二版标题")
        gone, renamed_index = fetch(f"{url}/lessons/live/"), fetch(f"{url}/lessons/")
    assert "第二版标题" in page and "第一版标题" not in page
    # The index was rebuilt (the title changed) and lists every lesson.
    lessons = sorted(p.stem for p in (library.root / "lessons").rglob("*.md"))
    assert len(lessons) == 49 and "第二版标题" in index
    assert all(f"{slug}/" in index for slug in lessons if slug != "renamed")
    # The navigation of a rebuilt page names the pages that were not rebuilt.
    assert "二年级" in page and "人际交往" in page and "覆盖情况" in page
    # The search index: the pages not rebuilt kept, the rebuilt ones replaced, none twice.
    pages = [row[0] for row in search]
    assert any("第二版标题" in row[1] for row in search)
    assert sorted(pages) == sorted(set(pages))
    assert {f"lessons/{slug}/" for slug in lessons if slug != "renamed"} <= set(pages)
    assert "第一版标题" not in json.dumps(search, ensure_ascii=False).replace("\u200b", "")
    # A page no longer generated is gone.
    assert gone is None and "renamed/" in renamed_index and "live/" not in renamed_index


def test_source_cache_never_returns_a_stale_result(library):
    """In one process (as `mkdocs serve` rebuilds): a file rewritten with the
    same size and modification time, and a linked attachment that appears."""
    path = library.lesson("g1/a.md", title="甲乙丙", body="## 教学目标\n\n[学习单](sheet.pdf)\n\n"
                          "## 教学过程\n\n过程。\n")
    first = load_library(library.root, {})
    assert first.lessons.published == [] and any("sheet.pdf" in p.message for p in first.errors)
    (path.parent / "sheet.pdf").write_bytes(tiny_pdf())
    info = path.stat()
    replace_in(path, "甲乙丙", "甲乙丁")  # same size
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert path.stat().st_size == info.st_size and path.stat().st_mtime_ns == info.st_mtime_ns
    second = load_library(library.root, {})
    assert [e.title for e in second.lessons.published] == ["甲乙丁"]
    assert not any("sheet.pdf" in p.message for p in second.errors)
    third = load_library(library.root, {})  # unchanged: the same result, not shared lists
    assert [e.title for e in third.lessons.published] == ["甲乙丁"]
    assert third.problems == second.problems and third.problems is not second.problems


def test_gate_after_a_dirty_build_reads_every_file_changed_since_it_passed(tmp_path, monkeypatch):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    for name in ("a/index.html", "b.txt", "c.txt"):
        (site / name).write_text("<p>第一版。</p>", encoding="utf-8")
    guard = privacy_guard(tmp_path, Settings())
    first = Gate(guard, tmp_path, [], {})
    assert first.check(site, set(), set()) == []
    first.manifest.started_ns += 10 ** 12  # as if the check passed long after the files were written
    # Same size, same modification time: only the inode change time tells.
    page = site / "a" / "index.html"
    info = page.stat()
    page.write_text("<p>第二版。</p>", encoding="utf-8")
    os.utime(page, ns=(info.st_atime_ns, info.st_mtime_ns))
    (site / "d.txt").write_text("新的文件。", encoding="utf-8")
    read = []
    monkeypatch.setattr(Gate, "_file", lambda self, path, *args: read.append(path.name) or [])
    assert Gate(guard, tmp_path, [], {}).check(site, set(), set(), previous=first.manifest) == []
    assert sorted(read) == ["d.txt", "index.html"]  # not the unchanged b.txt and c.txt


def test_watched_paths_are_every_source_but_never_the_root_or_the_site(tmp_path):
    for folder in ("content/courses", "lessons", "privacy", "out/site"):
        (tmp_path / folder).mkdir(parents=True)
    (tmp_path / "words.txt").write_text("心理韧性\n", encoding="utf-8")
    settings = Settings(cases_dir="case_studies", lecturers_file="content/lecturers.yml")
    paths = watched_paths(tmp_path, settings, tmp_path / "out" / "site", ["words.txt"],
                          watched=[tmp_path / "content"])
    # cases_dir is missing and its folder is the root; the rest of content/ is docs_dir
    assert sorted(p.relative_to(tmp_path).as_posix() for p in paths) == \
        ["lessons", "privacy", "words.txt"]
    assert watched_paths(tmp_path, Settings(lessons_dir="out"), tmp_path / "out" / "site",
                         watched=[tmp_path / "content"]) == [tmp_path / "privacy"]  # holds the site


def test_a_lesson_page_is_rendered_again_when_a_neighbour_changes(library):
    """Lesson pages are reused between rebuilds only while everything they
    show is unchanged: here the next lesson's title."""
    from xinyu.core.library import load_library
    from xinyu.pages import PageRenderer

    library.lesson("a.md", title="甲课", grades=[1])
    library.lesson("b.md", title="乙课", grades=[1])

    def page_of_a() -> str:
        pages = PageRenderer(load_library(library.root, {})).pages()
        return next(p.markdown for p in pages if p.uri == "lessons/a/index.md")

    assert "乙课" in page_of_a()
    library.lesson("b.md", title="丙课", grades=[1])
    again = page_of_a()
    assert "丙课" in again and "乙课" not in again
