"""Search relevance benchmark: xinyu's query worker against Material's own
worker on the same index of the demo library.

Builds the demo library once into a temporary folder, serves it on
localhost, types every query below into Material's search box in headless
Chromium (Debian's /usr/bin/chromium), once with xinyu's worker and once
with Material's worker, and scores the result locations (page paths,
fragments stripped, duplicates collapsed keeping the first) against the
judgments below:

  recall@10     share of the relevant items found in the top 10
  MRR           reciprocal rank of the first relevant result (0 if none)
  precision@5   share of the top 5 that are relevant (out of 5)

Usage: python benchmarks/relevance.py [--set own|holdout|holdout2|holdout3] [--limit K] [--verbose]

--set holdout, holdout2 and holdout3 score the hold-out queries of
benchmarks/queries_holdout.py, queries_holdout2.py and queries_holdout3.py,
each written by someone who had seen neither this set nor the search code,
under the same judging rules. The first was run before the search changes
of 2026-12-03 and its failures were read (it is no longer unseen); the
second was first run after them; the third was written and first run after
the last search change.

Judging rules (applied by hand to the demo files' front matter: title,
summary, keywords, themes, grades, topic, author, school, lecturer, award,
showcase, audience, format, code):

  - Only item pages are ever relevant: lessons (lessons/<stem>/), case
    studies (cases/<stem>/) and courses (courses/<stem>/). Listing and
    index pages (/, /lessons/, /cases/, /courses/, /grades/N/, /topics/x/,
    /collections/..., /lecturers/..., /coverage/, /guide/, /help/) are never
    judged relevant, even when they mention every word of the query.
  - Drafts (status: draft) are not published, so never judged relevant.
  - An item is relevant to a topic query when its topic is the one asked
    (emotion 情绪/情绪调适, relationships 人际交往, life 生命教育, study 学习,
    self 自我认识, career 生涯规划) or its title, summary, keywords or themes
    address the query's theme directly; mentions in passing do not count.
  - When the query names grades, the item's grades must overlap them.
    Stage words map to grades: 小学 1–6, 初中 7–9, 高中 10–12, 低年级 1–2,
    中年级 3–4, 高年级 5–6; 一年级…六年级 = 1…6, 七年级…九年级 = 7…9,
    初一…初三 = 7…9, 高一…高三 = 10…12.
  - 家长 (a parent's query) asks for items meant for parents or families
    (courses with audience parents/families, case studies, which are all
    home-school work) or, for a theme, items addressing that theme at home;
    student lessons count only when the theme itself is about the family.
  - A school, teacher or lecturer name is relevant for the items whose
    school, author or lecturer it is; an award, year or collection query
    for the items that carry it (课例 = showcased lessons, 案例 = case
    studies); a course code or format query for the courses that have it.
"""

from __future__ import annotations

import argparse
import importlib
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))  # beside benchmarks/search.py
from search import CHROMIUM_ARGS, build, engine_page, served  # noqa: E402

ENGINES = ("xinyu", "material")

