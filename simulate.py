#!/usr/bin/env python3
"""Command line of the workforce-stability simulation.

    python simulate.py [--lang sv] [--details]   # main job: the baseline against every
                                                  # policy, ranked; dashboard and brief
    python simulate.py run SCENARIO [options]
    python simulate.py export RESULTS_DIR [--format xlsx|csv] [-o PATH]
    python simulate.py validate FILE...
    python simulate.py schema [-o FILE]

The CLI only wires the library together: parse arguments, load and validate the
scenario, run, write results, print. Bad input gives one line and exit code 2;
Ctrl-C exits 130 and SIGTERM 143, with nothing half-written.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import signal
import sys
import time
from pathlib import Path

from model.errors import clean

HERE = Path(__file__).resolve().parent
DEFAULT_SCENARIO = HERE / "scenarios" / "baseline.yaml"
DEFAULT_RESULTS = Path("results")
# The main job: the baseline against every policy scenario in the catalogue.
MAIN_POLICIES = ["six_plus_two", "six_plus_two_no_redesign", "six_and_half_hours",
                 "seven_hours", "reflection_day",
                 "salary_ladder_umea", "salary_ladder_krokom", "pay_supplement_jonkoping",
                 "salary_ladder_osteraker", "overstaffing", "introduction_programme",
                 "specialists", "admin_support", "smaller_groups", "first_line",
                 "intensive_investigation", "trainees", "no_consultants",
                 "recruitment_support", "combined_stockholm", "krokom_package"]
MAIN_REPLICATIONS = 16
MAIN_OUT = DEFAULT_RESULTS / "policy_comparison"

EXIT_USER = 2
EXIT_INT = 130
EXIT_TERM = 143


class Terminated(BaseException):
    """Raised in the main process when SIGTERM arrives."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, exit 2
        sys.stderr.write(f"{self.prog}: error: {message} (see --help)\n")
        raise SystemExit(EXIT_USER)


def _number(flag: str, kind=float, minimum=None, above=False):
    """An argparse type: a finite number of ``kind``. A bound is given only where no
    schema checks the value (a scenario parameter is left to the scenario schema)."""
    def conv(text):
        try:
            v = kind(text)
        except ValueError:
            what = "a whole number" if kind is int else "a number"
            raise argparse.ArgumentTypeError(f"{flag} must be {what}, got {text!r}") from None
        if kind is float and not math.isfinite(v):
            raise argparse.ArgumentTypeError(f"{flag} must be a finite number, got {text}")
        if minimum is not None and (v <= minimum if above else v < minimum):
            raise argparse.ArgumentTypeError(
                f"{flag} must be {'>' if above else 'at least'} {minimum:g}, got {text}")
        return v
    return conv


def _count(flag):
    return _number(flag, int, 1)


