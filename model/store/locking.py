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
import errno
import fcntl
import os
import re
import shutil
import stat
from collections.abc import Callable
from pathlib import Path

from ..errors import UserError

LEFTOVER = re.compile(r"^\.(?P<name>.+)\.(?P<what>old|tmp)-\d+$")


class Lock:
    """An exclusive lock on ``.NAME.lock`` beside the output (released by the system if
    the process dies); the file is removed on release.

    The lock file is opened without following a link and must be a regular file of this
    user with one name: a link, a FIFO or a hard link planted there is refused in one
    line and never written. Children forked while the lock is held (pool workers) close
    their copy at once (:func:`_close_in_child`), so the lock ends with its owner."""

    def __init__(self, target: Path):
        self.target = target
        self.path = target.parent / f".{target.name}.lock"
        self.fd: int | None = None

    def acquire(self) -> None:
        while True:
            fd = _open_lock_file(self.path)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = os.read(fd, 32).decode(errors="replace").strip() or "?"
                os.close(fd)
                raise UserError(f"{self.target}: another process (pid {holder}) is writing "
                                "there now; wait for it to finish or choose another "
                                "output") from None
            try:
                same = os.path.samestat(os.fstat(fd), os.lstat(self.path))
            except FileNotFoundError:
                same = False
            if same:      # not a lock file its last holder removed while we opened it
                os.ftruncate(fd, 0)
                os.write(fd, f"{os.getpid()}\n".encode())
                self.fd = fd
                _HELD.add(fd)
                return
            os.close(fd)

    def release(self) -> None:
        if self.fd is not None:
            with contextlib.suppress(OSError):
                os.unlink(self.path)
            _HELD.discard(self.fd)
            os.close(self.fd)
            self.fd = None


# the descriptors of the locks this process holds, closed in every forked child
_HELD: set[int] = set()


def _close_in_child() -> None:
    for fd in list(_HELD):
        with contextlib.suppress(OSError):
            os.close(fd)
    _HELD.clear()


os.register_at_fork(after_in_child=_close_in_child)


def _open_lock_file(path: Path) -> int:
    """The lock file opened for reading and writing, created if missing, never through a
    link; refused in one line unless it is a regular file of this user with one name."""
    flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
    try:
        fd = os.open(path, flags, 0o600)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UserError(f"{path}: is a link, not a lock file of this tool; remove it "
                            "(its target is left alone) and run again") from None
        raise UserError(f"{path}: cannot open the lock file ({exc.strerror or exc})") \
            from None
    st = os.fstat(fd)
    problem = ("is not a regular file" if not stat.S_ISREG(st.st_mode) else
               "has other names (a hard link)" if st.st_nlink != 1 else
               "belongs to another user" if st.st_uid != os.geteuid() else None)
    if problem:
        os.close(fd)
        raise UserError(f"{path}: {problem}, not a lock file of this tool; remove it and "
                        "run again")
    return fd


def create_temporary(path: Path, directory: bool = False) -> Path:
    """Create the temporary ``path`` (``.NAME.tmp-PID``) as a new, empty regular file (or
    directory) of this process: exclusive, never through a link. A leftover regular
    file or directory of the same name (a write of an earlier process with this pid) is
    removed first; a link or anything else there is refused in one line."""
    for _ in range(2):
        try:
            if directory:
                os.mkdir(path, 0o755)
            else:
                os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
                                 | os.O_CLOEXEC, 0o644))
            return path
        except FileExistsError:
            st = os.lstat(path)
            if not (stat.S_ISREG(st.st_mode) or stat.S_ISDIR(st.st_mode)) or (
                    stat.S_ISREG(st.st_mode) and st.st_nlink != 1):
                kind = "a link" if stat.S_ISLNK(st.st_mode) else "not a file of this tool"
                raise UserError(f"{path}: is {kind}, where the tool writes its temporary "
                                "file; remove it and run again") from None
            remove(path)
    raise UserError(f"{path}: cannot create the temporary file (it keeps coming back)")


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
    links = [p for p in olds if p.is_symlink()]       # never ours: never restored
    olds = sorted((p for p in olds if p not in links), key=lambda p: p.lstat().st_mtime)
    for link in links:
        remove(link)
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
