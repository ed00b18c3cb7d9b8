"""The decode pass: bytes of an export → ``Source`` (text with ``\\n`` line ends).

Exports come from different machines: UTF-8 with or without a byte-order mark,
GB18030 (a superset of GBK), and CRLF or CR line ends. All of them decode to the
same text, so the same issue converts to byte-identical pages. Control characters
(NUL, ESC…) are not text: dropped, with a warning naming their line.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from ..diagnostics import Diagnostics
from ..model import Source
from ..patterns import NOT_TEXT

# Tried in order; UTF-8 first because a GB18030 decode of UTF-8 bytes rarely fails
# outright but yields mojibake, while UTF-8 rejects almost any GB18030 text.
ENCODINGS = ("utf-8", "gb18030")


def decode_bytes(data: bytes, diagnostics: Diagnostics) -> Source:
    """Decode one export, normalise its line ends, and drop a byte-order mark."""
    if not data.strip():
        diagnostics.fail(1, "the export is empty")
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    body = data[bom:]
    errors: list[UnicodeDecodeError] = []
    for encoding in ENCODINGS:
        try:
            text = body.decode(encoding)
        except UnicodeDecodeError as error:
            errors.append(error)
            continue
        return Source(
            path=diagnostics.path, text=drop_not_text(normalise_line_ends(text), diagnostics)
        )
    # The encoding that read furthest is most likely the file's own: its error is
    # the one worth showing.
    furthest = max(errors, key=lambda error: error.start)
    offset = bom + furthest.start
    diagnostics.fail(
        line_of_offset(data, offset),
        f"cannot decode byte offset {offset} as UTF-8 or GB18030 "
        f"(as {furthest.encoding}: {furthest.reason})",
    )


def drop_not_text(text: str, diagnostics: Diagnostics) -> str:
    """Control characters (``NOT_TEXT``) dropped, each line that had one warned."""
    if not NOT_TEXT.search(text):
        return text
    for number, line in enumerate(text.split("\n"), start=1):
        found = sorted(set(NOT_TEXT.findall(line)))
        if found:
            names = ", ".join(f"U+{ord(char):04X}" for char in found)
            diagnostics.warn(number, f"control characters dropped (not text): {names}")
    return NOT_TEXT.sub("", text)


def line_of_offset(data: bytes, offset: int) -> int:
    """The 1-based line holding byte ``offset``, whatever the line ends."""
    before = data[:offset]
    return before.count(b"\n") + before.replace(b"\r\n", b"").count(b"\r") + 1


def normalise_line_ends(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_source(path: str | Path) -> Source:
    return decode_bytes(Path(path).read_bytes(), Diagnostics(str(path)))
