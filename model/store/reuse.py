"""A stored result reused: a re-run whose inputs (their digest,
:func:`model.store.provenance.inputs_digest`, recorded in the manifest as
``inputs_sha256``) equal the stored result's reads it back instead of computing it."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import read_manifest, result_kind


def stored_result(path: Path, kind: str, digest: str
                  ) -> tuple[dict[str, pd.DataFrame], dict] | None:
    """The tables and manifest of the result of ``kind`` in ``path`` when its manifest
    records the inputs digest ``digest`` (:func:`provenance.inputs_digest`) and every
    table it lists reads back; None otherwise (the result is then computed again)."""
    path = Path(path)
    if result_kind(path) != kind:
        return None
    manifest = read_manifest(path / "manifest.json") or {}
    if not digest or manifest.get("inputs_sha256") != digest:
        return None
    names = [str(n) for n in manifest.get("files") or [] if str(n).endswith(".parquet")
             and Path(str(n)).name == str(n) and not str(n).startswith(".")]
    tables = {}
    try:
        for name in names:
            tables[name[:-len(".parquet")]] = pd.read_parquet(path / name)
    except Exception:  # noqa: BLE001 - an unreadable table: compute the result again
        return None
    return (tables, manifest) if tables else None
