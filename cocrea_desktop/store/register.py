"""The ballot register: serials issued per session and round, reading them back, reconciling.

Serials are random (``core.voting.payload.generate_serials``), unique in the
process, and never linked to a participant. Each session gets a short id for its
QR payloads the first time ballots are issued; it is stored so that printed
ballots always decode to the same session.

Reading a ballot (a QR payload from a scan or a keyboard-wedge scanner, or a
serial typed by hand) says what it is: ready to enter, already counted
(flagged, never counted twice), of another session (named), of another round,
not issued, or not a ballot of this process.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cocrea_desktop.core.changes import Changes, Label
from cocrea_desktop.core.errors import InvalidInput, RuleViolation
from cocrea_desktop.core.model import round_label
from cocrea_desktop.core.voting import payload as qr
from cocrea_desktop.i18n import N_, _
from cocrea_desktop.store.db import new_id

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo

MAX_ISSUE = 2000

#: Outcomes of reading a ballot.
READY = "ready"  # issued for this session and round, not yet entered: enter its marks
DUPLICATE = "duplicate"  # already entered: flagged, not counted again
OTHER_SESSION = "other_session"
OTHER_ROUND = "other_round"
NOT_ISSUED = "not_issued"
REJECTED = "rejected"  # not a ballot of this process (bad MAC, garbled, foreign)

ROUND_CODES = {"preliminary": qr.ROUND_PRELIMINARY, "final": qr.ROUND_FINAL, "vote": 1}
CODE_ROUNDS = {v: k for k, v in ROUND_CODES.items()}


@dataclass(frozen=True)
class ReadOutcome:
    kind: str
    message: str
    serial: str = ""
    session_id: str = ""
    round: str = ""

    @property
    def ready(self) -> bool:
        return self.kind == READY


@dataclass(frozen=True)
class RegisterSummary:
    """The reconciliation of one session's round (printed on the results)."""

    issued: int
    returned: int
    not_returned: int
    counted: int
    void: int
    spoiled: int
    without_serial: int

    @property
    def balanced(self) -> bool:
        return self.issued == self.returned + self.not_returned and \
            self.counted + self.void + self.spoiled == self.returned

    def as_dict(self) -> dict[str, Any]:
        return {"issued": self.issued, "returned": self.returned,
                "not_returned": self.not_returned, "counted": self.counted, "void": self.void,
                "spoiled": self.spoiled, "without_serial": self.without_serial,
                "balanced": self.balanced}


