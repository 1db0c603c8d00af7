"""The review queue: ballots the mark reader read with a doubt, waiting for a person.

A ballot read without any doubt is entered as the machine read it (``read_by =
'machine'``). Any other ballot ready to count (a faint or crossed-out mark, two marks
where one is allowed, no mark, corner marks not found, marks that break the rules) waits
here, in the process file, so that closing the program loses none: what was read (the
entry line of the sure marks, each box's state, the reasons in words), where its page
came from, and the SHA-256 of its straightened image. The image itself is a file in the
data folder (``export.omr.save_crop``), not in the process file: a picture of a secret
ballot beside its serial stays on this laptop, out of bundles and backups, and is deleted
once a person has decided.

A person confirms the entry line (or corrects it, typed as any ballot): the ballot is
entered with ``read_by = 'person'`` and the queue row closed, in one transaction (one undo
reverts both). Or the person says it does not count (spoiled, with the reason): the serial
is returned spoiled in the register and the row closed, in one transaction.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cocrea_desktop.core.changes import Changes, Label, said, shown_text, stored_text
from cocrea_desktop.core.errors import InvalidInput, NotFound, RuleViolation
from cocrea_desktop.core.voting.payload import canonical_serial, format_serial
from cocrea_desktop.i18n import N_, _
from cocrea_desktop.store.db import new_id

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo

WAITING, ENTERED, SPOILED = "waiting", "entered", "spoiled"
#: What :meth:`ReviewQueue.take` did with a ballot read by machine.
TAKEN_ENTERED, TAKEN_QUEUED = "entered", "queued"


@dataclass(frozen=True)
class ReadBallot:
    """A ballot as the mark reader left it (no image, no numpy: see ``export.omr``).

    ``boxes``: (option, column, state) with state "filled", "empty" or "doubtful".
    ``sure``: every box sure and the rules kept; only then may it be entered unseen.
    """

    serial: str
    entry: str
    sure: bool
    boxes: tuple[tuple[int, int, str], ...] = ()
    reasons: tuple[str, ...] = ()
    source: str = ""
    page: int = 0
    crop_sha256: str = ""


@dataclass(frozen=True)
class ReviewItem:
    id: str
    session_id: str
    round: str
    serial: str
    entry: str
    boxes: tuple[tuple[int, int, str], ...]
    reasons: tuple[str, ...]
    source: str
    page: int
    crop_sha256: str
    status: str
    outcome: str
    created_at: str

    @property
    def shown_serial(self) -> str:
        return format_serial(self.serial)


_WAITING = ("r.session_id = ? AND r.round = ? AND r.status = ? AND NOT EXISTS (SELECT 1 FROM "
            "ballot b WHERE b.session_id = r.session_id AND b.round = r.round AND "
            "b.serial = r.serial) AND NOT EXISTS (SELECT 1 FROM ballot_issue i WHERE "
            "i.session_id = r.session_id AND i.round = r.round AND i.serial = r.serial AND "
            "i.status != 'issued')")


class ReviewQueue:
    def __init__(self, repo: Repo) -> None:
        self.repo = repo
        self.pf = repo.pf

    # -- reading -----------------------------------------------------------------------
    @staticmethod
    def _item(row: dict[str, Any]) -> ReviewItem:
        return ReviewItem(
            id=row["id"], session_id=row["session_id"], round=row["round"],
            serial=row["serial"], entry=row["entry"],
            boxes=tuple((int(o), int(c), str(s)) for o, c, s in json.loads(row["boxes"] or "[]")),
            reasons=tuple(shown_text(r) for r in json.loads(row["reasons"] or "[]")),
            source=row["source"],
            page=int(row["page"]), crop_sha256=row["crop_sha256"], status=row["status"],
            outcome=row["outcome"], created_at=row["created_at"])

    def waiting(self, session_id: str, round_: str) -> list[ReviewItem]:
        """The ballots waiting for a person, oldest first.

        A ballot whose serial was entered another way meanwhile (typed, or scanned again
        and read without doubt) no longer waits.
        """
        return [self._item(r) for r in self.pf.query(
            "SELECT r.* FROM ballot_review r WHERE " + _WAITING + " ORDER BY r.created_at, "
            "r.rowid", [session_id, round_, WAITING])]

    def count_waiting(self, session_id: str, round_: str) -> int:
        return int(self.pf.scalar("SELECT COUNT(*) FROM ballot_review r WHERE " + _WAITING,
                                  [session_id, round_, WAITING]))

    def item(self, item_id: str) -> ReviewItem:
        row = self.pf.row("ballot_review", item_id)
        if row is None:
            raise NotFound(_("Esa boleta ya no está en revisión."))
        return self._item(row)

    def _waiting_row(self, session_id: str, round_: str, serial: str) -> dict[str, Any] | None:
        rows = self.pf.query("SELECT * FROM ballot_review WHERE session_id = ? AND round = ? "
                             "AND serial = ? AND status = ?",
                             [session_id, round_, serial, WAITING])
        return rows[0] if rows else None

    # -- writing -----------------------------------------------------------------------
    def take(self, session_id: str, round_: str, read: ReadBallot) -> tuple[str, Changes]:
        """A ballot read by machine: entered as read when sure, otherwise queued.

        A ballot not ready to count (counted already, of another session...) raises the
        register's message and changes nothing. A sure reading whose entry the ballot
        rules would not take whole (a void entry, an option merged away) is queued with
        the rule's words: the machine never enters what a person would be asked about.
        """
        from cocrea_desktop.core.errors import CocreaError
        from cocrea_desktop.store.register import READY

        outcome = self.repo.register.read(session_id, round_, read.serial)
        if outcome.kind != READY:
            raise RuleViolation(outcome.message)
        serial = outcome.serial
        reasons = list(read.reasons)
        if read.sure:
            try:
                checked = self.repo.votes.check_ballot(session_id, round_, read.entry)
            except CocreaError as err:
                reasons.append(err.message)
            else:
                problems = [v.reason for v in checked.voids] + list(checked.notes)
                if not problems and read.entry.strip():
                    waiting = self._waiting_row(session_id, round_, serial)
                    _ballot, changes = self.repo.votes.enter_ballot(
                        session_id, round_, read.entry, serial=serial, read_by="machine",
                        then=None if waiting is None else
                        lambda unit: unit.update("ballot_review", waiting["id"],
                                                 {"status": ENTERED,
                                                  "outcome": read.entry}, stamp=True))
                    return TAKEN_ENTERED, changes
                reasons.extend(problems or [said(N_("La boleta no tiene marcas: revísela (¿en "
                                                    "blanco?)."))])
        return TAKEN_QUEUED, self._queue(session_id, round_, serial, read, reasons)

    def _queue(self, session_id: str, round_: str, serial: str, read: ReadBallot,
               reasons: list[str]) -> Changes:
        values = {"entry": read.entry,
                  "boxes": json.dumps([list(b) for b in read.boxes]),
                  "reasons": json.dumps([stored_text(r) for r in reasons], ensure_ascii=False),
                  "source": read.source, "page": int(read.page),
                  "crop_sha256": read.crop_sha256}
        label = Label(N_("poner en revisión la boleta {serial}"), serial=format_serial(serial))
        existing = self._waiting_row(session_id, round_, serial)
        with self.pf.write("ballot_review.add", label) as unit:
            if existing is not None:  # read again (scanned twice): the newest reading
                unit.update("ballot_review", existing["id"], values, stamp=True)
            else:
                unit.insert("ballot_review", {
                    "id": new_id(), "session_id": session_id, "round": round_,
                    "serial": serial, "status": WAITING, "outcome": "", **values,
                    "created_at": unit.at, "updated_at": unit.at,
                    "device_id": self.pf.device.id})
        return unit.changes()

    def confirm(self, item_id: str, text: str) -> Changes:
        """A person confirmed (or corrected) the entry: entered as confirmed by a person."""
        item = self._open_item(item_id)
        _ballot, changes = self.repo.votes.enter_ballot(
            item.session_id, item.round, text, serial=item.serial, read_by="person",
            then=lambda unit: unit.update("ballot_review", item.id,
                                          {"status": ENTERED, "outcome": " ".join(text.split())},
                                          stamp=True))
        return changes

    def spoil(self, item_id: str, reason: str) -> Changes:
        """A person said this ballot does not count: spoiled in the register, with why."""
        item = self._open_item(item_id)
        reason = " ".join(str(reason or "").split())
        if not reason:
            raise InvalidInput(_("Escriba por qué esta boleta no cuenta."))
        serial = canonical_serial(item.serial)
        issue = self.pf.query("SELECT id, status FROM ballot_issue WHERE session_id = ? AND "
                              "round = ? AND serial = ?", [item.session_id, item.round, serial])
        if not issue:
            raise InvalidInput(_("El folio {serial} no se emitió para esta sesión.").format(
                serial=format_serial(serial)))
        if self.pf.scalar("SELECT 1 FROM ballot WHERE session_id = ? AND round = ? AND "
                          "serial = ?", [item.session_id, item.round, serial]):
            raise RuleViolation(_("La boleta {serial} ya se capturó; anúlela desde la lista de "
                                  "boletas.").format(serial=format_serial(serial)))
        label = Label(N_("marcar como estropeada la boleta {serial}"),
                      serial=format_serial(serial))
        with self.pf.write("ballot_review.spoil", label) as unit:
            unit.update("ballot_issue", issue[0]["id"], {"status": "spoiled"}, stamp=True)
            unit.update("ballot_review", item.id, {"status": SPOILED, "outcome": reason},
                        stamp=True)
        return unit.changes()

    def _open_item(self, item_id: str) -> ReviewItem:
        item = self.item(item_id)
        if item.status != WAITING:
            raise RuleViolation(_("La boleta {serial} ya se revisó.").format(
                serial=item.shown_serial))
        return item
