"""One conversion run: gather every page, check them, then write them all at once.

0. Alone: hold the docs folder's lock (``site/lock.py``) and finish what an
   interrupted run left there (``writer.recover``), saying so.
1. Gather: convert the exports that changed since their last conversion (in
   parallel with ``jobs``), render their pages, and the archive's pages from every
   issue in the docs folder.
2. Check: refuse two exports of one issue, and check every rendered page as the
   editors' gate would (footnotes, tables); nothing is written if one fails.
3. Write: plan the writes (an editor's page is never overwritten without
   ``force``) and write them as one transaction (``site/writer.py``): whole after
   any crash, never over a page saved since it was read.

``cli`` parses the arguments and prints; this module does the work.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

import yaml

from .check import Problem, check_rendered
from .diagnostics import Diagnostics
from .files import read_export, refuse_unsafe_docs
from .lifetime import die_with_parent
from .model import ConversionError, Table, Warning_
from .passes import run_passes
from .site import durable
from .site.archive_pages import archive_pages, stale_archive_pages
from .site.cache import (
    CACHE_FILE,
    Recorded,
    converter_hash,
    export_hash,
    recorded_exports,
    render_cache,
)
from .site.entries import IssueEntry, existing_entries, issue_entry, with_edited_articles
from .site.identity import identify, manifest_agrees, manifest_path
from .site.issue_pages import render_issue
from .site.issue_record import (
    ISSUES_FILE,
    decide,
    final_record,
    render_record,
    skipped_exports,
    skipped_message,
)
from .site.lock import run_lock
from .site.paths import issue_folder
from .site.writer import WritePlan, plan_writes, recover, write_atomically

Step = Callable[[int, int, str], None]  # (done, total, export name): progress
Say = Callable[[str], None]  # what the run has to tell before anything else


@dataclass(frozen=True)
class Options:
    out_dir: Path
    site_url: str = "/"
    force: bool = False  # overwrite pages edited by hand
    reuse: bool = True  # skip exports unchanged since their last conversion
    jobs: int = 1
    wait: float = 0.0  # seconds to wait for another run on the same folder
    restore: tuple[str, ...] = ()  # issues recorded as deleted to convert again


@dataclass(frozen=True)
class Converted:
    """One export converted and rendered: what the run needs of it, and no more
    (with ``jobs`` it comes back from a worker process)."""

    path: Path
    issue_id: str
    export: str  # hash of the export's bytes
    pages: dict[str, str]
    entry: IssueEntry
    warnings: tuple[Warning_, ...]
    accounting: tuple[str, ...]  # the character accounting
    footnotes: int
    tables: int
    # What the checks found in its pages, checked where it was converted (in a
    # ``--jobs`` worker: the parse the checks read costs about a millisecond a page).
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Outcome:
    converted: tuple[Converted, ...]
    unchanged: tuple[Path, ...]  # exports not converted again
    plan: WritePlan

    @property
    def warnings(self) -> list[Warning_]:
        return [warning for result in self.converted for warning in result.warnings]


class PagesRejected(Exception):
    """Rendered pages failed their checks; nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problems in the rendered pages")
        self.problems = problems


@dataclass
class Gathered:
    pages: dict[str, str] = field(default_factory=dict)
    converted: list[Converted] = field(default_factory=list)


def convert(
    inputs: Sequence[Path],
    options: Options,
    step: Step | None = None,
    say: Say | None = None,
) -> Outcome:
    """Convert ``inputs`` into ``options.out_dir``, alone on it (``lock.Busy`` when
    another run keeps it longer than ``options.wait``), after finishing what an
    interrupted run left there. Raises ``ConversionError`` for a bad export or page,
    ``FilesRefused`` for links or devices in the docs folder and ``PagesRejected`` for
    rendered pages that fail their checks."""
    tell = say or (lambda message: None)
    with run_lock(options.out_dir, options.wait, tell) as held:
        if held.interrupted:
            tell(f"the last run on {options.out_dir} was interrupted: {held.interrupted}")
        for message in recover(options.out_dir):
            tell(message)
        return convert_alone(inputs, options, step, tell)


