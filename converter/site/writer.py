"""Writing pages into the docs folder: never over an edit, and whole after any crash.

Generated pages carry a checksum of their own text in the front matter. A page
whose text no longer matches its checksum was edited by hand (in a pull request)
and is left alone unless the caller forces it.

A run's writes are a transaction kept in a journal beside the folder
(``.docs.journal``), as a database keeps its log:

1. the journal records every file to write or remove, with the hash of what the
   plan read there (state ``prepared``);
2. each new file is written to a hidden temporary name beside its target
   (``.01.md.tmp-<token>``), and everything is flushed to the disk;
3. the journal turns ``committed``: from here the run is done, whatever happens;
4. each temporary file is renamed over its target (one file at a time, each
   rename atomic) and each removal made; flushed again;
5. the journal is removed.

A run that finds a journal finishes the one before it first and says so: a
``prepared`` one is rolled back (its temporary files removed: the folder is as it
was), a ``committed`` one completed. Either way, at every moment the folder is the
old state, the new one, or one the next run completes. A file that changed on disk
since the plan read it (an editor saved it meanwhile) is never overwritten nor
removed: it is left as it is and named. Files the plan does not name (the site's
scripts and styles) are never touched.
"""

from __future__ import annotations

import contextlib
import json
import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from . import durable
from .front_matter import is_hand_edited
from .page_file import decode_page
from .paths import is_editable

PREPARED = "prepared"
COMMITTED = "committed"
# What earlier converters left beside the folder when killed: a copy made to be
# swapped in (tempfile.mkdtemp's eight characters) and the folder swapped out.
LEGACY_TRACE = re.compile(r"^\.(?P<name>.+)\.(?P<kind>old-\d+|[a-z0-9_]{8})$")


@dataclass
class WritePlan:
    write: dict[str, str] = field(default_factory=dict)
    remove: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped_edited: list[str] = field(default_factory=list)
    # The hash of each file to write or remove as the plan read it (None: no file):
    # a file no longer so when its turn comes was changed meanwhile, and is kept.
    read: dict[str, str | None] = field(default_factory=dict)
    changed_meanwhile: list[str] = field(default_factory=list)

    def remove_file(self, out_dir: Path, relative: str) -> None:
        self.read[relative] = durable.file_digest(out_dir / relative)
        self.remove.append(relative)


def plan_writes(
    out_dir: Path, pages: dict[str, str], force: bool, folders: tuple[str, ...] = ()
) -> WritePlan:
    """Decide what to write; generated pages in ``folders`` that the run no longer
    produces are removed (an issue re-converted with fewer articles). Each file is
    read once: what the decision read is what the write compares with."""
    plan = WritePlan()
    for folder in folders:
        for stale in sorted((out_dir / folder).glob("*.md")):
            relative = stale.relative_to(out_dir).as_posix()
            if relative in pages:
                continue
            data = stale.read_bytes()
            if is_hand_edited(decode_page(str(stale), data)) and not force:
                plan.skipped_edited.append(relative)
            else:
                plan.remove.append(relative)
                plan.read[relative] = durable.digest(data)
    for relative, text in sorted(pages.items()):
        target = out_dir / relative
        try:
            data = target.read_bytes()
        except FileNotFoundError:
            plan.read[relative] = None
            plan.write[relative] = text
            continue
        plan.read[relative] = durable.digest(data)
        if data == text.encode("utf-8"):
            plan.unchanged.append(relative)
            continue
        current = decode_page(str(target), data)
        if is_editable(relative) and is_hand_edited(current) and not force:
            plan.skipped_edited.append(relative)
            continue
        plan.write[relative] = text
    return plan


def journal_path(out_dir: Path) -> Path:
    out_dir = out_dir.resolve()
    return out_dir.parent / f".{out_dir.name}.journal"


