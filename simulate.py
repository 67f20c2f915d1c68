#!/usr/bin/env python3
"""Command line of the workforce-stability simulation.

    python simulate.py [--base FILE] [--lang sv] [--details]   # the main job: the
        # baseline (or FILE) against every option in scenarios/main_job.txt, with
        # uncertainty, ranked; tables, dashboard and briefs in results/policy_comparison
    python simulate.py run SCENARIO [options]
    python simulate.py export RESULTS_DIR [--format xlsx|csv] [-o PATH]
    python simulate.py validate FILE...
    python simulate.py schema [-o FILE]

The CLI only wires the library together: parse arguments, load and validate the
scenario, run, write results, print. Bad input gives one line and exit code 2;
Ctrl-C exits 130 and SIGTERM 143, with nothing half-written.
"""

from __future__ import annotations

import os
import signal
import sys

from model.cli import app, reports, runs, sweeps, units
from model.cli.common import EXIT_INT, EXIT_TERM, EXIT_USER, Terminated, execution
from model.cli.parser import build_parser
from model.errors import clean


def _on_term(signum, frame):
    raise Terminated()


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0].startswith("--"):
        if any(a in ("-h", "--help") for a in argv):
            build_parser().print_help()     # what the bare command does, its options
            return 0
        # the main job; options of compare may follow (--base FILE, --lang sv, --details)
        argv = runs._main_job(argv)
    args = build_parser().parse_args(argv)
    if args.command is None:
        build_parser().print_help()
        return EXIT_USER
    from model.errors import UserError

    signal.signal(signal.SIGTERM, _on_term)
    try:
        execution(args)
        return {"run": runs.cmd_run, "compare": runs.cmd_compare, "breakeven": runs.cmd_breakeven,
                "dashboard": reports.cmd_dashboard, "report": reports.cmd_report,
                "sweep": sweeps.cmd_sweep, "collect": sweeps.cmd_collect,
                "calibrate": units.cmd_calibrate, "import-hr": units.cmd_import_hr,
                "export": reports.cmd_export, "app": app.cmd_app, "validate": units.cmd_validate,
                "schema": units.cmd_schema}[args.command](args)
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
