"""Third hold-out query set for the site-search relevance benchmark.

Written on 2026-12-03, independently of the developers' query sets and of the
search code. The author read only the demo content: the YAML front matter
(and some bodies) of the Markdown files under lessons/, case_studies/ and
content/courses/, plus content/lecturers.yml and lessons/collections.yml.
Nothing under benchmarks/ (apart from this file), plugins/ or tests/, and not
the README, was opened. No search, build or test was run to choose or to
judge the queries: the queries were written first, as a user would type them,
and relevance was then judged by hand from the files' front matter.

Format: ``QUERIES`` is a list of ``(asker, query, relevant_paths)`` tuples.
``asker`` is "teacher", "parent" or "editor"; ``query`` is the text typed into
the search box; ``relevant_paths`` is the set of item-page URLs (relative,
with trailing slash) that should be found:
lessons/grade-NN/<stem>.md -> "lessons/<stem>/",
case_studies/<year>/<stem>.md -> "cases/<stem>/",
content/courses/<stem>.md -> "courses/<stem>/".

Judging rules (applied by hand from front matter: title, summary, keywords,
themes, topic, grades, audience, school, author, lecturer, award, submitted,
showcase, code, format):
* Only item pages count (lessons, case studies, courses); listings never.
  Drafts (status: draft, e.g. lessons/grade-02/my-strengths-tree.md) are never
  relevant. Paused courses are published and therefore may be relevant.
* Topic queries: an item is relevant when its `topic` is the one asked, or its
  title, summary, keywords or themes address the theme directly. Things that
  appear only in a lesson body or as a passing mention do not count.
* Grade words restrict to items whose `grades` overlap (小学 1–6, 初中 7–9,
  高中 10–12, 低年级 1–2, 中年级 3–4, 高年级 5–6, 一年级 = 1, 初一 = 七年级 = 7,
  初二 = 8, 初三 = 9, 高一 = 10, 高二 = 11, 高三 = 12). For teacher queries this
  can include courses meant for parents when they meet the topic + grade rule.
* Parent queries (a parent asking) want items meant for parents/families
  (courses with audience parents or families, and every case study, since all
  are home-school work) or items addressing the theme at home; a student
  lesson counts only when its theme is itself the family. Student-only
  courses are therefore not relevant to parent queries.
* School, teacher or lecturer names -> the items whose school, author or
  lecturer it is; award / year / collection -> the items carrying it
  (课例 = showcased lessons, 案例 = case studies, year of a case = its
  submitted date); course code or format -> the courses that have it.
* Every query has at least one relevant item. Relevant sets include every
  item that meets the rules, not just the best one.

Judgement calls worth knowing about:
* "小初衔接" includes hello-new-classmates (新生适应 on entering 初中) and
  relax-graduation-season (keyword 小升初), besides the items tagged 小初衔接.
* "一年级 入学适应" leaves out my-first-friend and hello-feeling-monsters
  (grade 1, but their topic/keywords are friendship and emotions).
* "心理危机 识别" leaves out the case weekly-journal-low-mood (low mood noticed
  in a journal; not framed as a crisis in its front matter).
* "高中 生命意义" is judged by title/summary/keywords (生命意义/生命教育), not by
  topic "life", whose Chinese label the author did not look up.
* "工作坊"/"团体辅导" style format words are judged on courses only, so the
  lesson creative-thinking-workshop (a 工作坊 in its title) is not counted
  for format queries.
* "青春期 叛逆 家长怎么办" includes talking-with-teens (初中 parents, 亲子沟通)
  although its summary does not say 青春期.
* "家里老人和我们教育观念不一样" includes the case left-behind-sunday-call
  because 隔代教育 is one of its themes.
"""

