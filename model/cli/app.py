"""app: the live what-if app for committee meetings."""

from __future__ import annotations

import sys
from pathlib import Path

from ..config.mainjob import main_files
from .common import DEFAULT_RESULTS, DEFAULT_SCENARIO, EXIT_INT, EXIT_TERM, Terminated, _note


def cmd_app(args) -> int:
    from .. import experiment
    from ..present.app import server, state

    catalogue = main_files()
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
