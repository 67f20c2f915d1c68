"""Named random streams per replication.

Each replication has one ``numpy.random.SeedSequence`` built from the root seed and
the replication number. Every stochastic process draws from its own child stream,
keyed by a stable name (CRC-32 of the name), not by creation order: adding a stream
never shifts the others, and replication *i* gets the same streams in every scenario
(common random numbers by construction).

Draws that happen one at a time inside the simulation go through :class:`Stream`,
which serves numpy blocks as Python floats (a numpy scalar draw costs several times
a ``random.random()`` call).
"""

from __future__ import annotations

import zlib

import numpy as np

BLOCK = 4096


def stream_key(name: str) -> int:
    """Stable 32-bit key of a stream name."""
    return zlib.crc32(name.encode("utf-8"))


def seed_sequence(seed: int, replication: int, name: str) -> np.random.SeedSequence:
    return np.random.SeedSequence(entropy=seed, spawn_key=(replication, stream_key(name)))


class Stream:
    """One named stream: a numpy Generator plus buffered scalar draws."""

    __slots__ = ("name", "gen", "_u", "_ui", "_e", "_ei", "_n", "_ni")

    def __init__(self, seed: int, replication: int, name: str):
        self.name = name
        self.gen = np.random.Generator(np.random.PCG64(seed_sequence(seed, replication, name)))
        self._u: list[float] = []
        self._ui = 0
        self._e: list[float] = []
        self._ei = 0
        self._n: list[float] = []
        self._ni = 0

    def random(self) -> float:
        """One U(0, 1) draw."""
        if self._ui == len(self._u):
            self._u = self.gen.random(BLOCK).tolist()
            self._ui = 0
        self._ui += 1
        return self._u[self._ui - 1]

    def exponential(self, mean: float) -> float:
        if self._ei == len(self._e):
            self._e = self.gen.standard_exponential(BLOCK).tolist()
            self._ei = 0
        self._ei += 1
        return mean * self._e[self._ei - 1]

    def normal(self) -> float:
        if self._ni == len(self._n):
            self._n = self.gen.standard_normal(BLOCK).tolist()
            self._ni = 0
        self._ni += 1
        return self._n[self._ni - 1]


class Streams:
    """The named streams of one replication, created on first use."""

    def __init__(self, seed: int, replication: int):
        self.seed = seed
        self.replication = replication
        self._streams: dict[str, Stream] = {}

    def __getitem__(self, name: str) -> Stream:
        s = self._streams.get(name)
        if s is None:
            s = self._streams[name] = Stream(self.seed, self.replication, name)
        return s
