"""Idea fair (*feria de ideas*): stands, authorities, visits, interest, commitment letters.

The promoter team's contact person is personal data (the journal keeps only a
hash of it); authorities act in their public role and are recorded by name,
post and agency. A signed letter's photo or scan is stored in the process file
with its SHA-256, which the journal records.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import mimetypes
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cocrea_desktop.core import dates
from cocrea_desktop.core.changes import Changes, Label
from cocrea_desktop.core.errors import InvalidInput, NotFound, RuleViolation
from cocrea_desktop.i18n import N_, _
from cocrea_desktop.store.db import new_id

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo

INTEREST_LEVELS: dict[str, str] = {
    "interested": N_("Me interesa"),
    "meeting": N_("Pido reunión"),
    "commit": N_("Firmo compromiso"),
}

LETTER_STATUSES: dict[str, str] = {
    "pending": N_("Pendiente"),
    "in_progress": N_("En proceso"),
    "in_pal": N_("En el PAL"),
    "dropped": N_("Descartada"),
}

MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
ATTACHMENT_TYPES = {"image/jpeg", "image/png", "image/tiff", "application/pdf"}


@dataclass(frozen=True)
class Stand:
    id: str
    session_id: str
    number: int
    title: str
    summary: str = ""
    problem: str = ""
    theme: str = ""
    organisation: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    asks: str = ""


@dataclass(frozen=True)
class Authority:
    id: str
    session_id: str
    number: int
    name: str
    post: str = ""
    agency: str = ""

    def label(self) -> str:
        return ", ".join(p for p in (self.name, self.post, self.agency) if p)


@dataclass(frozen=True)
class Visit:
    id: str
    stand_number: int
    authority_number: int
    visited_at: str
    notes: str = ""


@dataclass(frozen=True)
class Letter:
    id: str
    session_id: str
    folio: str
    stand_id: str
    authority_id: str
    letter_date: str
    team_commits: str = ""
    authority_commits: str = ""
    next_step: str = ""
    next_step_date: str = ""
    follow_up_contact: str = ""
    witness: str = ""
    status: str = "pending"
    status_reason: str = ""
    next_meeting: str = ""
    responsible: str = ""


LETTER_FIELDS = ("letter_date", "team_commits", "authority_commits", "next_step",
                 "next_step_date", "follow_up_contact", "witness", "next_meeting", "responsible")
STAND_FIELDS = ("title", "summary", "problem", "theme", "organisation", "contact_name",
                "contact_phone", "asks")


def _clean(text: Any) -> str:
    return " ".join(str(text or "").split())


def _pick(cls: type, row: dict[str, Any]) -> Any:
    return cls(**{f.name: row[f.name] for f in fields(cls)})


def _meeting(text: str) -> str:
    """The follow-up's next meeting: a typed date is kept as ISO (so that every screen and
    PDF shows it in its language's form); words ("el primer lunes del mes") stay words."""
    text = text.strip()
    if not text:
        return ""
    try:
        return dates.parse_typed(text)
    except InvalidInput:
        return text


def _check_date(text: str) -> str:
    """The date as typed (dd/mm/aaaa, or ISO), as ISO; a Spanish message when it is not one."""
    return dates.parse_typed(text)


