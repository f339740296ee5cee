"""Build benchmark: xinyu against plain mkdocs-material, in one run.

Generates a realistic library of N items (80 % lessons, 20 % family-education
cases, plus the demo's courses and lecturers) into a temporary folder. Each
item is composed from the demo's own sections, its lines drawn at random
(seeded) and the sentences of prose lines mixed across items, so pages differ
as real ones do (a benchmark of N copies of one page would measure caches).
Then measures, with the runs alternating so that drift on a shared machine
cancels, the median of --runs runs of:

  (a) `xinyu check` on the library;
  (b) the floor: reading the same files and parsing their front matter with
      PyYAML's C loader, and nothing else;
  (c) `mkdocs build` of the library with xinyu (everything included: pages,
      search index, coverage, the output gate; the offline copy is off);
  (d) the anchor: plain mkdocs-material with the same theme, search and
      Markdown settings, the same Markdown bodies as ordinary pages, and a
      navigation of the home page only.

Each is a fresh Python process (start-up included, as a user runs it). It
prints c/d, a/b, the peak memory of both builds (the summed PSS of the build
and every process it starts: on a large site the output gate reads pages in
a second process), the CPU time of both builds (all their processes: what
the build costs on one core), the median HTML size of an item page and the
search index size, raw and gzipped. No timing is asserted
anywhere; CI runs this at a small N as a smoke test.

Usage: python benchmarks/run.py [--items N] [--runs R] [--seed S] [--keep]
"""

from __future__ import annotations

import argparse
import gzip
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONWARNINGS": "ignore"}
FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)
SECTION = re.compile(r"^## (.+)$", re.M)
LESSON_SHARE = 0.8

FLOOR = r"""
import sys
from pathlib import Path
import yaml
for folder in sys.argv[1:]:
    for path in sorted(Path(folder).rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            end = text.find("\n---\n", 4)
            yaml.load(text[4:end], Loader=yaml.CSafeLoader)
"""


# -- the library ---------------------------------------------------------------

def _split(text: str) -> tuple[dict, dict[str, list[str]]]:
    """Front matter and the lines of each `## ` section (tables, headings and
    blank lines left out: drawn one by one they would not stay well formed)."""
    front = yaml.safe_load(FRONT.match(text)[1])
    body = FRONT.sub("", text, count=1)
    sections: dict[str, list[str]] = {}
    parts = SECTION.split(body)
    for name, content in zip(parts[1::2], parts[2::2]):
        sections[name.strip()] = [line for line in content.splitlines()
                                  if line.strip() and not line.lstrip().startswith(("|", "#", "<", "```"))]
    return front, sections


class Composer:
    """Items of one kind composed from the demo's items of that kind."""

    def __init__(self, paths: list[Path], rng: random.Random) -> None:
        self.rng = rng
        self.items = [_split(p.read_text(encoding="utf-8")) for p in paths]
        self.lines: dict[str, list[str]] = {}
        for _, sections in self.items:
            for name, lines in sections.items():
                # A link to an attachment beside the demo lesson: its text only
                # (the generated library has no attachments).
                self.lines.setdefault(name, []).extend(
                    re.sub(r"\[([^\]]*)\]\((?![a-z]+:|#)[^)]*\)", r"\1", line) for line in lines)
        # Whole sentences without Markdown that could be left open (** or `).
        self.sentences = [s for lines in self.lines.values() for line in lines
                          for s in re.findall(r"[^。！？]+[。！？]", line)
                          if "*" not in s and "`" not in s and not re.match(r"\s*(?:[-*]|\d+\.)", s)]

    def line(self, section: str) -> str:
        """A line of the section, its sentences mixed with others' (a list
        item keeps its marker)."""
        line = self.rng.choice(self.lines[section])
        marker = re.match(r"\s*(?:[-*]|\d+\.)\s+", line)
        prefix = marker[0] if marker else ""
        sentences = re.findall(r"[^。！？]+[。！？]", line[len(prefix):]) or [line[len(prefix):]]
        if self.sentences:
            if len(sentences) > 1:
                sentences[self.rng.randrange(len(sentences))] = self.rng.choice(self.sentences)
            else:
                sentences.append(self.rng.choice(self.sentences))
        self.rng.shuffle(sentences)
        return prefix + "".join(sentences)

    def item(self, number: int) -> tuple[dict, str]:
        front, sections = self.rng.choice(self.items)
        front = dict(front)
        front.pop("showcase", None)
        front.pop("status", None)  # published: a draft among the demo's would be skipped
        front["title"] = f"{front['title']}（{number}）"
        body = []
        for name in sections:
            count = self.rng.randint(4, 10)
            lines = [self.line(name) for _ in range(count)]
            body.append(f"## {name}\n\n" + "\n\n".join(lines))
        return front, "\n\n".join(body) + "\n"


