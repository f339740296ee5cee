"""Safe publishing: what reaches the built site is checked, not only the
source lines. Personal data disguised by markup, entities, separators or
other scripts is found; contributed script never runs; nothing is written
outside the site; bad YAML and odd files are reported, never skipped."""

from __future__ import annotations

import io
import json
import os
import re
import zipfile
from pathlib import Path

import pytest
import yaml
from conftest import REPO, Library, lesson_text, tiny_pdf
from hypothesis import given, settings
from hypothesis import strategies as st
from xinyu.core.gate import Gate
from xinyu.core.normalise import normalise, normalise_mapped, readings
from xinyu.core.options import OPTIONS
from xinyu.core.privacy import PrivacyGuard, ProtectedNames

MOBILE, ID, EMAIL = "13812345678", "11010519491231002X", "zhangsan@qq.com"


@pytest.fixture(scope="module")
def names(tmp_path_factory) -> ProtectedNames:
    path = tmp_path_factory.mktemp("names") / "names.txt"
    names = ProtectedNames()
    names.add(path, "刘梓涵")
    return ProtectedNames.load(path)


def rules(text: str, names: ProtectedNames | None = None) -> list[str]:
    return [hit.rule for hit in PrivacyGuard(names or ProtectedNames()).hits(text)]


DISGUISED_MOBILES = [
    "138<!-- -->12345678", "&#49;&#51;&#56;12345678", "&#x31;&#x33;&#x38;12345678",
    "**138**1234**5678**", "<span>138</span><span>1234</span>5678", "138\n1234 5678",
    "1 3 8 1 2 3 4 5 6 7 8", "138/1234/5678", "138_1234_5678", "1\u200b38\u206012345678\ufeff",
    "13\ufe0f8123\ufe0f45678", "１３８１２３４５６７８", "①③⑧①②③④⑤⑥⑦⑧", "𝟏𝟑𝟖𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖",
    "一三八一二三四五六七八", "壹叁捌壹贰叁肆伍陆柒捌", "幺三八 幺二三四 五六七八", "%31%33%38%31%32%33%34%35%36%37%38",
    "138-1234-5678", "+86 138 1234 5678", "(+86)138.1234.5678", "1̲3̲8̲12345678",
]


@pytest.mark.parametrize("text", DISGUISED_MOBILES)
def test_disguised_mobile_numbers_are_found(text):
    assert rules(f"家长电话：{text}。") == ["phone"]


@pytest.mark.parametrize("text", [
    "zhangsan&#64;qq.com", "zhangsan＠qq.com", "zhangsan[at]qq.com", "zhangsan (at) qq (dot) com",
    "zhang<span>san@</span>qq.com", "zhangsan@qq.c<!-- -->om", "zhangsan%40qq.com",
])
def test_disguised_emails_are_found(text):
    assert rules(f"邮箱 {text}") == ["email"]


@pytest.mark.parametrize("text", [
    "扣扣号 123456789", "企鹅号：123456789", "Q Q：123456789", "ＱＱ群 123456789", "qq号是123456789",
    "V信：liu_zihan2010", "薇信 liu_zihan2010", "vx:liuzihan", "wx号 abcdef1", "微信号为 liuzihan",
    "加v liu_zihan2010", "WeChat ID: liuzihan",
])
def test_qq_and_wechat_spellings_are_found(text):
    assert rules(text) in (["qq"], ["wechat"])


@pytest.mark.parametrize("text", [
    "家住幸福路 12 号 3 栋 502 室", "幸福里小区 3 号楼 502", "人民路 88 弄 12 号 301 室",
    "阳光大院 5 号楼 2 门 302", "东四胡同 12 号院 3 号楼", "李家村 3 组", "王庄村民二组",
    "三栋二单元五零一", "住 8 栋 2 单元 301 室", "锦绣花园二期 3 幢 1 单元",
])
def test_address_forms_are_found(text):
    assert rules(text) == ["address"]


