"""Publish a built site into one folder of the Pages branch, leaving the others alone.

Usage (from the repository's root, in a clone whose remote accepts pushes):
  python3 -m scripts.pages_branch publish SITE_DIR TARGET [--message TEXT]
  python3 -m scripts.pages_branch remove TARGET [--message TEXT]

GitHub Pages serves the branch ``gh-pages`` (Settings → Pages → Deploy from a
branch). main's site is its root and each pull request's preview is a folder of
``pr/``: TARGET is ``.`` (the root: everything but ``pr/`` is replaced) or
``pr/<number>`` (only that folder is replaced, or removed).

The branch holds a single commit, the site as served now, with no history (a
history of every build of every preview would only grow). Each run builds the
new tree from the branch's current commit and pushes with a lease on that commit:
two runs that publish at the same time (main's deploy and a preview, two
previews) cannot undo each other's folder, since the second push finds the
branch moved, is refused, and that run starts again from the new commit.

Standard library and git only, so that a job can run it without installing anything.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

BRANCH = "gh-pages"
REMOTE = "origin"
ROOT_TARGET = "."
# The previews' folder: a publication at the root keeps it, and it is the only
# place another target may be (anything else would go at main's next deploy).
PREVIEWS_FOLDER = "pr"
PREVIEW_TARGET = re.compile(rf"^{PREVIEWS_FOLDER}/[0-9]+$")
# Without it GitHub runs the branch through Jekyll, which drops files and folders
# whose names start with "_" or "." and would read "{{" in pages as Liquid.
NO_JEKYLL = ".nojekyll"
# A refused push means another run published in between; each attempt starts
# again from that run's commit. More than a few in a row means something else.
ATTEMPTS = 5
# The commits' author, unless the GIT_AUTHOR_*/GIT_COMMITTER_* variables name another.
BOT_IDENTITY = {
    "GIT_AUTHOR_NAME": "github-actions[bot]",
    "GIT_AUTHOR_EMAIL": "41898282+github-actions[bot]@users.noreply.github.com",
    "GIT_COMMITTER_NAME": "github-actions[bot]",
    "GIT_COMMITTER_EMAIL": "41898282+github-actions[bot]@users.noreply.github.com",
}


# The jobs that publish check out scripts/ alone (sparse); git would then refuse
# to put the site's files, all outside that folder, into an index. This script
# never touches the work tree, so the clone's sparseness is nothing to it.
SPARSE_OFF = ("-c", "core.sparseCheckout=false")


class PublishError(Exception):
    pass


@dataclass(frozen=True)
class Outcome:
    target: str
    commit: str | None  # None: the branch already held this, nothing was pushed
    attempts: int

    def __str__(self) -> str:
        where = f"{BRANCH}:{'/' if self.target == ROOT_TARGET else self.target + '/'}"
        if self.commit is None:
            return f"{where} already up to date"
        return f"published {where} as {self.commit[:12]} (attempt {self.attempts})"


@dataclass(frozen=True)
class Git:
    """git in one repository; ``index`` points its commands at a scratch index."""

    repo: Path
    index: Path | None = None

    def __call__(self, *args: str, stdin: str | None = None, cwd: Path | None = None) -> str:
        env = {**BOT_IDENTITY, **os.environ}
        if self.index is not None:
            env["GIT_INDEX_FILE"] = str(self.index)
        result = subprocess.run(
            ["git", *SPARSE_OFF, *args],
            cwd=cwd or self.repo,
            env=env,
            input=stdin,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise PublishError(f"git {' '.join(args)}: {result.stderr.strip()}")
        return result.stdout.strip()


def check_target(target: str) -> str:
    if target in (ROOT_TARGET, "", "/"):
        return ROOT_TARGET
    if not PREVIEW_TARGET.match(target.strip("/")):
        raise PublishError(f"target {target!r} is neither {ROOT_TARGET!r} nor {PREVIEWS_FOLDER}/N")
    return target.strip("/")


def current_commit(git: Git, remote: str) -> str | None:
    """The branch's commit on the remote, fetched; None when there is no branch yet."""
    if not git("ls-remote", "--heads", remote, f"refs/heads/{BRANCH}"):
        return None
    tracking = f"refs/remotes/{remote}/{BRANCH}"
    git("fetch", "--quiet", "--depth=1", remote, f"+refs/heads/{BRANCH}:{tracking}")
    return git("rev-parse", tracking)


