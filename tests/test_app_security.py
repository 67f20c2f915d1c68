"""The what-if app's defences (tracker issue "Security and recovery"): it answers only
requests addressed to itself and refuses state-changing requests of other sites (raw
HTTP against a real server on a real port); it sizes each what-if before it starts and
refuses one too large for its latency target in the reader's language; a superseded
what-if's running replications stop; the number of what-ifs under way is bounded; and
its Excel export, like the command line's, writes text that looks like a formula as
text."""

from __future__ import annotations

import http.client
import json
import threading
import time

import openpyxl
import pandas as pd
import pytest

import simulate
from conftest import BASELINE, SCENARIOS
from model.errors import ScenarioError, UserError

LEVER = "policies.working_time.client_hours_per_day"
EVIL = '=HYPERLINK("http://x","y")'


@pytest.fixture(scope="module")
def state(tmp_path_factory):
    from model.present.app import state as S
    base, measures = S.open_base(None, BASELINE, [SCENARIOS / "six_plus_two.yaml"])
    return S.AppState.create(base, measures, tmp_path_factory.mktemp("opts"), 2, 4, 1.0)


# -- finding 2: only the app's own origin --------------------------------------------------

@pytest.fixture(scope="module")
def server(state):
    """The app's Flask server (its workers not started: the requests below start no
    what-if) on a free port of 127.0.0.1, in a thread."""
    from werkzeug.serving import make_server

    from model.present.app.server import build_app, first_measure
    srv = make_server("127.0.0.1", 0, None, threaded=True)      # a free port
    port = srv.port
    srv.server_close()
    app = build_app(state, first_measure(state), "127.0.0.1", port)
    srv = make_server("127.0.0.1", port, app.server, threaded=True)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield port
    srv.shutdown()