@pytest.mark.parametrize("text", [
    "刘梓涵", "劉梓涵", "刘 梓 涵", "刘/梓/涵", "**刘**梓涵", "<span>刘</span>梓<b>涵</b>", "刘\n梓涵",
    "刘\u200b梓\u200d涵", "&#21016;&#26771;&#28085;", "%E5%88%98%E6%A2%93%E6%B6%B5", "刘「梓」涵",
    "<ruby>刘<rt>liú</rt>梓<rt>zǐ</rt>涵<rt>hán</rt></ruby>",
])
def test_protected_names_are_found_however_written(text, names):
    assert rules(f"今天{text}同学发言。", names) == ["name"]


@pytest.mark.parametrize("text", [
    "2024-05-12 13:30-15:00 第1、2课时", "给情绪打分：0 1 2 3 4 5 6 7 8 9 10", "ISBN 978-7-5675-1234-5",
    "全国青少年服务台 12355，心理援助热线 12356", "刘老师和梓涵的妈妈", "小李，明天见", "第 3 单元 第 2 课",
    "用微信和家长沟通", "关注微信公众号", "1、2、3、4、5、6、7、8、9、10、11", "学号 20240512",
    "13:30-14:15 14:25-15:10", "| 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 |",
])
def test_ordinary_text_is_not_flagged(text, names):
    assert rules(text, names) == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("13８８ 一二三<>!-*&#;%2Eabc@刘梓涵劉\n\u200b\ufe0f")), max_size=40))
def test_the_located_reading_is_the_fast_reading(text):
    assert normalise_mapped(text)[0] == normalise(text)
    assert normalise_mapped(text, markup=False)[0] == normalise(text, markup=False)
    assert normalise_mapped(text, collapse=False)[0] == normalise(text, collapse=False)
    assert readings(text) == (normalise(text), normalise(text, collapse=False))


def test_hits_are_located_at_their_line_and_column_in_the_source():
    hits = list(PrivacyGuard(ProtectedNames()).hits("第一行\n电话 138<!-- x -->\n12345678", 5))
    assert [(h.rule, h.line, h.col, h.masked()) for h in hits] == [("phone", 6, 4, "138******78")]


# --- the output gate -------------------------------------------------------

def _page(content: str) -> str:
    return (f'<html><head><title>t</title></head><body><nav>导航</nav>'
            f'<article class="md-content__inner md-typeset">{content}</article>'
            f'<script id="__config" type="application/json">{{}}</script></body></html>')


def _docx(text: str, creator: str = "") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml",
                         '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                         f'<w:body><w:p><w:r><w:t>{text[:4]}</w:t></w:r><w:r><w:t>{text[4:]}</w:t></w:r>'
                         '</w:p></w:body></w:document>')
        archive.writestr("docProps/core.xml", f"<cp:coreProperties xmlns:cp='x' xmlns:dc='y'>"
                                              f"<dc:creator>{creator}</dc:creator></cp:coreProperties>")
    return buffer.getvalue()


@pytest.fixture
def gate_site(tmp_path, names):
    site = tmp_path / "site"
    site.mkdir()

    def check(files: dict[str, bytes | str], trusted=(), generated=()) -> list[str]:
        for relative, data in files.items():
            path = site / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        gate = Gate(PrivacyGuard(names), tmp_path, [])
        return [str(p) for p in gate.check(site, set(trusted), set(generated))]

    return check


def test_gate_reads_pages_as_a_visitor_does(gate_site):
    found = gate_site({
        "a/index.html": _page("<p>电话 <span>138</span><em>1234</em>5678</p>"),
        "b/index.html": _page('<p>ok</p><img alt="刘&#26771;涵" src="x.png">'),
        "c/index.html": _page("<table><tr><td>1</td>\n<td>13812345678</td></tr></table>"),
        "d/index.html": _page('<a href="mailto:zhangsan%40qq.com">写信</a>'),
    })
    assert any(f.startswith("site/a/index.html: [XY-G005] 电话号码“138******78”") for f in found)
    assert any(f.startswith("site/b/index.html: [XY-G005] 受保护的姓名“刘**”出现在构建后的网站中"
                            "（在属性值中）") for f in found)
    assert any(f.startswith("site/c/index.html: [XY-G005] 电话号码") for f in found)
    assert any(f.startswith("site/d/index.html: [XY-G005] 电子邮箱") for f in found)
    assert not any(MOBILE in f or "刘梓涵" in f for f in found)


