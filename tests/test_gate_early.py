"""On a large site the output gate reads each page in a second process as
soon as it is rendered (core/gate.py, EarlyReading). The result must be the
gate's own in every case: the same problems as reading the pages after the
build, and a page changed after it was read (by any plugin or hook) is read
again from the file."""

from __future__ import annotations

import logging
import threading

import pytest
import yaml
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException
from xinyu import plugin as xinyu_plugin
from xinyu.core import gate

# Put into pages after the plugin's own checks of the source, before the gate:
# on_post_page (priority 0) runs before xinyu's (-100) and so is what the early
# reading reads; on_post_build (priority 0) runs before the gate (-100) and
# changes a file after it was read.
HOOKS = '''
def on_post_page(output, page, config):
    if page.file.src_uri == "index.md":
        return output.replace("测试站点。", '测试站点。电话 13812345678 <a href="#" onclick="go()">点</a>')
    return output

def on_post_build(config):
    from pathlib import Path
    for path in sorted(Path(config.site_dir, "lessons").glob("*/index.html")):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("认识情绪。", "认识情绪。身份证 110101199003074477", 1), encoding="utf-8")
        break
'''


@pytest.fixture
def repo(tmp_path):
    root = tmp_path / "repo"
    (root / "content").mkdir(parents=True)
    (root / "lessons" / "g1").mkdir(parents=True)
    (root / "content" / "index.md").write_text("# 首页\n\n测试站点。\n", encoding="utf-8")
    for n in range(3):
        (root / "lessons" / "g1" / f"l{n}.md").write_text(
            f"---\ntitle: 情绪小怪兽{n}\ngrades: [1]\ntopic: emotion\nsummary: 认识情绪。\n---\n"
            "## 教学目标\n\n认识情绪。\n\n## 教学过程\n\n活动。\n", encoding="utf-8")
    (root / "hooks.py").write_text(HOOKS, encoding="utf-8")
    config = {"site_name": "测试", "docs_dir": "content", "hooks": ["hooks.py"],
              "theme": {"name": "material", "language": "zh", "font": False},
              "plugins": ["search", {"xinyu": {"coverage_check": "off", "periods_check": "off"}}]}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return root


class _Errors(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def _build(root, site_name: str) -> list[str]:
    handler = _Errors()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        mkdocs_build(load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(root / site_name)))
    except (MkDocsException, Abort):
        pass
    finally:
        logger.removeHandler(handler)
    # the same problems, wherever the site was written
    return sorted(line.replace(f"{site_name}/", "site/") for line in handler.lines)


def test_early_reading_gives_the_gates_own_problems(repo, monkeypatch, demo_build):
    # demo_build: the test session's background build has finished (no other thread runs)
    assert threading.active_count() == 1 or not gate.EarlyReading.possible()
    if not gate.EarlyReading.possible():
        pytest.skip("no second core or no fork on this machine: the gate reads every page itself")
    taken: list[str] = []
    original = gate.EarlyReading.take

    def take(self, relative, data, generated):
        reading = original(self, relative, data, generated)
        if reading is not None:
            taken.append(relative)
        return reading

    monkeypatch.setattr(gate.EarlyReading, "take", take)
    monkeypatch.setattr(xinyu_plugin, "EARLY_READING_PAGES", 10 ** 9)
    after = _build(repo, "after")
    assert taken == []
    monkeypatch.setattr(xinyu_plugin, "EARLY_READING_PAGES", 0)
    early = _build(repo, "early")
    assert early == after
    assert "index.html" in taken  # read in the second process
    assert "lessons/l0/index.html" not in taken  # changed after it was read: read again
    text = "\n".join(early)
    assert "site/index.html" in text and "138" in text  # the phone number on the home page
    assert "onclick" in text  # the event handler
    assert any(line.startswith("site/lessons/l0/index.html") and "身份证号" in line
               for line in early)  # the ID number put in after the page was read
    assert not (repo / "early" / "index.html").exists()  # nothing published
