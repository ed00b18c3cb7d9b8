"""A pull request's preview on the Pages site: its configuration and its comment.

Usage (from the repository's root):
  python -m scripts.preview config --number N [--branch B] [--out mkdocs.preview.yml]
      writes a configuration that inherits mkdocs.yml with site_url moved under
      pr/N/ of the Pages site and "edit this page" on branch B (default: the
      workflow's GITHUB_HEAD_REF); prints the preview's address.
  python -m scripts.preview comment --number N --base REV --commit SHA [--dry-run]
      the comment that gives the preview's address and lists, with links into the
      preview, the pages of docs/ (as built now) that differ from REV's; posted on
      the pull request or, on later pushes, edited in place (scripts/pr_comment.py).

mkdocs.yml is never edited: the preview's configuration is a generated file
(not committed) whose ``INHERIT`` brings in everything else, as mkdocs.offline.yml
does for the offline edition.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from converter.run import configured_site_url
from converter.site.front_matter import read_fields
from converter.site.paths import is_editable, page_url
from scripts.pages_branch import PREVIEWS_FOLDER
from scripts.pr_comment import Gh, post, run_gh

ROOT = Path(__file__).resolve().parent.parent
CONFIG = "mkdocs.yml"
PREVIEW_CONFIG = "mkdocs.preview.yml"
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
# Pages listed one by one at most; GitHub refuses a comment past 65,536 characters
# and a long list is read by nobody.
MAX_LISTED = 40
STATUS_WORDS = {"A": "新增", "M": "修改", "D": "删除"}


@dataclass(frozen=True)
class Change:
    status: str  # A, M or D (added, modified, deleted), as git's --name-status says
    path: str  # relative to the repository


@dataclass(frozen=True)
class ChangedPage:
    status: str
    path: str  # relative to docs/
    title: str


def preview_url(site_url: str, number: int) -> str:
    """Main's site_url https://host/bulletin/ → https://host/bulletin/pr/N/."""
    return f"{site_url.rstrip('/')}/{PREVIEWS_FOLDER}/{number}/"


def preview_config(site_url: str, branch: str | None) -> str:
    """A configuration for the preview build, inheriting mkdocs.yml.

    JSON strings are YAML, quoted and escaped whatever the branch's name holds.
    """
    lines = [
        "# Written by scripts/preview.py for a pull request's preview; not committed.",
        f"INHERIT: {CONFIG}",
        f"site_url: {json.dumps(site_url)}",
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
        pages.append(ChangedPage(change.status, relative, str(title) if title else relative))
    return sorted(pages, key=lambda page: (not is_editable(page.path), page.path))


def site_wide_changes(changes: Iterable[Change]) -> list[str]:
    return [change.path for change in changes if change.path.startswith(SITE_WIDE)]


def link_text(title: str) -> str:
    """A title as a Markdown link's text: brackets and backslashes escaped."""
    return re.sub(r"([\\\[\]])", r"\\\1", title)


def page_line(page: ChangedPage, url: str) -> str:
    word = STATUS_WORDS.get(page.status, "修改")
    source = f"`{DOCS}/{page.path}`"
    if page.status == "D":
        return f"- {word}：{source}"
    return f"- {word}：[{link_text(page.title)}]({url}{page_url(page.path)}) · {source}"


def comment_text(
    url: str, commit: str, pages: Sequence[ChangedPage], site_wide: Sequence[str]
) -> str:
    lines = [
        "### 网站预览",
        "",
        f"**预览地址：** {url}",
        "",
        "每次向本 PR 推送新的提交，预览和这条评论都会自动更新（推送后约一两分钟生效）。",
        f"本次预览生成自提交 `{commit[:12]}`。",
        "",
    ]
    if site_wide:
        shown = "、".join(f"`{path}`" for path in site_wide[:5])
        more = " 等" if len(site_wide) > 5 else ""
        lines += [
            f"本 PR 修改了全站共用的文件（{shown}{more}），所有页面都重新生成，"
            f"外观都可能变化：请从[首页]({url})开始浏览。",
            "",
        ]
    if pages:
        lines.append(f"本 PR 改动的页面（{len(pages)} 页）：")
        lines.append("")
        lines += [page_line(page, url) for page in pages[:MAX_LISTED]]
        if len(pages) > MAX_LISTED:
            lines.append(f"- ……以及另外 {len(pages) - MAX_LISTED} 页")
    elif not site_wide:
        lines.append("本 PR 没有改动任何页面。")
    return "\n".join(lines) + "\n"


def run_config(args: argparse.Namespace) -> int:
    url = preview_url(configured_site_url(ROOT / CONFIG), args.number)
    branch = args.branch if args.branch is not None else os.environ.get("GITHUB_HEAD_REF")
    Path(args.out).write_text(preview_config(url, branch), encoding="utf-8")
    print(url)
    return 0


def run_comment(args: argparse.Namespace, gh: Gh) -> int:
    url = preview_url(configured_site_url(ROOT / CONFIG), args.number)
    changes = changed_files(args.base, ROOT)
    pages = changed_pages(changes, ROOT / DOCS)
    text = comment_text(url, args.commit, pages, site_wide_changes(changes))
    if args.dry_run:
        print(text, end="")
        return 0
    if not args.repo:
        print("error: --repo or GITHUB_REPOSITORY is needed", file=sys.stderr)
        return 2
    print(post(args.repo, args.number, text, gh))
    return 0


def main(argv: Sequence[str] | None = None, gh: Gh = run_gh) -> int:
    parser = argparse.ArgumentParser(description="A pull request's preview.")
    commands = parser.add_subparsers(dest="command", required=True)
    config = commands.add_parser("config", help="write the preview's MkDocs configuration")
    config.add_argument("--branch", help="the branch of the edit links (GITHUB_HEAD_REF)")
    config.add_argument("--out", default=PREVIEW_CONFIG)
    comment = commands.add_parser("comment", help="post or update the preview's comment")
    comment.add_argument("--base", required=True, help="the revision the pages are compared to")
    comment.add_argument("--commit", required=True, help="the commit the preview shows")
    comment.add_argument("--repo", default=os.environ.get("GITHUB_REPOSITORY", ""))
    comment.add_argument("--dry-run", action="store_true", help="print the comment only")
    for command in (config, comment):
        command.add_argument("--number", type=int, required=True, help="the pull request's")
    args = parser.parse_args(argv)
    return run_config(args) if args.command == "config" else run_comment(args, gh)


if __name__ == "__main__":
    sys.exit(main())
