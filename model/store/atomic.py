"""Atomic single-file writes: a temporary sibling, then a rename into place.

model/store/__init__.py decides *whether* a file may be written; these functions only make the
write itself all-or-nothing.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pandas as pd

from .locking import create_temporary


def write_atomic(path: Path, write) -> Path:
    """Write a file through ``write(tmp)`` into a temporary sibling, then rename it into
    place; the temporary file is removed when anything fails. The temporary file is
    created new (exclusive, never through a link) before ``write`` opens it, and the
    rename replaces a link at ``path`` rather than writing through it."""
    path = Path(path)
    tmp = create_temporary(path.parent / f".{path.name}.tmp-{os.getpid()}")
    try:
        write(tmp)
        os.replace(tmp, path)
    except BaseException:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise
    return path


def write_table(path: Path, df: pd.DataFrame) -> Path:
    """One parquet table, atomically."""
    return write_atomic(path, lambda tmp: df.to_parquet(tmp, index=False))


def write_text(path: Path, text: str) -> Path:
    """One UTF-8 text file, atomically."""
    return write_atomic(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def write_json(path: Path, obj: dict) -> Path:
    """One JSON file (a manifest), atomically."""
    text = json.dumps(obj, indent=2, ensure_ascii=False, default=str) + "\n"
    return write_atomic(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def create_new(target: Path, text: str) -> bool:
    """Write ``text`` to a new file ``target`` atomically; False if it exists."""
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp_", suffix=target.suffix)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        try:
            os.link(tmp, target)            # fails if the name is taken meanwhile
        except FileExistsError:
            return False
        return True
    finally:
        os.unlink(tmp)


def make_dirs(path: Path) -> Path:
    """A directory and its parents (none of them an error when it exists)."""
    path.mkdir(parents=True, exist_ok=True)
    return path
