"""Atomic single-file writes: a temporary sibling, then a rename into place.

model/store/__init__.py decides *whether* a file may be written; these functions only make the
write itself all-or-nothing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd


def write_atomic(path: Path, write) -> Path:
    """Write a file through ``write(tmp)`` into a temporary sibling, then rename it into
    place; the temporary file is removed when anything fails."""
    path = Path(path)
    tmp = path.parent / f".{path.name}.tmp-{os.getpid()}"
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


def write_json(path: Path, obj: dict) -> Path:
    """One JSON file (a manifest), atomically."""
    text = json.dumps(obj, indent=2, ensure_ascii=False, default=str) + "\n"
    return write_atomic(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))
