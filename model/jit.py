"""The compiler for the weekly inner loops, configured in one place.

The weekly passes over workers and cases are small loops that numpy would split into
dozens of ~1 µs calls each; numba compiles them to machine code instead. Settings:

* ``cache=True``: the machine code is kept in ``__pycache__`` so only the first run on
  a machine compiles (a few seconds);
* ``error_model="numpy"``: division by zero gives inf/nan as in numpy, no exception;
* no ``fastmath``: floating-point operations stay in the written order, so results are
  reproducible and match the numpy formulas they replace.
"""

from __future__ import annotations

import numba

kernel = numba.njit(cache=True, error_model="numpy", nogil=True)
