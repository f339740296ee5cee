"""A corpus of hostile contributions to a xinyu library — pure data, no tests.

Every contribution to the site comes from school staff we cannot vet: a
careless teacher pastes a parent's phone number split across two lines, a
careful attacker hides a script in a link title. Each `Case` below is one such
contribution, written on top of a valid library; the test harness (elsewhere)
applies it and checks the outcome.

The contract
------------

The harness starts every case from a fresh temporary repository that already
holds a valid library: `mkdocs.yml` (site_name 测试, docs_dir `content`,
theme material with `features: [content.tooltips]`, plugins search + xinyu),
`content/index.md`, one published lesson for every grade 1–12 × topic
emotion/relationships/life/study at `lessons/g{grade}/{topic}-{grade}.md`,
and the protected names 刘梓涵 and 王小明 registered (salted hashes). It then

* writes `files` (repo-relative path -> `str`, written as UTF-8, or `bytes`,
  written as is), creating folders as needed;
* creates `symlinks` (repo-relative link path -> target, with `os.symlink`)
  and `fifos` (with `os.mkfifo`);
* runs `xinyu check` and `mkdocs build`.

`expect` says what must happen:

* ``"blocked"`` — both commands fail (exit status != 0);
* ``"neutralised"`` — the build may succeed, but no contributed script may
  run in a browser (every script payload sets ``window.__pwned = 1``, so a
  browser test can look for it) and no secret may reach the built site.

`secrets` are exact strings that must never appear in full in the output of
either command (CI logs) or in any built file: a masked report such as
``138******78`` is fine, the number is not. Where a payload disguises a value
(full-width digits, traditional characters), both the plain value and the
disguise as written are listed.

Each "blocked" case has exactly one thing wrong where practical: the payload
sits in an otherwise valid lesson, case, course or registry made by the
helpers below. Families:

* ``script``    — HTML/JS injection: removed from the page, or refused file types;
* ``personal``  — phone, ID, e-mail, QQ/WeChat, address, disguised or hidden
                  in attachments, names of files, metadata, error messages;
* ``names``     — the protected names 刘梓涵 / 王小明, disguised;
* ``integrity`` — paths, links, symlinks, FIFOs and keys that escape the
                  content folders or collide with the site's own pages;
* ``yaml``      — front matter and registries that attack the YAML parser.

Everything is built deterministically with the standard library (zip
archives with fixed timestamps, hand-written PDF and PNG bytes). The OOXML
files carry the minimal parts a reader needs (content types, relationships,
the main part, docProps/core.xml), not everything Office writes.
"""

from __future__ import annotations

import io
import json
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from xml.sax.saxutils import escape


@dataclass(frozen=True)
class Case:
    id: str                      # unique, kebab-case
    family: str                  # "script" | "personal" | "names" | "integrity" | "yaml"
    files: dict                  # repo-relative path -> str (UTF-8) or bytes
    expect: str                  # "blocked" | "neutralised"
    secrets: tuple = ()          # never in full in logs or built files
    symlinks: dict = field(default_factory=dict)   # link path -> target
    fifos: tuple = ()            # paths to create as FIFOs
    note: str = ""               # one line: what it tries


# ---------------------------------------------------------------------------
# Secrets (valid-looking: mobiles of real prefixes, IDs with a correct check
# digit, a real-looking address)

MOBILE, MOBILE2, MOBILE3 = "13812345678", "15987654321", "18600001111"
ID18 = "11010519491231002X"
ID18B = "36010220100101123X"     # 360102 南昌东湖区, born 2010-01-01; check digit computed
ID15 = "110105491231002"         # the old 15-digit form (born 1949-12-31)
EMAIL, EMAIL2 = "zhangsan@qq.com", "lisi2010@163.com"
LANDLINE = "0791-86543210"
QQ = "123456789"
WECHAT = "liu_zihan2010"
NAME, NAME_TRAD, NAME2 = "刘梓涵", "劉梓涵", "王小明"
ADDRESS = "南昌市青山湖区幸福路12号3栋502室"

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_check_digit(first17: str) -> str:
    return "10X98765432"[sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS)) % 11]


assert id_check_digit(ID18[:17]) == ID18[17] and id_check_digit(ID18B[:17]) == ID18B[17]

PWN = "window.__pwned=1"  # every script payload sets this


# ---------------------------------------------------------------------------
# Valid content with a payload


class Raw(str):
    """A front-matter value written exactly as given (a YAML date, a tag)."""


def front(fields: dict, raw: str = "") -> str:
    """Front matter, one field per line; values as JSON (a subset of YAML)
    unless Raw; None leaves a field out; `raw` lines are added as written."""
    lines = [f"{key}: {value if isinstance(value, Raw) else json.dumps(value, ensure_ascii=False)}"
             for key, value in fields.items() if value is not None]
    if raw:
        lines.append(raw.rstrip("\n"))
    return "---\n" + "\n".join(lines) + "\n---\n"


def lesson_body(*payload: str) -> str:
    """教学目标 and 教学过程, the payload paragraphs inside 教学过程."""
    parts = ["## 教学目标\n\n- 认识喜、怒、哀、惧四种基本情绪。\n- 能用“因为……我感到……”说出感受。\n",
             "## 教学过程\n\n### 一、暖身活动\n\n教师提问：“你今天心情怎样？”请同学们用表情卡回答。\n",
             *(p.strip("\n") + "\n" for p in payload),
             "## 教学反思\n\n关注每一位学生的感受。\n"]
    return "\n".join(parts)


LESSON = {"title": "情绪小怪兽", "grades": [3], "topic": "emotion",
          "summary": "认识四种基本情绪，学会说出自己的感受。"}


def lesson(*payload: str, raw: str = "", **fields) -> str:
    return front({**LESSON, **fields}, raw) + lesson_body(*payload)


CASE = {"title": "从“手机大战”到家庭公约", "school": "青山湖区第二小学", "submitted": Raw("2024-06-01"),
        "grades": [5], "themes": ["亲子沟通", "手机使用"], "consent": True,
        "summary": "五年级学生沉迷手机，班主任引导全家共同制定用机公约。"}


