"""Loading many files spreads the work over the cores (core/parallel.py,
loader.load_kind): `xinyu check` says exactly the same, file by file, with
the work spread or not, for good files, drafts and every kind of problem."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from conftest import Library

# A new process: forking is only done from a process with one thread.
RUNNER = '''
import contextlib, io, json, sys
from xinyu import cli
from xinyu.core import loader

spread = []
original = loader.fork_map
def fork_map(function, items, state):
    result = original(function, items, state)
    spread.append(result is not None)
    return result
loader.fork_map = fork_map

def check(files):
    loader.PARALLEL_FILES = files
    spread.clear()
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = cli.main(["check", ".", "--format", "json"])
    return {"code": code, "output": out.getvalue(), "spread": list(spread)}

if __name__ == "__main__":
    from xinyu.core.parallel import can_fork
    print(json.dumps({"possible": can_fork(), "alone": check(10 ** 9), "spread": check(2)},
                     ensure_ascii=False))
'''


def test_check_says_the_same_with_the_work_spread(library: Library):
    for n in range(24):
        library.lesson(f"g{n % 12 + 1}/l{n}.md", title=f"第{n}课", grades=[n % 12 + 1])
    library.lesson("g1/phone.md", title="电话", body="## 教学目标\n\n家长电话 13812345678。\n\n## 教学过程\n\n活动。\n")
    library.lesson("g1/draft.md", title="草稿", status="draft", summary="")
    library.lesson("g1/l0-copy.md", title="第0课")
    library.write("g2/broken.md", "---\ntitle: [未闭合\n---\n正文\n")
    library.write("g2/no-front.md", "只有正文，没有字段。\n")
    library.write("g3/bytes.md", b"\xff\xfe\x00garbage")
    library.lesson("g3/unknown.md", title="多余字段", colour="红")
    (library.root / "runner.py").write_text(RUNNER, encoding="utf-8")
    proc = subprocess.run([sys.executable, "runner.py"], cwd=library.root, capture_output=True,
                          text=True, timeout=300, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    if not result["possible"]:
        pytest.skip("no second core or no fork on this machine: files are loaded one by one")
    alone, spread = result["alone"], result["spread"]
    assert alone["spread"] == [] and spread["spread"] and all(spread["spread"])
    assert spread["code"] == alone["code"] != 0
    assert spread["output"] == alone["output"]
    problems = json.loads(alone["output"])
    text = json.dumps(problems, ensure_ascii=False)
    for name in ("phone.md", "broken.md", "bytes.md", "unknown.md", "no-front.md"):
        assert name in text, name
