"""The privacy guard: personal data never reaches the public site."""

from __future__ import annotations

import re

import pytest
from conftest import REPO, Library, xinyu
from xinyu.core.library import load_library, privacy_guard
from xinyu.core.privacy import PrivacyGuard, ProtectedNames
from xinyu.core.config_file import read_site_config, xinyu_plugin_config
from xinyu.core.vocabulary import settings_from_mapping

# Known-valid resident ID numbers (GB 11643 examples) in several spellings.
ID_NUMBERS = [
    "11010519491231002X",
    "440524188001010014",
    "11010519491231002x",
    "110105 19491231 002X",
    "110105-1949-1231-002X",
    "１１０１０５１９４９１２３１００２Ｘ",
    "320311770706001",  # 15-digit legacy number
]
PHONES = [
    "13812345678", "138 1234 5678", "138-1234-5678", "+86 138 1234 5678", "+8613812345678",
    "(+86)13912345678", "１３８１２３４５６７８", "0791-88881234", "(0791)8888 1234", "010-12345678",
    "（０７９１）８８８８１２３４", "138.1234.5678", "0086 139 1234 5678",
]
EMAILS = ["zhangsan@163.com", "li.si+home@qq.com", "parent_2024@example.com.cn"]
LABELLED_IDS = ["QQ：12345678", "QQ号 987654321", "qq: 10001", "微信号：zhangsan_88", "微信：wx-abc123",
                "WeChat: abc12345", "vx：abcdef99", "微信号 wxid_abc123"]
ADDRESSES = ["家住解放西路88号3栋502室", "住在阳光小区3栋2单元", "青山路12号附5号1201室",
             "幸福家园5幢1单元", "8栋2单元301室", "北京东路一百号二栋五零一室", "李家村3组",
             "阳光花园3栋502", "南昌市某路123号4栋2单元501", "5号楼302室", "住3幢 1单元"]
ORDINARY = [
    "2024-05-01 下午第二节，40分钟", "比例约为1:1000", "三年级2班的同学", "五（3）班", "ISBN 978-7-5675-1234-5",
    "全国青少年服务台12355", "第3课时，共45分钟", "2023年9月1日开学", "1:1 个别辅导", "100%的同学参与",
    "每学期 6 课时，高中 8 课时", "2024-2025 学年第一学期", "13:30-14:15 班会课", "青山湖区第一小学",
    "小A和小明一起完成了任务", "编号 2024001 的课例", "王老师执教", "时长 0.5 小时", "2024-05",
    "得分 4/5，合计 13/15", "请在 5 分钟内完成学习单第 1-3 题", "高三（1）班 45 人", "版本 v1.2.3",
    "https://www.12355.net/", "第 12 周星期三", "约 300 字的短文", "1999年出生的老师",
    "圆周率约为 3.1415926535", "用微信和家长沟通", "农村留守儿童", "第二小组", "3.5 小时",
    "成绩从 138.5 分提高到 142 分", "班级微信群里通知", "乡村学校", "一组二组三组轮流",
    "在教学楼3楼302室的心理辅导室", "第2单元复习", "学校位于青山路88号", "0791 是南昌的区号",
]


def guard(names: ProtectedNames | None = None, emails=()) -> PrivacyGuard:
    return PrivacyGuard(names or ProtectedNames(), emails)


def rules(text: str, **kwargs) -> list[str]:
    return [hit.rule for hit in guard(**kwargs).hits(text, 1)]


@pytest.mark.parametrize("text", ID_NUMBERS)
def test_resident_id_numbers_are_caught(text):
    assert rules(f"学生身份证：{text}。") == ["id"]


def test_id_number_with_a_wrong_check_digit_is_not_an_id():
    assert "id" not in rules("11010519491231002Y") and "id" not in rules("110105194912310021")


@pytest.mark.parametrize("text", PHONES)
def test_phone_numbers_are_caught(text):
    assert rules(f"家长电话 {text}") == ["phone"]


@pytest.mark.parametrize("text", EMAILS)
def test_emails_are_caught_unless_allowed(text):
    assert rules(f"邮箱：{text}") == ["email"]
    assert rules(f"邮箱：{text}", emails=[text.upper()]) == []


@pytest.mark.parametrize("text", LABELLED_IDS)
def test_labelled_qq_and_wechat_ids_are_caught(text):
    assert rules(text) in (["qq"], ["wechat"])


@pytest.mark.parametrize("text", ADDRESSES)
def test_home_addresses_are_caught(text):
    assert rules(text) == ["address"]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_lesson_text_is_not_flagged(text):
    assert rules(text) == []


def test_the_demo_library_has_no_hits():
    plugin = xinyu_plugin_config(read_site_config(REPO / "mkdocs.yml"))
    library = load_library(REPO, plugin)
    assert [p for p in library.problems if p.is_error] == []
    scanner = privacy_guard(REPO, settings_from_mapping(plugin)[0])
    for folder in ("lessons", "case_studies", "content"):
        for path in (REPO / folder).rglob("*.md"):
            found, _ = scanner.scan(path.read_text(encoding="utf-8"), str(path))
            assert found == [], found


