"""An independent hold-out set of hostile contributions (written without
reading tests/hostile_cases.py or tests/test_hostile.py).

Same contract as the developers' corpus: each Case is written over a small
valid repository; "blocked" cases must make both `xinyu check` and
`mkdocs build` fail (cleanly), "neutralised" cases may build but must not run
contributed script or publish a secret. Every case is one realistic
contribution (a teacher's lesson, a family-education case, a course, an
attachment, a registry) with one hostile thing in it.

Stdlib only and deterministic: documents and media (docx, xlsx, pptx, odt,
pdf, png, mp3, mp4) are built here byte for byte, with fixed timestamps.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Case:
    id: str
    family: str  # "script", "personal", "names", "integrity", "yaml"
    files: dict
    expect: str  # "blocked" | "neutralised"
    secrets: tuple = ()
    symlinks: dict = field(default_factory=dict)
    fifos: tuple = ()
    note: str = ""


# ---------------------------------------------------------------------------
# Personal data used below (all fictitious, but shaped like the real thing)
# ---------------------------------------------------------------------------

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def resident_id(first17: str) -> str:
    """An 18-digit resident ID number with its correct check character."""
    assert len(first17) == 17 and first17.isdigit()
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS))
    return first17 + "10X98765432"[total % 11]


def _valid_id(number: str) -> bool:
    import datetime

    try:
        datetime.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    return resident_id(number[:17]) == number.upper()


ID_X = resident_id("11010520120315002")      # ends in X (born 2012-03-15)
ID_A = resident_id("36010220130708123")      # born 2013-07-08
ID_B = resident_id("44030420110922456")      # born 2011-09-22
assert ID_X.endswith("X") and all(_valid_id(i) for i in (ID_X, ID_A, ID_B))

MOBILE_A = "13912340000"
MOBILE_B = "13812345678"
MOBILE_C = "17788889999"
MOBILE_D = "15907916543"
QQ_A = "2345678901"          # ten digits, not shaped like a phone number
EMAIL_A = "liumama2013@163.com"
NAME_A = "刘梓涵"              # registered as protected by the harness
NAME_B = "王小明"              # registered as protected by the harness

# ---------------------------------------------------------------------------
# Content builders
# ---------------------------------------------------------------------------

_GOALS = "## 教学目标\n\n- 认识并说出自己的情绪。\n- 学会一种平复情绪的方法。\n\n"
_STEPS = "## 教学过程\n\n### 一、暖身\n\n全班做“情绪天气预报”。\n\n"


def lesson(body: str = "", *, title: str = "情绪天气预报", grades: str = "[3]",
           topic: str = "emotion", summary: str = "用天气比喻情绪，学会表达心情。",
           extra: str = "", goals: str = _GOALS) -> str:
    """A valid lesson; `body` is added to the teaching-process section and
    `extra` (YAML lines) to the front matter."""
    return (f"---\ntitle: {title}\ngrades: {grades}\ntopic: {topic}\nsummary: {summary}\n"
            f"{extra}---\n{goals}{_STEPS}{body}\n")


def case_study(body: str = "", *, title: str = "从“手机大战”到家庭约定",
               extra: str = "", summary: str = "父母与孩子共同制定手机使用约定。") -> str:
    return (f"---\ntitle: {title}\nschool: 青山湖区第二小学\nsubmitted: 2024-06-01\n"
            f"grades: [5]\nthemes: [亲子沟通, 手机使用]\nconsent: true\nsummary: {summary}\n"
            f"{extra}---\n"
            "## 案例背景\n\n五年级男孩小宇（化名）沉迷手机游戏，与父母冲突不断。\n\n"
            "## 问题分析\n\n亲子沟通方式单一，家庭缺少共同约定。\n\n"
            "## 指导过程\n\n班主任指导家长召开家庭会议，共同商定规则。\n\n"
            f"## 效果与反思\n\n一个月后冲突明显减少。\n\n{body}\n")


LECTURERS = ("li-hua:\n  name: 李华\n  title: 心理健康教育高级教师\n"
             "  bio: 从事中小学心理健康教育十年。\n")


def course(body: str = "", *, title: str = "读懂孩子的情绪", summary: str = "帮助家长识别孩子的情绪信号。",
           lecturer: str = "li-hua", extra: str = "") -> str:
    return (f"---\ntitle: {title}\nlecturer: {lecturer}\naudience: parents\ngrades: \"1-3\"\n"
            f"format: lecture\nduration_min: 90\nthemes: [情绪, 亲子沟通]\nsummary: {summary}\n"
            f"{extra}---\n## 课程大纲\n\n1. 情绪从哪里来\n2. 家长怎样回应\n\n{body}\n")


# ---------------------------------------------------------------------------
# Document builders (deterministic)
# ---------------------------------------------------------------------------

_EPOCH = (2024, 5, 1, 8, 0, 0)


def zip_bytes(members: list[tuple[str, bytes]], stored: bool = True) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return out.getvalue()


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFDOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def docx(paragraphs_xml: str, document_rels: str = "", extra: list | None = None,
         creator: str = "心理教研组") -> bytes:
    """A minimal Word document: `paragraphs_xml` is the body's XML."""
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.wordprocessingml.document.main+xml"/>'
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-'
        'package.core-properties+xml"/></Types>')
    rels = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{_RELS}">'
            f'<Relationship Id="rId1" Type="{_OFFDOC}/officeDocument" Target="word/document.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
            'relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>')
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {_W} {_R}>'
                f'<w:body>{paragraphs_xml}<w:sectPr/></w:body></w:document>')
    doc_rels = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f'<Relationships xmlns="{_RELS}">{document_rels}</Relationships>')
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties '
            'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>学习单</dc:title>'
            f'<dc:creator>{creator}</dc:creator></cp:coreProperties>')
    members = [("[Content_Types].xml", content_types.encode()), ("_rels/.rels", rels.encode()),
               ("word/document.xml", document.encode()),
               ("word/_rels/document.xml.rels", doc_rels.encode()),
               ("docProps/core.xml", core.encode())]
    return zip_bytes(members + (extra or []))


