"""Which issues the archive holds: an editor's deletion of a whole issue is a decision.

``docs/.issues.yml`` (committed with the pages, so CI and every clone agree; MkDocs
leaves dotfiles out of the site) lists every issue converted into the docs folder.
An issue it lists whose folder is gone (no contents page, no manifest, no article
page) was deleted by an editor: the run records ``deleted: true``, does not convert
its export, and says so, every time. ``deleted: false`` in its entry, or ``convert
--restore YYYY-MM``, brings it back at the next conversion (the mark is then dropped).
The record is outside the issue's folder because the folder is what was deleted.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..model import ConversionError, Warning_
from .front_matter import SAFE_DUMPER
from .identity import MANIFEST, ManifestError, article_pages, load_yaml_record
from .paths import issue_folder

ISSUES_FILE = ".issues.yml"
ISSUE_ID = re.compile(r"^\d{4}-\d{2}$")
EXPORT_ISSUE = re.compile(r"^(\d{4}-\d{2})\.txt$")
HEADER = (
    "# 本刊已转换的各期，由转换程序维护（见 CONTRIBUTING.md「删除和恢复一期」）。\n"
    "# 删除一期：删除它的文件夹 docs/YYYY/MM/（转换时在这里记为 deleted: true）。\n"
    "# 恢复一期：把它条目中的 deleted: true 改为 deleted: false。\n"
)

Record = dict[str, bool | None]  # issue → True: deleted; False: to restore; None: there


def read_record(text: str) -> Record:
    """The record's issues; raises ``ManifestError`` naming the line at fault."""
    loaded = load_yaml_record(text)
    items = loaded.get("issues") if isinstance(loaded, dict) else None
    if not isinstance(items, list):
        raise ManifestError(1, "expected a list 'issues:'")
    record: Record = {}
    for item in items:
        issue = str(item.get("issue", "")) if isinstance(item, dict) else ""
        line = issue_line(text, issue)
        if not ISSUE_ID.match(issue):
            raise ManifestError(line, f"an entry's issue must be like '2023-07', not {item!r}")
        deleted = item.get("deleted")
        if deleted is not None and not isinstance(deleted, bool):
            raise ManifestError(line, f"deleted must be true or false, not {deleted!r}")
        if issue in record:
            raise ManifestError(line, f"issue {issue} is listed twice")
        record[issue] = deleted
    return record


def issue_line(text: str, issue: str) -> int:
    """The record's line naming ``issue`` (1 when it cannot be found)."""
    for index, line in enumerate(text.split("\n"), start=1):
        if issue and issue in line:
            return index
    return 1


def render_record(record: Record) -> str:
    issues: list[dict[str, object]] = []
    for issue in sorted(record):
        item: dict[str, object] = {"issue": issue}
        if record[issue] is not None:
            item["deleted"] = record[issue]
        issues.append(item)
    dumped = yaml.dump(
        {"issues": issues}, Dumper=SAFE_DUMPER, allow_unicode=True, sort_keys=False, width=1000
    )
    return HEADER + dumped


def load_record(docs: Path) -> Record | None:
    """The docs folder's record, ``None`` without one; raises ``ConversionError``."""
    path = docs / ISSUES_FILE
    if not path.is_file():
        return None
    try:
        return read_record(path.read_text(encoding="utf-8"))
    except (ManifestError, UnicodeDecodeError) as error:
        line = error.line if isinstance(error, ManifestError) else 1
        raise ConversionError(str(path), line, str(error)) from error


def issue_present(docs: Path, issue: str) -> bool:
    """Is anything of the issue's folder left: its contents, manifest or a page?"""
    folder = docs / issue_folder(issue)
    return (
        (folder / "index.md").is_file()
        or (folder / MANIFEST).is_file()
        or bool(article_pages(folder))
    )


def present_issues(docs: Path) -> set[str]:
    """The issues whose folder holds anything of them."""
    found = (f"{p.parent.name}-{p.name}" for p in docs.glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]"))
    return {issue for issue in found if issue_present(docs, issue)}


@dataclass
class Decision:
    """What the run does with each issue before converting: the record as it now
    stands (deletions found, restores asked), and what to tell."""

    record: Record = field(default_factory=dict)
    said: list[str] = field(default_factory=list)

    def deleted(self, issue: str) -> bool:
        return self.record.get(issue) is True


def decide(docs: Path, restore: Collection[str]) -> Decision:
    """Read the record: an issue listed whose folder is gone is now deleted; an
    issue in ``restore`` is to be converted again. Raises ``ConversionError``."""
    loaded = load_record(docs)
    decision = Decision(dict(loaded or {}))
    for issue, deleted in sorted(decision.record.items()):
        if deleted and issue_present(docs, issue):
            decision.record[issue] = False
            decision.said.append(
                f"{issue_folder(issue)} is recorded as deleted in {ISSUES_FILE} but is there "
                "(put back): restored, its export is converted again"
            )
        elif deleted is None and not issue_present(docs, issue):
            decision.record[issue] = True
            decision.said.append(
                f"{issue_folder(issue)} was deleted by an editor: recorded as deleted in "
                f"{ISSUES_FILE}; its export is not converted again (convert --restore {issue}, "
                "or 'deleted: false' in its entry, brings it back)"
            )
    for issue in sorted(restore):
        if decision.record.get(issue) is True:
            decision.record[issue] = False
            decision.said.append(f"issue {issue} restored: its export is converted again")
        else:
            decision.said.append(f"issue {issue} is not recorded as deleted: nothing to restore")
    return decision


def skipped_exports(paths: list[Path], decision: Decision) -> tuple[list[Path], list[Path]]:
    """The exports to convert, and those of issues recorded as deleted (by the
    export's name; an export named otherwise is dropped once converted)."""
    kept: list[Path] = []
    skipped: list[Path] = []
    for path in paths:
        named = EXPORT_ISSUE.match(path.name)
        (skipped if named and decision.deleted(named.group(1)) else kept).append(path)
    return kept, skipped


def skipped_message(path: Path, issue: str) -> str:
    return (
        f"{path}: issue {issue} was deleted by an editor ({ISSUES_FILE} records it): "
        f"not converted (convert --restore {issue} brings it back)"
    )


def final_record(docs: Path, decision: Decision, converted: Collection[str]) -> Record:
    """The record after the run: every issue in the docs folder or just converted
    (a restored one no longer marked), and every deletion."""
    record = dict(decision.record)
    for issue in sorted(present_issues(docs) | set(converted)):
        if issue in converted or record.get(issue) is not True:
            record[issue] = None
    return record


def check_record(docs: Path) -> Iterator[Warning_]:
    """The record against the docs folder: an issue listed whose folder is missing
    without ``deleted: true``, one recorded as deleted whose folder is there, and a
    record that cannot be read."""
    path = docs / ISSUES_FILE
    if not path.is_file():
        return
    shown = path.as_posix()
    text = path.read_text(encoding="utf-8", errors="replace")
    try:
        record = read_record(text)
    except ManifestError as error:
        yield Warning_(shown, error.line, error.message)
        return
    for issue, deleted in sorted(record.items()):
        present = issue_present(docs, issue)
        if not present and deleted is None:
            yield Warning_(
                shown,
                issue_line(text, issue),
                f"{issue_folder(issue)} is listed but missing: to delete the issue, add "
                "'deleted: true' under its entry (a conversion records it); otherwise "
                "restore the folder",
            )
        elif present and deleted:
            yield Warning_(
                shown,
                issue_line(text, issue),
                f"{issue_folder(issue)} is recorded as deleted but is there: delete the "
                "folder, or remove 'deleted: true' from its entry to keep it",
            )