QUERIES: list[tuple[str, str, set[str]]] = [
    # ------------------------------------------------------------ teacher (20)
    ("teacher", "低年级 情绪", {
        "lessons/hello-feeling-monsters/",
        "lessons/when-i-am-angry/",
        "courses/reading-childrens-emotions/",
    }),
    ("teacher", "初二 愤怒 冲动", {
        "lessons/taming-the-impulse/",
    }),
    ("teacher", "高二 压力", {
        "lessons/stress-and-me/",
        "courses/parent-emotion-group/",
    }),
    ("teacher", "小初衔接", {
        "lessons/hello-junior-school/",
        "lessons/new-subjects-new-start/",
        "lessons/hello-new-classmates/",
        "lessons/relax-graduation-season/",
        "courses/primary-to-junior/",
        "cases/junior-one-motivation/",
    }),
    ("teacher", "一年级 入学适应", {
        "lessons/i-am-a-pupil/",
        "courses/ready-for-first-grade/",
        "cases/grandma-let-me-do-it/",
    }),
    ("teacher", "初中 生涯规划", {
        "lessons/career-kaleidoscope/",
        "lessons/after-junior-high-choices/",
    }),
    ("teacher", "选科 指导", {
        "lessons/subject-choice-career-plan/",
        "cases/subject-choice-family-meeting/",
        "courses/subject-choice-and-career/",
    }),
    ("teacher", "九年级 考前焦虑", {
        "lessons/exam-anxiety-relax/",
        "courses/zhongkao-parents/",
    }),
    ("teacher", "心理危机 识别", {
        "courses/spotting-crisis-signals/",
        "lessons/valuing-life-seeking-help/",
        "lessons/生命的意义/",
    }),
    ("teacher", "家长会", {
        "courses/head-teacher-home-school-talk/",
    }),
    ("teacher", "熊伟 讲座", {
        "courses/say-no-to-bullying/",
        "courses/spotting-crisis-signals/",
    }),
    ("teacher", "青山湖区第一中学", {
        "lessons/emotion-thermometer/",
        "lessons/self-image-esteem/",
        "lessons/exam-anxiety-relax/",
        "lessons/exam-anxiety-and-sleep/",
        "cases/junior-one-motivation/",
    }),
    ("teacher", "湖滨中学", {
        "lessons/taming-the-impulse/",
        "lessons/friendship-and-crush/",
    }),
    ("teacher", "高中 生命意义", {
        "lessons/life-meaning-compass/",
        "lessons/生命的意义/",
    }),
    ("teacher", "高中 学习方法", {
        "lessons/senior-high-study-toolkit/",
        "lessons/metacognition-learning-coach/",
        "lessons/senior-three-review-strategies/",
        "lessons/creative-thinking-workshop/",
    }),
    ("teacher", "放松训练", {
        "lessons/relax-graduation-season/",
        "lessons/exam-anxiety-relax/",
        "lessons/stress-and-me/",
        "lessons/exam-anxiety-and-sleep/",
        "courses/exam-calm-group/",
        "cases/gaokao-anxiety-family/",
    }),
    ("teacher", "初中 青春期", {
        "lessons/puberty-and-me/",
        "lessons/friendship-and-crush/",
        "courses/understanding-adolescence/",
        "cases/closed-door-adolescence/",
    }),
    ("teacher", "中年级 认识自己", {
        "lessons/unique-me/",
        "lessons/my-own-decisions/",
    }),
    ("teacher", "异性交往", {
        "lessons/boys-and-girls-friends/",
        "lessons/friendship-and-crush/",
        "lessons/youth-friendship-and-affection/",
    }),
    ("teacher", "校园欺凌", {
        "courses/say-no-to-bullying/",
    }),
    # ------------------------------------------------------------- parent (18)
    ("parent", "王芳老师", {
        "courses/focus-games-family-workshop/",
        "courses/reading-childrens-emotions/",
        "courses/ready-for-first-grade/",
    }),
    ("parent", "胡晓燕", {
        "courses/grandparent-parenting/",
        "courses/left-behind-children/",
        "courses/second-child-family/",
    }),
    ("parent", "线上 家长课", {
        "courses/left-behind-children/",
        "courses/second-child-family/",
        "courses/talking-with-teens/",
        "courses/zhongkao-parents/",
    }),
    ("parent", "孩子天天玩手机游戏 管不住", {
        "courses/family-phone-agreement/",
        "cases/family-phone-pact/",
    }),
    ("parent", "孩子不想上学 早上总说肚子疼", {
        "cases/school-refusal-single-parent/",
    }),
    ("parent", "二胎 老大吃醋", {
        "courses/second-child-family/",
        "cases/second-child-being-seen/",
    }),
    ("parent", "青春期 叛逆 家长怎么办", {
        "courses/understanding-adolescence/",
        "courses/talking-with-teens/",
        "cases/closed-door-adolescence/",
    }),
    ("parent", "孩子上一年级前要准备什么", {
        "courses/ready-for-first-grade/",
        "cases/grandma-let-me-do-it/",
    }),
    ("parent", "孩子马上高考了 家长比孩子还紧张", {
        "courses/gaokao-family-support/",
        "courses/parent-emotion-group/",
        "cases/gaokao-anxiety-family/",
    }),
    ("parent", "父母外出打工 孩子留守", {
        "courses/left-behind-children/",
        "cases/left-behind-sunday-call/",
    }),
    ("parent", "孩子写作业磨蹭 注意力不集中", {
        "courses/focus-games-family-workshop/",
    }),
    ("parent", "孩子动不动就发脾气 哭闹", {
        "courses/reading-childrens-emotions/",
        "cases/second-child-being-seen/",
    }),
    ("parent", "中考前 家长怎么帮孩子减压", {
        "courses/zhongkao-parents/",
    }),
    ("parent", "高一选科 和孩子意见不一致", {
        "courses/subject-choice-and-career/",
        "cases/subject-choice-family-meeting/",
    }),
    ("parent", "小学 亲子沟通", {
        "courses/reading-childrens-emotions/",
        "courses/second-child-family/",
        "courses/family-phone-agreement/",
        "courses/left-behind-children/",
        "cases/family-phone-pact/",
        "cases/second-child-being-seen/",
        "cases/left-behind-sunday-call/",
    }),
    ("parent", "孩子情绪低落 怎么办", {
        "cases/weekly-journal-low-mood/",
    }),
    ("parent", "初一孩子 学习没动力", {
        "cases/junior-one-motivation/",
    }),
    ("parent", "家里老人和我们教育观念不一样", {
        "courses/grandparent-parenting/",
        "cases/grandma-let-me-do-it/",
        "cases/left-behind-sunday-call/",
    }),
    # ------------------------------------------------------------- editor (12)
    ("editor", "一等奖 课例", {
        "lessons/hello-feeling-monsters/",
        "lessons/body-boundaries/",
        "lessons/生命的意义/",
    }),
    ("editor", "2023年 案例", {
        "cases/grandma-let-me-do-it/",
        "cases/junior-one-motivation/",
        "cases/left-behind-sunday-call/",
        "cases/subject-choice-family-meeting/",
        "cases/weekly-journal-low-mood/",
    }),
    ("editor", "三等奖", {
        "lessons/emotion-thermometer/",
        "lessons/dorm-life-together/",
        "cases/subject-choice-family-meeting/",
        "cases/family-phone-pact/",
    }),
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
    ("editor", "QZ-02", {
        "courses/family-phone-agreement/",
    }),
    ("editor", "JS-02", {
        "courses/spotting-crisis-signals/",
    }),
    ("editor", "团体辅导", {
        "courses/exam-calm-group/",
        "courses/parent-emotion-group/",
    }),
    ("editor", "优秀 案例", {
        "cases/left-behind-sunday-call/",
        "cases/gaokao-anxiety-family/",
    }),
    ("editor", "育才高级中学", {
        "lessons/subject-choice-career-plan/",
        "lessons/responsibility-and-commitment/",
        "lessons/senior-three-review-strategies/",
    }),
    ("editor", "第二小学", {
        "lessons/when-i-am-angry/",
        "lessons/body-boundaries/",
        "cases/family-phone-pact/",
    }),
    ("editor", "二等奖 案例", {
        "cases/grandma-let-me-do-it/",
        "cases/junior-one-motivation/",
    }),
    ("editor", "第一高级中学", {
        "lessons/new-start-emotion-tuning/",
        "lessons/who-am-i-values-auction/",
        "lessons/生命的意义/",
        "cases/subject-choice-family-meeting/",
    }),
]