def build_parser() -> argparse.ArgumentParser:
    ap = _Parser(prog="simulate.py", description="Workforce-stability simulation for "
                 "Swedish social services. With no command: run the bundled baseline.")
    sub = ap.add_subparsers(dest="command", parser_class=_Parser)

    run = sub.add_parser("run", help="run one scenario and write its result tables")
    run.add_argument("scenario", help="scenario YAML file")
    _run_options(run)
    _lang(run)

    cmp_ = sub.add_parser("compare", help="compare scenarios against the first with common "
                          "random numbers; cost-benefit table")
    cmp_.add_argument("scenarios", nargs="+", metavar="SCENARIO", help="the base scenario "
                      "(differences are against it), then the scenarios to compare with it; "
                      "with --base: only the measures")
    cmp_.add_argument("--base", dest="base_file", metavar="FILE", help="your unit: each "
                      "SCENARIO is a measure applied to it (its own keys overlaid on FILE)")
    _run_options(cmp_)
    _lang(cmp_)
    cmp_.add_argument("--details", action="store_true", help="print each option in detail "
                      "after the ranked table (both cost views, payback, backlog)")
    cmp_.add_argument("--dashboard", action="store_true",
                      help="also write dashboard.html into the result directory")
    cmp_.add_argument("--conditions", action="store_true", help="also find, for each "
                      "working-time option, the productivity gain at which it stops raising "
                      "turnover and the backlog (conditions.parquet; the main job does this)")
    cmp_.add_argument("--brief", action="store_true", help="also write the committee brief "
                      "in Swedish and English (brief_sv/brief_en, HTML and A4 PDF)")

    be = sub.add_parser("breakeven", help="find the parameter value where net cost against "
                        "the base is zero, or a turnover target is met")
    be.add_argument("scenario", help="the policy scenario")
    be.add_argument("--param", required=True, help="parameter path, e.g. "
                    "policies.salary_ladder.steps.0.supplement_sek_per_month")
    be.add_argument("--low", required=True, type=_number("--low"))
    be.add_argument("--high", required=True, type=_number("--high"))
    be.add_argument("--target", default="net_cost",
                    help="net_cost (default; economic view), net_cost_budget (cash) or "
                         "turnover_rate=VALUE")
    be.add_argument("--base", default=str(DEFAULT_SCENARIO),
                    help="the base scenario (default scenarios/baseline.yaml)")
    _run_options(be)
    _lang(be)

    sw = sub.add_parser("sweep", help="run a parameter sweep (resumable)")
    sw.add_argument("file", help="sweep YAML file (see scenarios/sweeps/)")
    sw.add_argument("--workers", type=_count("--workers"),
                    help="processes (default: all cores; 1 = serial)")
    sw.add_argument("--scheduler", help="'local' (a Dask LocalCluster) or the address of a "
                    "Dask scheduler, tcp://HOST:PORT")
    sw.add_argument("--out", help="result directory (default results/<sweep name>)")
    sw.add_argument("--force", action="store_true", help="start over if the directory "
                    "holds a different sweep, or use a directory that holds no sweep (your "
                    "own files in it are kept)")
    _allow_large(sw)
    sw.add_argument("--quiet", action="store_true", help="no progress bar")

    col = sub.add_parser("collect", help="join a sweep's stored chunks into sweep.parquet "
                         "(and sensitivity.parquet)")
    col.add_argument("results", help="a sweep result directory")

    cal = sub.add_parser("calibrate", help="fit parameters of a scenario to its targets")
    cal.add_argument("scenario", help="the scenario to calibrate")
    cal.add_argument("targets", nargs="?", help="targets YAML (e.g. "
                     "scenarios/calibration/targets.yaml); or give --turnover")
    cal.add_argument("--turnover", type=_number("--turnover", minimum=0, above=True),
                     help="the unit's present turnover (exits per head a year, e.g. 0.30): "
                     "fit the baseline quit hazard to it")
    cal.add_argument("--params", help="comma-separated parameter paths, each optionally "
                     "=low:high (default attrition.baseline_hazard_per_year)")
    _simulation_options(cal)
    cal.add_argument("--max-evaluations", type=_count("--max-evaluations"), default=30)
    cal.add_argument("--out", help="calibrated delta file (default "
                     "<scenario>_calibrated.yaml beside the scenario)")
    _allow_large(cal)
    _force(cal)

    hr = sub.add_parser("import-hr", help="build a scenario and targets from a "
                        "municipality's staff CSV (and monthly inflow CSV)")
    hr.add_argument("staff", help="staff CSV (format: scenarios/examples/README.md)")
    hr.add_argument("--inflow", help="monthly inflow CSV")
    hr.add_argument("-o", "--output", required=True, help="scenario YAML to write")
    hr.add_argument("--as-of", help="reference date YYYY-MM-DD (default: the last date in "
                    "the file)")
    hr.add_argument("--window-years", type=_number("--window-years", minimum=0, above=True),
                    default=3.0, help="years before the reference date used for exit rates")
    _force(hr)

    dash = sub.add_parser("dashboard", help="write the interactive HTML dashboard of a "
                          "result directory")
    dash.add_argument("results", help="a result directory (run, compare or sweep)")
    dash.add_argument("-o", "--output", help="HTML file (default RESULTS/dashboard.html)")
    _force(dash)

    rep = sub.add_parser("report", help="write the printable committee brief of a result "
                         "directory")
    rep.add_argument("results", help="a result directory (run or compare)")
    rep.add_argument("--lang", choices=["sv", "en"], default="sv")
    rep.add_argument("-o", "--output", help="HTML file (default RESULTS/brief_<lang>.html); "
                     "the PDF is written beside it with the suffix .pdf")
    rep.add_argument("--sensitivity", help="a sweep result directory whose "
                     "sensitivity.parquet ranks the assumptions")
    _force(rep)

    exp = sub.add_parser("export", help="every table of a result directory as one Excel "
                         "workbook or as CSV files for Swedish Excel")
    exp.add_argument("results", help="a result directory (run, compare, breakeven or sweep)")
    exp.add_argument("--format", choices=["xlsx", "csv"], default="xlsx")
    exp.add_argument("-o", "--output", help="workbook (default RESULTS/<name>.xlsx) or CSV "
                     "directory (default <name>_csv beside RESULTS)")
    _force(exp)

    app = sub.add_parser("app", help="a local web app for what-ifs during a meeting")
    app.add_argument("source", nargs="?", help="a result directory (its base and measures) "
                     "or a scenario file as the base (default: the baseline and the "
                     "catalogue's measures)")
    app.add_argument("--port", type=_number("--port", int, 1), default=8050)
    app.add_argument("--host", default="127.0.0.1",
                     help="address to listen on (default 127.0.0.1: this machine only)")
    app.add_argument("--replications", type=_count("--replications"), default=16,
                     help="replications of the refined answer (at most 64)")
    app.add_argument("--years", type=_number("--years", minimum=0, above=True),
                     help="years simulated (default the base's, at most 20)")
    app.add_argument("--workers", type=_count("--workers"),
                     help="worker processes (default: all cores)")
    app.add_argument("--options-dir", help="where saved options go (default "
                     "results/app_options)")

    val = sub.add_parser("validate", help="check scenario files without running them")
    val.add_argument("files", nargs="+")
    val.add_argument("--set", action="append", default=[], metavar="PATH=VALUE")

    sch = sub.add_parser("schema", help="print the JSON Schema of scenario files")
    sch.add_argument("-o", "--output", help="write to this file instead of stdout")
    _force(sch)
    return ap