def case_study(*payload: str, raw: str = "", **fields) -> str:
    body = ("## 案例背景\n\n小A是五年级男生，放学回家第一件事就是玩手机。\n\n"
            "## 问题分析\n\n手机管理缺少规则，亲子沟通以命令为主。\n\n"
            "## 指导过程\n\n班主任分别倾听孩子和家长，指导召开家庭会议。\n\n"
            + "".join(p.strip("\n") + "\n\n" for p in payload) +
            "## 效果与反思\n\n一个月后，小A能按公约使用手机。\n")
    return front({**CASE, **fields}, raw) + body


COURSE = {"title": "读懂孩子的情绪", "lecturer": "wang-fang", "audience": "parents", "grades": [3],
          "format": "lecture", "duration_min": 90, "themes": ["情绪", "亲子沟通"],
          "summary": "帮助家长识别孩子的情绪信号，学会共情式回应。"}


def course(*payload: str, raw: str = "", **fields) -> str:
    body = "## 课程大纲\n\n1. 情绪从哪里来。\n2. 练习倾听与回应。\n\n" + "".join(
        p.strip("\n") + "\n\n" for p in payload)
    return front({**COURSE, **fields}, raw) + body


LECTURERS = ("wang-fang:\n  name: 王芳\n  title: 国家二级心理咨询师\n"
             "  bio: 从事小学心理健康教育十二年，擅长儿童情绪辅导。\n")
COLLECTIONS = ('"2024":\n  title: 心理健康教育课例集（2024）\n  editor: 区心理健康教育辅导中心\n'
               "  description: 2024 年度月度课例展示中的优秀课例。\n")
SHOWCASE = {"collection": "2024", "month": "2024-05"}


def L(name: str) -> str:
    """A path in the third-grade lesson folder."""
    return f"lessons/g3/{name}"


def one(id: str, family: str, expect: str, note: str, *payload: str, secrets: tuple = (),
        **fields) -> Case:
    """A case whose one file is a lesson named after the case, payload in 教学过程."""
    return Case(id, family, {L(f"{id}.md"): lesson(*payload, **fields)}, expect, secrets, note=note)


def attached(id: str, family: str, expect: str, note: str, name: str, data: str | bytes,
             href: str | None = None, secrets: tuple = ()) -> Case:
    """A valid lesson that links an attachment `name` placed beside it."""
    text = lesson(f"课后请下载[学习单]({href or name})，和家长一起完成。")
    return Case(id, family, {L(f"{id}.md"): text, L(name): data}, expect, secrets, note=note)


# ---------------------------------------------------------------------------
# Binary attachments, built in memory


def _zip(parts: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 5, 6, 8, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()


_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_OD = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_OFFICE = "application/vnd.openxmlformats-officedocument"


def _types(overrides: dict[str, str]) -> str:
    return (_XML + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            + "".join(f'<Override PartName="/{p}" ContentType="{t}"/>' for p, t in overrides.items())
            + '<Override PartName="/docProps/core.xml" '
              'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>')


def _rels(*targets: tuple[str, str]) -> str:
    return (_XML + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(f'<Relationship Id="rId{i}" Type="{t}" Target="{target}"/>'
                      for i, (t, target) in enumerate(targets, 1)) + "</Relationships>")


def _package(main: str, parts: dict[str, tuple[str, str]], creator: str, title: str) -> bytes:
    """An OOXML package: `parts` maps a part name to (content type, XML)."""
    core = (_XML + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{escape(title)}</dc:title><dc:creator>{escape(creator)}</dc:creator>"
            f"<cp:lastModifiedBy>{escape(creator)}</cp:lastModifiedBy>"
            '<dcterms:created xsi:type="dcterms:W3CDTF">2024-05-06T08:00:00Z</dcterms:created>'
            "</cp:coreProperties>")
    files = {"[Content_Types].xml": _types({name: kind for name, (kind, _) in parts.items() if kind}),
             "_rels/.rels": _rels((f"{_OD}/officeDocument", main),
                                  ("http://schemas.openxmlformats.org/package/2006/relationships/"
                                   "metadata/core-properties", "docProps/core.xml")),
             "docProps/core.xml": core}
    files.update({name: xml for name, (_, xml) in parts.items()})
    return _zip(files)


def docx(*paragraphs: list[str], creator: str = "王芳", title: str = "情绪学习单") -> bytes:
    """Each paragraph a list of runs (Word splits text into runs freely)."""
    body = "".join("<w:p>" + "".join(f'<w:r><w:t xml:space="preserve">{escape(run)}</w:t></w:r>'
                                     for run in runs) + "</w:p>" for runs in paragraphs)
    document = (_XML + '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                f"<w:body>{body}</w:body></w:document>")
    return _package("word/document.xml", {
        "word/document.xml": (f"{_OFFICE}.wordprocessingml.document.main+xml", document)}, creator, title)


def xlsx(rows: list[list[str | int]], creator: str = "王芳", title: str = "分组名单") -> bytes:
    """Strings go to sharedStrings.xml, integers stay numeric cells."""
    shared: list[str] = []
    cells = []
    for r, row in enumerate(rows, 1):
        line = []
        for c, value in enumerate(row):
            ref = f"{'ABCDEFGHIJ'[c]}{r}"
            if isinstance(value, int):
                line.append(f'<c r="{ref}"><v>{value}</v></c>')
            else:
                shared.append(value)
                line.append(f'<c r="{ref}" t="s"><v>{len(shared) - 1}</v></c>')
        cells.append(f'<row r="{r}">{"".join(line)}</row>')
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    return _package("xl/workbook.xml", {
        "xl/workbook.xml": (f"{_OFFICE}.spreadsheetml.sheet.main+xml",
                            f'{_XML}<workbook {ns} xmlns:r="{_OD}"><sheets>'
                            '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": ("", _rels((f"{_OD}/worksheet", "worksheets/sheet1.xml"),
                                                 (f"{_OD}/sharedStrings", "sharedStrings.xml"))),
        "xl/worksheets/sheet1.xml": (f"{_OFFICE}.spreadsheetml.worksheet+xml",
                                     f"{_XML}<worksheet {ns}><sheetData>{''.join(cells)}"
                                     "</sheetData></worksheet>"),
        "xl/sharedStrings.xml": (f"{_OFFICE}.spreadsheetml.sharedStrings+xml",
                                 f'{_XML}<sst {ns} count="{len(shared)}" uniqueCount="{len(shared)}">'
                                 + "".join(f"<si><t>{escape(s)}</t></si>" for s in shared) + "</sst>"),
    }, creator, title)


_P_NS = ('xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
         f'xmlns:r="{_OD}" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"')


def _shapes(text: str, placeholder: str = "") -> str:
    return ('<p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/>'
            '</p:nvGrpSpPr><p:grpSpPr/><p:sp><p:nvSpPr><p:cNvPr id="2" name="Text 1"/><p:cNvSpPr/>'
            f'<p:nvPr>{placeholder}</p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:p><a:r>'
            f"<a:t>{escape(text)}</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld>")


_NOTES_BODY = '<p:ph type="body" idx="1"/>'


def pptx(slide: str, notes: str, creator: str = "王芳", title: str = "情绪小怪兽") -> bytes:
    """One slide and its speaker notes."""
    return _package("ppt/presentation.xml", {
        "ppt/presentation.xml": (f"{_OFFICE}.presentationml.presentation.main+xml",
                                 f'{_XML}<p:presentation {_P_NS}><p:sldIdLst><p:sldId id="256" r:id="rId1"/>'
                                 '</p:sldIdLst><p:sldSz cx="9144000" cy="6858000"/>'
                                 '<p:notesSz cx="6858000" cy="9144000"/></p:presentation>'),
        "ppt/_rels/presentation.xml.rels": ("", _rels((f"{_OD}/slide", "slides/slide1.xml"))),
        "ppt/slides/slide1.xml": (f"{_OFFICE}.presentationml.slide+xml",
                                  f"{_XML}<p:sld {_P_NS}>{_shapes(slide)}</p:sld>"),
        "ppt/slides/_rels/slide1.xml.rels": ("", _rels((f"{_OD}/notesSlide",
                                                        "../notesSlides/notesSlide1.xml"))),
        "ppt/notesSlides/notesSlide1.xml": (f"{_OFFICE}.presentationml.notesSlide+xml",
                                            f"{_XML}<p:notes {_P_NS}>{_shapes(notes, _NOTES_BODY)}</p:notes>"),
    }, creator, title)


def _pdf_string(text: str) -> str:
    return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def pdf(*lines: str, ops: str = "", info: dict[str, str] | None = None) -> bytes:
    """A one-page PDF 1.4: `lines` shown in Helvetica (ASCII only) through an
    uncompressed content stream, `ops` added as raw text operators, `info`
    the document information dictionary (values as PDF objects)."""
    text = ["BT", "/F1 12 Tf", "72 770 Td", "16 TL"]
    text += [f"{_pdf_string(line)} Tj T*" for line in lines]
    text += [ops] if ops else []
    content = "\n".join(text + ["ET"]).encode("latin-1")
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
               b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
               b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"\nendstream"]
    if info:
        objects.append(("<< " + " ".join(f"/{k} {v}" for k, v in info.items()) + " >>").encode("latin-1"))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    trailer = f"<< /Size {len(objects) + 1} /Root 1 0 R" + (f" /Info {len(objects)} 0 R" if info else "")
    out += f"trailer\n{trailer} >>\nstartxref\n{xref}\n".encode() + b"%%EOF\n"
    return bytes(out)


