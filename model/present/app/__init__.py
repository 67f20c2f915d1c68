"""The live what-if app for committee meetings (``python simulate.py app``).

levers.py   the adjustable parameters and the scenarios they make (schema-validated)
runner.py   the worker processes: cached, common-random-number replications in stages
results.py  the answer: comparison and cost-benefit tables, the dashboard's figures
options.py  the options tried: list, scenario files, Excel export
state.py    what the app holds; the browser's values into a validated what-if
layout.py   the page; callbacks.py its behaviour; server.py builds and serves it
guard.py    requests only from the app's own address and origin
i18n.py     Swedish and English texts
"""
