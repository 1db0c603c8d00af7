"""The ballot QR payload and the ballot serial: encode, check size, verify, parse.

The exact format, with test vectors, is specified in ``docs/ballot-qr.md``; this
module is its reference implementation. Summary of version 1::

    CC1 <process> <session> <round> <serial> <mac>
    CC1 7KQ2 M3XA F 4821571 K7DRYSNH8Y6CE

Fields are separated by one space and use only digits and capital letters (a
subset of the QR alphanumeric alphabet that a keyboard-wedge scanner types the
same way on any Latin keyboard layout). The MAC is HMAC-SHA256 under the
process secret over the ASCII bytes of everything before the last space,
truncated to its first 65 bits and written as 13 Crockford base-32 characters.

The serial is 7 digits: 6 random digits and a Damm check digit, printed as
``482-1571``. A person can type it by hand when a code cannot be scanned.

Pure functions, no Qt, no file formats.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Callable, Collection
from dataclasses import dataclass

from cocrea_desktop.core.errors import InvalidInput
from cocrea_desktop.i18n import _

# --- constants of format version 1 -----------------------------------------------------------

FORMAT_TAG = "CC"
FORMAT_VERSION = 1
#: Characters QR codes can hold in alphanumeric mode.
QR_ALPHANUMERIC = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")
#: Crockford base 32: no I, L, O, U (nothing to confuse with 1, 0 or V).
CROCKFORD_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
SHORT_ID_MIN_LENGTH = 2
SHORT_ID_MAX_LENGTH = 8
#: Recommended short-id length: 4 characters keep the payload in a version-2 QR code.
SHORT_ID_DEFAULT_LENGTH = 4
MAC_CHARS = 13  # 13 x 5 = 65 bits of HMAC-SHA256
SECRET_BYTES = 32
MIN_SECRET_BYTES = 16
SERIAL_BODY_DIGITS = 6
SERIAL_DIGITS = SERIAL_BODY_DIGITS + 1
ROUND_PRELIMINARY = "P"
ROUND_FINAL = "F"
MAX_ROUND_NUMBER = 99
#: Largest QR version the payload may need, and its error-correction level.
MAX_QR_VERSION = 3
#: Level Q (about 25 % of the code may be lost): a pen stroke across the code still reads.
QR_ERROR_CORRECTION = "Q"
#: Alphanumeric-mode capacity (characters) of QR versions 1-3 at level Q (ISO/IEC 18004).
QR_ALPHANUMERIC_CAPACITY_Q = {1: 16, 2: 29, 3: 47}

#: A round: ``"P"`` (preliminary), ``"F"`` (final) or a round number 1-99.
BallotRound = str | int

_CROCKFORD_SET = frozenset(CROCKFORD_ALPHABET)
_TAG_RE = re.compile(r"^CC([0-9]{1,3})$")
_DIGITS_RE = re.compile(r"^[0-9]+$")

# Damm's totally anti-symmetric quasigroup of order 10: the check digit catches every single
# wrong digit and every swap of two neighbouring digits.
_DAMM = (
    (0, 3, 1, 7, 5, 9, 8, 6, 4, 2),
    (7, 0, 9, 2, 1, 5, 4, 8, 6, 3),
    (4, 2, 0, 6, 8, 7, 1, 3, 5, 9),
    (1, 7, 5, 0, 9, 8, 3, 4, 2, 6),
    (6, 1, 2, 3, 0, 4, 5, 9, 7, 8),
    (3, 6, 7, 4, 2, 0, 9, 5, 8, 1),
    (5, 8, 6, 9, 7, 2, 0, 1, 3, 4),
    (8, 9, 4, 5, 3, 6, 2, 0, 1, 7),
    (9, 4, 3, 8, 6, 1, 7, 2, 0, 5),
    (2, 5, 8, 1, 4, 3, 6, 7, 9, 0),
)


# --- errors ------------------------------------------------------------------------------------


class BallotPayloadError(InvalidInput):
    """A scanned or typed ballot code cannot be accepted."""


class NotABallot(BallotPayloadError):
    """The text is not a CoCrea ballot payload (another QR code, garbled or cut short)."""

    def __init__(self, detail: str | None = None) -> None:
        super().__init__(_("Este código no es una boleta de CoCrea."), detail=detail)


class UnsupportedBallotVersion(BallotPayloadError):
    """A CoCrea ballot in a format version this program does not know."""

    def __init__(self, version: int) -> None:
        super().__init__(
            _(
                "Esta boleta usa el formato {version}, que esta versión de CoCrea no conoce. "
                "Actualice el programa."
            ).format(version=version)
        )
        self.version = version


class ForeignBallot(BallotPayloadError):
    """A ballot whose MAC does not verify under this process's secret (or of another process).

    ``process_id`` is the short process id the ballot claims (it cannot be trusted, since
    the MAC did not verify; it is only a hint for the message).
    """

    def __init__(self, process_id: str) -> None:
        super().__init__(
            _("Esta boleta no es de este proceso: no se puede contar."),
            detail=f"process={process_id}",
        )
        self.process_id = process_id


class PayloadTooLarge(InvalidInput):
    """The payload would need a QR code larger than version 3 at level Q."""

    def __init__(self, length: int) -> None:
        super().__init__(
            _(
                "Los datos de la boleta ({length} caracteres) no caben en un código QR "
                "pequeño. Use identificadores más cortos."
            ).format(length=length)
        )
        self.length = length


class InvalidSerial(InvalidInput):
    """A typed serial is not a well-formed ballot serial."""


class InvalidBallotField(InvalidInput):
    """A value given to build a payload (short id, round, serial, secret) is not acceptable."""


# --- values ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BallotPayload:
    """The fields a ballot QR code carries, once verified."""

    process_id: str
    session_id: str
    round: BallotRound
    serial: str
    version: int = FORMAT_VERSION

    def is_for_session(self, session_id: str) -> bool:
        return self.session_id == session_id.upper()


@dataclass(frozen=True)
class BallotEntry:
    """What a person scanned or typed at the ballot-entry field.

    ``payload`` is None when a serial was typed by hand (only the ballot register can then
    say whether that serial was issued for this session).
    """

    serial: str
    payload: BallotPayload | None = None

    @property
    def was_scanned(self) -> bool:
        return self.payload is not None


# --- secrets and short ids ---------------------------------------------------------------------


def new_process_secret() -> bytes:
    """A fresh random per-process MAC key (32 bytes); store it with the process."""
    return secrets.token_bytes(SECRET_BYTES)


def crockford_base32(data: bytes, length: int) -> str:
    """The first ``length`` base-32 characters of ``data``'s bits, most significant first."""
    if length * 5 > len(data) * 8:
        raise ValueError("not enough bits")
    number = int.from_bytes(data, "big")
    shift = len(data) * 8 - length * 5
    number >>= shift
    chars = []
    for _i in range(length):
        chars.append(CROCKFORD_ALPHABET[number & 31])
        number >>= 5
    return "".join(reversed(chars))


