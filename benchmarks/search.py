"""Search benchmark: what a page downloads and how soon the first result shows.

Builds the demo library (optionally with every lesson copied K more times)
into a temporary folder, twice: with xinyu's index, and with xinyu's index
rewrite switched off so that Material's own index (every page's text in
one file) is there to compare with. Then, in headless Chromium, for
xinyu's worker and index against Material's worker and index:
  - the first result: a fresh page (no cache) is opened, a query typed as
    soon as it has loaded; the time from navigation start to the results
    shown, and the gzipped size of everything the search fetched until then
    (the server does not compress; each file is gzipped here to count it);
  - the median time from the last keystroke to rendered results, over a
    set of queries, with the index already loaded.

Usage: python benchmarks/search.py [--copies K] [--runs N] [--workdir DIR]
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

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
    # The same site with Material's own index, for Material's worker (the
    # benchmark serves this file in place of xinyu's manifest for it).
    subprocess.run([sys.executable, "-c", MATERIAL_INDEX, "build", "-q", "-d", str(root / "material")],
                   cwd=root, env=env, check=True)
    shutil.copy(root / "material" / "search" / "search_index.json", root / "site" / MATERIAL_INDEX_FILE)
    shutil.rmtree(root / "material")
    return root / "site"


# mkdocs with xinyu's index rewrite switched off (Material's index is kept).
MATERIAL_INDEX = """
import sys
import xinyu.search.index as index
index.write_index = lambda *args, **kwargs: None
from mkdocs.__main__ import cli
sys.argv[0] = "mkdocs"
cli()
"""
MATERIAL_INDEX_FILE = "material_index.json"  # beside the site's files, never under search/


def sizes(site: Path) -> None:
    ours = [site / "search" / "search_index.json", *sorted((site / "search" / "xinyu").glob("*.json"))]
    raw = sum(p.stat().st_size for p in ours)
    packed = sum(len(gzip.compress(p.read_bytes(), 9)) for p in ours)
    material = (site / MATERIAL_INDEX_FILE).read_bytes()
    manifest = (site / "search" / "search_index.json").read_bytes()
    print(f"index, all files: {raw / 1024:8.0f} KiB raw, {packed / 1024:.0f} KiB gzip in {len(ours)} files"
          f"  (Material's one file: {len(material) / 1024:.0f} KiB raw, "
          f"{len(gzip.compress(material, 9)) / 1024:.0f} KiB gzip)")
    print(f"loaded by every page: {len(manifest)} bytes (Material: the whole index)")


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
        use_material(page, site)
    page.goto(url)
    return page


def material_worker(site: Path) -> Path:
    return next((site / "assets" / "javascripts" / "workers").glob("search.*.min.js"))


def use_material(page, site: Path) -> None:
    """Serve Material's worker and Material's index in place of xinyu's."""
    page.route("**/xinyu-search.js*", lambda route: route.fulfill(
        path=str(material_worker(site)), content_type="text/javascript"))
    page.route("**/search/search_index.json", lambda route: route.fulfill(
        path=str(site / MATERIAL_INDEX_FILE), content_type="application/json"))


def first_result(site: Path, query: str = "考试焦虑") -> None:
    """From opening a page (no cache) to the first result shown, and what
    the search fetched until then (gzipped sizes)."""
    from playwright.sync_api import sync_playwright

    with served(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for engine in ("xinyu", "material"):
            times, transferred = [], []
            for _ in range(3):
                context = browser.new_context()
                fetched: list[str] = []
                context.on("request", lambda request: fetched.append(request.url))
                page = context.new_page()
                if engine == "material":
                    use_material(page, site)
                page.goto(url, wait_until="load")
                box = page.locator("input.md-search__input")
                if not box.is_visible():  # a narrow window: the search opens from its icon
                    page.locator("label.md-search__icon[for=__search]").first.click()
                box.fill(query)
                box.press("End")
                page.wait_for_function("() => document.querySelector('.md-search-result__item')",
                                       timeout=60000)
                times.append(page.evaluate("performance.now()") / 1000)
                size = 0
                for address in dict.fromkeys(fetched):
                    path = unquote(urlsplit(address).path)
                    if "/search/" in path or "/workers/" in path:
                        local = site / MATERIAL_INDEX_FILE if (
                            engine == "material" and path.endswith("search_index.json")) else \
                            site / path.lstrip("/")
                        if engine == "material" and path.endswith("xinyu-search.js"):
                            local = material_worker(site)
                        if local.is_file():
                            size += len(gzip.compress(local.read_bytes(), 9))
                transferred.append(size)
                context.close()
            print(f"first result ({engine}): {statistics.median(times):.2f} s after navigation start, "
                  f"search files fetched {statistics.median(transferred) / 1024:.0f} KiB gzip", flush=True)
        browser.close()


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
    parser.add_argument("--workdir", type=Path, default=None,
                        help="build in this folder and keep it; a site already built there is reused")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        workdir = args.workdir or Path(temporary)
        site = workdir / "repo" / "site"
        if not (site / MATERIAL_INDEX_FILE).is_file():
            shutil.rmtree(workdir / "repo", ignore_errors=True)
            site = build(args.copies, workdir)
        sizes(site)
        first_result(site)
        latencies(site, args.runs)


if __name__ == "__main__":
    main()