def para(text: str) -> str:
    return f"<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


def xlsx(sheet_rows_xml: str, styles_xml: str = "") -> bytes:
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.styles+xml"/></Types>')
    rels = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{_RELS}">'
            f'<Relationship Id="rId1" Type="{_OFFDOC}/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>')
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    workbook = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook {ns} {_R}>'
                '<sheets><sheet name="通讯录" sheetId="1" r:id="rId1"/></sheets></workbook>')
    wb_rels = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{_RELS}">'
               f'<Relationship Id="rId1" Type="{_OFFDOC}/worksheet" Target="worksheets/sheet1.xml"/>'
               f'<Relationship Id="rId2" Type="{_OFFDOC}/styles" Target="styles.xml"/></Relationships>')
    sheet = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet {ns}>'
             f'<sheetData>{sheet_rows_xml}</sheetData></worksheet>')
    styles = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet {ns}>'
              f'{styles_xml}</styleSheet>')
    return zip_bytes([("[Content_Types].xml", content_types.encode()), ("_rels/.rels", rels.encode()),
                      ("xl/workbook.xml", workbook.encode()), ("xl/_rels/workbook.xml.rels", wb_rels.encode()),
                      ("xl/worksheets/sheet1.xml", sheet.encode()), ("xl/styles.xml", styles.encode())])


def odt(content_body: str, scripts: str = "", extra: list | None = None) -> bytes:
    office = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
              'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
              'xmlns:script="urn:oasis:names:tc:opendocument:xmlns:script:1.0" '
              'xmlns:xlink="http://www.w3.org/1999/xlink" '
              'xmlns:dom="http://www.w3.org/2001/xml-events" office:version="1.3"')
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {office}>'
               f'{scripts}<office:body><office:text>{content_body}</office:text></office:body>'
               '</office:document-content>')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')
    return zip_bytes([("mimetype", b"application/vnd.oasis.opendocument.text"),
                      ("META-INF/manifest.xml", manifest.encode()),
                      ("content.xml", content.encode())] + (extra or []))


def nested_pptx(depth: int) -> bytes:
    """A presentation that embeds a presentation that embeds ... `depth` deep."""
    data = zip_bytes([("ppt/slides/slide1.xml",
                       b'<p:sld xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>')])
    for _ in range(depth):
        data = zip_bytes([("ppt/slides/slide1.xml",
                           b'<p:sld xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>'),
                          ("ppt/media/inner.pptx", data)])
    return data


def corrupt_member(data: bytes, old: bytes, new: bytes) -> bytes:
    """Change stored bytes without updating the CRC (a damaged download)."""
    assert len(old) == len(new) and data.count(old) == 1
    return data.replace(old, new)


def mark_encrypted(data: bytes, member: str) -> bytes:
    """Set the 'encrypted' flag of one member (local header and central directory)."""
    raw = bytearray(data)
    name = member.encode()
    local = raw.find(b"PK\x03\x04")
    while local != -1:
        name_len = struct.unpack_from("<H", raw, local + 26)[0]
        if raw[local + 30: local + 30 + name_len] == name:
            flags = struct.unpack_from("<H", raw, local + 6)[0]
            struct.pack_into("<H", raw, local + 6, flags | 1)
            break
        local = raw.find(b"PK\x03\x04", local + 4)
    central = raw.find(b"PK\x01\x02")
    while central != -1:
        name_len = struct.unpack_from("<H", raw, central + 28)[0]
        if raw[central + 46: central + 46 + name_len] == name:
            flags = struct.unpack_from("<H", raw, central + 8)[0]
            struct.pack_into("<H", raw, central + 8, flags | 1)
            break
        central = raw.find(b"PK\x01\x02", central + 4)
    return bytes(raw)


def pdf(objects: list[bytes], root_extra: bytes = b"", info: bytes = b"<< /Producer (xinyu) >>",
        page_extra: bytes = b"", text: bytes = b"Worksheet") -> bytes:
    """A one-page PDF (Helvetica text `text`); `objects` are appended after the
    six standard objects (numbered from 7) and may be referenced from
    `root_extra` (catalog entries) or `page_extra` (page entries)."""
    stream = b"BT /F1 12 Tf 72 720 Td (" + text + b") Tj ET"
    standard = [
        b"<< /Type /Catalog /Pages 2 0 R " + root_extra + b" >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> " + page_extra + b" >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        info,
    ]
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(standard + objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(offsets) + 1, xref)
    return bytes(out)


def png(width: int = 1, height: int = 1, rgba: bytes = b"\x00\x00\x00\x00") -> bytes:
    """A valid (by default transparent 1x1) PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\x00" + rgba * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def png_with(chunks: list[tuple[bytes, bytes]], trailer: bytes = b"") -> bytes:
    """A 1x1 PNG with extra chunks (kind, data) before the image data, and
    `trailer` bytes after IEND."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    base = png()
    head, rest = base[:33], base[33:]  # signature + IHDR | IDAT + IEND
    return head + b"".join(chunk(k, d) for k, d in chunks) + rest + trailer


_MPEG_FRAME = b"\xff\xfb\x90\x00" + b"\x00" * 413  # one silent MPEG-1 layer III frame


