"""Run one command as a child process: its wall time and its peak memory.

Takes an argv and a working folder, gives a ``Measured``: wall-clock seconds, the
peak resident set of its largest process (``ru_maxrss`` from ``os.wait4``, which on
Linux covers the child and every descendant it waited for, as the largest single
process, not their sum), and the peak of the whole process tree's resident set,
summed over its processes as sampled from /proc (what a pool of worker processes
holds at once). The command's output goes to a log file, named in the error when it
fails.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

# How often the process tree's memory is sampled; a peak shorter than this can be missed.
SAMPLE_EVERY_S = 0.05
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


@dataclass(frozen=True)
class Measured:
    seconds: float
    max_rss_mb: float  # the largest single process of the tree
    tree_rss_mb: float  # all processes of the tree at once, sampled


class CommandFailed(RuntimeError):
    pass


def parents() -> dict[int, int]:
    """pid → parent pid of every process now running."""
    found: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        found[int(entry.name)] = int(fields[1])
    return found


def rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", "rb") as statm:
            return int(statm.read().split()[1]) * PAGE_KB
    except (OSError, IndexError, ValueError):
        return 0


def tree_rss_kb(root: int) -> int:
    """Resident memory of ``root`` and all its descendants, summed."""
    children: dict[int, list[int]] = {}
    for pid, parent in parents().items():
        children.setdefault(parent, []).append(pid)
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss_kb(pid)
        stack.extend(children.get(pid, ()))
    return total


def run(argv: Sequence[str], cwd: Path, log: Path) -> Measured:
    """Run ``argv`` in ``cwd``, output appended to ``log``; raise if it fails."""
    peak_tree = 0
    done = threading.Event()

    def sample(pid: int) -> None:
        nonlocal peak_tree
        while not done.wait(SAMPLE_EVERY_S):
            peak_tree = max(peak_tree, tree_rss_kb(pid))

    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("a", encoding="utf-8") as output:
        output.write(f"$ {' '.join(argv)}\n")
        output.flush()
        start = time.perf_counter()
        child = subprocess.Popen(list(argv), cwd=cwd, stdout=output, stderr=subprocess.STDOUT)
        sampler = threading.Thread(target=sample, args=(child.pid,), daemon=True)
        sampler.start()
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        done.set()
        sampler.join()
        child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise CommandFailed(f"{' '.join(argv)} exited {child.returncode}; see {log}")
    largest = usage.ru_maxrss  # kB on Linux
    return Measured(seconds, largest / 1024, max(peak_tree, largest) / 1024)
