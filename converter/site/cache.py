"""The conversion cache: what each conversion depended on, hashed.

``docs/.convert-cache.json`` records, for every export converted into the docs
folder, the hash of its bytes, the hash of the converter (its code and the editors'
vocabularies) and the issue and page count it gave. ``convert`` skips an export
whose bytes and converter are those recorded, so rebuilding an archive of hundreds
of issues only converts the issues that changed.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

from ..vocabulary import DATA_DIR

PACKAGE_DIR = Path(__file__).resolve().parent.parent
# Output depends on the code and on the editors' vocabularies.
INPUTS = ("**/*.py",)
DATA_INPUTS = ("tags.yml", "sections.yml")
SHORT = 16


def export_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:SHORT]


@cache
def converter_hash() -> str:
    return inputs_hash(PACKAGE_DIR, DATA_DIR)


def inputs_hash(package_dir: Path, data_dir: Path) -> str:
    """The hash of the converter's code under ``package_dir`` and of the vocabularies
    in ``data_dir``: every file the output depends on, with its name."""
    digest = hashlib.sha256()
    code = sorted(p for pattern in INPUTS for p in package_dir.glob(pattern))
    named = [(p.relative_to(package_dir).as_posix(), p) for p in code]
    named += [(name, data_dir / name) for name in DATA_INPUTS if (data_dir / name).exists()]
    for name, path in named:
        digest.update(name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:SHORT]


CACHE_FILE = ".convert-cache.json"


Recorded = dict[str, tuple[str, str, int]]


def recorded_exports(out_dir: Path) -> Recorded:
    """Export hash → (issue, converter hash, page count) of the conversions that made
    ``out_dir``. A damaged cache (not JSON, not UTF-8, another shape, a bad entry)
    reads as empty, or without the entries it cannot read: it only costs a
    conversion."""
    try:
        loaded = json.loads((out_dir / CACHE_FILE).read_bytes())
    except (OSError, ValueError):  # missing, unreadable, not UTF-8 or not JSON
        return {}
    exports = loaded.get("exports") if isinstance(loaded, dict) else None
    if not isinstance(exports, dict):
        return {}
    recorded: Recorded = {}
    for export, entry in exports.items():
        if isinstance(entry, dict) and isinstance(entry.get("pages", 0), int):
            recorded[export] = (
                str(entry.get("issue")),
                str(entry.get("converter")),
                int(entry.get("pages", 0)),
            )
    return recorded


def render_cache(recorded: Recorded) -> str:
    exports = {
        export: {"issue": issue, "converter": converter, "pages": pages}
        for export, (issue, converter, pages) in sorted(recorded.items())
    }
    return json.dumps({"exports": exports}, ensure_ascii=False, indent=1) + "\n"
