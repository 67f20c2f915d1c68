"""The what-if app: levers validated by the scenario schema, options saved as scenario
files that ``run`` turns into the same numbers, superseded what-ifs cancelled; and, with
the app started as a subprocess on a free port and driven in headless Chromium, a lever
that changes the answer, a bad value that gives a message, the language switch, saving
and reloading an option, no request leaving 127.0.0.1, and a clean stop on SIGTERM and
Ctrl-C without worker processes left behind."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pandas as pd
import pytest

import simulate
from conftest import BASELINE, ROOT, SCENARIOS
from model.errors import ScenarioError, UserError

psutil = pytest.importorskip("psutil")
YEARS, REPS = "2", "6"
LEVER = "policies.working_time.client_hours_per_day"


# -- without a browser ------------------------------------------------------------------

@pytest.fixture(scope="module")
def state(tmp_path_factory):
    from model.present.app import state as S
    base, measures = S.open_base(None, BASELINE, [SCENARIOS / "six_plus_two.yaml",
                                                  SCENARIOS / "salary_ladder_umea.yaml"])
    return S.AppState.create(base, measures, tmp_path_factory.mktemp("opts"), 1, 4, 1.0)


def test_levers_come_from_the_schema_and_bad_values_are_refused(state):
    keys = {lv.key for lv in state.measure_levers("salary_ladder_umea")}
    assert keys == {f"policies.salary_ladder.steps.{i}.supplement_sek_per_month"
                    for i in range(4)}
    posts = next(lv for lv in state.common_levers() if lv.key == "unit.posts")
    assert posts.unit == "FTE posts" and posts.low == 0 and posts.low_open
    assert posts.plausible == (5.0, 400.0)
    ok = state.defaults("six_plus_two")
    base, option = state.what_if("six_plus_two", {**ok, LEVER: 5}, "en")
    assert option.policies.working_time.client_hours_per_day == 5
    assert base.policies.working_time is None
    assert base.simulation == option.simulation          # common random numbers
    for bad, words in (({"unit.posts": -3}, "Posts: must be greater than 0"),
                       ({"unit.posts": "40 posts"}, "Posts: must be a number"),
                       ({"unit.posts": "1,5"}, "Posts: must be a number"),
                       ({"simulation.replications": 65}, "must be at most 64"),
                       ({"simulation.years": 21}, "must be at most 20"),
                       ({"simulation.replications": 2.5}, "must be a whole number"),
                       # a cross-field rule of the schema: client + competence + recovery <= 8
                       ({LEVER: 7, "policies.working_time.competence_hours_per_day": 2},
                        "may together be at most 8 hours a day")):
        with pytest.raises(ScenarioError, match=words):
            state.what_if("six_plus_two", {**ok, **bad}, "en")
    with pytest.raises(ScenarioError, match="Tjänster: måste vara större än 0"):
        state.what_if("six_plus_two", {**ok, "unit.posts": 0}, "sv")
    # a key that is no lever of the what-if (a path chosen by the browser) changes nothing
    _, same = state.what_if("six_plus_two", {**ok, "simulation.seed": 1, "name": "x"}, "en")
    assert same == state.what_if("six_plus_two", ok, "en")[1]


def test_a_measure_applies_to_the_users_own_unit(tmp_path):
    from model.present.app import state as S
    mine = tmp_path / "mine.yaml"
    mine.write_text(f"extends: {BASELINE}\nname: mine\nunit: {{posts: 25}}\n")
    base, measures = S.open_base(mine, BASELINE, [SCENARIOS / "reflection_day.yaml"])
    st = S.AppState.create(base, measures, tmp_path / "o", 1, 4, 1.0)
    b, o = st.what_if("reflection_day", st.defaults("reflection_day"), "en")
    assert b.unit.posts == o.unit.posts == 25
    assert o.policies.reflection_day is not None and b.policies.reflection_day is None


@pytest.mark.slow
def test_a_result_directory_gives_its_base_and_measures(tmp_path):
    from model.present.app import state as S
    out = tmp_path / "cmp"
    assert simulate.main(["compare", str(BASELINE), str(SCENARIOS / "specialists.yaml"),
                          "--out", str(out), "--years", "0.5", "--warmup-years", "0",
                          "--replications", "2", "--quiet"]) == 0
    base, measures = S.open_base(out, BASELINE, [])
    assert base.name == "baseline" and base.simulation.years == 0.5
    assert list(measures) == ["specialists"]
    assert set(measures["specialists"].delta) == {"policies"}
    st = S.AppState.create(base, measures, tmp_path / "o", 1, 4, None)
    _, option = st.what_if("specialists", {**st.defaults("specialists"),
                                           "policies.specialists.posts": 3}, "en")
    assert option.policies.specialists.posts == 3 and option.simulation.years == 0.5


def test_saving_never_replaces_a_file_and_only_own_files_load(state, tmp_path):
    from model.present.app.options import OptionBook
    from model.present.app.results import Answer
    book = OptionBook(tmp_path)
    tmp_path.joinpath("half.yaml").write_text("name: mine\n")         # the user's file
    _, option = state.what_if("six_plus_two", state.defaults("six_plus_two"), "en")
    answer = Answer(n=2, years=1.0, levels={}, measures={}, service_flag="")
    opt = book.add("Half <b>", "six_plus_two", {}, option, answer)
    first, second = book.save(opt), book.save(opt)
    assert first.name == "half_b.yaml" and second.name == "half_b_2.yaml"
    assert tmp_path.joinpath("half.yaml").read_text() == "name: mine\n"
    assert book.saved() == ["half_b.yaml", "half_b_2.yaml"]
    with pytest.raises(UserError, match="not one of the app's saved option files"):
        book.load("half.yaml")
    with pytest.raises(UserError):
        book.load("../../scenarios/baseline.yaml")
    loaded = book.load("half_b.yaml")
    assert loaded.policies == option.policies and loaded.simulation == option.simulation
    assert state.match(loaded)[0] == "six_plus_two" and state.match(loaded)[2]


def test_a_superseded_what_if_is_cancelled_and_the_next_is_answered(state):
    from model.present.app.runner import WhatIfRunner
    seen = []
    runner = WhatIfRunner(1, lambda b, o, *_: seen.append(len(b)) or len(b), first=2)
    runner.start()
    try:
        ok = state.defaults("six_plus_two")
        base, slow = state.what_if("six_plus_two", {**ok, "simulation.replications": 40},
                                   "en")
        first = runner.submit(base, slow, "page")
        _, fast = state.what_if("six_plus_two", {**ok, LEVER: 5}, "en")
        second = runner.submit(base, fast, "page")
        assert runner._jobs[first].cancelled
        # only the new what-if's replications are with the workers (one per worker)
        assert len(runner._tasks) <= runner.workers
        end = time.monotonic() + 120
        while runner.status(second)["state"] != "done" and time.monotonic() < end:
            time.sleep(0.1)
        s = runner.status(second)
        assert s["state"] == "done" and s["n"] == 4 and s["answer"] == 4
        assert runner.status(first)["state"] != "done" and 40 not in seen
        assert not runner.status(first)["current"]
        pids = runner.worker_pids()
    finally:
        runner.close()
    assert pids and not any(_alive(p) for p in pids)


# -- the app in a browser ---------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _alive(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def _start(options_dir, *extra) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    proc = subprocess.Popen([sys.executable, str(ROOT / "simulate.py"), "app", "--port",
                             str(port), "--years", YEARS, "--replications", REPS,
                             "--workers", "2", "--options-dir", str(options_dir), *extra],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    url = f"http://127.0.0.1:{port}/"
    end = time.monotonic() + 180
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise AssertionError(f"the app stopped: {proc.stderr.read()}")
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return proc, url
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise AssertionError("the app did not start")


def _stop_and_check(proc, sig, code) -> None:
    children = psutil.Process(proc.pid).children(recursive=True)
    assert len(children) >= 2                           # the worker processes
    proc.send_signal(sig)
    assert proc.wait(timeout=30) == code
    assert "app stopped" in proc.stderr.read()
    assert not any(_alive(c.pid) for c in children)


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    opts = tmp_path_factory.mktemp("app_options")
    proc, url = _start(opts)
    yield proc, url, opts
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def page(app, browser):  # noqa: F811 - the imported fixture
    _, url, _ = app
    pg = browser.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    log = {"requests": [], "errors": []}
    pg.on("request", lambda r: log["requests"].append(r.url))
    pg.on("pageerror", lambda e: log["errors"].append(str(e)))
    pg.goto(url)
    _done(pg)
    yield pg, log
    pg.close()


def _done(pg, timeout=120_000) -> None:
    pg.wait_for_selector("#status-text[data-state='done']", timeout=timeout)


def _value(pg, kpi="turnover_rate") -> float:
    return float(pg.get_attribute(f"td[data-kpi='{kpi}']", "data-value"))


def _set(pg, key, value) -> None:
    box = pg.locator(f"input[name='{key}']")
    box.fill(str(value))
    box.press("Enter")


def _changed(pg, before: float) -> float:
    pg.wait_for_function(
        "v => { const s = document.querySelector('#status-text');"
        " const c = document.querySelector(\"td[data-kpi='turnover_rate']\");"
        " return s && s.dataset.state === 'done' && c && parseFloat(c.dataset.value) !== v; }",
        arg=before, timeout=120_000)
    return _value(pg)


@pytest.mark.slow
def test_a_lever_changes_the_answer_which_says_its_replications(page):
    pg, _ = page
    assert pg.get_attribute("#status-text", "data-n") == REPS
    assert f"{REPS} parade replikeringar" in pg.inner_text("#status")
    before = _value(pg)
    _set(pg, LEVER, 5)
    after = _changed(pg, before)
    assert after != before and 0 <= after <= 1
    # both cost views, with intervals, and the dashboard's net-cost chart
    table = pg.inner_text("#table")
    assert "budget (kassaflöde)" in table and "personalekonomisk" in table
    assert pg.locator("#fig-net .main-svg").count() > 0


def test_a_bad_value_gives_a_message_and_the_app_keeps_working(page):
    pg, _ = page
    before = _value(pg)
    _set(pg, "unit.posts", -3)
    pg.wait_for_selector("#bad-value", timeout=30_000)
    assert "Tjänster: måste vara större än 0" in pg.inner_text("#bad-value")
    assert _value(pg) == before                         # nothing ran
    _set(pg, "unit.posts", 44)
    pg.wait_for_selector("#bad-value", state="detached", timeout=30_000)
    assert _changed(pg, before) != before


def test_a_swedish_page_takes_a_decimal_comma_and_says_the_day_rule(page):
    pg, _ = page
    _done(pg)
    start = pg.input_value(f"input[name='{LEVER}']")
    before = _value(pg)
    _set(pg, LEVER, "4,5")
    after = _changed(pg, before)
    assert pg.input_value(f"input[name='{LEVER}']") == "4,5"
    assert pg.locator("#bad-value").count() == 0
    left = pg.inner_text("#left")          # the run levers' ranges are the app's caps
    assert "≤ 20" in left and "1–20" in left and "≤ 64" in left and "5–64" in left
    assert "1–30" not in left and "5–200" not in left
    _set(pg, LEVER, "7,5")
    pg.wait_for_selector("#bad-value", timeout=30_000)
    message = pg.inner_text("#bad-value")
    assert ("Klienttimmar per dag + Kompetenstimmar per dag + Återhämtningstimmar per dag "
            "får tillsammans vara högst 8 timmar om dagen") in message, message
    assert "must" not in message and "recovery" not in message.lower()
    _set(pg, LEVER, start)
    pg.wait_for_selector("#bad-value", state="detached", timeout=30_000)
    _changed(pg, after)


@pytest.mark.slow
def test_save_an_option_and_reload_it(page, app, tmp_path):
    pg, _ = page
    _, _, opts = app
    _done(pg)
    kept = _value(pg)
    lever = pg.input_value(f"input[name='{LEVER}']")
    pg.fill("#opt-name", "Halv dag")
    pg.click("#keep")
    pg.wait_for_selector("#opt-list label:has-text('Halv dag')")
    pg.locator("#opt-list input[type=checkbox]").first.check()
    pg.click("#save_yaml")
    pg.wait_for_selector("#opt-msg-text:has-text('halv_dag.yaml')")
    saved = opts / "halv_dag.yaml"
    assert saved.is_file()
    # elsewhere, then reload the page and load the saved file back
    _set(pg, LEVER, 4.5)
    _changed(pg, kept)
    pg.reload()
    _done(pg)
    pg.click("#saved")
    pg.get_by_text("halv_dag.yaml", exact=True).last.click()
    pg.click("#load")
    pg.wait_for_function(
        "v => { const s = document.querySelector('#status-text');"
        " const c = document.querySelector(\"td[data-kpi='turnover_rate']\");"
        " return s.dataset.state === 'done' && parseFloat(c.dataset.value) === v; }",
        arg=kept, timeout=120_000)
    assert pg.input_value(f"input[name='{LEVER}']") == lever
    assert pg.locator("#opt-list label:has-text('Halv dag')").count() == 1   # kept
    # the file gives the same numbers with the command line
    out = tmp_path / "run"
    assert simulate.main(["run", str(saved), "--out", str(out), "--quiet"]) == 0
    summary = pd.read_parquet(out / "summary.parquet")
    assert len(summary) == int(REPS)
    assert summary.turnover_rate.mean() == pytest.approx(kept, rel=1e-12)


@pytest.mark.slow
def test_options_compare_export_and_delete(page, app):
    pg, _ = page
    _, _, opts = app
    _set(pg, LEVER, 5.5)
    kept = _changed(pg, _value(pg))
    pg.fill("#opt-name", "Sex och en halv")
    pg.click("#keep")
    pg.wait_for_selector("#opt-list label:has-text('Sex och en halv')")
    boxes = pg.locator("#opt-list input[type=checkbox]")
    assert boxes.count() == 2
    for k in range(2):
        boxes.nth(k).check()
    pg.click("#compare")
    pg.wait_for_selector("#comparison-table")
    head = pg.inner_text("#comparison-table tr:first-child")
    assert "Halv dag" in head and "Sex och en halv" in head
    with pg.expect_download() as dl:
        pg.click("#export")
    book = pd.read_excel(dl.value.path(), sheet_name=None)
    rows = next(iter(book.values()))
    assert list(rows["Namn"]) == ["Halv dag", "Sex och en halv"]
    assert (rows["replikeringar"] == int(REPS)).all()
    _brief(pg, opts, kept)
    pg.click("#delete")
    pg.wait_for_function("() => document.querySelectorAll('#opt-list input').length === 0")
    assert pg.inner_text("#comparison") == "Inga alternativ ännu."


def _brief(pg, opts, kept) -> None:
    """The list as the committee brief: an A4 PDF in Swedish with the options' names,
    made from a result directory that loads like any other comparison."""
    from pypdf import PdfReader

    from model.present.dashboard.data import load_results
    with pg.expect_download(timeout=180_000) as dl:
        pg.click("#brief")
    assert dl.value.suggested_filename == "brief_sv.pdf"
    pg.wait_for_selector("#brief-msg-text[data-state='done']")
    reader = PdfReader(dl.value.path())
    for p in reader.pages:                                   # A4 within a point
        w, h = float(p.mediabox.width), float(p.mediabox.height)
        assert abs(w - 595.28) < 1.5 and abs(h - 841.89) < 1.5
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    for words in ("Halv dag", "Sex och en halv", "Underlag till nämnden",
                  "Personalekonomisk", "Metod"):
        assert words in text, words
    (folder,) = (opts / "briefs").iterdir()
    assert (folder / "brief_sv.pdf").read_bytes() == dl.value.path().read_bytes()
    res = load_results(folder)
    assert res.kind == "comparison"
    assert res.scenarios == ["base", "halv_dag", "sex_och_en_halv"]
    assert res.title("sex_och_en_halv", "sv") == res.title("sex_och_en_halv", "en") \
        == "Sex och en halv"
    # the replications ran again with the same seed: the numbers the list shows
    summary = res.tables["summary"]
    assert summary[summary.scenario == "sex_och_en_halv"].turnover_rate.mean() == \
        pytest.approx(kept, rel=1e-12)
    assert (summary.groupby("scenario").size() == int(REPS)).all()


def test_switch_language(page):
    pg, log = page
    assert pg.inner_text("h1").startswith("Tänk om")
    pg.click("#lang label:has-text('English')")
    pg.wait_for_function("document.documentElement.lang === 'en'")
    pg.wait_for_function("() => document.querySelector('h1').innerText.startsWith('What if')")
    pg.wait_for_function("() => document.querySelector('#status').innerText"
                         ".includes('paired replications')")
    pg.wait_for_function("() => document.querySelector('#left').innerText"
                         ".includes('Client hours per day')")
    left = pg.inner_text("#left")
    assert "Client hours per day (hours/day)" in left and "The unit" in left
    assert "Klienttimmar" not in left
    assert "budget (cash flow)" in pg.inner_text("#table")
    assert "Economic" in pg.inner_text("#fig-net")
    # the options part follows too (its options were deleted above)
    pg.wait_for_function("() => document.querySelector('#comparison').innerText"
                         " === 'No options yet.'")


def test_no_request_leaves_the_machine(page, app):
    pg, log = page
    _, url, _ = app
    assert log["requests"] and log["errors"] == []
    assert all(u.startswith(url) for u in log["requests"]), \
        [u for u in log["requests"] if not u.startswith(url)]


def test_the_app_stops_on_sigterm_without_leaving_workers(app, page):
    proc, _, _ = app
    _stop_and_check(proc, signal.SIGTERM, simulate.EXIT_TERM)


@pytest.mark.slow
def test_the_app_stops_on_ctrl_c_without_leaving_workers(tmp_path):
    proc, url = _start(tmp_path)
    # a second app on the same port is refused in one line, before any work
    port = url.rsplit(":", 1)[1].strip("/")
    second = subprocess.run([sys.executable, str(ROOT / "simulate.py"), "app", "--port",
                             port], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert second.returncode == 2
    assert second.stderr.strip() == (f"error: --port {port}: cannot listen on "
                                      f"127.0.0.1:{port} (Address already in use); choose "
                                      "another port")
    _stop_and_check(proc, signal.SIGINT, simulate.EXIT_INT)


@pytest.mark.slow
def test_workers_end_even_when_the_app_is_killed(tmp_path):
    proc, _ = _start(tmp_path)
    children = psutil.Process(proc.pid).children(recursive=True)
    assert children
    proc.kill()
    proc.wait(timeout=30)
    _, alive = psutil.wait_procs(children, timeout=15)
    assert not alive