def ape_tag(items: dict[str, str]) -> bytes:
    """An APEv2 tag (footer only), as foobar2000 and many Chinese players write it."""
    body = b"".join(struct.pack("<II", len(v.encode()), 0) + k.encode("ascii") + b"\x00" + v.encode()
                    for k, v in items.items())
    footer = b"APETAGEX" + struct.pack("<IIII", 2000, len(body) + 32, len(items), 0) + b"\x00" * 8
    return body + footer


def nested_mp4(depth: int) -> bytes:
    box = struct.pack(">I4s", 8, b"moov")
    for _ in range(depth):
        box = struct.pack(">I4s", len(box) + 8, b"moov") + box
    return struct.pack(">I4s4sI", 16, b"ftyp", b"isom", 0x200) + box


PAYLOAD = "window.__pwned=1"
IMG_PAYLOAD = f"<img src=x onerror={PAYLOAD}>"

CASES: list[Case] = []


def add(case: Case) -> None:
    assert case.id.startswith("holdout-") and case.id not in {c.id for c in CASES}, case.id
    assert case.family in ("script", "personal", "names", "integrity", "yaml"), case.family
    assert case.expect in ("blocked", "neutralised"), case.expect
    CASES.append(case)


# ===========================================================================
# personal: data that identifies a child, in disguises a reader still reads
# ===========================================================================

add(Case(
    "holdout-personal-two-mobiles-slash", "personal",
    {"case_studies/2024/phone-agreement.md": case_study(
        f"（孩子父母的联系电话：{MOBILE_A} / {MOBILE_B}，回访时使用。）")},
    "blocked", (MOBILE_A, MOBILE_B),
    note="Two mobiles written 'A / B' (the usual way): the separator between them is "
         "collapsed like a separator inside one number, and 22 digits match nothing."))

add(Case(
    "holdout-personal-two-mobiles-space-course-catalogue", "personal",
    {"content/lecturers.yml": LECTURERS,
     "content/courses/parent-volunteers.md": course(
         summary=f"由试点班家长志愿者分享经验（报名联系 {MOBILE_C} {MOBILE_D}）。")},
    "blocked", (MOBILE_C, MOBILE_D),
    note="Two space-separated mobiles in a course summary, which flows to the course page, "
         "the course menu and catalogue.json."))

add(Case(
    "holdout-personal-pandas-float-csv", "personal",
    {"lessons/g3/group-roster.md": lesson("分组名单见 [小组名单](小组名单.csv)。"),
     "lessons/g3/小组名单.csv": (f"序号,组别,家长手机\n1,第一组,{MOBILE_A}.0\n"
                               f"2,第二组,{MOBILE_B}.0\n").encode("utf-8")},
    "blocked", (MOBILE_A, MOBILE_B),
    note="A CSV exported with pandas stores phone numbers as floats ('13912340000.0'); "
         "the '.0' joins the number to the next digits."))

add(Case(
    "holdout-personal-id-with-xueji-prefix", "personal",
    {"case_studies/2024/transfer.md": case_study(
        f"孩子学籍号 G{ID_A}，转学手续已于六月办妥。")},
    "blocked", (ID_A,),
    note="The national student number (全国学籍号) is 'G' + the resident ID number; the "
         "letter in front hides the ID from a pattern that wants no letter before it."))

add(Case(
    "holdout-personal-id-cyrillic-check-char", "personal",
    {"case_studies/2024/id-lookalike.md": case_study(
        f"登记信息：身份证号 {ID_X[:17]}\u0425（已核对）。")},
    "blocked", (ID_X[:17],),
    note="The check character X typed as Cyrillic 'Х' (U+0425): reads as the ID number."))

add(Case(
    "holdout-personal-address-dash-notation", "personal",
    {"case_studies/2024/grandma.md": case_study(
        "孩子随奶奶住在阳光花园小区3-2-501，每天步行上学。")},
    "blocked", ("阳光花园小区3-2-501",),
    note="Building-unit-flat written '3-2-501', the most common way to write a flat in China."))

add(Case(
    "holdout-personal-qq-parenthetical-label", "personal",
    {"case_studies/2024/qq-contact.md": case_study(
        f"此后班主任每周通过家长QQ（妈妈）：{QQ_A} 与家长沟通一次。")},
    "blocked", (QQ_A,),
    note="A QQ label followed by who it belongs to, then the number."))

add(Case(
    "holdout-personal-qq-table-column", "personal",
    {"lessons/g3/group-leaders.md": lesson(
        "| 小组 | 组长家长 QQ |\n|---|---|\n"
        f"| 第一组 | {QQ_A} |\n| 第二组 | 3456789012 |\n")},
    "blocked", (QQ_A, "3456789012"),
    note="QQ numbers in a table column headed 'QQ': the label is in the header cell."))

add(Case(
    "holdout-personal-hidden-digit-attr-list", "personal",
    {"lessons/g3/contact.md": lesson(
        "如需请假请联系家长：139*0*{: hidden=\"hidden\" }12340000。")},
    "neutralised", (MOBILE_A,),
    note="attr_list hides an extra digit: the page shows 13912340000, the checks read 12 digits. "
         "Decision: neutralised - 'hidden' is removed from contributions (a warning, which "
         "fails --strict), so the page shows the 12 digits the checks read."))

add(Case(
    "holdout-personal-bdo-reversed-name", "personal",
    {"case_studies/2024/award.md": case_study(
        "获奖学生：<bdo dir=\"rtl\">涵梓刘</bdo>（五年级）。")},
    "neutralised", (NAME_A,),
    note="<bdo dir=rtl> (allowed, as is 'dir') shows 涵梓刘 as 刘梓涵. Decision: neutralised - "
         "<bdo> and 'dir' are removed from contributions (a warning), so the page shows 涵梓刘."))

