"""The text a published file carries, for the privacy check: plain text,
office documents (their XML parts, metadata included), PDF (pypdf: page
text, metadata, form fields, annotations). A file that cannot be read for
checking raises `Unreadable`: it fails closed, it is never waved through.

Images: the text of their metadata (PNG text chunks, JPEG comments, EXIF,
XMP and IPTC segments, WebP and GIF metadata) — an author's or a subject's
name lives there. Audio and video carry no text that is checked here (see
the README).
"""

from __future__ import annotations

import io
import logging
import re
import struct
import zipfile
import zlib
from pathlib import Path
from xml.etree import ElementTree

import charset_normalizer

TEXT_TYPES = frozenset({".txt", ".csv", ".md", ".xml", ".json", ".tsv"})
OFFICE_TYPES = frozenset({".docx", ".pptx", ".xlsx", ".odt", ".odp", ".ods"})
IMAGE_TYPES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp"})
# Audio and video whose metadata (ID3 tags, MP4 user data, WAV INFO) is read.
TAGGED_MEDIA_TYPES = frozenset({".mp3", ".m4a", ".mp4", ".wav"})
MEDIA_TYPES = frozenset({".ico", ".ogg", ".webm"})  # no text read
MAX_UNPACKED = 64 * 1024 * 1024  # an office document's XML, all parts together
# Elements after which a reader sees a line break, and those that end a
# paragraph or a cell (read apart, like a table's columns).
_LINE_BREAKS = frozenset({"br", "cr", "tab", "line-break"})
_BREAKS = frozenset({"p", "tr", "tc", "row", "c", "si", "h", "list-item", "table-cell", "sp"})
# Attributes that hold text a reader sees (alt text, titles), not formatting.
_TEXT_ATTRIBUTES = frozenset({"descr", "title", "alt", "name", "tooltip", "caption", "author",
                              "initials", "target", "href", "value", "val"})
_EXPONENT = re.compile(r"^[+-]?\d+(?:\.\d+)?[eE][+-]?\d+$")
MAX_DEPTH = 3  # documents embedded in documents


class Unreadable(Exception):
    """The file's text cannot be read for checking."""


def extract_text(path: Path, data: bytes | None = None) -> str | None:
    """The text of the file at `path`, or None for media without text."""
    suffix = path.suffix.lower()
    if suffix in MEDIA_TYPES:
        return None
    if data is None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise Unreadable(f"无法读取文件：{exc.strerror or exc}") from None
    if suffix in TEXT_TYPES or path.name == "CNAME":
        return decode_any(data)
    if suffix in OFFICE_TYPES:
        return _office_text(data)
    if suffix in IMAGE_TYPES:
        return image_metadata_text(data)
    if suffix in TAGGED_MEDIA_TYPES:
        return media_metadata_text(data)
    if suffix == ".pdf":
        return _pdf_text(data)
    raise Unreadable(f"“{suffix or path.name}”文件无法检查个人信息")


