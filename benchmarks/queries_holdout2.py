"""Second hold-out query set for the search relevance benchmark.

Written on 2026-12-03 independently of the developers' query sets and of
the search code: the author read only the demo content (lesson, case-study
and course front matter under ``lessons/``, ``case_studies/`` and
``content/courses/``, plus ``content/lecturers.yml`` and
``lessons/collections.yml``).  It did not look at ``benchmarks/relevance.py``,
``benchmarks/queries_holdout.py``, ``plugins/xinyu/search/`` or the tests,
and no search was run to choose or judge these queries.

Each entry is ``(asker, query, relevant_paths)`` where *asker* is
"teacher", "parent" or "editor".  Queries were chosen first as something a
user would type; relevance was then judged by these rules, applied exactly:

* Only item pages count (lessons ``lessons/<stem>/``, case studies
  ``cases/<stem>/``, courses ``courses/<stem>/``); listings never.  Drafts
  (``lessons/grade-02/my-strengths-tree.md``) are never relevant.  Paused
  courses are published and therefore may be relevant.
* Topic queries: an item is relevant when its ``topic`` is the one asked, or
  its title, summary, keywords or themes address the theme directly.  Things
  that appear only in a lesson body or as a passing mention do not count
  (e.g. efficient-study-time's one "专注力诊断" activity does not make it a
  专注力 item; gaokao-family-support's self-relaxation step lives only in the
  course outline, not its summary).
* Grade words restrict to items whose ``grades`` overlap (小学 1–6, 初中 7–9,
  高中 10–12, 低年级 1–2, 一年级 = 1, 高一 = 10, 高二 = 11, 高三 = 12 …).
  For teacher queries this can include courses meant for parents when they
  meet the topic + grade rule (e.g. "高二 压力" includes the high-school
  parents' stress group).
* Parent queries (家长) want items meant for parents/families (courses with
  audience parents or families, and every case study, since all are
  home-school work) or items addressing the theme at home; a student lesson
  counts only when its theme is itself the family (talking-with-parents,
  family-talk-under-pressure).  Student-only courses (say-no-to-bullying,
  exam-calm-group) are therefore not relevant to parent queries.
* School, teacher or lecturer names → the items whose school, author or
  lecturer it is; award / year / collection → the items carrying it (课例 =
  showcased lessons, 案例 = case studies, year of a case = its submitted
  date); course code or format → the courses that have it.
"""

