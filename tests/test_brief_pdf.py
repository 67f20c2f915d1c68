"""The committee brief as an A4 PDF: the decision (the options ranked, both cost views,
the chance of being best and of a crisis, the service warning, what the intervals count
and, under uncertainty, the decisive assumptions) on page one, for the main job's 21
options in either language; the method, the details, the charts and the STRESS-DES
checklist after it, entirely in the chosen language; and the HTML with a line on how to
get the PDF when no Chromium is there."""

from __future__ import annotations

import html
import re
from contextlib import contextmanager

import pandas as pd
import pytest

import simulate
from conftest import BASELINE, SCENARIOS
from model.config.scenario import load_scenario
from model.experiment.costbenefit import ranking
from model.present.texts import title

OPTIONS = ["salary_ladder_umea", "no_consultants", "six_plus_two", "admin_support",
           "reflection_day", "trainees", "first_line"]
A4_POINTS = (595.3, 841.9)          # 210 x 297 mm


@pytest.fixture(scope="module")
def eight_options(tmp_path_factory):
    """A comparison of the base and seven options (eight in the decision table)."""
    out = tmp_path_factory.mktemp("brief") / "res"
    code = simulate.main(["compare", str(BASELINE),
                          *[str(SCENARIOS / f"{n}.yaml") for n in OPTIONS],
                          "--out", str(out), "--years", "1", "--warmup-years", "0.5",
                          "--replications", "3", "--quiet"])
    assert code == 0
    return out


def _titles(lang: str) -> dict[str, str]:
    names = ["baseline", *OPTIONS]
    return {n: title(load_scenario(SCENARIOS / f"{n}.yaml"), lang) for n in names}


def _pages(path) -> list[str]:
    from pypdf import PdfReader
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(path).pages]


def _report(results, lang, out):
    assert simulate.main(["report", str(results), "--lang", lang, "-o", str(out)]) == 0
    assert out.with_suffix(".pdf").exists()
    return _pages(out.with_suffix(".pdf"))


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_decision_fills_page_one_of_an_a4_pdf(chromium_path, eight_options, tmp_path, lang):
    from pypdf import PdfReader
    out = tmp_path / f"brief_{lang}.html"
    pages = _report(eight_options, lang, out)
    reader = PdfReader(out.with_suffix(".pdf"))
    for page in reader.pages:                       # A4 within a point
        w, h = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(w - A4_POINTS[0]) < 1.5 and abs(h - A4_POINTS[1]) < 1.5
    assert len(pages) >= 2
    first, rest = pages[0], " ".join(pages[1:])
    words = {"sv": ("Alternativen rangordnade", "Personalekonomisk nettokostnad",
                    "Nettokostnad i budgeten", "Chans att vara bäst", "Risk för kris",
                    "Verksamheten", "Metod", "Kostnad per undviken avgång",
                    "Kostnad mot personalomsättning", "STRESS-DES-checklista"),
             "en": ("The options ranked", "Economic net cost", "Net cash cost",
                    "Chance of being best", "Risk of a crisis", "Service", "Method",
                    "Cost per avoided exit", "Cost against turnover", "STRESS-DES checklist")
             }[lang]
    def flat(text):          # headings wrap and hyphenate in narrow columns
        return re.sub(r"[\s\u00ad\u2010-]", "", text).lower()

    for word in words[:6]:
        assert flat(word) in flat(first), word
    assert pages[1].startswith(words[6])            # the method begins page two
    for word in words[7:]:
        assert word in rest and word not in first, word
    # every option on page one, in the order of the ranking
    titles = _titles(lang)
    order = ranking(pd.read_parquet(eight_options / "cost_benefit.parquet")).scenario
    table = first[first.index(words[0]):]
    positions = [table.index(titles[n]) for n in order]
    assert positions == sorted(positions)
    assert titles["baseline"] in first


