"""Results on disk: written atomically, with provenance beside the tables.

A run is written into a temporary sibling directory and renamed into place only when
every table is complete, so an interrupted or failed run leaves no half-written
result. An existing result directory (one with a ``manifest.json``) is replaced only
after the new one is complete; any other existing, non-empty directory is refused.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from . import __version__
from .errors import UserError


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def git_commit() -> str | None:
    """The commit of the code that ran (with '-dirty' for local changes), if known."""
    here = Path(__file__).resolve().parent.parent
    try:
        sha = subprocess.run(["git", "rev-parse", "HEAD"], cwd=here, capture_output=True,
                             text=True, timeout=5)
        if sha.returncode != 0:
            return None
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                               cwd=here, capture_output=True, text=True, timeout=5)
        return sha.stdout.strip() + ("-dirty" if dirty.stdout.strip() else "")
    except (OSError, subprocess.SubprocessError):
        return None


def file_sha256(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def provenance() -> dict:
    return {"package": "socialstaff-sim", "version": __version__, "git_commit": git_commit(),
            "python": platform.python_version(), "platform": platform.platform(),
            "command": " ".join(sys.argv)}


def check_output_dir(out: Path) -> None:
    """Refuse an output path we must not overwrite (before any work is done)."""
    if out.exists():
        if not out.is_dir():
            raise UserError(f"{out}: output path exists and is a file; choose a directory")
        if any(out.iterdir()) and not (out / "manifest.json").exists():
            raise UserError(f"{out}: directory exists, is not empty and holds no earlier "
                            "result (manifest.json); choose another --out")
    parent = out.parent if out.parent != Path("") else Path(".")
    probe = parent
    while not probe.exists():
        probe = probe.parent
    if not os.access(probe, os.W_OK):
        raise UserError(f"{out}: cannot write here (permission denied)")


def write_result_dir(out: Path, tables: dict[str, pd.DataFrame], manifest: dict) -> Path:
    """Write tables (parquet) and manifest.json atomically into ``out``."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.parent / f".{out.name}.tmp-{os.getpid()}"
    if tmp.exists():
        shutil.rmtree(tmp)
    try:
        tmp.mkdir()
        for name, df in tables.items():
            df.to_parquet(tmp / f"{name}.parquet", index=False)
        (tmp / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False,
                                                      default=str) + "\n", encoding="utf-8")
        old = None
        if out.exists():
            old = out.parent / f".{out.name}.old-{os.getpid()}"
            os.replace(out, old)
        try:
            os.replace(tmp, out)
        except BaseException:
            if old is not None:
                os.replace(old, out)
            raise
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise UserError(f"{out}: cannot write results ({exc.strerror or exc}); earlier "
                        "results, if any, are untouched") from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return out


def read_result_dir(path: Path) -> dict[str, pd.DataFrame]:
    path = Path(path)
    if not (path / "manifest.json").exists():
        raise UserError(f"{path}: not a result directory (no manifest.json)")
    return {p.stem: pd.read_parquet(p) for p in sorted(path.glob("*.parquet"))}


def write_text_atomic(path: Path, text: str) -> Path:
    """Write a text file via a temporary file and rename; errors are one line."""
    path = Path(path)
    if path.is_dir():
        raise UserError(f"{path}: is a directory; give a file name")
    tmp = path.parent / f".{path.name}.tmp-{os.getpid()}"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise UserError(f"{path}: cannot write ({exc.strerror or exc})") from None
    return path