QUERIES: list[tuple[str, str, set[str]]] = [
    # ------------------------------------------------------------------ teacher
    ("teacher", "一年级 情绪", {
        "lessons/hello-feeling-monsters/",
        "courses/reading-childrens-emotions/",
    }),
    ("teacher", "放松训练", {
        "lessons/relax-graduation-season/",
        "lessons/exam-anxiety-relax/",
        "lessons/stress-and-me/",
        "lessons/exam-anxiety-and-sleep/",
        "courses/exam-calm-group/",
        "cases/gaokao-anxiety-family/",
    }),
    ("teacher", "情绪ABC", {
        "lessons/monday-morning-abc/",
        "lessons/setbacks-as-steps/",
        "lessons/new-start-emotion-tuning/",
    }),
    ("teacher", "高中 生涯规划", {
        "lessons/subject-choice-career-plan/",
        "lessons/career-role-model-interview/",
        "cases/subject-choice-family-meeting/",
        "courses/subject-choice-and-career/",
    }),
    ("teacher", "初中 青春期", {
        "lessons/puberty-and-me/",
        "lessons/friendship-and-crush/",
        "cases/closed-door-adolescence/",
        "courses/understanding-adolescence/",
    }),
    ("teacher", "小升初", {
        "lessons/relax-graduation-season/",
        "lessons/hello-junior-school/",
        "lessons/new-subjects-new-start/",
        "lessons/hello-new-classmates/",
        "cases/junior-one-motivation/",
        "courses/primary-to-junior/",
    }),
    ("teacher", "绘本", {
        "lessons/hello-feeling-monsters/",
        "lessons/when-i-am-angry/",
        "lessons/growth-of-life/",
    }),
    ("teacher", "生命教育", {
        "lessons/safe-at-school/",
        "lessons/where-i-come-from/",
        "lessons/little-home-helper/",
        "lessons/study-and-play-time/",
        "lessons/body-boundaries/",
        "lessons/growth-of-life/",
        "lessons/puberty-and-me/",
        "lessons/setbacks-as-steps/",
        "lessons/valuing-life-seeking-help/",
        "lessons/life-meaning-compass/",
        "lessons/responsibility-and-commitment/",
        "lessons/生命的意义/",
        "courses/say-no-to-bullying/",
        "courses/spotting-crisis-signals/",
    }),
    ("teacher", "高二 压力", {
        "lessons/stress-and-me/",
        "courses/parent-emotion-group/",
    }),
    ("teacher", "选科", {
        "lessons/subject-choice-career-plan/",
        "cases/subject-choice-family-meeting/",
        "courses/subject-choice-and-career/",
    }),
    ("teacher", "异性交往", {
        "lessons/boys-and-girls-friends/",
        "lessons/friendship-and-crush/",
        "lessons/youth-friendship-and-affection/",
    }),
    ("teacher", "心理危机识别", {
        "courses/spotting-crisis-signals/",
        "lessons/valuing-life-seeking-help/",
        "lessons/生命的意义/",
    }),
    ("teacher", "班主任培训", {
        "courses/head-teacher-home-school-talk/",
        "courses/spotting-crisis-signals/",
    }),
    ("teacher", "团体辅导", {
        "courses/exam-calm-group/",
        "courses/parent-emotion-group/",
    }),
    ("teacher", "四年级 吵架", {
        "lessons/after-a-quarrel/",
    }),
    ("teacher", "高三 复习", {
        "lessons/senior-three-review-strategies/",
    }),
    ("teacher", "专注力", {
        "lessons/focus-champion/",
        "courses/focus-games-family-workshop/",
    }),
    ("teacher", "自我认识", {
        "lessons/unique-me/",
        "lessons/my-own-decisions/",
        "lessons/self-image-esteem/",
        "lessons/who-am-i-values-auction/",
        "lessons/puberty-and-me/",
        "courses/understanding-adolescence/",
    }),
    ("teacher", "三件好事", {
        "lessons/emotion-thermometer/",
        "lessons/life-meaning-compass/",
    }),
    ("teacher", "元认知", {
        "lessons/metacognition-learning-coach/",
    }),
    ("teacher", "高一新生适应", {
        "lessons/new-start-emotion-tuning/",
        "lessons/senior-high-study-toolkit/",
        "lessons/dorm-life-together/",
    }),
    ("teacher", "校园欺凌", {
        "courses/say-no-to-bullying/",
    }),
    # ------------------------------------------------------------------- parent
    ("parent", "孩子不想上学怎么办", {
        "cases/school-refusal-single-parent/",
    }),
    ("parent", "孩子玩手机", {
        "cases/family-phone-pact/",
        "courses/family-phone-agreement/",
    }),
    ("parent", "青春期叛逆", {
        "cases/closed-door-adolescence/",
        "courses/understanding-adolescence/",
    }),
    ("parent", "隔代教育", {
        "courses/grandparent-parenting/",
        "cases/grandma-let-me-do-it/",
        "cases/left-behind-sunday-call/",
    }),
    ("parent", "留守儿童", {
        "courses/left-behind-children/",
        "cases/left-behind-sunday-call/",
    }),
    ("parent", "二胎", {
        "courses/second-child-family/",
        "cases/second-child-being-seen/",
    }),
    ("parent", "幼小衔接", {
        "courses/ready-for-first-grade/",
        "cases/grandma-let-me-do-it/",
    }),
    ("parent", "高考 家长", {
        "courses/gaokao-family-support/",
        "cases/gaokao-anxiety-family/",
        "lessons/family-talk-under-pressure/",
    }),
    ("parent", "家长情绪管理", {
        "courses/parent-emotion-group/",
        "courses/zhongkao-parents/",
    }),
    ("parent", "中考 家长", {
        "courses/zhongkao-parents/",
    }),
    ("parent", "亲子沟通", {
        "courses/talking-with-teens/",
        "courses/understanding-adolescence/",
        "courses/reading-childrens-emotions/",
        "courses/second-child-family/",
        "courses/subject-choice-and-career/",
        "courses/family-phone-agreement/",
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
    ("parent", "一年级家长", {
        "courses/ready-for-first-grade/",
        "courses/reading-childrens-emotions/",
        "courses/grandparent-parenting/",
        "courses/left-behind-children/",
        "courses/second-child-family/",
        "courses/focus-games-family-workshop/",
        "cases/grandma-let-me-do-it/",
    }),
    ("parent", "孩子考试焦虑睡不着", {
        "cases/gaokao-anxiety-family/",
        "courses/zhongkao-parents/",
        "courses/gaokao-family-support/",
    }),
    ("parent", "孩子总说自己学不好", {
        "cases/junior-one-motivation/",
    }),
    ("parent", "小学家长讲座", {
        "courses/ready-for-first-grade/",
        "courses/reading-childrens-emotions/",
        "courses/grandparent-parenting/",
        "courses/primary-to-junior/",
    }),
    ("parent", "亲子工作坊", {
        "courses/family-phone-agreement/",
        "courses/focus-games-family-workshop/",
    }),
    # ------------------------------------------------------------------- editor
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
    ("editor", "一等奖", {
        "lessons/hello-feeling-monsters/",
        "lessons/body-boundaries/",
        "lessons/生命的意义/",
        "cases/closed-door-adolescence/",
        "cases/second-child-being-seen/",
    }),
    ("editor", "2023 案例", {
        "cases/grandma-let-me-do-it/",
        "cases/junior-one-motivation/",
        "cases/left-behind-sunday-call/",
        "cases/subject-choice-family-meeting/",
        "cases/weekly-journal-low-mood/",
    }),
    ("editor", "二等奖 课例", {
        "lessons/feelings-weather-report/",
        "lessons/talking-with-parents/",
    }),
    ("editor", "周文斌", {
        "courses/exam-calm-group/",
        "courses/gaokao-family-support/",
        "courses/subject-choice-and-career/",
    }),
    ("editor", "胡晓燕", {
        "courses/grandparent-parenting/",
        "courses/left-behind-children/",
        "courses/second-child-family/",
    }),
    ("editor", "熊伟", {
        "courses/say-no-to-bullying/",
        "courses/spotting-crisis-signals/",
    }),
    ("editor", "JZ-07", {
        "courses/understanding-adolescence/",
    }),
    ("editor", "青山湖区第一中学", {
        "lessons/emotion-thermometer/",
        "lessons/self-image-esteem/",
        "lessons/exam-anxiety-relax/",
        "lessons/exam-anxiety-and-sleep/",
        "cases/junior-one-motivation/",
    }),
    ("editor", "晨光小学", {
        "lessons/my-first-friend/",
        "lessons/after-a-quarrel/",
    }),
    ("editor", "孙老师", {
        "lessons/little-home-helper/",
        "lessons/self-image-esteem/",
        "lessons/subject-choice-career-plan/",
    }),
    ("editor", "线上课程", {
        "courses/left-behind-children/",
        "courses/second-child-family/",
        "courses/talking-with-teens/",
        "courses/zhongkao-parents/",
    }),
]
