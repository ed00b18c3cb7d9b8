"""Writing pages into the docs folder: all or nothing, and never over an edit.

Generated pages carry a checksum of their own text in the front matter. A page
whose text no longer matches its checksum was edited by hand (in a pull request)
and is left alone unless the caller forces it. All pages are written into a copy of
the docs folder that replaces the folder only once everything is written, so a
failed run leaves the folder as it was.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .front_matter import is_hand_edited
from .paths import is_editable


@dataclass
class WritePlan:
    write: dict[str, str] = field(default_factory=dict)
    remove: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped_edited: list[str] = field(default_factory=list)


def plan_writes(
    out_dir: Path, pages: dict[str, str], force: bool, folders: tuple[str, ...] = ()
) -> WritePlan:
    """Decide what to write; generated pages in ``folders`` that the run no longer
    produces are removed (an issue re-converted with fewer articles)."""
    plan = WritePlan()
    for folder in folders:
        for stale in sorted((out_dir / folder).glob("*.md")):
            relative = stale.relative_to(out_dir).as_posix()
            if relative in pages:
                continue
            if is_hand_edited(stale.read_text(encoding="utf-8")) and not force:
                plan.skipped_edited.append(relative)
            else:
                plan.remove.append(relative)
    for relative, text in sorted(pages.items()):
        target = out_dir / relative
        if target.exists():
            current = target.read_text(encoding="utf-8")
            if current == text:
                plan.unchanged.append(relative)
                continue
            if is_editable(relative) and is_hand_edited(current) and not force:
                plan.skipped_edited.append(relative)
                continue
        plan.write[relative] = text
    return plan


def write_atomically(out_dir: Path, files: dict[str, str], remove: tuple[str, ...] = ()) -> None:
    """Write ``files`` into ``out_dir`` so that either all land or none does."""
    if not files and not remove:
        return
    out_dir = out_dir.resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=out_dir.parent))
    try:
        if out_dir.exists():
            shutil.copytree(out_dir, staging, dirs_exist_ok=True)
        for relative, text in files.items():
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text.encode("utf-8"))
        for relative in remove:
            (staging / relative).unlink(missing_ok=True)
        swap_in(staging, out_dir)
    finally:
        if staging.exists():
            shutil.rmtree(staging)


def swap_in(staging: Path, out_dir: Path) -> None:
    if not out_dir.exists():
        os.replace(staging, out_dir)
        return
    retired = out_dir.with_name(f".{out_dir.name}.old-{os.getpid()}")
    os.replace(out_dir, retired)
    os.replace(staging, out_dir)
    shutil.rmtree(retired)
