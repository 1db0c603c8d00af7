"""The QR payload of a paper comment form of the public consultation.

Six fields separated by one space, in the ballots' alphabet (digits, capital letters,
space; see docs/ballot-qr.md), authenticated with the same per-process secret:

    CF1 <process> <consultation> <commitment> <serial> <mac>
    CF1 7KQ2 M3XA 3 4821571 BGVTDQCSQEJ4B

``commitment`` is the commitment's label without its hyphen ("3", "A3" for "A-3"), or
``0`` when the form is about a section of the plan (the section's words are kept in the
form register, not in the code). The serial is a ballot-style serial (six random digits
and a Damm check digit), drawn from the same pool as the ballots' so that a typed
serial names one paper only. A form is told from a ballot by its tag.
"""

from __future__ import annotations

import hmac
import re
from dataclasses import dataclass

from cocrea_desktop.core.voting import payload as qr
from cocrea_desktop.i18n import _

FORM_TAG = "CF"
FORM_VERSION = 1
NO_COMMITMENT = "0"
_TAG_RE = re.compile(r"^CF([0-9]{1,3})$")
_COMMITMENT_RE = re.compile(r"^[0-9A-Z]{1,4}$")


class NotAForm(qr.BallotPayloadError):
    """A code that is not a comment form of this program (or not of this process)."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or _("Este código no es un formato de comentarios de la "
                                      "consulta."))


@dataclass(frozen=True)
class FormPayload:
    process_id: str
    consultation_id: str
    commitment: str  # the commitment's label without hyphen, or "0"
    serial: str


def commitment_code(label: str) -> str:
    """The commitment's label as the code writes it ("A-3" -> "A3"); "0" for none."""
    code = "".join(ch for ch in str(label or "").upper() if ch.isalnum() and ch.isascii())
    if not code:
        return NO_COMMITMENT
    if not _COMMITMENT_RE.match(code):
        raise qr.InvalidBallotField(_("El compromiso «{label}» no cabe en el código del "
                                      "formato.").format(label=label))
    return code


def encode_form_payload(*, process_id: str, consultation_id: str, commitment: str,
                        serial: str, secret: bytes) -> str:
    """The QR text of one comment form. Raises InvalidBallotField / PayloadTooLarge."""
    qr._check_secret(secret)
    if not qr.is_valid_serial(serial):
        raise qr.InvalidBallotField(_("El folio «{serial}» no es válido.").format(
            serial=serial))
    fields = [FORM_TAG + str(FORM_VERSION), qr._check_short_id(process_id),
              qr._check_short_id(consultation_id), commitment_code(commitment), serial]
    message = " ".join(fields)
    payload = message + " " + qr._mac(secret, message)
    qr.check_payload_fits(payload)
    return payload


def looks_like_form(text: str) -> bool:
    return qr.normalise_scanned_text(text).startswith(FORM_TAG)


def verify_form_payload(text: str, secret: bytes, *,
                        process_id: str | None = None) -> FormPayload:
    """Decode and authenticate a form's code. Raises NotAForm (garbled, another kind of
    code, a ballot, a form of another process or a forged one)."""
    qr._check_secret(secret)
    if not text.isascii():
        raise NotAForm()
    canonical = qr.normalise_scanned_text(text)
    fields = canonical.split(" ")
    tag = _TAG_RE.match(fields[0])
    if tag is None or tag.group(1) != str(FORM_VERSION) or len(fields) != 6:
        raise NotAForm()
    _tag, proc, consultation, commitment, serial, mac = fields
    if (not qr._is_short_id(proc) or not qr._is_short_id(consultation)
            or not _COMMITMENT_RE.match(commitment) or not qr.is_valid_serial(serial)
            or len(mac) != qr.MAC_CHARS):
        raise NotAForm()
    if process_id is not None and proc != process_id.upper():
        raise NotAForm(_("Este formato es de otro proceso: no se puede registrar aquí."))
    if not hmac.compare_digest(qr._mac(secret, canonical[: -(qr.MAC_CHARS + 1)]), mac):
        raise NotAForm(_("Este formato es de otro proceso: no se puede registrar aquí."))
    return FormPayload(proc, consultation, commitment, serial)


def read_form_entry(text: str, secret: bytes, *, process_id: str | None = None) -> str:
    """What arrives at the form field (a scanned code or the serial typed): the serial."""
    if qr.looks_like_payload(text):
        return verify_form_payload(text, secret, process_id=process_id).serial
    return qr.parse_serial(text)


__all__ = ["FormPayload", "NotAForm", "commitment_code", "encode_form_payload",
           "looks_like_form", "read_form_entry", "verify_form_payload"]