def short_id_for(long_id: str, length: int = SHORT_ID_DEFAULT_LENGTH) -> str:
    """A short id (Crockford base 32) derived from a long id such as a UUID.

    Derived ids can collide; the caller that assigns them checks uniqueness where it matters
    (sessions within one process).
    """
    _check_short_id_length(length)
    digest = hashlib.sha256(long_id.strip().lower().encode("utf-8")).digest()
    return crockford_base32(digest, length)


def _check_short_id_length(length: int) -> None:
    if not SHORT_ID_MIN_LENGTH <= length <= SHORT_ID_MAX_LENGTH:
        raise InvalidBallotField(
            _("Un identificador corto debe tener entre {low} y {high} caracteres.").format(
                low=SHORT_ID_MIN_LENGTH, high=SHORT_ID_MAX_LENGTH
            )
        )


def _is_short_id(text: str) -> bool:
    return (
        SHORT_ID_MIN_LENGTH <= len(text) <= SHORT_ID_MAX_LENGTH
        and all(ch in _CROCKFORD_SET for ch in text)
    )


def _check_short_id(text: str) -> str:
    if not _is_short_id(text):
        raise InvalidBallotField(
            _(
                "El identificador corto «{text}» no es válido: use de {low} a {high} "
                "letras mayúsculas o cifras (sin I, L, O ni U)."
            ).format(text=text, low=SHORT_ID_MIN_LENGTH, high=SHORT_ID_MAX_LENGTH)
        )
    return text


# --- rounds ------------------------------------------------------------------------------------


def encode_round(round_: BallotRound) -> str:
    """``"P"``, ``"F"``, or a round number 1-99 written in decimal without leading zeros."""
    if isinstance(round_, bool):
        raise InvalidBallotField(_("La ronda de votación no es válida."))
    if isinstance(round_, int):
        if 1 <= round_ <= MAX_ROUND_NUMBER:
            return str(round_)
    elif round_ in (ROUND_PRELIMINARY, ROUND_FINAL):
        return round_
    raise InvalidBallotField(_("La ronda de votación no es válida."))


