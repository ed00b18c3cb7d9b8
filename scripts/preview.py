"""A pull request's preview on the Pages site: its configuration and what it changes.

Usage (from the repository's root):
  python -m scripts.preview config --number N [--branch B] [--out mkdocs.preview.yml]
      writes a configuration that inherits mkdocs.yml with site_url moved under
      pr/N/ of the Pages site and "edit this page" on branch B (default: the
      workflow's GITHUB_HEAD_REF); prints the preview's address.
  python -m scripts.preview changes --base REV [--out changes.json]
      the pages of docs/ (as built now) that differ from REV's, with their titles
      and addresses, and the files every page is built with that changed: what the
      comment lists. The build job (read-only) writes it; the job that may write
      reads it as data and posts the comment (scripts/pr_comment.py).

mkdocs.yml is never edited: the preview's configuration is a generated file
(not committed) whose ``INHERIT`` brings in everything else, as mkdocs.offline.yml
does for the offline edition.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from converter.run import configured_site_url
from converter.site.front_matter import read_fields
from converter.site.paths import is_editable, page_url
from scripts.pr_comment import ChangedPage, changes_json, preview_url

ROOT = Path(__file__).resolve().parent.parent
CONFIG = "mkdocs.yml"
PREVIEW_CONFIG = "mkdocs.preview.yml"
CHANGES_FILE = "changes.json"
DOCS = "docs"
# Files every page is built with: a change to one may change how every page
# looks, so the comment says so rather than listing the whole site.
SITE_WIDE = (
    "mkdocs.yml",
    "overrides/",
    "docs/assets/",
    "docs/stylesheets/",
    "sitesearch/",
    "pyproject.toml",
)


@dataclass(frozen=True)
class Change:
    status: str  # A, M or D (added, modified, deleted), as git's --name-status says
    path: str  # relative to the repository


def preview_config(site_url: str, branch: str | None) -> str:
    """A configuration for the preview build, inheriting mkdocs.yml.

    JSON strings are YAML, quoted and escaped whatever the branch's name holds. The
    preview is read by editors: ``extra.editors_marks`` has the templates show what
    readers are not shown (a section the converter inferred, marked 推测).
    """
    lines = [
        "# Written by scripts/preview.py for a pull request's preview; not committed.",
        f"INHERIT: {CONFIG}",
        f"site_url: {json.dumps(site_url)}",
        "extra:",
        "  editors_marks: true",
    ]
    if branch:
        edit_uri = f"edit/{quote(branch, safe='/')}/{DOCS}/"
        lines.append(f"edit_uri: {json.dumps(edit_uri)}")
    return "\n".join(lines) + "\n"


def changed_files(base: str, repo: Path) -> list[Change]:
    """Files of the work tree that differ from ``base``: committed or not, and new
    files git does not track yet (pages the build converted from a new export)."""

    def git(*args: str) -> list[str]:
        result = subprocess.run(
            ["git", *args], cwd=repo, capture_output=True, text=True, check=True
        )
        return [field for field in result.stdout.split("\0") if field]

    fields = git("diff", "--name-status", "--no-renames", "-z", base)
    changes = [Change(fields[i][0], fields[i + 1]) for i in range(0, len(fields), 2)]
    changes += [
        Change("A", path) for path in git("ls-files", "--others", "--exclude-standard", "-z")
    ]
    return sorted(changes, key=lambda change: change.path)


def changed_pages(changes: Iterable[Change], docs: Path) -> list[ChangedPage]:
    """The pages among the changes, the editors' (an issue's) first, each with its title."""
    pages = []
    for change in changes:
        relative = change.path.removeprefix(f"{DOCS}/")
        if relative == change.path or not relative.endswith(".md"):
            continue
        page = docs / relative
        fields = read_fields(page.read_text(encoding="utf-8")) if page.is_file() else {}
        title = fields.get("title")
        shown = str(title) if title else relative
        pages.append(ChangedPage(change.status, relative, shown, page_url(relative)))
    return sorted(pages, key=lambda page: (not is_editable(page.path), page.path))


def site_wide_changes(changes: Iterable[Change]) -> list[str]:
    return [change.path for change in changes if change.path.startswith(SITE_WIDE)]


def run_config(args: argparse.Namespace) -> int:
    url = preview_url(configured_site_url(ROOT / CONFIG), args.number)
    branch = args.branch if args.branch is not None else os.environ.get("GITHUB_HEAD_REF")
    Path(args.out).write_text(preview_config(url, branch), encoding="utf-8")
    print(url)
    return 0


def run_changes(args: argparse.Namespace) -> int:
    changes = changed_files(args.base, ROOT)
    pages = changed_pages(changes, ROOT / DOCS)
    Path(args.out).write_text(
        changes_json(pages, site_wide_changes(changes)) + "\n", encoding="utf-8"
    )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="A pull request's preview.")
    commands = parser.add_subparsers(dest="command", required=True)
    config = commands.add_parser("config", help="write the preview's MkDocs configuration")
    config.add_argument("--number", type=int, required=True, help="the pull request's")
    config.add_argument("--branch", help="the branch of the edit links (GITHUB_HEAD_REF)")
    config.add_argument("--out", default=PREVIEW_CONFIG)
    changes = commands.add_parser("changes", help="list the pages the pull request changes")
    changes.add_argument("--base", required=True, help="the revision the pages are compared to")
    changes.add_argument("--out", default=CHANGES_FILE)
    args = parser.parse_args(argv)
    return run_config(args) if args.command == "config" else run_changes(args)


if __name__ == "__main__":
    sys.exit(main())
