"""run, compare (and the main job) and breakeven: replications and their results."""

from __future__ import annotations

import sys
from pathlib import Path

from ..config.mainjob import main_files, main_options
from ..errors import UserError, clean
from .common import (
    DEFAULT_RESULTS,
    DEFAULT_SCENARIO,
    _check_size,
    _claim,
    _note,
    _overrides,
    _safe_name,
)
from .reports import _write_briefs, _write_dashboard

# The main job: the baseline against every option listed in scenarios/main_job.txt
MAIN_POLICIES = main_options()
MAIN_REPLICATIONS = 16        # with the assumptions fixed (--uncertainty 0)
MAIN_DRAWS = 48               # draws of the uncertain assumptions, one run each
MAIN_OUT = DEFAULT_RESULTS / "policy_comparison"


def _main_job(extra: list[str]) -> list[str]:
    """The main job's command: the catalogue against the baseline, or applied to the
    unit of ``--base FILE`` (then written to results/policy_comparison_<unit>), with its
    dashboard and briefs; any further compare option may follow (e.g. --lang sv,
    --details, --replications 8)."""
    base = next((a.partition("=")[2] or (extra[i + 1] if i + 1 < len(extra) else "")
                 for i, a in enumerate(extra) if a.partition("=")[0] == "--base"), None)
    first = [] if base else [str(DEFAULT_SCENARIO)]
    out = f"{MAIN_OUT}_{_safe_name(Path(base).stem)}" if base else str(MAIN_OUT)
    fixed = any(a in ("--uncertainty=0", "--replications") or a.startswith("--replications=")
                for a in extra) or any(a == "--uncertainty" and b == "0"
                                       for a, b in zip(extra, extra[1:]))
    runs = (["--replications", str(MAIN_REPLICATIONS)] if fixed
            else ["--uncertainty", str(MAIN_DRAWS)])
    if any(a == "--replications" or a.startswith("--replications=") for a in extra):
        runs = ["--uncertainty", "0"]
    return ["compare", *first, *[str(f) for f in main_files()],
            *runs, "--out", out, "--dashboard", "--brief", "--conditions",
            "--replacement-cost", *extra]


def _digest(kind: str, scenarios: list, files: list, **options) -> str:
    """The inputs digest of a run or comparison (model.store.provenance.inputs_digest):
    every scenario as resolved, the contents of its file and of the files it extends,
    and the options that change the tables."""
    from ..config.scenario import source_files
    from ..store.provenance import file_sha256, inputs_digest
    return inputs_digest({
        "kind": kind, "options": options,
        "scenarios": [{"resolved": sc.model_dump(mode="json"),
                       "files": [file_sha256(p) for p in source_files(f)]}
                      for sc, f in zip(scenarios, files)]})


def _stored(out: Path, kind: str, digest: str, args):
    """The stored result of the same inputs in ``out`` (None with --force, or when there
    is none), said in one line on stderr."""
    from ..present.console_text import say
    from ..store.reuse import stored_result
    if args.force:
        return None
    found = stored_result(out, kind, digest)
    if found is not None:
        _note(say("reused", args.lang, out=out, when=found[1].get("finished") or "?"))
    return found


def _calibration_note(path, sim, args) -> None:
    """One line when the unit was calibrated over another horizon or replications than
    this run (the header of its calibrated file; model.present.calibration_text). Under
    uncertainty in the assumptions the runs are draws, not the fit's replications: only
    the horizon is compared then."""
    from ..present.calibration_text import fitted_over
    from ..present.console_text import number, say
    fit = fitted_over(path)
    if fit is None:
        return
    draws = getattr(args, "uncertainty", 0)
    keys = ("years", "warmup_years") + (() if draws else ("replications",))
    now = {"years": sim.years, "warmup_years": sim.warmup_years,
           "replications": sim.replications}
    if all(abs(float(fit[k]) - float(now[k])) < 1e-9 for k in keys):
        return

    def settings(s):
        return say("settings", args.lang, y=number(s["years"], args.lang),
                   w=number(s["warmup_years"], args.lang), r=s["replications"])
    flags = " ".join(f"--{k.replace('_', '-')} {float(fit[k]):g}" for k in keys)
    _note(say("calibrated_over", args.lang, file=fit["file"], fit=settings(fit),
              now=settings(now), flags=flags))