def test_gate_reads_json_names_text_and_documents(gate_site):
    found = gate_site({
        "search/search_index.json": json.dumps({"docs": [{"text": "<p>身份证 1101051949<b>1231002X</b></p>"}]}),
        "13812345678/index.html": _page("<p>ok</p>"),
        "lessons/x/notes.txt": "联系 zhangsan@qq.com",
        "lessons/x/sheet.docx": _docx("1381234 5678"),
        "lessons/x/meta.docx": _docx("学习单", creator="刘梓涵"),
        "lessons/x/sheet.pdf": tiny_pdf("Tel 138 1234 5678"),
        "lessons/x/author.pdf": tiny_pdf("Worksheet", author="zhangsan@qq.com"),
        "sitemap.xml.gz": __import__("gzip").compress(b"<urlset><loc>https://x/13812345678/</loc></urlset>"),
    })
    text = "\n".join(found)
    for where in ("search/search_index.json: [XY-G005] 身份证号", "site/13812345678: [XY-G005] 电话号码"
                  .replace("13812345678", "138******78"), "notes.txt: [XY-G005] 电子邮箱",
                  "sheet.docx: [XY-G005] 电话号码", "meta.docx: [XY-G005] 受保护的姓名",
                  "sheet.pdf: [XY-G005] 电话号码", "author.pdf: [XY-G005] 电子邮箱",
                  "sitemap.xml.gz: [XY-G005] 电话号码"):
        assert where in text, (where, text)
    assert MOBILE not in text and "刘梓涵" not in text and EMAIL not in text


def test_gate_fails_closed_on_what_it_cannot_read(gate_site, tmp_path):
    found = gate_site({"lessons/x/a.js": "alert(1)", "lessons/x/b.pdf": b"%PDF-1.4 broken",
                       "lessons/x/c.docx": b"not a zip", "assets/theme.js": "theme()"},
                      trusted={"assets/theme.js"})
    assert any("a.js: [XY-G003] “.js”文件无法检查个人信息" in f for f in found)
    assert any("b.pdf: [XY-G001] 无法读取：" in f for f in found)
    assert any("c.docx: [XY-G001] 无法读取：" in f for f in found)
    assert not any("theme.js" in f for f in found)
    os.symlink("/etc/passwd", tmp_path / "site" / "link.txt")
    assert any("link.txt: [XY-G002] 构建后的网站里有符号链接" in f for f in gate_site({}))


def test_gate_refuses_what_would_run_a_script(gate_site):
    found = gate_site({
        "a/index.html": _page('<a href="https://x" title="&lt;img src=x onerror=alert(1)&gt;">x</a>'),
        "b/index.html": _page('<p id="__config" hidden>{}</p>'),
        "c/index.html": _page('<p onclick="alert(1)">x</p>'),
        "d/index.html": _page('<a href=" java\tscript:alert(1)">x</a>'),
        "e/index.html": _page("<script>alert(1)</script>"),
        "f/index.html": _page('<form><input name="q"></form>'),
        "g/index.html": _page('<form><input name="q"></form>'),
    }, generated={"g/index.html"})
    text = "\n".join(found)
    assert "a/index.html: [XY-G004] 页面中出现了不安全的 HTML：<a> 上会被主题当作 HTML 显示的 title" in text
    assert 'b/index.html: [XY-G004] 页面中出现了不安全的 HTML：会替换主题配置的 <p id="__config">' in text
    assert "c/index.html: [XY-G004] 页面中出现了不安全的 HTML：<p> 上的事件属性" in text
    assert "d/index.html: [XY-G004] 页面中出现了不安全的 HTML：<a href> 中的脚本链接" in text
    assert "e/index.html: [XY-G004] 页面中出现了不安全的 HTML：页面内容中的 <script> 元素" in text
    assert "f/index.html: [XY-G004] 页面中出现了不安全的 HTML：页面内容中的 <form> 元素" in text
    assert "g/index.html" not in text


