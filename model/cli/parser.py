"""The command line's parser: every command, its arguments and options."""

from __future__ import annotations

import argparse
from textwrap import fill

from .common import (
    DEFAULT_SCENARIO,
    _allow_large,
    _count,
    _force,
    _lang,
    _number,
    _Parser,
    _run_options,
    _scenario_file,
    _simulation_options,
)


def main_job_text() -> tuple[str, str]:
    """What the bare command does (the parser's description) and the main job's
    options (its epilog), from the main job's own settings."""
    from ..present.app import limits
    from .runs import MAIN_DRAWS, MAIN_OUT, MAIN_POLICIES, MAIN_REPLICATIONS

    description = "Workforce-stability simulation for Swedish social services.\n\n" + fill(
        "With no command, 'python simulate.py' runs the main job: the baseline "
        "(scenarios/baseline.yaml) against every option listed in scenarios/main_job.txt "
        f"({len(MAIN_POLICIES)} measures), with uncertainty ({MAIN_DRAWS} draws of the "
        "uncertain assumptions, one run each), ranked; it writes the tables to "
        f"{MAIN_OUT}/, the dashboard (dashboard.html) and the committee briefs in Swedish "
        "and English (brief_sv, brief_en: HTML and A4 PDF), and prints the options "
        "ranked. A re-run with the same inputs reuses the stored result and says so "
        "(--force recomputes). The commands below do one thing each.", 88)
    epilog = (
        "the main job's options (any option of compare may follow):\n"
        "  --base FILE         your own unit instead of the baseline (results to\n"
        f"                      {MAIN_OUT}_<name>/)\n"
        "  --lang sv|en        language of the printed tables and messages (default en)\n"
        "  --details           each option in detail after the ranked table\n"
        f"  --uncertainty 0     hold the assumptions fixed: {MAIN_REPLICATIONS} paired "
        "replications\n"
        "  --replications N    N paired replications with the assumptions fixed\n"
        "  --years Y, --warmup-years W, --seed S, --set PATH=VALUE\n"
        "                      the horizon, the seed, any parameter\n"
        "  --workers N         parallel processes (default: all cores)\n"
        "  --batch N           replications per batch sent to a worker (default: chosen\n"
        "                      from the work; the tables do not depend on it)\n"
        "  --out DIR           another result directory\n"
        "  --force             recompute even when the stored result has the same inputs\n"
        "  --quiet             no progress bar\n"
        "\n"
        "A bundled scenario may be named without its path: 'run six_plus_two' runs\n"
        "scenarios/six_plus_two.yaml. Each command's options: python simulate.py "
        "COMMAND --help.\n"
        f"The app's what-ifs: at most {limits.MAX_YEARS} years and "
        f"{limits.MAX_REPLICATIONS} replications.")
    return description, epilog


