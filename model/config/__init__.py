"""Scenario files and a municipality's HR files into a validated scenario,
and what can be said of a scenario before it runs.
"""
