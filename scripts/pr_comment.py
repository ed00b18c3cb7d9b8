"""The preview's comment on a pull request: one comment, edited on every push.

Usage (with GH_TOKEN and GITHUB_REPOSITORY set, as in a workflow):
  python3 -m scripts.pr_comment preview NUMBER --changes FILE --commit SHA [--dry-run]
      the comment that gives the preview's address and lists, with links into the
      preview, the pages the pull request changes (FILE: what ``python -m
      scripts.preview changes`` found in the build job), posted on the pull request
      or, on later pushes, edited in place.
  python3 -m scripts.pr_comment closed NUMBER
      says in the preview's comment, if there is one, that the preview is gone.

This runs in the job that may write (the base branch's copy of this file, never the
pull request's): everything it reads from the pull request (titles, paths, the list
of changes) is data, checked and escaped for GitHub's Markdown here. The preview's
address comes from the base branch's mkdocs.yml, the number and commit from the
workflow's event. Standard library only, so that the jobs that write need no install.

It finds the comment posted earlier (by the bot, starting with ``MARKER``) and edits
it, or posts it when there is none yet, through the GitHub CLI (``gh api``).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from scripts.pages_branch import PREVIEWS_FOLDER

# The first line of the comment, invisible on GitHub: how a later run finds it.
MARKER = "<!-- bulletin-preview -->"
# The comments a workflow posts are this account's; a person's comment that quotes
# the marker is never edited.
BOT_LOGIN = "github-actions[bot]"
# The request's JSON body is read from standard input.
JSON_IN = ("--input", "-")
CLOSED_TEXT = "本 PR 已关闭，预览已删除。"

# Runs `gh` with these arguments and this standard input; gives its standard output.
Gh = Callable[[Sequence[str], str | None], str]


def run_gh(args: Sequence[str], stdin: str | None) -> str:
    result = subprocess.run(["gh", *args], input=stdin, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"gh {' '.join(args)}: {result.stderr.strip()}")
    return result.stdout


def find_comment(repo: str, number: int, gh: Gh) -> int | None:
    """The id of the preview's comment on the pull request, if one was posted."""
    select = (
        f'.[] | select(.user.login == "{BOT_LOGIN}" and (.body | startswith("{MARKER}"))) | .id'
    )
    listed = gh(
        ["api", "--paginate", f"repos/{repo}/issues/{number}/comments", "--jq", select], None
    )
    ids = [int(line) for line in listed.split()]
    return ids[0] if ids else None


def post(repo: str, number: int, text: str, gh: Gh, only_update: bool = False) -> str:
    """Edits the preview's comment to ``text``, or posts it; says which it did."""
    body = json.dumps({"body": f"{MARKER}\n{text}"})
    existing = find_comment(repo, number, gh)
    if existing is not None:
        gh(["api", "--method", "PATCH", f"repos/{repo}/issues/comments/{existing}", *JSON_IN], body)
        return f"updated comment {existing}"
    if only_update:
        return "no preview comment to update"
    gh(["api", "--method", "POST", f"repos/{repo}/issues/{number}/comments", *JSON_IN], body)
    return "posted a comment"


# --- the comment's text ------------------------------------------------------------

# Pages listed one by one at most; GitHub refuses a comment past 65,536 characters
# and a long list is read by nobody.
MAX_LISTED = 40
TITLE_CHARS = 120  # of a page's title in the list
STATUS_WORDS = {"A": "新增", "M": "修改", "D": "删除"}
COMMIT = re.compile(r"\A[0-9a-f]{7,64}\Z")
# site_url of mkdocs.yml: a top-level line, the value plain or quoted.
SITE_URL_LINE = re.compile(r"""^site_url:[ \t]*["']?(https://[^\s"'#]+)["']?[ \t]*$""", re.M)
# Line breaks, tabs and other control characters (Unicode's line and paragraph
# separators too): each would end a list item or start a heading.
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
# Every ASCII punctuation character may be escaped in GitHub's Markdown: escaped, a
# title's "#", "|", "[]()", "<>", "*", "_" or "`" is that character, never markup
# (no heading, table, link, raw HTML, emphasis or code).
PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
# A backslash does not stop GitHub from notifying "@someone" or linking "#12": a
# zero-width space after the sign does.
REFERENCE = re.compile(r"([@#])")
ZERO_WIDTH_SPACE = "\u200b"
# A page's address in the preview, relative to it: no scheme, no host, no way up.
RELATIVE_ADDRESS = re.compile(r"\A(?!/)(?![^/]*:)(?:[^/\\\s]+/)*[^/\\\s]*\Z")


@dataclass(frozen=True)
class ChangedPage:
    status: str  # A, M or D (added, modified, deleted), as git's --name-status says
    path: str  # relative to docs/
    title: str
    address: str  # its URL relative to the site: "2023/07/01/"


class BadChanges(Exception):
    """The list of changes from the build job is not what it should be."""


