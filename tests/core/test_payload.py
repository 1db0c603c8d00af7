"""Ballot QR payloads and serials: test vectors from docs/ballot-qr.md, errors, properties."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cocrea_desktop.core.errors import InvalidInput
from cocrea_desktop.core.voting import payload as bp
from cocrea_desktop.core.voting.payload import (
    CROCKFORD_ALPHABET,
    BallotPayload,
    ForeignBallot,
    InvalidBallotField,
    InvalidSerial,
    NotABallot,
    PayloadTooLarge,
    UnsupportedBallotVersion,
    check_payload_fits,
    encode_ballot_payload,
    format_serial,
    generate_serials,
    is_valid_serial,
    make_serial,
    new_process_secret,
    parse_serial,
    qr_version_needed,
    read_ballot_entry,
    short_id_for,
    verify_ballot_payload,
)

DOC = Path(__file__).resolve().parents[2] / "docs" / "ballot-qr.md"
VECTOR_SECRET = bytes(range(32))
SECRET = b"k" * 32
OTHER_SECRET = b"o" * 32


def _encode(**overrides: object) -> str:
    fields: dict[str, object] = dict(
        process_id="7KQ2", session_id="M3XA", round="P", serial=make_serial(482157), secret=SECRET
    )
    fields.update(overrides)
    return encode_ballot_payload(**fields)  # type: ignore[arg-type]


# --- test vectors (the same table as the spec) -------------------------------------------------

VECTORS = [
    ("7KQ2", "M3XA", "P", 482157, "4821571", "CC1 7KQ2 M3XA P 4821571 BGVTDQCSQEJ4B"),
    ("7KQ2", "M3XA", "F", 482157, "4821571", "CC1 7KQ2 M3XA F 4821571 K7DRYSNH8Y6CE"),
    ("7KQ2", "0ZZ9", 3, 1, "0000013", "CC1 7KQ2 0ZZ9 3 0000013 DP3XFTXQQ1ZAY"),
    ("AB", "CD", "F", 999999, "9999990", "CC1 AB CD F 9999990 39JX5HMAV0V2C"),
    ("7KQ2VXYZ", "M3XA1234", 99, 123456, "1234566",
     "CC1 7KQ2VXYZ M3XA1234 99 1234566 PZ30NFHFF0C1Z"),
]


@pytest.mark.parametrize(("proc", "sess", "round_", "body", "serial", "expected"), VECTORS)
def test_vectors(proc: str, sess: str, round_: object, body: int, serial: str,
                 expected: str) -> None:
    assert make_serial(body) == serial
    payload = encode_ballot_payload(
        process_id=proc, session_id=sess, round=round_, serial=serial, secret=VECTOR_SECRET  # type: ignore[arg-type]
    )
    assert payload == expected
    decoded = verify_ballot_payload(expected, VECTOR_SECRET, process_id=proc)
    assert decoded == BallotPayload(process_id=proc, session_id=sess, round=round_, serial=serial)  # type: ignore[arg-type]


def test_vectors_are_the_ones_in_the_spec() -> None:
    text = DOC.read_text(encoding="utf-8")
    for *_fields, expected in VECTORS:
        assert "`" + expected + "`" in text
    assert "`T6ZT`" in text and "`T6ZTYJ`" in text
    assert short_id_for("3f2504e0-4f89-11d3-9a0c-0305e82c3301") == "T6ZT"
    assert short_id_for("3f2504e0-4f89-11d3-9a0c-0305e82c3301", 6) == "T6ZTYJ"
    assert "BGVTDQCSQEJ4B" in text and "5c37a6dd99bba445" in text


def test_version_3_at_level_q_at_most() -> None:
    assert qr_version_needed("A" * 29) == 2
    assert qr_version_needed(VECTORS[0][-1]) == 3  # 37 characters
    assert qr_version_needed(VECTORS[-1][-1]) == 3  # the longest legal payload, 46
    assert check_payload_fits("A" * 47) == 3
    with pytest.raises(PayloadTooLarge):
        check_payload_fits("A" * 48)
    with pytest.raises(PayloadTooLarge):
        check_payload_fits("lower case is not alphanumeric")


# --- verification errors -----------------------------------------------------------------------


def test_forged_one_character_changed_is_foreign() -> None:
    payload = _encode()
    forged = payload[:-1] + ("0" if payload[-1] != "0" else "1")
    with pytest.raises(ForeignBallot) as info:
        verify_ballot_payload(forged, SECRET)
    assert "no es de este proceso" in str(info.value)


def test_serial_changed_with_a_valid_check_digit_is_foreign() -> None:
    payload = _encode()
    other = make_serial(482158)
    forged = payload.replace(make_serial(482157), other)
    with pytest.raises(ForeignBallot):
        verify_ballot_payload(forged, SECRET)


def test_mac_of_another_secret_is_foreign() -> None:
    payload = _encode(secret=OTHER_SECRET)
    with pytest.raises(ForeignBallot):
        verify_ballot_payload(payload, SECRET)


def test_another_process_is_foreign_even_before_the_mac() -> None:
    payload = _encode(process_id="ZZZZ")
    with pytest.raises(ForeignBallot) as info:
        verify_ballot_payload(payload, SECRET, process_id="7KQ2")
    assert info.value.process_id == "ZZZZ"


def test_another_session_is_not_an_error() -> None:
    payload = _encode(session_id="9Q9Q")
    decoded = verify_ballot_payload(payload, SECRET, process_id="7KQ2")
    assert decoded.session_id == "9Q9Q"
    assert not decoded.is_for_session("M3XA")
    assert decoded.is_for_session("9q9q")


@pytest.mark.parametrize("cut", [1, 5, 13, 14, 20, 30])
def test_truncated_payload_is_not_a_ballot(cut: int) -> None:
    payload = _encode()
    with pytest.raises((NotABallot, ForeignBallot)) as info:
        verify_ballot_payload(payload[:-cut], SECRET)
    assert isinstance(info.value, NotABallot)
    assert "no es una boleta de CoCrea" in str(info.value)


@pytest.mark.parametrize(
    "text",
    ["", "   ", "https://example.org/", "HELLO WORLD", "CC", "CC01 7KQ2 M3XA P 4821571 X",
     "WIFI:S:red;T:WPA;P:clave;;", "CC1", "\x00\x01\x02", "ñandú"],
)
def test_garbage_is_not_a_ballot(text: str) -> None:
    with pytest.raises(NotABallot) as info:
        verify_ballot_payload(text, SECRET)
    assert isinstance(info.value, InvalidInput)


def test_newer_version_is_named() -> None:
    payload = "CC2" + _encode()[3:]
    with pytest.raises(UnsupportedBallotVersion) as info:
        verify_ballot_payload(payload, SECRET)
    assert info.value.version == 2
    assert "2" in str(info.value)


def test_scanner_noise_is_tolerated() -> None:
    payload = _encode()
    assert verify_ballot_payload("  " + payload.lower() + "\r\n", SECRET).serial == "4821571"
    assert verify_ballot_payload(payload.replace(" ", "  "), SECRET).serial == "4821571"


def test_encode_refuses_bad_fields() -> None:
    with pytest.raises(InvalidBallotField):
        _encode(process_id="I0")  # I is not Crockford
    with pytest.raises(InvalidBallotField):
        _encode(session_id="A")
    with pytest.raises(InvalidBallotField):
        _encode(round=0)
    with pytest.raises(InvalidBallotField):
        _encode(round="X")
    with pytest.raises(InvalidBallotField):
        _encode(serial="4821572")
    with pytest.raises(InvalidBallotField):
        _encode(secret=b"short")


def test_new_process_secret_is_random_and_long() -> None:
    first, second = new_process_secret(), new_process_secret()
    assert len(first) == 32 and first != second


# --- serials and entry -------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["482-1571", "482 1571", " 4821571 ", "482.157.1", "482-157l",
                                   "O00-0013"])
def test_parse_serial_accepts_what_people_type(typed: str) -> None:
    assert parse_serial(typed) in {"4821571", "0000013"}


@pytest.mark.parametrize(
    ("typed", "words"),
    [("", "Escriba"), ("48215", "7 cifras"), ("48215711", "7 cifras"), ("4821572", "revise"),
     ("48x-1571", "cifras")],
)
def test_parse_serial_says_what_is_wrong(typed: str, words: str) -> None:
    with pytest.raises(InvalidSerial) as info:
        parse_serial(typed)
    assert words in str(info.value)


def test_check_digit_catches_single_errors_and_neighbour_swaps() -> None:
    serial = make_serial(482157)
    for i in range(7):
        for digit in "0123456789":
            if digit != serial[i]:
                assert not is_valid_serial(serial[:i] + digit + serial[i + 1 :])
        if i < 6 and serial[i] != serial[i + 1]:
            swapped = serial[:i] + serial[i + 1] + serial[i] + serial[i + 2 :]
            assert not is_valid_serial(swapped)


def test_generate_serials_unique_random_and_avoid_taken() -> None:
    taken = set(generate_serials(50))
    fresh = generate_serials(500, taken=taken)
    assert len(set(fresh)) == 500 and not taken & set(fresh)
    assert all(is_valid_serial(s) for s in fresh)
    assert sorted(fresh) != fresh  # random order, not sequential


def test_format_serial() -> None:
    assert format_serial("4821571") == "482-1571"


def test_read_ballot_entry_takes_a_payload_or_a_serial() -> None:
    payload = _encode(session_id="9Q9Q")
    scanned = read_ballot_entry(payload + "\n", SECRET, process_id="7KQ2")
    assert scanned.was_scanned and scanned.serial == "4821571"
    assert scanned.payload is not None and scanned.payload.session_id == "9Q9Q"
    typed = read_ballot_entry("482 1571", SECRET, process_id="7KQ2")
    assert typed == bp.BallotEntry(serial="4821571", payload=None)
    with pytest.raises(ForeignBallot):
        read_ballot_entry(_encode(secret=OTHER_SECRET), SECRET)
    with pytest.raises(NotABallot):
        read_ballot_entry("HOLA MUNDO", SECRET)
    with pytest.raises(InvalidSerial):
        read_ballot_entry("482-1572", SECRET)


# --- properties --------------------------------------------------------------------------------

short_ids = st.text(alphabet=CROCKFORD_ALPHABET, min_size=2, max_size=8)
rounds = st.one_of(st.sampled_from(["P", "F"]), st.integers(min_value=1, max_value=99))
bodies = st.integers(min_value=0, max_value=999_999)
secrets_ = st.binary(min_size=16, max_size=64)
PAYLOAD_ALPHABET = sorted(bp.QR_ALPHANUMERIC)


@settings(max_examples=300, deadline=None)
@given(proc=short_ids, sess=short_ids, round_=rounds, body=bodies, secret=secrets_)
def test_round_trip(proc: str, sess: str, round_: object, body: int, secret: bytes) -> None:
    serial = make_serial(body)
    payload = encode_ballot_payload(
        process_id=proc, session_id=sess, round=round_, serial=serial, secret=secret  # type: ignore[arg-type]
    )
    assert re.fullmatch(r"[0-9A-Z ]+", payload)
    assert qr_version_needed(payload) in (1, 2, 3)
    decoded = verify_ballot_payload(payload, secret, process_id=proc)
    assert (decoded.process_id, decoded.session_id, decoded.round, decoded.serial) == (
        proc, sess, round_, serial
    )
    assert read_ballot_entry(payload, secret).serial == serial


@settings(max_examples=500, deadline=None)
@given(proc=short_ids, sess=short_ids, round_=rounds, body=bodies, secret=secrets_,
       data=st.data())
def test_any_single_character_change_fails(proc: str, sess: str, round_: object, body: int,
                                           secret: bytes, data: st.DataObject) -> None:
    payload = encode_ballot_payload(
        process_id=proc, session_id=sess, round=round_, serial=make_serial(body), secret=secret  # type: ignore[arg-type]
    )
    index = data.draw(st.integers(min_value=0, max_value=len(payload) - 1))
    replacement = data.draw(st.sampled_from([c for c in PAYLOAD_ALPHABET if c != payload[index]]))
    changed = payload[:index] + replacement + payload[index + 1 :]
    with pytest.raises(bp.BallotPayloadError):
        verify_ballot_payload(changed, secret)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=80))
def test_arbitrary_text_never_crashes(text: str) -> None:
    try:
        read_ballot_entry(text, SECRET)
    except InvalidInput:
        pass