def pdf_text_utf16(text: str) -> str:
    """A PDF text string in UTF-16BE with its byte-order mark, as a hex string."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def png(itxt: dict[str, str] | None = None) -> bytes:
    """A 1×1 white PNG, optionally with iTXt (UTF-8) metadata chunks."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    meta = b"".join(chunk(b"iTXt", key.encode("latin-1") + b"\0\0\0\0\0" + value.encode("utf-8"))
                    for key, value in (itxt or {}).items())
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)) + meta
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff", 9)) + chunk(b"IEND", b""))


# Disguised digits
def fullwidth(s: str) -> str:
    return "".join(chr(0xFF10 + int(c)) if c.isdigit() else c for c in s)


def circled(s: str) -> str:
    return "".join("⓪" if c == "0" else chr(0x245F + int(c)) for c in s)


def math_bold(s: str) -> str:
    return "".join(chr(0x1D7CE + int(c)) for c in s)


def keycaps(s: str) -> str:
    return "".join(c + "\ufe0f\u20e3" for c in s)


def entities(s: str) -> str:
    """Numeric character references, alternately decimal and hexadecimal."""
    return "".join(f"&#{ord(c)};" if i % 2 == 0 else f"&#x{ord(c):x};" for i, c in enumerate(s))


def percent(s: str) -> str:
    return "".join(f"%{b:02X}" for b in s.encode("utf-8"))


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def laughs(levels: int = 9, width: int = 9) -> str:
    """A flow sequence of anchored lists, each `width` aliases of the one before."""
    names = "abcdefghijklmnop"[:levels]
    parts = [f"&a [{','.join(['哈'] * width)}]"]
    parts += [f"&{cur} [{','.join([f'*{prev}'] * width)}]" for prev, cur in zip(names, names[1:])]
    return "[" + ", ".join(parts) + "]"


SMALL_BODY = "## 教学目标\n\n- 认识情绪。\n\n## 教学过程\n\n教师提问。\n"
HTML_PAGE = f"<!doctype html><html><head><meta charset=utf-8></head><body><script>{PWN}</script></body></html>\n"
SVG = f'<svg xmlns="http://www.w3.org/2000/svg" onload="{PWN}" width="10" height="10"><script>{PWN}</script></svg>\n'

# ---------------------------------------------------------------------------
# script: injection that must be removed (neutralised), or file types that
# must be refused (blocked)