def crisis_line(summary, scenario, name: str, lang: str, options: bool = False) -> str:
    """One line when some of a scenario's replications were crisis runs (the summary's
    ``crisis``; model/sim/params/crisis.py): how many, and what that means ('' when
    none)."""
    from ..present.console_text import number, say
    from ..present.dashboard.i18n import whole_pct
    if summary is None or "crisis" not in summary.columns:
        return ""
    x = summary.loc[summary.scenario == scenario.name, "crisis"].astype(float)
    k, n = int(x.sum()), len(x)
    if not k:
        return ""
    c = scenario.crisis

    def pct(share):
        return whole_pct(share, lang).replace("\u00a0", " ")
    words = {"overdue": say("crisis_overdue", lang, o=pct(c.overdue_share)),
             "queue": say("crisis_queue", lang, q=number(c.queue_months, lang)),
             "exits": say("crisis_exits", lang, t=pct(c.turnover_share)),
             "bought": say("crisis_bought", lang, b=pct(c.bought_share))}
    rows = summary.loc[summary.scenario == scenario.name]
    reasons = (rows.loc[rows.crisis == 1, "crisis_reason"].astype(str).str.split(";")
               .explode() if "crisis_reason" in rows.columns else [])
    counts = [(code, int((reasons == code).sum())) for code in words]
    why = say("crisis_or", lang).join(say("crisis_why", lang, what=words[code], k=n_)
                                      for code, n_ in sorted(counts, key=lambda x: -x[1])
                                      if n_)
    return say("crisis_share", lang, k=k, n=n, name=name, p=pct(k / n),
               why=why or "; ".join(words.values()),
               more=say("crisis_options", lang) if options else "")


def cmd_run(args) -> int:
    from .. import experiment
    from ..config.scenario import load_scenario, source_files
    from ..experiment import costbenefit, jobs, sizing
    from ..present.console import print_summary, progress_bar, warning_text
    from ..present.console_text import say
    from ..present.texts import title
    from ..present.unit_text import start_lines

    overrides = _overrides(args)
    scenario = load_scenario(args.scenario, overrides)
    out = Path(args.out) if args.out else DEFAULT_RESULTS / _safe_name(scenario.name)
    reps = scenario.simulation.replications
    digest = _digest("run", [scenario], [args.scenario])
    _check_size(sizing.replications([scenario], reps), args)
    workers = args.workers or experiment.default_workers()
    for line in start_lines(scenario, scenario.name, args.lang):
        print(clean(line))
    _calibration_note(args.scenario, scenario.simulation, args)
    with _claim(out, "run", args, inputs=source_files(args.scenario)) as target:
        stored = _stored(out, "run", digest, args)
        if stored is not None:
            tables = stored[0]
        else:
            with progress_bar(reps, args.quiet, clean(scenario.name)) as bar:
                tables, manifest = jobs.run(scenario, args.scenario, overrides, workers, bar)
            target.write_result(tables, {**manifest, "inputs_sha256": digest})
    print_summary(tables["summary"], scenario, out, args.lang)
    flags = ";".join(costbenefit.base_flags(tables["timeseries"], scenario.name))
    if flags:
        why = say("queue_unstable", args.lang)
        print(f"\n** {warning_text(flags, args.lang)}: {why} **")
    crisis = crisis_line(tables["summary"], scenario,
                         clean(title(scenario, args.lang)), args.lang)
    if crisis:
        print(f"\n{crisis}")
    return 0