def generate(root: Path, items: int, seed: int) -> tuple[Path, Path]:
    """The xinyu repository and the plain-Material site, both under root."""
    rng = random.Random(seed)
    xinyu = root / "xinyu"
    (xinyu / "content").mkdir(parents=True)
    for name in ("content/index.md", "content/lecturers.yml"):
        shutil.copy(REPO / name, xinyu / name)
    shutil.copytree(REPO / "content" / "courses", xinyu / "content" / "courses")
    shutil.copytree(REPO / "site_overrides", xinyu / "site_overrides")
    (xinyu / "lessons").mkdir()
    shutil.copy(REPO / "lessons" / "collections.yml", xinyu / "lessons" / "collections.yml")
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.Loader)
    plugin = next(p["xinyu"] for p in config["plugins"] if isinstance(p, dict) and "xinyu" in p)
    # Random grades and topics leave gaps at small N: reported, not fatal.
    plugin.update(offline=False, coverage_check="info", periods_check="off")
    config.pop("repo_url", None)
    config.pop("edit_uri", None)
    config["markdown_extensions"] = [  # the toc slugify object, written back below
        {"toc": {**e["toc"], "slugify": SLUGIFY_MARK}} if isinstance(e, dict) and "toc" in e else e
        for e in config["markdown_extensions"]]
    write_config(xinyu, config)

    lessons = Composer(sorted((REPO / "lessons").rglob("*.md")), rng)
    cases = Composer(sorted((REPO / "case_studies").rglob("*.md")), rng)
    bodies: list[tuple[str, str, str]] = []  # (folder, stem, title + body) for the plain site
    lesson_count = round(items * LESSON_SHARE)
    for n in range(1, items + 1):
        is_lesson = n <= lesson_count
        front, body = (lessons if is_lesson else cases).item(n)
        if is_lesson:
            grade = rng.randint(1, 12)
            front.update(grades=[grade], topic=rng.choice(
                ["emotion", "relationships", "life", "study", "self", "career"]))
            front["semester"] = rng.choice([1, 2])
            folder, stem = f"lessons/grade-{grade:02d}", f"l{n:05d}"
        else:
            front["grades"] = [rng.randint(1, 12)]
            folder, stem = f"case_studies/{rng.choice([2023, 2024, 2025])}", f"c{n:05d}"
        path = xinyu / folder / f"{stem}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        head = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000)
        path.write_text(f"---\n{head}---\n\n{body}", encoding="utf-8")
        bodies.append(("lessons" if is_lesson else "cases", stem, f"# {front['title']}\n\n{body}"))

    plain = root / "plain"
    (plain / "docs").mkdir(parents=True)
    shutil.copytree(REPO / "site_overrides", plain / "site_overrides")
    anchor = {key: value for key, value in config.items()
              if key not in ("plugins", "repo_url", "repo_name", "edit_uri")}
    anchor.update(docs_dir="docs", nav=["index.md"], plugins=[
        p for p in config["plugins"] if not (isinstance(p, dict) and "xinyu" in p)])
    write_config(plain, anchor)  # the same extensions, toc with the same slugify
    shutil.copy(REPO / "content" / "index.md", plain / "docs" / "index.md")
    for folder, stem, text in bodies:
        page = plain / "docs" / folder / f"{stem}.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(text, encoding="utf-8")
    return xinyu, plain


SLUGIFY_MARK = "XINYU-BENCHMARK-SLUGIFY"
SLUGIFY = "!!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}"


def write_config(root: Path, config: dict) -> None:
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    (root / "mkdocs.yml").write_text(text.replace(SLUGIFY_MARK, SLUGIFY), encoding="utf-8")


# -- measuring -----------------------------------------------------------------

