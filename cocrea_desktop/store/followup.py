"""The follow-up of the Local Action Plan: each milestone's progress, with its history.

A progress record says, for one milestone on one date, its status (not started, in
progress, done, late, cancelled with a reason), its percentage, a note and,
optionally, a file of evidence kept in the process file whose SHA-256 goes into the
journal with it (as the idea fair's signed letters). Records are never edited: the
latest by date is the milestone's state and the others its history, so two laptops'
records merge side by side. "Late" is also computed: a milestone whose due date has
passed and is neither done nor cancelled reads late.

What a session agreed in writing (a method's signed letters, say) feeds the same
follow-up: a method names :data:`AGREEMENTS_HOOK` and lists its *agreements*, each with
the proposal origins that carry it; a commitment shows the agreements its proposals came
from, their signed copies can be a milestone's evidence (the same bytes, the same
SHA-256), and those no commitment carries are listed so that none is lost.
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
from cocrea_desktop.i18n import N_, _, ngettext
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
#: The hook a method names in its ``proposals`` (or ``store``) module when what its sessions
#: agreed in writing feeds the follow-up: ``FOLLOWUP_AGREEMENTS(repo) -> list[Agreement]``,
#: every such agreement of the process, worded in the current language.
AGREEMENTS_HOOK = "FOLLOWUP_AGREEMENTS"


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
class AgreementFile:
    """A signed copy of an agreement kept in the process file (a row of ``attachment``)."""

    id: str
    file_name: str
    media_type: str
    sha256: str
    size: int = 0


@dataclass(frozen=True)
class Agreement:
    """Something a session agreed in writing, as a method tells it (neutral words)."""

    id: str
    #: The proposal origin kind it is (data, as ``ProposalOrigin.source_kind``).
    kind: str
    #: Its kind in words: the heading of its list ("Cartas compromiso de la feria") and the
    #: noun counted ("carta compromiso de la feria", "cartas compromiso de la feria").
    heading: str
    noun: tuple[str, str]
    folio: str
    who: str
    committed: str
    date: str  # ISO
    status: str  # the method's code
    status_text: str
    next_meeting: str  # ISO, or words ("el primer lunes del mes")
    session_id: str = ""
    files: tuple[AgreementFile, ...] = ()
    #: The proposal origins (kind, source id) that carry it: a proposal with one of them
    #: among its origins comes, in part, from this agreement.
    origins: tuple[tuple[str, str], ...] = ()
    #: Dropped, cancelled: not listed among those the plan left out.
    closed: bool = False


@dataclass(frozen=True)
class CarriedAgreement:
    """An agreement with the proposals and the commitments that carry it."""

    agreement: Agreement
    proposals: tuple[str, ...]  # labels
    commitments: tuple[str, ...]  # labels
    proposal_ids: tuple[str, ...] = ()


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

    # -- agreements (what the methods' sessions agreed in writing) -----------------
    def agreements(self) -> list[Agreement]:
        """Every agreement the methods list (:data:`AGREEMENTS_HOOK`), in their order."""
        from cocrea_desktop.core.methods import all_methods
        from cocrea_desktop.store.proposals import method_hook

        found: list[Agreement] = []
        for method in all_methods():
            hook = method_hook(method, AGREEMENTS_HOOK)
            if hook is not None:
                found.extend(hook(self.repo))
        return found

    def carried(self) -> list[CarriedAgreement]:
        """Each agreement with the proposals whose origins include it and the commitments
        made of those proposals."""
        agreements = self.agreements()
        if not agreements:
            return []
        by_origin: dict[tuple[str, str], list[str]] = {}
        labels: dict[str, str] = {}
        for p in self.repo.proposals.list(include_inactive=True):
            labels[p.id] = p.label
            if not p.active:
                continue
            for o in p.origins:
                by_origin.setdefault((o.source_kind, o.source_id), []).append(p.id)
        by_proposal: dict[str, list[str]] = {}
        for c in self.repo.commitments.list():
            for pid in c.proposals:
                by_proposal.setdefault(pid, []).append(c.label)
        out = []
        for a in agreements:
            pids = sorted({pid for key in a.origins for pid in by_origin.get(key, ())},
                          key=list(labels).index)
            commitments = list(dict.fromkeys(label for pid in pids
                                             for label in by_proposal.get(pid, ())))
            out.append(CarriedAgreement(a, tuple(labels[pid] for pid in pids),
                                        tuple(commitments), tuple(pids)))
        return out

    def commitment_agreements(self, commitment: Commitment | str) -> list[Agreement]:
        """The agreements a commitment's proposals came from."""
        c = self.repo.commitments.get(commitment) if isinstance(commitment, str) \
            else commitment
        return [x.agreement for x in self.carried() if c.label in x.commitments]

    def loose_agreements(self) -> list[CarriedAgreement]:
        """The agreements (not closed) that no commitment of the plan carries."""
        return [c for c in self.carried() if not c.commitments and not c.agreement.closed]

    def agreement_evidence(self, milestone: str, agreement: str,
                           file_id: str = "") -> Evidence:
        """The signed copy of an agreement of the milestone's commitment (by its folio or
        id), as evidence: the same bytes and SHA-256, read from the process file."""
        s = self.state(milestone)
        text = str(agreement).strip()
        mine = self.commitment_agreements(s.commitment)
        found = [a for a in mine if text in (a.id,) or a.folio.casefold() == text.casefold()]
        if not found:
            if not mine:
                raise InvalidInput(_("El compromiso {label} no viene de ningún acuerdo "
                                     "firmado (como una carta compromiso).").format(
                    label=s.commitment.label))
            raise InvalidInput(_("«{folio}» no es un acuerdo firmado del compromiso {label} "
                                 "(son: {folios}).").format(
                folio=text, label=s.commitment.label,
                folios=", ".join(a.folio for a in mine)))
        if len(found) > 1:
            raise InvalidInput(_("Hay varios acuerdos con el folio «{folio}»; elija uno por "
                                 "su identificador.").format(folio=text))
        a = found[0]
        files = [f for f in a.files if not file_id or f.id == file_id]
        if not files:
            raise InvalidInput(_("{folio} no tiene adjunta su copia firmada; adjunte primero "
                                 "la foto o el escaneo del papel firmado.").format(
                folio=a.folio))
        f = files[0]
        content = self.pf.scalar("SELECT content FROM attachment WHERE id = ?", [f.id])
        if content is None:
            raise NotFound(_("No existe esa copia firmada."))
        content = bytes(content)
        digest = hashlib.sha256(content).hexdigest()
        if digest != f.sha256:
            raise InvalidInput(_("La copia firmada de {folio} no coincide con su SHA-256; no "
                                 "sirve como evidencia.").format(folio=a.folio))
        return Evidence(f.file_name, f.media_type, digest, content)

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