add(Case(
    "holdout-personal-rlo-reversed-mobile", "personal",
    {"lessons/g3/hotline.md": lesson(
        "如有需要请拨打家长电话 \u202e00004321931\u202c 。")},
    "blocked", (MOBILE_A,),
    note="RIGHT-TO-LEFT OVERRIDE: the reversed digits display as 13912340000; the checks "
         "drop the control character and keep the reversed order."))

add(Case(
    "holdout-personal-braille-blank-mobile", "personal",
    {"lessons/g3/braille.md": lesson("家长电话：139\u28001234\u28000000。")},
    "blocked", (MOBILE_A,),
    note="U+2800 BRAILLE PATTERN BLANK looks like a space but is a symbol, not a separator."))

add(Case(
    "holdout-personal-hangul-filler-name", "personal",
    {"lessons/g3/little-teacher.md": lesson("本节课由刘\u3164梓涵同学担任小老师。")},
    "blocked", (NAME_A,),
    note="U+3164 HANGUL FILLER renders blank but is a letter, so it ends the name window."))

add(Case(
    "holdout-personal-radical-lookalike-name", "personal",
    {"case_studies/2024/radical.md": case_study("\u2ea9小明同学的绘本作品获得一等奖。")},
    "blocked", (NAME_B,),
    note="U+2EA9 CJK RADICAL JADE looks like 王 and has no compatibility mapping."))

add(Case(
    "holdout-personal-invisible-image-splits-mobile", "personal",
    {"lessons/g3/icon.md": lesson("紧急联系电话：1391234![](dot.png)0000。"),
     "lessons/g3/dot.png": png()},
    "blocked", (MOBILE_A,),
    note="A transparent 1x1 image between the digits (Markdown image syntax, so the "
         "source check does not remove it as a tag; the gate reads <img> as a block break)."))

add(Case(
    "holdout-personal-ordered-list-id", "personal",
    {"lessons/g3/register.md": lesson(f"登记示例：\n\n1. {ID_B}（王同学）\n")},
    "blocked", (ID_B,),
    note="A numbered list item: the source reads '1. 4403…' as one longer number; the built "
         "page shows the ID alone in an <li>."))

add(Case(
    "holdout-personal-docx-revision-author", "personal",
    {"lessons/g3/essay.md": lesson("[习作修改稿](习作.docx)"),
     "lessons/g3/习作.docx": docx(
         para("我的情绪天气") +
         f'<w:p><w:ins w:id="1" w:author="{NAME_B}" w:date="2024-05-01T08:00:00Z">'
         '<w:r><w:t>今天是晴天。</w:t></w:r></w:ins></w:p>')},
    "blocked", (NAME_B,),
    note="A tracked change by the student's account: Word shows the author's name beside it."))

add(Case(
    "holdout-personal-docx-hyperlink-target", "personal",
    {"lessons/g3/letter.md": lesson("[致家长的一封信](家长信.docx)"),
     "lessons/g3/家长信.docx": docx(
         para("各位家长：") +
         '<w:p><w:hyperlink r:id="rId9"><w:r><w:t>点此给刘妈妈发邮件</w:t></w:r></w:hyperlink></w:p>',
         document_rels=f'<Relationship Id="rId9" Type="{_OFFDOC}/hyperlink" '
                       f'Target="mailto:{EMAIL_A}" TargetMode="External"/>')},
    "blocked", (EMAIL_A,),
    note="The address is only in the relationship's Target (shown on hover in Word)."))

add(Case(
    "holdout-personal-xlsx-scientific-mobile", "personal",
    {"lessons/g3/contacts.md": lesson("[家长通讯录](通讯录.xlsx)"),
     "lessons/g3/通讯录.xlsx": xlsx(
         '<row r="1"><c r="A1" t="inlineStr"><is><t>家长手机</t></is></c></row>'
         '<row r="2"><c r="A2"><v>1.391234E10</v></c></row>')},
    "blocked", (MOBILE_A,),
    note="Cell values stored in exponent form; Excel shows 13912340000 in General format."))

add(Case(
    "holdout-personal-pdf-outline-title", "personal",
    {"lessons/g3/worksheet.md": lesson("[学习单](学习单.pdf)"),
     "lessons/g3/学习单.pdf": pdf(
         [b"<< /Type /Outlines /First 8 0 R /Last 8 0 R /Count 1 >>",
          b"<< /Title (Parent mobile " + MOBILE_A.encode() + b") /Parent 7 0 R /Dest [3 0 R /Fit] >>"],
         root_extra=b"/Outlines 7 0 R /PageMode /UseOutlines")},
    "blocked", (MOBILE_A,),
    note="A bookmark title (shown in the viewer's sidebar, opened by /PageMode)."))

_XMP = ('<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
        'rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq>'
        f'<rdf:li>{NAME_A}</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF>'
        '</x:xmpmeta><?xpacket end="w"?>').encode("utf-8")
add(Case(
    "holdout-personal-pdf-xmp-creator", "personal",
    {"lessons/g3/drawing.md": lesson("[绘画作品](作品.pdf)"),
     "lessons/g3/作品.pdf": pdf(
         [b"<< /Type /Metadata /Subtype /XML /Length %d >>\nstream\n" % len(_XMP) + _XMP
          + b"\nendstream"], root_extra=b"/Metadata 7 0 R")},
    "blocked", (NAME_A,),
    note="The XMP metadata packet (which viewers prefer over the Info dictionary) names the "
         "student as the author; only the Info dictionary is read."))

