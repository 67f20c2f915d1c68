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
import time
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


def build_manifest(head: dict, sim, overrides: list[str], started: str, *,
                   workers: int | None = None, t0: float | None = None,
                   tail: dict | None = None) -> dict:
    """The manifest of a run, comparison or break-even result: what was run (``head``),
    the overrides and simulation settings, when, how, the provenance, then ``tail``."""
    manifest = {**head, "overrides": overrides, "seed": sim.seed,
                "replications": sim.replications, "years": sim.years,
                "warmup_years": sim.warmup_years}
    if workers is not None:
        manifest["workers"] = workers
    manifest["started"] = started
    manifest["finished"] = now_iso()
    if t0 is not None:
        manifest["wall_seconds"] = round(time.perf_counter() - t0, 3)
    return {**manifest, **provenance(), **(tail or {})}


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
        write_json(tmp / "manifest.json", manifest)
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


def _write_atomic(path: Path, write) -> Path:
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
    return _write_atomic(path, lambda tmp: df.to_parquet(tmp, index=False))


def write_json(path: Path, obj: dict) -> Path:
    """One JSON file (a manifest), atomically."""
    text = json.dumps(obj, indent=2, ensure_ascii=False, default=str) + "\n"
    return _write_atomic(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def read_manifest(path: Path) -> dict | None:
    """The JSON object in ``path``, or None when it is missing or not a JSON object."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def remove_tree(path: Path) -> None:
    shutil.rmtree(path)


def write_text_atomic(path: Path, text: str) -> Path:
    """Write a text file via a temporary file and rename; errors are one line."""
    path = Path(path)
    if path.is_dir():
        raise UserError(f"{path}: is a directory; give a file name")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return _write_atomic(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))
    except OSError as exc:
        raise UserError(f"{path}: cannot write ({exc.strerror or exc})") from None
