"""Live-preview benchmark: time from saving a file to the new text on the
served page, `mkdocs serve --dirty`, xinyu against plain mkdocs-material.

Writes two sites into a temporary folder:
  - xinyu: the demo repository (config, pages, cases, courses) with its
    lessons copied until there are N lesson files;
  - plain: mkdocs-material with the same theme, search and Markdown settings
    and the same N lesson bodies as ordinary pages (nav: the home page only).
Starts `mkdocs serve --dirty` for each on a free port, then edits one lesson
(one page) at a time, alternating the two sites, and polls the served HTML
until the new text shows. Prints the median of each and the ratio.

Usage: python benchmarks/serve.py [--lessons N] [--edits K] [--keep]
       python benchmarks/serve.py --prepare DIR   (write the two sites only)
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONWARNINGS": "ignore"}
IGNORE = shutil.ignore_patterns("site", ".git", ".venv", ".cache", "tests", "benchmarks",
                                "*.egg-info", "__pycache__", ".pytest_cache", ".hypothesis")
FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)
EDITED = "（第{n}次修改的内容，用于测量预览速度。）"


def lesson_copies(root: Path, count: int) -> list[Path]:
    """The demo lessons plus copies (plain lessons: no collection) up to `count` files."""
    demo = sorted((root / "lessons").rglob("*.md"))
    paths = list(demo)
    k = 0
    while len(paths) < count:
        k += 1
        for path in demo:
            if len(paths) >= count:
                break
            text = path.read_text(encoding="utf-8")
            front = yaml.safe_load(FRONT.match(text)[1])
            front.pop("showcase", None)
            front["title"] = f"{front['title']}（{k}）"
            head = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000)
            copy = path.parent / f"{path.stem}-{k}.md"
            copy.write_text(f"---\n{head}---\n{FRONT.sub('', text, count=1)}", encoding="utf-8")
            paths.append(copy)
    return paths


def prepare(workdir: Path, count: int) -> tuple[Path, Path, list[Path], list[Path]]:
    xinyu = workdir / "xinyu"
    shutil.copytree(REPO, xinyu, ignore=IGNORE)
    lessons = lesson_copies(xinyu, count)

    plain = workdir / "plain"
    (plain / "docs" / "lessons").mkdir(parents=True)
    shutil.copytree(REPO / "site_overrides", plain / "site_overrides")
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.Loader)
    config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and "xinyu" in p)]
    config.update(docs_dir="docs", nav=["index.md"])
    config["markdown_extensions"] = [  # the toc slugify object, written back as plain YAML
        {"toc": {"permalink": True}} if isinstance(e, dict) and "toc" in e else e
        for e in config["markdown_extensions"]]
    (plain / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                                      encoding="utf-8")
    shutil.copy(REPO / "content" / "index.md", plain / "docs" / "index.md")
    pages = []
    for path in lessons:
        text = path.read_text(encoding="utf-8")
        title = yaml.safe_load(FRONT.match(text)[1])["title"]
        page = plain / "docs" / "lessons" / f"{path.stem}.md"
        page.write_text(f"# {title}\n\n{FRONT.sub('', text, count=1)}", encoding="utf-8")
        pages.append(page)
    return xinyu, plain, lessons, pages


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


class Server:
    def __init__(self, root: Path, name: str) -> None:
        self.root, self.name = root, name
        self.port = free_port()
        self.log = open(root / "serve.log", "w+", encoding="utf-8")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{self.port}"],
            cwd=root, env=ENV, stdout=self.log, stderr=subprocess.STDOUT)

    def url(self, page: str) -> str:
        return f"http://127.0.0.1:{self.port}/{page}"

    def builds(self) -> list[float]:
        self.log.flush()
        text = (self.root / "serve.log").read_text(encoding="utf-8", errors="replace")
        return [float(s) for s in re.findall(r"Documentation built in ([0-9.]+) seconds", text)]

    def wait_built(self, count: int, seconds: float = 600) -> None:
        deadline = time.monotonic() + seconds
        while len(self.builds()) < count:
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.fail("mkdocs serve stopped or timed out")
            time.sleep(0.05)

    def fail(self, why: str) -> None:
        log = (self.root / "serve.log").read_text(encoding="utf-8", errors="replace")
        raise SystemExit(f"{self.name}: {why}; the end of its log:\n" +
                         "\n".join(log.splitlines()[-25:]))

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=60)
        self.log.close()


def edit_and_wait(server: Server, path: Path, url: str, n: int) -> tuple[float, float]:
    """(seconds from the save to the new text on the page, the rebuild's own time)."""
    built = len(server.builds())
    marker = EDITED.format(n=n)
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"（第[0-9]+次修改的内容，用于测量预览速度。）\n\n", "", text)
    text = text.replace("\n## 教学目标\n", f"\n{marker}\n\n## 教学目标\n", 1)
    started = time.perf_counter()
    path.write_text(text, encoding="utf-8")
    while marker not in fetch(url):
        if time.perf_counter() - started > 300:
            server.fail("the edit did not show within 300 s")
        time.sleep(0.02)
    seen = time.perf_counter() - started
    server.wait_built(built + 1)
    time.sleep(0.5)  # let the watcher settle before the next edit
    return seen, server.builds()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lessons", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=5, help="edits per site")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--prepare", type=Path, help="only write the two sites into this folder")
    args = parser.parse_args()

    if args.prepare:
        args.prepare.mkdir(parents=True, exist_ok=True)
        prepare(args.prepare, args.lessons)
        print(f"sites written to {args.prepare}/xinyu and {args.prepare}/plain")
        return

    workdir = Path(tempfile.mkdtemp(prefix="xinyu-serve-bench-"))
    servers = []
    try:
        xinyu_root, plain_root, lessons, pages = prepare(workdir, args.lessons)
        print(f"{len(lessons)} lessons in {workdir}")
        middle = len(lessons) // 2
        targets = {
            "xinyu": (lessons[middle], f"lessons/{lessons[middle].stem}/"),
            "plain": (pages[middle], f"lessons/{pages[middle].stem}/"),
        }
        servers = [Server(xinyu_root, "xinyu"), Server(plain_root, "plain")]
        for server in servers:
            server.wait_built(1)
            print(f"{server.name}: first build {server.builds()[0]:.2f} s")
        # The file watchers are registered (recursively, over every folder)
        # as serving starts: an edit made before they are all in place is
        # never seen, so give them a moment, as an editor's first save would.
        time.sleep(3)
        times: dict[str, list[tuple[float, float]]] = {"xinyu": [], "plain": []}
        for n in range(1, args.edits + 1):
            for server in servers:  # alternating
                path, page = targets[server.name]
                times[server.name].append(edit_and_wait(server, path, server.url(page), n))
                seen, build = times[server.name][-1]
                print(f"  edit {n} {server.name}: shown after {seen:.2f} s (rebuild {build:.2f} s)")
        median = {name: statistics.median(s for s, _ in values) for name, values in times.items()}
        rebuild = {name: statistics.median(b for _, b in values) for name, values in times.items()}
        print(f"median time from save to new text ({args.edits} edits each, {len(lessons)} lessons):")
        for name in ("xinyu", "plain"):
            print(f"  {name:6} {median[name]:.2f} s  (rebuild {rebuild[name]:.2f} s)")
        print(f"  ratio xinyu/plain: {median['xinyu'] / median['plain']:.2f}")
    finally:
        for server in servers:
            server.stop()
        if args.keep:
            print(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
