"""Inline Markdown: escaping export text so it stays text, and safe links.

Only the render pass uses this module. Anything from the export that looks like
markup (``<script>``, ``*``, ``[x](y)``, a leading ``1.``) must come out as the
characters it is, and only http(s) URLs become links.
"""

from __future__ import annotations

import html
import re

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