def agreement_columns() -> list[str]:
    """The headings of an agreement's row (:func:`agreement_row`)."""
    return [_("Folio"), _("Fecha"), _("Quién se comprometió"), _("Se comprometió a"),
            _("Estado"), _("Próxima reunión")]


def agreement_row(a: Agreement) -> list[str]:
    """An agreement as the progress report's table and the tab show it."""
    return [a.folio, _date(a.date), a.who or "—", a.committed or "—", a.status_text or "—",
            _date(a.next_meeting)]


def agreement_lines(a: Agreement) -> list[str]:
    """An agreement in a few lines (the follow-up tab, the CLI)."""
    folio, date, who, committed, status, meeting = agreement_row(a)
    lines = [f"{folio} · {date} · {who}",
             _("Se comprometió a: {text}").format(text=committed),
             _("Estado: {status} · Próxima reunión: {date}").format(status=status,
                                                                      date=meeting)]
    for f in a.files:
        lines.append(_("Copia firmada: {name} · SHA-256 {sha}").format(name=f.file_name,
                                                                       sha=f.sha256))
    if not a.files:
        lines.append(_("Sin copia firmada adjunta."))
    return lines


def by_heading(agreements: Sequence[Agreement]) -> list[tuple[str, list[Agreement]]]:
    """Agreements grouped under their kind's heading, in the order they came."""
    groups: dict[str, list[Agreement]] = {}
    for a in agreements:
        groups.setdefault(a.heading, []).append(a)
    return list(groups.items())


def loose_lines(loose: Sequence[CarriedAgreement]) -> list[str]:
    """"2 cartas compromiso de la feria no están en ningún compromiso del plan: CC-001 (sin
    propuesta), CC-003 (propuesta 7)": one line per kind of agreement."""
    groups: dict[tuple[str, str], list[CarriedAgreement]] = {}
    for x in loose:
        groups.setdefault(x.agreement.noun, []).append(x)
    lines = []
    for (one, many), items in groups.items():
        folios = ", ".join(f"{x.agreement.folio} ({loose_where(x)})" for x in items)
        noun = _(one) if len(items) == 1 else _(many)
        lines.append(ngettext("{n} {noun} no está en ningún compromiso del plan: {folios}.",
                              "{n} {noun} no están en ningún compromiso del plan: {folios}.",
                              len(items)).format(n=len(items), noun=noun, folios=folios))
    return lines


def loose_where(x: CarriedAgreement) -> str:
    """Where an agreement no commitment carries stands: its proposals, or none."""
    if not x.proposals:
        return _("sin propuesta")
    return ngettext("propuesta {labels}", "propuestas {labels}", len(x.proposals)).format(
        labels=", ".join(x.proposals))


def _date(iso: str) -> str:
    """A date as shown (numeric); words that are not a date stay words; none is a dash."""
    return dates.format_date(iso, "numeric") if iso else "—"


def counts_text(counts: Sequence[tuple[str, int]]) -> str:
    return ", ".join(f"{word(STATUSES, k)}: {n}" for k, n in counts)
