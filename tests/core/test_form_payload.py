"""The comment form's QR payload: what it encodes, that it fits a small code, and that a
changed, foreign or ballot code is refused with a Spanish message."""

from __future__ import annotations

import pytest

from cocrea_desktop.core import form_payload as fp
from cocrea_desktop.core.voting import payload as qr

SECRET = bytes(range(32))


def make(commitment="3", serial=None):
    serial = serial or qr.make_serial(482157)
    return fp.encode_form_payload(process_id="7KQ2", consultation_id="M3XA",
                                  commitment=commitment, serial=serial, secret=SECRET)


def test_round_trip_and_size():
    text = make("A-3")
    assert text.startswith("CF1 7KQ2 M3XA A3 4821571 ")
    assert qr.check_payload_fits(text) <= 3
    got = fp.verify_form_payload(text.lower() + "\n", SECRET, process_id="7KQ2")
    assert got == fp.FormPayload("7KQ2", "M3XA", "A3", "4821571")
    assert fp.read_form_entry(text, SECRET) == "4821571"
    assert fp.read_form_entry("482-1571", SECRET) == "4821571"
    assert make("").split()[3] == fp.NO_COMMITMENT


@pytest.mark.parametrize("position", range(0, 25))
def test_any_changed_character_is_refused(position):
    text = make()
    if text[position] == " ":
        return
    swapped = "7" if text[position] != "7" else "8"
    with pytest.raises(fp.NotAForm):
        fp.verify_form_payload(text[:position] + swapped + text[position + 1:], SECRET)


def test_other_process_and_ballots_are_refused():
    with pytest.raises(fp.NotAForm, match="otro proceso"):
        fp.verify_form_payload(make(), bytes(32))
    with pytest.raises(fp.NotAForm, match="otro proceso"):
        fp.verify_form_payload(make(), SECRET, process_id="ZZZZ")
    ballot = qr.encode_ballot_payload(process_id="7KQ2", session_id="M3XA", round="P",
                                      serial=qr.make_serial(1), secret=SECRET)
    with pytest.raises(fp.NotAForm, match="no es un formato"):
        fp.verify_form_payload(ballot, SECRET)
    with pytest.raises(qr.InvalidSerial):
        fp.read_form_entry("482-1572", SECRET)  # the check digit catches a typo
