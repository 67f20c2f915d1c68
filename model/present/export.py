"""Every table of a result directory for readers without Python: one Excel workbook or
CSV files in Swedish Excel's dialect.

The workbook has a sheet per table with Swedish headers, Excel number formats
(thousands separators, percentages; Excel shows them in the reader's locale), readable
column widths, a frozen header row and filters, and a first sheet "Innehåll" saying what
each sheet holds in Swedish and English, which scenarios the result holds (their titles
in both languages) and each column's Swedish header beside its English name. A table
too large for a readable sheet (the weekly time series and the events of a large
comparison) stands there as its yearly summary; the CSV export holds every row.

Text a spreadsheet would take for a formula (a cell beginning with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return: OWASP's rule for CSV injection) is written as text
with a leading apostrophe, in the workbook and in the CSV files alike; numbers, negative
ones included, stay numbers. :func:`model.present.workbook.workbook` is the one workbook writer
of the tool: the ``export`` command and the what-if app's option list both use it.

The CSV export is a directory: one file per table (semicolon, decimal comma, UTF-8 with
a byte-order mark: ``model.store.officefiles``' ``CSV_*``), ``innehall.csv`` with the same
contents list, ``kolumner.csv`` with each column's Swedish header and English name, and
a manifest, so that a later export can replace it.
"""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd

from .. import store
from ..errors import UserError
from ..experiment.costsigns import cost_signed
from ..store.officefiles import CSV_BOM, CSV_DECIMAL, CSV_SEPARATOR
from ..store.provenance import provenance
from . import texts
from .catalogue.columns import EXPORT_WORDS as X
from .catalogue.columns import both
from .dashboard import columns as C
from .dashboard.i18n import block_label, category_label, reason_label, view_label, warning_text
from .workbook import MARK, safe_text, workbook  # noqa: F401 (MARK: callers use export.MARK)

ORDER = ["cost_benefit", "comparison", "ceac", "evppi", "summary", "costs", "timeseries",
         "events", "draws", "evaluations", "sweep", "points", "sensitivity"]
MAX_SHEET_CELLS = 1_000_000          # beyond this a sheet is slow to write and to read
EXCEL_MAX_ROWS = 1_048_575           # Excel's rows below the header
CONTENTS_CSV = "innehall.csv"
# the mark store.is_own_file() finds in the workbook (the zip comment is stored as it is)


def read_tables(path: str | Path) -> tuple[str, dict, dict[str, pd.DataFrame]]:
    """The kind, manifest and tables (in reading order) of a result directory."""
    path = Path(path)
    if not path.is_dir():
        raise UserError(f"{path}: {'not a directory' if path.exists() else 'not found'}; "
                        "allowed: a result directory of run, compare, breakeven or sweep")
    kind = store.result_kind(path)
    if kind is None:
        raise UserError(f"{path}: not a result directory of this tool (no manifest of "
                        "socialstaff-sim with its tables); allowed: a result directory of "
                        "run, compare, breakeven or sweep")
    if kind == "sweep" and not (path / "sweep.parquet").exists():
        raise UserError(f"{path}: the sweep has not been collected (no sweep.parquet); run "
                        f"python simulate.py collect {path} first")
    manifest = store.read_manifest(path / "manifest.json") or {}
    found = sorted(p.stem for p in path.glob("*.parquet"))
    names = [n for n in ORDER if n in found] + [n for n in found if n not in ORDER]
    tables = {}
    for name in names:
        try:
            tables[name] = pd.read_parquet(path / f"{name}.parquet")
        except Exception as exc:  # noqa: BLE001 - any unreadable file is a user error
            raise UserError(f"{path / (name + '.parquet')}: unreadable parquet table "
                            f"({type(exc).__name__})") from None
    if "cost_benefit" in tables:        # results written before: savings as costs
        tables["cost_benefit"] = cost_signed(tables["cost_benefit"])
    return kind, manifest, tables


