"""On a large site Material's search segments each page in a background
process (search/background.py). The published site must be the same byte
for byte as when the build's process indexes every page itself: with a
worker that fails on a page (that page is indexed in the build), with the
build indexing pages itself whenever the worker is behind, and with a page
that asks to be left out of search; and with a worker that stops
answering or dies."""

from __future__ import annotations

import filecmp
import json
import os
import subprocess
import sys

import pytest
import yaml

RUNNER = '''
import json, os, sys, time
from mkdocs.commands.build import build
from mkdocs.config import load_config
from xinyu import plugin
from xinyu.core import parallel
from xinyu.search import background

here = []  # pages indexed in the build's own process
entries = background._entries
def counted(index, data):
    here.append(data[2])
    return entries(index, data)
background._entries = counted

index_page = background._index_page
mode = ["fail"]
def failing(data):  # what the forked worker runs
    if data[2] == "lessons/l1/":
        raise RuntimeError("the worker fails on this page")
    if data[2] == "lessons/l2/" and mode[0] == "stuck":
        time.sleep(5)
    if data[2] == "lessons/l2/" and mode[0] == "killed":
        os._exit(1)
    return index_page(data)
background._index_page = failing

def run(site_name, pages, queue, how="fail"):
    plugin.EARLY_READING_PAGES = pages
    parallel.Background.QUEUE = queue
    parallel.Background.TIMEOUT_S = 1
    mode[0] = how
    here.clear()
    build(load_config(config_file="mkdocs.yml", site_dir=site_name))
    return sorted(here)

if __name__ == "__main__":
    print(json.dumps({"possible": plugin.EarlyReading.possible(),
                      "after": run("after", 10 ** 9, 64),
                      "background": run("background", 0, 10 ** 6),
                      "stealing": run("stealing", 0, 1),
                      "stuck": run("stuck", 0, 10 ** 6, "stuck"),
                      "killed": run("killed", 0, 10 ** 6, "killed")}))
'''


@pytest.fixture
def repo(tmp_path):
    root = tmp_path / "repo"
    (root / "content").mkdir(parents=True)
    (root / "lessons" / "g1").mkdir(parents=True)
    (root / "content" / "index.md").write_text("# 首页\n\n测试站点，情绪调适。\n", encoding="utf-8")
    (root / "content" / "hidden.md").write_text(
        "---\nsearch:\n  exclude: true\n---\n# 不进搜索\n\n情绪调适的内部说明。\n", encoding="utf-8")
    for n in range(6):
        (root / "lessons" / "g1" / f"l{n}.md").write_text(
            f"---\ntitle: 情绪小怪兽{n}\ngrades: [1]\ntopic: emotion\nsummary: 认识情绪和心理健康。\n"
            f"keywords: [情绪, 心理委员{n}]\n---\n"
            "## 教学目标\n\n认识情绪，学会调节自己的心情。\n\n"
            "## 教学过程\n\n### 活动一：情绪温度计\n\n学生分组讨论考试焦虑。\n", encoding="utf-8")
    config = {"site_name": "测试", "docs_dir": "content",
              "theme": {"name": "material", "language": "zh", "font": False},
              "plugins": ["search", {"xinyu": {"coverage_check": "off", "periods_check": "off"}}]}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    (root / "runner.py").write_text(RUNNER, encoding="utf-8")
    return root


def _same_tree(left, right) -> list[str]:
    """Files that differ or exist on one side only."""
    differ: list[str] = []
    compared = filecmp.dircmp(left, right)
    stack = [("", compared)]
    while stack:
        prefix, node = stack.pop()
        differ += [prefix + name for name in node.left_only + node.right_only + node.funny_files]
        _, mismatch, errors = filecmp.cmpfiles(node.left, node.right, node.common_files, shallow=False)
        differ += [prefix + name for name in mismatch + errors]
        stack += [(f"{prefix}{name}/", sub) for name, sub in node.subdirs.items()]
    return differ


def test_background_segmentation_publishes_the_same_site(repo):
    # A new process: forking is only done from a process with one thread.
    proc = subprocess.run([sys.executable, "runner.py"], cwd=repo, capture_output=True, text=True,
                          timeout=300, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    if not result["possible"]:
        pytest.skip("no second core or no fork on this machine: search indexes every page in process")
    assert result["after"] == []  # Material's own index, unwrapped
    assert result["background"] == ["lessons/l1/"]  # only the page the worker failed on
    assert "lessons/l1/" in result["stealing"]
    # A worker that stops answering is not waited for again; one that dies
    # breaks the pool: the pages are indexed (and read for the gate) here.
    assert "lessons/l2/" in result["stuck"]
    assert "lessons/l2/" in result["killed"]
    for site in ("background", "stealing", "stuck", "killed"):
        assert _same_tree(repo / "after", repo / site) == [], site
    index = json.loads((repo / "after" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["xinyu"]["pages"] >= 8  # a real index, split by xinyu
    words = "".join((path.read_text(encoding="utf-8"))
                    for path in (repo / "after" / "search").rglob("t*.json"))
    assert "温度" in words and "焦虑" in words
    assert "内部" not in words  # the page with `search: exclude`
