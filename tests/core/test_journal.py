"""The hash chain: any change, removal or reordering of an entry is detected."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cocrea_desktop.core.journal import GENESIS, entry_hash, verify_chain


def make_chain(n: int) -> list[dict]:
    entries, prev = [], GENESIS
    for seq in range(1, n + 1):
        entry = {"seq": seq, "at": f"2027-02-06T10:{seq % 60:02d}:00.000Z", "device_id": "d1",
                 "txn": f"t{seq}", "action": "session.update", "object_type": "session",
                 "object_id": f"s{seq % 3}", "before": {"place": "a"}, "after": {"place": "b"}}
        entry["prev_hash"] = prev
        entry["hash"] = prev = entry_hash(prev, entry)
        entries.append(entry)
    return entries


def test_a_good_chain_verifies():
    report = verify_chain(make_chain(20))
    assert report.ok and report.count == 20


def test_empty_chain_is_fine():
    assert verify_chain([]).ok


@settings(max_examples=200)
@given(st.integers(1, 12), st.integers(0, 11),
       st.sampled_from(["at", "device_id", "action", "object_id", "before", "after"]),
       st.text(min_size=1, max_size=5))
def test_any_changed_field_is_detected(n, which, field, junk):
    chain = make_chain(n)
    target = chain[which % n]
    target[field] = {"x": junk} if field in ("before", "after") else str(target[field]) + junk
    report = verify_chain(chain)
    assert not report.ok and report.bad_seq == target["seq"]


def test_removed_or_swapped_entries_are_detected():
    chain = make_chain(5)
    assert not verify_chain(chain[:2] + chain[3:]).ok
    assert not verify_chain([chain[1], chain[0]] + chain[2:]).ok