def _scenario_items(manifest: dict) -> list[tuple[str, dict]]:
    """(name, resolved scenario) of the scenarios a result holds, base first."""
    if manifest.get("kind") == "comparison":
        return [(str(s.get("name", "")), s.get("resolved") or {}) for s in
                manifest.get("scenarios", []) if isinstance(s, dict)]
    if manifest.get("kind") == "run" or "resolved_scenario" in manifest:
        return [(str(manifest.get("scenario", "")), manifest.get("resolved_scenario") or {})]
    return []


def scenario_titles(manifest: dict) -> list[tuple[str, str, str]]:
    """(name, Swedish title, English title) of the scenarios a result holds: the titles
    the dashboard and the console use, told apart where two options share one."""
    items = _scenario_items(manifest)
    sv, en = (texts.distinct_titles(items, lang) for lang in texts.LANGS)
    return [(n, sv[n], en[n]) for n, _ in items]


def titled(df: pd.DataFrame, titles: dict[str, str]) -> pd.DataFrame:
    """The table with each scenario named by its title (``titles``: name -> title) in
    its ``scenario`` column, as the dashboard names it; a name without a title stays."""
    if "scenario" not in df.columns or not titles:
        return df
    return df.assign(scenario=_recode(df["scenario"], lambda v: titles.get(v, v)))


# -- the tables in Swedish ---------------------------------------------------------------

def _metric_kinds(df: pd.DataFrame) -> list[str] | None:
    """For a table with a row per metric, each row's kind (its values' format)."""
    col = "metric" if "metric" in df.columns else "measure" if "measure" in df.columns \
        else None
    if col is None:
        return None
    return [C.kind(str(m)) for m in df[col]]


def swedish_values(name: str, df: pd.DataFrame) -> pd.DataFrame:
    """The table's coded values in Swedish words (metrics, cost categories, views,
    blocks, events, exit reasons, service warnings); numbers unchanged."""
    df = df.copy()

    def tr(col, fn):
        if col in df.columns:
            df[col] = _recode(df[col], fn)

    tr("metric", C.header)
    tr("measure", C.header)
    tr("unit", lambda v: C.UNITS.get(v, v))
    tr("category", lambda v: category_label(v, "sv"))
    tr("view", lambda v: view_label(v, "sv") if v in ("budget", "economic") else v)
    tr("block", lambda v: block_label(v, "sv"))
    tr("service_flag", lambda v: warning_text(v, "sv"))
    tr("crisis_reason", lambda v: "; ".join(C.CRISIS.get(c, c) for c in v.split(";") if c))
    if name == "events" or "event" in df.columns:
        tr("detail", lambda v: reason_label(v, "sv") if reason_label(v, "sv") != v
           else C.DETAILS.get(v, v))
        tr("event", lambda v: C.EVENTS.get(v, v))
    return df


def _recode(column: pd.Series, fn) -> pd.Series:
    """``fn`` applied to each distinct text of a column once (fast on long tables);
    missing values stay missing."""
    codes, uniques = pd.factorize(column)
    new = np.array([fn(u) if isinstance(u, str) else u for u in uniques] + [None],
                   dtype=object)
    return pd.Series(new[codes], index=column.index, dtype=object)


def yearly(name: str, df: pd.DataFrame) -> pd.DataFrame:
    """The yearly summary that stands for a table too large for a sheet."""
    keys = [k for k in ("scenario", "year") if k in df.columns]
    if name == "timeseries":
        cols = [c for c in df.columns if c not in ("replication", "seed", "week", "day")
                and c not in keys and df[c].dtype.kind in "iuf"]
        return df.groupby(keys, sort=False)[cols].mean().reset_index()
    # events: counts per scenario, year, event and detail, per replication; a
    # consultant's post number is dropped so the rows stay few
    reps = df.groupby("scenario")["replication"].nunique() if "scenario" in df.columns \
        else None
    detail = df["detail"].astype(object).map(
        lambda v: re.sub(r"^post \d+$", "", v) if isinstance(v, str) else "")
    g = df.assign(detail=detail).groupby([*keys, "event", "detail"], sort=False).size()
    out = g.rename("events_per_replication").reset_index()
    if reps is not None:
        out["events_per_replication"] = out["events_per_replication"] / \
            out["scenario"].map(reps).astype(float)
    return out


