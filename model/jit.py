"""The compiler for the weekly inner loops, configured in one place.

The weekly passes over workers and cases are small loops that numpy would split into
dozens of ~1 µs calls each; numba compiles them to machine code instead. Settings:

* ``cache=True``: the machine code is kept in ``__pycache__`` so only the first run on
  a machine compiles (a few seconds);
* ``error_model="numpy"``: division by zero gives inf/nan as in numpy, no exception;
* no ``fastmath``: floating-point operations stay in the written order, so results are
  reproducible and match the numpy formulas they replace.

Kernels take their inputs as named tuples defined beside them (the staff columns they
read and write, the week's policy effects, their coefficients), so a kernel reads like
its equations and no argument is matched by position. numba's generic dispatch types
every member of a tuple on each call (several µs for a tuple of a dozen arrays, called
thousands of times a replication); ``entry`` kernels, the ones Python calls, look up
the compiled function once per combination of argument types and call it directly.
"""

from __future__ import annotations

import numba
from numba.core.registry import CPUDispatcher as Dispatcher

kernel = numba.njit(cache=True, error_model="numpy", nogil=True)


# Set by the tests: every call also types its arguments in full and compares them with
# the compiled version's signature (see ``entry``).
CHECK = False


class entry:  # noqa: N801 - used as a decorator, like numba's own
    """A kernel called from Python: compiled like ``kernel``; after the first call with a
    given combination of argument types, later calls go straight to the compiled
    function.

    The lookup is by the arguments' Python types. Arrays, inside named tuples or not,
    are always allocated by the project with fixed dtypes (staff columns from their
    declaration, the case book, policy effects as float arrays), so their Python type
    decides the compiled version; with ``CHECK`` on, every call verifies that in full
    (``tests/test_architecture.py`` runs every bundled scenario so).
    """

    def __init__(self, fn):
        # a kernel that other kernels call too can be wrapped as it is
        self.dispatcher = fn if isinstance(fn, Dispatcher) else kernel(fn)
        self.py_func = self.dispatcher.py_func
        self.__doc__ = self.py_func.__doc__
        self.__name__ = self.py_func.__name__
        self._compiled: dict = {}
        self._signatures: dict = {}

    def __call__(self, *args):
        key = tuple(map(type, args))
        fn = self._compiled.get(key)
        if fn is not None and not CHECK:
            return fn(*args)
        sig = tuple(map(self.dispatcher.typeof_pyval, args))
        if fn is not None:
            if sig != self._signatures[key]:
                raise TypeError(f"{self.__name__}: arguments {sig} differ from the "
                                f"compiled {self._signatures[key]} of the same Python types")
            return fn(*args)
        out = self.dispatcher(*args)
        cres = self.dispatcher.overloads.get(sig)
        if cres is not None:
            self._compiled[key] = cres.entry_point
            self._signatures[key] = sig
        return out


def coefficients(cls, **values):
    """A named tuple of float coefficients (every field converted to float, so a whole
    number in a scenario does not make a second compiled version)."""
    return cls(**{k: float(v) for k, v in values.items()})