def decode_any(data: bytes) -> str:
    """Text in UTF-8, or in the encoding it is in (GBK from Excel is common)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise Unreadable("文字的编码无法识别")
    return str(best)


def _number(text: str) -> str:
    """A spreadsheet number stored as 1.391234E10 reads as Excel shows it."""
    if _EXPONENT.match(text.strip()):
        try:
            value = float(text)
            if value.is_integer() and abs(value) < 1e20:
                return str(int(value))
        except (ValueError, OverflowError):
            pass
    return text


def _office_text(data: bytes, depth: int = 0) -> str:
    if depth > MAX_DEPTH:
        raise Unreadable("文档里套文档的层数太多，无法检查")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
        if sum(m.file_size for m in members) > MAX_UNPACKED:
            raise Unreadable("文档解压后超过 64 MB")
        texts = []
        for member in members:
            name = member.filename.lower()
            if name.startswith(("basic/", "scripts/")) or "vbaproject" in name or \
                    name.endswith((".bin", ".ole", ".emf", ".wmf")) or "embeddings/" in name:
                raise Unreadable(f"文档里有宏或嵌入对象（{member.filename}），无法检查；请删除")
            if name.endswith((".xml", ".rels")):
                text = _xml_text(archive.read(member))
                if "script:event-listener" in text or "vnd.sun.star.script" in text:
                    raise Unreadable("文档打开时会运行宏；请删除宏")
                texts.append(text)
            elif name.endswith((".docx", ".pptx", ".xlsx", ".odt", ".ods", ".odp")):
                texts.append(_office_text(archive.read(member), depth + 1))
        return "\n".join(texts)
    except Unreadable:
        raise
    except Exception as exc:  # damaged, encrypted or odd archives: fail closed
        raise Unreadable(f"不是有效的 Office 文档（{type(exc).__name__}）") from None


def _xml_text(data: bytes) -> str:
    parts: list[str] = []
    attributes: list[str] = []
    try:
        for event, element in ElementTree.iterparse(io.BytesIO(data), events=("start", "end")):
            local = element.tag.rsplit("}", 1)[-1]
            if event == "start" and local == "event-listener":
                attributes.append("script:event-listener")
            if event == "start":
                attributes += [value for name, value in element.attrib.items()
                               if name.rsplit("}", 1)[-1].lower() in _TEXT_ATTRIBUTES]
                if element.text:
                    parts.append(_number(element.text))
            else:
                if local in _LINE_BREAKS:
                    parts.append("\n")
                elif local in _BREAKS:
                    parts.append("\n\n")
                if element.tail:
                    parts.append(element.tail)
    except (ElementTree.ParseError, ValueError) as exc:
        raise Unreadable(f"文档的一部分不是有效的 XML（{exc}）") from None
    return "".join(parts) + "\n\n" + "\n\n".join(attributes)


_PDF_ACTIONS = ("/JavaScript", "/JS", "/Launch", "/SubmitForm", "/ImportData")


def _outline_items(reader) -> list:
    """The bookmarks of a PDF, walked without recursion (at most 10,000)."""
    items = []
    stack = [reader.trailer["/Root"].get("/Outlines")]
    while stack and len(items) < 10000:
        item = stack.pop()
        if item is not None:
            item = item.get_object()
            items.append(item)
            stack += [item.get("/First"), item.get("/Next")]
    return items


def _pdf_outline_titles(reader) -> list[str]:
    titles = []
    for item in _outline_items(reader):
        titles.append(str(item.get("/Title", "")))
        if item.get("/A") is not None:
            titles.append(str(item["/A"].get_object().get("/URI", "")))
    return titles


def _has_scripts(reader, data: bytes) -> bool:
    if any(name.encode() in data for name in ("/JavaScript", "/Launch")):
        return True
    root = reader.trailer["/Root"]
    names = root.get("/Names")
    if names is not None and "/JavaScript" in names.get_object():
        return True
    actions = [root.get("/OpenAction"), root.get("/AA")] + [item.get("/A") for item in
                                                              _outline_items(reader)]
    for page in reader.pages:
        actions.append(page.get("/AA"))
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            actions += [annotation.get("/A"), annotation.get("/AA")]
    for action in actions:
        if action is None:
            continue
        action = action.get_object() if hasattr(action, "get_object") else action
        text = str(action)
        if any(name in text for name in _PDF_ACTIONS):
            return True
        uri = str(action.get("/URI", "")) if hasattr(action, "get") else ""
        if re.match(r"\s*(?:javascript|vbscript|data|file):", uri, re.I):
            return True
    return False


def _pdf_text(data: bytes) -> str:
    import pypdf

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise Unreadable("PDF 设有密码")
        texts = [str(value) for value in (reader.metadata or {}).values()]
        if reader.attachments:
            raise Unreadable("PDF 里嵌有附件，无法检查")
        if _has_scripts(reader, data):
            raise Unreadable("PDF 里有脚本或启动动作；请重新保存为普通 PDF（“打印为 PDF”）")
        for field in (reader.get_fields() or {}).values():
            texts += [str(field.get(key, "")) for key in ("/V", "/TU", "/T")]
        texts += _pdf_outline_titles(reader)
        metadata = reader.trailer["/Root"].get("/Metadata")
        if metadata is not None:
            texts.append(_strings(metadata.get_object().get_data()))  # XMP
        for page in reader.pages:
            texts.append(page.extract_text() or "")
            for annotation in page.get("/Annots") or []:
                annotation = annotation.get_object()
                texts += [str(annotation.get(key, "")) for key in ("/Contents", "/T")]
                action = annotation.get("/A")
                if action is not None:
                    texts.append(str(action.get_object().get("/URI", "")))
    except Unreadable:
        raise
    except Exception as exc:  # pypdf raises many kinds on damaged files: fail closed
        raise Unreadable(f"PDF 无法读取（{type(exc).__name__}）") from None
    return "\n".join(texts)


_PRINTABLE = re.compile(r"[^\x00-\x08\x0b\x0c\x0e-\x1f\ufffd]{2,}")


def _strings(blob: bytes) -> str:
    """Readable runs of a metadata block, as UTF-8 and as UTF-16 (EXIF's
    Windows fields such as XPAuthor are UTF-16)."""
    texts = _PRINTABLE.findall(blob.decode("utf-8", errors="replace"))
    for start in (0, 1):  # UTF-16 at either byte alignment
        texts += _PRINTABLE.findall(blob[start:].decode("utf-16-le", errors="replace"))
    return "\n\n".join(texts)


def image_metadata_text(data: bytes) -> str:
    """The text in an image's metadata (never its pixels)."""
    blocks: list[bytes] = []
    try:
        if data.startswith(b"\x89PNG\r\n\x1a\n"):
            position = 8
            while position + 8 <= len(data):
                length, kind = struct.unpack(">I4s", data[position:position + 8])
                chunk = data[position + 8:position + 8 + length]
                if kind == b"iTXt" and chunk.count(b"\x00") >= 1:
                    keyword, rest = chunk.split(b"\x00", 1)
                    if rest[:1] == b"\x01":  # compressed text
                        fields = rest[2:].split(b"\x00", 2)
                        body = fields[2] if len(fields) == 3 else b""
                        blocks.append(keyword + b"\n" + zlib.decompressobj().decompress(body, MAX_UNPACKED))
                    else:
                        blocks.append(chunk)
                elif kind in (b"tEXt", b"eXIf"):
                    blocks.append(chunk)
                elif kind == b"zTXt" and b"\x00" in chunk:
                    blocks.append(zlib.decompressobj().decompress(chunk.split(b"\x00", 1)[1][1:],
                                                                  MAX_UNPACKED))
                position += 12 + length
                if kind == b"IEND":
                    blocks.append(data[position:])  # anything after the image
                    break
        elif data.startswith(b"\xff\xd8"):
            position = 2
            while position + 4 <= len(data) and data[position] == 0xFF:
                marker = data[position + 1]
                if marker in (0xD9, 0xDA):  # end of image, start of the pixels
                    end = data.rfind(b"\xff\xd9")
                    blocks.append(data[end + 2:] if end > 0 else b"")  # anything after the image
                    break
                length = struct.unpack(">H", data[position + 2:position + 4])[0]
                if marker == 0xFE or 0xE0 <= marker <= 0xEF:  # comment, APPn (EXIF, XMP, IPTC)
                    blocks.append(data[position + 4:position + 2 + length])
                position += 2 + length
        elif data[:4] == b"RIFF" and data[8:12] == b"WEBP":
            position = 12
            while position + 8 <= len(data):
                kind, length = struct.unpack("<4sI", data[position:position + 8])
                if kind in (b"EXIF", b"XMP "):
                    blocks.append(data[position + 8:position + 8 + length])
                position += 8 + length + (length & 1)
        elif data[:3] == b"GIF":
            blocks += re.findall(rb"\x21\xfe(.{1,255})", data, re.S)  # comment extensions
            blocks += re.findall(rb"XMP DataXMP(.{0,65536}?)\x01\xff", data, re.S)
        else:
            raise Unreadable("图片的内容与扩展名不符（不是 PNG、JPEG、WebP 或 GIF）")
    except (struct.error, zlib.error, IndexError) as exc:
        raise Unreadable(f"图片无法读取（{exc}）") from None
    return "\n\n".join(_strings(block) for block in blocks)