def _simulation_options(p) -> None:
    """The shorthands for simulation.* parameters, --set, --workers and --quiet (their
    values are checked by the scenario schema)."""
    p.add_argument("--replications", type=_number("--replications", int))
    p.add_argument("--years", type=_number("--years"))
    p.add_argument("--warmup-years", type=_number("--warmup-years"))
    p.add_argument("--seed", type=_number("--seed", int))
    p.add_argument("--set", action="append", default=[], metavar="PATH=VALUE",
                   help="override a parameter, e.g. --set unit.posts=44 (repeatable)")
    p.add_argument("--workers", type=_count("--workers"),
                   help="parallel processes (default: all cores)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")


def _run_options(p) -> None:
    _simulation_options(p)
    _allow_large(p)
    p.add_argument("--out", help="result directory (default under results/)")
    _force(p, "replace an --out directory that holds no earlier result of this command "
           "(your own files in it are kept)")


def _lang(p) -> None:
    from model.present.console_text import CLI_LANGS, DEFAULT_LANG
    p.add_argument("--lang", choices=CLI_LANGS, default=DEFAULT_LANG,
                   help=f"language of the printed tables and messages (default "
                        f"{DEFAULT_LANG})")


def _force(p, text="replace an output file this tool did not write") -> None:
    p.add_argument("--force", action="store_true", help=text)


