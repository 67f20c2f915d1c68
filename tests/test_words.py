"""Every word said once: the catalogue (``model/present/catalogue``) holds the metrics,
the parameters' Swedish names beside the schema and the interface sentences, and the
screens look words up there by key.

The check on the rest of the code is a ratchet while the remaining word tables move into
the catalogue: ``NOT_YET_MIGRATED`` lists each file that still holds ``{"sv": ..., "en":
...}`` literals or ``lang == "sv"`` branches, with its current counts. The test fails
when a count rises or a file not listed gains one; when a file's count falls, lower its
entry (and drop the file when it reaches zero)."""

from __future__ import annotations

import ast
import re
import string
from collections import defaultdict
from pathlib import Path

from conftest import ROOT
from model.present.catalogue import METRICS, Text
from model.present.catalogue.sentences import SENTENCES
from model.sim.metrics import SUMMARY_KPIS

MODEL = ROOT / "model"
CATALOGUE = MODEL / "present" / "catalogue"

# file -> ({"sv": ...} literals, branches on the language): the files still to migrate
NOT_YET_MIGRATED = {
    "model/cli/reports.py": (1, 1),
    "model/cli/runs.py": (0, 2),
    "model/config/hrimport.py": (2, 0),
    "model/config/measures.py": (1, 2),
    "model/present/app/brief.py": (1, 0),
    "model/present/app/state.py": (0, 1),
    "model/present/breakeven_text.py": (0, 2),
    "model/present/dashboard/brief.py": (1, 3),
    "model/present/dashboard/labels.py": (0, 1),
    "model/present/dashboard/stress.py": (0, 2),
    "model/present/dashboard/style.py": (1, 0),
    "model/present/dashboard/sweepfigs.py": (0, 1),
    "model/present/texts.py": (0, 1),
}


def _files():
    for path in sorted(MODEL.rglob("*.py")):
        if CATALOGUE not in path.parents:
            yield path, ast.parse(path.read_text(encoding="utf-8"))


def _language_dicts(tree):
    """The dict literals with a ``"sv"`` key."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict) and any(
                isinstance(k, ast.Constant) and k.value == "sv" for k in node.keys):
            yield node


def _language_branches(tree):
    """Comparisons of something with ``"sv"`` or ``"en"`` (``lang == "sv"``)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare) and any(
                isinstance(op, (ast.Eq, ast.NotEq)) for op in node.ops) and any(
                isinstance(c, ast.Constant) and c.value in ("sv", "en")
                for c in (node.left, *node.comparators)):
            yield node


def test_no_word_table_outside_the_catalogue_grows():
    risen = []
    for path, tree in _files():
        name = path.relative_to(ROOT).as_posix()
        counts = (len(list(_language_dicts(tree))), len(list(_language_branches(tree))))
        allowed = NOT_YET_MIGRATED.get(name, (0, 0))
        if counts[0] > allowed[0] or counts[1] > allowed[1]:
            risen.append(f"{name}: {counts} ({{sv, en}} literals, language branches), "
                         f"allowed {allowed}")
    assert not risen, ("words belong in model/present/catalogue; look them up by key:\n"
                       + "\n".join(risen))


def _pairs():
    """Every (English, Swedish) pair the code holds: the catalogue's and the literals
    not yet migrated."""
    for m in METRICS:
        yield m.label.en, m.label.sv
        yield m.help.en, m.help.sv
    for text in SENTENCES.values():
        yield text.en, text.sv
    for _, tree in _files():
        for node in _language_dicts(tree):
            keys = {k.value: v for k, v in zip(node.keys, node.values)
                    if isinstance(k, ast.Constant)}
            try:
                yield ast.literal_eval(keys["en"]), ast.literal_eval(keys["sv"])
            except (KeyError, ValueError):
                continue                         # a text built at run time


def test_each_english_text_has_one_swedish_translation():
    swedish = defaultdict(set)
    for en, sv in _pairs():
        if isinstance(en, str) and isinstance(sv, str):
            swedish[en].add(sv)
    twice = {en: sorted(sv) for en, sv in swedish.items() if len(sv) > 1}
    assert not twice, twice