@dataclass
class Journal:
    token: str
    state: str
    writes: dict[str, tuple[str | None, str]]  # path → (hash read, hash written)
    removes: dict[str, str | None]  # path → hash read
    folders: list[str]  # folders the run creates, outermost first

    def dump(self) -> bytes:
        return json.dumps(self.__dict__, ensure_ascii=False, indent=1, sort_keys=True).encode()


def load_journal(path: Path) -> Journal | None:
    """The journal, or None when there is none; a journal that cannot be read is
    one whose ``prepared`` record was being written: nothing of it was done."""
    try:
        loaded = json.loads(path.read_bytes())
        return Journal(
            token=str(loaded["token"]),
            state=str(loaded["state"]),
            writes={k: (v[0], v[1]) for k, v in loaded["writes"].items()},
            removes=dict(loaded["removes"]),
            folders=list(loaded["folders"]),
        )
    except FileNotFoundError:
        return None
    except (ValueError, KeyError, TypeError, AttributeError, IndexError):
        return Journal("", PREPARED, {}, {}, [])


def confined(out_dir: Path, journal: Journal) -> bool:
    """Whether every file the journal names is inside the folder: a journal is data
    too (a pull request can commit one), and an absolute path, a '..' or a folder
    linked elsewhere must not make the recovery write or remove outside it."""
    named = [*journal.writes, *journal.removes, *journal.folders]
    return all((out_dir / str(name)).resolve().is_relative_to(out_dir) for name in named)


