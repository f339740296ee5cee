"""最后更新 and 在仓库中编辑此页 on lesson, case and course pages: dates
from Git (read once per build) with file dates as the fallback, and edit
links to each page's own source file."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from urllib.parse import quote

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import Build, Library, mkdocs_build

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))
from xinyu.core.history import SHALLOW_NOTICE, edit_base, edit_url, read_history  # noqa: E402

REAL_GIT = shutil.which("git")
pytestmark = pytest.mark.skipif(REAL_GIT is None, reason="git is not installed")

COMMIT_DATE = "2023-04-05T10:00:00+08:00"
REPO_URL = "https://github.com/xinyu-demo/xinyu"


def git(root: Path, *args: str, when: str = COMMIT_DATE) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run([REAL_GIT, "-C", str(root), "-c", "commit.gpgsign=false", *args],
                   check=True, capture_output=True, env=env, timeout=60)


def init_repo(root: Path) -> None:
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.name", "测试")
    git(root, "config", "user.email", "test@example.com")


def commit_all(root: Path, message: str = "内容", when: str = COMMIT_DATE) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, when=when)


def touch(path: Path, day: date) -> date:
    """Set a file's modification time to noon (local time) of `day`."""
    stamp = datetime(day.year, day.month, day.day, 12).timestamp()
    os.utime(path, (stamp, stamp))
    return day


def configure(library: Library, **settings) -> None:
    path = library.root / "mkdocs.yml"
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    config.update(settings)
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")


def build(library: Library, env: dict[str, str] | None = None) -> Build:
    result = mkdocs_build(library.root, env=env)
    assert result.returncode == 0, result.output
    return result


def page(result: Build, path: str) -> BeautifulSoup:
    return BeautifulSoup(result.html(path), "html.parser")


def updated(result: Build, path: str) -> str | None:
    line = page(result, path).select_one("p.xinyu-updated")
    return line.time.get_text() if line and line.time else None


def test_committed_modified_and_untracked_lessons(library):
    library.fill_coverage()
    library.lesson("g3/天气.md", title="情绪天气预报", grades=[3])
    changed = library.lesson("g3/changed.md", title="改过的课", grades=[3])
    init_repo(library.root)
    commit_all(library.root)
    changed.write_text(changed.read_text(encoding="utf-8") + "\n补充一句。\n", encoding="utf-8")
    changed_day = touch(changed, date(2022, 2, 3))
    new = library.lesson("g3/new.md", title="新课", grades=[3])
    new_day = touch(new, date(2021, 6, 7))
    result = build(library)
    assert updated(result, "lessons/天气/index.html") == "2023-04-05"
    assert updated(result, "lessons/emotion-1/index.html") == "2023-04-05"
    assert updated(result, "lessons/changed/index.html") == changed_day.isoformat()
    assert updated(result, "lessons/new/index.html") == new_day.isoformat()
    line = page(result, "lessons/天气/index.html").select_one("p.xinyu-updated")
    assert line.get_text() == "最后更新：2023-04-05"
    assert line.has_attr("data-search-exclude")
    assert line.time["datetime"] == "2023-04-05"


def test_outside_git_dates_are_file_dates_and_no_edit_link(library):
    library.fill_coverage()
    lesson = library.lesson("g3/天气.md", title="情绪天气预报", grades=[3])
    day = touch(lesson, date(2020, 1, 2))
    result = build(library)
    assert "浅克隆" not in result.output
    assert updated(result, "lessons/天气/index.html") == day.isoformat()
    soup = page(result, "lessons/天气/index.html")
    assert soup.select(".xinyu-edit") == []
    assert soup.select("a[rel=edit]") == []


def test_shallow_clone_says_so_once_and_uses_file_dates(library, tmp_path):
    library.fill_coverage()
    library.lesson("g3/天气.md", title="情绪天气预报", grades=[3])
    init_repo(library.root)
    commit_all(library.root, when="2023-01-01T10:00:00+08:00")
    library.lesson("g3/天气.md", title="情绪天气预报", grades=[3], summary="改过的简介。")
    commit_all(library.root, message="再改", when=COMMIT_DATE)
    clone = tmp_path / "clone"
    subprocess.run([REAL_GIT, "clone", "-q", "--depth", "1", f"file://{library.root}", str(clone)],
                   check=True, capture_output=True, timeout=60)
    day = touch(clone / "lessons" / "g3" / "天气.md", date(2020, 3, 4))
    result = build(_at(clone))
    assert result.output.count("浅克隆") == 1, result.output
    assert SHALLOW_NOTICE in result.output
    assert "fetch-depth: 0" in result.output
    assert updated(result, "lessons/天气/index.html") == day.isoformat()