def sheets(tables: dict[str, pd.DataFrame], max_cells: int = MAX_SHEET_CELLS,
           titles: dict[str, str] | None = None):
    """(table, sheet name, Swedish and English description, frame, row kinds) per sheet
    of the workbook, in order; a table too large for a sheet as its yearly summary;
    scenarios named by their Swedish ``titles`` (name -> title)."""
    out = []
    for name, df in tables.items():
        df = titled(df, titles or {})
        sheet, sv, en = C.TABLES.get(name, (name[:31], name, name))
        if df.size > max_cells or len(df) > EXCEL_MAX_ROWS:
            if name not in C.YEARLY:
                raise UserError(f"{name}.parquet: {len(df)} rows x {len(df.columns)} columns "
                                "are too many for a readable sheet; allowed: --format csv")
            df = yearly(name, df)
            sheet, sv, en = C.YEARLY[name]
        out.append((name, sheet, sv, en, swedish_values(name, df), _metric_kinds(df)))
    return out


# -- the workbook ------------------------------------------------------------------------

def write_workbook(target, kind: str, source: Path, manifest: dict,
                   sheet_list: list) -> None:
    """The export command's workbook at ``target`` (a new file): the contents sheet and
    a sheet per table, marked as the tool's own."""
    workbook(target, sheet_list, title=f"{X['result'].sv}: " + _result_words(
                 kind, source, manifest, None, "sv"),
             contents=lambda wb, bold, head: _contents(wb, bold, head, kind, source,
                                                       manifest, sheet_list))
    with zipfile.ZipFile(target, "a") as z:
        z.comment = MARK


def _result_words(kind: str, source: Path, manifest: dict, when, lang: str) -> str:
    """What the workbook holds, in ``lang``: its kind against the base's title, then the
    result directory and when it was finished."""
    items = _scenario_items(manifest)
    words = X.get(f"kind_{kind}")
    kind_word = words[lang].capitalize() if words else kind
    text = X["against"][lang].format(
        kind=kind_word, base=texts.distinct_titles(items, lang)[items[0][0]]) \
        if items else kind_word
    return (f"{text} ({X['folder'][lang].format(name=source.name)})"
            + (X["finished"][lang].format(when=when) if when else ""))


def _contents(wb, bold, head, kind, source, manifest, sheet_list) -> None:
    ws = wb.add_worksheet(X["contents"].sv)

    def line(r: int, values: list, fmt=None) -> None:
        ws.write_row(r, 0, [safe_text(v) for v in values], fmt)

    ws.set_column(0, 0, 26)
    ws.set_column(1, 2, 70)
    ws.set_column(3, 4, 14)
    ws.write_string(0, 0, both("contents"), bold)
    when = manifest.get("finished") or manifest.get("collected") or manifest.get("started")
    titles = scenario_titles(manifest)
    line(1, [both("result"), _result_words(kind, source, manifest, when, "sv"),
             _result_words(kind, source, manifest, when, "en")])
    row = 3
    line(row, [X["sheet"].sv, X["contents"].sv, X["contents"].en, both("rows"), both("table")],
         head)
    for name, sheet, sv, en, df, _ in sheet_list:
        row += 1
        line(row, [sheet, sv, en, len(df), f"{name}.parquet"])
    if titles:
        row += 2
        line(row, [X["title"].sv, X["title"].en, both("scenario_name")], head)
        for n, sv, en in titles:
            row += 1
            line(row, [sv, en, n])
    row += 2
    line(row, [both("sheet"), X["column"].sv, X["column"].en], head)
    for _, sheet, _, _, df, _ in sheet_list:
        for c in df.columns:
            row += 1
            line(row, [sheet, C.header(c), c])


# -- CSV files ---------------------------------------------------------------------------

