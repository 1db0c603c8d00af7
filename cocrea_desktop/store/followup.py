"""The follow-up of the Local Action Plan: each milestone's progress, with its history.

A progress record says, for one milestone on one date, its status (not started, in
progress, done, late, cancelled with a reason), its percentage, a note and,
optionally, a file of evidence kept in the process file whose SHA-256 goes into the
journal with it (as the idea fair's signed letters). Records are never edited: the
latest by date is the milestone's state and the others its history, so two laptops'
records merge side by side. "Late" is also computed: a milestone whose due date has
passed and is neither done nor cancelled reads late.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import mimetypes
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cocrea_desktop.core import dates
from cocrea_desktop.core.changes import Changes, Label
from cocrea_desktop.core.errors import InvalidInput, NotFound
from cocrea_desktop.i18n import N_, _
from cocrea_desktop.store.db import new_id
from cocrea_desktop.store.stl import clean, word

if TYPE_CHECKING:
    from cocrea_desktop.store.commitments import Commitment, Milestone
    from cocrea_desktop.store.repo import Repo

STATUSES: dict[str, str] = {"not_started": N_("sin iniciar"), "in_progress": N_("en proceso"),
                            "done": N_("cumplido"), "late": N_("atrasado"),
                            "cancelled": N_("cancelado")}
#: Evidence is a photo, a scan, a document or a spreadsheet, up to 20 MB.
MAX_EVIDENCE_BYTES = 20 * 1024 * 1024
OWNER_TABLE = "commitment_milestone"


@dataclass(frozen=True)
class Evidence:
    """A file read for evidence (off the GUI thread for a big one): its bytes and hash."""

    file_name: str
    media_type: str
    sha256: str
    content: bytes


def read_evidence(path: str | Path) -> Evidence:
    """Read a file to attach as evidence; a Spanish message when it cannot be read."""
    path = Path(path)
    try:
        if not path.is_file():
            raise InvalidInput(_("«{name}» no es un archivo que se pueda leer.").format(
                name=path.name or str(path)))
        size = path.stat().st_size
        if size > MAX_EVIDENCE_BYTES:
            raise InvalidInput(_("«{name}» es demasiado grande ({mb} MB; máximo 20 MB).")
                               .format(name=path.name, mb=size // (1024 * 1024)))
        content = path.read_bytes()
    except OSError as err:
        raise InvalidInput(_("No se pudo leer «{name}»: {reason}").format(
            name=path.name, reason=err.strerror or str(err))) from err
    if not content:
        raise InvalidInput(_("«{name}» está vacío; no sirve como evidencia.").format(
            name=path.name))
    media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return Evidence(path.name, media_type, hashlib.sha256(content).hexdigest(), content)


@dataclass(frozen=True)
class Progress:
    id: str
    milestone_id: str
    commitment_id: str
    status: str
    percent: int
    date: str
    reason: str = ""
    note: str = ""
    evidence_id: str = ""
    evidence_name: str = ""
    evidence_sha256: str = ""
    created_at: str = ""
    device_id: str = ""

    @property
    def status_text(self) -> str:
        return word(STATUSES, self.status)


@dataclass(frozen=True)
class MilestoneState:
    """A milestone as the follow-up sees it: its latest record and whether it is late."""

    commitment: Commitment
    milestone: Milestone
    position: int  # 1-based, as the PAL numbers them
    latest: Progress | None
    history: tuple[Progress, ...]  # newest first
    today: str

    @property
    def recorded_status(self) -> str:
        return self.latest.status if self.latest else "not_started"

    @property
    def status(self) -> str:
        """The status to show: the recorded one, or late when the due date passed and
        it is neither done nor cancelled."""
        status = self.recorded_status
        if (status not in ("done", "cancelled") and self.milestone.due_date
                and self.milestone.due_date < self.today):
            return "late"
        return status

    @property
    def status_text(self) -> str:
        return word(STATUSES, self.status)

    @property
    def percent(self) -> int:
        return self.latest.percent if self.latest else 0

    @property
    def label(self) -> str:
        return f"{self.commitment.label}.{self.position}"


class FollowupStore:
    def __init__(self, repo: Repo) -> None:
        self.repo = repo
        self.pf = repo.pf

    def today(self) -> str:
        return dt.datetime.fromtimestamp(self.pf.clock.now(), tz=dt.UTC).date(
        ).isoformat()

    # -- reading -----------------------------------------------------------------
    def records(self) -> list[Progress]:
        rows = self.pf.query(
            "SELECT p.*, a.file_name AS evidence_name, a.sha256 AS evidence_sha256 "
            "FROM milestone_progress p JOIN commitment c ON c.id = p.commitment_id "
            "LEFT JOIN attachment a ON a.id = p.evidence_id AND p.evidence_id != '' "
            "WHERE c.process_id = ? ORDER BY p.date DESC, p.created_at DESC, p.id DESC",
            [self.repo.process().id])
        return [Progress(r["id"], r["milestone_id"], r["commitment_id"], r["status"],
                         r["percent"], r["date"], r["reason"], r["note"], r["evidence_id"],
                         r["evidence_name"] or "", r["evidence_sha256"] or "",
                         r["created_at"], r["device_id"]) for r in rows]

    def states(self, *, today: str | None = None) -> list[MilestoneState]:
        """Every milestone of every commitment, in the PAL's order, with its progress."""
        day = today or self.today()
        by_stone: dict[str, list[Progress]] = {}
        for rec in self.records():
            by_stone.setdefault(rec.milestone_id, []).append(rec)
        out = []
        for c in self.repo.commitments.list():
            for i, m in enumerate(c.milestones, 1):
                history = tuple(by_stone.get(m.id, ()))
                out.append(MilestoneState(c, m, i, history[0] if history else None, history,
                                          day))
        return out

    def state(self, milestone: str, *, today: str | None = None) -> MilestoneState:
        """A milestone by id or by its label ("1.2": commitment 1, milestone 2)."""
        text = str(milestone).strip()
        for s in self.states(today=today):
            if s.milestone.id == text or s.label.casefold() == text.casefold():
                return s
        raise NotFound(_("No existe el hito «{id}» (escríbalo como compromiso.hito, por "
                         "ejemplo 1.2).").format(id=text))

    def due(self, by: str, *, today: str | None = None) -> list[MilestoneState]:
        """The milestones due by a date (ISO) that are neither done nor cancelled: the
        list a follow-up meeting reviews."""
        day = _iso(by, _("fecha de corte"))
        return [s for s in self.states(today=today)
                if s.milestone.due_date and s.milestone.due_date <= day
                and s.recorded_status not in ("done", "cancelled")]

    def summary(self, *, today: str | None = None) -> dict[str, int]:
        """How many milestones stand in each status (late computed)."""
        counts = dict.fromkeys(STATUSES, 0)
        for s in self.states(today=today):
            counts[s.status] += 1
        return counts

    def evidence(self, milestone: str) -> list[dict[str, Any]]:
        s = self.state(milestone)
        return self.pf.query("SELECT id, file_name, media_type, sha256, size, created_at "
                             "FROM attachment WHERE owner_table = ? AND owner_id = ? "
                             "ORDER BY created_at, id", [OWNER_TABLE, s.milestone.id])

    def evidence_content(self, attachment_id: str) -> bytes:
        content = self.pf.scalar("SELECT content FROM attachment WHERE id = ? AND "
                                 "owner_table = ?", [attachment_id, OWNER_TABLE])
        if content is None:
            raise NotFound(_("No existe esa evidencia."))
        return bytes(content)

    # -- writing -----------------------------------------------------------------
    def record(self, milestone: str, *, status: str, percent: Any = None, date: Any = "",
               note: str = "", reason: str = "",
               evidence: Evidence | str | Path | None = None) -> tuple[Progress, Changes]:
        """Record a milestone's progress (one journaled transaction, evidence included).

        ``date`` is ISO or typed (dd/mm/aaaa); empty means today. ``percent`` empty
        means 100 when done, 0 when not started, the latest otherwise."""
        s = self.state(milestone)
        if status not in STATUSES:
            raise InvalidInput(_("«{status}» no es un estado de avance (sin iniciar, en "
                                 "proceso, cumplido, atrasado, cancelado).").format(
                status=status))
        day = _iso(date, _("fecha del avance")) or self.today()
        if s.commitment.start_date and day < s.commitment.start_date:
            raise InvalidInput(_("La fecha del avance ({date}) es anterior al inicio del "
                                 "compromiso {label} ({start}).").format(
                date=dates.format_date(day, "numeric"), label=s.commitment.label,
                start=dates.format_date(s.commitment.start_date, "numeric")))
        value = _percent(percent, status, s.percent)
        if status == "done" and value != 100:
            raise InvalidInput(_("Un hito cumplido va al 100 %."))
        reason = clean(reason, 1000)
        if status == "cancelled" and not reason:
            raise InvalidInput(_("Escriba por qué se cancela el hito."))
        if isinstance(evidence, (str, Path)):
            evidence = read_evidence(evidence)
        with self.pf.write("followup.progress", Label(
                N_("registrar el avance del hito {label}"), label=s.label)) as unit:
            evidence_id = ""
            if evidence is not None:
                evidence_id = self._attach(unit, s.milestone.id, evidence)
            pid = unit.insert("milestone_progress", {
                "id": new_id(), "milestone_id": s.milestone.id,
                "commitment_id": s.commitment.id, "status": status, "percent": value,
                "date": day, "reason": reason, "note": clean(note, 2000),
                "evidence_id": evidence_id, "created_at": unit.at, "updated_at": unit.at,
                "device_id": self.pf.device.id})
        rec = next(r for r in self.records() if r.id == pid)
        return rec, unit.changes()

    def attach(self, milestone: str, evidence: Evidence | str | Path) -> tuple[str, Changes]:
        """Attach a file of evidence to a milestone without a new record; its SHA-256."""
        s = self.state(milestone)
        if isinstance(evidence, (str, Path)):
            evidence = read_evidence(evidence)
        with self.pf.write("followup.evidence", Label(
                N_("adjuntar evidencia al hito {label}"), label=s.label)) as unit:
            self._attach(unit, s.milestone.id, evidence)
        return evidence.sha256, unit.changes()

    def _attach(self, unit: Any, milestone_id: str, evidence: Evidence) -> str:
        known = self.pf.scalar("SELECT id FROM attachment WHERE owner_table = ? AND "
                               "owner_id = ? AND sha256 = ?",
                               [OWNER_TABLE, milestone_id, evidence.sha256])
        if known:
            return str(known)
        return unit.insert("attachment", {
            "id": new_id(), "owner_table": OWNER_TABLE, "owner_id": milestone_id,
            "file_name": evidence.file_name, "media_type": evidence.media_type,
            "sha256": evidence.sha256, "size": len(evidence.content),
            "content": evidence.content, "created_at": unit.at, "updated_at": unit.at,
            "device_id": self.pf.device.id})


def _iso(value: Any, what: str) -> str:
    text = str(value or "").strip()
    if not text:
        return ""
    try:
        return dates.parse_typed(text)
    except InvalidInput:
        raise InvalidInput(_("La fecha «{value}» ({what}) no es válida; escríbala como "
                             "{hint}.").format(value=text, what=what,
                                               hint=dates.numeric_hint())) from None


def _percent(value: Any, status: str, latest: int) -> int:
    if value is None or str(value).strip() == "":
        return 100 if status == "done" else 0 if status == "not_started" else latest
    text = str(value).strip().rstrip("%").strip()
    try:
        number = int(text)
    except ValueError:
        raise InvalidInput(_("El porcentaje «{value}» no es un número entero de 0 a 100.")
                           .format(value=value)) from None
    if not 0 <= number <= 100:
        raise InvalidInput(_("El porcentaje debe estar entre 0 y 100 (se escribió {value}).")
                           .format(value=number))
    return number


def counts_text(counts: Sequence[tuple[str, int]]) -> str:
    return ", ".join(f"{word(STATUSES, k)}: {n}" for k, n in counts)
