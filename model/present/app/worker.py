"""The app's worker processes: one replication of a what-if at a time, stopped early
when no what-if needs it any more (:mod:`model.present.app.runner` decides which)."""

from __future__ import annotations

import _thread
import os
import signal
import threading
import time

from ...experiment import run_replication
from ...experiment.workers import init_worker

TABLES = ("summary", "costs", "timeseries")
WORKER_NICENESS = 5
STOP_POLL_SECONDS = 0.05        # how often a worker looks for its ticket among the stopped
STOP_SLOTS = 1 << 16            # stopped tickets, by ticket modulo the slots

_stop = None                    # worker: the shared array of stopped tickets
_ticket = 0                     # worker: the ticket of the replication it runs


class Stopped(Exception):
    """A replication ended early because no what-if needs it any more."""


def _worker_init(app_pid: int, stop) -> None:
    """Workers leave signals to the app and end with it (``model.experiment.workers``), yield the
    CPU to the web server and the analysis (which stand between a click and its
    answer), and stop a replication when its ticket is among the stopped."""
    global _stop
    init_worker(app_pid)
    _stop = stop
    try:
        os.nice(WORKER_NICENESS)
    except OSError:
        pass
    signal.signal(signal.SIGUSR1, _on_stop)
    threading.Thread(target=_watch_stop, name="watch-stop", daemon=True).start()


def _stopped(ticket: int) -> bool:
    return bool(ticket) and _stop is not None and _stop[ticket % STOP_SLOTS] == ticket


def _watch_stop() -> None:
    """Interrupt the replication running (once per ticket) when its ticket is stopped."""
    while True:
        t = _ticket
        if _stopped(t):
            _thread.interrupt_main(signal.SIGUSR1)
            while _ticket == t:
                time.sleep(STOP_POLL_SECONDS)
        time.sleep(STOP_POLL_SECONDS)


def _on_stop(signum, frame) -> None:
    if _stopped(_ticket):           # only inside the replication of that ticket
        raise Stopped(_ticket)


def replication_tables(scenario_json: str, replication: int, seed: int,
                       ticket: int = 0) -> dict:
    """Worker: one replication's tables that the what-if analysis reads; ends early
    with :class:`Stopped` when ``ticket`` is stopped."""
    global _ticket
    _ticket = ticket
    try:
        if _stopped(ticket):
            raise Stopped(ticket)
        tables = run_replication(scenario_json, replication, seed)
        return {name: tables[name] for name in TABLES}
    finally:
        _ticket = 0