class FairStore:
    def __init__(self, repo: Repo) -> None:
        self.repo = repo
        self.pf = repo.pf

    def _new(self, unit) -> dict[str, str]:
        return {"created_at": unit.at, "updated_at": unit.at, "device_id": self.pf.device.id}

    # -- stands ---------------------------------------------------------------
    def stands(self, session_id: str) -> list[Stand]:
        return [_pick(Stand, r) for r in self.pf.query(
            "SELECT * FROM fair_stand WHERE session_id = ? ORDER BY number", [session_id])]

    def stand(self, session_id: str, number: int) -> Stand:
        for stand in self.stands(session_id):
            if stand.number == int(number):
                return stand
        raise NotFound(_("No existe el stand {number}.").format(number=number))

    def add_stand(self, session_id: str, *, title: str, number: int | None = None,
                  **values: str) -> tuple[Stand, Changes]:
        unknown = set(values) - set(STAND_FIELDS)
        if unknown:
            raise InvalidInput(_("Campo desconocido: {names}").format(names=", ".join(unknown)))
        title = _clean(title)
        if not title:
            raise InvalidInput(_("Cada proyecto necesita un título."))
        taken = {s.number for s in self.stands(session_id)}
        if number is None:
            number = max(taken, default=0) + 1
        if number < 1:
            raise InvalidInput(_("El número de stand debe ser 1 o más."))
        if number in taken:
            raise InvalidInput(_("El stand {number} ya está registrado.").format(number=number))
        with self.pf.write("fair.stand_add", Label(N_("registrar el stand {number}"),
                number=number)) as unit:
            stand_id = unit.insert("fair_stand", {
                "id": new_id(), "session_id": session_id, "number": int(number), "title": title,
                **{k: _clean(values.get(k, "")) for k in STAND_FIELDS if k != "title"},
                **self._new(unit)})
        return _pick(Stand, self.pf.row("fair_stand", stand_id)), unit.changes()

    def edit_stand(self, stand_id: str, **values: str) -> Changes:
        unknown = set(values) - set(STAND_FIELDS)
        if unknown:
            raise InvalidInput(_("Campo desconocido: {names}").format(names=", ".join(unknown)))
        row = self.pf.row("fair_stand", stand_id)
        if row is None:
            raise NotFound(_("No existe ese stand."))
        clean = {k: _clean(v) for k, v in values.items()}
        if "title" in clean and not clean["title"]:
            raise InvalidInput(_("Cada proyecto necesita un título."))
        with self.pf.write("fair.stand_edit", Label(N_("editar el stand {number}"),
                number=row["number"])) as unit:
            unit.update("fair_stand", stand_id, clean, stamp=True)
        return unit.changes()

    # -- authorities ------------------------------------------------------------
    def authorities(self, session_id: str) -> list[Authority]:
        return [_pick(Authority, r) for r in self.pf.query(
            "SELECT * FROM fair_authority WHERE session_id = ? ORDER BY number", [session_id])]

    def authority(self, session_id: str, number: int) -> Authority:
        for authority in self.authorities(session_id):
            if authority.number == int(number):
                return authority
        raise NotFound(_("No existe la autoridad {number}.").format(number=number))

    def add_authority(self, session_id: str, *, name: str, post: str = "",
                      agency: str = "") -> tuple[Authority, Changes]:
        name = _clean(name)
        if not name:
            raise InvalidInput(_("Escriba el nombre de la autoridad."))
        number = len(self.authorities(session_id)) + 1
        with self.pf.write("fair.authority_add", Label(N_("registrar a {name}"),
                name=name)) as unit:
            authority_id = unit.insert("fair_authority", {
                "id": new_id(), "session_id": session_id, "number": number, "name": name,
                "post": _clean(post), "agency": _clean(agency), **self._new(unit)})
        return _pick(Authority, self.pf.row("fair_authority", authority_id)), unit.changes()

    # -- visits and interest ------------------------------------------------------
    def log_visit(self, session_id: str, stand_number: int, authority_number: int,
                  notes: str = "") -> Changes:
        """Record that an authority visited a stand, now (pick stand, pick authority, Enter)."""
        stand = self.stand(session_id, stand_number)
        authority = self.authority(session_id, authority_number)
        label = Label(N_("registrar la visita de {name} al stand {number}"),
            name=authority.name, number=stand.number)
        with self.pf.write("fair.visit", label) as unit:
            unit.insert("fair_visit", {"id": new_id(), "session_id": session_id,
                                       "stand_id": stand.id, "authority_id": authority.id,
                                       "visited_at": unit.at, "notes": notes.strip(),
                                       **self._new(unit)})
        return unit.changes()

    def visits(self, session_id: str) -> list[Visit]:
        return [Visit(r["id"], r["stand"], r["authority"], r["visited_at"], r["notes"])
                for r in self.pf.query(
                    "SELECT v.id, s.number AS stand, a.number AS authority, v.visited_at, v.notes "
                    "FROM fair_visit v JOIN fair_stand s ON s.id = v.stand_id "
                    "JOIN fair_authority a ON a.id = v.authority_id WHERE v.session_id = ? "
                    "ORDER BY v.visited_at, v.rowid", [session_id])]

    def set_interest(self, session_id: str, stand_number: int, authority_number: int,
                     level: str | None, note: str = "") -> Changes:
        """*Me interesa* / *pido reunión* / *firmo compromiso* (None clears it)."""
        if level is not None and level not in INTEREST_LEVELS:
            raise InvalidInput(_("Nivel de interés desconocido: {level}").format(level=level))
        stand = self.stand(session_id, stand_number)
        authority = self.authority(session_id, authority_number)
        row_id = f"{stand.id}:{authority.id}"
        label = Label(N_("registrar el interés de {name} en el stand {number}"),
            name=authority.name, number=stand.number)
        with self.pf.write("fair.interest", label) as unit:
            existing = self.pf.row("fair_interest", row_id)
            values = {"level": level or "", "note": note.strip()}
            if existing is None:
                if level is None:
                    return unit.changes()
                unit.insert("fair_interest", {"id": row_id, "session_id": session_id,
                                              "stand_id": stand.id, "authority_id": authority.id,
                                              **values, **self._new(unit)})
            else:
                unit.update("fair_interest", row_id, values, stamp=True)
        return unit.changes()

    def interest_matrix(self, session_id: str) -> dict[tuple[int, int], str]:
        """(stand number, authority number) -> level, for every recorded interest."""
        return {(r["stand"], r["authority"]): r["level"] for r in self.pf.query(
            "SELECT s.number AS stand, a.number AS authority, i.level FROM fair_interest i "
            "JOIN fair_stand s ON s.id = i.stand_id JOIN fair_authority a "
            "ON a.id = i.authority_id WHERE i.session_id = ? AND i.level != ''", [session_id])}

    # -- letters ------------------------------------------------------------------
    def letters(self, session_id: str) -> list[Letter]:
        return [_pick(Letter, r) for r in self.pf.query(
            "SELECT * FROM fair_letter WHERE session_id = ? ORDER BY folio", [session_id])]

    def letter(self, letter_id: str) -> Letter:
        row = self.pf.row("fair_letter", letter_id)
        if row is None:
            raise NotFound(_("No existe esa carta compromiso."))
        return _pick(Letter, row)

    def draft_letter(self, session_id: str, stand_number: int, authority_number: int,
                     **values: str) -> tuple[Letter, Changes]:
        """A carta compromiso for an agreement; its folio is CC-<n> within the session."""
        unknown = set(values) - set(LETTER_FIELDS)
        if unknown:
            raise InvalidInput(_("Campo desconocido: {names}").format(names=", ".join(unknown)))
        stand = self.stand(session_id, stand_number)
        authority = self.authority(session_id, authority_number)
        count = self.pf.scalar("SELECT COUNT(*) FROM fair_letter WHERE session_id = ?",
                               [session_id])
        folio = f"CC-{count + 1:03d}"
        clean = {k: str(values.get(k, "")).strip() for k in LETTER_FIELDS}
        clean["letter_date"] = clean["letter_date"] or dt.date.today().isoformat()
        for key in ("letter_date", "next_step_date"):
            if clean[key]:
                clean[key] = _check_date(clean[key])
        # The next step's date is the follow-up's next meeting until the follow-up says else.
        clean["next_meeting"] = _meeting(clean["next_meeting"]) or clean["next_step_date"]
        with self.pf.write("fair.letter_draft", Label(N_("redactar la carta {folio}"),
                folio=folio)) as unit:
            letter_id = unit.insert("fair_letter", {
                "id": new_id(), "session_id": session_id, "folio": folio, "stand_id": stand.id,
                "authority_id": authority.id, **clean, "status": "pending",
                **self._new(unit)})
        return self.letter(letter_id), unit.changes()

    def edit_letter(self, letter_id: str, **values: str) -> Changes:
        unknown = set(values) - set(LETTER_FIELDS)
        if unknown:
            raise InvalidInput(_("Campo desconocido: {names}").format(names=", ".join(unknown)))
        letter = self.letter(letter_id)
        clean = {k: str(v).strip() for k, v in values.items()}
        for key in ("letter_date", "next_step_date"):
            if clean.get(key):
                clean[key] = _check_date(clean[key])
        if "next_meeting" in clean:
            clean["next_meeting"] = _meeting(clean["next_meeting"])
        date = clean.get("next_step_date", letter.next_step_date)
        # A new next-step date fills the follow-up's next meeting, in the same step, while the
        # follow-up has none or still holds the old next-step date; a meeting the follow-up
        # set (or is setting now) is never overwritten.
        if "next_meeting" not in clean and date and date != letter.next_step_date and \
                letter.next_meeting in ("", letter.next_step_date):
            clean["next_meeting"] = date
        with self.pf.write("fair.letter_edit", Label(N_("editar la carta {folio}"),
                folio=letter.folio)) as unit:
            unit.update("fair_letter", letter.id, clean, stamp=True)
        return unit.changes()

    def set_letter_status(self, letter_id: str, status: str, reason: str = "") -> Changes:
        """Follow-up: pending, in progress, in the PAL, or dropped (with a reason)."""
        if status not in LETTER_STATUSES:
            raise InvalidInput(_("Estado desconocido: {status}").format(status=status))
        reason = reason.strip()
        if status == "dropped" and not reason:
            raise InvalidInput(_("Escriba por qué se descarta la carta."))
        letter = self.letter(letter_id)
        with self.pf.write("fair.letter_status", Label(N_("cambiar el estado de la carta {folio}"),
                                                       folio=letter.folio)) as unit:
            unit.update("fair_letter", letter.id, {"status": status, "status_reason": reason},
                        stamp=True)
        return unit.changes()

    # -- attachments (the signed paper) ---------------------------------------------
    def attach(self, letter_id: str, path: str | Path) -> tuple[str, Changes]:
        """Store a photo or scan of the signed letter in the process file; returns its SHA-256."""
        letter = self.letter(letter_id)
        path = Path(path)
        media_type = mimetypes.guess_type(path.name)[0] or ""
        if media_type not in ATTACHMENT_TYPES:
            raise InvalidInput(_("«{name}» no es una foto (JPEG, PNG, TIFF) ni un PDF.").format(
                name=path.name))
        try:
            size = path.stat().st_size
            if size > MAX_ATTACHMENT_BYTES:
                raise InvalidInput(_("«{name}» es demasiado grande ({mb} MB; máximo 20 MB).")
                                   .format(name=path.name, mb=size // (1024 * 1024)))
            content = path.read_bytes()
        except OSError as err:
            raise InvalidInput(_("No se pudo leer «{name}»: {reason}").format(
                name=path.name, reason=err.strerror or str(err))) from err
        digest = hashlib.sha256(content).hexdigest()
        if self.pf.scalar("SELECT 1 FROM attachment WHERE owner_id = ? AND sha256 = ?",
                          [letter.id, digest]):
            raise RuleViolation(_("Ese archivo ya está adjunto a la carta {folio}.").format(
                folio=letter.folio))
        with self.pf.write("fair.letter_attach", Label(N_("adjuntar la carta firmada {folio}"),
                folio=letter.folio)) as unit:
            unit.insert("attachment", {
                "id": new_id(), "owner_table": "fair_letter", "owner_id": letter.id,
                "file_name": path.name, "media_type": media_type, "sha256": digest,
                "size": len(content), "content": content, **self._new(unit)})
        return digest, unit.changes()

    def attachments(self, letter_id: str) -> list[dict[str, Any]]:
        return self.pf.query("SELECT id, file_name, media_type, sha256, size, created_at "
                             "FROM attachment WHERE owner_table = 'fair_letter' AND owner_id = ? "
                             "ORDER BY created_at", [letter_id])

    def attachment_content(self, attachment_id: str) -> bytes:
        content = self.pf.scalar("SELECT content FROM attachment WHERE id = ?", [attachment_id])
        if content is None:
            raise NotFound(_("No existe ese adjunto."))
        return bytes(content)


#: How the program finds this store: ``repo.fair`` (see ``store.repo.Repo``).
REPO_ATTRIBUTE = "fair"
STORE = FairStore


def options(repo: Repo, session_id: str, vote_on: str) -> list[tuple[int, str]]:
    """What the fair's dot vote is on (``Method.vote_on == "stands"``): its stands, by
    number, named by their project's title (read by ``repo.votes.options_for``)."""
    return [(int(row["number"]), row["label"]) for row in repo.pf.query(
        "SELECT number, title AS label FROM fair_stand WHERE session_id = ? ORDER BY number",
        [session_id])]
