"""Files from outside are data: which exports a run reads, and that the converter, the
check and the build read only the repository's own regular files.

- The archive folder (``python -m converter convert archive``) is listed here, not by
  a shell: its file names never become shell text. Every ``*.txt`` in it must be named
  ``YYYY-MM.txt`` (``EXPORT_NAME``); another name (``2023-08 (1).txt``, a browser's
  second download) is refused, saying what the name should be.
- A symbolic link in the archive or the docs folder is refused, naming it: followed,
  it would publish any file of the machine (``.git/config`` with a token, a home
  folder). So is a file that is not a regular file (a device, a FIFO, a socket): a
  link to ``/dev/zero`` reads until memory runs out, a FIFO blocks forever.
- A file in the docs folder whose path would be read as a URL scheme (``:`` in a
  name: ``javascript:alert(1)``) or holds a backslash or a control character is
  refused: its page address would become a link that runs code.

Exports are opened without following a link (``O_NOFOLLOW``) and their type is checked
on the open file (``fstat``), so a file swapped for a link after the listing is refused
too.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path

from .model import ConversionError, Warning_

# The archive's exports are named by their issue: year, then month.
EXPORT_NAME = re.compile(r"\A\d{4}-(?:0[1-9]|1[0-2])\.txt\Z")
EXPORT_SUFFIX = ".txt"
EXAMPLE_NAME = "2023-08.txt"
# In a page's path: a colon makes its address read as a URL scheme; a backslash is a
# folder separator to a browser; control characters end a line in a log or a comment.
UNSAFE_IN_PAGE_PATH = re.compile(r"[:\\\x00-\x1f\x7f]")
# Opened read-only, never through a link, without blocking on a FIFO.
OPEN_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)

Problem = Warning_  # path, line, message: as the converter's warnings read


class FilesRefused(Exception):
    """Files that a run refuses to read; nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} files refused")
        self.problems = problems


def export_paths(inputs: Sequence[Path]) -> list[Path]:
    """The exports to convert: files as given, and a folder's ``*.txt`` in name order.
    Raises ``FilesRefused`` for a folder's misnamed, linked or special entries."""
    paths: list[Path] = []
    problems: list[Problem] = []
    for given in inputs:
        if not given.is_dir() or given.is_symlink():
            paths.append(given)
            continue
        for path in sorted(given.iterdir()):
            if not path.name.endswith(EXPORT_SUFFIX):
                continue
            found = list(export_name_problems(path)) or list(file_problems(path))
            problems += found
            if not found:
                paths.append(path)
    if problems:
        raise FilesRefused(problems)
    return paths


def export_name_problems(path: Path) -> Iterator[Problem]:
    if not EXPORT_NAME.match(path.name):
        yield Problem(
            str(path),
            1,
            f"expected a name like {EXAMPLE_NAME} (the issue's year and month): rename it",
        )


def file_problems(path: Path) -> Iterator[Problem]:
    """A link or a file that is not a regular file or a folder, named and refused."""
    mode = os.lstat(path).st_mode
    if stat.S_ISLNK(mode):
        yield Problem(
            str(path),
            1,
            f"a symbolic link (to {os.readlink(path)}): links are refused, commit the file itself",
        )
    elif not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        yield Problem(str(path), 1, "not a regular file (a device, a FIFO or a socket): refused")


def folder_problems(folder: Path, page_paths: bool = False) -> list[Problem]:
    """Links and special files anywhere in ``folder`` (the folder itself included),
    and with ``page_paths`` names that would not make a safe page address."""
    if not folder.exists() and not folder.is_symlink():
        return []
    problems = list(file_problems(folder))
    if problems:
        return problems
    for parent, folders, files in os.walk(folder):
        for name in sorted(folders + files):
            path = Path(parent) / name
            problems += file_problems(path)
            if page_paths and UNSAFE_IN_PAGE_PATH.search(name):
                problems.append(
                    Problem(
                        str(path),
                        1,
                        "a ':', '\\' or control character in a file name makes its address "
                        "on the site read as something else (javascript:…): rename it",
                    )
                )
    return problems


def regular_files(folder: Path, suffix: str) -> list[Path]:
    """The regular files named ``*suffix`` under ``folder``, in path order, none
    through a link (links and special files are ``folder_problems``)."""
    found = []
    for parent, _, files in os.walk(folder):
        for name in files:
            path = Path(parent) / name
            if name.endswith(suffix) and stat.S_ISREG(os.lstat(path).st_mode):
                found.append(path)
    return sorted(found)


def refuse_unsafe_docs(docs: Path) -> None:
    """Raises ``FilesRefused`` for links, special files and unsafe names in ``docs``."""
    problems = folder_problems(docs, page_paths=True)
    if problems:
        raise FilesRefused(problems)


# What a site build reads from the project besides its configuration: the pages, the
# theme's overrides (MkDocs copies their static files into the site) and the hooks.
SITE_SOURCES = ("docs", "overrides", "hooks")


def refuse_unsafe_site_sources(project: Path) -> None:
    """Raises ``FilesRefused`` for links and special files in what a build publishes."""
    problems = [
        problem
        for name in SITE_SOURCES
        for problem in folder_problems(project / name, page_paths=name == "docs")
    ]
    if problems:
        raise FilesRefused(problems)


def read_export(path: Path) -> bytes:
    """The bytes of a regular file, never through a link, never of a device or FIFO."""
    try:
        descriptor = os.open(path, OPEN_FLAGS)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise ConversionError(
                str(path), 1, "a symbolic link: links are refused, commit the file itself"
            ) from None
        raise
    with os.fdopen(descriptor, "rb") as opened:
        if not stat.S_ISREG(os.fstat(opened.fileno()).st_mode):
            raise ConversionError(
                str(path), 1, "not a regular file (a device, a FIFO or a socket): refused"
            )
        return opened.read()