def convert_alone(
    inputs: Sequence[Path], options: Options, step: Step | None, tell: Say
) -> Outcome:
    out_dir = options.out_dir
    refuse_unsafe_docs(out_dir)  # links and devices would be copied as their targets
    decision = decide(out_dir, options.restore)
    wanted, skipped = skipped_exports(list(inputs), decision)
    paths, unchanged = split_unchanged(wanted, out_dir, options.reuse)
    converted = convert_files(paths, out_dir, options.jobs, step)
    check_unique_issues({**unchanged, **{c.path: c.issue_id for c in converted}})
    for message in decision.said:
        tell(message)
    for path in skipped:
        tell(skipped_message(path, path.name.removesuffix(".txt")))
    for result in [c for c in converted if decision.deleted(c.issue_id)]:
        tell(skipped_message(result.path, result.issue_id))
    converted = [c for c in converted if not decision.deleted(c.issue_id)]
    pages: dict[str, str] = {}
    for result in converted:
        pages.update(result.pages)
    pages[CACHE_FILE] = render_cache(updated_cache(out_dir, converted))
    pages[ISSUES_FILE] = render_record(
        final_record(out_dir, decision, {c.issue_id for c in converted})
    )
    pages.update(all_archive_pages(out_dir, converted, options.site_url, options.force))
    checked = {relative for result in converted for relative in result.pages}
    check_pages(
        {path: text for path, text in pages.items() if path not in checked},
        [problem for result in converted for problem in result.problems],
    )
    folders = tuple(issue_folder(result.issue_id) for result in converted)
    plan = plan_writes(out_dir, pages, force=options.force, folders=folders)
    for relative in stale_archive_pages(out_dir, pages):
        plan.remove_file(out_dir, relative)
    plan.changed_meanwhile = write_atomically(out_dir, plan.write, tuple(plan.remove), plan.read)
    return Outcome(tuple(converted), tuple(unchanged), plan)


def check_pages(pages: dict[str, str], found: Sequence[Problem] = ()) -> None:
    """Every page about to be written, the issues' (checked where they were
    converted: ``found``) and the archive's, through the checks the converter makes
    on what it renders (``check.RULES``)."""
    problems = sorted([*found, *rendered_problems(pages)], key=lambda problem: problem.path)
    if problems:
        raise PagesRejected(problems)


def rendered_problems(pages: dict[str, str]) -> list[Problem]:
    return [
        problem
        for relative, text in sorted(pages.items())
        if relative.endswith(".md")
        for problem in check_rendered(relative, text)
    ]


def source_label(path: Path, project: Path) -> str:
    """The export as its pages name it (``source:``), the same whatever form of its
    path the caller gave (relative, absolute, through ``..``): relative to the
    project (the docs folder's parent) when inside it, else to the working folder,
    else ``archive/<name>``, where a project keeps its exports. Never an absolute
    path: it would change every page when the checkout moves."""
    resolved = path.resolve()
    for base in (project, Path.cwd().resolve()):
        if resolved.is_relative_to(base):
            return resolved.relative_to(base).as_posix()
    return f"archive/{path.name}"


def convert_path(path: Path, out_dir: Path) -> Converted:
    """Convert one export, its articles numbered after the pages of its issue
    already in ``out_dir`` (``site.identity``)."""
    data = read_export(path)
    diagnostics = Diagnostics(str(path))
    draft = run_passes(data, str(path), diagnostics)
    assert draft.issue is not None
    label = source_label(path, out_dir.resolve().parent)
    labelled = replace(draft.issue, source=replace(draft.issue.source, path=label))
    identified = identify(labelled, out_dir, diagnostics)
    issue = identified.issue
    pages = {**render_issue(issue), manifest_path(str(issue.id)): identified.manifest}
    return Converted(
        path=path,
        issue_id=str(issue.id),
        export=export_hash(data),
        pages=pages,
        entry=issue_entry(issue),
        warnings=tuple(diagnostics.warnings),
        accounting=draft.accounting,
        footnotes=sum(len(a.footnotes) for a in issue.articles),
        tables=sum(isinstance(b, Table) for a in issue.articles for b in a.blocks),
        problems=tuple(rendered_problems(pages)),
    )


def convert_files(
    paths: Sequence[Path], out_dir: Path, jobs: int, step: Step | None
) -> list[Converted]:
    """Convert every export, in parallel when ``jobs`` > 1; results in input order.
    Workers die with the run: killed, it leaves none behind."""
    results: dict[int, Converted] = {}
    work = partial(convert_path, out_dir=out_dir)
    if jobs > 1 and len(paths) > 1:
        pool = ProcessPoolExecutor(
            max_workers=jobs, initializer=start_worker, initargs=(os.getpid(),)
        )
        with pool:
            try:
                futures = {pool.submit(work, path): index for index, path in enumerate(paths)}
                for done, future in enumerate(as_completed(futures), start=1):
                    index = futures[future]
                    if step:
                        step(done, len(paths), paths[index].name)
                    results[index] = future.result()
            except BaseException:
                pool.shutdown(wait=False, cancel_futures=True)  # one failed: stop the others
                raise
    else:
        for index, path in enumerate(paths):
            if step:
                step(index + 1, len(paths), path.name)
            results[index] = work(path)
    return [results[index] for index in range(len(paths))]


