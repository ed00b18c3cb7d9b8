"""One run at a time on a docs folder: a lock file beside it (``.docs.lock``).

The lock is ``flock`` on that file, so the kernel releases it when its holder dies,
even by ``kill -9``: a lock is never stale. The holder writes who it is (process,
host, start time, command) into the file, so a second run names the one it waits
for, and removes the file when it is done; a file found unlocked is the trace of a
run that was killed, said by the next run.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import os
import socket
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

# How often a waiting run tries the lock again.
RETRY_SECONDS = 0.2


class Busy(Exception):
    """Another run holds the lock and did not let go in time."""


@dataclass(frozen=True)
class Held:
    """The lock, held; ``interrupted`` names a run that held it and was killed."""

    path: Path
    interrupted: str | None


def lock_path(folder: Path) -> Path:
    folder = folder.resolve()
    return folder.parent / f".{folder.name}.lock"


def describe(holder: str) -> str:
    """The holder's record as a phrase: "PID 12 on host, started 2024-01-01T…: cmd"."""
    try:
        record = json.loads(holder)
        return (
            f"PID {record['pid']} on {record['host']}, started {record['started']} "
            f"({record['command']})"
        )
    except (ValueError, KeyError, TypeError):
        return "a run that left no record of itself"


def my_record() -> str:
    started = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    argv = sys.orig_argv or sys.argv  # "python -m converter convert …", as typed
    command = " ".join([os.path.basename(argv[0]), *argv[1:]])
    record = {"pid": os.getpid(), "host": socket.gethostname(), "started": started}
    return json.dumps({**record, "command": command})


@contextlib.contextmanager
def run_lock(
    folder: Path, wait: float, say: Callable[[str], None] = lambda message: None
) -> Iterator[Held]:
    """Hold ``folder``'s lock for the block; wait up to ``wait`` seconds for another
    run (saying so once), then raise ``Busy`` naming it."""
    path = lock_path(folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait
    waited = False
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = describe(read_all(fd))
            os.close(fd)
            if time.monotonic() >= deadline:
                raise Busy(f"{folder} is in use by another run: {holder}") from None
            if not waited:
                say(f"waiting for the other run on {folder}: {holder}")
                waited = True
            time.sleep(RETRY_SECONDS)
            continue
        if same_file(fd, path):
            break
        os.close(fd)  # the holder removed the file as we opened it: try the new one
    try:
        previous = read_all(fd)
        interrupted = describe(previous) if previous.strip() else None
        os.ftruncate(fd, 0)
        os.pwrite(fd, my_record().encode(), 0)
        yield Held(path, interrupted)
    finally:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        os.close(fd)  # releases the lock


def read_all(fd: int) -> str:
    return os.pread(fd, 4096, 0).decode("utf-8", "replace")


def same_file(fd: int, path: Path) -> bool:
    try:
        return os.stat(path).st_ino == os.fstat(fd).st_ino
    except FileNotFoundError:
        return False