def test_gate_runs_after_everything_else_and_empties_the_site(library):
    """A district hook (trusted code) that injects a number into every page:
    no source holds it, only the gate can see it."""
    library.fill_coverage()
    (library.root / "hooks.py").write_text(
        "def on_page_content(html, **kwargs):\n    return html + '<p>值班 138 1234 5678</p>'\n",
        encoding="utf-8")
    config = yaml.safe_load((library.root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["hooks"] = ["hooks.py"]
    (library.root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    assert library.check().returncode == 0
    build = library.build()
    assert build.returncode == 1
    assert "site/index.html: [XY-G005] 电话号码“138******78”出现在构建后的网站中" in build.output
    assert "网站文件夹已清空" in build.output
    assert MOBILE not in build.output and "138 1234 5678" not in build.output
    assert list(build.site.iterdir()) == []


def test_the_demo_site_passes_the_gate_and_is_strict_clean(demo_build):
    # demo_build is built with --strict and asserts no warning; the gate ran in it
    assert "输出闸门" not in demo_build.output and "[XY-G" not in demo_build.output
    assert (demo_build.site / "catalogue.json").is_file()


# --- source checks: names, paths, files, YAML --------------------------------

def _problems(library: Library) -> str:
    proc = library.check()
    assert "Traceback" not in proc.stdout + proc.stderr
    return proc.stdout


@pytest.mark.parametrize("name, expected", [
    ("...md", "[XY-N007] 隐藏文件"), ("..md", "[XY-N007] 隐藏文件"),
    ("-x.md", "[XY-N002] 文件名“-x”不能作为网址"), (".zz-hidden.md", "[XY-N007] 隐藏文件"),
    ("a b.md", "[XY-N002] 文件名“a b”不能作为网址"), ("index.md", "[XY-N001] 文件名“index”是网站保留的名字"),
    ("50%.md", "[XY-N002] 文件名“50%”不能作为网址"),
])
def test_unsafe_file_names_are_errors(library, name, expected):
    library.fill_coverage()
    library.lesson(f"g1/{name}", grades=[1])
    out = _problems(library)
    assert expected in out and "被拒 1 个" in out, out


def test_personal_data_in_file_and_folder_names(library, names):
    library.fill_coverage()
    library.lesson(f"g1/{MOBILE}.md", grades=[1])
    library.lesson("刘梓涵/a.md", grades=[1])
    library.root.joinpath("privacy").mkdir()
    ProtectedNames().add(library.root / "privacy" / "protected-names.txt", "刘梓涵")
    out = _problems(library)
    assert "lessons/g1/138******78.md: [XY-P002] 文件名中含有电话号码“138******78”" in out
    assert "lessons/刘**/a.md: [XY-P002] 文件名中含有受保护的姓名“刘**”" in out
    assert MOBILE not in out and "刘梓涵" not in out


def test_links_fifos_and_unreadable_entries_are_reported_not_skipped(library):
    library.fill_coverage()
    folder = library.root / "lessons" / "g1"
    os.symlink("/etc/passwd", folder / "passwd.md")
    os.symlink("missing.md", folder / "dangling.md")
    os.symlink("/tmp", library.root / "lessons" / "linked")
    os.mkfifo(folder / "pipe.md")
    out = _problems(library)
    assert "lessons/g1/passwd.md: [XY-N005] 符号链接（指向另一个文件）不会发布" in out
    assert "lessons/g1/dangling.md: [XY-N005] 符号链接（指向一个不存在的文件）" in out
    assert "lessons/linked: [XY-N004] 符号链接的文件夹不会被跟随" in out
    assert "lessons/g1/pipe.md: [XY-N008] 这不是普通文件" in out
    assert re.search(r"教案（lesson）：找到 (\d+) 个，发布 48 个，草稿 0 个，被拒 4 个", out)
    build = library.build()
    assert build.returncode == 1 and not (build.site / "lessons" / "passwd").exists()


def test_registry_keys_cannot_leave_the_site(library, tmp_path):
    library.fill_coverage()
    library.write("collections.yml", '"../../../../escaped-collection":\n  title: 出逃\n')
    (library.root / "content" / "lecturers.yml").write_text(
        '"../../escaped-lecturer":\n  name: 王老师\n  title: 讲师\n', encoding="utf-8")
    out = _problems(library)
    assert "lessons/collections.yml:1: [XY-N003] 课例集的键“../../../../escaped-collection”" in out
    assert "content/lecturers.yml:1: [XY-N003] 讲师的键“../../escaped-lecturer”" in out
    build = library.build()
    assert build.returncode == 1
    assert not list(tmp_path.rglob("escaped-*"))


@pytest.mark.parametrize("name, data, expected", [
    ("page.html", "<script>window.__pwned=1</script>", "“.html”文件不发布"),
    ("pic.svg", "<svg onload='x'/>", "“.svg”文件不发布"),
    ("w.js", "x()", "“.js”文件不发布"),
    ("old.doc", "x", "请另存为 .docx"),
    ("big.pdf", None, "上限是 1 MB"),
])
def test_attachments_by_allowlist_and_size(tmp_path, name, data, expected):
    library = Library(tmp_path / "repo", plugin={"attachment_max_mb": 1})
    library.fill_coverage()
    library.write(f"g1/{name}", b"%PDF-1.4\n" + b"0" * 1_200_000 if data is None else data)
    library.lesson("g1/a.md", grades=[1], body=f"## 教学目标\n\n[附件]({name})\n\n## 教学过程\n\n过程\n")
    out = _problems(library)
    assert f"lessons/g1/a.md:9: [XY-B007] 附件“{name}”不能发布：" in out and expected in out, out


def test_attachment_links_cannot_reach_outside(library, tmp_path):
    library.fill_coverage()
    outside = tmp_path / "secret.txt"
    outside.write_text("secret", encoding="utf-8")
    os.symlink(outside, library.root / "lessons" / "g1" / "linked.txt")
    library.lesson("g1/a.md", grades=[1], body="## 教学目标\n\n[a](linked.txt) [b](../../../secret.txt)\n\n"
                                                 "## 教学过程\n\n过程\n")
    out = _problems(library)
    assert "[XY-B007] 附件“linked.txt”不能发布：“lessons/g1/linked.txt”是符号链接" in out
    assert "[XY-B006] 附件“../../../secret.txt”必须放在本文件所在的文件夹" in out


def test_attachments_and_docs_files_are_scanned(library):
    library.fill_coverage()
    library.write("g1/sheet.pdf", tiny_pdf("Parent 138 1234 5678"))
    library.write("g1/list.csv", "姓名,电话\n小A,138-1234-5678\n".encode("gbk"))
    library.lesson("g1/a.md", grades=[1], body="## 教学目标\n\n[学习单](sheet.pdf) [名单](list.csv)\n\n"
                                                 "## 教学过程\n\n过程\n")
    (library.root / "content" / "notes.txt").write_text("邮箱 zhangsan@qq.com", encoding="utf-8")
    (library.root / "content" / "x.html").write_text("<p>hi</p>", encoding="utf-8")
    out = _problems(library)
    assert "lessons/g1/sheet.pdf:2:8: [XY-P001] 电话号码“138******78”" in out
    assert "lessons/g1/list.csv:2:4: [XY-P001] 电话号码“138******78”" in out
    assert "content/notes.txt:1:4: [XY-P001] 电子邮箱" in out
    assert "content/x.html: [XY-N012] “.html”文件不发布" in out


def test_yaml_bombs_and_aliases_are_refused(library):
    library.fill_coverage()
    bomb = "\n".join(['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'] +
                     [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)])
    library.write("g1/bomb.md", f"---\ntitle: 炸弹\n{bomb}\n---\n## 教学目标\n")
    library.write("g1/merge.md", "---\nbase: &b {title: x}\nmeta:\n  <<: *b\n---\n")
    library.write("g1/deep.md", "---\ntitle: " + "[" * 3000 + "]" * 3000 + "\n---\n")
    library.write("g1/huge.md", "---\ntitle: x\nsummary: " + "长" * 300_000 + "\n---\n")
    out = _problems(library)
    assert "lessons/g1/bomb.md:3: [XY-Y009] 头信息里不能用锚点和别名" in out
    assert "lessons/g1/merge.md:2: [XY-Y009] 头信息里不能用锚点和别名" in out
    assert "lessons/g1/deep.md:2: [XY-Y010] 取值嵌套超过了 20 层" in out
    assert "lessons/g1/huge.md:2: [XY-Y001] 头信息有" in out


def test_values_echoed_in_messages_are_masked(library, names):
    library.fill_coverage()
    library.root.joinpath("privacy").mkdir()
    ProtectedNames().add(library.root / "privacy" / "protected-names.txt", "刘梓涵")
    library.write("g1/a.md", lesson_text(title="课", grades=[1], topic="刘梓涵", summary="x",
                                         status=MOBILE))
    library.lesson("g1/b.md", grades=[1], body="## 教学目标\n\n[学习单](刘梓涵-13812345678.pdf)\n\n## 教学过程\n")
    for fmt in ("text", "json", "github"):
        out = library.check("--format", fmt).stdout
        assert MOBILE not in out and "刘梓涵" not in out, out
        assert "138******78" in out
    build = library.build()
    assert MOBILE not in build.output and "刘梓涵" not in build.output


# --- HTML that the theme would run ------------------------------------------

def test_titles_and_reserved_ids_are_neutralised(library):
    library.fill_coverage()
    library.lesson("g1/a.md", grades=[1], body=(
        "## 教学目标\n\n[家长学校](https://example.org \"&lt;img src=x onerror=window.__pwned=1&gt;\")\n\n"
        '<abbr title="<img src=x onerror=window.__pwned=1>">HTML</abbr>\n\n'
        '<p id="__config" hidden>{"search": "w.js"}</p>\n\n<div id="xinyu-order">x</div>\n\n'
        "[坏链接][r]\n\n[r]: javascript:window.__pwned=1\n\n## 教学过程\n\n过程\n"))
    build = library.build()
    assert build.returncode == 0, build.output
    assert "[XY-H002] 不安全的链接已删除：“javascript:”链接" in build.output
    html = build.html("lessons/a/index.html")
    for title in re.findall(r'title="([^"]*)"', html):
        assert "&lt;" not in title and "&amp;" not in title and "<" not in title, title
    assert html.count('id="__config"') == 1 and 'id="user-__config"' in html
    assert 'id="user-xinyu-order"' in html
    assert "javascript:" not in html


# --- settings ---------------------------------------------------------------

def _readme_config() -> dict:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme.split("### 配置（`mkdocs.yml`）", 1)[1].split("```yaml", 1)[1].split("```", 1)[0]
    return yaml.safe_load(block)


def test_every_documented_option_is_declared_once():
    documented = next(p["xinyu"] for p in _readme_config()["plugins"] if isinstance(p, dict) and "xinyu" in p)
    declared = [option.name for option in OPTIONS]
    assert len(declared) == len(set(declared))
    assert sorted(documented) == sorted(declared)


def test_the_readme_configuration_builds_strict(tmp_path):
    library = Library(tmp_path / "repo")
    for grade in range(1, 13):  # enough periods in both semesters: no warning at all
        for topic in ("emotion", "relationships", "life", "study"):
            library.lesson(f"g{grade}/{topic}-{grade}.md", title=f"{topic} {grade}", grades=[grade],
                           topic=topic, periods=4)
    config = yaml.safe_load((library.root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = _readme_config()["plugins"]
    (library.root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    (library.root / "search").mkdir()
    (library.root / "search" / "words.txt").write_text("心理委员 100 n\n", encoding="utf-8")
    build = library.build("--strict")
    assert build.returncode == 0, build.output
    assert "WARNING" not in build.output


def test_a_misspelled_option_gets_the_closest_name(tmp_path):
    library = Library(tmp_path / "repo", plugin={"periods_chek": "info"})
    library.fill_coverage()
    build = library.build("--strict")
    assert build.returncode == 1
    assert "periods_chek" in build.output and "是不是想写 periods_check？" in build.output
    assert "[XY-K001] plugins.xinyu：未知选项“periods_chek”（是不是想写 periods_check？）" in library.check().stdout


def test_hostile_paths_in_settings_are_refused(tmp_path):
    library = Library(tmp_path / "repo", plugin={"lessons_dir": "../../etc"})
    out = library.check().stdout
    assert "[XY-K001] plugins.xinyu：lessons_dir 必须是仓库内的路径" in out


def test_content_is_read_from_real_files_only(library):
    """A Markdown page in docs_dir that is a link is reported, not followed."""
    library.fill_coverage()
    os.symlink("/etc/hostname", library.root / "content" / "host.md")
    assert "content/host.md" in _problems(library)
    assert Path("/etc/hostname").exists()


def test_front_matter_of_hand_written_pages_cannot_reach_the_theme_raw(library):
    """Material writes page.meta.description into <meta> unescaped and MkDocs
    takes `template` from the meta: a contributed page sets neither raw."""
    library.fill_coverage()
    (library.root / "content" / "about.md").write_text(
        '---\ntitle: 关于 <b>我们</b>\ndescription: \'"><script>window.__pwned=1</script>\'\n'
        "template: 404.html\nsubtitle: <img src=x onerror=alert(1)>\n---\n# 关于\n\n正文\n",
        encoding="utf-8")
    out = _problems(library)
    assert "content/about.md:4: 警告 [XY-H003] 手写页面不使用头信息字段“template”" in out
    assert "content/about.md:5: 警告 [XY-H003] 手写页面不使用头信息字段“subtitle”" in out
    build = library.build()
    assert build.returncode == 0, build.output
    html = build.html("about/index.html")
    assert "<script>window.__pwned" not in html and 'content=""><script>' not in html
    assert '<meta name="description" content="&#34;&gt;window.__pwned=1">' in html
    assert "<title>关于 我们 - 测试</title>" in html
    assert "onerror" not in html


def test_yaml_escapes_and_folded_lines_are_read_as_parsed(library):
    library.fill_coverage()
    library.write("g1/a.md", '---\ntitle: "课 \\u0031\\u0033\\u00381234 5678"\ngrades: [1]\ntopic: emotion\n'
                             "summary: >\n  家长 138\n  1234 5678\n---\n## 教学目标\n\n## 教学过程\n")
    out = _problems(library)
    assert "lessons/g1/a.md:2: [XY-P001] 电话号码“138******78”不能发布" in out
    assert "lessons/g1/a.md:6:6: [XY-P001] 电话号码“138******78”" in out
    assert out.count("电话号码") == 2


@pytest.mark.parametrize("text", ["1三8一二三四五六七八", "zhangsan@qq。com"])
def test_mixed_spellings(text):
    assert rules(text) in (["phone"], ["email"])


def test_pdf_with_scripts_is_refused(library):
    library.fill_coverage()
    pdf = tiny_pdf("Worksheet").replace(b"<< /Type /Catalog /Pages 2 0 R >>",
                                        b"<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript "
                                        b"/JS (app.alert(1)) >> >>")
    library.write("g1/s.pdf", pdf)
    library.lesson("g1/a.md", grades=[1], body="## 教学目标\n\n[学习单](s.pdf)\n\n## 教学过程\n\n过程\n")
    assert "lessons/g1/s.pdf: [XY-B009] PDF 里有脚本或启动动作" in _problems(library)


def _png(text_chunks: dict[str, str]) -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
    texts = b"".join(chunk(b"iTXt", k.encode() + b"\x00\x00\x00\x00\x00" + v.encode("utf-8"))
                     for k, v in text_chunks.items())
    pixels = chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
    return b"\x89PNG\r\n\x1a\n" + header + texts + pixels + chunk(b"IEND", b"")


def _jpeg(comment: str) -> bytes:
    body = comment.encode("utf-8")
    exif = "刘梓涵".encode("utf-16-le")
    return (b"\xff\xd8" + b"\xff\xfe" + (len(body) + 2).to_bytes(2, "big") + body
            + b"\xff\xe1" + (len(exif) + 8).to_bytes(2, "big") + b"Exif\x00\x00" + exif
            + b"\xff\xda\x00\x02" + b"\x13\x81\x23\x45\x67\x8f" + b"\xff\xd9")


def test_image_metadata_is_read(library, names):
    library.fill_coverage()
    library.root.joinpath("privacy").mkdir()
    ProtectedNames().add(library.root / "privacy" / "protected-names.txt", "刘梓涵")
    library.write("g1/ok.png", _png({"Software": "画图 1.0"}))
    library.write("g1/author.png", _png({"Author": "刘梓涵"}))
    library.write("g1/comment.jpg", _jpeg("家长 138 1234 5678"))
    library.write("g1/fake.png", b"<svg onload=alert(1)>")
    library.lesson("g1/a.md", grades=[1], body="## 教学目标\n\n![](ok.png) ![](author.png) ![](comment.jpg) "
                                                 "![](fake.png)\n\n## 教学过程\n\n过程\n")
    out = _problems(library)
    assert "ok.png" not in out
    assert "lessons/g1/author.png:" in out and "[XY-P001] 受保护的姓名“刘**”" in out
    assert "lessons/g1/comment.jpg:" in out and "[XY-P001] 电话号码“138******78”" in out
    assert "lessons/g1/fake.png: [XY-B009] 图片的内容与扩展名不符" in out
    assert "刘梓涵" not in out and MOBILE not in out


def test_audio_and_video_tags_are_read(library):
    library.fill_coverage()
    frame = b"TPE1" + (len("家长 13812345678".encode()) + 1).to_bytes(4, "big") + b"\x00\x00\x03" \
        + "家长 13812345678".encode()
    id3 = b"ID3\x04\x00\x00" + bytes([0, 0, 0, len(frame)]) + frame
    library.write("g1/talk.mp3", id3 + b"\xff\xfb" + b"\x00" * 64)
    title = "zhangsan@qq.com".encode()
    box = lambda kind, body: (len(body) + 8).to_bytes(4, "big") + kind + body  # noqa: E731
    mp4 = box(b"ftyp", b"isom\x00\x00\x00\x00") + box(b"moov", box(b"udta", box(b"\xa9nam", title)))
    library.write("g1/class.mp4", mp4)
    library.lesson("g1/a.md", grades=[1], body="## 教学目标\n\n[录音](talk.mp3) [视频](class.mp4)\n\n"
                                                 "## 教学过程\n\n过程\n")
    out = _problems(library)
    assert "lessons/g1/talk.mp3:" in out and "[XY-P001] 电话号码“138******78”" in out
    assert "lessons/g1/class.mp4:" in out and "[XY-P001] 电子邮箱" in out


_DISGUISES = ["<!-- -->", "<span></span>", "**", "\u200b", "\u2060", " ", "-", "\n", "/", ".", "_",
              "\ufe0f", "<b>", "</b>", "&#8203;", "~~"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=len(_DISGUISES) - 1), min_size=10, max_size=10),
       st.lists(st.sampled_from(["plain", "entity", "full", "circled", "percent"]), min_size=11,
                max_size=11),
       st.booleans())
def test_any_mix_of_disguises_is_found(separators, forms, in_front_matter):
    """A mobile number, each digit written one way and each gap filled
    another way, is still one number to a reader and to the guard."""
    def digit(d: str, form: str) -> str:
        return {"plain": d, "entity": f"&#{ord(d)};", "full": chr(0xFF10 + int(d)),
                "circled": "⓪①②③④⑤⑥⑦⑧⑨"[int(d)], "percent": f"%3{d}"}[form]

    text = digit(MOBILE[0], forms[0]) + "".join(
        _DISGUISES[s] + digit(d, f) for s, d, f in zip(separators, MOBILE[1:], forms[1:]))
    written = f"summary: 电话{text}。" if in_front_matter else f"家长电话：{text}。"
    assert "phone" in rules(written)


@pytest.mark.parametrize("text", ["zhangsan#qq.com", "zhangsan＃163点com", "liu (AT) qq (DOT) com"])
def test_emails_written_for_people_not_robots(text):
    assert rules(f"邮箱：{text}") == ["email"]


def test_protected_names_split_by_letters(names):
    assert rules("今天刘x梓x涵同学发言。", names) == ["name"]
    assert rules("刘老师，梓涵的妈妈也来了。", names) == []
