"""Hold-out query set for the search relevance benchmark.

Written on 2026-12-03, independently of the developers' own query set
(``benchmarks/relevance.py``) and of the search code (``plugins/xinyu/search/``):
neither, nor any test that lists search queries, was opened while writing it.
The only sources were the demo content itself -- the front matter and bodies
of ``lessons/grade-NN/*.md``, ``case_studies/**/*.md``,
``content/courses/*.md``, ``content/lecturers.yml`` and
``lessons/collections.yml``.  Queries were chosen as a teacher, a parent or an
editor would type them, not by guessing what a search engine finds easily;
relevance was then judged against the content by the rules below.

How the judging rules were applied:

* Only item pages count: ``lessons/<stem>/``, ``cases/<stem>/`` and
  ``courses/<stem>/``.  Listing and index pages are never listed.
* Drafts are never relevant.  The only draft in the demo content is
  ``lessons/grade-02/my-strengths-tree.md`` (so it is left out of 认识自我).
  Courses with ``status: paused`` are not drafts and are judged like any
  other item.
* A topic query (情绪, 生命教育, 自我认识 ...) takes every item whose ``topic``
  is that topic, whoever its audience, plus items of another topic whose
  title, summary, keywords or themes address the theme directly.  A word that
  only appears in passing (in a summary's scene-setting or in a lesson body)
  does not make an item relevant.
* Stage and grade words restrict the set to items whose grades overlap:
  小学 1-6, 初中 7-9, 高中 10-12, 低年级 1-2, 中年级 3-4, 高年级 5-6,
  一年级..六年级 1..6, 初一..初三 7..9, 高一..高三 10..12.  Courses with a
  grade range (e.g. "4-12") count when the range overlaps.
* Parent queries take courses whose audience is parents or families and case
  studies (all home-school work), or items addressing the theme at home.
  Student lessons count only when their theme is itself about the family
  (亲子沟通: ``talking-with-parents``, ``family-talk-under-pressure``);
  student-audience courses are not counted for parents.
* Name queries (school, a teacher's surname + 老师, a lecturer) take the items
  whose ``school``, ``author`` or ``lecturer`` it is; an award, year or
  collection query takes the items that carry it (课例 = lessons with a
  ``showcase``, 案例 = case studies, year = ``submitted``/``showcase``
  year); a course code or format query takes the courses that have it.

Every path below was checked to map to an existing, non-draft file, and every
grade-restricted set was checked for grade overlap.
"""

from __future__ import annotations

