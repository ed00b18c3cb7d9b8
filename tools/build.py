"""Building a site as `make site` does: MkDocs and the search index, side by side.

The index reads the Markdown in ``docs/``, not the built pages, so it need not wait
for MkDocs: it is written into a staging folder while MkDocs builds (MkDocs uses one
core; the index the others) and moved into ``SITE/search/`` once both have finished.
``python -m tools.build [-f CONFIG] [-d SITE]`` from the project folder.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from converter.diagnostics import one_line
from converter.files import FilesRefused, refuse_unsafe_site_sources
from converter.run import mkdocs_setting
from converter.site.writer import swap_in

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


def build_site(project: Path, site: Path, config: str = "mkdocs.yml", quiet: bool = True) -> None:
    """``mkdocs build --strict`` of ``project`` (its ``docs/`` and ``config``) into
    ``site``, and the search index of ``project/docs`` into ``site/search/``.

    Raises ``subprocess.CalledProcessError`` when either fails; ``site`` then has no
    new index; ``FilesRefused`` before either starts, for a link or a device in what
    the build would publish."""
    refuse_unsafe_site_sources(project)
    site = (project / site).resolve()
    urls = "directory" if uses_directory_urls(project / config) else "file"
    staging = Path(tempfile.mkdtemp(prefix=".search-staging.", dir=project))
    try:
        index_command = [
            sys.executable, "-m", "sitesearch", str(project / "docs"), str(staging),
            "--urls", urls,
        ]  # fmt: skip
        indexing = subprocess.Popen(index_command, cwd=ROOT)
        build_command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config]
        build_command += ["-d", str(site)] + (["-q"] if quiet else [])
        built = subprocess.run(build_command, cwd=project, env=checkout_env())
        indexed = indexing.wait()
        if built.returncode:
            raise subprocess.CalledProcessError(built.returncode, build_command)
        if indexed:
            raise subprocess.CalledProcessError(indexed, index_command)
        swap_in(staging / INDEX_FOLDER, site / INDEX_FOLDER)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.build", description=__doc__)
    parser.add_argument("-f", "--config-file", default="mkdocs.yml")
    parser.add_argument("-d", "--site-dir", type=Path, default=Path("site"))
    args = parser.parse_args(argv)
    try:
        build_site(Path.cwd(), args.site_dir, args.config_file, quiet=False)
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