def test_metrics_are_the_summary_columns_declared_once():
    names = [m.name for m in METRICS]
    assert len(names) == len(set(names))
    assert set(names) <= set(SUMMARY_KPIS)
    labels = {lang: [m.label[lang] for m in METRICS] for lang in ("sv", "en")}
    for lang, seen in labels.items():
        assert len(seen) == len(set(seen)), lang
    for m in METRICS:
        assert m.kind in ("pct", "sek", "int", "num", "num1"), m.name
        assert m.bounded == (m.kind == "pct"), m.name
        assert all(m.label[lang] and m.help[lang] for lang in ("sv", "en")), m.name


# the screens whose sentences the table holds (the first part of an id)
SCREENS = ("app", "cli", "breakeven", "conditions", "dashboard", "brief", "cards",
           "sensitivity", "costs", "decision", "pageone")

# placeholders the English fills with a text of the experiment layer that the Swedish
# translates in place (the ranking rule, model.experiment.costbenefit.RANKING_RULE)
FILLED_IN_SWEDISH = {"dashboard.ranking_rule": {"rule"}}


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_sentences_have_both_languages_and_the_same_placeholders():
    for key, text in SENTENCES.items():
        assert isinstance(text, Text) and text.sv.strip() and text.en.strip(), key
        assert _fields(text.sv) | FILLED_IN_SWEDISH.get(key, set()) == _fields(text.en), key
        assert re.fullmatch(rf"({'|'.join(SCREENS)})\.[A-Za-z0-9_]+", key), key


# the functions by which each screen asks for its sentences: file (under model/present) ->
# (function name -> prefix of the sentence ids)
ASKERS = {"app": {"tr": "app", "span": "app"}, "console.py": {"say": "cli"},
          "breakeven_text.py": {"_w": "breakeven"}, "conditions.py": {"w": "conditions"},
          "dashboard/brief.py": {"w": "brief"}}


# ids a screen asks for under a name it builds: the parameter a conditions table searched
# (its ``parameter`` column); the dashboard page carries all its sentences to the browser
# (and builds names such as ``"cat_" + category``), the cost cards are named by their key
# and the sensitivity indices by the analysis' table, so none of them is stray
BY_DATA = {"conditions.productivity_gain", "conditions.redesign_share"}
WHOLE_SCREENS = ("dashboard.", "cards.", "sensitivity.")


def _asked_for() -> tuple[set[str], str]:
    """The sentence ids a screen asks for by a literal (``tr("x", ...)``, ``span("x")``,
    ``say("x", ...)``, ``_w("x", ...)``), and the whole presentation's source, to find
    ids asked for otherwise."""
    source = "\n".join(p.read_text(encoding="utf-8")
                       for p in sorted((MODEL / "present").rglob("*.py"))
                       if CATALOGUE not in p.parents)
    asked = set()
    for path, tree in _files():
        screens = (ASKERS.get(f"{path.parent.name}/{path.name}") or ASKERS.get(path.name)
                   or ASKERS.get(path.parent.name) or {})
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in screens and node.args
                    and isinstance(node.args[0], ast.Constant)):
                asked.add(f"{screens[node.func.id]}.{node.args[0].value}")
    return asked, source


def test_no_sentence_is_missing_or_stray():
    asked, source = _asked_for()
    assert not asked - set(SENTENCES), sorted(asked - set(SENTENCES))
    ids = {key: key.split(".", 1)[1] for key in SENTENCES}
    stray = [key for key, id_ in ids.items()
             if key not in BY_DATA and not key.startswith(WHOLE_SCREENS)
             and f'"{id_}"' not in source and f"'{id_}'" not in source]
    assert not stray, stray


def test_the_catalogue_is_where_the_words_are():
    assert (CATALOGUE / "metrics.py").is_file() and (CATALOGUE / "parameters.py").is_file()
    assert Path(CATALOGUE / "sentences" / "__init__.py").is_file()
