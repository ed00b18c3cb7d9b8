"""Command line: ``python -m converter convert INPUT... --out DIR``."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from .check import check_docs
from .fingerprint import converter_hash, export_hash
from .model import ConversionError, Table, Warning_
from .output import (
    CACHE_FILE,
    existing_entries,
    plan_writes,
    recorded_exports,
    render_cache,
    write_atomically,
)
from .pipeline import run_passes
from .render import (
    FEED_FILE,
    HOME_PAGE,
    NAV_FILE,
    STANDARDS_PAGE,
    STANDARDS_TITLE,
    IssueEntry,
    issue_entry,
    render_feed,
    render_home,
    render_issue,
    render_nav,
    render_standards,
    render_year,
)
from .search_words import SEARCH_DICT_FILE, render_search_dict

# Warnings printed one per line before the summary; the rest are counted only.
MAX_WARNINGS_SHOWN = 50


@dataclass
class Totals:
    issues: int = 0
    articles: int = 0
    footnotes: int = 0
    tables: int = 0
    warnings: int = 0

    def add(self, converted: Converted) -> None:
        self.issues += 1
        self.articles += converted.articles
        self.footnotes += converted.footnotes
        self.tables += converted.tables
        self.warnings += len(converted.warnings)


class Progress:
    """One updating line on a terminal, plain lines otherwise."""

    def __init__(self, stream: TextIO, total: int) -> None:
        self.stream = stream
        self.total = total
        self.interactive = stream.isatty()

    def step(self, done: int, name: str) -> None:
        message = f"[{done}/{self.total}] {name}"
        if self.interactive:
            self.stream.write(f"\r\033[K{message}")
        else:
            self.stream.write(message + "\n")
        self.stream.flush()

    def finish(self) -> None:
        if self.interactive:
            self.stream.write("\r\033[K")
            self.stream.flush()


@dataclass(frozen=True)
class Converted:
    """One export converted and rendered: what the run needs of it, and no more
    (with --jobs it comes back from a worker process)."""

    issue_id: str
    export: str  # hash of the export's bytes
    pages: dict[str, str]
    entry: IssueEntry
    warnings: tuple[Warning_, ...]
    report: tuple[str, ...]
    articles: int
    footnotes: int
    tables: int


def convert_path(path: Path) -> Converted:
    data = path.read_bytes()
    draft = run_passes(data, str(path))
    issue = draft.issue
    assert issue is not None
    return Converted(
        issue_id=str(issue.id),
        export=export_hash(data),
        pages=render_issue(issue),
        entry=issue_entry(issue),
        warnings=draft.warnings,
        report=draft.report,
        articles=len(issue.articles),
        footnotes=sum(len(a.footnotes) for a in issue.articles),
        tables=sum(isinstance(b, Table) for a in issue.articles for b in a.blocks),
    )


def convert_files(paths: Sequence[Path], progress: Progress, jobs: int = 1) -> list[Converted]:
    """Convert every export, in parallel when ``jobs`` > 1; results in input order."""
    results: dict[int, Converted] = {}
    if jobs > 1 and len(paths) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = {pool.submit(convert_path, path): index for index, path in enumerate(paths)}
            for done, future in enumerate(as_completed(futures), start=1):
                index = futures[future]
                progress.step(done, paths[index].name)
                results[index] = future.result()
    else:
        for index, path in enumerate(paths):
            progress.step(index + 1, path.name)
            results[index] = convert_path(path)
    progress.finish()
    return [results[index] for index in range(len(paths))]


# Hand-made pages listed in the navigation after the archive.
EXTRA_NAV = (("标签", "tags.md"), (STANDARDS_TITLE, STANDARDS_PAGE))


def archive_pages(out_dir: Path, fresh: list[IssueEntry], site_url: str) -> dict[str, str]:
    entries: dict[str, IssueEntry] = {e.issue: e for e in existing_entries(out_dir)}
    entries.update((entry.issue, entry) for entry in fresh)
    extra = [
        (title, path)
        for title, path in EXTRA_NAV
        if path == STANDARDS_PAGE or (out_dir / path).exists()
    ]
    pages = {
        HOME_PAGE: render_home(entries.values()),
        NAV_FILE: render_nav(entries.values(), extra),
        STANDARDS_PAGE: render_standards(entries.values()),
        FEED_FILE: render_feed(entries.values(), site_url),
        SEARCH_DICT_FILE: render_search_dict(),
    }
    for year in sorted({entry.year for entry in entries.values()}):
        pages[f"{year}/index.md"] = render_year(
            year, [e for e in entries.values() if e.year == year]
        )
    return pages


def configured_site_url(out_dir: Path) -> str:
    """site_url from the mkdocs.yml next to the docs folder, if there is one."""
    config = out_dir.resolve().parent / "mkdocs.yml"
    if not config.exists():
        return "/"
    for line in config.read_text(encoding="utf-8").splitlines():
        if line.startswith("site_url:"):
            return line.partition(":")[2].strip().strip("'\"") or "/"
    return "/"


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
        found = recorded.get(export_hash(path.read_bytes()))
        if found and found[1] == current and pages_present(out_dir, found[0], found[2]):
            unchanged[path] = found[0]
        else:
            fresh.append(path)
    return fresh, unchanged


def pages_present(out_dir: Path, issue_id: str, count: int) -> bool:
    """Are the issue's pages all still there (none deleted since)?"""
    folder = out_dir / issue_id.replace("-", "/")
    return sum(1 for _ in folder.glob("*.md")) >= count


