"""Command line: ``python -m converter convert INPUT... --out DIR`` and
``python -m converter check DOCS``. Parses the arguments and prints; the work is
in ``run`` (a conversion) and ``check`` (the editors' gate)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from .check import check_docs_findings
from .diagnostics import one_line
from .files import FilesRefused, export_paths
from .model import ConversionError
from .run import Options, Outcome, PagesRejected, configured_site_url, convert
from .site.lock import Busy
from .site.writer import journal_path

# How long a run waits for another one on the same docs folder before refusing.
DEFAULT_WAIT_SECONDS = 60.0

# Warnings printed one per line before the summary; the rest are counted only.
MAX_WARNINGS_SHOWN = 50


class Progress:
    """One updating line on a terminal, plain lines otherwise."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.interactive = stream.isatty()

    def step(self, done: int, total: int, name: str) -> None:
        message = f"[{done}/{total}] {name}"
        if self.interactive:
            self.stream.write(f"\r\033[K{message}")
        else:
            self.stream.write(message + "\n")
        self.stream.flush()

    def finish(self) -> None:
        if self.interactive:
            self.stream.write("\r\033[K")
            self.stream.flush()


def run_convert(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    out_dir = Path(args.out)
    options = Options(
        out_dir=out_dir,
        site_url=args.site_url or configured_site_url(out_dir.resolve().parent / "mkdocs.yml"),
        force=args.force,
        reuse=not (args.force or args.accounting or args.reconvert),
        jobs=args.jobs or os.cpu_count() or 1,
        wait=args.wait,
        restore=tuple(args.restore),
    )
    progress = Progress(err)

    def say(message: str) -> None:
        err.write(f"note: {message}\n")
        err.flush()

    try:
        outcome = convert(export_paths([Path(p) for p in args.inputs]), options, progress.step, say)
    except Busy as busy:
        err.write(f"error: {busy}; nothing was done (--wait SECONDS to wait longer)\n")
        return 1
    except ConversionError as error:  # raised before any write
        progress.finish()
        err.write(f"error: {one_line(str(error))}; nothing was written\n")
        return 1
    except OSError as error:
        progress.finish()
        err.write(f"error: {one_line(str(error))}\n")
        return 1
    except FilesRefused as refused:
        progress.finish()
        for problem in refused.problems:
            err.write(f"error: {one_line(str(problem))}\n")
        err.write(f"error: {refused}; nothing was written\n")
        return 1
    except PagesRejected as rejected:
        progress.finish()
        for problem in rejected.problems:
            err.write(f"error: rendered page {one_line(str(problem))}\n")
        err.write(f"error: {rejected}; nothing was written\n")
        return 1
    progress.finish()
    print_outcome(outcome, out_dir, args.accounting, out, err)
    return 0


def print_outcome(
    outcome: Outcome, out_dir: Path, accounting: bool, out: TextIO, err: TextIO
) -> None:
    if accounting:
        for result in outcome.converted:
            err.write(f"{result.path}: characters " + "; ".join(result.accounting) + "\n")
    warnings = outcome.warnings
    for warning in warnings[:MAX_WARNINGS_SHOWN]:
        err.write(f"warning: {one_line(str(warning))}\n")
    if len(warnings) > MAX_WARNINGS_SHOWN:
        err.write(f"... and {len(warnings) - MAX_WARNINGS_SHOWN} more warnings\n")
    plan = outcome.plan
    for skipped in plan.skipped_edited:
        shown = one_line(str(out_dir / skipped))
        err.write(f"skipped: {shown} was edited by hand (use --force to overwrite)\n")
    for kept in plan.changed_meanwhile:
        err.write(
            f"warning: {one_line(str(out_dir / kept))} changed on disk while the converter ran: "
            "left as it is (run again to convert it)\n"
        )
    if outcome.unchanged:
        err.write(
            f"{len(outcome.unchanged)} exports unchanged since their last conversion: "
            "not converted\n"
        )
    converted = outcome.converted
    articles = sum(len(result.entry.articles) for result in converted)
    out.write(
        f"{len(converted)} issues, {articles} articles, "
        f"{sum(r.footnotes for r in converted)} footnotes, "
        f"{sum(r.tables for r in converted)} tables, {len(warnings)} warnings; "
        f"{len(plan.write)} pages written, {len(plan.unchanged)} unchanged, "
        f"{len(plan.skipped_edited)} skipped (edited)\n"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m converter")
    commands = parser.add_subparsers(dest="command", required=True)
    convert_command = commands.add_parser(
        "convert", help="convert issue exports into Markdown pages"
    )
    convert_command.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="issue export (.txt), or a folder of them named YYYY-MM.txt (the archive)",
    )
    convert_command.add_argument("--out", required=True, metavar="DIR", help="docs folder to write")
    convert_command.add_argument(
        "--force", action="store_true", help="overwrite pages edited by hand"
    )
    convert_command.add_argument(
        "--reconvert",
        action="store_true",
        help="convert exports unchanged since their last conversion too (edits stay protected)",
    )
    convert_command.add_argument(
        "--restore",
        action="append",
        default=[],
        metavar="YYYY-MM",
        help="convert again an issue whose folder an editor deleted (recorded in docs/.issues.yml)",
    )
    convert_command.add_argument(
        "--jobs", type=int, default=1, help="issues converted in parallel (0: one per core)"
    )
    convert_command.add_argument(
        "--accounting", action="store_true", help="print where every character of each export went"
    )
    convert_command.add_argument(
        "--wait",
        type=float,
        default=DEFAULT_WAIT_SECONDS,
        metavar="SECONDS",
        help="how long to wait for another run on the same docs folder (default: %(default)s)",
    )
    convert_command.add_argument(
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
    if journal_path(docs).exists():
        err.write(
            f"error: an interrupted run left its writes to {docs} unfinished "
            f"({journal_path(docs)}): run the converter or make site, which finish them\n"
        )
        return 1
    findings = check_docs_findings(docs, Path(args.data) if args.data else None)
    for problem in findings.problems:
        out.write(f"{one_line(str(problem))}\n")
    for item in findings.to_confirm:
        out.write(
            f"warning: {one_line(str(item))}\n"
        )  # an annotation, not a failure (converter-matcher)
    pages = sum(1 for _ in docs.rglob("*.md"))
    err.write(
        f"checked {pages} pages: {len(findings.problems)} problems, "
        f"{len(findings.to_confirm)} to confirm "
        "(inferred sections and dates, signs of merged articles)\n"
    )
    return 1 if findings.problems else 0


def main(
    argv: Sequence[str] | None = None, out: TextIO = sys.stdout, err: TextIO = sys.stderr
) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "convert":
        return run_convert(args, out, err)
    if args.command == "check":
        return run_check(args, out, err)
    return 2