def cmd_compare(args) -> int:
    from .. import experiment
    from ..config import measures
    from ..config.scenario import load_scenario, source_files
    from ..experiment import compare, jobs, psa, sizing
    from ..present import measure_text
    from ..present.console import comparison_lines, progress_bar
    from ..present.texts import title
    from ..present.unit_text import start_lines
    psa.check_draws(args.uncertainty)
    overrides = _overrides(args)
    if args.uncertainty:
        if args.replications is not None:
            raise UserError("--replications: with --uncertainty N the runs are N draws x "
                            "--per-draw R; give --per-draw instead")
        overrides.append(f"simulation.replications={args.uncertainty * args.per_draw}")
    files, on_base = measures.compare_files(args.scenarios, args.base_file)
    base = load_scenario(files[0], overrides)
    sim = base.simulation
    common = jobs.like_base(overrides, sim)
    scenarios = [base] + [measures.load_on_base(f, files[0], common) if on_base
                          else load_scenario(f, common) for f in files[1:]]
    for sc, f in zip(scenarios[1:], files[1:] if on_base else []):
        for line in measure_text.notes(base, f, sc, args.lang):
            _note(line)
    compare.require_pairs(sim)
    out = Path(args.out) if args.out else DEFAULT_RESULTS / f"compare_{_safe_name(base.name)}"
    screened = args.uncertainty * (psa.OVERSAMPLE - 1) if args.uncertainty else 0
    _check_size(sizing.comparison(scenarios, sim.replications, screened,
                                  pages=args.dashboard or args.brief), args)
    workers = args.workers or experiment.default_workers()
    inputs = [p for f in files for p in source_files(f)]
    digest = _digest("comparison", scenarios, files, on_base=on_base,
                     conditions=args.conditions, draws=args.uncertainty,
                     per_draw=args.per_draw if args.uncertainty else None,
                     replacement_cost=args.replacement_cost)
    for line in start_lines(base, base.name, args.lang):
        print(clean(line))
    _calibration_note(files[0], sim, args)
    with _claim(out, "comparison", args, inputs=inputs) as target:
        stored = _stored(out, "comparison", digest, args)
        if stored is not None:
            tables = stored[0]
        else:
            # under uncertainty the base's first run of every candidate draw comes first
            with progress_bar(sim.replications * len(scenarios) + screened, args.quiet,
                              "compare") as bar:
                tables, manifest = jobs.comparison(
                    scenarios, files, overrides, workers, bar, on_base=on_base,
                    conditions=args.conditions, draws=args.uncertainty,
                    per_draw=args.per_draw, scheduler=args.scheduler,
                    replacement_cost=args.replacement_cost)
            target.write_result(tables, {**manifest, "inputs_sha256": digest},
                                remade=lambda name: (
                                    (args.dashboard and name == "dashboard.html")
                                    or (args.brief and name.startswith("brief_"))))
    for line in comparison_lines(scenarios, tables, out, args.lang, args.details):
        print(line)
    crisis = crisis_line(tables.get("summary"), base, clean(title(base, args.lang)),
                         args.lang, options=len(scenarios) > 1)
    if crisis:
        print(f"\n{crisis}")
    if args.dashboard:
        target = out / "dashboard.html"
        if stored is None or not _current(target, out):
            _write_dashboard(out, target, args)
        else:
            from ..present.console_text import say
            print(f"{say('dashboard_written', args.lang)}: {target}")
    if args.brief:
        targets = {lang: out / f"brief_{lang}.html" for lang in ("sv", "en")}
        if stored is None or not all(_current(t, out) for t in targets.values()):
            _write_briefs(out, targets, args)
        else:
            from ..present.console_text import say
            from ..present.dashboard import pdf
            for lang, t in targets.items():
                for page in (t, t.with_suffix(".pdf")):
                    if _current(page, out):
                        print(f"{say('brief_word', args.lang)} ({lang}): {page}")
            if not any(_current(t.with_suffix(".pdf"), out) for t in targets.values()):
                how = pdf.HOW_TO.replace(" and run the report command again", "")
                print(f"PDF not written with this result (no browser was found when it was "
                      f"made); to get it, {how} and run again with --force")
    if args.brief and args.dashboard:
        from ..present.console_text import say
        # on the reader's own unit (--base) the way to one is no next step
        print(f"\n{say('next_steps_own' if on_base else 'next_steps', args.lang)}")
    return 0


def _current(page: Path, out: Path) -> bool:
    """Whether a page in a result directory was made from the result there (written
    after its manifest)."""
    try:
        return page.stat().st_mtime >= (out / "manifest.json").stat().st_mtime
    except OSError:
        return False


def cmd_breakeven(args) -> int:
    from .. import experiment
    from ..config.scenario import load_scenario, source_files
    from ..experiment import breakeven, jobs, sizing
    from ..present.breakeven_text import describe, evaluation_line, heading
    from ..present.console_text import say

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
    from ..present.texts import title
    print("\n" + heading(clean(title(scen, args.lang)), target, value, sim,
                                   args.lang))
    for line in describe(res, args.param, target, value, args.lang):
        print(line)
    print(f"\n{say('written_to', args.lang)} {out}/: evaluations.parquet, manifest.json")
    return 0