class BallotRegister:
    def __init__(self, repo: Repo) -> None:
        self.repo = repo
        self.pf = repo.pf

    # -- ids and secrets -------------------------------------------------------
    def process_short_id(self) -> str:
        return qr.short_id_for(self.repo.process().id)

    def session_short_id(self, session_id: str) -> str | None:
        return self.repo.session(session_id).params.get("ballot_id")

    def _ensure_session_short_id(self, session_id: str) -> str:
        session = self.repo.session(session_id)
        existing = session.params.get("ballot_id")
        if existing:
            return existing
        taken = {s.params.get("ballot_id") for s in self.repo.sessions(include_archived=True)}
        for length in range(qr.SHORT_ID_DEFAULT_LENGTH, qr.SHORT_ID_MAX_LENGTH + 1):
            candidate = qr.short_id_for(session.id, length)
            if candidate not in taken:
                self.repo.update_session(session.id, params=dict(session.params,
                                                                 ballot_id=candidate))
                return candidate
        raise RuleViolation(_("No se pudo dar un identificador corto a la sesión."))

    def _session_by_short_id(self, short_id: str):
        for session in self.repo.sessions(include_archived=True):
            if session.params.get("ballot_id") == short_id:
                return session
        return None

    # -- issuing -------------------------------------------------------------------
    def issued(self, session_id: str, round_: str) -> list[dict[str, Any]]:
        return self.pf.query("SELECT serial, batch, status, created_at FROM ballot_issue "
                             "WHERE session_id = ? AND round = ? ORDER BY created_at, rowid",
                             [session_id, round_])

    def issue(self, session_id: str, round_: str, count: int) -> tuple[list[tuple[str, str]],
                                                                         Changes]:
        """Issue ``count`` new serials; returns (serial, QR payload) pairs to print."""
        self.repo.votes._check_round(session_id, round_)
        if not 1 <= count <= MAX_ISSUE:
            raise InvalidInput(_("Indique cuántas boletas imprimir (de 1 a {most}).").format(
                most=MAX_ISSUE))
        self._ensure_session_short_id(session_id)
        taken = {r["serial"] for r in self.pf.query("SELECT serial FROM ballot_issue")}
        serials = qr.generate_serials(count, taken=taken)
        batch = new_id()[:8]
        label = Label(N_("emitir {count} boletas"), count=count)
        with self.pf.write("ballots.issue", label) as unit:
            for serial in serials:
                unit.insert("ballot_issue", {
                    "id": new_id(), "session_id": session_id, "round": round_,
                    "serial": serial, "batch": batch, "status": "issued",
                    "created_at": unit.at, "updated_at": unit.at,
                    "device_id": self.pf.device.id})
        return self.payloads(session_id, round_, serials), unit.changes()

    def payloads(self, session_id: str, round_: str,
                 serials: list[str]) -> list[tuple[str, str]]:
        short_id = self._ensure_session_short_id(session_id)
        secret = self.repo.ballot_secret()
        process = self.process_short_id()
        return [(serial, qr.encode_ballot_payload(process_id=process, session_id=short_id,
                                                  round=ROUND_CODES[round_], serial=serial,
                                                  secret=secret)) for serial in serials]

    # -- reading back ----------------------------------------------------------------
    def read(self, session_id: str, round_: str, text: str) -> ReadOutcome:
        """What a scanned payload or a typed serial is, for this session and round."""
        try:
            entry = qr.read_ballot_entry(text, self.repo.ballot_secret(),
                                         process_id=self.process_short_id())
        except qr.InvalidSerial as err:
            return ReadOutcome(REJECTED, err.message)
        except qr.BallotPayloadError as err:
            return ReadOutcome(REJECTED, err.message)
        serial = entry.serial
        shown = qr.format_serial(serial)
        if entry.payload is not None:
            short_id = self.session_short_id(session_id)
            if not entry.payload.is_for_session(short_id or ""):
                other = self._session_by_short_id(entry.payload.session_id)
                if other is None:
                    return ReadOutcome(REJECTED, _("La boleta {serial} no es de ninguna sesión "
                                                   "de este proceso.").format(serial=shown),
                                       serial)
                return ReadOutcome(OTHER_SESSION, _(
                    "La boleta {serial} es de otra sesión: «{question}» ({table}).").format(
                    serial=shown, question=other.question, table=other.table_label or "-"),
                    serial, other.id)
            scanned_round = CODE_ROUNDS.get(entry.payload.round, "")
            if scanned_round != round_:
                return ReadOutcome(OTHER_ROUND, _("La boleta {serial} es de la {round}.").format(
                    serial=shown, round=round_label(scanned_round).lower() or "?"),
                    serial, session_id, scanned_round)
        issued = self.pf.query("SELECT round, status FROM ballot_issue WHERE session_id = ? "
                               "AND serial = ?", [session_id, serial])
        if not issued:
            elsewhere = self.pf.query("SELECT session_id FROM ballot_issue WHERE serial = ?",
                                      [serial])
            if elsewhere:
                other = self.repo.session(elsewhere[0]["session_id"])
                return ReadOutcome(OTHER_SESSION, _(
                    "La boleta {serial} es de otra sesión: «{question}» ({table}).").format(
                    serial=shown, question=other.question, table=other.table_label or "-"),
                    serial, other.id)
            return ReadOutcome(NOT_ISSUED, _("El folio {serial} no se emitió para esta sesión.")
                               .format(serial=shown), serial)
        if issued[0]["round"] != round_:
            return ReadOutcome(OTHER_ROUND, _("La boleta {serial} es de la {round}.").format(
                serial=shown, round=round_label(issued[0]["round"]).lower()), serial,
                session_id, issued[0]["round"])
        if self.pf.scalar("SELECT 1 FROM ballot WHERE session_id = ? AND round = ? AND "
                          "serial = ?", [session_id, round_, serial]) or \
                issued[0]["status"] in ("spoiled", "void"):
            return ReadOutcome(DUPLICATE, _("La boleta {serial} ya se registró: no se cuenta "
                                            "dos veces.").format(serial=shown), serial,
                               session_id, round_)
        return ReadOutcome(READY, _("Boleta {serial}: capture sus marcas.").format(
            serial=shown), serial, session_id, round_)

    def mark_spoiled(self, session_id: str, round_: str, serial: str) -> Changes:
        """A paper ballot came back spoiled (torn, marked twice...): returned, not counted."""
        serial = qr.parse_serial(serial)
        row = self.pf.query("SELECT id, status FROM ballot_issue WHERE session_id = ? AND "
                            "round = ? AND serial = ?", [session_id, round_, serial])
        if not row:
            raise InvalidInput(_("El folio {serial} no se emitió para esta sesión.").format(
                serial=qr.format_serial(serial)))
        if self.pf.scalar("SELECT 1 FROM ballot WHERE session_id = ? AND round = ? AND serial = ?",
                          [session_id, round_, serial]):
            raise RuleViolation(_("La boleta {serial} ya se capturó; anúlela desde la lista de "
                                  "boletas.").format(serial=qr.format_serial(serial)))
        with self.pf.write("ballots.spoiled", Label(N_("marcar como estropeada la boleta {serial}"),
                                                     serial=qr.format_serial(serial))) as unit:
            unit.update("ballot_issue", row[0]["id"], {"status": "spoiled"}, stamp=True)
        return unit.changes()

    # -- reconciliation ------------------------------------------------------------
    def summary(self, session_id: str, round_: str) -> RegisterSummary:
        issued = self.pf.scalar("SELECT COUNT(*) FROM ballot_issue WHERE session_id = ? AND "
                                "round = ?", [session_id, round_])
        spoiled = self.pf.scalar("SELECT COUNT(*) FROM ballot_issue WHERE session_id = ? AND "
                                 "round = ? AND status IN ('spoiled', 'void')",
                                 [session_id, round_])
        rows = self.pf.query(
            "SELECT b.serial, b.status, (SELECT COUNT(*) FROM mark m WHERE m.ballot_id = b.id) "
            "AS marks FROM ballot b WHERE b.session_id = ? AND b.round = ?",
            [session_id, round_])
        with_serial = [r for r in rows if r["serial"]]
        counted = sum(1 for r in with_serial if r["status"] == "counted" and r["marks"])
        void = len(with_serial) - counted
        returned = len(with_serial) + spoiled
        return RegisterSummary(issued=issued, returned=returned,
                               not_returned=max(0, issued - returned), counted=counted,
                               void=void, spoiled=spoiled,
                               without_serial=len(rows) - len(with_serial))
