"""Pass 1, decode: bytes of an export → ``Source`` (text with ``\\n`` line ends).

Exports come from different machines: UTF-8 with or without a byte-order mark,
GB18030 (a superset of GBK), and CRLF or CR line ends. All of them decode to the
same text, so the same issue converts to byte-identical pages.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from .model import ConversionError, Source

# Tried in order; UTF-8 first because a GB18030 decode of UTF-8 bytes rarely fails
# outright but yields mojibake, while UTF-8 rejects almost any GB18030 text.
ENCODINGS = ("utf-8", "gb18030")


def decode_bytes(data: bytes, path: str) -> Source:
    """Decode one export, normalise its line ends, and drop a byte-order mark."""
    if not data.strip():
        raise ConversionError(path, 1, "the export is empty")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    first_error: UnicodeDecodeError | None = None
    for encoding in ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            first_error = first_error or error
            continue
        return Source(path=path, text=normalise_line_ends(text))
    assert first_error is not None
    line = data.count(b"\n", 0, first_error.start) + 1
    raise ConversionError(
        path,
        line,
        f"cannot decode byte offset {first_error.start} as UTF-8 or GB18030",
    )


def normalise_line_ends(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_source(path: str | Path) -> Source:
    return decode_bytes(Path(path).read_bytes(), str(path))