S, N = "script", "neutralised"
SCRIPT = [
    one("script-tooltip-titles", S, N, "link and abbr titles that decode to HTML; tooltips must not render them",
        f'请家长参加[家长学校](https://example.org "&lt;img src=x onerror={PWN}&gt;")的情绪课。',
        f'本课采用<abbr title="&lt;img src=x onerror={PWN}&gt;">SEL</abbr>（社会情绪学习）框架。',
        f'详见[课程说明](https://example.org/guide "&amp;lt;img src=x onerror={PWN}&amp;gt;")。'),
    one("script-img-onerror-slash-case", S, N, "img with onerror, slashes as separators, mixed case",
        f'<IMG/SRC="x"/oNeRrOr="{PWN}">'),
    one("script-svg-onload", S, N, "inline svg with onload, and SMIL onbegin that needs no interaction",
        f'<svg onload="{PWN}" width="100" height="20"><text y="15">情绪温度计</text>'
        f'<animate onbegin="{PWN}" attributeName="x" dur="1s"/></svg>'),
    one("script-details-ontoggle", S, N, "details is allowed; ontoggle fires on load when open",
        f'<details open ontoggle="{PWN}"><summary>小贴士</summary>深呼吸，数到十。</details>'),
    one("script-a-href-javascript-entities", S, N, "javascript: URL hidden with a tab entity and &#106;",
        f'<a href="&#106;av&#x09;ascript:{PWN}">点击查看答案</a>'),
    one("script-md-link-javascript", S, N, "javascript: links: mixed case, angle brackets, inside md_in_html",
        f"[开始情绪测试](  JaVaScRiPt:{PWN})", f"[下载练习](<javascript:{PWN}>)",
        f'<div markdown="1">\n[开始练习](javascript:{PWN})\n</div>'),
    one("script-reference-link-javascript", S, N, "reference-style link whose definition is javascript:",
        "请先阅读[家长指南][guide]。", f'[guide]: javascript:{PWN} "家长指南"'),
    one("script-data-and-vbscript-urls", S, N, "data:text/html and vbscript: URLs, raw and Markdown",
        f'<a href="data:text/html,&lt;script&gt;{PWN}&lt;/script&gt;">打开课件</a>',
        f"[课件备份](data:text/html,%3Cscript%3E{PWN}%3C/script%3E)",
        f'[旧版课件](vbscript:{PWN}) <a href="VBScript:{PWN}">旧版</a>'),
    one("script-attr-list-events", S, N, "attr_list sets handlers without raw HTML; autofocus fires on load",
        f'### 二、情绪猜猜猜 {{: tabindex="0" autofocus="autofocus" onfocus="{PWN}" }}\n\n分组游戏。',
        f'点击这里，和同桌一起玩“情绪猜猜猜”。\n{{: onclick="{PWN}" }}',
        f'[继续](#next){{: style="position:fixed;inset:0;opacity:0;z-index:9999" onmouseover="{PWN}" }}'),
    Case("script-config-clobber-txt", S, {
        L("script-config-clobber-txt.md"): lesson(
            '<p id="__config" hidden>{"base": ".", "features": [], "search": "w.txt", '
            '"translations": {}, "version": null}</p>', "[辅助材料](w.txt)"),
        L("w.txt"): f"self.window = self; {PWN};\n"}, N,
        note="element with Material's id __config, read before the theme's own, pointing the search worker at an attachment"),
    one("script-search-toggle-clobber", S, N, "ids and data-md-component attributes the theme mounts",
        f'<div id="__search" data-md-component="search" data-md-toggle="search"><a href="#" '
        f'data-md-component="tooltip" title="&lt;img src=x onerror={PWN}&gt;">搜索</a></div>',
        '<input type="checkbox" id="__drawer" data-md-toggle="drawer" checked>'),
    one("script-iframe-srcdoc", S, N, "iframe srcdoc that reaches the parent window",
        f'<iframe srcdoc="&lt;script&gt;parent.{PWN}&lt;/script&gt;" width="1" height="1"></iframe>'),
    one("script-object-embed", S, N, "object with javascript: data, embed with a data: document inside",
        f'<object data="javascript:{PWN}" type="text/html"><embed '
        f'src="data:text/html,&lt;script&gt;{PWN}&lt;/script&gt;"></object>'),
    one("script-form-formaction", S, N, "form action, formaction and autofocus on an allowed <button>",
        f'<form action="javascript:{PWN}"><button type="submit" formaction="javascript:{PWN}" '
        f'autofocus onfocus="{PWN}">提交心情卡</button></form>'),
    one("script-meta-refresh-base", S, N, "head elements in the body: meta refresh, and base that re-targets "
        "every relative URL (the theme's scripts included)",
        f'<meta http-equiv="refresh" content="0;url=javascript:{PWN}">', f'<base href="javascript:{PWN}//">'),
    one("script-style-element", S, N, "style element: hide the site chrome, import, url(javascript:)",
        f'<style>\n.md-header, .md-tabs {{ display: none }}\n@import url("https://evil.example/x.css");\n'
        f'body {{ background-image: url("javascript:{PWN}") }}\n</style>'),
    one("script-style-attribute-overlay", S, N, "style attribute turns a link into an invisible page overlay",
        f'<a href="#" style="position:fixed;top:0;left:0;width:100%;height:100%;opacity:0" '
        f'onmouseover="{PWN}">继续</a>'),
    one("script-math-mxss", S, N, "mutation XSS through math/mglyph/style namespace confusion",
        f'<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;'
        f'&lt;img&Tab;src=1&Tab;onerror={PWN}&gt;">'),
    one("script-unclosed-img", S, N, "unclosed tag swallows the next heading and closes on its '>'",
        f'<img src=x onerror="{PWN}"'),
    one("script-comment-abrupt-close", S, N, "'<!-->' is an empty comment in HTML5 but not to every parser",
        f"<!--><img src=x onerror={PWN}>-->"),
    one("script-entity-tag-name", S, N, "escaped tags that a later decode could turn live",
        f"&lt;img src=x onerror={PWN}&gt;", f"<&#105;mg src=x onerror={PWN}>"),
    one("script-front-matter-fields", S, N, "HTML in every text field that templates and the catalogue show",
        title=f"情绪<img src=x onerror={PWN}>小怪兽", author=f"王老师</td><script>{PWN}</script>",
        school=f'"><svg onload={PWN}>', keywords=[f"<img src=x onerror={PWN}>", "情绪"],
        summary=f"</title><script>{PWN}</script>认识情绪。"),
    Case("script-case-study", S, {"case_studies/2024/phone-pact.md": case_study(
        f"<script>{PWN}</script>", f'<img src=x onerror="{PWN}">',
        title=f"</title><script>{PWN}</script>家庭公约")}, N,
        note="script in a case study body and title"),
    Case("script-registry-and-course-fields", S, {
        "content/lecturers.yml": LECTURERS + f'evil-lecturer:\n  name: "<img src=x onerror={PWN}>"\n'
                                             f'  title: "</title><script>{PWN}</script>"\n'
                                             f'  bio: "[简介](javascript:{PWN})"\n',
        "content/courses/feelings.md": course(f'<img src=x onerror="{PWN}">',
                                              title=f"<svg onload={PWN}>读懂情绪",
                                              themes=[f"<img src=x onerror={PWN}>"]),
        "lessons/collections.yml": COLLECTIONS.replace("心理健康教育课例集（2024）",
                                                       f"<img src=x onerror={PWN}>课例集"),
        L("showcase-lesson.md"): lesson(showcase=SHOWCASE)}, N,
        note="HTML in lecturer, course and collection fields rendered by templates and catalogue.json"),
    Case("script-content-page", S, {"content/about.md": (
        f"# 关于我们\n\n<img src=x onerror=\"{PWN}\">\n\n<script>{PWN}</script>\n\n"
        f'[联系](javascript:{PWN})\n')}, N, note="raw HTML in a hand-written page in docs_dir"),
    # refused file types
    attached("script-attachment-html", S, "blocked", "an .html attachment runs on the site's origin",
             "activity.html", HTML_PAGE),
    attached("script-attachment-svg", S, "blocked", "an .svg attachment with onload and script",
             "feelings-chart.svg", SVG),
    attached("script-attachment-js", S, "blocked", "a .js attachment", "game.js", f"{PWN};\n"),
    attached("script-attachment-xml", S, "blocked", "an XHTML-namespaced .xml attachment runs scripts",
             "sheet.xml", f'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">'
                          f"<script>{PWN}</script></html>\n"),
    attached("script-attachment-exe", S, "blocked", "an .exe attachment",
             "timer.exe", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 50 + PWN.encode()),
    attached("script-attachment-double-extension", S, "blocked", "'学习单.pdf.htm' looks like a PDF",
             "学习单.pdf.htm", HTML_PAGE),
    Case("script-config-clobber-js", S, {
        L("script-config-clobber-js.md"): lesson(
            '<p id="__config" hidden>{"base":".","features":[],"search":"w.js"}</p>', "[辅助材料](w.js)"),
        L("w.js"): f"{PWN};\n"}, "blocked", note="__config clobbering with a linked .js worker (the .js is refused)"),
    Case("script-content-html-file", S, {"content/games/bubble.html": HTML_PAGE}, "blocked",
         note="an .html file in docs_dir, copied as is by MkDocs"),
    Case("script-content-theme-bundle-override", S, {
        "content/assets/javascripts/bundle.a5f9d56c.min.js": f"{PWN};\n"}, "blocked",
         note="a docs_dir file that replaces Material 9.8.2's main bundle"),
    Case("script-content-worker-override", S, {
        "content/assets/javascripts/workers/xinyu-search.js": f"self.{PWN};\n",
        "content/assets/xinyu/filter.js": f"{PWN};\n"}, "blocked",
         note="docs_dir files at the paths of the plugin's own search worker and filter script"),
    Case("script-showcase-video-javascript", S, {
        "lessons/collections.yml": COLLECTIONS,
        L("script-showcase-video-javascript.md"): lesson(
            showcase={**SHOWCASE, "video": f"javascript:{PWN}"})}, "blocked",
         note="showcase.video must be an http(s) address"),
]

