"""Workforce-stability simulation for Swedish social services (SimPy)."""

__version__ = "0.1.0"