def write_atomically(
    out_dir: Path,
    files: dict[str, str],
    remove: tuple[str, ...] = (),
    read: dict[str, str | None] | None = None,
) -> list[str]:
    """Write ``files`` and remove ``remove`` in ``out_dir`` as one transaction (see
    the module's docstring). ``read``: the hash of each file as the caller read it
    (by default, as it is now). Returns the files left alone because they changed
    on disk since they were read."""
    if not files and not remove:
        return []
    out_dir = out_dir.resolve()
    read = read or {}
    encoded = {relative: text.encode("utf-8") for relative, text in sorted(files.items())}
    journal = Journal(
        token=secrets.token_hex(6),
        state=PREPARED,
        writes={
            relative: (before(out_dir, relative, read), durable.digest(data))
            for relative, data in encoded.items()
        },
        removes={relative: before(out_dir, relative, read) for relative in sorted(remove)},
        folders=missing_folders(out_dir, encoded),
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    save_journal(out_dir, journal)
    try:
        prepare(out_dir, journal, encoded)
    except BaseException:  # a full disk, say: nothing was put in place
        roll_back(out_dir, journal)
        raise
    journal.state = COMMITTED
    save_journal(out_dir, journal)
    kept = apply(out_dir, journal)
    finish(out_dir)
    return kept


def prepare(out_dir: Path, journal: Journal, encoded: dict[str, bytes]) -> None:
    for folder in journal.folders:
        durable.step("mkdir", out_dir / folder)
        (out_dir / folder).mkdir(exist_ok=True)
    for relative, data in encoded.items():
        durable.write_temp(out_dir / relative, data, journal.token)
    durable.sync(out_dir)


def before(out_dir: Path, relative: str, read: dict[str, str | None]) -> str | None:
    return read[relative] if relative in read else durable.file_digest(out_dir / relative)


def missing_folders(out_dir: Path, files: dict[str, bytes]) -> list[str]:
    folders: set[str] = set()
    for relative in files:
        parent = (out_dir / relative).parent
        while parent != out_dir and not parent.exists():
            folders.add(parent.relative_to(out_dir).as_posix())
            parent = parent.parent
    return sorted(folders, key=lambda folder: (folder.count("/"), folder))


def save_journal(out_dir: Path, journal: Journal) -> None:
    durable.write_file(journal_path(out_dir), journal.dump(), journal.token)


def apply(out_dir: Path, journal: Journal) -> list[str]:
    """Put a committed journal's files in place; a file that is neither what the
    plan read nor what it writes was changed meanwhile and is kept (returned)."""
    kept: list[str] = []
    for relative, (read, written) in sorted(journal.writes.items()):
        target = out_dir / relative
        temp = durable.temp_name(target, journal.token)
        if not temp.exists():
            continue  # put in place before an interruption
        if durable.file_digest(target) in (read, written):
            durable.replace(temp, target)
        else:
            durable.unlink(temp)
            kept.append(relative)
    for relative, read in sorted(journal.removes.items()):
        target = out_dir / relative
        now = durable.file_digest(target)
        if now is None:
            continue
        if now == read:
            durable.unlink(target)
        else:
            kept.append(relative)
    return kept


def roll_back(out_dir: Path, journal: Journal) -> None:
    temps = [durable.temp_name(out_dir / relative, journal.token) for relative in journal.writes]
    if not journal.token:  # a journal that cannot be read: any temporary file is its run's
        temps = list(out_dir.rglob(durable.temp_name(Path("*"), "*").name))
    for temp in sorted(temps):
        if temp.exists():
            durable.unlink(temp)
    for folder in reversed(journal.folders):
        with contextlib.suppress(FileNotFoundError, OSError):
            (out_dir / folder).rmdir()  # only when empty: a folder an editor filled stays
    durable.unlink(journal_path(out_dir))  # nothing of the run is left to flush
    durable.fsync_dir(out_dir.parent)


def finish(out_dir: Path) -> None:
    durable.sync(out_dir)
    durable.unlink(journal_path(out_dir))
    durable.fsync_dir(out_dir.parent)


def recover(out_dir: Path) -> list[str]:
    """Finish what an interrupted run left (call with the folder's lock held); what
    was done, in sentences to show before anything else."""
    out_dir = out_dir.resolve()
    said = recover_legacy(out_dir)
    journal_file = journal_path(out_dir)
    for stray in sorted(journal_file.parent.glob(durable.temp_name(journal_file, "*").name)):
        durable.unlink(stray)  # a journal being written when the run was killed
    journal = load_journal(journal_file)
    if journal is None:
        return said
    if not confined(out_dir, journal):
        journal = Journal("", PREPARED, {}, {}, [])
    if journal.state == COMMITTED:
        kept = apply(out_dir, journal)
        said.append(
            f"{out_dir}: an interrupted run had committed its writes "
            f"({len(journal.writes)} files, {len(journal.removes)} removals): completed them"
            + (f"; left alone, changed since: {', '.join(kept)}" if kept else "")
        )
        finish(out_dir)
    else:
        roll_back(out_dir, journal)
        said.append(
            f"{out_dir}: an interrupted run had not finished preparing its writes: "
            "rolled back, the folder is as it was before it"
        )
    return said


def recover_legacy(out_dir: Path) -> list[str]:
    """Earlier converters swapped the whole folder with two renames: killed between
    them, the folder was gone and its only copy in ``.docs.old-<pid>``. That copy is
    put back; other copies are named (never used nor removed: they may hold edits)."""
    if not out_dir.parent.exists():
        return []
    traces = sorted(
        path
        for path in out_dir.parent.iterdir()
        if (match := LEGACY_TRACE.match(path.name))
        and match.group("name") == out_dir.name
        and path.is_dir()
    )
    said: list[str] = []
    swapped_out = [path for path in traces if ".old-" in path.name]
    if not out_dir.exists() and len(swapped_out) == 1:
        durable.replace(swapped_out[0], out_dir)
        durable.fsync_dir(out_dir.parent)
        said.append(
            f"{out_dir} was missing (an earlier converter was killed while swapping it): "
            f"restored from {swapped_out[0].name}"
        )
        traces.remove(swapped_out[0])
    elif not out_dir.exists() and swapped_out:
        names = ", ".join(path.name for path in swapped_out)
        raise FileNotFoundError(
            f"{out_dir} is missing and several earlier copies remain ({names}): "
            f"rename the right one to {out_dir.name}"
        )
    for trace in traces:
        said.append(
            f"{trace} is a copy of {out_dir.name} left by an interrupted earlier converter "
            "(not used): delete it once nothing in it is needed"
        )
    return said
