"""Command line: ``python -m converter convert INPUT... --out DIR``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from .model import ConversionError, Issue, Warning_
from .output import existing_entries, plan_writes, write_atomically
from .pipeline import convert_bytes
from .render import (
    HOME_PAGE,
    NAV_FILE,
    IssueEntry,
    issue_entry,
    issue_folder,
    render_home,
    render_issue,
    render_nav,
    render_year,
)

# Warnings printed one per line before the summary; the rest are counted only.
MAX_WARNINGS_SHOWN = 50


@dataclass
class Totals:
    issues: int = 0
    articles: int = 0
    footnotes: int = 0
    tables: int = 0
    warnings: int = 0

    def add(self, issue: Issue, warnings: Sequence[Warning_]) -> None:
        from .model import Table

        self.issues += 1
        self.articles += len(issue.articles)
        self.footnotes += sum(len(a.footnotes) for a in issue.articles)
        self.tables += sum(isinstance(b, Table) for a in issue.articles for b in a.blocks)
        self.warnings += len(warnings)


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


def convert_files(paths: Sequence[Path], progress: Progress) -> tuple[list[Issue], list[Warning_]]:
    issues: list[Issue] = []
    warnings: list[Warning_] = []
    seen: dict[str, str] = {}
    for done, path in enumerate(paths, start=1):
        progress.step(done, path.name)
        issue, issue_warnings = convert_bytes(path.read_bytes(), str(path))
        if str(issue.id) in seen:
            raise ConversionError(
                str(path), 1, f"issue {issue.id} is also in {seen[str(issue.id)]}"
            )
        seen[str(issue.id)] = str(path)
        issues.append(issue)
        warnings.extend(issue_warnings)
    progress.finish()
    return issues, warnings


def archive_pages(out_dir: Path, issues: list[Issue]) -> dict[str, str]:
    entries: dict[str, IssueEntry] = {e.issue: e for e in existing_entries(out_dir)}
    entries.update((str(issue.id), issue_entry(issue)) for issue in issues)
    pages = {HOME_PAGE: render_home(entries.values()), NAV_FILE: render_nav(entries.values())}
    for year in sorted({entry.year for entry in entries.values()}):
        pages[f"{year}/index.md"] = render_year(
            year, [e for e in entries.values() if e.year == year]
        )
    return pages


def run_convert(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    paths = [Path(p) for p in args.inputs]
    out_dir = Path(args.out)
    totals = Totals()
    try:
        issues, warnings = convert_files(paths, Progress(err, len(paths)))
    except ConversionError as error:
        err.write(f"error: {error}\n")
        return 1
    except OSError as error:
        err.write(f"error: {error}\n")
        return 1
    pages: dict[str, str] = {}
    for issue in issues:
        pages.update(render_issue(issue))
        totals.add(issue, issue.warnings)
    pages.update(archive_pages(out_dir, issues))
    folders = tuple(issue_folder(issue) for issue in issues)
    plan = plan_writes(out_dir, pages, force=args.force, folders=folders)
    write_atomically(out_dir, plan.write, tuple(plan.remove))
    for warning in warnings[:MAX_WARNINGS_SHOWN]:
        err.write(f"warning: {warning}\n")
    if len(warnings) > MAX_WARNINGS_SHOWN:
        err.write(f"... and {len(warnings) - MAX_WARNINGS_SHOWN} more warnings\n")
    for skipped in plan.skipped_edited:
        err.write(f"skipped: {out_dir / skipped} was edited by hand (use --force to overwrite)\n")
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
    return parser


def main(
    argv: Sequence[str] | None = None, out: TextIO = sys.stdout, err: TextIO = sys.stderr
) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "convert":
        return run_convert(args, out, err)
    return 2
