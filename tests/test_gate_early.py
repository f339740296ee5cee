"""On a large site the output gate reads each page in a second process as
soon as it is rendered (core/gate.py, EarlyReading). The result must be the
gate's own in every case: the same problems as reading the pages after the
build, and a page changed after it was read (by any plugin or hook) is read
again from the file."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
import yaml

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


# Run in a new process: forking is only done from a process with one thread
# (the test session has others: the demo build, the browser driver).
RUNNER = '''
import json, logging, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException
from xinyu import plugin
from xinyu.core import gate, parallel

taken = []
original = gate.EarlyReading.take
def take(self, relative, data, generated):
    reading = original(self, relative, data, generated)
    if reading is not None:
        taken.append(relative)
    return reading
gate.EarlyReading.take = take

class Errors(logging.Handler):
    def __init__(self):
        super().__init__(logging.ERROR)
        self.lines = []
    def emit(self, record):
        self.lines.append(record.getMessage())

def run(site_name, pages):
    plugin.EARLY_READING_PAGES = pages
    taken.clear()
    handler = Errors()
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        build(load_config(config_file="mkdocs.yml", site_dir=site_name))
    except (MkDocsException, Abort):
        pass
    logging.getLogger("mkdocs").removeHandler(handler)
    return {"errors": sorted(l.replace(site_name + "/", "site/") for l in handler.lines),
            "taken": list(taken)}

if __name__ == "__main__":
    parallel.Background.QUEUE = 1  # the build reads a page itself whenever one is waiting
    print(json.dumps({"possible": gate.EarlyReading.possible(),
                      "after": run("after", 10 ** 9), "early": run("early", 0)}, ensure_ascii=False))
'''


def test_early_reading_gives_the_gates_own_problems(repo):
    (repo / "runner.py").write_text(RUNNER, encoding="utf-8")
    proc = subprocess.run([sys.executable, "runner.py"], cwd=repo, capture_output=True, text=True,
                          timeout=300, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    if not result["possible"]:
        pytest.skip("no second core or no fork on this machine: the gate reads every page itself")
    after, early = result["after"], result["early"]
    assert after["taken"] == []
    assert early["errors"] == after["errors"]
    assert "index.html" in early["taken"]  # read in the second process
    assert "lessons/l0/index.html" not in early["taken"]  # changed after it was read: read again
    text = "\n".join(early["errors"])
    assert "site/index.html" in text and "138" in text  # the phone number on the home page
    assert "onclick" in text  # the event handler
    assert any(line.startswith("site/lessons/l0/index.html") and "身份证号" in line
               for line in early["errors"])  # the ID number put in after the page was read
    assert not (repo / "early" / "index.html").exists()  # nothing published