# ---------------------------------------------------------------------------
# personal: data that identifies a child, disguised or hidden (all blocked)

P, B = "personal", "blocked"


def said(text: str) -> str:
    return f"课后如需沟通，请联系学生家长：{text}。"


PERSONAL = [
    one("personal-phone-comment-split", P, B, "mobile split by empty HTML comments",
        said("138<!-- -->1234<!-- -->5678"), secrets=(MOBILE,)),
    one("personal-phone-span-split", P, B, "mobile split across span elements",
        said("<span>138</span><span>1234</span>5678"), secrets=(MOBILE,)),
    one("personal-phone-bold-split", P, B, "mobile split by bold markers",
        said("**138**1234**5678**"), secrets=(MOBILE,)),
    one("personal-phone-underscore-split", P, B, "mobile inside underscore emphasis, underscores as separators",
        said("_138_1234_5678_"), secrets=(MOBILE,)),
    one("personal-phone-line-break", P, B, "mobile broken over two source lines of one paragraph",
        "家长手机1381234\n5678，晚上八点后方便接听。", secrets=(MOBILE,)),
    one("personal-phone-slashes-dots", P, B, "mobile grouped with a slash and a dot", said("138/1234.5678"),
        secrets=(MOBILE,)),
    one("personal-phone-zero-width-space", P, B, "U+200B between every digit",
        said("\u200b".join(MOBILE)), secrets=(MOBILE,)),
    one("personal-phone-keycaps", P, B, "keycap emoji digits (digit + U+FE0F + U+20E3)",
        said(keycaps(MOBILE2)), secrets=(MOBILE2, keycaps(MOBILE2))),
    one("personal-phone-fullwidth", P, B, "full-width digits", said(fullwidth(MOBILE)),
        secrets=(MOBILE, fullwidth(MOBILE))),
    one("personal-phone-circled", P, B, "circled digits", said(circled(MOBILE)),
        secrets=(MOBILE, circled(MOBILE))),
    one("personal-phone-math-digits", P, B, "mathematical bold digits", said(math_bold(MOBILE3)),
        secrets=(MOBILE3, math_bold(MOBILE3))),
    one("personal-phone-chinese-numerals", P, B, "phone written in Chinese numerals",
        said("一三八一二三四五六七八"), secrets=(MOBILE, "一三八一二三四五六七八")),
    one("personal-phone-entities", P, B, "numeric character references, decimal and hex",
        said(entities(MOBILE)), secrets=(MOBILE,)),
    one("personal-phone-tel-percent", P, B, "percent-encoded digits in a tel: link",
        f"[一键拨打家长电话](tel:{percent(MOBILE)})", secrets=(MOBILE,)),
    one("personal-landline-parenthesised", P, B, "landline with the area code in parentheses, spaced",
        said("（0791）8654 3210"), secrets=("86543210", LANDLINE)),
    one("personal-email-entity-at", P, B, "'@' as &#64;", said("zhangsan&#64;qq.com"), secrets=(EMAIL,)),
    one("personal-email-fullwidth-at", P, B, "full-width at sign", said("zhangsan＠qq.com"),
        secrets=(EMAIL, "zhangsan＠qq.com")),
    one("personal-email-bracket-at", P, B, "'[at]' for '@'", said("zhangsan[at]qq.com"),
        secrets=(EMAIL, "zhangsan[at]qq.com")),
    one("personal-qq-koukou", P, B, "QQ spelled 扣扣号", "孩子的扣扣号 123456789，周末会上线。",
        secrets=(QQ,)),
    one("personal-qq-penguin", P, B, "QQ spelled 企鹅号", "有事可以加企鹅号：123456789", secrets=(QQ,)),
    one("personal-qq-spaced", P, B, "'Q Q：' with a space", "家长 Q Q：123456789", secrets=(QQ,)),
    one("personal-qq-fullwidth-group", P, B, "full-width 'ＱＱ群'", "本班家长ＱＱ群：123456789",
        secrets=(QQ,)),
    one("personal-wechat-v-xin", P, B, "WeChat spelled V信", f"V信：{WECHAT}", secrets=(WECHAT,)),
    one("personal-wechat-homophone", P, B, "WeChat spelled 薇信", f"家长薇信 {WECHAT}（备注班级）",
        secrets=(WECHAT,)),
    one("personal-wechat-vx", P, B, "'vx:' without a space", f"有问题vx:{WECHAT}", secrets=(WECHAT,)),
    one("personal-wechat-wx-hao", P, B, "'wx号'", f"孩子自己的wx号 {WECHAT}", secrets=(WECHAT,)),
    one("personal-id-word-joiner-lower-x", P, B, "U+2060 and U+FEFF between groups, lower-case check letter",
        "报名信息：360102\u206020100101\ufeff123x", secrets=(ID18B, ID18B.lower())),
    one("personal-address-spaced", P, B, "home address with spaces between parts",
        "家访地址：南昌市 青山湖区 幸福路 12 号 3 栋 502 室", secrets=(ADDRESS, "幸福路 12 号 3 栋 502 室")),
    one("personal-address-courtyard", P, B, "院 / 号楼 / 单元 form", "孩子住在民生家园8号院2号楼3单元401",
        secrets=("8号院2号楼3单元401",)),
    one("personal-address-lane-numerals", P, B, "弄 with Chinese numerals",
        "家住愚园路一〇八八弄六号三〇二室", secrets=("愚园路一〇八八弄六号三〇二室",)),
    one("personal-address-village-group", P, B, "village and group in Chinese numerals",
        "留守儿童，家住湖坊镇塘山村三组，由奶奶照顾。", secrets=("塘山村三组",)),
    one("personal-html-comment", P, B, "phone hidden in an HTML comment (never shown, still published source)",
        f"<!-- 回访用：家长手机 {MOBILE} -->\n教师小结。", secrets=(MOBILE,)),
    # attachments
    attached("personal-attachment-txt", P, B, "phone in a .txt attachment", "家长须知.txt",
             f"如有疑问请联系班主任或家长：{MOBILE}\n", secrets=(MOBILE,)),
    attached("personal-attachment-csv", P, B, "class roster .csv with ID and phone columns", "分组.csv",
             f"组别,姓名,身份证号,家长电话\n1,小A,{ID18B},{MOBILE2}\n", secrets=(ID18B, MOBILE2)),
    attached("personal-attachment-docx-runs", P, B, "phone split across Word runs", "学习单.docx",
             docx(["我的情绪日记"], ["家长签字：", "138", "1234", "5678"]), secrets=(MOBILE,)),
    attached("personal-attachment-docx-creator", P, B, "name only in docProps/core.xml creator",
             "情绪日记.docx", docx(["我的情绪日记"], ["今天我感到很开心。"], creator=NAME), secrets=(NAME,)),
    attached("personal-attachment-pptx-notes", P, B, "address only in the speaker notes", "课件.pptx",
             pptx("情绪小怪兽", f"家访：{ADDRESS}"), secrets=(ADDRESS,)),
    attached("personal-attachment-xlsx-numeric", P, B, "phone as a numeric Excel cell", "名单.xlsx",
             xlsx([["组别", "家长电话"], [1, int(MOBILE)]]), secrets=(MOBILE,)),
    attached("personal-attachment-pdf-text", P, B, "phone in an uncompressed PDF text stream", "worksheet.pdf",
             pdf("Feelings worksheet", f"Parent phone: {MOBILE}"), secrets=(MOBILE,)),
    attached("personal-attachment-pdf-author", P, B, "name only in /Author, UTF-16BE hex", "story.pdf",
             pdf("My feelings story", info={"Title": "(Story)", "Author": pdf_text_utf16(NAME)}),
             secrets=(NAME,)),
    Case("personal-content-notes-txt", P, {"content/notes.txt": f"家访记录：{ADDRESS}\n"}, B, (ADDRESS,),
         note="a non-Markdown file in docs_dir, copied as is"),
    Case("personal-content-markdown-page", P, {"content/家长联系表.md": (
        f"# 家长联系表\n\n| 组 | 家长电话 |\n|---|---|\n| 1 | {MOBILE2} |\n")}, B, (MOBILE2,),
        note="a hand-written Markdown page in docs_dir"),
    # names of files and folders
    Case("personal-lesson-file-name", P, {L(f"{MOBILE}.md"): lesson()}, B, (MOBILE,),
         note="a valid lesson whose file name (its web address) is a phone number"),
    Case("personal-folder-name", P, {f"lessons/{NAME}/feelings.md": lesson()}, B, (NAME,),
         note="a folder named after a student"),
    attached("personal-attachment-file-name", P, B, "attachment file name with name and phone",
             f"{NAME}-{MOBILE}.pdf", pdf("Drawing"), secrets=(NAME, MOBILE)),
    attached("personal-attachment-percent-name", P, B, "percent-encoded link to a file named by a phone",
             f"sheet-{MOBILE}.pdf", pdf("Sheet"), href=f"sheet-{percent(MOBILE)}.pdf", secrets=(MOBILE,)),
    # values echoed by validation messages
    one("personal-echo-status", P, B, "invalid status whose value is a phone", status=MOBILE, secrets=(MOBILE,)),
    one("personal-echo-topic", P, B, "invalid topic whose value is a name", topic=NAME, secrets=(NAME,)),
    one("personal-echo-missing-attachment", P, B, "link to a missing attachment named by name and phone",
        f"[学习单]({NAME}-{MOBILE}.pdf)", secrets=(NAME, MOBILE)),
    Case("personal-echo-yaml-error", P, {L("personal-echo-yaml-error.md"): lesson(
        summary=None, raw=f"summary: 家长电话: {MOBILE} 请回电")}, B, (MOBILE,),
        note="YAML syntax error on a line holding a phone; parser messages quote the line"),
    # registries, courses, cases
    Case("personal-collections-editor", P, {"lessons/collections.yml": COLLECTIONS.replace(
        "区心理健康教育辅导中心", f"区心理健康教育辅导中心（联系人邮箱 {EMAIL}）")}, B, (EMAIL,),
        note="e-mail in lessons/collections.yml"),
    Case("personal-lecturer-bio", P, {"content/lecturers.yml": LECTURERS.replace(
        "擅长儿童情绪辅导。", f"擅长儿童情绪辅导。预约请拨 {MOBILE2}。")}, B, (MOBILE2,),
        note="mobile in a lecturer's bio"),
    Case("personal-course-summary", P, {"content/lecturers.yml": LECTURERS, "content/courses/feelings.md":
        course(summary=f"报名请发邮件至 {EMAIL2}，注明孩子姓名。")}, B, (EMAIL2,),
        note="e-mail in a course summary"),
    Case("personal-case-body", P, {"case_studies/2024/phone-pact.md": case_study(
        f"第一次家访在小A家中（{ADDRESS}），父母都在场。")}, B, (ADDRESS,), note="home address in a case study"),
]

