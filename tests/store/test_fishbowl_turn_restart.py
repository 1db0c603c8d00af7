"""FishbowlStore.start_turn recovers from a crash between its two writes."""

from __future__ import annotations

import pytest

QUESTION = "¿Cómo repartimos el agua del pozo?"


def test_start_turn_after_a_crash_between_its_two_writes(repo):
    """The timer started but the turn row was not written: starting again works."""
    sid, _c = repo.add_session(method="fishbowl", question=QUESTION)
    group, _c = repo.fishbowl.add_group(sid, "Ejidatarios", size=4)
    repo.fishbowl.add_group(sid, "Mujeres", size=4)
    repo.fishbowl.draw_order(sid, shuffle=lambda items: None)
    repo.phases.go_to(sid, "turns")
    repo.phases.start_timer(sid, "turns", 10, slot=group.id)  # the first write only
    repo.pf.clock.advance(30)
    repo.fishbowl.start_turn(sid, group.id)
    assert repo.fishbowl.current_turn(sid).running
    assert repo.phases.remaining(sid, "turns", slot=group.id) == pytest.approx(570)
