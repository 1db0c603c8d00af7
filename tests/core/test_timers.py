"""Timers: pure transitions read against a FakeClock; state survives a crash via to_dict."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cocrea_desktop.core.clock import Clock, FakeClock, SystemClock
from cocrea_desktop.core.errors import InvalidInput, RuleViolation
from cocrea_desktop.core.timers import WARNING_SECONDS, Timer, TimerState


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(1_000.0)


def test_clocks_satisfy_the_protocol() -> None:
    assert isinstance(SystemClock(), Clock)
    assert isinstance(FakeClock(), Clock)
    fake = FakeClock(5.0)
    assert fake.advance(2.5) == 7.5 == fake.now()
    fake.set(1.0)
    assert fake.now() == 1.0
    import time

    assert abs(SystemClock().now() - time.time()) < 5


def test_idle_timer(clock: FakeClock) -> None:
    timer = Timer.of_minutes(10)
    assert timer.duration == 600
    assert timer.state(clock.now()) is TimerState.IDLE
    clock.advance(100)
    assert timer.remaining(clock.now()) == 600
    assert timer.elapsed(clock.now()) == 0


def test_run_warning_expiry_and_overrun(clock: FakeClock) -> None:
    timer = Timer.of_minutes(2).start(clock.now())
    assert timer.state(clock.now()) is TimerState.RUNNING
    clock.advance(59)
    assert timer.remaining(clock.now()) == 61
    assert timer.state(clock.now()) is TimerState.RUNNING
    clock.advance(1)
    assert timer.remaining(clock.now()) == WARNING_SECONDS == 60
    assert timer.state(clock.now()) is TimerState.WARNING
    clock.advance(60)
    assert timer.remaining(clock.now()) == 0
    assert timer.state(clock.now()) is TimerState.EXPIRED
    clock.advance(45)
    assert timer.remaining(clock.now()) == -45
    assert timer.overrun(clock.now()) == 45
    assert timer.state(clock.now()) is TimerState.EXPIRED


def test_pause_and_resume_stop_the_count(clock: FakeClock) -> None:
    timer = Timer(duration=300).start(clock.now())
    clock.advance(100)
    timer = timer.pause(clock.now())
    assert timer.state(clock.now()) is TimerState.PAUSED
    assert timer.pauses == 1
    clock.advance(1_000)  # a long pause costs nothing
    assert timer.remaining(clock.now()) == 200
    timer = timer.resume(clock.now())
    clock.advance(50)
    assert timer.remaining(clock.now()) == 150
    assert timer.state(clock.now()) is TimerState.RUNNING
    timer = timer.pause(clock.now()).resume(clock.now())
    assert timer.pauses == 2
    assert timer.remaining(clock.now()) == 150


def test_paused_after_expiry_stays_paused(clock: FakeClock) -> None:
    timer = Timer(duration=10).start(clock.now())
    clock.advance(20)
    timer = timer.pause(clock.now())
    assert timer.state(clock.now()) is TimerState.PAUSED
    assert timer.remaining(clock.now()) == -10


def test_add_minute_in_each_state(clock: FakeClock) -> None:
    idle = Timer(duration=60).add_minutes()
    assert idle.remaining(clock.now()) == 120
    running = Timer(duration=60).start(clock.now())
    clock.advance(70)
    assert running.state(clock.now()) is TimerState.EXPIRED
    running = running.add_minutes()
    assert running.remaining(clock.now()) == 50
    assert running.state(clock.now()) is TimerState.WARNING
    running = running.add_seconds(30).add_minutes(2)
    assert running.added == 60 + 30 + 120
    assert running.remaining(clock.now()) == 200
    assert running.state(clock.now()) is TimerState.RUNNING
    paused = running.pause(clock.now()).add_minutes(1)
    assert paused.remaining(clock.now()) == 260


def test_reset_returns_to_idle_with_the_planned_duration(clock: FakeClock) -> None:
    timer = Timer(duration=300).add_minutes(2).start(clock.now())
    clock.advance(100)
    timer = timer.pause(clock.now()).reset()
    assert timer == Timer(duration=300)
    assert timer.state(clock.now()) is TimerState.IDLE
    timer = timer.start(clock.now())
    clock.advance(10)
    assert timer.remaining(clock.now()) == 290


@pytest.mark.parametrize(
    ("prepare", "action", "message"),
    [
        (lambda t, now: t.start(now), lambda t, now: t.start(now), "ya está corriendo"),
        (lambda t, now: t.start(now).pause(now), lambda t, now: t.start(now), "reanudarlo"),
        (lambda t, now: t, lambda t, now: t.pause(now), "no está corriendo"),
        (lambda t, now: t.start(now).pause(now).resume(now), lambda t, now: t.pause(now)
         .pause(now), "no está corriendo"),
        (lambda t, now: t, lambda t, now: t.resume(now), "no está en pausa"),
        (lambda t, now: t.start(now), lambda t, now: t.resume(now), "no está en pausa"),
    ],
)
def test_invalid_transitions_are_refused_with_a_message(prepare, action, message) -> None:
    timer = prepare(Timer(duration=60), 0.0)
    with pytest.raises(RuleViolation, match=message):
        action(timer, 1.0)


def test_invalid_values_are_refused() -> None:
    with pytest.raises(InvalidInput):
        Timer(duration=-1)
    with pytest.raises(InvalidInput):
        Timer.of_minutes(-1)
    with pytest.raises(InvalidInput):
        Timer(duration=60, started_at=5.0, paused=True)
    with pytest.raises(InvalidInput, match="mayor que cero"):
        Timer(duration=60).add_seconds(0)
    with pytest.raises(InvalidInput):
        Timer(duration=60).add_minutes(-1)


def test_clock_set_back_never_adds_time(clock: FakeClock) -> None:
    timer = Timer(duration=100).start(clock.now())
    clock.advance(-30)  # someone fixed the laptop's clock
    assert timer.remaining(clock.now()) == 100
    clock.advance(40)
    assert timer.remaining(clock.now()) == 90


def test_crash_recovery_from_stored_instants(clock: FakeClock) -> None:
    timer = Timer.of_minutes(10).start(clock.now())
    clock.advance(120)
    timer = timer.pause(clock.now())
    clock.advance(30)
    timer = timer.resume(clock.now()).add_minutes(1)
    stored = json.dumps(timer.to_dict())
    # The program dies here; it comes back 200 s later with only the stored JSON.
    clock.advance(200)
    reloaded = Timer.from_dict(json.loads(stored))
    assert reloaded == timer
    assert reloaded.remaining(clock.now()) == 600 + 60 - 120 - 200
    assert reloaded.state(clock.now()) is TimerState.RUNNING


@pytest.mark.parametrize(
    "data",
    [
        None,
        {},
        {"version": 2, "duration": 1, "added": 0, "elapsed_before": 0, "started_at": None,
         "paused": False},
        {"version": 1, "duration": "10", "added": 0, "elapsed_before": 0, "started_at": None,
         "paused": False},
        {"version": 1, "duration": 10, "added": 0, "elapsed_before": 0, "started_at": True,
         "paused": False},
        {"version": 1, "duration": 10, "added": 0, "elapsed_before": 0, "started_at": None,
         "paused": "no"},
        {"version": 1, "duration": 10, "added": 0, "elapsed_before": 0, "paused": False},
        {"version": 1, "duration": -10, "added": 0, "elapsed_before": 0, "started_at": None,
         "paused": False},
    ],
)
def test_from_dict_refuses_damaged_data(data) -> None:
    with pytest.raises(InvalidInput):
        Timer.from_dict(data)


_OPS = st.lists(
    st.tuples(st.sampled_from(["start", "pause", "resume", "add", "reset", "wait"]),
              st.integers(0, 400)),
    max_size=30,
)


@settings(max_examples=200, deadline=None)
@given(duration=st.integers(0, 1_200), ops=_OPS)
def test_timer_matches_a_simple_model(duration: int, ops: list[tuple[str, int]]) -> None:
    """A second-by-second model of the countdown agrees with the stored-instant timer."""
    clock = FakeClock(0.0)
    timer = Timer(duration=duration)
    model_running, model_paused, model_elapsed, model_added = False, False, 0, 0
    for op, amount in ops:
        now = clock.now()
        if op == "wait":
            clock.advance(amount)
            if model_running:
                model_elapsed += amount
        elif op == "start" and not model_running and not model_paused:
            timer, model_running = timer.start(now), True
        elif op == "pause" and model_running:
            timer, model_running, model_paused = timer.pause(now), False, True
        elif op == "resume" and model_paused:
            timer, model_running, model_paused = timer.resume(now), True, False
        elif op == "add" and amount > 0:
            timer, model_added = timer.add_seconds(amount), model_added + amount
        elif op == "reset":
            timer = timer.reset()
            model_running, model_paused, model_elapsed, model_added = False, False, 0, 0
        now = clock.now()
        left = duration + model_added - model_elapsed
        assert timer.remaining(now) == left
        if model_paused:
            expected = TimerState.PAUSED
        elif not model_running:
            expected = TimerState.IDLE
        elif left <= 0:
            expected = TimerState.EXPIRED
        elif left <= 60:
            expected = TimerState.WARNING
        else:
            expected = TimerState.RUNNING
        assert timer.state(now) is expected
        assert Timer.from_dict(json.loads(json.dumps(timer.to_dict()))) == timer