# ---------------------------------------------------------------------------
# names: the protected names, disguised (all blocked)

M = "names"
NAMES = [
    one("names-comment-split", M, B, "name split by an empty comment", "刘<!-- -->梓涵同学第一个举手。",
        secrets=(NAME,)),
    one("names-bold-split", M, B, "name split by bold markers", "请**刘**梓涵同学分享。", secrets=(NAME,)),
    one("names-span-split", M, B, "name split across spans", '<span class="x">王</span><span>小明</span>说：“我很生气。”',
        secrets=(NAME2,)),
    one("names-spaces", M, B, "name with ideographic spaces", "班长王　小　明带领大家做游戏。",
        secrets=(NAME2, "王　小　明")),
    one("names-line-break", M, B, "name broken across source lines", "今天刘梓\n涵同学哭了。",
        secrets=(NAME,)),
    one("names-zero-width", M, B, "zero-width space and non-joiner inside the name",
        "王\u200b小\u200c明同学主动道歉。", secrets=(NAME2,)),
    one("names-entities", M, B, "name as decimal character references",
        "&#21016;&#26771;&#28085;同学的作品获奖。", secrets=(NAME,)),
    one("names-traditional-title", M, B, "traditional form in the title", title="劉梓涵的情緒日記",
        secrets=(NAME, NAME_TRAD)),
    one("names-ruby", M, B, "name with pinyin annotations between characters",
        "<ruby>刘<rt>liú</rt>梓<rt>zǐ</rt>涵<rt>hán</rt></ruby>同学上台表演。", secrets=(NAME,)),
    one("names-link-title", M, B, "name only in a link title", '[优秀作品](https://example.org/a "刘梓涵的作品")',
        secrets=(NAME,)),
    Case("names-alt-text", M, {L("names-alt-text.md"): lesson("![王小明的情绪画](drawing.png)"),
                               L("drawing.png"): png()}, B, (NAME2,), note="name only in image alt text"),
    Case("names-file-name", M, {L(f"{NAME2}的成长.md"): lesson()}, B, (NAME2,),
         note="name in a lesson's file name (its web address)"),
]

