"""The one writer of Markdown: escaping text so it stays text, safe links, and the
page structure (headings, links, lists, tables, anchors, footnotes) every page the
converter writes is made of.

Only the site's writers (``issue_pages``, ``listings``, ``archive_pages``,
``browse``) use it. Anything from the export that looks like markup (``<script>``,
``*``, ``[x](y)``, a leading ``1.``) must come out as the characters it is, and only
http(s) URLs become links. Reading Markdown back is ``reading``'s job.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

# Characters Python-Markdown gives a meaning to inside a line.
INLINE_SPECIAL = re.compile(r"([\\`*_\[\]{}|])")
# At the start of a line these open a list, heading or rule.
LINE_START_SPECIAL = re.compile(r"^(\s*)([#+\-]|\d+(?=[.)]))")
# A URL is printable ASCII: a full-width mark or Chinese text right after it ends it
# ("见 https://a.org/x。").
URL = re.compile(r"https?://[!#-&(-;=?-~]+", re.IGNORECASE)
URL_TRAILING_PUNCTUATION = ".,;:!?"


def escape(text: str) -> str:
    """Text → Markdown that renders as exactly that text."""
    text = html.escape(text, quote=False)
    text = INLINE_SPECIAL.sub(r"\\\1", text)
    return LINE_START_SPECIAL.sub(escape_line_start, text)


def escape_line_start(match: re.Match[str]) -> str:
    indent, token = match.group(1), match.group(2)
    if token.isdigit():
        return f"{indent}{token}\\"  # "2022." → "2022\." so no list starts
    return f"{indent}\\{token}"


def linkify(text: str) -> str:
    """Escape text, turning http(s) URLs into autolinks (nothing else links)."""
    pieces: list[str] = []
    position = 0
    for match in URL.finditer(text):
        url = match.group(0).rstrip(URL_TRAILING_PUNCTUATION)
        end = match.start() + len(url)
        pieces.append(escape(text[position : match.start()]))
        pieces.append(f"<{url}>")
        position = end
    pieces.append(escape(text[position:]))
    return "".join(pieces)


def escape_attribute(text: str) -> str:
    """Text for a double-quoted attribute (single quotes need no escape there)."""
    return html.escape(text, quote=False).replace('"', "&quot;")


# --- Page structure: every heading, link, list, table and raw anchor the converter
# writes goes through these, so that one module decides how a page is spelled.


def heading(level: int, markdown: str, anchor_id: str = "") -> str:
    """``## text`` (``markdown`` already escaped: it may hold a link), with the id
    ``anchor_id`` when given (attr_list: ``## 2023 年 {#y2023}``)."""
    marks = f"{'#' * level} {markdown}"
    return f"{marks} {{#{anchor_id}}}" if anchor_id else marks


def link(text: str, target: str) -> str:
    """A link whose text is ``text`` as it is (escaped here)."""
    return link_markdown(escape(text), target)


def link_markdown(markdown: str, target: str) -> str:
    """A link around Markdown already written (escaped text, a heading's label)."""
    return f"[{markdown}]({target})"


def bold(markdown: str) -> str:
    return f"**{markdown}**"


def bullets(items: Iterable[str]) -> str:
    """A bulleted list, an item (Markdown) a line."""
    return "\n".join(f"- {item}" for item in items)


def anchor(anchor_id: str, markdown: str) -> str:
    """Text carrying an id that links reach (``<b id>``: 10 bytes less per entry than
    an empty span before it)."""
    return f'<b id="{escape_attribute(anchor_id)}">{markdown}</b>'


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A pipe table of text cells (each escaped, so a ``|`` stays in its cell)."""
    lines = [table_row(header), "|" + "|".join(" --- " for _ in header) + "|"]
    lines.extend(table_row(row) for row in rows)
    return "\n".join(lines)


def table_row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(escape(cell) for cell in cells) + " |"


def footnote_reference(label: str) -> str:
    return f"[^{label}]"


def footnote_definition(label: str, markdown: str) -> str:
    return f"[^{label}]: {markdown}"


def figure(caption: str, image: str, alt: str) -> str:
    """An image with its caption (text) beside it. The caption sits in raw HTML, which
    md_in_html leaves as it is: HTML escaping there, Markdown escaping in the alt
    text, which says only what the image is (a screen reader reads the caption once)."""
    return (
        '<figure markdown="span">\n'
        f"  ![{escape(alt)}]({image})\n"
        f"  <figcaption>{html.escape(caption, quote=False)}</figcaption>\n"
        "</figure>"
    )


def html_block(tag: str, markdown: str, attributes: str = "") -> str:
    """Raw HTML around Markdown that md_in_html still renders (``markdown``)."""
    return f"<{tag}{attributes} markdown>\n{markdown}\n</{tag}>"


def blocks(parts: Iterable[str]) -> str:
    """A page's body: its blocks, a blank line apart, ending with a line end."""
    return "\n\n".join(parts) + "\n"
