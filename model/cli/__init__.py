"""The command line: parse, call the library, print.

common.py   What every command shares: defaults, exit codes, argument types and option
parser.py   The command line's parser: every command, its arguments and options.
runs.py     run, compare (and the main job) and breakeven: replications and their results.
reports.py  dashboard, report and export: pages, briefs and workbooks of a result.
sweeps.py   sweep and collect: parameter sweeps, resumable, and their collection.
units.py    A unit's own files: calibrate, import-hr, validate and schema.
app.py      app: the live what-if app for committee meetings.
"""