# ---------------------------------------------------------------------------
# integrity: paths, links and keys that escape or collide (all blocked)

I = "integrity"
_LINKED = lesson("课后请下载[学习单](worksheet.pdf)。")
INTEGRITY = [
    Case("integrity-collection-key-traversal", I, {"lessons/collections.yml": (
        '"../../../../escaped-collection":\n  title: 课例集\n  editor: 辅导中心\n  description: 说明。\n')},
        B, note="a collection key that becomes ../../ in the output path"),
    Case("integrity-lecturer-key-traversal", I, {"content/lecturers.yml": LECTURERS + (
        '"../../escaped-lecturer":\n  name: 李老师\n  title: 心理教师\n')}, B,
        note="a lecturer key that becomes ../../ in the output path"),
    Case("integrity-lesson-three-dots", I, {L("...md"): lesson()}, B, note="file '...md': its stem is '..'"),
    Case("integrity-lesson-two-dots", I, {L("..md"): lesson()}, B, note="file '..md': its stem is '.'"),
    Case("integrity-lesson-dotfile", I, {L(".hidden.md"): lesson()}, B,
         note="a hidden lesson file, easy to miss in review"),
    Case("integrity-lesson-space-name", I, {L("my lesson.md"): lesson()}, B, note="a space in the file name"),
    Case("integrity-lesson-percent-name", I, {L("%2e%2e.md"): lesson()}, B,
         note="'%2e%2e' decodes to '..' in the page address"),
    Case("integrity-lesson-slug-index", I, {L("index.md"): lesson()}, B,
         note="slug 'index' collides with the lesson index page"),
    Case("integrity-symlink-passwd", I, {}, B, symlinks={L("passwd.md"): "/etc/passwd"},
         note="a lesson that is a symlink to /etc/passwd"),
    Case("integrity-symlink-dir-tmp", I, {}, B, symlinks={"lessons/linked": "/tmp"},
         note="a symlinked folder outside the repository (may contain the repository itself)"),
    Case("integrity-symlink-dir-relative", I, {}, B, symlinks={L("up"): "../../.."},
         note="a relative folder symlink to the repository's parent"),
    Case("integrity-symlink-dangling", I, {}, B, symlinks={L("gone.md"): "missing-lesson.md"},
         note="a dangling .md symlink must be reported, not skipped"),
    Case("integrity-fifo-lesson", I, {}, B, fifos=(L("pipe.md"),),
         note="a FIFO named like a lesson: reading it would hang the build"),
    one("integrity-attachment-dotdot", I, B, "attachment link climbing out to /etc/passwd",
        "[学习单](" + "../" * 12 + "etc/passwd)"),
    one("integrity-attachment-absolute", I, B, "attachment link with an absolute path",
        "[学习单](/etc/passwd)"),
    Case("integrity-attachment-symlink-environ", I, {L("integrity-attachment-symlink-environ.md"):
         lesson("[环境说明](env.txt)")}, B, symlinks={L("env.txt"): "/proc/self/environ"},
         note="an attachment symlinked to the build's environment variables"),
    Case("integrity-course-id-collision", I, {
        "content/lecturers.yml": LECTURERS,
        "content/courses/primary/family-talk.md": course(),
        "content/courses/junior/family-talk.md": course(title="和青春期孩子谈心", grades=[7])}, B,
        note="two courses with the same file name in different folders: one id, one page"),
    Case("integrity-content-catalogue-override", I, {"content/catalogue.json": json.dumps(
        {"version": 1, "courses": [{"id": "x", "title": "点我", "url": f"javascript:{PWN}"}]},
        ensure_ascii=False)}, B, note="docs_dir file at the path of the generated catalogue.json"),
    Case("integrity-content-symlink-passwd", I, {}, B, symlinks={"content/passwd.md": "/etc/passwd"},
         note="a hand-written page that is a symlink to /etc/passwd"),
]

