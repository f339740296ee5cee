"""The offline copy: a built site, packed so that it works opened from disk.

A school on a poor network downloads one zip, unpacks it and opens
`index.html` (file://). Browsers refuse `fetch` and `new Worker` there, so
the copy is built with file URLs (`use_directory_urls: false`), loads the
search index as a script (`search/search_index.js`, as Material's own
offline support expects) and runs the search worker through the
iframe-worker shim. This module knows nothing of MkDocs: it writes that
script and packs a folder; `xinyu.offline` runs the build.
"""

from __future__ import annotations

import os
import stat
import zipfile
from pathlib import Path, PurePosixPath

ZIP = "downloads/xinyu-offline.zip"  # in the published site
FOLDER = "xinyu-offline"  # the zip's one top-level folder
INDEX_JSON = "search/search_index.json"
INDEX_SCRIPT = "search/search_index.js"
# Files only a web server uses: search engines' sitemap, the "not found" page.
LEFT_OUT = frozenset({"sitemap.xml", "sitemap.xml.gz", "404.html"})
# Beside index.html: how to open the copy (fixed text, written by xinyu).
HOW_TO = "使用说明.txt"
HOW_TO_TEXT = (
    "这是网站的离线版，不联网也能用。\r\n\r\n"
    "1. 先把压缩包全部解压（不要在压缩软件里直接打开网页）。\r\n"
    "2. 打开解压出来的 xinyu-offline 文件夹，用浏览器打开 index.html。\r\n"
    "3. 浏览、搜索、筛选、打印和点单都可以离线使用；点单内容可以复制后发给区里。\r\n\r\n"
    "离线版是下载时网站的样子；要看最新内容，请回到网站重新下载。\r\n")
# Fixed entry times: the same site gives the same zip, byte for byte.
_TIMESTAMP = (2000, 1, 1, 0, 0, 0)


def write_index_script(site_dir: Path) -> bool:
    """Wrap the (already checked) search index as the script Material loads
    from file://; the JSON text is kept verbatim. False without an index."""
    index = site_dir / INDEX_JSON
    if not index.is_file():
        return False
    (site_dir / INDEX_SCRIPT).write_bytes(b"var __index = " + index.read_bytes())
    return True


def pack(site_dir: Path, target: Path) -> tuple[int, int]:
    """Zip every regular file of `site_dir` under FOLDER/ (sorted, fixed
    times; links and LEFT_OUT skipped). Returns (files, bytes of the zip)."""
    files = []
    for folder, dirs, names in os.walk(site_dir, followlinks=False):
        dirs.sort()
        for name in sorted(names):
            path = Path(folder) / name
            relative = path.relative_to(site_dir).as_posix()
            if relative in LEFT_OUT or not stat.S_ISREG(path.lstat().st_mode):
                continue
            files.append((relative, path))
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        entries = [(HOW_TO, HOW_TO_TEXT.encode("utf-8"))] + \
            [(relative, path.read_bytes()) for relative, path in files if relative != HOW_TO]
        for relative, data in entries:
            info = zipfile.ZipInfo(str(PurePosixPath(FOLDER) / relative), _TIMESTAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    partial.replace(target)
    return len(entries), target.stat().st_size