add(Case(
    "holdout-personal-xinyu-sr-class-decoy", "personal",
    {"lessons/g3/sr-class.md": lesson(
        f"登记表示例：身份证号 {ID_B[:11]}<span class=\"xinyu-sr\">7</span>{ID_B[11:]}。")},
    "neutralised", (ID_B,),
    note="The plugin's own visually-hidden class hides an extra digit: no 'hidden' attribute "
         "needed. Decision: neutralised - theme classes (xinyu-*, md-*) are removed from "
         "contributions, so the decoy digit shows."))

add(Case(
    "holdout-personal-broken-image-alt-completes-name", "personal",
    {"lessons/g3/alt-name.md": lesson(
        "优秀作品作者：刘<img src=\"missing-avatar.png\" alt=\"梓涵\">（三年级）。")},
    "blocked", (NAME_A,),
    note="An image that does not exist shows its alt text inline: the page reads 刘梓涵; the "
         "checks read the alt on its own and the text around it apart."))

add(Case(
    "holdout-personal-email-spaces-around-at", "personal",
    {"case_studies/2024/email-spaces.md": case_study(
        "如需了解后续情况，可发邮件至 liumama2013 @ 163.com。")},
    "blocked", (EMAIL_A, "liumama2013 @ 163.com"),
    note="Spaces around '@': an address to every reader, no match for the pattern."))

add(Case(
    "holdout-personal-png-itxt-compressed", "personal",
    {"lessons/g3/png-itxt.md": lesson("![学生画作](画作.png)"),
     "lessons/g3/画作.png": png_with([(b"iTXt", b"Author\x00\x01\x00zh-CN\x00" + "作者".encode()
                                         + b"\x00" + zlib.compress(NAME_A.encode()))])},
    "blocked", (NAME_A,),
    note="A PNG iTXt chunk with the compression flag set: the chunk is read raw, its text is "
         "never inflated (zTXt is)."))

add(Case(
    "holdout-personal-png-trailing-roster", "personal",
    {"lessons/g3/png-trailer.md": lesson("![座位图](座位图.png)"),
     "lessons/g3/座位图.png": png_with([], trailer=f"\n座号,身份证号\n1,{ID_A}\n2,{ID_B}\n".encode())},
    "blocked", (ID_A, ID_B),
    note="A roster appended after IEND: a valid image (it displays), and the text is in the "
         "published file for anyone who opens it as text."))

add(Case(
    "holdout-personal-mp3-apev2-artist", "personal",
    {"lessons/g3/mp3-ape.md": lesson("[课文朗读](朗读.mp3)"),
     "lessons/g3/朗读.mp3": _MPEG_FRAME * 4 + ape_tag({"Title": "课文朗读", "Artist": NAME_A})},
    "blocked", (NAME_A,),
    note="An APEv2 tag at the end of the MP3 (foobar2000 writes these; players show the "
         "artist): only ID3v2 at the start and ID3v1 in the last 128 bytes are read."))

# ===========================================================================
# names: file and folder names, registry keys (they become web addresses)
# ===========================================================================

add(Case(
    "holdout-names-attachment-year-then-mobile", "names",
    {"lessons/g3/receipt-name.md": lesson("[家长回执](回执-2024-13912340000.txt)"),
     "lessons/g3/回执-2024-13912340000.txt": "家长签字：\n".encode("utf-8")},
    "blocked", (MOBILE_A,),
    note="A year before the phone number in an attachment's name: '2024-139…' reads as one "
         "15-digit number."))

add(Case(
    "holdout-names-folder-xueji-prefix-id", "names",
    {"lessons/g3/folder-id.md": lesson(f"[学习单](G{ID_B}/学习单.txt)"),
     f"lessons/g3/G{ID_B}/学习单.txt": "我的情绪天气：\n".encode("utf-8")},
    "blocked", (ID_B,),
    note="A folder named after the student number (G + ID) becomes part of the address."))

add(Case(
    "holdout-names-content-page-rlo-filename", "names",
    {"content/\u202e涵梓刘.md": "这是一篇学生的心得，记录了她在心理课上的变化。\n"},
    "blocked", (NAME_A,),
    note="A page in docs_dir named with RIGHT-TO-LEFT OVERRIDE + 涵梓刘: its address and its "
         "navigation title (from the file name) display 刘梓涵."))

add(Case(
    "holdout-names-lecturer-key-hex", "names",
    {"content/lecturers.yml": "0x33D3D7620:\n  name: 李华\n  title: 心理健康教育高级教师\n",
     "content/courses/hex-key.md": course(lecturer="0x33D3D7620")},
    "blocked", (MOBILE_A,),
    note="A YAML 1.1 hex integer as a registry key is read as 13912340000, a valid key: the "
         "lecturer's address, catalogue.json and the course point to it. The source only "
         "says 0x33D3D7620."))

add(Case(
    "holdout-names-collection-key-float", "names",
    {"lessons/collections.yml": "1.391234e+10:\n  title: 课例集\n",
     "lessons/g3/showcase.md": lesson()},
    "blocked", (MOBILE_A,),
    note="A float key is read as 13912340000.0; the error about the key echoes it, and the "
         "'.0' keeps it from being masked in the log."))

add(Case(
    "holdout-names-content-page-named-sitemap", "names",
    {"content/sitemap.xml.md": "# 网站地图\n\n各栏目的入口。\n"},
    "blocked",
    note="A page whose address is sitemap.xml/ collides with the sitemap MkDocs writes "
         "(the page name has a dot, outside the safe-name rules)."))

add(Case(
    "holdout-names-content-page-shadows-lesson", "names",
    {"content/lessons/base.md": "# 情绪小怪兽（修订）\n\n这一页替换了教案。\n"},
    "blocked",
    note="A hand-written page at lessons/base.md has the address of the generated lesson "
         "page lessons/base/: one of them silently replaces the other."))


# ===========================================================================
# yaml: values as YAML reads them, not as the source shows them
# ===========================================================================