@pytest.mark.slow
def test_a_swedish_pdf_has_no_english_names_dates_or_decimals(chromium_path, eight_options,
                                                             tmp_path):
    text = " ".join(_report(eight_options, "sv", tmp_path / "b.html"))
    english = [t for n, t in _titles("en").items() if t != _titles("sv")[n]]
    for name in [*english, *OPTIONS, "baseline"]:
        assert name not in text, name
    for word in ("Budget (cash flow)", "Options", "Purpose", "years", "replications", "seed"):
        assert word not in text, word
    assert not re.search(r"\d{4}-\d\d-\d\dT\d\d:", text)          # no ISO timestamp
    assert re.search(r"Körd \d{1,2} (januari|februari|mars|april|maj|juni|juli|augusti|"
                     r"september|oktober|november|december) \d{4}", text)
    assert not re.search(r"\d\.\d+ ?(år|%|tkr)", text)             # Swedish decimal commas
    assert "1 år" in text and "1.0 år" not in text


def test_without_chromium_the_html_is_written_and_one_line_says_how(eight_options, tmp_path,
                                                                   monkeypatch, capsys):
    from model.present.dashboard import pdf

    @contextmanager
    def no_browser():
        raise pdf.NoBrowser("no Chromium could be started (not found)")
        yield                                                        # pragma: no cover

    monkeypatch.setattr(pdf, "browser", no_browser)
    out = tmp_path / "brief.html"
    assert simulate.main(["report", str(eight_options), "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert out.exists() and not out.with_suffix(".pdf").exists()
    lines = [x for x in captured.out.splitlines() if "PDF" in x]
    assert len(lines) == 1 and "apt-get install chromium" in lines[0]
    assert "Traceback" not in captured.out + captured.err


def test_the_brief_html_prints_without_javascript(eight_options):
    from model.present.dashboard.brief import date_text, num, render_brief
    from model.present.dashboard.data import load_results
    page = render_brief(load_results(eight_options), "sv")
    # the cost chart and the acceptability curve, both static
    assert "<script" not in page and page.count("<svg") == 2
    assert page.count('<svg class="chart"') == 1 and page.count('class="chart ceac"') == 1
    # one marker per option in the economic view (circles) and the base
    assert page.count("<circle") == len(OPTIONS) + 1 + 1             # + the legend's
    assert date_text("2026-11-29T02:55:00+00:00", "sv") == "29 november 2026"
    assert date_text("2026-11-29T02:55:00+00:00", "en") == "29 November 2026"
    assert (num(10.0, "sv"), num(2.5, "sv"), num(2.5, "en")) == ("10", "2,5", "2.5")


def test_an_earlier_pdf_is_replaced_but_a_foreign_one_is_refused(eight_options, tmp_path,
                                                                 monkeypatch, capsys):
    from model.present.dashboard import pdf

    @contextmanager
    def fake_browser():
        yield None

    monkeypatch.setattr(pdf, "browser", fake_browser)
    monkeypatch.setattr(pdf, "html_to_pdf", lambda b, text: b"%PDF-1.4\n" + pdf.PDF_MARK)
    out = tmp_path / "brief.html"
    assert simulate.main(["report", str(eight_options), "-o", str(out)]) == 0
    assert simulate.main(["report", str(eight_options), "-o", str(out)]) == 0   # its own
    foreign = tmp_path / "mine.pdf"
    foreign.write_bytes(b"%PDF-1.4 someone else's\n")
    code = simulate.main(["report", str(eight_options), "-o", str(tmp_path / "mine.html")])
    assert code == 2 and "not written by this tool" in capsys.readouterr().err
    assert foreign.read_bytes() == b"%PDF-1.4 someone else's\n"
    assert not (tmp_path / "mine.html").exists()


def test_chart_labels_never_overlap_even_when_the_options_pile_up():
    """21 options, 13 of them within a few thousand kronor and a tenth of a point of
    each other: every label's box (its text and a gap) is clear of every other label
    and of every marker, so '20' beside '21' never reads '2021'."""
    import re

    import numpy as np

    from model.present.dashboard import svgchart as S

    rng = np.random.default_rng(7)
    pts = [S.Point("Bas", 0.22, 0.21, 0.23, (0.0, np.nan, np.nan), (0.0, np.nan, np.nan))]
    for i in range(1, 22):
        tight = i <= 13
        t = 0.20 + (rng.normal(0, 0.001) if tight else rng.uniform(-0.05, 0.1))
        c = (rng.normal(100_000, 3_000) if tight else rng.uniform(-2e6, 3e6))
        pts.append(S.Point(str(i), t, t - 0.01, t + 0.01, (c, c - 1e5, c + 1e5),
                           (c * 0.8, c - 2e5, c + 2e5), warned=i > 16))
    svg = S.cost_turnover_svg(pts, "sv", {"x": "x", "y": "y", "economic": "e",
                                          "budget": "b", "note": ""})
    labels = re.findall(r'<text class="label" x="([-\d.]+)" y="([-\d.]+)"[^>]*>([^<]+)</text>',
                        svg)
    assert sorted(lab for _, _, lab in labels) == sorted(p.label for p in pts)
    boxes = [S.label_box(float(x), float(y), lab) for x, y, lab in labels]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not S._overlap(a, b), (a, b)
    markers = re.findall(r'<circle cx="([-\d.]+)" cy="([-\d.]+)" r="4.5"', svg)
    for cx, cy in markers:
        m = (float(cx) - S.MARKER_R, float(cy) - S.MARKER_R, float(cx) + S.MARKER_R,
             float(cy) + S.MARKER_R)
        assert not any(S._overlap(m, b) for b in boxes)


@pytest.fixture(scope="module")
def main_job_sized(tmp_path_factory):
    """The main job's 21 options against the base, under uncertainty (24 draws, one year:
    small, but every column and the decisive assumptions are there)."""
    from model.config.mainjob import main_files
    out = tmp_path_factory.mktemp("brief21") / "res"
    code = simulate.main(["compare", str(BASELINE), *[str(f) for f in main_files()],
                          "--out", str(out), "--years", "1", "--warmup-years", "0.5",
                          "--uncertainty", "24", "--quiet"])
    assert code == 0
    return out


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_main_job_option_stands_on_page_one_and_no_amount_wraps(
        chromium_path, main_job_sized, tmp_path, lang):
    out = tmp_path / f"brief_{lang}.html"
    pages = _report(main_job_sized, lang, out)
    first = pages[0]
    order = ranking(pd.read_parquet(main_job_sized / "cost_benefit.parquet")).scenario
    assert len(order) == 21
    from model.config.mainjob import main_files
    titles = {f.stem: title(load_scenario(f), lang) for f in main_files()}
    flat = re.sub(r"[\s\u00ad\u2010-]", "", first)     # titles may wrap in their cell
    positions = [flat.index(re.sub(r"[\s-]", "", titles[n])) for n in order]
    assert positions == sorted(positions), [titles[n] for n in order]
    heading = {"sv": "Vad måste vara sant?", "en": "What must be true?"}[lang]
    draws = {"sv": "24 dragningar", "en": "24 draws"}[lang]
    assert heading in first and draws in first
    # a '+1 more' in the warnings is explained where it stands, and the unit is named
    more = {"sv": r"\+\d till", "en": r"\+\d more"}[lang]
    explained = {"sv": "”+n till”: fler varningar", "en": "'+n more': more warnings"}[lang]
    assert bool(re.search(more, first)) == (explained in first)
    assert {"sv": "räkneexempel", "en": "example unit"}[lang] in first
    # no cell of the ranking wraps over four lines at the printed A4 width
    from playwright import sync_api
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path, headless=True,
                              args=["--no-sandbox", "--disable-gpu"])
        page = b.new_page(viewport={"width": 703, "height": 1000})   # 186 mm at 96 dpi
        page.emulate_media(media="print")
        page.goto(out.resolve().as_uri())
        # each cell's own text (not the row's height): the lines its content takes
        lines = page.evaluate("""() => [...document.querySelectorAll('table.pageone td')]
            .map(td => { const r = document.createRange(); r.selectNodeContents(td);
                         const tops = new Set([...r.getClientRects()]
                             .map(q => Math.round(q.top)));
                         return [td.innerText, tops.size]; })""")
        b.close()
    assert lines and max(n for _, n in lines) <= 4, sorted(lines, key=lambda x: -x[1])[:3]


def test_page_one_names_the_two_gravest_warnings_and_counts_the_rest():
    # more investigations past the law's limit first: a '+1 more' must not hide it
    from model.present.dashboard.pageone import short_warning
    flag = "queue_growing;overdue_growing;overdue_share_up;turnover_up;crisis_risk_up"
    assert short_warning(flag, "sv") == "fler över 4 mån., krisrisk upp, +3 till"
    assert short_warning(flag, "en").startswith("more past 4 months, crisis risk up, +3 more")
    assert short_warning("crisis_risk_up;turnover_up;overdue_share_up", "sv").startswith(
        "fler över 4 mån.")
    assert short_warning("queue_growing", "en") == "queue grows"
    assert short_warning("", "sv") == ""


def test_each_column_of_the_detail_table_holds_its_own_measure(eight_options):
    """The detail table on the method page picks the ranking's cells by column name: the
    cost per avoided exit shows the cost (kronor), the crisis risk the share; neither
    shows the other's numbers."""
    from model.present.dashboard import data as D
    from model.present.dashboard.brief import DETAIL_COLUMNS, _decision_table
    from model.present.dashboard.data import load_results
    from model.present.dashboard.i18n import fmt, t
    res = load_results(eight_options)
    titles = {s: res.title(s, "en") for s in res.scenarios}
    table = _decision_table(res, "en", titles)
    heads = re.findall(r"<th>(.*?)</th>", table)
    rows = re.findall(r"<tr data-scenario='([^']+)'[^>]*>(.*?)</tr>", table)
    assert rows
    from model.present.catalogue.numbers import chance
    runs = int(res.manifest.get("replications") or 0)
    measures = {"col_per_exit": ("cost_per_avoided_exit", "tkr"),
                "col_p_crisis": ("p_crisis", "chance")}
    for key, (measure, kind) in measures.items():
        col = 2 + DETAIL_COLUMNS.index(key)
        assert t(key, "en") in heads[col].replace("\u00ad", "")
        for scen, body in rows:
            cell = re.findall(r"<td>(.*?)</td>", body)[col]
            mean = D.measure(res, scen, measure)[0]
            # a chance at the precision of its runs (catalogue.numbers.chance)
            value = (html.escape(chance(mean, runs, "en")) if kind == "chance"
                     else fmt(mean, kind, "en"))
            assert cell.startswith(value), (key, scen, cell, value)


def test_page_one_states_the_size_behind_a_warning_of_a_rise():
    """'more past 4 months' alone hides whether the rise is 0.2 or 20 points: the mean
    change it rests on stands beside it."""
    from model.present.dashboard.pageone import short_warning
    sizes = {"overdue_share_up": 0.0021, "turnover_up": 0.013}
    assert short_warning("overdue_share_up;turnover_up", "sv", sizes) == \
        "fler över 4 mån. (+0,2 pe), omsättning upp (+1,3 pe)"
    assert short_warning("overdue_share_up", "en", sizes) == "more past 4 months (+0.2 pp)"
    assert short_warning("queue_growing", "en", sizes) == "queue grows"


def test_page_one_marks_no_warning_that_rests_on_an_uncertain_condition():
    """6+2 showed 'ingen varning' while the method pages said its queue holds only from a
    productivity gain of 12 % (9-15 %) against the assumed 15 %: page one says so."""
    from pathlib import Path

    import pandas as pd

    from model.present.dashboard.data import Results
    from model.present.dashboard.pageone import w
    from model.present.dashboard.tables import unsure_conditions
    rows = [("sure", 0.05, 0.03, 0.07, 0.15), ("unsure", 0.12, 0.09, 0.16, 0.15),
            ("short", 0.30, 0.29, 0.31, 0.05)]
    table = pd.DataFrame([{"scenario": s, "parameter": "productivity_gain",
                           "metric": "mean_queue", "status": "root", "value": v,
                           "ci_low": lo, "ci_high": hi, "current": c, "holds": c >= v,
                           "low": 0.0, "high": 0.35} for s, v, lo, hi, c in rows])
    res = Results(Path("."), "comparison", {}, {"conditions": table}, ["base"])
    assert unsure_conditions(res) == {"unsure", "short"}
    assert unsure_conditions(Results(Path("."), "comparison", {}, {}, ["base"])) == set()
    assert w("ok_unsure", "sv").startswith("ingen varning, villkor osäkert")
