"""Dashboards and the committee brief, built only from result tables on disk.

Nothing here runs the model: ``load_results`` reads a result directory written by
``run``, ``compare`` or ``sweep`` and the builders turn its tables into one
self-contained HTML file (plotly.js embedded) or a printable brief.
"""