def _at(root: Path) -> Library:
    """A Library object for a folder that already holds one (a clone)."""
    library = Library.__new__(Library)
    library.root = root
    return library


def test_edit_links_point_at_each_page_source(library):
    library.fill_coverage()
    library.lesson("grade-03/情绪_天气.md", title="情绪天气预报", grades=[3])
    configure(library, repo_url=REPO_URL, edit_uri="edit/main/content/",
              theme={"name": "material", "language": "zh", "font": False,
                     "features": ["content.action.edit"],
                     # Material's default repository icon (git-alt) has SVG path
                     # numbers that the output gate reads as a phone number.
                     "icon": {"repo": "fontawesome/brands/github"}})
    result = build(library)
    expected = (f"{REPO_URL}/edit/main/lessons/grade-03/"
                f"{quote('情绪_天气.md')}")
    assert "%E6%83%85%E7%BB%AA_" in expected
    soup = page(result, "lessons/情绪_天气/index.html")
    link = soup.select_one("p.xinyu-updated .xinyu-edit a")
    assert link.get_text() == "在仓库中编辑此页"
    assert link["href"] == expected
    assert [a["href"] for a in soup.select("a.md-content__button[rel=edit]")] == [expected]
    assert page(result, "lessons/emotion-1/index.html").select_one(".xinyu-edit a")["href"] == \
        f"{REPO_URL}/edit/main/lessons/g1/emotion-1.md"
    for index in ("lessons/index.html", "grades/3/index.html", "coverage/index.html"):
        soup = page(result, index)
        assert soup.select("a[rel=edit]") == [] and soup.select(".xinyu-edit") == [], index
    # a hand-written page keeps MkDocs' own edit link into docs_dir
    assert [a["href"] for a in page(result, "index.html").select("a[rel=edit]")] == \
        [f"{REPO_URL}/edit/main/content/index.md"]


def test_git_runs_a_bounded_number_of_times(library, tmp_path):
    log = tmp_path / "git-calls.log"
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "git").write_text(f'#!/bin/sh\necho "$*" >> "{log}"\nexec "{REAL_GIT}" "$@"\n')
    (fake / "git").chmod(0o755)
    env = {"PATH": f"{fake}{os.pathsep}{os.environ.get('PATH', '')}"}
    library.fill_coverage()
    init_repo(library.root)
    commit_all(library.root)

    def calls() -> int:
        log.unlink(missing_ok=True)
        build(library, env)
        return len(log.read_text().splitlines())

    few = calls()
    for number in range(60):
        library.lesson(f"extra/lesson-{number}.md", title=f"补充课 {number}", grades=[5])
    commit_all(library.root, message="更多")
    many = calls()
    assert 1 <= few == many <= 3


# -- the rules, without a build ----------------------------------------------

def test_edit_base_strips_docs_dir_or_points_at_the_root():
    assert edit_base(REPO_URL, "edit/main/content/", "content") == f"{REPO_URL}/edit/main/"
    assert edit_base(REPO_URL + "/", "edit/main/content", "content") == f"{REPO_URL}/edit/main/"
    assert edit_base(REPO_URL, "edit/main/", "content") == f"{REPO_URL}/edit/main/"
    assert edit_base(REPO_URL, "edit/main/docs/site/", "docs/site") == f"{REPO_URL}/edit/main/"
    assert edit_base(REPO_URL, "https://gitee.com/o/r/edit/master/content/", "content") == \
        "https://gitee.com/o/r/edit/master/"
    assert edit_base(None, "edit/main/content/", "content") is None
    assert edit_base(REPO_URL, None, "content") is None
    assert edit_base(REPO_URL, "", "content") is None
    assert edit_base("javascript:alert(1)//", "edit/", "content") is None
    assert edit_url(f"{REPO_URL}/edit/main/", "lessons/三年级/情绪 课.md") == \
        f"{REPO_URL}/edit/main/lessons/%E4%B8%89%E5%B9%B4%E7%BA%A7/%E6%83%85%E7%BB%AA%20%E8%AF%BE.md"
    assert edit_url(None, "lessons/x.md") is None


def test_without_git_installed_dates_are_file_dates(tmp_path, monkeypatch):
    (tmp_path / "lessons").mkdir()
    (tmp_path / "lessons" / "a.md").write_text("x")
    day = touch(tmp_path / "lessons" / "a.md", date(2019, 9, 1))
    monkeypatch.setenv("PATH", str(tmp_path / "no-such-bin"))
    history = read_history(tmp_path, ["lessons/a.md", "lessons/missing.md"])
    assert history.dates == {"lessons/a.md": day}
    assert history.notice is None