# ---------------------------------------------------------------------------
# yaml: front matter and registries that attack the parser (all blocked)

Y = "yaml"


def yaml_lesson(id: str, note: str, raw: str, body: str = SMALL_BODY, **fields) -> Case:
    return Case(id, Y, {L(f"{id}.md"): front({**LESSON, **fields}, raw) + body}, B, note=note)


YAML = [
    yaml_lesson("yaml-billion-laughs", "9 levels of 9 aliases in one field, file under 1 KB",
                f"keywords: {laughs()}", summary="认识情绪。"),
    yaml_lesson("yaml-alias-reuse", "an anchored title reused by an alias (aliases are refused)",
                'title: &t "情绪小怪兽"\nsummary: *t', title=None, summary=None),
    yaml_lesson("yaml-deep-flow-nesting", "a flow sequence nested 5000 deep", f"keywords: {nested(5000)}"),
    yaml_lesson("yaml-huge-front-matter", "3 MB of front matter",
                'summary: "' + "认识情绪，表达情绪。" * 105_000 + '"', summary=None),
    yaml_lesson("yaml-python-object-apply", "a python tag that runs a command with an unsafe loader",
                'summary: !!python/object/apply:os.system ["echo pwned"]', summary=None),
    yaml_lesson("yaml-binary-tag", "a !!binary value where text is expected",
                "summary: !!binary 5oOF57uq5bCP5oCq5YW9", summary=None),
    yaml_lesson("yaml-list-key", "a complex key that is a list (unhashable)",
                '? [title, grades]\n: "重复的标题"'),
    yaml_lesson("yaml-huge-integer", "a 5000-digit integer (over Python's int-from-string limit)",
                "periods: " + "9" * 5000),
    Case("yaml-collections-merge-key", Y, {"lessons/collections.yml": (
        "base: &base\n  title: 模板\n  editor: 区心理健康教育辅导中心\n  description: 说明。\n"
        '"2024":\n  <<: *base\n  title: 心理健康教育课例集（2024）\n')}, B,
        note="merge key with an alias in lessons/collections.yml"),
    Case("yaml-collections-billion-laughs", Y, {"lessons/collections.yml": (
        f'"2024":\n  title: 课例集\n  editor: 辅导中心\n  description: {laughs()}\n')}, B,
        note="alias bomb in a collection's description"),
    Case("yaml-lecturers-python-tag", Y, {"content/lecturers.yml": LECTURERS + (
        'li-lei:\n  name: 李雷\n  title: 心理教师\n  bio: !!python/object/new:subprocess.check_output [["id"]]\n')},
        B, note="python tag in content/lecturers.yml"),
    Case("yaml-lecturers-deep-nesting", Y, {"content/lecturers.yml": LECTURERS + (
        f"li-lei:\n  name: 李雷\n  title: 心理教师\n  bio: {nested(5000)}\n")}, B,
        note="5000-deep nesting in content/lecturers.yml"),
]

CASES: list[Case] = SCRIPT + PERSONAL + NAMES + INTEGRITY + YAML


def _self_check() -> None:
    ids = [case.id for case in CASES]
    assert len(ids) == len(set(ids)), "duplicate case ids"
    for case in CASES:
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", case.id), case.id
        assert case.family in ("script", "personal", "names", "integrity", "yaml"), case.id
        assert case.expect in ("blocked", "neutralised"), case.id
        assert case.files or case.symlinks or case.fifos, case.id
        if case.family in ("personal", "names"):
            assert case.secrets and case.expect == "blocked", case.id
        if case.expect == "neutralised":
            text = "".join(v if isinstance(v, str) else v.decode("latin-1") for v in case.files.values())
            assert "__pwned" in text, case.id


_self_check()
