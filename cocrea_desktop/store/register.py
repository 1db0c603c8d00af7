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

import hashlib
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
class IssuePlan:
    """Serials drawn for a print, with their QR payloads; not in the register yet."""

    session_id: str
    round: str
    short_id: str
    new_short_id: bool
    pairs: tuple[tuple[str, str], ...]

    @property
    def serials(self) -> list[str]:
        return [serial for serial, _payload in self.pairs]


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
    withdrawn: int = 0  # issued, never handed out, voided with a reason
    read_by_machine: int = 0  # entered as the mark reader read them, no one looked
    confirmed: int = 0  # read by the machine, then confirmed or corrected by a person

    @property
    def balanced(self) -> bool:
        return self.issued == self.returned + self.not_returned + self.withdrawn and \
            self.counted + self.void + self.spoiled == self.returned

    def as_dict(self) -> dict[str, Any]:
        return {"issued": self.issued, "returned": self.returned,
                "not_returned": self.not_returned, "counted": self.counted, "void": self.void,
                "spoiled": self.spoiled, "without_serial": self.without_serial,
                "withdrawn": self.withdrawn, "read_by_machine": self.read_by_machine,
                "confirmed": self.confirmed, "balanced": self.balanced}


class BallotRegister:
    _summary_cache: tuple[tuple, RegisterSummary] | None = None  # (file state, summary)

    def __init__(self, repo: Repo) -> None:
        self.repo = repo
        self.pf = repo.pf

    # -- ids and secrets -------------------------------------------------------
    def process_short_id(self) -> str:
        return qr.short_id_for(self.repo.process().id)

    def session_short_id(self, session_id: str) -> str | None:
        return self.repo.session(session_id).params.get("ballot_id")

    def _ensure_session_short_id(self, session_id: str) -> str:
        short_id, new = self._session_short_id_plan(session_id)
        if new:
            session = self.repo.session(session_id)
            self.repo.update_session(session.id, params=dict(session.params, ballot_id=short_id))
        return short_id

    def _session_short_id_plan(self, session_id: str) -> tuple[str, bool]:
        """The session's short id, and whether it is new (not yet stored); writes nothing."""
        session = self.repo.session(session_id)
        existing = session.params.get("ballot_id")
        if existing:
            return existing, False
        taken = {s.params.get("ballot_id") for s in self.repo.sessions(include_archived=True)}
        for length in range(qr.SHORT_ID_DEFAULT_LENGTH, qr.SHORT_ID_MAX_LENGTH + 1):
            candidate = qr.short_id_for(session.id, length)
            if candidate not in taken:
                return candidate, True
        raise RuleViolation(_("No se pudo dar un identificador corto a la sesión."))

    def _session_by_short_id(self, short_id: str):
        for session in self.repo.sessions(include_archived=True):
            if session.params.get("ballot_id") == short_id:
                return session
        return None

    # -- issuing -------------------------------------------------------------------
    def issued(self, session_id: str, round_: str) -> list[dict[str, Any]]:
        return self.pf.query("SELECT serial, batch, status, void_reason, created_at "
                             "FROM ballot_issue WHERE session_id = ? AND round = ? "
                             "ORDER BY created_at, rowid",
                             [session_id, round_])

    def plan_issue(self, session_id: str, round_: str, count: int) -> IssuePlan:
        """New serials and their QR payloads, ready to print; nothing is written.

        The serials enter the register only with :meth:`issue_printed`, once their PDF has
        been written and read back: a print that fails or is cancelled issues nothing.
        """
        self.repo.votes._check_round(session_id, round_)
        if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= MAX_ISSUE:
            raise InvalidInput(_("Indique cuántas boletas imprimir (de 1 a {most}).").format(
                most=MAX_ISSUE))
        short_id, new = self._session_short_id_plan(session_id)
        taken = {r["serial"] for r in self.pf.query("SELECT serial FROM ballot_issue")}
        serials = qr.generate_serials(count, taken=taken)
        return IssuePlan(session_id=session_id, round=round_, short_id=short_id,
                         new_short_id=new,
                         pairs=tuple(self._payloads(short_id, round_, serials)))

    def issue_printed(self, plan: IssuePlan, *, pdf_sha256: str, layout: str = "") -> Changes:
        """Enter a plan's serials in the register, in one transaction, as printed in the PDF
        whose SHA-256 is given (the file written and read back).

        ``layout``: the JSON of the printed box grid (``export.omr.grid_to_json``), kept once
        per layout so that the mark reader knows where every box of these serials is.
        """
        if not pdf_sha256:
            raise InvalidInput(_("Las boletas no se registraron: falta el PDF impreso."))
        serials = plan.serials
        placeholders = ", ".join("?" for _s in serials)
        clash = self.pf.query(f"SELECT serial FROM ballot_issue WHERE serial IN ({placeholders})",
                              list(serials))
        if clash:
            raise RuleViolation(_("Otro folio igual se emitió mientras tanto: imprima de "
                                  "nuevo."))
        session = self.repo.session(plan.session_id)
        stored = session.params.get("ballot_id")
        if (stored or plan.short_id) != plan.short_id or (stored and plan.new_short_id):
            raise RuleViolation(_("La sesión cambió mientras se imprimía: imprima de nuevo."))
        batch = new_id()[:8]
        layout_id = hashlib.sha256(layout.encode()).hexdigest()[:32] if layout else ""
        label = Label.plural("emitir {count} boleta", "emitir {count} boletas",
                             len(serials), count=len(serials))
        with self.pf.write("ballots.issue", label) as unit:
            if not stored:
                unit.update("session", session.id,
                            {"params": dict(session.params, ballot_id=plan.short_id)},
                            stamp=True)
            if layout_id and self.pf.row("ballot_layout", layout_id) is None:
                unit.insert("ballot_layout", {
                    "id": layout_id, "session_id": plan.session_id, "round": plan.round,
                    "layout": layout, "created_at": unit.at, "updated_at": unit.at,
                    "device_id": self.pf.device.id})
            for serial in serials:
                unit.insert("ballot_issue", {
                    "id": new_id(), "session_id": plan.session_id, "round": plan.round,
                    "serial": serial, "batch": batch, "status": "issued",
                    "pdf_sha256": pdf_sha256, "layout_id": layout_id,
                    "created_at": unit.at, "updated_at": unit.at,
                    "device_id": self.pf.device.id})
        return unit.changes()

    def issue(self, session_id: str, round_: str, count: int) -> tuple[list[tuple[str, str]],
                                                                         Changes]:
        """Issue ``count`` serials without a PDF (ballots printed elsewhere, tests).

        The program's own printing goes through :meth:`plan_issue` and
        :meth:`issue_printed`, so that only printed serials are issued.
        """
        plan = self.plan_issue(session_id, round_, count)
        changes = self.issue_printed(plan, pdf_sha256="-")
        return list(plan.pairs), changes

    def layout(self, session_id: str, round_: str, serial: str) -> str:
        """The JSON of the box grid ``serial`` was printed with; '' when not recorded
        (ballots issued without the program's PDF, or printed before layouts were kept)."""
        rows = self.pf.query(
            "SELECT l.layout FROM ballot_issue i JOIN ballot_layout l ON l.id = i.layout_id "
            "WHERE i.session_id = ? AND i.round = ? AND i.serial = ?",
            [session_id, round_, serial])
        return rows[0]["layout"] if rows else ""

    def payloads(self, session_id: str, round_: str,
                 serials: list[str]) -> list[tuple[str, str]]:
        return self._payloads(self._ensure_session_short_id(session_id), round_, serials)

    def _payloads(self, short_id: str, round_: str, serials: list[str]) -> list[tuple[str, str]]:
        secret = self.repo.ballot_secret()
        process = self.process_short_id()
        return [(serial, qr.encode_ballot_payload(process_id=process, session_id=short_id,
                                                  round=ROUND_CODES[round_], serial=serial,
                                                  secret=secret)) for serial in serials]

    def unprinted_serials(self, session_id: str, round_: str) -> list[str]:
        """Serials issued and not yet returned (not entered, not spoiled, not voided)."""
        rows = self.pf.query(
            "SELECT i.serial FROM ballot_issue i WHERE i.session_id = ? AND i.round = ? AND "
            "i.status = 'issued' AND NOT EXISTS (SELECT 1 FROM ballot b WHERE "
            "b.session_id = i.session_id AND b.round = i.round AND b.serial = i.serial) "
            "ORDER BY i.created_at, i.rowid", [session_id, round_])
        return [r["serial"] for r in rows]

    def void_serials(self, session_id: str, round_: str, serials: list[str],
                     reason: str) -> Changes:
        """Void serials issued but never handed out (a print lost, a printer jam), with why.

        Voided serials are not returned ballots: they leave the issued count, are kept with
        their reason, and a ballot carrying one is refused.
        """
        reason = " ".join(str(reason or "").split())
        if not reason:
            raise InvalidInput(_("Escriba por qué se anulan los folios (por ejemplo: «la "
                                 "impresora se atascó»)."))
        wanted = []
        for text in serials:
            serial = qr.parse_serial(text)
            if serial not in wanted:
                wanted.append(serial)
        if not wanted:
            raise InvalidInput(_("Indique qué folios anular."))
        open_serials = set(self.unprinted_serials(session_id, round_))
        for serial in wanted:
            if serial not in open_serials:
                row = self.pf.query("SELECT status FROM ballot_issue WHERE session_id = ? AND "
                                    "round = ? AND serial = ?", [session_id, round_, serial])
                if not row:
                    raise InvalidInput(_("El folio {serial} no se emitió para esta sesión.")
                                       .format(serial=qr.format_serial(serial)))
                raise RuleViolation(_("El folio {serial} ya se devolvió o se anuló: no se "
                                      "puede anular.").format(serial=qr.format_serial(serial)))
        label = Label.plural("anular {count} folio sin usar", "anular {count} folios sin usar",
                             len(wanted), count=len(wanted))
        with self.pf.write("ballots.void", label) as unit:
            for serial in wanted:
                row_id = self.pf.scalar("SELECT id FROM ballot_issue WHERE session_id = ? AND "
                                        "round = ? AND serial = ?", [session_id, round_, serial])
                unit.update("ballot_issue", row_id, {"status": "void", "void_reason": reason},
                            stamp=True)
        return unit.changes().made(session_id=session_id)

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
        if issued[0]["status"] == "void":
            return ReadOutcome(NOT_ISSUED, _("El folio {serial} se anuló sin usar: no se "
                                             "cuenta.").format(serial=shown), serial,
                               session_id, round_)
        if self.pf.scalar("SELECT 1 FROM ballot WHERE session_id = ? AND round = ? AND "
                          "serial = ?", [session_id, round_, serial]) or \
                issued[0]["status"] == "spoiled":
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
        return unit.changes().made(session_id=session_id)

    # -- reconciliation ------------------------------------------------------------
    def summary(self, session_id: str, round_: str) -> RegisterSummary:
        """Computed once per change of the file (the views ask after every change)."""
        conn = self.pf.conn
        key = (session_id, round_, conn.total_changes,
               conn.execute("PRAGMA data_version").fetchone()[0])
        if self._summary_cache is not None and self._summary_cache[0] == key:
            return self._summary_cache[1]
        summary = self._summary(session_id, round_)
        self._summary_cache = (key, summary)
        return summary

    def _summary(self, session_id: str, round_: str) -> RegisterSummary:
        issued = self.pf.scalar("SELECT COUNT(*) FROM ballot_issue WHERE session_id = ? AND "
                                "round = ?", [session_id, round_])
        spoiled = self.pf.scalar("SELECT COUNT(*) FROM ballot_issue WHERE session_id = ? AND "
                                 "round = ? AND status = 'spoiled'", [session_id, round_])
        withdrawn = self.pf.scalar("SELECT COUNT(*) FROM ballot_issue WHERE session_id = ? AND "
                                   "round = ? AND status = 'void'", [session_id, round_])
        rows = self.pf.query(
            # Marks looked up by session and round too, so that the index mark_tally
            # (session_id, round, ballot_id, ...) answers: not a scan of every mark.
            "SELECT b.serial, b.status, b.read_by, EXISTS (SELECT 1 FROM mark m WHERE "
            "m.session_id = b.session_id AND m.round = b.round AND m.ballot_id = b.id) "
            "AS marks FROM ballot b WHERE b.session_id = ? AND b.round = ?",
            [session_id, round_])
        with_serial = [r for r in rows if r["serial"]]
        counted = sum(1 for r in with_serial if r["status"] == "counted" and r["marks"])
        void = len(with_serial) - counted
        returned = len(with_serial) + spoiled
        return RegisterSummary(issued=issued, returned=returned,
                               read_by_machine=sum(1 for r in rows
                                                   if r["read_by"] == "machine"),
                               confirmed=sum(1 for r in rows if r["read_by"] == "person"),
                               not_returned=max(0, issued - returned - withdrawn),
                               counted=counted, withdrawn=withdrawn,
                               void=void, spoiled=spoiled,
                               without_serial=len(rows) - len(with_serial))