QUERIES: list[tuple[str, str, set[str]]] = [
    # ------------------------------------------------------------------
    # Teacher (21)
    # ------------------------------------------------------------------
    # grade 1 + school-entry adaptation (入学适应 / 幼小衔接)
    ("teacher", "一年级 入学适应", {
        "lessons/i-am-a-pupil/",
        "cases/grandma-let-me-do-it/",
        "courses/ready-for-first-grade/",
    }),
    # pre-exam nerves, synonym of 考前焦虑 / 考前心理疏导
    ("teacher", "考前紧张", {
        "lessons/exam-anxiety-relax/",
        "lessons/exam-anxiety-and-sleep/",
        "cases/gaokao-anxiety-family/",
        "courses/exam-calm-group/",
        "courses/zhongkao-parents/",
        "courses/gaokao-family-support/",
    }),
    # 初中 = 7-9
    ("teacher", "初中 青春期", {
        "lessons/puberty-and-me/",
        "lessons/friendship-and-crush/",
        "cases/closed-door-adolescence/",
        "courses/understanding-adolescence/",
    }),
    # 高中 = 10-12, topic emotion
    ("teacher", "高中 情绪调节", {
        "lessons/new-start-emotion-tuning/",
        "lessons/resilience-bounce-back/",
        "lessons/stress-and-me/",
        "lessons/exam-anxiety-and-sleep/",
        "cases/weekly-journal-low-mood/",
        "cases/gaokao-anxiety-family/",
        "courses/exam-calm-group/",
        "courses/gaokao-family-support/",
        "courses/parent-emotion-group/",
    }),
    ("teacher", "愤怒管理", {
        "lessons/when-i-am-angry/",
        "lessons/taming-the-impulse/",
    }),
    # 小学 = 1-6, topic life (生命教育)
    ("teacher", "小学 生命教育", {
        "lessons/safe-at-school/",
        "lessons/where-i-come-from/",
        "lessons/little-home-helper/",
        "lessons/study-and-play-time/",
        "lessons/body-boundaries/",
        "lessons/growth-of-life/",
        "courses/say-no-to-bullying/",
        "courses/spotting-crisis-signals/",
    }),
    ("teacher", "时间管理", {
        "lessons/study-and-play-time/",
        "lessons/efficient-study-time/",
    }),
    ("teacher", "同学之间闹矛盾", {
        "lessons/after-a-quarrel/",
        "lessons/dorm-life-together/",
    }),
    # 高一 = 10
    ("teacher", "高一 选科", {
        "lessons/subject-choice-career-plan/",
        "cases/subject-choice-family-meeting/",
        "courses/subject-choice-and-career/",
    }),
    # 初中 = 7-9, topic career
    ("teacher", "初中 生涯规划", {
        "lessons/career-kaleidoscope/",
        "lessons/after-junior-high-choices/",
    }),
    ("teacher", "学习方法", {
        "lessons/little-question-mark/",
        "lessons/efficient-study-time/",
        "lessons/senior-high-study-toolkit/",
        "lessons/metacognition-learning-coach/",
        "lessons/senior-three-review-strategies/",
    }),
    ("teacher", "心理危机识别", {
        "courses/spotting-crisis-signals/",
        "lessons/valuing-life-seeking-help/",
        "lessons/生命的意义/",
        "cases/weekly-journal-low-mood/",
    }),
    ("teacher", "新同学 交朋友", {
        "lessons/my-first-friend/",
        "lessons/hello-new-classmates/",
    }),
    # topic self (the draft my-strengths-tree is excluded)
    ("teacher", "认识自我", {
        "lessons/my-own-decisions/",
        "lessons/unique-me/",
        "lessons/self-image-esteem/",
        "lessons/who-am-i-values-auction/",
        "courses/understanding-adolescence/",
    }),
    ("teacher", "挫折教育", {
        "lessons/setbacks-as-steps/",
        "lessons/resilience-bounce-back/",
    }),
    # 高年级 = 5-6
    ("teacher", "小学高年级 异性交往", {
        "lessons/boys-and-girls-friends/",
    }),
    ("teacher", "放松练习", {
        "lessons/relax-graduation-season/",
        "lessons/exam-anxiety-relax/",
        "lessons/stress-and-me/",
        "lessons/exam-anxiety-and-sleep/",
        "courses/exam-calm-group/",
        "cases/gaokao-anxiety-family/",
    }),
    ("teacher", "防性侵", {
        "lessons/body-boundaries/",
    }),
    ("teacher", "校园欺凌", {
        "courses/say-no-to-bullying/",
    }),
    # 低年级 = 1-2
    ("teacher", "低年级 专注力", {
        "lessons/focus-champion/",
        "courses/focus-games-family-workshop/",
    }),
    # 三年级 = 3, topic emotion
    ("teacher", "三年级 情绪", {
        "lessons/feelings-weather-report/",
        "cases/second-child-being-seen/",
        "courses/reading-childrens-emotions/",
    }),
    # ------------------------------------------------------------------
    # Parent (15)
    # ------------------------------------------------------------------
    ("parent", "孩子沉迷手机", {
        "cases/family-phone-pact/",
        "courses/family-phone-agreement/",
    }),
    ("parent", "青春期 叛逆", {
        "courses/understanding-adolescence/",
        "cases/closed-door-adolescence/",
    }),
    ("parent", "怎么和孩子沟通", {
        "courses/family-phone-agreement/",
        "courses/reading-childrens-emotions/",
        "courses/second-child-family/",
        "courses/subject-choice-and-career/",
        "courses/talking-with-teens/",
        "courses/understanding-adolescence/",
        "courses/left-behind-children/",
        "cases/junior-one-motivation/",
        "cases/subject-choice-family-meeting/",
        "cases/closed-door-adolescence/",
        "cases/family-phone-pact/",
        "cases/second-child-being-seen/",
        "cases/left-behind-sunday-call/",
        "lessons/talking-with-parents/",
        "lessons/family-talk-under-pressure/",
    }),
    ("parent", "二胎 老大", {
        "courses/second-child-family/",
        "cases/second-child-being-seen/",
    }),
    ("parent", "爷爷奶奶带孩子", {
        "courses/grandparent-parenting/",
        "cases/grandma-let-me-do-it/",
        "cases/left-behind-sunday-call/",
    }),
    ("parent", "幼小衔接", {
        "courses/ready-for-first-grade/",
        "cases/grandma-let-me-do-it/",
    }),
    ("parent", "小升初 家长", {
        "courses/primary-to-junior/",
        "cases/junior-one-motivation/",
    }),
    ("parent", "中考前家长怎么做", {
        "courses/zhongkao-parents/",
    }),
    ("parent", "孩子高考压力大", {
        "courses/gaokao-family-support/",
        "cases/gaokao-anxiety-family/",
        "lessons/family-talk-under-pressure/",
    }),
    ("parent", "孩子爱发脾气", {
        "courses/reading-childrens-emotions/",
        "cases/second-child-being-seen/",
    }),
    ("parent", "孩子不想上学", {
        "cases/school-refusal-single-parent/",
    }),
    ("parent", "留守儿童", {
        "courses/left-behind-children/",
        "cases/left-behind-sunday-call/",
    }),
    ("parent", "家长焦虑怎么办", {
        "courses/parent-emotion-group/",
        "courses/zhongkao-parents/",
        "cases/gaokao-anxiety-family/",
    }),
    ("parent", "孩子注意力不集中", {
        "courses/focus-games-family-workshop/",
    }),
    # 初中 = 7-9: parent/family courses and case studies
    ("parent", "初中家长", {
        "courses/talking-with-teens/",
        "courses/understanding-adolescence/",
        "courses/zhongkao-parents/",
        "courses/family-phone-agreement/",
        "cases/junior-one-motivation/",
        "cases/closed-door-adolescence/",
        "cases/school-refusal-single-parent/",
    }),
    # ------------------------------------------------------------------
    # Editor (11)
    # ------------------------------------------------------------------
    # lecturer wang-fang
    ("editor", "王芳", {
        "courses/focus-games-family-workshop/",
        "courses/reading-childrens-emotions/",
        "courses/ready-for-first-grade/",
    }),
    # lecturer xiong-wei
    ("editor", "熊伟", {
        "courses/say-no-to-bullying/",
        "courses/spotting-crisis-signals/",
    }),
    # author 何老师 (no lecturer has the surname 何)
    ("editor", "何老师", {
        "lessons/i-can-do-it/",
        "lessons/after-junior-high-choices/",
        "lessons/resilience-bounce-back/",
    }),
    # exact school (not 第一高级中学)
    ("editor", "青山湖区第一中学", {
        "lessons/emotion-thermometer/",
        "lessons/self-image-esteem/",
        "lessons/exam-anxiety-relax/",
        "lessons/exam-anxiety-and-sleep/",
        "cases/junior-one-motivation/",
    }),
    # exact school (not 育才中学 / 育才小学)
    ("editor", "育才高级中学", {
        "lessons/subject-choice-career-plan/",
        "lessons/responsibility-and-commitment/",
        "lessons/senior-three-review-strategies/",
    }),
    # showcase.collection == "2024" (with or without an award)
    ("editor", "2024 课例集", {
        "lessons/hello-feeling-monsters/",
        "lessons/feelings-weather-report/",
        "lessons/body-boundaries/",
        "lessons/emotion-thermometer/",
        "lessons/talking-with-parents/",
        "lessons/valuing-life-seeking-help/",
        "lessons/dorm-life-together/",
        "lessons/生命的意义/",
    }),
    # case studies with award 一等奖
    ("editor", "一等奖 案例", {
        "cases/closed-door-adolescence/",
        "cases/second-child-being-seen/",
    }),
    # case studies submitted in 2023
    ("editor", "2023 案例", {
        "cases/grandma-let-me-do-it/",
        "cases/junior-one-motivation/",
        "cases/left-behind-sunday-call/",
        "cases/subject-choice-family-meeting/",
        "cases/weekly-journal-low-mood/",
    }),
    ("editor", "JZ-09", {
        "courses/zhongkao-parents/",
    }),
    # format: lecture
    ("editor", "讲座", {
        "courses/gaokao-family-support/",
        "courses/grandparent-parenting/",
        "courses/primary-to-junior/",
        "courses/reading-childrens-emotions/",
        "courses/ready-for-first-grade/",
        "courses/say-no-to-bullying/",
        "courses/spotting-crisis-signals/",
        "courses/subject-choice-and-career/",
        "courses/understanding-adolescence/",
    }),
    # courses with audience teachers
    ("editor", "班主任培训", {
        "courses/head-teacher-home-school-talk/",
        "courses/spotting-crisis-signals/",
    }),
]