def _allow_large(p) -> None:
    p.add_argument("--allow-large", action="store_true", help="run work whose estimated "
                   "memory or time passes the cap (docs/PERFORMANCE.md)")


def _overrides(args) -> list[str]:
    """--set values plus the flags that are shorthands for simulation.* parameters."""
    from model.config.scenario import Override

    overrides = list(args.set)
    for flag, path in (("replications", "simulation.replications"),
                       ("years", "simulation.years"),
                       ("warmup_years", "simulation.warmup_years"),
                       ("seed", "simulation.seed")):
        value = getattr(args, flag)
        if value is not None:
            shown = value if isinstance(value, int) else f"{value:g}"
            overrides.append(Override(f"{path}={value}", f"--{flag.replace('_', '-')} {shown}"))
    return overrides


# -- commands --------------------------------------------------------------------

def _note(line: str) -> None:
    """One line on stderr: what the tool did beside the main work (text sanitised)."""
    print(clean(line), file=sys.stderr)


def _check_size(work, args) -> None:
    from model import experiment
    from model.experiment import sizing
    workers = getattr(args, "workers", None) or experiment.default_workers()
    sizing.check(work, workers, args.allow_large, _note)


def _claim(out, kind, args, inputs=(), directory=True, in_place=False):
    from model import store
    return store.claim(out, kind, directory=directory, force=args.force, inputs=inputs,
                       in_place=in_place, say=_note)


def cmd_run(args) -> int:
    from model import experiment
    from model.config.capacity import utilisation_line
    from model.config.scenario import load_scenario, source_files
    from model.experiment import costbenefit, jobs, sizing
    from model.present.console import print_summary, progress_bar, warning_text

    overrides = _overrides(args)
    scenario = load_scenario(args.scenario, overrides)
    out = Path(args.out) if args.out else DEFAULT_RESULTS / _safe_name(scenario.name)
    reps = scenario.simulation.replications
    _check_size(sizing.replications([scenario], reps), args)
    workers = args.workers or experiment.default_workers()
    print(clean(utilisation_line(scenario, scenario.name)))
    with _claim(out, "run", args, inputs=source_files(args.scenario)) as target:
        with progress_bar(reps, args.quiet, clean(scenario.name)) as bar:
            tables, manifest = jobs.run(scenario, args.scenario, overrides, workers, bar)
        target.write_result(tables, manifest)
    print_summary(tables["summary"], scenario, out, args.lang)
    flags = ";".join(costbenefit.base_flags(tables["timeseries"], scenario.name))
    if flags:
        why = ("enhetens kö är inte stabil under perioden (jämför dess inflöde med dess "
               "tjänster och chefer)" if args.lang == "sv" else "this unit's queue is not "
               "stable over the horizon (check its inflow against its posts and managers)")
        print(f"\n** {warning_text(flags, args.lang)}: {why} **")
    return 0


def cmd_compare(args) -> int:
    from model import experiment
    from model.config import measures
    from model.config.scenario import load_scenario, source_files
    from model.experiment import compare, jobs, sizing
    from model.present.console import comparison_lines, progress_bar

    overrides = _overrides(args)
    files, on_base = measures.compare_files(args.scenarios, args.base_file)
    base = load_scenario(files[0], overrides)
    sim = base.simulation
    common = jobs.like_base(overrides, sim)
    scenarios = [base] + [measures.load_on_base(f, files[0], common) if on_base
                          else load_scenario(f, common) for f in files[1:]]
    for sc, f in zip(scenarios[1:], files[1:] if on_base else []):
        for line in measures.notes(base, f, sc, args.lang):
            _note(line)
    compare.require_pairs(sim)
    out = Path(args.out) if args.out else DEFAULT_RESULTS / f"compare_{_safe_name(base.name)}"
    _check_size(sizing.replications(scenarios, sim.replications), args)
    workers = args.workers or experiment.default_workers()
    inputs = [p for f in files for p in source_files(f)]
    with _claim(out, "comparison", args, inputs=inputs) as target:
        with progress_bar(sim.replications * len(scenarios), args.quiet, "compare") as bar:
            tables, manifest = jobs.comparison(scenarios, files, overrides, workers, bar,
                                               on_base=on_base, conditions=args.conditions)
        target.write_result(tables, manifest)
    for line in comparison_lines(scenarios, tables, out, args.lang, args.details):
        print(line)
    if args.dashboard:
        _write_dashboard(out, out / "dashboard.html", args)
    if args.brief:
        _write_briefs(out, {lang: out / f"brief_{lang}.html" for lang in ("sv", "en")}, args)
    return 0