def _request(port, method, path, headers, body=None):
    """A raw request: exactly the headers given (http.client adds no Host of its own)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        for k, v in headers.items():
            conn.putheader(k, v)
        data = json.dumps(body).encode() if body is not None else b""
        if body is not None:
            conn.putheader("Content-Type", "application/json")
        conn.putheader("Content-Length", str(len(data)))
        conn.endheaders(data)
        resp = conn.getresponse()
        return resp.status, resp.read().decode("utf-8", "replace")
    finally:
        conn.close()


def _levers_call(measure="six_plus_two"):
    """The callback that builds the levers of a measure, as the page sends it."""
    return {"output": "levers.children",
            "outputs": {"id": "levers", "property": "children"},
            "inputs": [{"id": "measure", "property": "value", "value": measure},
                       {"id": "lang", "property": "value", "value": "en"},
                       {"id": "restore", "property": "data", "value": None}],
            "changedPropIds": ["measure.value"],
            "state": [[], []]}


def test_only_requests_to_the_apps_own_address_are_answered(server):
    port = server
    own = f"127.0.0.1:{port}"
    for host in (own, f"localhost:{port}", f"[::1]:{port}"):
        assert _request(port, "GET", "/", {"Host": host})[0] == 200, host
    # DNS rebinding: a foreign name that resolves to this machine
    for host in (f"evil.example.com:{port}", "evil.example.com", f"127.0.0.1:{port + 1}",
                 "", f"127.0.0.1:{port}@evil"):
        status, text = _request(port, "GET", "/", {"Host": host})
        assert status == 400, host
        assert len(text.strip().splitlines()) == 1
        assert "Okänd adress" in text and "Unknown address" in text
        assert f"http://localhost:{port}/" in text
    assert _request(port, "GET", "/_dash-layout",
                    {"Host": f"evil.example.com:{port}"})[0] == 400
    assert _request(port, "POST", "/_dash-update-component",
                    {"Host": f"evil.example.com:{port}"}, _levers_call())[0] == 400


def test_state_changing_requests_from_another_site_are_refused(server):
    port = server
    own = f"127.0.0.1:{port}"
    call = _levers_call()
    ok, text = _request(port, "POST", "/_dash-update-component",
                        {"Host": own, "Origin": f"http://{own}"}, call)
    assert ok == 200 and "Client hours per day" in text      # the levers were built
    for headers in ({"Origin": "http://evil.example.com"},
                    {"Origin": f"http://evil.example.com:{port}"},
                    {"Origin": f"https://{own}"},
                    {"Origin": "null"},
                    {"Referer": "http://evil.example.com/page"}):
        status, text = _request(port, "POST", "/_dash-update-component",
                                {"Host": own, **headers}, call)
        assert status == 403, headers
        assert len(text.strip().splitlines()) == 1
        assert "annan webbplats" in text and "another site" in text
    # the app's own page (Referer without Origin) and a client without either pass
    for headers in ({"Referer": f"http://localhost:{port}/"}, {}):
        assert _request(port, "POST", "/_dash-update-component", {"Host": own, **headers},
                        call)[0] == 200, headers
    # reading is allowed from anywhere that names the app's address
    assert _request(port, "GET", "/", {"Host": own,
                                       "Origin": "http://evil.example.com"})[0] == 200


def test_the_host_given_is_trusted_too():
    from model.present.app.guard import Guard
    g = Guard("192.168.1.5", 8050)
    assert g.host_ok("192.168.1.5:8050") and g.host_ok("127.0.0.1:8050")
    assert not g.host_ok("192.168.1.6:8050") and not g.host_ok("192.168.1.5:8051")
    assert g.origin_ok("http://192.168.1.5:8050") and not g.origin_ok("http://evil:8050")
    assert Guard("127.0.0.1", 80).host_ok("127.0.0.1")       # the default port left out


# -- finding 3: the app sizes its work -------------------------------------------------------

def test_an_oversized_what_if_is_refused_naming_the_limit(state):
    from model.present.app.state import MAX_SECONDS
    ok = state.defaults("six_plus_two")
    big = {**ok, "unit.posts": 5000, "simulation.years": 20, "simulation.replications": 64}
    t = time.monotonic()
    with pytest.raises(ScenarioError) as sv:
        state.what_if("six_plus_two", big, "sv")
    with pytest.raises(ScenarioError) as en:
        state.what_if("six_plus_two", big, "en")
    assert time.monotonic() - t < 5
    assert str(sv.value).startswith("För stor för appen") and \
        f"appens gräns är {MAX_SECONDS} s per svar" in str(sv.value)
    assert "5\u00a0000 tjänster" in str(sv.value)
    assert str(en.value).startswith("Too large for the app") and \
        f"the app's limit is {MAX_SECONDS} s per answer" in str(en.value)
    assert "64 replications × 2 scenarios × 5,000 posts × 22 years" in str(en.value)
    for msg in (sv.value, en.value):
        assert len(str(msg).splitlines()) == 1
    # a normal what-if and a 200-post unit over the default horizon pass (about 25 s on
    # 2 workers); 400 posts would take about 90 s (benchmarks/bench_sizing.py): refused
    state.what_if("six_plus_two", ok, "en")
    state.what_if("six_plus_two", {**ok, "unit.posts": 200, "simulation.years": 10,
                                   "simulation.replications": 16}, "en")
    with pytest.raises(ScenarioError, match="Too large for the app"):
        state.what_if("six_plus_two", {**ok, "unit.posts": 400, "simulation.years": 10,
                                       "simulation.replications": 16}, "en")


def _big(state, posts=4000, years=15.0):
    """A what-if whose replications each take many seconds (about 8 s in-process on
    one core; built past the app's sizing, which would refuse it, to have
    replications running long)."""
    base, option = state.what_if("six_plus_two", {**state.defaults("six_plus_two"),
                                                  LEVER: 5}, "en")
    upd = {"unit": base.unit.model_copy(update={"posts": posts}),
           "simulation": base.simulation.model_copy(update={
               "years": years, "warmup_years": 0.0, "replications": 8})}
    return base.model_copy(update=upd), option.model_copy(update=upd)


def _wait(cond, timeout, step=0.02):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if cond():
            return True
        time.sleep(step)
    return cond()


@pytest.mark.slow
def test_a_superseded_what_ifs_running_replications_stop(state):
    from model.present.app.runner import Stopped, WhatIfRunner
    runner = WhatIfRunner(2, lambda b, o, *_: len(b), first=2)
    runner.start()
    try:
        base, option = _big(state)
        runner.submit(base, option, "page")
        assert _wait(lambda: len(runner._tasks) == 2
                     and all(t.future.running() for t in runner._tasks.values()), 60)
        time.sleep(1.0)                               # well inside the replications
        running = [t.future for t in runner._tasks.values()]
        assert not any(f.done() for f in running)
        # the same page asks for a small what-if: the big one's replications stop
        small_base, small = state.what_if("six_plus_two", state.defaults("six_plus_two"),
                                          "en")
        t = time.monotonic()
        second = runner.submit(small_base, small, "page")
        assert _wait(lambda: all(f.done() for f in running), 10)
        stopped_after = time.monotonic() - t
        assert stopped_after < 3, stopped_after
        assert all(isinstance(f.exception(), Stopped) for f in running)
        assert runner.stopped == 2
        # the workers go on with the new what-if
        assert _wait(lambda: runner.status(second)["state"] == "done", 120, 0.1)
        assert runner.status(second)["answer"] == 4
        pids = runner.worker_pids()
        assert len(pids) == 2
    finally:
        runner.close()


def test_a_what_if_past_the_deadline_is_ended_and_says_so(state):
    # the sizing before the start is an estimate: the deadline is the limit
    from model.present.app.i18n import tr
    from model.present.app.runner import WhatIfRunner
    runner = WhatIfRunner(1, lambda b, o, *_: len(b), first=2, deadline=1.5)
    runner.start()
    try:
        base, option = _big(state)
        job = runner.submit(base, option, "page")
        assert _wait(lambda: runner.status(job)["state"] == "timeout", 20, 0.1)
        # its replications stopped (a stop is served between weekly steps; in a fresh
        # clone the first replication compiles the model's loops first, which a stop
        # cannot interrupt, so the bound allows that compilation)
        assert _wait(lambda: not runner._tasks, 20, 0.05)
        assert runner.status(job)["deadline"] == 1.5
    finally:
        runner.close()
    for lang in ("sv", "en"):
        assert "1.5 s" in tr("timeout", lang, t=1.5) or "1,5 s" in tr("timeout", lang, t=1.5)


def test_one_what_if_per_page_and_a_bounded_queue(state, monkeypatch):
    from model.present.app import runner as R
    from model.present.app.runner import WhatIfRunner
    runner = WhatIfRunner(1, lambda b, o, *_: len(b), first=2, max_jobs=2)
    st = type(state)(state.base, state.measures, runner, state.book, state.years,
                     state.replications)
    runner.start()
    try:
        base, option = _big(state, posts=4000)
        a1 = st.submit(base, option, "a", "en")
        a2 = st.submit(base, option.model_copy(update={"name": "other"}), "a", "en")
        assert a2 != a1 and runner._jobs[a1].cancelled     # one what-if per page
        b_base, b_opt = _big(state, posts=4001)
        b = st.submit(b_base, b_opt, "b", "en")
        live = [j.id for j in runner._live()]
        assert sorted(live) == sorted([a2, b])
        for job in (a2, b):                     # both pages watch their what-ifs
            runner.status(job)
        c_base, c_opt = _big(state, posts=4002)
        for lang, words in (("sv", "Appen räknar redan på 2 tänk om-frågor från andra "
                                   "sidor (högst 2 åt gången)"),
                            ("en", "The app is already working on 2 what-ifs from other "
                                   "pages (at most 2 at a time)")):
            with pytest.raises(UserError, match=words.replace("(", r"\(")
                               .replace(")", r"\)")):
                st.submit(c_base, c_opt, "c", lang)
        assert len(runner._live()) == 2
        # a page nobody watches any more makes room; its page asking again says busy
        monkeypatch.setattr(R, "UNWATCHED_SECONDS", 0.3)
        time.sleep(0.4)
        runner.status(b)
        c = st.submit(c_base, c_opt, "c", "en")
        assert runner._jobs[a2].cancelled and not runner._jobs[b].cancelled
        assert sorted(j.id for j in runner._live()) == sorted([b, c])
        runner.status(c)
        assert runner.status(a2)["state"] == "busy"
    finally:
        runner.close()


# -- finding 5: one export, formula-safe -----------------------------------------------------

def _answer():
    from model.present.app.results import LEVELS, MEASURES, Answer
    levels = {k: {"base": (0.2, 0.1, 0.3), "option": (0.25, 0.15, 0.35),
                  "diff": (-0.05, -0.08, -0.02)} for k, _ in LEVELS}
    measures = {m: (-1500.0, -2500.0, -500.0) for m, _ in MEASURES}
    return Answer(n=4, years=1.0, levels=levels, measures=measures, service_flag="")


def _text_cells(path):
    book = openpyxl.load_workbook(path)
    return book, [c for ws in book.worksheets for row in ws.iter_rows() for c in row
                  if c.value is not None]


def test_the_apps_excel_export_writes_formulas_as_text(state, tmp_path, monkeypatch):
    from model.present import workbook
    from model.present.app import options as O
    book = O.OptionBook(tmp_path)
    _, option = state.what_if("six_plus_two", state.defaults("six_plus_two"), "en")
    names = [EVIL, "+SUM(1,2)", "-2+3", "@A1", " =1+1", "plain"]    # names are stripped
    for name in names:
        book.add(name, "six_plus_two", {LEVER: -1.5}, option, _answer())
    calls = []
    real = workbook.workbook
    monkeypatch.setattr(workbook, "workbook", lambda *a, **k: calls.append(1) or real(*a, **k))
    data = O.to_excel(book.all(), "sv")
    assert calls == [1]                          # the export command's own writer
    path = tmp_path / "options.xlsx"
    path.write_bytes(data)
    wb, cells = _text_cells(path)
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    ws = wb.worksheets[0]
    col = [c.value for c in ws["A"]]
    assert col[0] == "Namn"
    assert col[1:] == ["'" + EVIL, "'+SUM(1,2)", "'-2+3", "'@A1", "'=1+1", "plain"]
    # negative numbers stay numbers
    negatives = [c for c in cells if isinstance(c.value, (int, float)) and c.value < 0]
    assert negatives and all(c.data_type == "n" for c in negatives)
    rows = pd.read_excel(path, sheet_name=None)
    assert list(rows) == ["Prövade alternativ", "Reglage"]
    assert (rows["Reglage"][f"Klienttimmar per dag ({LEVER})"] == -1.5).all()


def test_the_cli_export_writes_formulas_as_text_in_xlsx_and_csv(tmp_path, capsys):
    from model.store.officefiles import CSV_SEPARATOR
    sc = tmp_path / "evil.yaml"
    sc.write_text(f"extends: {BASELINE}\nname: '{EVIL}'\n"
                  "title: {sv: '-1+1', en: '@cmd'}\n")
    out = tmp_path / "run"
    assert simulate.main(["run", str(sc), "--out", str(out), "--years", "0.25",
                          "--warmup-years", "0", "--replications", "1", "--quiet"]) == 0
    target = tmp_path / "book.xlsx"
    assert simulate.main(["export", str(out), "-o", str(target)]) == 0
    wb, cells = _text_cells(target)
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    values = {c.value for c in cells}
    assert "'" + EVIL in values and EVIL not in values
    assert "'-1+1" in values and "'@cmd" in values
    for c in cells:
        if isinstance(c.value, str) and c.value and c.value[0] in "=+-@\t\r":
            raise AssertionError(f"{c.coordinate}: {c.value!r}")
    negatives = [c for c in cells if isinstance(c.value, (int, float)) and c.value < 0]
    assert all(c.data_type == "n" for c in negatives)
    csv_dir = tmp_path / "csv"
    assert simulate.main(["export", str(out), "--format", "csv", "-o", str(csv_dir)]) == 0
    text = (csv_dir / "summary.csv").read_text(encoding="utf-8-sig")
    fields = [f.strip('"') for line in text.splitlines() for f in line.split(CSV_SEPARATOR)]
    assert "'-1+1" in fields            # the scenario by its (Swedish) title, as text
    assert not any(f and f[0] in "=+@" for f in fields)
    capsys.readouterr()
