"""A unit's own files: calibrate, import-hr, validate and schema."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..errors import clean
from .common import EXIT_USER, _check_size, _claim, _overrides, _safe_name


def cmd_calibrate(args) -> int:
    from .. import experiment
    from ..config.scenario import load_scenario, source_files
    from ..errors import UserError
    from ..experiment import calibration, sizing
    from ..experiment.breakeven import NoRoot
    from ..present import calibration_text
    from ..present.breakeven_text import describe, evaluation_line

    if (args.targets is None) == (args.turnover is None):
        raise UserError("calibrate: give a targets file or --turnover RATE (one of them)")
    if args.turnover is not None:
        mine = [calibration.turnover_target(Path(args.scenario), args.turnover)]
    else:
        targets, tdir = calibration.load_targets(args.targets)
        mine = calibration.targets_for(Path(args.scenario), targets, tdir)
    if not mine:
        raise UserError(f"{args.targets}: no target applies to {args.scenario} nor to a file "
                        "it extends (targets name their scenario relative to the targets "
                        "file)")
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


def import_words() -> dict[str, dict[str, str]]:
    """The title and description of a unit's scenario made from HR files, per language
    (templates from the catalogue, filled by the import)."""
    from ..present.catalogue import LANGS
    from ..present.console_text import TEXT

    words = {"title": TEXT["import_title"], "description": TEXT["import_description"]}
    return {field: {lang: text[lang] for lang in LANGS} for field, text in words.items()}


def cmd_import_hr(args) -> int:
    from .. import store
    from ..config import hrimport
    from ..config.scenario import load_scenario
    from ..errors import UserError

    as_of = hrimport.parse_date(args.as_of, "--as-of") if args.as_of else None
    out = Path(args.output) if args.output else (
        hrimport.own_folder() / f"{_safe_name(Path(args.staff).stem)}.yaml")
    if out.is_dir():
        raise UserError(f"{out}: is a directory; give a YAML file name")
    tpath = hrimport.targets_path(out)
    inputs = [args.staff, args.inflow, hrimport.default_base()]
    with _claim(out, "scenario", args, inputs=inputs, directory=False) as scen_out, \
            _claim(tpath, "targets file", args, inputs=inputs, directory=False) as tgt_out:
        scen_text, targets_text, notes = hrimport.build(
            Path(args.staff), args.inflow and Path(args.inflow), out, as_of=as_of,
            window_years=args.window_years, words=import_words())
        store.write_together([(scen_out, scen_text), (tgt_out, targets_text)])
    for line in notes:
        print(clean(line))
    sc = load_scenario(out)
    print(f"Scenario for {clean(sc.name)}: {out} ({int(sc.unit.posts)} case-carrying posts)")
    print(f"Observed targets: {tpath}")
    print("Privacy: the unit's file holds each person's tenure, employment level, age and "
          "salary, without name or number; in a small unit these can still point to a "
          "person, so keep it as personal data (scenarios/own/ is kept out of version "
          "control; share results, not this file).")
    mine = out.with_name(f"{out.stem}_now.yaml")
    print(f"Next: say what the export does not know (budgeted posts, consultants now) in a "
          f"file that extends this one, e.g. {mine} (docs/USER_GUIDE.md, 'Your own unit', "
          f"step 2); check it with: python simulate.py validate {mine}; then fit the quit "
          f"hazard to the observed exits with: python simulate.py calibrate {mine} {tpath} "
          f"(or to your present turnover: --turnover 0.30)")
    return 0


def cmd_validate(args) -> int:
    from ..config.scenario import load_scenario
    from ..errors import ScenarioError
    from ..present.unit_text import start_lines

    bad = 0
    for f in args.files:
        try:
            sc = load_scenario(f, args.set)
            print(clean(f"{f}: ok ({sc.name})"))
            for line in start_lines(sc, "the unit"):
                print(clean("  " + line))
        except ScenarioError as exc:
            print(clean(str(exc)), file=sys.stderr)
            bad += 1
    return EXIT_USER if bad else 0


def cmd_schema(args) -> int:
    from ..sim.params import json_schema

    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    if args.output:
        with _claim(args.output, "schema", args, directory=False) as output:
            output.write_text(text)
    else:
        sys.stdout.write(text)
    return 0