# (who asks, query, relevant item paths)
QUERIES: list[tuple[str, str, set[str]]] = [
    # --- a teacher's queries: topic + grade or stage words -----------------------------------
    ("teacher", "三年级 情绪", {
        "lessons/feelings-weather-report/", "cases/second-child-being-seen/",
        "courses/reading-childrens-emotions/"}),
    ("teacher", "初中 人际交往", {
        "lessons/hello-new-classmates/", "lessons/talking-with-parents/", "lessons/friendship-and-crush/",
        "courses/talking-with-teens/", "courses/family-phone-agreement/",
        "courses/head-teacher-home-school-talk/"}),
    ("teacher", "高二 学习", {
        "lessons/creative-thinking-workshop/", "lessons/metacognition-learning-coach/"}),
    ("teacher", "低年级 生命教育", {
        "lessons/safe-at-school/", "lessons/where-i-come-from/"}),
    ("teacher", "考试焦虑", {
        "lessons/exam-anxiety-and-sleep/", "lessons/exam-anxiety-relax/", "lessons/after-the-exam/",
        "cases/gaokao-anxiety-family/", "courses/exam-calm-group/", "courses/gaokao-family-support/",
        "courses/zhongkao-parents/"}),
    ("teacher", "青春期", {
        "lessons/puberty-and-me/", "lessons/boys-and-girls-friends/", "lessons/friendship-and-crush/",
        "lessons/youth-friendship-and-affection/", "cases/closed-door-adolescence/",
        "courses/understanding-adolescence/"}),
    ("teacher", "网络成瘾", {
        "cases/family-phone-pact/", "courses/family-phone-agreement/"}),
    ("teacher", "一年级 入学适应", {
        "lessons/i-am-a-pupil/", "courses/ready-for-first-grade/", "cases/grandma-let-me-do-it/"}),
    ("teacher", "高一 适应", {
        "lessons/new-start-emotion-tuning/", "lessons/senior-high-study-toolkit/",
        "lessons/dorm-life-together/"}),
    ("teacher", "七年级 学习适应", {
        "lessons/new-subjects-new-start/", "cases/junior-one-motivation/"}),
    ("teacher", "小初衔接", {
        "lessons/hello-junior-school/", "lessons/new-subjects-new-start/", "lessons/relax-graduation-season/",
        "courses/primary-to-junior/", "cases/junior-one-motivation/"}),
    ("teacher", "时间管理", {
        "lessons/study-and-play-time/", "lessons/efficient-study-time/"}),
    ("teacher", "高年级 自我保护", {
        "lessons/body-boundaries/", "courses/say-no-to-bullying/"}),
    ("teacher", "八年级 情绪管理", {
        "lessons/taming-the-impulse/", "cases/closed-door-adolescence/",
        "courses/understanding-adolescence/"}),
    ("teacher", "中年级 同伴交往", {
        "lessons/our-class-puzzle/", "lessons/after-a-quarrel/", "courses/say-no-to-bullying/"}),
    ("teacher", "高中 生涯规划", {
        "lessons/subject-choice-career-plan/", "lessons/career-role-model-interview/",
        "cases/subject-choice-family-meeting/", "courses/subject-choice-and-career/"}),
    ("teacher", "挫折", {
        "lessons/setbacks-as-steps/", "lessons/resilience-bounce-back/", "lessons/i-can-do-it/"}),
    ("teacher", "高中 压力管理", {
        "lessons/stress-and-me/", "lessons/exam-anxiety-and-sleep/", "cases/gaokao-anxiety-family/",
        "courses/exam-calm-group/", "courses/parent-emotion-group/"}),
    ("teacher", "放松训练", {
        "lessons/relax-graduation-season/", "lessons/exam-anxiety-relax/", "lessons/exam-anxiety-and-sleep/",
        "lessons/stress-and-me/", "cases/gaokao-anxiety-family/", "courses/exam-calm-group/"}),
    ("teacher", "高三 生命教育", {
        "lessons/生命的意义/", "courses/spotting-crisis-signals/"}),
    ("teacher", "异性交往", {
        "lessons/boys-and-girls-friends/", "lessons/friendship-and-crush/",
        "lessons/youth-friendship-and-affection/"}),
    ("teacher", "四年级 自我认识", {
        "lessons/unique-me/", "lessons/my-own-decisions/"}),
    ("teacher", "心理危机", {
        "courses/spotting-crisis-signals/", "lessons/valuing-life-seeking-help/", "lessons/生命的意义/",
        "cases/weekly-journal-low-mood/"}),
    ("teacher", "二年级 专注力", {
        "lessons/focus-champion/", "courses/focus-games-family-workshop/"}),
    ("teacher", "九年级 学习", {
        "lessons/goals-and-plans/", "cases/school-refusal-single-parent/"}),
    ("teacher", "情绪ABC", {
        "lessons/monday-morning-abc/", "lessons/new-start-emotion-tuning/", "lessons/setbacks-as-steps/"}),
    # --- a parent's queries -------------------------------------------------------------------
    ("parent", "家长 沟通", {
        "courses/talking-with-teens/", "courses/understanding-adolescence/", "courses/second-child-family/",
        "courses/reading-childrens-emotions/", "courses/family-phone-agreement/",
        "courses/subject-choice-and-career/", "courses/head-teacher-home-school-talk/",
        "cases/closed-door-adolescence/", "cases/family-phone-pact/", "cases/junior-one-motivation/",
        "cases/subject-choice-family-meeting/", "cases/second-child-being-seen/",
        "lessons/talking-with-parents/", "lessons/family-talk-under-pressure/"}),
    ("parent", "手机", {
        "cases/family-phone-pact/", "courses/family-phone-agreement/", "lessons/talking-with-parents/"}),
    ("parent", "二孩", {
        "courses/second-child-family/", "cases/second-child-being-seen/"}),
    ("parent", "中考 家长", {
        "courses/zhongkao-parents/"}),
    ("parent", "孩子 厌学", {
        "cases/school-refusal-single-parent/", "lessons/monday-morning-abc/", "cases/junior-one-motivation/"}),
    ("parent", "高考 家长", {
        "courses/gaokao-family-support/", "cases/gaokao-anxiety-family/"}),
    ("parent", "隔代教育", {
        "courses/grandparent-parenting/", "cases/grandma-let-me-do-it/", "cases/left-behind-sunday-call/"}),
    ("parent", "留守儿童", {
        "courses/left-behind-children/", "cases/left-behind-sunday-call/"}),
    ("parent", "孩子 发脾气", {
        "courses/reading-childrens-emotions/", "cases/second-child-being-seen/", "lessons/when-i-am-angry/",
        "lessons/taming-the-impulse/"}),
    ("parent", "幼小衔接", {
        "courses/ready-for-first-grade/", "cases/grandma-let-me-do-it/", "lessons/i-am-a-pupil/"}),
    ("parent", "青春期 家长", {
        "courses/understanding-adolescence/", "cases/closed-door-adolescence/"}),
    ("parent", "家长 情绪管理", {
        "courses/parent-emotion-group/", "courses/zhongkao-parents/", "cases/gaokao-anxiety-family/"}),
    ("parent", "选科 家长", {
        "courses/subject-choice-and-career/", "cases/subject-choice-family-meeting/"}),
    ("parent", "孩子 交朋友", {
        "lessons/my-first-friend/", "lessons/hello-new-classmates/", "lessons/take-turns-together/",
        "lessons/boys-and-girls-friends/", "lessons/youth-friendship-and-affection/"}),
    ("parent", "校园欺凌", {
        "courses/say-no-to-bullying/"}),
    ("parent", "孩子 注意力不集中", {
        "lessons/focus-champion/", "courses/focus-games-family-workshop/", "lessons/efficient-study-time/"}),
    ("parent", "单亲家庭", {
        "cases/school-refusal-single-parent/"}),
    ("parent", "孩子 自信", {
        "lessons/i-can-do-it/", "lessons/self-image-esteem/", "cases/junior-one-motivation/"}),
    ("parent", "孩子 失眠", {
        "lessons/exam-anxiety-and-sleep/", "cases/gaokao-anxiety-family/"}),
    ("parent", "小学 家长 讲座", {
        "courses/grandparent-parenting/", "courses/primary-to-junior/", "courses/reading-childrens-emotions/",
        "courses/ready-for-first-grade/"}),
    ("parent", "亲子 工作坊", {
        "courses/focus-games-family-workshop/", "courses/family-phone-agreement/"}),
    # --- an editor's or district officer's queries ------------------------------------------------
    ("editor", "青山湖区第一中学", {
        "cases/junior-one-motivation/", "lessons/emotion-thermometer/", "lessons/self-image-esteem/",
        "lessons/exam-anxiety-relax/", "lessons/exam-anxiety-and-sleep/"}),
    ("editor", "青山湖区第二小学", {
        "lessons/when-i-am-angry/", "lessons/body-boundaries/", "cases/family-phone-pact/"}),
    ("editor", "青山湖区实验高级中学", {
        "cases/weekly-journal-low-mood/", "lessons/life-meaning-compass/",
        "lessons/career-role-model-interview/"}),
    ("editor", "王芳", {
        "courses/focus-games-family-workshop/", "courses/reading-childrens-emotions/",
        "courses/ready-for-first-grade/"}),
    ("editor", "胡晓燕", {
        "courses/grandparent-parenting/", "courses/left-behind-children/", "courses/second-child-family/"}),
    ("editor", "周文斌", {
        "courses/exam-calm-group/", "courses/gaokao-family-support/", "courses/subject-choice-and-career/"}),
    ("editor", "陈静", {
        "courses/primary-to-junior/", "courses/understanding-adolescence/", "courses/zhongkao-parents/"}),
    ("editor", "熊伟", {
        "courses/say-no-to-bullying/", "courses/spotting-crisis-signals/"}),
    ("editor", "谢老师", {
        "lessons/relax-graduation-season/", "lessons/exam-anxiety-and-sleep/"}),
    ("editor", "王老师", {
        "lessons/my-first-friend/", "lessons/emotion-thermometer/"}),
    ("editor", "课例 2024", {
        "lessons/hello-feeling-monsters/", "lessons/feelings-weather-report/", "lessons/body-boundaries/",
        "lessons/emotion-thermometer/", "lessons/talking-with-parents/", "lessons/valuing-life-seeking-help/",
        "lessons/dorm-life-together/", "lessons/生命的意义/"}),
    ("editor", "一等奖", {
        "lessons/hello-feeling-monsters/", "lessons/body-boundaries/", "lessons/生命的意义/",
        "cases/closed-door-adolescence/", "cases/second-child-being-seen/"}),
    ("editor", "案例 二等奖", {
        "cases/grandma-let-me-do-it/", "cases/junior-one-motivation/"}),
    ("editor", "案例 2023", {
        "cases/grandma-let-me-do-it/", "cases/junior-one-motivation/", "cases/left-behind-sunday-call/",
        "cases/subject-choice-family-meeting/", "cases/weekly-journal-low-mood/"}),
    ("editor", "点单 教师培训", {
        "courses/head-teacher-home-school-talk/", "courses/spotting-crisis-signals/"}),
    ("editor", "线上课", {
        "courses/left-behind-children/", "courses/second-child-family/", "courses/talking-with-teens/",
        "courses/zhongkao-parents/"}),
    ("editor", "团体辅导", {
        "courses/exam-calm-group/", "courses/parent-emotion-group/"}),
    ("editor", "JZ-09", {
        "courses/zhongkao-parents/"}),
]