def has_folder(git: Git, commit: str | None, folder: str) -> bool:
    return commit is not None and bool(git("ls-tree", "-d", commit, "--", folder))


def tree_of_folder(repo: Path, folder: Path) -> str:
    """Writes every file under ``folder`` into the repository; gives their tree."""
    if not folder.is_dir():
        raise PublishError(f"{folder} is not a folder")
    with tempfile.TemporaryDirectory() as scratch:
        git = Git(repo, Path(scratch) / "index")
        git_dir = git("rev-parse", "--absolute-git-dir")
        work = ["--git-dir", git_dir, "--work-tree", str(folder.resolve())]
        # --force: no ignore rule of the clone (info/exclude, core.excludesFile) drops a file.
        git(*work, "add", "--all", "--force", ".", cwd=folder)
        return git("write-tree")


def combined_tree(git: Git, current: str | None, target: str, site: str | None) -> str:
    """The branch's tree with ``target`` replaced by ``site`` (or removed when None)."""
    if target == ROOT_TARGET:
        if site is None:
            raise PublishError("the root is replaced, never removed")
        git("read-tree", site)
        if has_folder(git, current, PREVIEWS_FOLDER):
            git("read-tree", f"--prefix={PREVIEWS_FOLDER}/", f"{current}:{PREVIEWS_FOLDER}")
    else:
        if current is None:
            git("read-tree", "--empty")
        else:
            git("read-tree", current)
        git("rm", "--cached", "-r", "--quiet", "--ignore-unmatch", "--", target)
        if site is not None:
            git("read-tree", f"--prefix={target}/", site)
    empty = git("hash-object", "-w", "--stdin", stdin="")
    git("update-index", "--add", "--cacheinfo", f"100644,{empty},{NO_JEKYLL}")
    return git("write-tree")


def update(repo: Path, target: str, site: Path | None, message: str, remote: str) -> Outcome:
    """Publishes ``site`` at ``target`` of the branch (removes it when None)."""
    target = check_target(target)
    git = Git(repo)
    site_tree = tree_of_folder(repo, site) if site is not None else None
    if target == ROOT_TARGET and site_tree and has_folder(git, site_tree, PREVIEWS_FOLDER):
        raise PublishError(f"the site has a {PREVIEWS_FOLDER}/ folder, where previews go")
    refused = ""
    for attempt in range(1, ATTEMPTS + 1):
        current = current_commit(git, remote)
        if current is None and site_tree is None:
            return Outcome(target, None, attempt)
        with tempfile.TemporaryDirectory() as scratch:
            tree = combined_tree(Git(repo, Path(scratch) / "index"), current, target, site_tree)
        if current is not None and tree == git("rev-parse", f"{current}^{{tree}}"):
            return Outcome(target, None, attempt)
        commit = git("commit-tree", tree, "-m", message)
        lease = f"--force-with-lease=refs/heads/{BRANCH}:{current or ''}"
        try:
            git("push", "--quiet", lease, remote, f"{commit}:refs/heads/{BRANCH}")
        except PublishError as error:
            refused = str(error)
            print(f"push refused (attempt {attempt}), reading the branch again", file=sys.stderr)
            continue
        return Outcome(target, commit, attempt)
    raise PublishError(f"gave up after {ATTEMPTS} refused pushes; the last: {refused}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    publish = commands.add_parser("publish", help="replace TARGET with SITE_DIR")
    publish.add_argument("site", metavar="SITE_DIR")
    remove = commands.add_parser("remove", help="remove TARGET (a preview)")
    for command in (publish, remove):
        command.add_argument("target", metavar="TARGET", help=f"{ROOT_TARGET} or pr/N")
        command.add_argument("--message", default="Publish the site")
        command.add_argument("--remote", default=REMOTE)
        command.add_argument("--repo", default=".", help="the clone to push from")
    args = parser.parse_args(argv)
    site = Path(args.site) if args.command == "publish" else None
    try:
        outcome = update(Path(args.repo), args.target, site, args.message, args.remote)
    except PublishError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(outcome)
    return 0


if __name__ == "__main__":
    sys.exit(main())