add(Case(
    "holdout-yaml-float-keyword", "yaml",
    {"lessons/g3/float-keyword.md": lesson(extra="keywords: [情绪, 天气, 1.391234e+10]\n")},
    "blocked", (MOBILE_A,),
    note="A YAML float becomes the text '13912340000.0' on the page, in the index and in "
         "search; the source never shows the number."))

add(Case(
    "holdout-yaml-sexagesimal-school", "yaml",
    {"case_studies/2024/base60.md": case_study().replace(
        "school: 青山湖区第二小学", "school: 17:53:28:58:53:20")},
    "blocked", (MOBILE_A,),
    note="A YAML 1.1 base-60 integer (looks like a time) is 13912340000."))

add(Case(
    "holdout-yaml-float-semester-echoed", "yaml",
    {"lessons/g3/float-semester.md": lesson(extra="semester: 1.391234e+10\n")},
    "blocked", (MOBILE_A,),
    note="The error for a wrong semester echoes the value as 13912340000.0, unmasked."))

add(Case(
    "holdout-yaml-binary-bio-echoed", "yaml",
    {"content/lecturers.yml": ("li-hua:\n  name: 李华\n  title: 心理健康教育高级教师\n"
                               "  bio: !!binary 5Y+3MTM5MTIzNDAwMDA=\n"),
     "content/courses/binary-bio.md": course()},
    "blocked", (MOBILE_A,),
    note="!!binary of '号13912340000': the error echoes the bytes' repr, '\\xb713912340000', "
         "where a digit of the escape joins the number."))

add(Case(
    "holdout-yaml-line-separator-escape-name", "yaml",
    {"lessons/g3/ls-name.md": lesson(extra='author: "刘\\L梓涵"\n')},
    "blocked", (NAME_A,),
    note="YAML's \\L is U+2028 LINE SEPARATOR: a line break splits the name (a plain newline "
         "is handled)."))

add(Case(
    "holdout-yaml-content-page-title-escapes", "yaml",
    {"content/growth.md": ('---\ntitle: "\\u5218\\u6893\\u6db5\\u7684\\u6210\\u957f\\u6545\\u4e8b"\n---\n'
                           "学生成长故事一则。\n")},
    "blocked", (NAME_A,),
    note="A hand-written page's title in \\u escapes: the page front matter is not scanned as "
         "parsed (lessons' is), so `xinyu check` passes and only the gate notices."))

add(Case(
    "holdout-yaml-escaped-traditional-key", "yaml",
    {"lessons/g3/escaped-key.md": lesson(extra='"\\u5289\\u6893\\u6db5": 作业优秀\n')},
    "blocked", (NAME_A, "劉梓涵"),
    note="A protected name (traditional, \\u escaped) as a front-matter key: refused as an "
         "unknown field, and the message must not echo it."))


# ===========================================================================
# script: contributed script in a visitor's browser (or document viewer)
# ===========================================================================

add(Case(
    "holdout-script-pdf-outline-javascript", "script",
    {"lessons/g3/outline-js.md": lesson("[学习单](学习单.pdf)"),
     "lessons/g3/学习单.pdf": pdf(
         [b"<< /Type /Outlines /First 8 0 R /Last 8 0 R /Count 1 >>",
          b"<< /Title (Start) /Parent 7 0 R /A << /S /J#61vaScript /JS (app.alert\\(1\\)) >> >>"],
         root_extra=b"/Outlines 7 0 R /PageMode /UseOutlines")},
    "blocked",
    note="A JavaScript action on a bookmark, its name written with a #61 escape so the bytes "
         "never say /JavaScript; bookmarks are not among the places inspected."))

add(Case(
    "holdout-script-pdf-javascript-uri-link", "script",
    {"lessons/g3/uri-js.md": lesson("[答题卡](答题卡.pdf)"),
     "lessons/g3/答题卡.pdf": pdf(
         [b"<< /Type /Annot /Subtype /Link /Rect [72 700 300 730] /Border [0 0 0] "
          b"/A << /S /URI /URI (javascript:app.alert\\(1\\)) >> >>"],
         page_extra=b"/Annots [7 0 R]")},
    "blocked",
    note="A link annotation whose URI is javascript: (a /URI action, not a /JavaScript one)."))

_BASIC = (b'<?xml version="1.0" encoding="UTF-8"?><script:module xmlns:script="http://openoffice.org/'
          b'2000/script" script:name="Module1" script:language="StarBasic">Sub Main\n'
          b'  Shell("cmd /c start https://example.invalid/")\nEnd Sub\n</script:module>')
add(Case(
    "holdout-script-odt-autorun-basic-macro", "script",
    {"lessons/g3/odt-macro.md": lesson("[活动记录表](记录表.odt)"),
     "lessons/g3/记录表.odt": odt(
         "<text:p>活动记录表</text:p>",
         scripts=('<office:scripts><office:event-listeners><script:event-listener '
                  'script:language="ooo:script" script:event-name="dom:load" xlink:type="simple" '
                  'xlink:href="vnd.sun.star.script:Standard.Module1.Main?language=Basic&amp;'
                  'location=document"/></office:event-listeners></office:scripts>'),
         extra=[("Basic/Standard/Module1.xml", _BASIC),
                ("Basic/Standard/script-lb.xml",
                 b'<?xml version="1.0" encoding="UTF-8"?><library:library xmlns:library="http://'
                 b'openoffice.org/2000/library" library:name="Standard" library:readonly="false" '
                 b'library:passwordprotected="false"><library:element library:name="Module1"/>'
                 b'</library:library>'),
                ("Basic/script-lc.xml",
                 b'<?xml version="1.0" encoding="UTF-8"?><library:libraries xmlns:library="http://'
                 b'openoffice.org/2000/library" xmlns:xlink="http://www.w3.org/1999/xlink">'
                 b'<library:library library:name="Standard" library:link="false"/>'
                 b'</library:libraries>')])},
    "blocked",
    note="An OpenDocument text with a Basic macro bound to the document's load event: the "
         "macro is XML, so it is read as text, not refused like vbaProject.bin."))

