"""Worker processes that never outlive the process that started them.

Every process pool of the tool (the command line's replications and sweeps, the app's
what-ifs) starts its workers through :func:`init_worker`. A worker then:

* leaves Ctrl-C and SIGTERM to its parent, which stops the pool in order;
* watches its parent: when the parent is gone, however it ended (``kill -9``
  included), the worker ends within :data:`WATCH_SECONDS`, even in the middle of a
  replication. A forked worker that lived on would keep the parent's open files, and
  with them the output's lock (docs/RELIABILITY.md).

The watch is a daemon thread polling ``os.getppid()``: a process whose parent has ended
is re-parented (to init or a sub-reaper), so its parent id changes. Linux's
``PR_SET_PDEATHSIG`` is not used alone because it fires when the *thread* that forked
the worker ends, which in a web server is any request thread.
"""

from __future__ import annotations

import os
import signal
import threading
import time

WATCH_SECONDS = 0.25            # how often a worker looks for its parent


def init_worker(parent_pid: int | None = None) -> None:
    """Pool initializer: signals left to the parent, and an end with the parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    watch_parent(parent_pid if parent_pid is not None else os.getppid())


def watch_parent(parent_pid: int) -> None:
    """End this process (exit status 1) soon after ``parent_pid`` is no longer its
    parent; at once when it already is not."""
    if os.getppid() != parent_pid:
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(WATCH_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="watch-parent", daemon=True).start()