def start_worker(parent: int) -> None:
    """A ``--jobs`` worker's first act: die with the run that started it."""
    die_with_parent(parent)
    durable.pause_worker()


def split_unchanged(
    paths: list[Path], out_dir: Path, reuse: bool
) -> tuple[list[Path], dict[Path, str]]:
    """Exports to convert, and those whose recorded conversion is still current
    (same bytes, same converter), with the issue each one gave."""
    if not reuse:
        return paths, {}
    recorded = recorded_exports(out_dir)
    current = converter_hash()
    fresh: list[Path] = []
    unchanged: dict[Path, str] = {}
    for path in paths:
        found = recorded.get(export_hash(read_export(path)))
        if found and found[1] == current and pages_present(out_dir, found[0], found[2]):
            unchanged[path] = found[0]
        else:
            fresh.append(path)
    return fresh, unchanged


def pages_present(out_dir: Path, issue_id: str, count: int) -> bool:
    """Are the issue's pages all still there (none deleted since), and is none
    deleted or restored since in its manifest?"""
    folder = out_dir / issue_folder(issue_id)
    return sum(1 for _ in folder.glob("*.md")) >= count and manifest_agrees(folder)


def check_unique_issues(issue_of: dict[Path, str]) -> None:
    seen: dict[str, Path] = {}
    for path, issue_id in issue_of.items():
        if issue_id in seen:
            raise ConversionError(str(path), 1, f"issue {issue_id} is also in {seen[issue_id]}")
        seen[issue_id] = path


def updated_cache(out_dir: Path, converted: list[Converted]) -> Recorded:
    """The cache's records, the issues just converted replacing their old ones."""
    fresh_ids = {result.issue_id for result in converted}
    recorded = {
        export: entry
        for export, entry in recorded_exports(out_dir).items()
        if entry[0] not in fresh_ids
    }
    for result in converted:
        pages = sum(1 for relative in result.pages if relative.endswith(".md"))
        recorded[result.export] = (result.issue_id, converter_hash(), pages)
    return recorded


def all_archive_pages(
    out_dir: Path, converted: list[Converted], site_url: str, force: bool = False
) -> dict[str, str]:
    """The archive's pages over every issue: those in the docs folder and those just
    converted (which replace their earlier selves, except for the article pages an
    editor changed: those are kept, so the archive lists them as edited)."""
    fresh = {result.entry.issue for result in converted}
    entries = {entry.issue: entry for entry in existing_entries(out_dir, skip=fresh)}
    for result in converted:
        entry = result.entry if force else with_edited_articles(result.entry, out_dir)
        entries[entry.issue] = entry
    repo_url = mkdocs_setting(out_dir.resolve().parent / "mkdocs.yml", "repo_url", "")
    ordered = sorted(entries.values(), key=lambda entry: entry.issue)
    return archive_pages(ordered, site_url, repo_url=str(repo_url or ""))


class TolerantLoader(yaml.SafeLoader):
    """Reads any YAML, tags included (``!ENV``, ``!!python/name:``), as plain data."""


TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def mkdocs_setting(config: Path, name: str, default: object = None) -> object:
    """A setting of an mkdocs.yml, following ``INHERIT``; ``default`` where neither the
    file nor what it inherits (if that exists) sets it.

    Not MkDocs' own loader: it insists that the ``INHERIT`` file exists, and the
    navigation it inherits is what the converter is about to write.
    """
    if not config.exists():
        return default
    loaded = yaml.load(config.read_text(encoding="utf-8"), Loader=TolerantLoader)
    if not isinstance(loaded, dict):
        return default
    if name in loaded:
        return loaded[name]
    if "INHERIT" in loaded:
        return mkdocs_setting(config.parent / str(loaded["INHERIT"]), name, default)
    return default


def configured_site_url(config: Path) -> str:
    """``site_url`` from an mkdocs.yml, or "/" without one."""
    url = mkdocs_setting(config, "site_url")
    return str(url) if url else "/"