add(Case(
    "holdout-script-mermaid-third-party-loader", "script",
    {"lessons/g3/mermaid.md": lesson(
        "<pre class=\"mermaid\">graph LR\n  情绪 --> 表达\n</pre>\n")},
    "neutralised",
    note="class=mermaid on a <pre> makes Material load https://unpkg.com/mermaid and render "
         "the contributed text with it: third-party script on the district's domain (the "
         "README promises none). Offline the harness cannot see it; check the built page for "
         "<pre class=\"mermaid\">."))

add(Case(
    "holdout-script-link-title-tooltip-entities", "script",
    {"lessons/g3/link-title.md": lesson(
        "课后阅读：[家长学校](https://example.org/parents \"&lt;img src=x onerror=window.__pwned=1&gt;\")，"
        f"[心理热线](https://example.org/hotline '{IMG_PAYLOAD}')。")},
    "neutralised",
    note="Link titles (Material's tooltips show titles as HTML) written as entities and raw."))

add(Case(
    "holdout-script-heading-attr-title-and-toc-label", "script",
    {"lessons/g3/heading-attrs.md": lesson(
        f"## 小结 {{: title=\"{IMG_PAYLOAD}\" data-toc-label=\"&lt;img src=x onerror={PAYLOAD}&gt;\" }}\n\n"
        "说说今天的收获。\n")},
    "neutralised",
    note="A heading's title (tooltip) and data-toc-label (the table of contents is rendered "
         "from toc tokens, outside the sanitised content)."))

add(Case(
    "holdout-script-details-and-admonition-titles", "script",
    {"lessons/g3/details.md": lesson(
        f"??? tip \"{IMG_PAYLOAD}\"\n    点开看看提示。\n\n"
        f"!!! note \"&lt;img src=x onerror={PAYLOAD}&gt;\"\n    注意安全。\n")},
    "neutralised",
    note="pymdownx.details and admonition titles carrying markup."))

add(Case(
    "holdout-script-superfence-attributes", "script",
    {"lessons/g3/fence-attrs.md": lesson(
        f"```{{.text title=\"{IMG_PAYLOAD}\" onmouseover=\"{PAYLOAD}\"}}\n"
        "深呼吸：吸气四拍，停两拍，呼气六拍。\n```\n")},
    "neutralised",
    note="Attributes on a fenced block (superfences + attr_list); the warning scanner blanks "
         "code, so only the sanitiser sees them."))

add(Case(
    "holdout-script-fake-order-button", "script",
    {"lessons/g3/order-button.md": lesson(
        "<p class=\"xinyu-order-add\"><button type=\"button\" class=\"md-button xinyu-order-add__button\" "
        f"data-course-id=\"x\" data-course-title=\"{IMG_PAYLOAD}\" data-course-status=\"open\" "
        f"data-course-meta=\"{IMG_PAYLOAD}\">加入点单</button></p>\n")},
    "neutralised",
    note="A contributed button the order script treats as a course (order.js runs on every page)."))

add(Case(
    "holdout-script-award-badge-attr-list", "script",
    {"lessons/collections.yml": '"2024":\n  title: 课例集（2024）\n',
     "lessons/g3/award-attr.md": lesson(extra=(
         "showcase:\n  collection: \"2024\"\n  month: 2024-05\n"
         f"  award: \"*优秀*{{: onmouseover={PAYLOAD} }}\"\n"))},
    "neutralised",
    note="The award is HTML-escaped for the badge but not Markdown-escaped, and the collection "
         "page is 'trusted' (not sanitised): only the gate stands between it and the page."))

add(Case(
    "holdout-script-lecturer-name-clobbers-global", "script",
    {"content/lecturers.yml": "li-hua:\n  name: __pwned\n  title: 心理健康教育高级教师\n",
     "content/courses/clobber.md": course()},
    "neutralised",
    note="The lecturer index (a trusted page) turns the name into a heading id, and an element "
         "with id __pwned defines window.__pwned (DOM clobbering)."))

add(Case(
    "holdout-script-case-theme-facet", "script",
    {"case_studies/2024/theme-markup.md": case_study().replace(
        "themes: [亲子沟通, 手机使用]", f"themes: [\"{IMG_PAYLOAD}\", 亲子沟通]")},
    "neutralised",
    note="A theme flows into the case index's filter <option> and data-facet attributes, "
         "which filter.js reads."))

add(Case(
    "holdout-script-noscript-mutation", "script",
    {"lessons/g3/noscript.md": lesson(
        f"<noscript><p title=\"</noscript>{IMG_PAYLOAD}\"></p></noscript>\n\n本页需要开启脚本。\n")},
    "neutralised",
    note="The classic <noscript> mutation: parsed as markup without scripting, as text with it."))

add(Case(
    "holdout-script-comment-bang-close", "script",
    {"lessons/g3/comment-bang.md": lesson(
        f"<!-- 教师备注 --!>{IMG_PAYLOAD}<!-- 结束 -->\n\n正文继续。\n")},
    "neutralised",
    note="'--!>' ends a comment for browsers and html5ever but not for Python's HTMLParser."))

