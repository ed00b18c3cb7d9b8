"""Child processes die with the run that started them.

A run killed by ``kill -9`` (a CI timeout, the out-of-memory killer) has no time to
stop its children: the converter's ``--jobs`` workers, the site build's MkDocs and
index writer, the index writer's own workers. Each child asks, as it starts, to be
killed with its parent.
"""

from __future__ import annotations

import os
import signal
import threading
import time

from .site.durable import LIBC

PR_SET_PDEATHSIG = 1  # Linux prctl: a signal for this process when its parent dies
# Where prctl is missing, how often a child looks whether its parent still lives.
PARENT_POLL_SECONDS = 1.0


def die_with_parent(parent: int) -> None:
    """Be killed when the process ``parent`` dies: Linux's parent-death signal,
    elsewhere a thread that watches the parent."""
    prctl = getattr(LIBC, "prctl", None)
    if prctl is not None:
        prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    else:
        threading.Thread(target=watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # it died before the signal was asked for
        os._exit(1)


def watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(1)
