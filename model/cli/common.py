"""What every command shares: defaults, exit codes, argument types and option
groups, the --set shorthands, the size check and the claim of an output."""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

from ..errors import clean

HERE = Path(__file__).resolve().parents[2]
DEFAULT_SCENARIO = HERE / "scenarios" / "baseline.yaml"
DEFAULT_RESULTS = Path("results")
EXIT_USER = 2
EXIT_INT = 130
EXIT_TERM = 143


class Terminated(BaseException):
    """Raised in the main process when SIGTERM arrives."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, exit 2
        sys.stderr.write(f"{self.prog}: error: {message} (see --help)\n")
        raise SystemExit(EXIT_USER)


def _number(flag: str, kind=float, minimum=None, above=False, maximum=None):
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
        if maximum is not None and v > maximum:
            raise argparse.ArgumentTypeError(f"{flag} must be at most {maximum:g}, got {text}")
        return v
    return conv


def _count(flag):
    return _number(flag, int, 1)


def _scenario_file(text: str) -> str:
    """An argparse type: a scenario file, or a bundled scenario named without its path
    (``six_plus_two`` for scenarios/six_plus_two.yaml; model.config.names)."""
    from ..config.names import resolve
    from ..errors import UserError
    try:
        return resolve(text)
    except UserError as exc:
        raise argparse.ArgumentTypeError(clean(str(exc))) from None


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
    p.add_argument("--batch", type=_count("--batch"), metavar="N",
                   help="replications per batch sent to a worker (default: chosen from "
                        "the work and memory; the tables do not depend on it)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")


def _run_options(p) -> None:
    _simulation_options(p)
    _allow_large(p)
    p.add_argument("--out", help="result directory (default under results/)")
    _force(p, "recompute even when the stored result has the same inputs (run, compare); "
           "replace an --out directory that holds no earlier result of this command "
           "(your own files in it are kept)")


def _lang(p) -> None:
    from ..present.console_text import CLI_LANGS, DEFAULT_LANG
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
    from ..config.scenario import Override

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


def execution(args) -> None:
    """Settings of how this process runs replications (``--batch``)."""
    if getattr(args, "batch", None):
        from ..experiment import batches
        batches.set_batch(args.batch)


def _note(line: str) -> None:
    """One line on stderr: what the tool did beside the main work (text sanitised)."""
    print(clean(line), file=sys.stderr)


def _check_size(work, args) -> None:
    from .. import experiment
    from ..experiment import sizing
    from ..present.console_text import duration, fmt, say, size
    workers = getattr(args, "workers", None) or experiment.default_workers()
    lang = getattr(args, "lang", None)
    what = (say("estimated_what", lang, r=fmt(work.runs, "whole", lang), p=f"{work.posts:g}",
                y=f"{work.post_years / work.posts:g}") if lang and work.posts else work.what)
    sizing.check(work, workers, args.allow_large, _note,
                 (lambda s, m: say("estimated", lang, t=duration(s, lang), w=workers,
                                   m=size(m, lang), what=what)) if lang else None)


def _claim(out, kind, args, inputs=(), directory=True, in_place=False):
    from .. import store
    return store.claim(out, kind, directory=directory, force=args.force, inputs=inputs,
                       in_place=in_place, say=_note)


def _safe_name(name: str) -> str:
    keep = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in name).strip("._")
    return keep[:80] or "scenario"