def _decode_round(text: str) -> BallotRound | None:
    if text in (ROUND_PRELIMINARY, ROUND_FINAL):
        return text
    if _DIGITS_RE.match(text) and not text.startswith("0") and len(text) <= 2:
        return int(text)
    return None


# --- serials -----------------------------------------------------------------------------------


def damm_check_digit(digits: str) -> str:
    """The Damm check digit of a string of decimal digits."""
    interim = 0
    for ch in digits:
        interim = _DAMM[interim][ord(ch) - 48]
    return chr(48 + interim)


def is_valid_serial(serial: str) -> bool:
    """True for a canonical serial: 7 digits whose last is the Damm check digit."""
    return (
        len(serial) == SERIAL_DIGITS
        and _DIGITS_RE.match(serial) is not None
        and damm_check_digit(serial) == "0"
    )


def make_serial(body: int) -> str:
    """The serial for a 6-digit body number (0-999999): the body and its check digit."""
    if not 0 <= body < 10**SERIAL_BODY_DIGITS:
        raise InvalidBallotField(_("El número de boleta está fuera de rango."))
    digits = str(body).zfill(SERIAL_BODY_DIGITS)
    return digits + damm_check_digit(digits)


def generate_serials(
    count: int,
    *,
    taken: Collection[str] = (),
    randbelow: Callable[[int], int] = secrets.randbelow,
) -> list[str]:
    """``count`` new random serials, distinct from each other and from ``taken``.

    Random, not sequential, so that the order ballots were printed or handed out says
    nothing about who got which one, and a guessed serial is very unlikely to be issued.
    """
    space = 10**SERIAL_BODY_DIGITS
    taken_set = set(taken)
    if count < 0 or count + len(taken_set) > space // 2:
        raise InvalidBallotField(_("Se pidieron demasiados folios de boleta."))
    result: list[str] = []
    seen = set(taken_set)
    while len(result) < count:
        serial = make_serial(randbelow(space))
        if serial not in seen:
            seen.add(serial)
            result.append(serial)
    return result


def format_serial(serial: str) -> str:
    """The one form a serial is shown in, on screen, paper and the CLI: ``482-1571``.

    Takes a serial in any form a person types it (``4821571``, ``482 1571``, ``482-1571``,
    ``O`` for 0, ``I``/``L`` for 1): seven digits are written 3, a hyphen, 4. Anything else
    (a label of the facilitator's own paper, such as ``0007``) is shown as it is.
    """
    text = " ".join(str(serial or "").split())
    cleaned = text.upper().translate(_SERIAL_SEPARATORS)
    if not (len(cleaned) == SERIAL_DIGITS and _DIGITS_RE.match(cleaned)):
        aliased = cleaned.translate(_SERIAL_LOOKALIKES)
        if not (_DIGITS_RE.match(aliased) and is_valid_serial(aliased)):
            return text
        cleaned = aliased
    return cleaned[:3] + "-" + cleaned[3:]


def canonical_serial(text: str) -> str:
    """What is stored for a serial typed or read: a valid serial in any typed form gives
    its seven digits (``482-1571`` -> ``4821571``); any other label is kept as typed."""
    try:
        return parse_serial(text)
    except InvalidSerial:
        return " ".join(str(text or "").split())


_SERIAL_SEPARATORS = str.maketrans({" ": None, "-": None, ".": None, "_": None, "\t": None})
_SERIAL_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})


def parse_serial(text: str) -> str:
    """The canonical serial from what a person typed (spaces, dashes, case tolerated).

    Raises :class:`InvalidSerial` with a message that says what is wrong.
    """
    cleaned = text.strip().upper().translate(_SERIAL_SEPARATORS).translate(_SERIAL_LOOKALIKES)
    if not cleaned:
        raise InvalidSerial(_("Escriba el folio de la boleta o escanee su código."))
    if not _DIGITS_RE.match(cleaned):
        raise InvalidSerial(
            _("El folio «{text}» solo debe tener cifras.").format(text=text.strip())
        )
    if len(cleaned) != SERIAL_DIGITS:
        raise InvalidSerial(
            _("El folio debe tener {expected} cifras; se escribieron {count}.").format(
                expected=SERIAL_DIGITS, count=len(cleaned)
            )
        )
    if not is_valid_serial(cleaned):
        raise InvalidSerial(
            _("El folio {serial} no es válido: revise las cifras.").format(
                serial=format_serial(cleaned)
            )
        )
    return cleaned


# --- payload -----------------------------------------------------------------------------------


def _mac(secret: bytes, message: str) -> str:
    digest = hmac.new(secret, message.encode("ascii"), hashlib.sha256).digest()
    return crockford_base32(digest, MAC_CHARS)