def locations(hrefs: list[str]) -> list[str]:
    """Result links as site-relative page paths, fragments stripped, duplicates collapsed."""
    seen: list[str] = []
    for href in hrefs:
        path = unquote(urlsplit(href).path).lstrip("/")
        if path.endswith("index.html"):
            path = path[: -len("index.html")]
        if path not in seen:
            seen.append(path)
    return seen


def search(page, query: str) -> list[str]:
    """Type `query` into Material's search box; the result locations, in order."""
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.locator("label.md-search__icon[for=__search]").first.click()
    box.fill("")
    page.evaluate("document.querySelector('.md-search-result__meta').textContent = ''")
    box.fill(query)
    box.press("End")  # Material searches on keyup; filling Chinese sends none
    page.wait_for_function(
        "() => /结果/.test(document.querySelector('.md-search-result__meta').textContent)", timeout=15000)
    previous = None
    for _ in range(40):  # final when the summary line and the list stop changing
        state = (page.locator(".md-search-result__meta").inner_text(),
                 page.locator(".md-search-result__item").count())
        if state == previous:
            break
        previous = state
        page.wait_for_timeout(150)
    return locations(page.locator(".md-search-result__item > a").evaluate_all("links => links.map(a => a.href)"))


def run_queries(site: Path, queries: list[str]) -> dict[str, list[list[str]]]:
    """{engine: [result locations per query]} for xinyu's and Material's worker."""
    from playwright.sync_api import sync_playwright

    results: dict[str, list[list[str]]] = {}
    with served(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for engine in ENGINES:
            page = engine_page(browser, engine, site, url)
            results[engine] = [search(page, query) for query in queries]
            page.close()
        browser.close()
    return results


def scores(found: list[str], relevant: set[str]) -> dict[str, float]:
    top10 = found[:10]
    first = next((rank for rank, path in enumerate(found, 1) if path in relevant), None)
    return {
        "recall@10": len(relevant.intersection(top10)) / len(relevant),
        "MRR": 1 / first if first else 0.0,
        "precision@5": sum(path in relevant for path in found[:5]) / 5,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("own", "holdout", "holdout2", "holdout3"), default="own",
                        help="the developers' own queries (below) or a hold-out set")
    parser.add_argument("--limit", type=int, default=None, help="run only the first K queries")
    parser.add_argument("--verbose", action="store_true", help="print the per-query figures")
    args = parser.parse_args()
    chosen = QUERIES if args.set == "own" else importlib.import_module(f"queries_{args.set}").QUERIES
    queries = chosen[: args.limit] if args.limit else chosen
    with tempfile.TemporaryDirectory() as workdir:
        site = build(0, Path(workdir))
        started = time.perf_counter()
        results = run_queries(site, [query for _, query, _ in queries])
        print(f"searched: {len(queries)} queries x {len(ENGINES)} engines "
              f"in {time.perf_counter() - started:.1f} s")
    per_query = {engine: [scores(found, relevant) for found, (_, _, relevant) in zip(results[engine], queries)]
                 for engine in ENGINES}
    if args.verbose:
        print()
        print(f"{'query':<21}{'who':<8} {'rel':>3}   {'xinyu R@10 RR P@5':<22} {'Material R@10 RR P@5':<22}"
              " xinyu top 3")
        for i, (who, query, relevant) in enumerate(queries):
            cells = ["  ".join(f"{per_query[e][i][m]:.2f}" for m in ("recall@10", "MRR", "precision@5"))
                     for e in ENGINES]
            top = ", ".join(path or "/" for path in results["xinyu"][i][:3]) or "(none)"
            pad = 20 - sum(2 if ord(c) > 0x2E80 else 1 for c in query)  # CJK is double width
            print(f"{query}{' ' * max(pad, 1)} {who:<8} {len(relevant):>3}   {cells[0]:<22} {cells[1]:<22} {top}")
    print()
    print(f"{'metric (mean of ' + str(len(queries)) + ' queries)':<36} {'xinyu':>8} {'Material':>9}")
    for metric in ("recall@10", "MRR", "precision@5"):
        means = [statistics.mean(s[metric] for s in per_query[e]) for e in ENGINES]
        print(f"{metric:<36} {means[0]:>8.3f} {means[1]:>9.3f}")
    zero = [sum(s["recall@10"] == 0 for s in per_query[e]) for e in ENGINES]
    print(f"{'queries with no relevant in top 10':<36} {zero[0]:>8d} {zero[1]:>9d}")
    empty = [sum(not found for found in results[e]) for e in ENGINES]
    print(f"{'queries with no results at all':<36} {empty[0]:>8d} {empty[1]:>9d}")


if __name__ == "__main__":
    main()
