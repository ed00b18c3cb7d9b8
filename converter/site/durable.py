"""File operations that survive a crash, in the spirit of git's lockfile.c/tempfile.c.

Every change to a folder the converter or the site build owns goes through here:
data is written to a hidden temporary name beside its target, flushed to the disk
(with its folder), and only then renamed over the target, so a reader sees the old
file or the new one. Each step is numbered: a test stops the process at step N
(``CONVERTER_PAUSE_AT=N``) and kills it there, so every window between two steps is
tried (tests/test_durable.py).
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import hashlib
import os
import shutil
import signal
import sys
from pathlib import Path

# Test hooks (environment): the step at which the process stops itself (SIGSTOP, for
# the test to kill or continue it), and a file each step is appended to before it runs.
PAUSE_AT = "CONVERTER_PAUSE_AT"
PAUSE_WORKERS = "CONVERTER_PAUSE_WORKERS"  # a --jobs worker stops as it starts
TRACE = "CONVERTER_TRACE"
TEMP_MARK = ".tmp-"  # ".01.md.tmp-<token>": hidden (MkDocs skips dot files), never a page

_steps = 0


def step(kind: str, path: Path | str) -> None:
    """Count one operation that changes the disk; the test hooks act here."""
    global _steps
    _steps += 1
    trace = os.environ.get(TRACE)
    if trace:
        with open(trace, "a", encoding="utf-8") as log:
            log.write(f"{_steps} {kind} {path}\n")
    if os.environ.get(PAUSE_AT) == str(_steps):
        sys.stderr.flush()
        os.kill(os.getpid(), signal.SIGSTOP)


def pause_worker() -> None:
    if os.environ.get(PAUSE_WORKERS):
        os.kill(os.getpid(), signal.SIGSTOP)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_digest(path: Path) -> str | None:
    """The hash of a file's bytes, or None when there is no file."""
    try:
        return digest(path.read_bytes())
    except FileNotFoundError:
        return None


def temp_name(target: Path, token: str) -> Path:
    hidden = target.name if target.name.startswith(".") else f".{target.name}"
    return target.with_name(f"{hidden}{TEMP_MARK}{token}")


def write_temp(target: Path, data: bytes, token: str) -> Path:
    """``data`` in a temporary file beside ``target``; not yet flushed (``sync``)."""
    temp = temp_name(target, token)
    step("write", temp)
    temp.write_bytes(data)
    return temp


def write_file(target: Path, data: bytes, token: str) -> None:
    """Replace ``target`` by ``data`` at once: temporary file, fsync, rename, fsync
    of the folder."""
    temp = temp_name(target, token)
    step("write", temp)
    with open(temp, "wb") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())
    replace(temp, target)
    fsync_dir(target.parent)


def replace(source: Path, target: Path) -> None:
    step("replace", target)
    os.replace(source, target)


def unlink(path: Path) -> None:
    step("remove", path)
    path.unlink(missing_ok=True)


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _libc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name, use_errno=True) if name else None
    except OSError:
        return None


LIBC = _libc() if sys.platform.startswith("linux") else None


def sync(folder: Path) -> None:
    """Flush every file and folder written on ``folder``'s filesystem (one syncfs on
    Linux, where thousands of pages would otherwise cost thousands of fsyncs)."""
    step("sync", folder)
    syncfs = getattr(LIBC, "syncfs", None)
    if syncfs is not None:
        fd = os.open(folder, os.O_RDONLY)
        try:
            if syncfs(fd) == 0:
                return
        finally:
            os.close(fd)
    os.sync()


AT_FDCWD = -100
RENAME_EXCHANGE = 2


def exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one step (Linux's renameat2 RENAME_EXCHANGE); False where
    the system or the filesystem cannot, and nothing was done."""
    step("exchange", second)
    renameat2 = getattr(LIBC, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def replace_folder(new: Path, target: Path) -> None:
    """Put the folder ``new`` in ``target``'s place, flushed first. Where the system
    swaps two folders in one step (Linux), ``target`` is at every moment whole, old
    or new; elsewhere it is missing between two renames (never half of one)."""
    sync(new)
    if not target.exists():
        replace(new, target)
    elif exchange(new, target):
        remove_tree(new)  # which now holds the old folder
    else:
        old = new.with_name(f"{new.name}.old")
        replace(target, old)
        replace(new, target)
        remove_tree(old)
    fsync_dir(target.parent)


def remove_tree(folder: Path) -> None:
    """Remove a folder the run itself made (a build's staging), bottom up."""
    step("remove-tree", folder)
    with contextlib.suppress(FileNotFoundError):
        if folder.is_symlink() or not folder.is_dir():
            folder.unlink()  # a link (or a file) in its place: the name goes, never the target
        else:
            shutil.rmtree(folder)
