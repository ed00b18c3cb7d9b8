"""What a conversion depends on, hashed: the export's bytes and the converter itself.

The issue's landing page records both. ``convert`` skips an export whose bytes and
converter are those recorded, so rebuilding an archive of hundreds of issues only
converts the issues that changed.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from .vocabulary import DATA_DIR

PACKAGE_DIR = Path(__file__).resolve().parent
# Output depends on the code and on the editors' vocabularies.
INPUTS = ("*.py",)
DATA_INPUTS = ("tags.yml", "sections.yml", "search-words.txt")
SHORT = 16


def export_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:SHORT]


@cache
def converter_hash() -> str:
    digest = hashlib.sha256()
    files = sorted(p for pattern in INPUTS for p in PACKAGE_DIR.glob(pattern))
    files += [DATA_DIR / name for name in DATA_INPUTS if (DATA_DIR / name).exists()]
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:SHORT]
