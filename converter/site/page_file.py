"""Reading a page of the docs folder: UTF-8, a byte-order mark tolerated.

Pages are the editors' files, saved by any editor: one saved as UTF-8 with a
byte-order mark reads as the same page without it; one saved in another encoding
(GB18030, say) is an error naming the page and the line of the first byte that is
not UTF-8, never a traceback.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from ..model import ConversionError


def decode_page(shown: str, data: bytes) -> str:
    """A page's text; raises ``ConversionError`` naming ``shown`` and the line."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        offset = error.start + (len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0)
        line = data.count(b"\n", 0, offset) + 1
        raise ConversionError(
            shown,
            line,
            f"the page is not UTF-8 (byte {offset}: {data[offset : offset + 2].hex(' ')}): "
            "save it as UTF-8",
        ) from None


def read_page_file(path: Path) -> str:
    return decode_page(str(path), path.read_bytes())
