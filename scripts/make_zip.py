"""Zip a folder deterministically: sorted entries, fixed timestamps, one top folder.

Links are never followed: a symbolic link or a special file (device, FIFO) in the
folder is refused, naming it, and no zip is written (a link would put its target,
any file of the machine, into the download).

Usage: python scripts/make_zip.py SOURCE_DIR ZIP_FILE TOP_FOLDER
"""

from __future__ import annotations

import os
import stat
import sys
import zipfile
from pathlib import Path

FIXED_TIME = (2020, 1, 1, 0, 0, 0)  # zip cannot store dates before 1980


class RefusedEntry(Exception):
    pass


def regular_files(source: Path) -> list[Path]:
    """Every file under ``source``, in path order; a link or special file is refused."""
    files = []
    for parent, folders, names in os.walk(source):
        for name in folders + names:
            path = Path(parent) / name
            mode = os.lstat(path).st_mode
            if stat.S_ISLNK(mode):
                raise RefusedEntry(f"{path} is a symbolic link (to {os.readlink(path)})")
            if stat.S_ISREG(mode):
                files.append(path)
            elif not stat.S_ISDIR(mode):
                raise RefusedEntry(f"{path} is not a regular file (a device, FIFO or socket)")
    return sorted(files)


def make_zip(source: Path, target: Path, top: str) -> None:
    """Raises ``RefusedEntry`` (and writes nothing) for a link or a special file."""
    files = regular_files(source)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            info = zipfile.ZipInfo(f"{top}/{path.relative_to(source).as_posix()}", FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    partial.replace(target)


if __name__ == "__main__":
    try:
        make_zip(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3])
    except RefusedEntry as refused:
        sys.exit(f"error: {refused}: links and special files are refused; no zip was written")