def _check_secret(secret: bytes) -> None:
    if not isinstance(secret, (bytes, bytearray)) or len(secret) < MIN_SECRET_BYTES:
        raise InvalidBallotField(_("La clave del proceso para las boletas no es válida."))


def qr_version_needed(payload: str) -> int | None:
    """The smallest QR version (1-3, level Q, alphanumeric mode) that holds ``payload``.

    None when it needs a larger version or has a character outside the alphanumeric set.
    """
    if any(ch not in QR_ALPHANUMERIC for ch in payload):
        return None
    for version, capacity in QR_ALPHANUMERIC_CAPACITY_Q.items():
        if len(payload) <= capacity:
            return version
    return None


def check_payload_fits(payload: str) -> int:
    """Return the QR version the payload needs, or raise :class:`PayloadTooLarge`."""
    version = qr_version_needed(payload)
    if version is None:
        raise PayloadTooLarge(len(payload))
    return version


def encode_ballot_payload(
    *,
    process_id: str,
    session_id: str,
    round: BallotRound,
    serial: str,
    secret: bytes,
) -> str:
    """The QR text for one ballot. Raises InvalidBallotField / PayloadTooLarge."""
    _check_secret(secret)
    fields = [
        FORMAT_TAG + str(FORMAT_VERSION),
        _check_short_id(process_id),
        _check_short_id(session_id),
        encode_round(round),
    ]
    if not is_valid_serial(serial):
        raise InvalidBallotField(
            _("El folio «{serial}» no es válido.").format(serial=serial)
        )
    fields.append(serial)
    message = " ".join(fields)
    payload = message + " " + _mac(secret, message)
    check_payload_fits(payload)
    return payload


def normalise_scanned_text(text: str) -> str:
    """Scanner noise removed: surrounding whitespace/Enter, caps-lock case, repeated spaces."""
    return " ".join(text.upper().split())


def verify_ballot_payload(
    text: str, secret: bytes, *, process_id: str | None = None
) -> BallotPayload:
    """Decode and authenticate a scanned payload.

    Raises NotABallot (garbled, truncated, another kind of QR code), UnsupportedBallotVersion,
    or ForeignBallot (bad MAC, or ``process_id`` given and different). A ballot of another
    session of this process is *not* an error here: compare ``result.session_id``.
    """
    _check_secret(secret)
    if not text.isascii():  # "ſ".upper() == "S": only ASCII letters change case harmlessly
        raise NotABallot(detail="non-ASCII")
    canonical = normalise_scanned_text(text)
    fields = canonical.split(" ")
    tag = _TAG_RE.match(fields[0])
    if tag is None:
        raise NotABallot(detail="tag")
    version = int(tag.group(1))
    if tag.group(1) != str(version):
        raise NotABallot(detail="tag")
    if version != FORMAT_VERSION:
        raise UnsupportedBallotVersion(version)
    if len(fields) != 6:
        raise NotABallot(detail="fields")
    _tag, proc, sess, round_text, serial, mac = fields
    round_ = _decode_round(round_text)
    if (
        not _is_short_id(proc)
        or not _is_short_id(sess)
        or round_ is None
        or not is_valid_serial(serial)
        or len(mac) != MAC_CHARS
        or any(ch not in _CROCKFORD_SET for ch in mac)
    ):
        raise NotABallot(detail="field syntax")
    if process_id is not None and proc != process_id.upper():
        raise ForeignBallot(proc)
    message = canonical[: -(MAC_CHARS + 1)]
    if not hmac.compare_digest(_mac(secret, message), mac):
        raise ForeignBallot(proc)
    return BallotPayload(
        process_id=proc, session_id=sess, round=round_, serial=serial, version=version
    )


def looks_like_payload(text: str) -> bool:
    """True when the text starts like a QR payload (letters), not a typed serial (digits)."""
    stripped = text.strip()
    return bool(stripped) and stripped[0].isalpha() and stripped[0].upper() not in "OIL"


def read_ballot_entry(
    text: str, secret: bytes, *, process_id: str | None = None
) -> BallotEntry:
    """Accept what arrives at the ballot-entry field: a scanned payload or a typed serial.

    A keyboard-wedge scanner types the payload and Enter; a person types the printed serial
    (``482-1571``, ``482 1571``, ``4821571``). Raises the errors of
    :func:`verify_ballot_payload` or :class:`InvalidSerial`.
    """
    if looks_like_payload(text):
        payload = verify_ballot_payload(text, secret, process_id=process_id)
        return BallotEntry(serial=payload.serial, payload=payload)
    return BallotEntry(serial=parse_serial(text))