def _write_dashboard(results: Path, target: Path, args) -> Path:
    from model import store
    from model.present.dashboard.data import load_results
    from model.present.dashboard.page import render_dashboard

    store.settle(results, _note)
    with _claim(target, "dashboard", args, inputs=_result_files(results),
                directory=False) as output:
        output.write_text(render_dashboard(load_results(results)))
    print(("Dashboard (öppna i en webbläsare, fungerar utan nät)"
           if getattr(args, "lang", "en") == "sv" and hasattr(args, "details") else
           "Dashboard (open in a browser, works offline)") + f": {target}")
    return target


def _result_files(results) -> list[Path]:
    """The files of a result directory that dashboard and report read: its tables and
    its manifest (a page they wrote earlier is an output they may replace)."""
    results = Path(results)
    if not results.is_dir():
        return []
    return sorted(p for p in results.iterdir()
                  if p.suffix == ".parquet" or p.name == "manifest.json")


def cmd_sweep(args) -> int:
    from model import experiment
    from model.experiment import sweep
    from model.present.console import progress_bar
    from model.present.sweep_text import report_lines
    from model.store import provenance

    spec, base_path, base = sweep.load_sweep(args.file)
    name = spec.name or Path(args.file).stem
    out = Path(args.out) if args.out else DEFAULT_RESULTS / _safe_name(name)
    workers = args.workers or experiment.default_workers()
    sweep.check_runs(spec, args.file)
    _check_size(sweep.work(spec, base), args)
    with _claim(out, "sweep", args, inputs=[args.file, base_path], in_place=True):
        sweep_dir, points, chunks, manifest = sweep.prepare(
            spec, base, out, args.force, str(args.file),
            {**provenance.provenance(), "base_file": str(base_path),
             "started": provenance.now_iso()})
        scenarios = dict(enumerate(sweep.point_scenarios(spec, base, points)))
        total = len(points) * spec.replications
        done_before = sum(len(c) for i, c in enumerate(chunks) if sweep_dir.done(i))
        t0 = time.perf_counter()
        with progress_bar(total, args.quiet, clean(name), done=done_before) as bar:
            ran = sweep.execute(sweep_dir, chunks, scenarios, spec.seed, manifest,
                                workers=workers, scheduler=args.scheduler, progress=bar)
        wall = time.perf_counter() - t0
        result = sweep.collect(out)
    where = f"Dask ({args.scheduler})" if args.scheduler else (
        "serial" if workers <= 1 else f"{workers} processes")
    print(f"\nSweep '{clean(name)}': {len(points)} points x {spec.replications} replications "
          f"({spec.design} design), {total - done_before} runs now ({ran} chunks, {where}, "
          f"{wall:.1f} s), {done_before} resumed from earlier.")
    for line in report_lines(spec, result):
        print(clean(line))
    print(f"\nTables in {out}/: sweep.parquet"
          + (", sensitivity.parquet" if "sensitivity" in result else "")
          + ", points.parquet, manifest.json, parts/")
    return 0


