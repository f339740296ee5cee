"""Search benchmark: index size and time from keystroke to results.

Builds the demo library (optionally with every lesson copied K more times)
into a temporary folder, then prints:
  - the search index size, raw and gzipped, against the same index written
    the way Material writes it (\\uXXXX escapes, no sub-word field);
  - the median time from the last keystroke to rendered results in headless
    Chromium, for xinyu's query worker against Material's own worker on the
    same index.

Usage: python benchmarks/search.py [--copies K] [--runs N]
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
QUERIES = ["情绪", "人际交往", "三年级 学习适应", "考试焦虑", "身体边界", "家长情绪管理", "王芳", "健康",
           "不存在的词汇甲乙"]
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


def build(copies: int, workdir: Path) -> Path:
    root = workdir / "repo"
    shutil.copytree(REPO, root, ignore=shutil.ignore_patterns(
        "site", ".git", ".venv", ".cache", "tests", "*.egg-info", "__pycache__"))
    lessons = sorted((root / "lessons").rglob("*.md"))
    for k in range(1, copies + 1):
        for path in lessons:
            text = path.read_text(encoding="utf-8").replace("showcase:", "showcase_removed:", 1)
            if "showcase_removed:" in text:  # copies are plain lessons, not collection entries
                head, _, rest = text.partition("showcase_removed:")
                rest = rest.split("\n---", 1)
                text = head.rstrip("\n") + "\n---" + rest[1]
            (path.parent / f"{path.stem}-copy{k}.md").write_text(text, encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(root / "site")],
                   cwd=root, env=env, check=True)
    print(f"build: {len(lessons) * (copies + 1)} lesson files in {time.perf_counter() - started:.1f} s",
          flush=True)
    return root / "site"


def sizes(site: Path) -> None:
    raw = (site / "search" / "search_index.json").read_bytes()
    index = json.loads(raw)
    docs = [{k: v for k, v in doc.items() if k != "keys"} for doc in index["docs"]]
    material = json.dumps({"config": index["config"], "docs": docs}, separators=(",", ":")).encode()
    ours_gz, material_gz = len(gzip.compress(raw, 9)), len(gzip.compress(material, 9))
    print(f"index raw:  {len(raw) / 1024:8.0f} KiB  (Material's encoding {len(material) / 1024:.0f} KiB, "
          f"ratio {len(raw) / len(material):.2f})")
    print(f"index gzip: {ours_gz / 1024:8.0f} KiB  (Material's encoding {material_gz / 1024:.0f} KiB, "
          f"ratio {ours_gz / material_gz:.2f})")
    keys = sum(len(doc.get("keys", "").encode()) for doc in index["docs"])
    print(f"sub-word field: {keys / 1024:.0f} KiB, {keys / len(raw):.1%} of the index")


@contextlib.contextmanager
def served(site: Path):
    """The built site on a free localhost port; yields its base URL."""
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def engine_page(browser, engine: str, site: Path, url: str):
    """A page of the site searching with xinyu's worker, or ("material")
    with Material's own worker served in its place, on the same index."""
    page = browser.new_page()
    if engine == "material":
        worker = next((site / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
        page.route("**/xinyu-search.js*", lambda route: route.fulfill(
            path=str(worker), content_type="text/javascript"))
    page.goto(url)
    return page


def latencies(site: Path, runs: int) -> None:
    from playwright.sync_api import sync_playwright

    results: dict[str, list[float]] = {}
    with served(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for name in ("xinyu", "material"):
            page = engine_page(browser, name, site, url)
            box = page.locator("input.md-search__input")
            box.click()
            box.fill("预热")
            box.press("End")
            page.wait_for_timeout(1500)  # the worker loads the index
            timings = []
            for _ in range(runs):
                for query in QUERIES:
                    box.fill("")
                    page.evaluate("document.querySelector('.md-search-result__meta').textContent = ''")
                    box.fill(query)
                    started = time.perf_counter()
                    box.press("End")
                    page.wait_for_function(
                        "() => /结果|没有/.test(document.querySelector('.md-search-result__meta').textContent)",
                        timeout=15000)
                    timings.append((time.perf_counter() - started) * 1000)
            results[name] = timings
            page.close()
        browser.close()
    ours, theirs = statistics.median(results["xinyu"]), statistics.median(results["material"])
    print(f"keystroke to results (median of {len(results['xinyu'])}): xinyu {ours:.0f} ms, "
          f"Material's worker {theirs:.0f} ms, ratio {ours / theirs:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=0, help="copy every lesson K more times")
    parser.add_argument("--runs", type=int, default=3, help="passes over the query set")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        site = build(args.copies, Path(workdir))
        sizes(site)
        latencies(site, args.runs)


if __name__ == "__main__":
    main()