def media_metadata_text(data: bytes) -> str:
    """The text of audio and video tags: ID3 (MP3), MP4 user data and
    metadata boxes (M4A, MP4), the INFO list of a WAV file."""
    blocks: list[bytes] = []
    try:
        if data.startswith(b"ID3"):
            size = 0
            for byte in data[6:10]:  # a "syncsafe" integer: 7 bits a byte
                size = (size << 7) | (byte & 0x7F)
            blocks.append(data[10:10 + size])
        if data[-128:-125] == b"TAG":
            blocks.append(data[-128:])
        tail = data[-65536:]
        footer = tail.rfind(b"APETAGEX")
        if footer >= 0:  # APEv2 tags at the end (foobar2000 and others): items before the footer
            size = int.from_bytes(tail[footer + 12:footer + 16], "little")
            blocks.append(tail[max(0, footer + 32 - size):footer])
        if data[:4] == b"RIFF" and data[8:12] == b"WAVE":
            position = 12
            while position + 8 <= len(data):
                kind, length = struct.unpack("<4sI", data[position:position + 8])
                if kind in (b"LIST", b"id3 ", b"ID3 "):
                    blocks.append(data[position + 8:position + 8 + length])
                position += 8 + length + (length & 1)
        elif data[4:8] == b"ftyp":
            blocks += _mp4_user_data(data, 0, len(data))
    except (struct.error, IndexError) as exc:
        raise Unreadable(f"文件的标签无法读取（{exc}）") from None
    return "\n\n".join(_strings(block) for block in blocks)


def _mp4_user_data(data: bytes, start: int, end: int, depth: int = 0) -> list[bytes]:
    if depth > 8:
        raise Unreadable("文件结构嵌套太深，无法检查")
    found, position = [], start
    while position + 8 <= end:
        size, kind = struct.unpack(">I4s", data[position:position + 8])
        header = 8
        if size == 1:
            size, header = struct.unpack(">Q", data[position + 8:position + 16])[0], 16
        elif size == 0:
            size = end - position
        if size < header:
            raise Unreadable("MP4 文件结构损坏")
        if kind in (b"udta", b"meta", b"ilst", b"uuid", b"XMP_"):
            found.append(data[position + header:position + size])
        elif kind in (b"moov", b"trak"):
            found += _mp4_user_data(data, position + header, position + size, depth + 1)
        position += size
    return found
