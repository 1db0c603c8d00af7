"""docs/ballot-qr.md: every single-character change of a payload fails, except letter case;
Crockford aliases (I, L for 1; O for 0) are never read into a MAC or an id."""

from __future__ import annotations

import pytest

from cocrea_desktop.core.voting import payload as qr

SECRET = bytes(range(32))
VECTOR = "CC1 7KQ2 M3XA P 4821571 BGVTDQCSQEJ4B"
ALIASES = "IiLlOoUuſıK"  # Crockford aliases, lower case, and letters that upper-case to ASCII
CANDIDATES = sorted(set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                        " $%*+-./:" + ALIASES))


def test_the_vector_verifies():
    assert qr.verify_ballot_payload(VECTOR, SECRET).serial == "4821571"


@pytest.mark.parametrize("position", range(len(VECTOR)))
def test_every_single_character_change_fails_except_case(position):
    original = VECTOR[position]
    for ch in CANDIDATES:
        if ch == original:
            continue
        changed = VECTOR[:position] + ch + VECTOR[position + 1:]
        if ch.isascii() and ch.upper() == original:
            assert qr.verify_ballot_payload(changed, SECRET).serial == "4821571"
            continue
        with pytest.raises(qr.BallotPayloadError):
            qr.verify_ballot_payload(changed, SECRET)


def test_longest_payload_fits_a_small_code_at_level_q():
    from cocrea_desktop.export.qr_matrix import qr_matrix

    assert qr.QR_ERROR_CORRECTION == "Q"
    longest = qr.encode_ballot_payload(process_id="7KQ2VXYZ", session_id="M3XA1234", round=99,
                                       serial="1234566", secret=SECRET)
    assert len(longest) == 46 and qr.check_payload_fits(longest) == 3
    assert qr_matrix(longest).version == 3
    assert qr_matrix(VECTOR).version == 3  # 37 characters: version 3 at Q (29 at version 2)