def test_protected_names_match_any_two_to_four_character_window(tmp_path):
    names = ProtectedNames()
    path = tmp_path / "names.txt"
    names.add(path, "张小明")
    names.add(path, "李四")
    text = path.read_text(encoding="utf-8")
    assert "张小明" not in text and "李四" not in text
    assert re.search(r"^salt: [0-9a-f]{32}$", text, re.M)
    loaded = ProtectedNames.load(path)
    hits = list(guard(loaded).hits("那天张小明和李四都来了，张小同学没来。", 7))
    assert [(h.rule, h.col, h.masked()) for h in hits] == [("name", 3, "张**"), ("name", 7, "李*")]
    assert rules("张小和明", names=loaded) == []


def test_hits_are_masked_in_every_message(library):
    library.fill_coverage()
    library.lesson("a.md", grades=[2], body="## 教学目标\n\n联系 13812345678，身份证 11010519491231002X。\n\n## 教学过程\n\n过程\n")
    proc = library.check()
    assert proc.returncode == 1
    assert "lessons/a.md:9:4: [XY-P001] 电话号码“138******78”不能发布" in proc.stdout
    assert "lessons/a.md:9:20: [XY-P001] 身份证号“110*************2X”不能发布" in proc.stdout
    assert "13812345678" not in proc.stdout and "11010519491231002X" not in proc.stdout
    github = library.check("--format", "github").stdout
    assert "::error file=lessons/a.md,line=9,col=4,title=XY-P001::电话号码“138******78”" in github
    assert "13812345678" not in github


def test_front_matter_is_scanned_too(library):
    library.fill_coverage()
    library.lesson("a.md", grades=[2], author="王老师 13812345678")
    assert "lessons/a.md:6:14: [XY-P001] 电话号码“138******78”不能发布" in library.check().stdout


def test_a_hit_fails_the_build_and_nothing_is_published(library):
    library.fill_coverage()
    library.lesson("a.md", grades=[2], body="## 教学目标\n\n住在阳光小区3栋2单元。\n\n## 教学过程\n\n过程\n")
    build = library.build()
    assert build.returncode == 1
    assert "lessons/a.md:9:1: [XY-P001] 家庭住址“住在阳******单元”不能发布" in build.output, build.output
    assert "阳光小区3栋2单元" not in build.output
    assert not (build.site / "lessons" / "a").exists()


def test_reviewed_exception_is_allowed_and_listed(library):
    library.fill_coverage()
    library.lesson("a.md", grades=[2], body=(
        "## 教学目标\n\n心理援助热线 0791-88881234 <!-- xinyu-allow: phone 区心理援助热线，公开号码 -->\n\n"
        "<!-- xinyu-allow: email 区心理中心公开邮箱 -->\n联系 center@example.org\n\n## 教学过程\n\n过程\n"))
    build = library.build()
    assert build.returncode == 0, build.output
    assert "xinyu：经审核的隐私例外：lessons/a.md:9 phone（区心理援助热线，公开号码）" in build.output
    assert "xinyu：经审核的隐私例外：lessons/a.md:12 email（区心理中心公开邮箱）" in build.output


def test_exception_needs_a_rule_and_a_reason(library):
    library.fill_coverage()
    library.lesson("a.md", grades=[2], body="## 教学目标\n\n热线 0791-88881234 <!-- xinyu-allow: phone -->\n\n## 教学过程\n")
    out = library.check().stdout
    assert "lessons/a.md:9: [XY-P003] xinyu-allow 需要写明规则" in out
    assert "lessons/a.md:9:4: [XY-P001] 电话号码" in out


def test_allowed_emails_come_from_mkdocs_yml(tmp_path):
    library = Library(tmp_path / "repo", plugin={"allowed_emails": ["xinli@qsh.edu.cn"]})
    library.fill_coverage()
    library.lesson("a.md", grades=[2], summary="联系 xinli@qsh.edu.cn 或 other@qsh.edu.cn")
    out = library.check().stdout
    assert "other@" not in out and "[XY-P001] 电子邮箱“oth" in out
    assert out.count("电子邮箱") == 1


def test_add_name_from_argument_and_from_standard_input(library):
    import subprocess
    import sys

    from conftest import ENV

    assert xinyu(library.root, "privacy", "add-name", "张小明", "--root", ".").returncode == 0
    proc = subprocess.run([sys.executable, "-m", "xinyu", "privacy", "add-name", "--root", "."],
                          cwd=library.root, env=ENV, input="李四\n", capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    stored = (library.root / "privacy" / "protected-names.txt").read_text(encoding="utf-8")
    assert "张小明" not in stored and "李四" not in stored
    assert len([l for l in stored.splitlines() if re.fullmatch(r"[0-9a-f]{64}", l)]) == 2
    library.fill_coverage()
    library.lesson("a.md", grades=[2], body="## 教学目标\n\n李四今天很开心。\n\n## 教学过程\n")
    out = library.check().stdout
    assert "lessons/a.md:9:1: [XY-P001] 受保护的姓名“李*”不能发布" in out
    assert "李四" not in out
    assert xinyu(library.root, "privacy", "add-name", "x", "--root", ".").returncode == 2


def test_case_studies_are_scanned(library):
    library.fill_coverage()
    (library.root / "case_studies").mkdir()
    (library.root / "case_studies" / "c.md").write_text(
        "---\ntitle: 案例\nschool: 一小\nsubmitted: 2024-06-01\ngrades: [5]\nthemes: [亲子沟通]\n"
        "consent: true\nsummary: 小A妈妈的电话是13912345678\n---\n## 案例背景\n## 问题分析\n## 指导过程\n## 效果与反思\n",
        encoding="utf-8")
    assert "case_studies/c.md:8:" in library.check().stdout