def cmd_collect(args) -> int:
    from model import store
    from model.experiment import sweep

    # collect checks the directory itself and writes only its own tables: the claim is
    # for the lock and the recovery of an interrupted write
    with store.claim(args.results, "sweep", directory=True, in_place=True, force=True,
                     say=_note):
        result = sweep.collect(Path(args.results))
    print(f"{args.results}/sweep.parquet: {len(result['sweep'])} rows"
          + ("; sensitivity.parquet written" if "sensitivity" in result else ""))
    return 0


def cmd_calibrate(args) -> int:
    from model import experiment
    from model.config.scenario import load_scenario, source_files
    from model.errors import UserError
    from model.experiment import calibration, sizing
    from model.experiment.breakeven import NoRoot
    from model.present import calibration_text
    from model.present.breakeven_text import describe, evaluation_line

    if (args.targets is None) == (args.turnover is None):
        raise UserError("calibrate: give a targets file or --turnover RATE (one of them)")
    if args.turnover is not None:
        mine = [calibration.turnover_target(Path(args.scenario), args.turnover)]
    else:
        targets, tdir = calibration.load_targets(args.targets)
        mine = calibration.targets_for(Path(args.scenario), targets, tdir)
    if not mine:
        raise UserError(f"{args.targets}: no target applies to {args.scenario} (targets name "
                        "their scenario relative to the targets file)")
    overrides = _overrides(args)
    base = load_scenario(args.scenario, overrides)
    params = calibration.parse_params(args.params or (
        calibration.TURNOVER_PARAMS if args.turnover is not None else None), base)
    out = Path(args.out) if args.out else Path(args.scenario).with_name(
        Path(args.scenario).stem + "_calibrated.yaml")
    sim = base.simulation
    _check_size(sizing.replications([base], sim.replications, args.max_evaluations + 2,
                                    held="one"), args)
    workers = args.workers or experiment.default_workers()
    log = None if args.quiet else (lambda ev: print(clean(evaluation_line(ev)),
                                                    file=sys.stderr))
    inputs = [*source_files(args.scenario), args.targets]
    with _claim(out, "calibrated scenario", args, inputs=inputs, directory=False) as target:
        if args.turnover is not None:
            try:
                best, report = calibration.fit_turnover(Path(args.scenario), overrides,
                                                        mine[0], params, workers=workers,
                                                        log=log)
            except NoRoot as exc:
                raise UserError(" ".join(line.strip() for line in describe(
                    exc.res, exc.param, exc.target, exc.value))) from None
        else:
            best, _, report, _ = calibration.calibrate(
                Path(args.scenario), overrides, mine, params, workers=workers,
                max_evaluations=args.max_evaluations, log=log)
        text = calibration_text.delta_text(out, Path(args.scenario), params, best, report,
                                      base.name, sim)
        for line in calibration_text.report_lines(base, params, best, report):
            print(clean(line))
        target.write_text(text)
    print(f"\nCalibrated scenario (a delta file): {out}")
    return 0


def cmd_import_hr(args) -> int:
    from model import store
    from model.config import hrimport
    from model.config.scenario import load_scenario
    from model.errors import UserError

    as_of = hrimport.parse_date(args.as_of, "--as-of") if args.as_of else None
    out = Path(args.output)
    if out.is_dir():
        raise UserError(f"{out}: is a directory; give a YAML file name")
    tpath = hrimport.targets_path(out)
    inputs = [args.staff, args.inflow, hrimport.default_base()]
    with _claim(out, "scenario", args, inputs=inputs, directory=False) as scen_out, \
            _claim(tpath, "targets file", args, inputs=inputs, directory=False) as tgt_out:
        scen_text, targets_text = hrimport.build(
            Path(args.staff), args.inflow and Path(args.inflow), out, as_of=as_of,
            window_years=args.window_years)
        store.write_together([(scen_out, scen_text), (tgt_out, targets_text)])
    sc = load_scenario(out)
    print(f"Scenario for {clean(sc.name)}: {out} ({int(sc.unit.posts)} staff)")
    print(f"Observed targets: {tpath}")
    print(f"Next: python simulate.py calibrate {out} {tpath}")
    return 0