def build_parser() -> argparse.ArgumentParser:
    description, epilog = main_job_text()
    ap = _Parser(prog="simulate.py", description=description, epilog=epilog,
                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")

    run = sub.add_parser("run", help="run one scenario and write its result tables")
    run.add_argument("scenario", type=_scenario_file, help="scenario YAML file, or the "
                     "name of a bundled scenario (six_plus_two)")
    _run_options(run)
    _lang(run)

    cmp_ = sub.add_parser("compare", help="compare scenarios against the first with common "
                          "random numbers; cost-benefit table")
    cmp_.add_argument("scenarios", nargs="+", metavar="SCENARIO", type=_scenario_file,
                      help="the base scenario (differences are against it), then the "
                      "scenarios to compare with it; with --base: only the measures (a file, "
                      "or a bundled scenario's name)")
    cmp_.add_argument("--base", dest="base_file", metavar="FILE", type=_scenario_file,
                      help="your unit: each SCENARIO is a measure applied to it (its own "
                      "keys overlaid on FILE); prints its expected utilisation")
    _run_options(cmp_)
    _lang(cmp_)
    cmp_.add_argument("--details", action="store_true", help="print each option in detail "
                      "after the ranked table (both cost views, payback, backlog)")
    cmp_.add_argument("--dashboard", action="store_true",
                      help="also write dashboard.html into the result directory")
    cmp_.add_argument("--conditions", action="store_true", help="also find, for each "
                      "working-time option, the productivity gain at which it stops raising "
                      "turnover and the backlog (conditions.parquet; the main job does this)")
    cmp_.add_argument("--uncertainty", type=_number("--uncertainty", int, 0), default=0,
                      metavar="N", help="draw the uncertain assumptions N times (at least "
                      "24; each draw shared by every option) so that every interval, "
                      "probability and the ranking carry the assumptions as well as chance; "
                      "adds p_best, ceac.parquet, evppi.parquet and draws.parquet "
                      "(default 0: assumptions fixed; the main job uses 48)")
    cmp_.add_argument("--per-draw", type=_count("--per-draw"), default=1, metavar="R",
                      help="replications of each draw with --uncertainty (default 1: the "
                      "runs are N x R; leave out --replications)")
    cmp_.add_argument("--scheduler", help="with --uncertainty: 'local' (a Dask "
                      "LocalCluster) or the address of a Dask scheduler, tcp://HOST:PORT "
                      "(default: the process pool)")
    cmp_.add_argument("--replacement-cost", action="store_true", help="also the unit's "
                      "replacement cost: one extra exit's marginal cost by Johrén's blocks, "
                      "from a paired probe of the base (replacement_cost.parquet; the main "
                      "job does this)")
    cmp_.add_argument("--brief", action="store_true", help="also write the committee brief "
                      "in Swedish and English (brief_sv/brief_en, HTML and A4 PDF)")

    be = sub.add_parser("breakeven", help="find the parameter value where net cost against "
                        "the base is zero, or a turnover target is met")
    be.add_argument("scenario", type=_scenario_file, help="the policy scenario (a file or "
                    "a bundled scenario's name)")
    be.add_argument("--param", required=True, help="parameter path, e.g. "
                    "policies.salary_ladder.steps.0.supplement_sek_per_month")
    be.add_argument("--low", required=True, type=_number("--low"))
    be.add_argument("--high", required=True, type=_number("--high"))
    be.add_argument("--target", default="net_cost",
                    help="net_cost (default; economic view), net_cost_budget (cash) or "
                         "turnover_rate=VALUE")
    be.add_argument("--base", default=str(DEFAULT_SCENARIO), type=_scenario_file,
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
    cal.add_argument("scenario", type=_scenario_file, help="the scenario to calibrate")
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
    hr.add_argument("-o", "--output", help="scenario YAML to write (default "
                    "scenarios/own/<staff file's name>.yaml)")
    hr.add_argument("--as-of", help="reference date YYYY-MM-DD (default: the export date "
                    "the file states, else today)")
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

    from ..present.app import limits
    app = sub.add_parser("app", help="a local web app for what-ifs during a meeting")
    app.add_argument("source", nargs="?", type=_scenario_file, help="a result directory "
                     "(its base and measures) "
                     "or a scenario file as the base (default: the baseline and the "
                     "catalogue's measures)")
    app.add_argument("--port", type=_number("--port", int, 1), default=8050)
    app.add_argument("--host", default="127.0.0.1",
                     help="address to listen on (default 127.0.0.1: this machine only)")
    app.add_argument("--replications", default=limits.DEFAULT_REPLICATIONS,
                     type=_number("--replications", int, limits.MIN_REPLICATIONS,
                                  maximum=limits.MAX_REPLICATIONS),
                     help=f"replications of the refined answer ({limits.MIN_REPLICATIONS}-"
                          f"{limits.MAX_REPLICATIONS}, default "
                          f"{limits.DEFAULT_REPLICATIONS})")
    app.add_argument("--years", type=_number("--years", minimum=0, above=True,
                                             maximum=limits.MAX_YEARS),
                     help=f"years simulated (default the base's, at most {limits.MAX_YEARS})")
    app.add_argument("--workers", type=_count("--workers"),
                     help="worker processes (default: all cores)")
    app.add_argument("--options-dir", help="where saved options go (default "
                     "results/app_options)")

    val = sub.add_parser("validate", help="check scenario files without running them")
    val.add_argument("files", nargs="+", metavar="FILE", type=_scenario_file)
    val.add_argument("--set", action="append", default=[], metavar="PATH=VALUE")

    sch = sub.add_parser("schema", help="print the JSON Schema of scenario files")
    sch.add_argument("-o", "--output", help="write to this file instead of stdout")
    _force(sch)
    return ap
