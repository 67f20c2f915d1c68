"""Provenance written beside every result: what ran, when, with which code and inputs."""

from __future__ import annotations

import hashlib
import json
import platform
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

from .. import __version__
from .files import read_bytes


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def git_commit() -> str | None:
    """The commit of the code that ran (with '-dirty' for local changes), if known."""
    here = Path(__file__).resolve().parents[2]
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
    return hashlib.sha256(read_bytes(path)).hexdigest()


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


def inputs_digest(inputs: dict) -> str:
    """The hash of what decides a result's tables: ``inputs`` (the resolved scenarios,
    with their seed, horizon and replications, the contents of their files and the
    options that change the tables) with the package version and the commit of the
    code. Stored in the manifest as ``inputs_sha256``: a re-run whose digest equals the
    stored one reuses the stored result."""
    text = json.dumps({**inputs, "version": __version__, "git_commit": git_commit()},
                      sort_keys=True, default=str, ensure_ascii=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
