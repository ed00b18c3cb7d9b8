"""Writing pages into the docs folder: all or nothing, and never over an edit.

Generated pages carry a checksum of their own text in the front matter. A page
whose text no longer matches its checksum was edited by hand (in a pull request)
and is left alone unless the caller forces it. All pages are written into a copy of
the docs folder that replaces the folder only once everything is written, so a
failed run leaves the folder as it was.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .render import CHECKSUM_KEY, ArticleEntry, IssueEntry, checksum

FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.DOTALL)
CHECKSUM_LINE = re.compile(rf"^{CHECKSUM_KEY}: ([0-9a-f]+)\n", re.MULTILINE)
ISSUE_PAGE = re.compile(r"^(\d{4})/(\d{2})/index\.md$")


@dataclass
class WritePlan:
    write: dict[str, str] = field(default_factory=dict)
    remove: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped_edited: list[str] = field(default_factory=list)


def is_hand_edited(text: str) -> bool:
    """True unless the page still matches the checksum it was generated with."""
    front = FRONT_MATTER.match(text)
    if not front:
        return True
    found = CHECKSUM_LINE.search(front.group(1))
    if not found:
        return True
    without = text[: front.start(1) + found.start()] + text[front.start(1) + found.end() :]
    return checksum(without) != found.group(1)


ISSUE_FOLDER_PAGE = re.compile(r"^\d{4}/\d{2}/[^/]+\.md$")


def is_editable(relative: str) -> bool:
    """An issue's pages are the editors'. The archive listings (home, year pages,
    standards index) and generated data (navigation, feed) are rebuilt every run."""
    return bool(ISSUE_FOLDER_PAGE.match(relative))


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


def read_front_matter(text: str) -> dict[str, object]:
    front = FRONT_MATTER.match(text)
    if not front:
        return {}
    loaded = yaml.safe_load(front.group(1))
    return loaded if isinstance(loaded, dict) else {}


def existing_entries(out_dir: Path) -> Iterator[IssueEntry]:
    """The issues already in the docs folder, with their pages' current titles."""
    if not out_dir.exists():
        return
    for index_page in sorted(out_dir.glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/index.md")):
        relative = index_page.relative_to(out_dir).as_posix()
        match = ISSUE_PAGE.match(relative)
        if not match:
            continue
        meta = read_front_matter(index_page.read_text(encoding="utf-8"))
        articles = [
            article_entry(article.relative_to(out_dir).as_posix(), article)
            for article in sorted(index_page.parent.glob("[0-9]*.md"))
        ]
        yield IssueEntry(
            issue=f"{match.group(1)}-{match.group(2)}",
            title=str(meta.get("title") or relative),
            articles=tuple(articles),
        )


def article_entry(relative: str, path: Path) -> ArticleEntry:
    meta = read_front_matter(path.read_text(encoding="utf-8"))
    return ArticleEntry(
        path=relative,
        # Front matter titles are HTML (see render.html_title); entries hold text.
        title=html.unescape(str(meta.get("title") or path.stem)),
        date=str(meta.get("date") or ""),
        standards=string_list(meta.get("standards")),
        authors=string_list(meta.get("authors")),
        section=str(meta.get("section") or ""),
    )


def string_list(value: object) -> tuple[str, ...]:
    return tuple(str(item) for item in value) if isinstance(value, list) else ()


CACHE_FILE = ".convert-cache.json"


def recorded_exports(out_dir: Path) -> dict[str, tuple[str, str, int]]:
    """Export hash → (issue, converter hash, page count) of the conversions that made
    ``out_dir``."""
    path = out_dir / CACHE_FILE
    if not path.exists():
        return {}
    try:
        loaded = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError:
        return {}  # a damaged cache only costs a conversion
    exports = loaded.get("exports", {}) if isinstance(loaded, dict) else {}
    return {
        export: (str(entry.get("issue")), str(entry.get("converter")), int(entry.get("pages", 0)))
        for export, entry in exports.items()
        if isinstance(entry, dict)
    }


def render_cache(recorded: dict[str, tuple[str, str, int]]) -> str:
    exports = {
        export: {"issue": issue, "converter": converter, "pages": pages}
        for export, (issue, converter, pages) in sorted(recorded.items())
    }
    return json.dumps({"exports": exports}, ensure_ascii=False, indent=1) + "\n"