def preview_url(site_url: str, number: int) -> str:
    """Main's site_url https://host/bulletin/ → https://host/bulletin/pr/N/."""
    return f"{site_url.rstrip('/')}/{PREVIEWS_FOLDER}/{number}/"


def site_url_of(config_text: str) -> str:
    """``site_url`` of mkdocs.yml's text: an https address on a line of its own."""
    found = SITE_URL_LINE.search(config_text)
    if found is None:
        raise BadChanges("mkdocs.yml has no site_url: https://… line")
    return found.group(1)


def markdown_text(text: str, limit: int = TITLE_CHARS) -> str:
    """Outside text as literal text of one Markdown line: on one line, cut to
    ``limit`` characters, its punctuation escaped, no mention or reference."""
    text = CONTROL.sub(" ", text).strip()
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    text = PUNCTUATION.sub(r"\\\1", text)
    return REFERENCE.sub(rf"\1{ZERO_WIDTH_SPACE}", text)


def inline_code(text: str) -> str:
    """Outside text as a code span: on one line, fenced by more backticks than it holds."""
    text = CONTROL.sub(" ", text)
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def page_link(address: str, preview: str) -> str:
    if not RELATIVE_ADDRESS.match(address) or ".." in address.split("/"):
        raise BadChanges(f"{address!r} is not a page address inside the preview")
    return preview + quote(address, safe="/")


def page_line(page: ChangedPage, preview: str) -> str:
    word = STATUS_WORDS.get(page.status, "修改")
    source = inline_code(f"docs/{page.path}")
    if page.status == "D":
        return f"- {word}：{source}"
    title = markdown_text(page.title)
    return f"- {word}：[{title}]({page_link(page.address, preview)}) · {source}"


def comment_text(
    url: str, commit: str, pages: Sequence[ChangedPage], site_wide: Sequence[str]
) -> str:
    if not COMMIT.match(commit):
        raise BadChanges(f"{commit!r} is not a commit")
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
        shown = "、".join(inline_code(path) for path in site_wide[:5])
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


def read_changes(text: str) -> tuple[list[ChangedPage], list[str]]:
    """The pages and site-wide files of ``changes.json``, each field checked."""
    try:
        loaded = json.loads(text)
        pages = [
            ChangedPage(*(strings(item, "status", "path", "title", "address")))
            for item in loaded["pages"]
        ]
        site_wide = [strings({"path": path}, "path")[0] for path in loaded["site_wide"]]
    except (ValueError, KeyError, TypeError) as error:
        raise BadChanges(f"the list of changes is malformed: {error}") from None
    return pages, site_wide


def strings(item: object, *names: str) -> list[str]:
    if not isinstance(item, dict) or not all(isinstance(item.get(n), str) for n in names):
        raise BadChanges(f"expected the text fields {', '.join(names)}: {item!r:.200}")
    return [item[name] for name in names]


def changes_json(pages: Iterable[ChangedPage], site_wide: Iterable[str]) -> str:
    """What ``read_changes`` reads (written by the build job: scripts/preview.py)."""
    return json.dumps(
        {"pages": [page.__dict__ for page in pages], "site_wide": list(site_wide)},
        ensure_ascii=False,
        indent=1,
    )


def run_preview(args: argparse.Namespace, gh: Gh) -> int:
    url = preview_url(site_url_of(Path(args.config).read_text(encoding="utf-8")), args.number)
    pages, site_wide = read_changes(Path(args.changes).read_text(encoding="utf-8"))
    text = comment_text(url, args.commit, pages, site_wide)
    if args.dry_run:
        print(text, end="")
        return 0
    print(post(args.repo, args.number, text, gh))
    return 0


def main(argv: Sequence[str] | None = None, gh: Gh = run_gh) -> int:
    parser = argparse.ArgumentParser(description="The preview's comment on a pull request.")
    commands = parser.add_subparsers(dest="event", required=True)
    preview = commands.add_parser("preview", help="post or update the preview's comment")
    preview.add_argument("--changes", required=True, help="changes.json of the build job")
    preview.add_argument("--commit", required=True, help="the commit the preview shows")
    preview.add_argument("--config", default="mkdocs.yml", help="where site_url is read")
    preview.add_argument("--dry-run", action="store_true", help="print the comment only")
    closed = commands.add_parser("closed", help="say that the preview is gone")
    for command in (preview, closed):
        command.add_argument("number", type=int, help="the pull request's number")
        command.add_argument("--repo", default=os.environ.get("GITHUB_REPOSITORY", ""))
    args = parser.parse_args(argv)
    if not args.repo and not getattr(args, "dry_run", False):
        parser.error("--repo or GITHUB_REPOSITORY is needed")
    try:
        if args.event == "preview":
            return run_preview(args, gh)
    except BadChanges as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(post(args.repo, args.number, CLOSED_TEXT, gh, only_update=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