def cmd_dashboard(args) -> int:
    results = Path(args.results)
    target = Path(args.output) if args.output else results / "dashboard.html"
    _write_dashboard(results, target, args)
    return 0


def cmd_report(args) -> int:
    from model import store
    from model.errors import UserError
    from model.present.dashboard.data import load_results

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
    from model.present import export

    out, parts = export.export(args.results, args.format, args.output, args.force, _note)
    what = "Workbook (Excel)" if args.format == "xlsx" else "CSV files for Swedish Excel"
    print(f"{what}: {out}")
    print(clean(f"  {', '.join(parts)}"))
    return 0


BRIEF_WORD = {"en": "Committee brief", "sv": "Underlag till nämnden"}


def _write_briefs(results, targets: dict, args, sens=None, inputs=None, res=None) -> None:
    """The committee brief per language: the HTML at each target and an A4 PDF beside it
    (headless Chromium). Without a browser the HTML is written and one line says how to
    get the PDF."""
    from contextlib import ExitStack

    from model.present.dashboard import pdf
    from model.present.dashboard.brief import render_brief
    from model.present.dashboard.data import load_results

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
            print(f"{BRIEF_WORD[args_lang]} ({lang}), HTML: {html_out.path}")
        try:
            with pdf.browser() as b:
                for lang, (_, pdf_out) in outs.items():
                    pdf_out.write_bytes(pdf.html_to_pdf(b, pages[lang]))
                    print(f"{BRIEF_WORD[args_lang]} ({lang}), PDF (A4): {pdf_out.path}")
        except pdf.NoBrowser as exc:
            print(clean(f"PDF not written: {exc}; to get it, {pdf.HOW_TO}"))


def cmd_breakeven(args) -> int:
    from model import experiment
    from model.config.scenario import load_scenario, source_files
    from model.experiment import breakeven, jobs, sizing
    from model.present.breakeven_text import describe, evaluation_line, heading

    target, value = breakeven.parse_target(args.target)
    overrides = _overrides(args)
    base = load_scenario(args.base, overrides)
    sim = base.simulation
    common = jobs.like_base(overrides, sim)
    # check the scenario and the parameter path before any run
    for bound in (args.low, args.high):
        scen = load_scenario(args.scenario, common + [f"{args.param}={bound}"])
    out = Path(args.out) if args.out else DEFAULT_RESULTS / f"breakeven_{_safe_name(scen.name)}"
    _check_size(sizing.replications([base, scen], sim.replications,
                                    breakeven.TYPICAL_EVALUATIONS, held="one"), args)
    workers = args.workers or experiment.default_workers()
    log = None if args.quiet else (lambda ev: print(evaluation_line(ev), file=sys.stderr))
    inputs = [*source_files(args.scenario), *source_files(args.base)]
    with _claim(out, "breakeven", args, inputs=inputs) as output:
        res, tables, manifest = jobs.break_even(
            base, scen, {"scenario": args.scenario, "base": args.base}, args.param,
            args.low, args.high, args.target, overrides, workers, log)
        output.write_result(tables, manifest)
    from model.present.texts import title
    print("\n" + heading(clean(title(scen, args.lang)), target, value, sim,
                                   args.lang))
    for line in describe(res, args.param, target, value, args.lang):
        print(line)
    written = "Skrivet till" if args.lang == "sv" else "Written to"
    print(f"\n{written} {out}/: evaluations.parquet, manifest.json")
    return 0