def check_unique_issues(converted: dict[Path, str]) -> None:
    seen: dict[str, Path] = {}
    for path, issue_id in converted.items():
        if issue_id in seen:
            raise ConversionError(str(path), 1, f"issue {issue_id} is also in {seen[issue_id]}")
        seen[issue_id] = path


def run_convert(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    out_dir = Path(args.out)
    totals = Totals()
    jobs = args.jobs or os.cpu_count() or 1
    try:
        reuse = not (args.force or args.report or args.reconvert)
        paths, unchanged = split_unchanged([Path(p) for p in args.inputs], out_dir, reuse)
        converted = convert_files(paths, Progress(err, len(paths)), jobs)
        issue_of = {path: result.issue_id for path, result in zip(paths, converted, strict=True)}
        check_unique_issues({**unchanged, **issue_of})
    except ConversionError as error:
        err.write(f"error: {error}\n")
        return 1
    except OSError as error:
        err.write(f"error: {error}\n")
        return 1
    warnings = [warning for result in converted for warning in result.warnings]
    if args.report:
        for path, result in zip(paths, converted, strict=True):
            err.write(f"{path}: characters " + "; ".join(result.report) + "\n")
    pages: dict[str, str] = {}
    fresh_ids = {result.issue_id for result in converted}
    recorded = {
        export: entry
        for export, entry in recorded_exports(out_dir).items()
        if entry[0] not in fresh_ids
    }
    for result in converted:
        pages.update(result.pages)
        recorded[result.export] = (result.issue_id, converter_hash(), len(result.pages))
        totals.add(result)
    pages[CACHE_FILE] = render_cache(recorded)
    site_url = args.site_url or configured_site_url(out_dir)
    pages.update(archive_pages(out_dir, [result.entry for result in converted], site_url))
    folders = tuple(result.issue_id.replace("-", "/") for result in converted)
    plan = plan_writes(out_dir, pages, force=args.force, folders=folders)
    write_atomically(out_dir, plan.write, tuple(plan.remove))
    for warning in warnings[:MAX_WARNINGS_SHOWN]:
        err.write(f"warning: {warning}\n")
    if len(warnings) > MAX_WARNINGS_SHOWN:
        err.write(f"... and {len(warnings) - MAX_WARNINGS_SHOWN} more warnings\n")
    for skipped in plan.skipped_edited:
        err.write(f"skipped: {out_dir / skipped} was edited by hand (use --force to overwrite)\n")
    if unchanged:
        err.write(
            f"{len(unchanged)} exports unchanged since their last conversion: not converted\n"
        )
    out.write(
        f"{totals.issues} issues, {totals.articles} articles, {totals.footnotes} footnotes, "
        f"{totals.tables} tables, {totals.warnings} warnings; "
        f"{len(plan.write)} pages written, {len(plan.unchanged)} unchanged, "
        f"{len(plan.skipped_edited)} skipped (edited)\n"
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m converter")
    commands = parser.add_subparsers(dest="command", required=True)
    convert = commands.add_parser("convert", help="convert issue exports into Markdown pages")
    convert.add_argument("inputs", nargs="+", metavar="INPUT", help="issue export (.txt)")
    convert.add_argument("--out", required=True, metavar="DIR", help="docs folder to write")
    convert.add_argument("--force", action="store_true", help="overwrite pages edited by hand")
    convert.add_argument(
        "--reconvert",
        action="store_true",
        help="convert exports unchanged since their last conversion too (edits stay protected)",
    )
    convert.add_argument(
        "--jobs", type=int, default=1, help="issues converted in parallel (0: one per core)"
    )
    convert.add_argument(
        "--report", action="store_true", help="print where every character of each export went"
    )
    convert.add_argument(
        "--site-url", help="the site's address for the feed (default: site_url of mkdocs.yml)"
    )
    check = commands.add_parser("check", help="check the docs folder (editors' pull requests)")
    check.add_argument("docs", metavar="DOCS", help="docs folder to check")
    check.add_argument("--data", metavar="DIR", help="vocabulary folder (default: data/)")
    return parser


def run_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    docs = Path(args.docs)
    if not docs.is_dir():
        err.write(f"error: {docs} is not a folder\n")
        return 2
    problems = check_docs(docs, Path(args.data) if args.data else None)
    for problem in problems:
        out.write(f"{problem}\n")
    pages = sum(1 for _ in docs.rglob("*.md"))
    err.write(f"checked {pages} pages: {len(problems)} problems\n")
    return 1 if problems else 0


def main(
    argv: Sequence[str] | None = None, out: TextIO = sys.stdout, err: TextIO = sys.stderr
) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "convert":
        return run_convert(args, out, err)
    if args.command == "check":
        return run_check(args, out, err)
    return 2
