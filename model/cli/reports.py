"""dashboard, report and export: pages, briefs and workbooks of a result."""

from __future__ import annotations

from pathlib import Path

from ..errors import clean
from .common import _claim, _note


def _write_dashboard(results: Path, target: Path, args) -> Path:
    from .. import store
    from ..present.dashboard.data import load_results
    from ..present.dashboard.page import render_dashboard

    store.settle(results, _note)
    with _claim(target, "dashboard", args, inputs=_result_files(results),
                directory=False) as output:
        output.write_text(render_dashboard(load_results(results)))
    from ..present.console_text import say

    lang = getattr(args, "lang", "en") if hasattr(args, "details") else "en"
    print(f"{say('dashboard_written', lang)}: {target}")
    return target


def _result_files(results) -> list[Path]:
    """The files of a result directory that dashboard and report read: its tables and
    its manifest (a page they wrote earlier is an output they may replace)."""
    results = Path(results)
    if not results.is_dir():
        return []
    return sorted(p for p in results.iterdir()
                  if p.suffix == ".parquet" or p.name == "manifest.json")


def cmd_dashboard(args) -> int:
    results = Path(args.results)
    target = Path(args.output) if args.output else results / "dashboard.html"
    _write_dashboard(results, target, args)
    return 0


def cmd_report(args) -> int:
    from .. import store
    from ..errors import UserError
    from ..present.dashboard.data import load_results

    for folder in (args.results, args.sensitivity):
        if folder:
            store.settle(folder, _note)
    res = load_results(args.results)
    sens = None
    inputs = _result_files(args.results)
    if args.sensitivity:
        sres = load_results(args.sensitivity)
        sens = sres.tables.get("sensitivity")
        if sens is None:
            raise UserError(f"{args.sensitivity}: no sensitivity.parquet in that directory")
        inputs += _result_files(args.sensitivity)
    target = (Path(args.output) if args.output
              else Path(args.results) / f"brief_{args.lang}.html")
    if target.suffix.lower() == ".pdf":
        target = target.with_suffix(".html")
    _write_briefs(args.results, {args.lang: target}, args, sens, inputs, res)
    return 0


def cmd_export(args) -> int:
    from ..present import export

    out, parts = export.export(args.results, args.format, args.output, args.force, _note)
    what = "Workbook (Excel)" if args.format == "xlsx" else "CSV files for Swedish Excel"
    print(f"{what}: {out}")
    print(clean(f"  {', '.join(parts)}"))
    return 0


def _write_briefs(results, targets: dict, args, sens=None, inputs=None, res=None) -> None:
    """The committee brief per language: the HTML at each target and an A4 PDF beside it
    (headless Chromium). Without a browser the HTML is written and one line says how to
    get the PDF."""
    from contextlib import ExitStack

    from ..present.console_text import say
    from ..present.dashboard import pdf
    from ..present.dashboard.brief import render_brief
    from ..present.dashboard.data import load_results

    args_lang = getattr(args, "lang", "en") if hasattr(args, "details") else "en"
    res = res or load_results(results)
    inputs = inputs if inputs is not None else _result_files(results)
    with ExitStack() as stack:
        outs = {lang: (stack.enter_context(_claim(t, "brief", args, inputs=inputs,
                                                  directory=False)),
                       stack.enter_context(_claim(Path(t).with_suffix(".pdf"), "brief", args,
                                                  inputs=inputs, directory=False)))
                for lang, t in targets.items()}
        pages = {lang: render_brief(res, lang, sens) for lang in targets}
        for lang, (html_out, _) in outs.items():
            html_out.write_text(pages[lang])
            print(f"{say('brief_word', args_lang)} ({lang}), HTML: {html_out.path}")
        try:
            with pdf.browser() as b:
                for lang, (_, pdf_out) in outs.items():
                    pdf_out.write_bytes(pdf.html_to_pdf(b, pages[lang]))
                    print(f"{say('brief_word', args_lang)} ({lang}), PDF (A4): {pdf_out.path}")
        except pdf.NoBrowser as exc:
            print(clean(f"PDF not written: {exc}; to get it, {pdf.HOW_TO}"))