def measure(command: list[str], cwd: Path) -> tuple[float, float, float]:
    """(seconds, peak memory in MB, CPU seconds) of one child process and
    every process it starts (the gate's reader): memory is the largest sum of
    their proportional set sizes (PSS: a page two processes share counts
    half in each), sampled every 50 ms at first, later up to every second;
    CPU is user + system time of all."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        # every 50 ms at first, then less often (reading a large process's
        # smaps costs CPU the build could use): the interval grows to 1 s
        while not done.wait(min(1.0, max(0.05, (time.perf_counter() - started) / 200))):
            peak[0] = max(peak[0], tree_pss(process.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"{' '.join(command)} failed in {cwd}:\n"
                 + output.decode("utf-8", "replace")[-3000:])
    memory = peak[0] / 1024 if peak[0] else usage.ru_maxrss / 1024  # no /proc: the largest process
    return seconds, memory, usage.ru_utime + usage.ru_stime


def tree_pss(pid: int) -> int:
    """The summed PSS (kB) of a process and its descendants; 0 where /proc cannot tell."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            for line in Path(f"/proc/{current}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
                    break
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(child) for child in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return total


def index_size(site: Path) -> tuple[int, int]:
    """The whole search index, raw and gzipped: Material's one file, or
    xinyu's manifest and the files a query fetches from (search/xinyu/)."""
    files = [site / "search" / "search_index.json", *sorted((site / "search" / "xinyu").glob("*.json"))]
    data = [path.read_bytes() for path in files]
    return sum(map(len, data)), sum(len(gzip.compress(d, 6)) for d in data)


def median_page(site: Path, pattern: str) -> int:
    sizes = [p.stat().st_size for p in site.glob(pattern)]
    return int(statistics.median(sizes)) if sizes else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="xinyu-bench-"))
    try:
        xinyu, plain = generate(workdir, args.items, args.seed)
        python = sys.executable
        tasks = {
            "check": ([python, "-m", "xinyu", "check", "."], xinyu),
            "floor": ([python, "-c", FLOOR, "lessons", "case_studies", "content"], xinyu),
            "xinyu": ([python, "-m", "mkdocs", "build", "-q", "-d", "site"], xinyu),
            "plain": ([python, "-m", "mkdocs", "build", "-q", "-d", "site"], plain),
        }
        results: dict[str, list[tuple[float, float, float]]] = {name: [] for name in tasks}
        for run in range(args.runs):
            names = list(tasks) if run % 2 == 0 else list(reversed(tasks))  # alternating
            for name in names:
                results[name].append(measure(*tasks[name]))
        seconds = {name: statistics.median(s for s, _, _ in values) for name, values in results.items()}
        memory = {name: max(m for _, m, _ in values) for name, values in results.items()}
        cpu = {name: statistics.median(c for _, _, c in values) for name, values in results.items()}
        raw, packed = index_size(xinyu / "site")
        plain_raw, plain_packed = index_size(plain / "site")
        lessons = round(args.items * LESSON_SHARE)
        print(f"{args.items} items ({lessons} lessons, {args.items - lessons} cases, "
              f"18 courses), median of {args.runs} alternating runs, {os.cpu_count()} cores, "
              f"Python {sys.version.split()[0]}")
        print(f"  (a) xinyu check        {seconds['check']:8.2f} s")
        print(f"  (b) floor (PyYAML C)   {seconds['floor']:8.2f} s")
        print(f"  (c) mkdocs + xinyu     {seconds['xinyu']:8.2f} s   peak {memory['xinyu']:7.0f} MB")
        print(f"  (d) plain Material     {seconds['plain']:8.2f} s   peak {memory['plain']:7.0f} MB")
        print(f"  build c/d              {seconds['xinyu'] / seconds['plain']:8.2f}"
              f"   (CPU time of all processes: {cpu['xinyu']:.1f} s / {cpu['plain']:.1f} s ="
              f" {cpu['xinyu'] / cpu['plain']:.2f})")
        print(f"  check a/b              {seconds['check'] / seconds['floor']:8.2f}")
        print(f"  peak memory c/d        {memory['xinyu'] / memory['plain']:8.2f}   (PSS, all processes)")
        print(f"  item page, median      {median_page(xinyu / 'site', 'lessons/l*/index.html') / 1024:8.1f} KiB"
              f"   (plain {median_page(plain / 'site', 'lessons/l*/index.html') / 1024:.1f} KiB)")
        print(f"  search index           {raw / 1e6:8.2f} MB raw, {packed / 1e6:.2f} MB gzip"
              f"   (plain {plain_raw / 1e6:.2f} MB, {plain_packed / 1e6:.2f} MB;"
              f" gzip per 1,000 items {packed / 1e6 * 1000 / args.items:.2f} MB)")
    finally:
        if args.keep:
            print(f"kept in {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
