"""What a link pasted into a chat shows: each page's own title, description
and address as Open Graph tags, and a share image shipped with the plugin.

Material writes `<meta name="description">` from `page.meta.description`;
generated entry pages get theirs from the entry's summary (the plugin sets
it, escaped once). The tags below are added to every page's <head>, and the share image,
hidden, as the first image of its <body>.
"""

from __future__ import annotations

import re
from html import escape, unescape
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from .core.kinds import KINDS

SHARE_IMAGE = "assets/xinyu/share.png"
ENTRY_FOLDERS = tuple(f"{kind.folder}/" for kind in KINDS)


def share_tags(output: str, page: Page, config: MkDocsConfig) -> str:
    """`output` with Open Graph tags before </head> (once)."""
    if 'property="og:title"' in output or "</head>" not in output:
        return output
    # page.meta values were escaped once for the theme: read them back as text.
    title = unescape(str(page.meta.get("title") or page.title or config.site_name or ""))
    description = unescape(str(page.meta.get("description") or config.site_description or ""))
    kind = "article" if page.url.startswith(ENTRY_FOLDERS) and page.url.count("/") == 2 \
        else "website"
    tags = [("og:type", kind), ("og:site_name", config.site_name or ""), ("og:locale", "zh_CN"),
            ("og:title", title), ("og:description", description)]
    if config.site_url:
        tags += [("og:url", urljoin(config.site_url, page.url)),
                 ("og:image", urljoin(config.site_url, SHARE_IMAGE)),
                 ("og:image:width", "1200"), ("og:image:height", "630")]
    relative_image = "../" * page.url.count("/") + SHARE_IMAGE
    if not config.site_url:  # Open Graph wants absolute addresses; without site_url, relative
        tags.append(("og:image", relative_image))
    html = "".join(f'<meta property="{name}" content="{escape(value, quote=True)}">'
                   for name, value in tags if value)
    # WeChat's and QQ's in-app browsers build a shared link's card without
    # Open Graph (their own JS-SDK needs an official account and a signing
    # server, which a static site has not): from schema.org microdata, and
    # WeChat from the first image of at least 300 px in the page.
    image = dict(tags)["og:image"]
    html += "".join(f'<meta itemprop="{name}" content="{escape(value, quote=True)}">'
                    for name, value in (("name", title), ("description", description),
                                        ("image", image)) if value)
    at = output.index("</head>")
    output = output[:at] + html + output[at:]
    body = _BODY.search(output, at)
    if body is None:
        return output
    # Relative: loaded from the site it is on (a preview, the offline copy), never another.
    thumbnail = (f'<img class="xinyu-share-image" src="{escape(relative_image, quote=True)}" alt="" '
                 f'width="1200" height="630" hidden>')
    return output[:body.end()] + thumbnail + output[body.end():]


_BODY = re.compile(r"<body\b[^>]*>")