def cmd_app(args) -> int:
    from model import experiment
    from model.present.app import server, state

    catalogue = [HERE / "scenarios" / f"{n}.yaml" for n in MAIN_POLICIES]
    base, measures = state.open_base(args.source, DEFAULT_SCENARIO, catalogue)
    out = Path(args.options_dir) if args.options_dir else server.options_dir(DEFAULT_RESULTS)
    st = state.AppState.create(base, measures, out, args.workers or
                               experiment.default_workers(), args.replications, args.years)
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        _note(f"note: listening on {args.host}: other machines can reach the app")
    try:
        server.serve(st, args.host, args.port, say=lambda s: print(s, flush=True))
    except KeyboardInterrupt:
        pass
    except Terminated:
        print("app stopped", file=sys.stderr)
        return EXIT_TERM
    print("app stopped", file=sys.stderr)
    return EXIT_INT       # the server returns only when Ctrl-C stopped it


def cmd_validate(args) -> int:
    from model.config.capacity import utilisation_line
    from model.config.scenario import load_scenario
    from model.errors import ScenarioError

    bad = 0
    for f in args.files:
        try:
            sc = load_scenario(f, args.set)
            print(clean(f"{f}: ok ({sc.name})"))
            print(clean("  " + utilisation_line(sc, "the unit")))
        except ScenarioError as exc:
            print(clean(str(exc)), file=sys.stderr)
            bad += 1
    return EXIT_USER if bad else 0


def cmd_schema(args) -> int:
    from model.sim.params import json_schema

    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    if args.output:
        with _claim(args.output, "schema", args, directory=False) as output:
            output.write_text(text)
    else:
        sys.stdout.write(text)
    return 0


def _safe_name(name: str) -> str:
    keep = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in name).strip("._")
    return keep[:80] or "scenario"


def _main_job(extra: list[str]) -> list[str]:
    """The main job's command: the catalogue against the baseline, or applied to the
    unit of ``--base FILE`` (then written to results/policy_comparison_<unit>), with its
    dashboard and briefs; any further compare option may follow (e.g. --lang sv,
    --details, --replications 8)."""
    base = next((a.partition("=")[2] or (extra[i + 1] if i + 1 < len(extra) else "")
                 for i, a in enumerate(extra) if a.partition("=")[0] == "--base"), None)
    first = [] if base else [str(DEFAULT_SCENARIO)]
    out = f"{MAIN_OUT}_{_safe_name(Path(base).stem)}" if base else str(MAIN_OUT)
    return ["compare", *first, *[str(HERE / "scenarios" / f"{n}.yaml") for n in MAIN_POLICIES],
            "--replications", str(MAIN_REPLICATIONS), "--out", out, "--dashboard", "--brief",
            "--conditions", *extra]


def _on_term(signum, frame):
    raise Terminated()


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or (argv[0].startswith("--") and argv[0] != "--help"):
        # the main job; options of compare may follow (--base FILE, --lang sv, --details)
        argv = _main_job(argv)
    args = build_parser().parse_args(argv)
    if args.command is None:
        build_parser().print_help()
        return EXIT_USER
    from model.errors import UserError

    signal.signal(signal.SIGTERM, _on_term)
    try:
        return {"run": cmd_run, "compare": cmd_compare, "breakeven": cmd_breakeven,
                "dashboard": cmd_dashboard, "report": cmd_report, "sweep": cmd_sweep,
                "collect": cmd_collect, "calibrate": cmd_calibrate,
                "import-hr": cmd_import_hr, "export": cmd_export, "app": cmd_app,
                "validate": cmd_validate, "schema": cmd_schema}[
            args.command](args)
    except UserError as exc:
        print(f"error: {clean(str(exc))}", file=sys.stderr)
        return EXIT_USER
    except KeyboardInterrupt:
        print("\ninterrupted: nothing was written for this run", file=sys.stderr)
        return EXIT_INT
    except Terminated:
        print("terminated: nothing was written for this run", file=sys.stderr)
        return EXIT_TERM
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    code = main()
    if code in (EXIT_INT, EXIT_TERM):
        # interrupted: everything is cleaned up; skip the interpreter's exit hooks, which
        # may wait for a process pool's manager thread whose workers were stopped
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    sys.exit(code)