def csv_tables(tables: dict[str, pd.DataFrame], manifest: dict) -> dict[str, pd.DataFrame]:
    """Every table with Swedish headers and values, plus the contents list first."""
    file, (sv, en), rows = X["file"].sv, (X["contents"].sv, X["contents"].en), both("rows")
    contents = [{file: f"{n}.csv", sv: C.TABLES.get(n, ("", n, n))[1],
                 en: C.TABLES.get(n, ("", n, n))[2], rows: len(df)}
                for n, df in tables.items()]
    contents.append({file: "kolumner.csv", sv: X["glossary"].sv, en: X["glossary"].en,
                     rows: sum(len(df.columns) for df in tables.values())})
    glossary = pd.DataFrame([{file: f"{n}.csv", X["column"].sv: C.header(c),
                              X["column"].en: c}
                             for n, df in tables.items() for c in df.columns])
    out = {CONTENTS_CSV[:-4]: pd.DataFrame(contents), "kolumner": glossary}
    titles = {n: sv for n, sv, _ in scenario_titles(manifest)}
    for name, df in tables.items():
        df = swedish_values(name, titled(df, titles))       # scenarios by their titles
        for c in df.columns:
            if df[c].dtype.kind not in "iufb":
                df[c] = _recode(df[c], safe_text)
        out[name] = df.rename(columns=C.header)
    return out


def save_csv(df: pd.DataFrame, path: Path) -> None:
    """One table in Swedish Excel's dialect (pyarrow's writer: a decimal comma on a
    million values in a second where pandas takes many)."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pcsv

    arrays = []
    for c in df.columns:
        s = df[c]
        if s.dtype.kind == "f":
            text = pc.cast(pa.array(s.to_numpy(float), from_pandas=True), pa.string())
            arrays.append(pc.replace_substring(text, ".", CSV_DECIMAL))
        elif s.dtype.kind in "iub":
            arrays.append(pa.array(s.to_numpy()))
        else:
            arrays.append(pa.array(_recode(s, lambda v: safe_text(str(v))).to_numpy(object),
                                   from_pandas=True, type=pa.string()))
    table = pa.Table.from_arrays(arrays, names=[str(safe_text(str(c))) for c in df.columns])
    with open(path, "wb") as f:
        f.write(CSV_BOM)
        pcsv.write_csv(table, f, pcsv.WriteOptions(delimiter=CSV_SEPARATOR, eol="\r\n"))


# -- the command ---------------------------------------------------------------------------

def default_output(results: Path, fmt: str) -> Path:
    """Inside the result directory for the workbook (replaced, like its dashboard, when
    the result is re-run); beside it for the CSV directory (a result of its own)."""
    results = Path(os.path.abspath(results))
    return results / f"{results.name}.xlsx" if fmt == "xlsx" \
        else results.with_name(f"{results.name}_csv")


def export(results: str | Path, fmt: str, output: str | Path | None, force: bool,
           say) -> tuple[Path, list[str]]:
    """Write the export of ``results``; the path written and the sheets or files in it."""
    results = Path(results)
    store.settle(results, say)
    kind, manifest, tables = read_tables(results)
    out = Path(output) if output else default_output(results, fmt)
    inputs = sorted(results / n for n in store.own_entries(results))
    if any(_same(out, p) for p in [results, *inputs]):
        raise UserError(f"{out}: is one of this command's own inputs (the result directory "
                        "or a file in it); choose another -o")
    if fmt == "xlsx":
        if out.suffix.lower() != ".xlsx":
            raise UserError(f"{out}: a workbook's name must end in .xlsx")
        sheet_list = sheets(tables, titles={n: sv for n, sv, _ in
                                            scenario_titles(manifest)})
        with store.claim(out, "workbook", directory=False, force=force, inputs=inputs,
                         say=say) as claimed:
            try:
                claimed.write_with(lambda tmp: write_workbook(tmp, kind, results, manifest,
                                                              sheet_list))
            except OSError as exc:
                raise UserError(f"{out}: cannot write ({exc.strerror or exc})") from None
        return out, [X["contents"].sv, *(s[1] for s in sheet_list)]
    files = csv_tables(tables, manifest)
    head = {"package": store.PACKAGE, "kind": "export", "format": "csv",
            "source": str(results), "source_kind": kind,
            "source_finished": manifest.get("finished") or manifest.get("collected")}
    with store.claim(out, "export", directory=True, force=force, inputs=inputs,
                     say=say) as claimed:
        claimed.write_result(files, {**head, **provenance()}, save=save_csv, suffix="csv")
    return out, [f"{n}.csv" for n in files]


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return Path(os.path.abspath(a)) == Path(os.path.abspath(b))
