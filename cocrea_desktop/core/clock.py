"""The injectable clock every timer reads.

Time is wall time in seconds since the Unix epoch (UTC), a float: a stored
instant still means the same moment after a crash or a restart, which a
monotonic clock cannot promise. Tests use :class:`FakeClock` and move it by hand.
"""

from __future__ import annotations

import time
from typing import Protocol, runtime_checkable


@runtime_checkable
class Clock(Protocol):
    """Anything that tells the time."""

    def now(self) -> float:
        """Seconds since the Unix epoch (UTC)."""
        ...


class SystemClock:
    """The computer's clock (``time.time()``)."""

    def now(self) -> float:
        return time.time()


class FakeClock:
    """A clock that only moves when told to; for tests and demos."""

    def __init__(self, start: float = 1_800_000_000.0) -> None:
        self._now = float(start)

    def now(self) -> float:
        return self._now

    def advance(self, seconds: float) -> float:
        """Move the clock by ``seconds`` (negative moves it back, as a user may do); return now."""
        self._now += seconds
        return self._now

    def set(self, instant: float) -> None:
        self._now = float(instant)
