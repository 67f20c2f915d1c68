"""Reading the user's files safely: only regular files, never more than a byte limit.

A path may name anything: a symlink to ``/dev/zero`` (endless), a FIFO (blocks until a
writer appears), a directory or a huge file. The size given by ``stat`` says nothing
about the first two, so every read opens the file without blocking, accepts it only when
the opened file is a regular file, and reads at most ``limit + 1`` bytes.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..errors import UserError

MAX_INPUT_BYTES = 1_000_000


def _open_regular(path: Path, error) -> int:
    """A descriptor of ``path`` opened without blocking, only when it is a regular file."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise error(f"{path}: file not found") from None
    except IsADirectoryError:
        raise error(f"{path}: is a directory, expected a file") from None
    except OSError as exc:
        raise error(f"{path}: cannot read ({exc.strerror or exc})") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        if stat.S_ISDIR(mode):
            raise error(f"{path}: is a directory, expected a file")
        raise error(f"{path}: not a regular file (a device, pipe or socket); give a file")
    return fd


def _blocks(fd: int, limit: int):
    """The bytes of an open file in blocks, at most ``limit + 1`` bytes in all."""
    size = 0
    while size <= limit:
        block = os.read(fd, min(1 << 20, limit + 1 - size))
        if not block:
            return
        size += len(block)
        yield block


def read_bytes(path: str | Path, limit: int = MAX_INPUT_BYTES, error=UserError) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; else ``error`` (one line)."""
    path = Path(path)
    fd = _open_regular(path, error)
    try:
        data = b"".join(_blocks(fd, limit))
    except OSError as exc:
        raise error(f"{path}: cannot read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise error(f"{path}: file is larger than {limit} bytes; at most {limit} bytes "
                    "allowed")
    return data


def contains_any(path: str | Path, needles: tuple[bytes, ...], limit: int) -> bool:
    """Whether a regular file holds one of ``needles`` within its first ``limit`` bytes
    (read block by block, never whole); False for anything that cannot be read."""
    keep = max(len(n) for n in needles) - 1
    try:
        fd = _open_regular(Path(path), UserError)
    except UserError:
        return False
    try:
        tail = b""
        for block in _blocks(fd, limit):
            window = tail + block
            if any(n in window for n in needles):
                return True
            tail = window[-keep:]
    except OSError:
        return False
    finally:
        os.close(fd)
    return False


def read_text(path: str | Path, limit: int = MAX_INPUT_BYTES, error=UserError,
              encoding: str = "utf-8") -> str:
    """The text of a regular UTF-8 file of at most ``limit`` bytes."""
    data = read_bytes(path, limit, error)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise error(f"{path}: not UTF-8 text ({exc.reason})") from None
