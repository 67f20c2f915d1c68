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
the compiled function once and call it directly.
"""

from __future__ import annotations

import os

import numba
from numba.core import types
from numba.core.registry import CPUDispatcher as Dispatcher

kernel = numba.njit(cache=True, error_model="numpy", nogil=True)


# SOCIALSTAFF_CHECK_KERNELS=1 (the tests set it in a process of their own): kernels stay
# dispatchers, and every call types its arguments and compares them with the first
# call's (see ``entry``)
CHECK = os.environ.get("SOCIALSTAFF_CHECK_KERNELS") == "1"


class entry:  # noqa: N801 - used as a decorator, like numba's own
    """A kernel called from Python: compiled like ``kernel``; after its first call it
    *becomes* the compiled function (its class's ``__call__`` is numba's entry point),
    so later calls cost no Python frame and no type dispatch.

    That relies on one invariant: every call of a kernel passes arguments of the same
    types (the clock always as a float; arrays, inside named tuples or not, allocated by
    the project with fixed dtypes: staff columns from their declaration, the case book,
    policy effects as float arrays). With ``CHECK`` on, the kernel stays a dispatcher and
    every call types its arguments in full and compares them with the first call's, read-only
    marks aside (``_plain``; ``tests/test_architecture.py`` runs every bundled scenario so).
    """

    def __init__(self, fn):
        # a kernel that other kernels call too can be wrapped as it is
        self.dispatcher = fn if isinstance(fn, Dispatcher) else kernel(fn)
        self.py_func = self.dispatcher.py_func
        self.__doc__ = self.py_func.__doc__
        self.__name__ = self.py_func.__name__
        self.signature = None         # numba types of the first call's arguments
        self._plain = None            # the same, read-only marks dropped (``_plain``)

    def __call__(self, *args):
        sig = tuple(map(self.dispatcher.typeof_pyval, args))
        if self.signature is None:
            out = self.dispatcher(*args)
            self.signature = sig
            self._plain = _plain(sig)
            cres = self.dispatcher.overloads.get(sig)
            if cres is not None and not CHECK:
                self.__class__ = type(f"compiled_{self.__name__}", (entry,),
                                      {"__call__": staticmethod(cres.entry_point)})
            return out
        if sig != self.signature and _plain(sig) != self._plain:
            raise TypeError(f"{self.__name__}: called with {sig}, unlike its first call "
                            f"{self.signature}")
        return self.dispatcher(*args)


def _plain(ty):
    """A type with every array's read-only mark dropped, tuples' members too. With the
    check on, the columns a weekly step may not write are passed read-only
    (``Staff.writable_only``); that is the same call as far as the compiled fast path
    of ``entry`` is concerned, which runs with the check off and never sees them."""
    if isinstance(ty, tuple):
        return tuple(_plain(t) for t in ty)
    if isinstance(ty, types.Array):
        return ty.copy(readonly=False)
    if isinstance(ty, types.BaseNamedTuple):
        return (ty.instance_class, _plain(tuple(ty.types)))
    if isinstance(ty, types.BaseTuple):
        return _plain(tuple(ty.types))
    return ty


def coefficients(cls, **values):
    """A named tuple of float coefficients (every field converted to float, so a whole
    number in a scenario does not make a second compiled version)."""
    return cls(**{k: float(v) for k, v in values.items()})
