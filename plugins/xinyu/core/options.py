"""Every setting of the `xinyu` plugin block, declared once.

The MkDocs config class (`xinyu.config`) is derived from this table, the
core's `Settings` take their defaults from it, and `xinyu check` reports an
unknown option with the closest known name — so a setting documented in the
README is declared exactly here, with its default written once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .rules import did_you_mean as closest

# Shapes MkDocs checks; the meaning of each value is checked by
# `vocabulary.settings_from_mapping`, which `xinyu check` shares.
BOOL, TEXT, LIST, MAPPING, NUMBER = "bool", "text", "list", "mapping", "number"

CHECK_LEVELS = ("error", "warning", "info", "off")


@dataclass(frozen=True)
class Option:
    name: str
    shape: str
    default: Any
    doc: str  # one line, Chinese, for the README's configuration block
    choices: tuple[str, ...] = ()


OPTIONS: tuple[Option, ...] = (
    Option("enabled", BOOL, True, "关闭后插件不做任何事"),
    Option("lessons_dir", TEXT, "lessons", "教案目录（在 docs_dir 之外）"),
    Option("cases_dir", TEXT, "case_studies", "家庭教育案例目录"),
    Option("courses_dir", TEXT, "content/courses", "点单课程目录"),
    Option("lecturers_file", TEXT, "content/lecturers.yml", "讲师团名单"),
    Option("training_dir", TEXT, "training", "教师和心理委员培训模块目录"),
    Option("plans_dir", TEXT, "plans", "区里推荐的学期教学计划（YAML）目录"),
    Option("protected_names", TEXT, "privacy/protected-names.txt", "受保护姓名的加盐哈希"),
    Option("search_dict", TEXT, None, "选填：区里自己的 jieba 用户词典"),
    Option("grades", LIST, None, "替换默认年级表：[{key: 1, label: 一年级, stage: primary}, ...]"),
    Option("topics", LIST, None, "替换默认主题表：[{key: emotion, label: 情绪调适, required: true}, ...]"),
    Option("lesson_sections", LIST, ("教学目标", "教学过程"), "教案必须有的正文小节"),
    Option("case_sections", LIST, ("案例背景", "问题分析", "指导过程", "效果与反思"),
           "案例必须有的正文小节"),
    Option("min_periods", MAPPING, None, "每学期最低课时：按学段（primary/junior/senior）或按年级"),
    Option("coverage_check", TEXT, "error", "覆盖缺口：error | warning | info | off",
           CHECK_LEVELS),
    Option("periods_check", TEXT, "warning", "课时不足：error | warning | info | off",
           CHECK_LEVELS),
    Option("counted_types", LIST, ("心理课",), "计入覆盖和课时统计的课型（默认只计心理课）"),
    Option("calendar", LIST, (
        {"name": "上学期", "semester": 1, "weeks": 20},
        {"name": "下学期", "semester": 2, "weeks": 20},
    ), "学期日历：[{name, semester: 1|2, start: 2027-02-22, weeks: 19, holidays: [{name, from, to}]}, ...]"),
    Option("parents_school", MAPPING, {"sessions": 2, "periods": 4},
           "家长学校每学期的要求：{sessions: 次数, periods: 课时}"),
    Option("training_hours", MAPPING, {"专职心理教师": 40, "兼职心理教师": 24, "班主任": 16, "全体教师": 8},
           "各类教师一个轮训周期（三年）应修的培训学时"),
    Option("committee_sessions", NUMBER, 2, "心理委员每学期的培训次数"),
    Option("activities", LIST, (
        {"key": "day-0525", "label": "5·25心理健康日", "month": 5, "day": 25},
        {"key": "month-05", "label": "5月心理健康教育宣传月", "month": 5},
        {"key": "day-1010", "label": "10·10世界精神卫生日", "month": 10, "day": 10},
        {"key": "month-11", "label": "11月心理健康教育宣传月", "month": 11},
    ), "活动日历：[{key, label, month, day}, ...]；内容用 activities: [key] 标注"),
    Option("nav_title", TEXT, "教案库", "导航中生成的栏目名"),
    Option("featured_awards", LIST, ("一等奖", "优秀"), "在案例总览中置顶的奖项"),
    Option("allowed_emails", LIST, (), "允许出现在网站上的公开邮箱"),
    Option("allowed_phones", LIST, (), "允许出现在网站上的公开电话（热线、办公电话）"),
    Option("order", MAPPING, None, "点单受理方式：{email, phone, note}"),
    Option("submit_email", TEXT, None, "投稿页“用邮件发送”的收件邮箱（视为公开邮箱）"),
    Option("attachment_max_mb", NUMBER, 20, "单个附件的大小上限（MB）"),
    Option("silence", LIST, (), "不显示的警告和提示的编号，如 [XY-C002]（错误不能静默）"),
    Option("offline", BOOL, False, "生成离线版：网站里多一个 downloads/xinyu-offline.zip，解压后打开 index.html 即可离线浏览和搜索"),
    Option("footer", MAPPING, None, "页脚：{host: 主办单位, icp: ICP备案号, police: 公安备案号, contact: 联系方式}"),
    Option("hotlines", LIST, (
        {"name": "全国青少年服务台", "number": "12355", "hours": "",
         "note": "共青团开设，为青少年和家长提供心理咨询、法律咨询和权益维护服务"},
        {"name": "全国心理援助热线", "number": "12356", "hours": "",
         "note": "国家卫生健康委开设的心理援助公益热线"},
    ), "求助与热线页的电话：[{name, number, hours, note}, ...]（号码视为公开）；不填时列出全国 12355、12356"),
)

BY_NAME: dict[str, Option] = {option.name: option for option in OPTIONS}


def default(name: str) -> Any:
    return BY_NAME[name].default


def did_you_mean(name: str) -> str:
    return closest(name, list(BY_NAME))


def unknown_options(data: dict[str, Any]) -> list[str]:
    """Messages for keys of the plugin block that are not options."""
    return [f"未知选项“{key}”{did_you_mean(str(key))}"
            for key in data if str(key) not in BY_NAME]
