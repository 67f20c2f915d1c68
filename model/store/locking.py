"""One writer per output, and the recovery of what an interrupted writer left behind.

The lock is ``.NAME.lock`` beside the output, held with ``flock``: the system releases it
when its process ends, however it ends, so a crash never leaves a stale lock. Leftovers
of an interrupted write are named ``.NAME.tmp-PID`` (an unfinished new output) and
``.NAME.old-PID`` (the earlier output, set aside between the two renames of a
replacement); only the holder of the lock creates them, so whatever is found under the
lock belongs to a writer that is gone.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

from ..errors import UserError

LEFTOVER = re.compile(r"^\.(?P<name>.+)\.(?P<what>old|tmp)-\d+$")


class Lock:
    """An exclusive lock on ``.NAME.lock`` beside the output (released by the system if
    the process dies); the file is removed on release."""

    def __init__(self, target: Path):
        self.target = target
        self.path = target.parent / f".{target.name}.lock"
        self.fd: int | None = None

    def acquire(self) -> None:
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = os.read(fd, 32).decode(errors="replace").strip() or "?"
                os.close(fd)
                raise UserError(f"{self.target}: another process (pid {holder}) is writing "
                                "there now; wait for it to finish or choose another "
                                "output") from None
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(self.path))
            except FileNotFoundError:
                same = False
            if same:      # not a lock file its last holder removed while we opened it
                os.ftruncate(fd, 0)
                os.write(fd, f"{os.getpid()}\n".encode())
                self.fd = fd
                return
            os.close(fd)

    def release(self) -> None:
        if self.fd is not None:
            with contextlib.suppress(OSError):
                os.unlink(self.path)
            os.close(self.fd)
            self.fd = None


def recover(target: Path, in_place: bool, say: Callable[[str], None]) -> None:
    """Under the lock: restore or remove what an interrupted writer left behind."""
    parent = target.parent
    olds, tmps = [], []
    for entry in parent.iterdir() if parent.is_dir() else []:
        m = LEFTOVER.match(entry.name)
        if m and m["name"] == target.name:
            (olds if m["what"] == "old" else tmps).append(entry)
    if in_place and target.is_dir():
        for folder in (target, target / "parts"):
            if folder.is_dir():
                tmps += [e for e in folder.iterdir() if LEFTOVER.match(e.name)
                         and LEFTOVER.match(e.name)["what"] == "tmp"]
    for tmp in tmps:
        remove(tmp)
    if tmps:
        say(f"{target}: removed {len(tmps)} unfinished temporary file(s) of an interrupted "
            "write")
    olds.sort(key=lambda p: p.stat().st_mtime)
    if olds and not target.exists():
        os.replace(olds.pop(), target)
        say(f"{target}: restored the earlier result that an interrupted write had set "
            "aside")
    for old in olds:
        remove(old)
        say(f"{target}: removed {old.name}, the earlier result set aside by a write that "
            "completed")


def remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(OSError):
            path.unlink()
