"""The preview's comment on a pull request: one comment, edited on every push.

Usage (with GH_TOKEN and GITHUB_REPOSITORY set, as in a workflow):
  python3 -m scripts.pr_comment closed NUMBER
      says in the preview's comment, if there is one, that the preview is gone.

``scripts/preview.py`` writes the comment's text; this module finds the comment
posted earlier (by the bot, starting with ``MARKER``) and edits it, or posts it
when there is none yet, through the GitHub CLI (``gh api``, on every runner).
Standard library only, so that the job that removes a preview needs no install.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections.abc import Callable, Sequence

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


def main(argv: Sequence[str] | None = None, gh: Gh = run_gh) -> int:
    parser = argparse.ArgumentParser(description="Mark a pull request's preview comment closed.")
    parser.add_argument("event", choices=["closed"], help="what happened to the pull request")
    parser.add_argument("number", type=int, help="the pull request's number")
    parser.add_argument("--repo", default=os.environ.get("GITHUB_REPOSITORY", ""))
    args = parser.parse_args(argv)
    if not args.repo:
        parser.error("--repo or GITHUB_REPOSITORY is needed")
    print(post(args.repo, args.number, CLOSED_TEXT, gh, only_update=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
