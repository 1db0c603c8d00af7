"""Phase timers as persisted state: pure transitions, no ticking.

A :class:`Timer` is a frozen value that stores *instants*, not a countdown:
the planned ``duration``, the seconds ``added`` on the way, the seconds
``elapsed_before`` the current run, and ``started_at`` (the wall-clock instant
the current run began, or ``None`` when not running). Every transition takes
``now`` from a :class:`~cocrea_desktop.core.clock.Clock` and returns a new
timer; nothing here sleeps or counts. So after a crash the program reloads the
stored dict and ``remaining(clock.now())`` is right at once, with the time the
program was down counted as running time (the room kept talking).

States (:class:`TimerState`): ``idle`` (never started or reset), ``running``,
``paused``, ``warning`` (running with :data:`WARNING_SECONDS` or less left) and
``expired`` (running at or past zero; ``remaining`` goes negative = overrun).
The GUI only ticks a QTimer to repaint, reading ``remaining(now)``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from enum import Enum
from typing import Any

from cocrea_desktop.core.errors import InvalidInput, RuleViolation
from cocrea_desktop.i18n import _

#: Seconds left at which a running timer turns to ``warning`` (methods.md: 1 minute).
WARNING_SECONDS = 60.0

_DICT_VERSION = 1


class TimerState(str, Enum):
    IDLE = "idle"
    RUNNING = "running"
    PAUSED = "paused"
    WARNING = "warning"
    EXPIRED = "expired"


@dataclass(frozen=True)
class Timer:
    """A countdown stored as instants; see the module docstring."""

    duration: float
    added: float = 0.0
    elapsed_before: float = 0.0
    started_at: float | None = None
    paused: bool = False
    pauses: int = 0

    def __post_init__(self) -> None:
        if self.duration < 0 or self.added < 0 or self.elapsed_before < 0 or self.pauses < 0:
            raise InvalidInput(_("Un temporizador no puede tener tiempos negativos."))
        if self.paused and self.started_at is not None:
            raise InvalidInput(_("Un temporizador no puede estar en pausa y corriendo a la vez."))

    @classmethod
    def of_minutes(cls, minutes: float) -> Timer:
        if minutes < 0:
            raise InvalidInput(_("La duración no puede ser negativa."))
        return cls(duration=minutes * 60.0)

    # -- queries ---------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.started_at is not None

    @property
    def total(self) -> float:
        """The planned time plus what was added."""
        return self.duration + self.added

    def elapsed(self, now: float) -> float:
        """Seconds run so far; a clock set back never makes a run count negative."""
        if self.started_at is None:
            return self.elapsed_before
        return self.elapsed_before + max(0.0, now - self.started_at)

    def remaining(self, now: float) -> float:
        """Seconds left; negative once past zero (the overrun)."""
        return self.total - self.elapsed(now)

    def overrun(self, now: float) -> float:
        return max(0.0, -self.remaining(now))

    def state(self, now: float) -> TimerState:
        if self.paused:
            return TimerState.PAUSED
        if self.started_at is None:
            return TimerState.IDLE
        left = self.remaining(now)
        if left <= 0:
            return TimerState.EXPIRED
        if left <= WARNING_SECONDS:
            return TimerState.WARNING
        return TimerState.RUNNING

    # -- transitions -----------------------------------------------------------------------

    def start(self, now: float) -> Timer:
        if self.running:
            raise RuleViolation(_("El temporizador ya está corriendo."))
        if self.paused:
            raise RuleViolation(_("El temporizador está en pausa: hay que reanudarlo."))
        return replace(self, started_at=now, elapsed_before=0.0)

    def pause(self, now: float) -> Timer:
        if not self.running:
            raise RuleViolation(_("El temporizador no está corriendo."))
        return replace(
            self, started_at=None, elapsed_before=self.elapsed(now), paused=True,
            pauses=self.pauses + 1,
        )

    def resume(self, now: float) -> Timer:
        if not self.paused:
            raise RuleViolation(_("El temporizador no está en pausa."))
        return replace(self, started_at=now, paused=False)

    def add_seconds(self, seconds: float) -> Timer:
        """Lengthen the timer in any state (also while expired: it counts down again)."""
        if seconds <= 0:
            raise InvalidInput(_("El tiempo que se agrega debe ser mayor que cero."))
        return replace(self, added=self.added + seconds)

    def add_minutes(self, minutes: float = 1.0) -> Timer:
        return self.add_seconds(minutes * 60.0)

    def reset(self) -> Timer:
        """Back to idle with the planned duration; added time and pauses are dropped."""
        return Timer(duration=self.duration)

    # -- storage ---------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; :meth:`from_dict` reads it back exactly."""
        return {
            "version": _DICT_VERSION,
            "duration": self.duration,
            "added": self.added,
            "elapsed_before": self.elapsed_before,
            "started_at": self.started_at,
            "paused": self.paused,
            "pauses": self.pauses,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Timer:
        bad = InvalidInput(_("Los datos guardados del temporizador no son válidos."))
        if not isinstance(data, dict) or data.get("version") != _DICT_VERSION:
            raise bad
        try:
            numbers = {k: data[k] for k in ("duration", "added", "elapsed_before")}
            started_at = data["started_at"]
            paused = data["paused"]
            pauses = data.get("pauses", 0)
        except KeyError:
            raise bad from None
        values = [*numbers.values(), *([] if started_at is None else [started_at])]
        if any(isinstance(v, bool) or not isinstance(v, (int, float)) for v in values):
            raise bad
        if not isinstance(paused, bool) or isinstance(pauses, bool) or not isinstance(pauses, int):
            raise bad
        return cls(
            duration=float(numbers["duration"]),
            added=float(numbers["added"]),
            elapsed_before=float(numbers["elapsed_before"]),
            started_at=None if started_at is None else float(started_at),
            paused=paused,
            pauses=pauses,
        )


def format_remaining(seconds: float) -> str:
    """10:00, 00:59, 00:00, and "−01:05" for an overrun."""
    if seconds >= 0:
        whole = int(math.ceil(seconds - 1e-6))
        sign = ""
    else:
        whole = int(math.floor(-seconds + 1e-6))
        sign = "−" if whole else ""
    return f"{sign}{whole // 60:02d}:{whole % 60:02d}"
