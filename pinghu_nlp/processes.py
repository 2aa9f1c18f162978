"""Worker processes die with their parent: a batch killed with SIGKILL leaves no spaCy worker.

spaCy's ``nlp.pipe(n_process=N)`` and the pool of :func:`pinghu_nlp.pipeline.drafts` start their
workers with ``multiprocessing``; a worker blocks on its queue for ever once the parent is gone.
:func:`die_with_parent` runs in each worker (the pool's calls it as it starts; in spaCy's, the
first pipeline stage calls it on every page, a no-op after the first) and ends the worker when its
parent ends: at once on Linux (``PR_SET_PDEATHSIG``), else within a second (a watching thread).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import signal
import sys
import threading
import time

_PR_SET_PDEATHSIG = 1
_WATCH_EVERY = 1.0
_watched_pid: int | None = None


def die_with_parent() -> None:
    """In a ``multiprocessing`` child, make sure the process ends when its parent does."""
    global _watched_pid
    if _watched_pid == os.getpid() or multiprocessing.parent_process() is None:
        return  # already set up, or the main process: nothing to watch
    _watched_pid = os.getpid()
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent or parent == 1:
        os._exit(1)  # the parent died before the signal was asked for
    threading.Thread(target=_watch, args=(parent,), daemon=True).start()


def _watch(parent: int) -> None:
    """End this process once it has been handed to another parent (``init``, a subreaper)."""
    while os.getppid() == parent:
        time.sleep(_WATCH_EVERY)
    os._exit(1)
