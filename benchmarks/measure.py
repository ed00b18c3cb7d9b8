"""Run one command as a child process: its wall time and its peak memory.

Takes an argv and a working folder, gives a ``Measured``: wall-clock seconds, the
peak resident set of its largest process, and the peak of the whole process tree's
resident set summed over its processes (what a pool of worker processes holds at
once). Both are read from /proc every SAMPLE_EVERY_S while the command runs: the
largest process's from its high-water mark (VmHWM, which a late sample still sees),
the tree's from the sum of VmRSS (a peak between two samples can be missed). And its
CPU time (user + system, of the command and every process it waited for, as
``wait4`` reports it): on a shared machine wall time counts the others' work too.

Not ``ru_maxrss``: Python starts a child with vfork, and Linux records the
parent's high-water mark in the child's ``ru_maxrss`` when the child execs, so for a
command smaller than the benchmark process it reports the benchmark's own memory.
The command's output goes to a log file, named in the error when it fails.
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


@dataclass(frozen=True)
class Measured:
    seconds: float
    max_rss_mb: float  # the largest single process of the tree
    tree_rss_mb: float  # all processes of the tree at once, sampled
    cpu_seconds: float = 0.0  # user + system of the tree (its waited-for processes)


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


def memory_kb(pid: int) -> tuple[int, int]:
    """(VmHWM, VmRSS) of a process in kB; zeros for one that is gone."""
    found = {"VmHWM:": 0, "VmRSS:": 0}
    try:
        with open(f"/proc/{pid}/status", "rb") as status:
            for line in status.read().decode().splitlines():
                name, _, rest = line.partition("\t")
                if name in found:
                    found[name] = int(rest.split()[0])
    except (OSError, ValueError, IndexError):
        pass
    return found["VmHWM:"], found["VmRSS:"]


def tree_memory_kb(root: int) -> tuple[int, int]:
    """The largest VmHWM among ``root`` and its descendants, and their VmRSS summed."""
    children: dict[int, list[int]] = {}
    for pid, parent in parents().items():
        children.setdefault(parent, []).append(pid)
    largest, total, stack = 0, 0, [root]
    while stack:
        pid = stack.pop()
        high, resident = memory_kb(pid)
        largest, total = max(largest, high), total + resident
        stack.extend(children.get(pid, ()))
    return largest, total


def run(argv: Sequence[str], cwd: Path, log: Path) -> Measured:
    """Run ``argv`` in ``cwd``, output appended to ``log``; raise if it fails."""
    peak_process = peak_tree = 0
    done = threading.Event()

    def sample(pid: int) -> None:
        nonlocal peak_process, peak_tree
        while True:
            largest, total = tree_memory_kb(pid)
            peak_process, peak_tree = max(peak_process, largest), max(peak_tree, total)
            if done.wait(SAMPLE_EVERY_S):
                return

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
        child.returncode = returncode = os.waitstatus_to_exitcode(status)
        done.set()
        sampler.join()
    if returncode != 0:
        raise CommandFailed(f"{' '.join(argv)} exited {returncode}; see {log}")
    cpu = usage.ru_utime + usage.ru_stime
    return Measured(seconds, peak_process / 1024, max(peak_tree, peak_process) / 1024, cpu)