add(Case(
    "holdout-script-showcase-video-url", "script",
    {"lessons/collections.yml": '"2024":\n  title: 课例集（2024）\n',
     "lessons/g3/video-url.md": lesson(extra=(
         "showcase:\n  collection: \"2024\"\n  month: 2024-05\n"
         f"  video: 'https://v.example.org/a.mp4\" onmouseover=\"{PAYLOAD}\" x=\"'\n"))},
    "neutralised",
    note="A video URL that would close the href attribute if it were not encoded."))

add(Case(
    "holdout-script-content-page-front-matter", "script",
    {"content/parents.md": (
        "---\n"
        f"title: \"{IMG_PAYLOAD}\"\n"
        f"description: '\"><script>{PAYLOAD}</script>'\n"
        "template: xinyu-print.html\n"
        f"subtitle: \"{IMG_PAYLOAD}\"\n"
        f"status: \"{IMG_PAYLOAD}\"\n"
        f"hide: [navigation, \"{IMG_PAYLOAD}\"]\n"
        f"search: {{exclude: false, boost: \"{IMG_PAYLOAD}\"}}\n"
        "---\n家长学校讲座安排。\n")},
    "neutralised",
    note="Every front-matter key Material writes into a page unescaped, on a hand-written page."))

add(Case(
    "holdout-script-search-result-markup", "script",
    {"lessons/g3/search-markup.md": lesson(
        "```html\n<img src=x onerror=window.__pwned=1>\n```\n\n"
        "情绪天气的例子：`<svg onload=window.__pwned=1>` 与 &lt;img src=x onerror=window.__pwned=1&gt;。\n")},
    "neutralised",
    note="Markup shown as text in the page; Material renders search results as HTML."))

add(Case(
    "holdout-script-content-page-markup-filename", "script",
    {f"content/{IMG_PAYLOAD}.md": "家长会须知。\n"},
    "neutralised",
    note="A page name with markup (docs_dir names are not held to the safe-name rules): the "
         "title taken from the file name goes into the navigation and <title>."))


# ===========================================================================
# integrity: crashes, links, special files, writing outside the site
# ===========================================================================

add(Case(
    "holdout-integrity-nested-pptx-recursion", "integrity",
    {"lessons/g3/nested.md": lesson("[课件](课件.pptx)"),
     "lessons/g3/课件.pptx": nested_pptx(1100)},
    "blocked",
    note="A presentation nested 1100 deep (about 130 KB): the extractor recurses once per "
         "level and hits Python's recursion limit."))

add(Case(
    "holdout-integrity-docx-bad-crc", "integrity",
    {"lessons/g3/bad-crc.md": lesson("[学习单](学习单.docx)"),
     "lessons/g3/学习单.docx": corrupt_member(docx(para("WORKSHEET-OK")), b"WORKSHEET-OK", b"WORKSHEET-OX")},
    "blocked",
    note="A damaged download: one stored byte differs from its CRC; zipfile raises BadZipFile "
         "only when the member is read."))

add(Case(
    "holdout-integrity-xlsx-encrypted-member", "integrity",
    {"lessons/g3/encrypted.md": lesson("[评价表](评价表.xlsx)"),
     "lessons/g3/评价表.xlsx": mark_encrypted(
         xlsx('<row r="1"><c r="A1" t="inlineStr"><is><t>评价</t></is></c></row>'),
         "xl/worksheets/sheet1.xml")},
    "blocked",
    note="A zip member flagged as encrypted: zipfile raises RuntimeError (password required)."))

_LONG = "关于开展" + "心理健康教育主题班会活动" * 8 + "的通知.pdf"
add(Case(
    "holdout-integrity-attachment-name-too-long", "integrity",
    {"lessons/g3/long-name.md": lesson(f"[通知]({_LONG})")},
    "blocked",
    note="A linked file name over 255 bytes (a long Chinese title): stat() fails with "
         "ENAMETOOLONG, which Path.is_file() does not swallow."))

add(Case(
    "holdout-integrity-hidden-docs-folder-symlink", "integrity",
    {"content/about.md": "# 关于\n\n本站说明。\n"},
    "blocked", symlinks={"content/.well-known": "../lessons"},
    note="A symbolic link to a folder, hidden by its dot: the docs scan skips hidden entries "
         "before it looks for links, and MkDocs walks docs_dir with followlinks=True."))

add(Case(
    "holdout-integrity-fifo-attachment", "integrity",
    {"lessons/g3/fifo.md": lesson("[课文朗读](朗读.mp3)")},
    "blocked", fifos=("lessons/g3/朗读.mp3",),
    note="A named pipe as an audio attachment (reading it would block)."))

add(Case(
    "holdout-integrity-site-dir-symlink", "integrity",
    {"lessons/g3/plain.md": lesson()},
    "blocked", symlinks={"site": "../holdout-outside-site"},
    note="A committed 'site' symlink: building into it writes (and cleans) a folder outside "
         "the repository."))

add(Case(
    "holdout-integrity-mp4-nested-boxes", "integrity",
    {"lessons/g3/mp4-nested.md": lesson("[课堂实录](实录.mp4)"),
     "lessons/g3/实录.mp4": nested_mp4(1100)},
    "blocked",
    note="'moov' boxes nested 1100 deep (9 KB): the MP4 tag reader recurses into each."))

add(Case(
    "holdout-integrity-label-then-long-blank", "integrity",
    {"lessons/g3/blank-form.md": lesson(
        "家长回执：家长微信" + "\u3000" * 3000 + "（请在空白处填写）\n")},
    "neutralised",
    note="A label followed by a long run of blanks (a form to fill in), 9 KB. With three "
         "\\s* in a row before the value (as the WeChat and QQ patterns had), n blanks cost "
         "~n^3 steps: before commit a7f4818, 4000 blanks took 16 minutes for this one case "
         "(about 7 at 3000). It must stay a few seconds."))
