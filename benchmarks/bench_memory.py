"""Peak memory of whole commands against the memory the sizing announces before they run.

Run: ``python benchmarks/bench_memory.py [--quick]``

Each case runs ``simulate.py`` in a child process whose ``sizing.check`` also reports the
estimate it made; a thread samples, every 0.1 s, the child and all its workers:

* *total*: the sum of their proportional set sizes (PSS: a page shared by forked workers
  counts once in all), what the machine must hold;
* *largest*: the largest resident set of any one of them.

Printed beside the estimate (``sizing.Work.command_bytes``), with the ratio total /
estimate, which must stay at or under 1 for the estimate to be safe
(docs/PERFORMANCE.md, "Sizing work before it starts").
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
MIB = 2**20
MAIN_JOB = [line.strip() for line in (ROOT / "scenarios" / "main_job.txt").read_text()
            .splitlines() if line.strip() and not line.startswith("#")]

CHILD = """
import json, sys
sys.path.insert(0, {root!r})
from model.experiment import sizing
_check = sizing.check
def check(work, workers, allow_large, say):
    print("ESTIMATE", work.command_bytes(), file=sys.stderr, flush=True)
    return _check(work, workers, True, say)
sizing.check = check
import simulate
sys.exit(simulate.main(json.loads(sys.argv[1])))
"""


def cases(out: Path, quick: bool) -> list[tuple[str, list[str]]]:
    big = ["--set", "unit.posts=200", "--set", "unit.managers=10"]
    run = ["run", "baseline", "--quiet", "--force", "--workers", "2"]
    rows = [
        ("run 16 x 40 posts x 12 y", run + ["--replications", "16", "--out", str(out / "a")]),
        ("run 64 x 40 posts x 12 y", run + ["--replications", "64", "--out", str(out / "b")]),
        ("run 16 x 200 posts x 12 y", run + ["--replications", "16", *big,
                                             "--out", str(out / "c")]),
    ]
    if not quick:
        rows += [
            ("run 64 x 200 posts x 12 y", run + ["--replications", "64", *big,
                                                 "--out", str(out / "d")]),
            ("run 16 x 40 posts x 32 y", run + ["--replications", "16", "--years", "30",
                                                "--out", str(out / "e")]),
            ("run 10 x 400 posts x 30 y", run + [
                "--replications", "10", "--set", "unit.posts=400", "--set",
                "unit.managers=20", "--years", "30", "--warmup-years", "0",
                "--out", str(out / "h")]),
            ("compare 22 x 48, no pages", [
                "compare", "baseline", *MAIN_JOB, "--replications", "48",
                "--uncertainty", "0", "--quiet", "--force", "--workers", "2",
                "--out", str(out / "i")]),
            ("compare 4 scenarios x 16, pages", [
                "compare", "baseline", "six_plus_two", "trainees", "introduction_programme",
                "--replications", "16", "--uncertainty", "0", "--quiet", "--force",
                "--workers", "2", "--dashboard", "--brief", "--out", str(out / "f")]),
            ("main job (uncertainty, pages)", ["--quiet", "--force", "--workers", "2",
                                                "--out", str(out / "g")]),
        ]
    return rows


def measure(argv: list[str]) -> tuple[float, float, float]:
    """(estimate, peak total PSS, peak largest RSS) in bytes for one command."""
    proc = subprocess.Popen([sys.executable, "-c", CHILD.format(root=str(ROOT)),
                             json.dumps(argv)], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    peaks = [0.0, 0.0]
    done = threading.Event()

    def sample():
        me = psutil.Process(proc.pid)
        while not done.wait(0.1):
            total = largest = 0
            try:
                tree = [me, *me.children(recursive=True)]
            except psutil.Error:
                continue
            for p in tree:
                try:
                    info = p.memory_full_info()
                except psutil.Error:
                    continue
                total += getattr(info, "pss", info.rss)
                largest = max(largest, info.rss)
            peaks[0], peaks[1] = max(peaks[0], total), max(peaks[1], largest)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    err = proc.communicate()[1]
    done.set()
    t.join()
    if proc.returncode:
        raise SystemExit(f"{' '.join(argv)} failed:\n{err[-2000:]}")
    estimate = max((float(line.split()[1]) for line in err.splitlines()
                    if line.startswith("ESTIMATE")), default=float("nan"))
    return estimate, peaks[0], peaks[1]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="the three smallest cases only")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'case':34s} {'estimate':>9s} {'total':>9s} {'largest':>9s} {'ratio':>6s}"
              "   (MiB; ratio = total / estimate)")
        worst = 0.0
        for label, cmd in cases(Path(tmp), args.quick):
            est, total, largest = measure(cmd)
            worst = max(worst, total / est)
            print(f"{label:34s} {est / MIB:9.0f} {total / MIB:9.0f} {largest / MIB:9.0f} "
                  f"{total / est:6.2f}", flush=True)
    print(f"largest ratio {worst:.2f} (the estimate must stay at or above the peak: "
          f"{'met' if worst <= 1 else 'NOT met'})")
    return 0 if worst <= 1 else 1


if __name__ == "__main__":
    sys.exit(main())
