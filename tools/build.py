"""Building a site as `make site` does: the editors' check, then MkDocs and the
search index, side by side.

The index reads the Markdown in ``docs/``, not the built pages, so it need not wait
for MkDocs: both are written into a staging folder (MkDocs uses one core; the index
the others), which replaces ``SITE`` whole once both have finished.
``python -m tools.build [-f CONFIG] [-d SITE]`` from the project folder.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

from converter.check import Problem, check_docs
from converter.cli import DEFAULT_WAIT_SECONDS
from converter.diagnostics import one_line
from converter.files import FilesRefused, refuse_unsafe_site_sources
from converter.lifetime import die_with_parent
from converter.run import mkdocs_setting
from converter.site import durable
from converter.site.lock import Busy, run_lock
from converter.site.writer import recover
from sitesearch.index import keep_pages

ROOT = Path(__file__).resolve().parent.parent
INDEX_FOLDER = "search"
# What a build reads besides docs/: the configurations, the theme overrides and the
# MkDocs hooks (a test or benchmark project copies them as they are in the repository).
SITE_FILES = ("mkdocs.yml", "mkdocs.offline.yml", "overrides", "hooks")


def copy_site_files(project: Path) -> None:
    """Copy the repository's ``SITE_FILES`` into ``project``."""
    for name in SITE_FILES:
        source, target = ROOT / name, project / name
        if source.is_dir():
            shutil.copytree(source, target, dirs_exist_ok=True)
        else:
            shutil.copy2(source, target)


def checkout_env() -> dict[str, str]:
    """The environment for a site build in another folder: this checkout first on the
    import path, so the build loads this checkout's Markdown extension
    (``converter.site.footnote_numbers``), as the tests import its converter, rather
    than the copy an editable install of another checkout points to."""
    paths = [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}


def uses_directory_urls(config: Path) -> bool:
    """MkDocs' ``use_directory_urls`` of ``config`` (true unless it says otherwise)."""
    return bool(mkdocs_setting(config, "use_directory_urls", True))


class BuildRefused(Exception):
    """The docs folder fails the editors' check: nothing was built."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problems in the docs folder: the site was not built")
        self.problems = problems


def build_site(
    project: Path,
    site: Path,
    config: str = "mkdocs.yml",
    quiet: bool = True,
    wait: float = 0.0,
    say: Callable[[str], None] = lambda message: None,
) -> None:
    """``mkdocs build --strict`` of ``project`` (its ``docs/`` and ``config``) into
    ``site``, and the search index of ``project/docs`` into ``site/search/``.

    Alone on the docs folder (its lock; ``Busy`` after ``wait`` seconds), after
    finishing what an interrupted run left there, and only if ``converter check``
    finds no problem in it (``BuildRefused``). Both are built into a staging folder
    beside ``site`` (``.site.build``) that replaces it whole once both succeeded:
    a build that fails or is killed leaves the previous site (and its staging folder,
    removed by the next build). Raises ``subprocess.CalledProcessError`` when either
    fails; ``FilesRefused`` before either starts, for a link or a device in what the
    build would publish."""
    refuse_unsafe_site_sources(project)
    docs = project / "docs"
    site = (project / site).resolve()
    with run_lock(docs, wait, say) as held:
        if held.interrupted:
            say(f"the last run on {docs} was interrupted: {held.interrupted}")
        for message in [*recover(docs), *remove_leftovers(project, site)]:
            say(message)
        data = project / "data"
        problems = check_docs(shown_path(docs), data if data.is_dir() else None)
        if problems:
            raise BuildRefused(problems)
        staging = staging_folder(site)
        staging.mkdir(parents=True)
        try:
            build_into(project, docs, staging, config, quiet)
            keep_pages(staging / "site" / INDEX_FOLDER, staging / "index" / INDEX_FOLDER)
            durable.remove_tree(staging / "site" / INDEX_FOLDER)  # a theme's own, if any
            durable.replace(staging / "index" / INDEX_FOLDER, staging / "site" / INDEX_FOLDER)
            durable.replace_folder(staging / "site", site)
        finally:
            durable.remove_tree(staging)


def build_into(project: Path, docs: Path, staging: Path, config: str, quiet: bool) -> None:
    """MkDocs into ``staging/site``, the search index into ``staging/index``, side by side."""
    urls = "directory" if uses_directory_urls(project / config) else "file"
    index = staging / "index"
    index.mkdir()
    index_command = [
        sys.executable, "-m", "sitesearch", str(docs), str(index), "--urls", urls,
    ]  # fmt: skip
    # Both die with the build: killed, it leaves nothing writing into its staging.
    with_us = partial(die_with_parent, os.getpid())
    indexing = subprocess.Popen(index_command, cwd=ROOT, preexec_fn=with_us)
    build_command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config]
    build_command += ["-d", str(staging / "site")] + (["-q"] if quiet else [])
    durable.step("build", staging)
    try:
        built = subprocess.run(build_command, cwd=project, env=checkout_env(), preexec_fn=with_us)
    finally:
        indexed = indexing.wait()
    if built.returncode:
        raise subprocess.CalledProcessError(built.returncode, build_command)
    if indexed:
        raise subprocess.CalledProcessError(indexed, index_command)


def staging_folder(site: Path) -> Path:
    return site.with_name(f".{site.name}.build")


def shown_path(path: Path) -> Path:
    """``path`` relative to the working folder when inside it (messages read
    ``docs/2023/07/03.md:5: …``, as the pull request's annotations need)."""
    resolved = path.resolve()
    cwd = Path.cwd().resolve()
    return resolved.relative_to(cwd) if resolved.is_relative_to(cwd) else resolved


def remove_leftovers(project: Path, site: Path) -> list[str]:
    """What a killed build left: its staging folder (and earlier builds' search
    staging folders). Removed, and said."""
    said = []
    leftovers = [staging_folder(site), *sorted(project.glob(".search-staging.*"))]
    for leftover in leftovers:
        if leftover.exists():
            durable.remove_tree(leftover)
            said.append(f"removed {leftover}, left by an interrupted build ({site} was kept)")
    return said


def say(message: str) -> None:
    sys.stderr.write(f"note: {message}\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.build", description=__doc__)
    parser.add_argument("-f", "--config-file", default="mkdocs.yml")
    parser.add_argument("-d", "--site-dir", type=Path, default=Path("site"))
    parser.add_argument("--wait", type=float, default=DEFAULT_WAIT_SECONDS, metavar="SECONDS")
    args = parser.parse_args(argv)
    try:
        build_site(Path.cwd(), args.site_dir, args.config_file, False, args.wait, say)
    except BuildRefused as refused:
        for problem in refused.problems:
            sys.stdout.write(f"{one_line(str(problem))}\n")
        sys.stderr.write(f"error: {refused} (python -m converter check docs)\n")
        return 1
    except Busy as busy:
        sys.stderr.write(f"error: {busy}; nothing was built\n")
        return 1
    except FilesRefused as refused:
        for problem in refused.problems:
            sys.stderr.write(f"error: {one_line(str(problem))}\n")
        sys.stderr.write(f"error: {refused}; nothing was built\n")
        return 1
    except subprocess.CalledProcessError as failed:
        sys.stderr.write(f"error: {' '.join(map(str, failed.cmd))} exited {failed.returncode}\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
