"""Zip a folder deterministically: sorted entries, fixed timestamps, one top folder.

Usage: python scripts/make_zip.py SOURCE_DIR ZIP_FILE TOP_FOLDER
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

FIXED_TIME = (2020, 1, 1, 0, 0, 0)  # zip cannot store dates before 1980


def make_zip(source: Path, target: Path, top: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in source.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{top}/{path.relative_to(source).as_posix()}", FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    partial.replace(target)


if __name__ == "__main__":
    make_zip(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3])
