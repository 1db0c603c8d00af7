"""Attendance and the privacy notice: anonymous counts, people when needed, ARCO rights.

Counts by dimension (sector, sex, age band, community, language) are always
anonymous. People (number, name, optional phone, consent ticks) are recorded
only when the process needs it; each can be shown, corrected and erased.
Erasing keeps the counts, empties the row for good (not undoable), scrubs the
freed bytes from the file (``secure_delete`` and a WAL checkpoint), and drops
the in-memory undo steps that still held the values. The journal only ever
holds a hash of a name or a phone (``PERSONAL_FIELDS`` in the migrations).
Every change goes through the store's one write path (journaled, undoable).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from cocrea_desktop.core import privacy
from cocrea_desktop.core.changes import Changes, Label
from cocrea_desktop.core.errors import InvalidInput, NotFound, RuleViolation
from cocrea_desktop.core.privacy import Person, PrivacySettings
from cocrea_desktop.i18n import N_, _
from cocrea_desktop.store.db import new_id, translate_sqlite_error

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo


class AttendanceStore:
    def __init__(self, repo: Repo) -> None:
        self.repo = repo
        self.pf = repo.pf

    # -- the privacy notice (per process) -------------------------------------------------
    def privacy(self) -> PrivacySettings:
        row = self.pf.query("SELECT privacy_body, privacy_notice, privacy_full_notice_at "
                            "FROM process LIMIT 1")
        if not row:
            raise NotFound(_("El archivo no contiene ningún proceso."))
        return PrivacySettings(body=row[0]["privacy_body"], notice=row[0]["privacy_notice"],
                               full_notice_at=row[0]["privacy_full_notice_at"])

    def notice_text(self) -> str:
        """The simplified notice as printed, with the process's responsible body."""
        return privacy.render_notice(self.privacy(),
                                     fallback_body=self.repo.process().responsible_body)

    def set_privacy(self, *, body: str, notice: str, full_notice_at: str) -> Changes:
        clean = privacy.clean_privacy(body, notice, full_notice_at)
        process = self.repo.process()
        with self.pf.write("privacy.update", Label(N_("editar el aviso de privacidad"))) as unit:
            unit.update("process", process.id, {
                "privacy_body": clean.body, "privacy_notice": clean.notice,
                "privacy_full_notice_at": clean.full_notice_at}, stamp=True)
        return unit.changes()

    def notice_read_aloud(self, session_id: str) -> bool:
        session = self.repo.session(session_id)
        return bool(self.pf.scalar("SELECT notice_read_aloud FROM session WHERE id = ?",
                                   [session.id]))

    def set_notice_read_aloud(self, session_id: str, read: bool = True) -> Changes:
        session = self.repo.session(session_id)
        label = Label(N_("anotar que se leyó el aviso de privacidad") if read else
                      N_("anotar que no se leyó el aviso de privacidad"))
        with self.pf.write("attendance.notice_read", label) as unit:
            unit.update("session", session.id, {"notice_read_aloud": bool(read)}, stamp=True)
        return unit.changes().made(session_id=session_id)

    # -- anonymous counts ------------------------------------------------------------------
    def counts(self, session_id: str) -> dict[str, dict[str, int]]:
        """Counts per dimension and category (zeros left out), in display order."""
        session = self.repo.session(session_id)
        return privacy.inclusion_summary(self.pf.query(
            "SELECT dimension, category, count FROM attendance_count WHERE session_id = ?",
            [session.id]))

    def totals(self, session_id: str) -> dict[str, int]:
        """How many people each dimension accounts for."""
        return {d: sum(c.values()) for d, c in self.counts(session_id).items()}

    def set_count(self, session_id: str, dimension: str, category: str, count: object
                  ) -> Changes:
        """Set one count, e.g. sector «gobierno» = 4 (0 clears it)."""
        dimension = privacy.clean_dimension(dimension)
        return self.set_counts(session_id, dimension,
                               {privacy.clean_category(dimension, category): count},
                               replace=False)

    def set_counts(self, session_id: str, dimension: str, counts: Mapping[str, object], *,
                   replace: bool = True) -> Changes:
        """Set the counts of one dimension in one action; with ``replace``, others go to 0."""
        session = self.repo.session(session_id)
        dimension = privacy.clean_dimension(dimension)
        clean: dict[str, int] = {}
        for category, count in counts.items():
            key = privacy.clean_category(dimension, category)
            clean[key] = clean.get(key, 0) + privacy.clean_count(count)
        existing = {r["category"]: r for r in self.pf.query(
            "SELECT id, category, count FROM attendance_count WHERE session_id = ? AND "
            "dimension = ?", [session.id, dimension])}
        if replace:
            for category in existing:
                clean.setdefault(category, 0)
        label = Label(N_("anotar la asistencia por {dimension}"),
            dimension=Label(privacy.DIMENSIONS[dimension]).lowered()
            if dimension in privacy.DIMENSIONS else dimension)
        with self.pf.write("attendance.count", label) as unit:
            for category, count in clean.items():
                row = existing.get(category)
                if row is None:
                    if count == 0:
                        continue
                    unit.insert("attendance_count", {
                        "id": f"{session.id}:{dimension}:{category}", "session_id": session.id,
                        "dimension": dimension, "category": category, "count": count,
                        "created_at": unit.at, "updated_at": unit.at,
                        "device_id": self.pf.device.id})
                else:
                    unit.update("attendance_count", row["id"], {"count": count}, stamp=True)
        return unit.changes().made(session_id=session_id)

    def inclusion(self) -> dict[str, dict[str, int]]:
        """The process's inclusion summary: counts of every current session, summed."""
        return privacy.inclusion_summary(self.pf.query(
            "SELECT a.dimension, a.category, a.count FROM attendance_count a "
            "JOIN session s ON s.id = a.session_id WHERE s.archived = 0"))

    # -- people (ARCO: show, correct, erase) ------------------------------------------------
    def people(self, session_id: str, *, include_erased: bool = True) -> list[Person]:
        session = self.repo.session(session_id)
        sql = "SELECT * FROM person WHERE session_id = ?"
        if not include_erased:
            sql += " AND erased = 0"
        return [self._person(r) for r in self.pf.query(sql + " ORDER BY number", [session.id])]

    def person(self, person_id: str) -> Person:
        row = self.pf.row("person", person_id)
        if row is None:
            raise NotFound(_("No existe esa persona en la lista de asistencia."))
        return self._person(row)

    def person_by_number(self, session_id: str, number: int) -> Person:
        for person in self.people(session_id):
            if person.number == int(number):
                return person
        raise NotFound(_("No hay una persona con el número {number} en esta lista.").format(
            number=number))

    @staticmethod
    def _person(row: dict[str, Any]) -> Person:
        return Person(id=row["id"], session_id=row["session_id"], number=row["number"],
                      name=row["name"], phone=row["phone"],
                      consent_contact=bool(row["consent_contact"]),
                      consent_photos=bool(row["consent_photos"]), erased=bool(row["erased"]))

    def add_person(self, session_id: str, *, name: str, phone: str = "",
                   consent_contact: bool = False, consent_photos: bool = False
                   ) -> tuple[Person, Changes]:
        session = self.repo.session(session_id)
        name = privacy.clean_person_name(name)
        phone = privacy.clean_phone(phone)
        if phone and not consent_contact:
            raise InvalidInput(_("El teléfono solo se anota si la persona acepta que la "
                                 "contacten para el seguimiento."))
        number = (self.pf.scalar("SELECT MAX(number) FROM person WHERE session_id = ?",
                                 [session.id]) or 0) + 1
        label = Label(N_("anotar a la persona {number} en la asistencia"), number=number)
        with self.pf.write("person.add", label) as unit:
            person_id = unit.insert("person", {
                "id": new_id(), "session_id": session.id, "number": number, "name": name,
                "phone": phone, "consent_contact": bool(consent_contact),
                "consent_photos": bool(consent_photos), "erased": False,
                "created_at": unit.at, "updated_at": unit.at, "device_id": self.pf.device.id})
        return self.person(person_id), unit.changes().made(
            session_id=session.id, created=person_id, created_kind="person")

    def correct_person(self, person_id: str, **values: Any) -> Changes:
        """Correct a person's data (ARCO: rectification); only the fields given change."""
        person = self.person(person_id)
        if person.erased:
            raise RuleViolation(_("Los datos de esta persona ya se borraron."))
        allowed = {"name", "phone", "consent_contact", "consent_photos"}
        unknown = set(values) - allowed
        if unknown:
            raise InvalidInput(_("Campo desconocido: {names}").format(names=", ".join(unknown)))
        clean: dict[str, Any] = {}
        if "name" in values:
            clean["name"] = privacy.clean_person_name(values["name"])
        if "phone" in values:
            clean["phone"] = privacy.clean_phone(values["phone"])
        for key in ("consent_contact", "consent_photos"):
            if key in values:
                clean[key] = bool(values[key])
        phone = clean.get("phone", person.phone)
        contact = clean.get("consent_contact", person.consent_contact)
        if phone and not contact:
            if "consent_contact" in clean:
                clean["phone"] = ""  # withdrawing consent to be contacted drops the phone
            else:
                raise InvalidInput(_("El teléfono solo se anota si la persona acepta que la "
                                     "contacten para el seguimiento."))
        label = Label(N_("corregir los datos de la persona {number}"), number=person.number)
        with self.pf.write("person.correct", label) as unit:
            unit.update("person", person.id, clean, stamp=True)
        return unit.changes()

    def erase_person(self, person_id: str) -> Changes:
        """Erase a person's data at their request (ARCO: cancellation). Final, not undoable.

        The row keeps its number (the paper sheet's numbering) and the flag ``erased``;
        name, phone and consents are emptied. The counts are not touched.
        """
        person = self.person(person_id)
        if person.erased:
            raise RuleViolation(_("Los datos de esta persona ya se borraron."))
        label = Label(N_("borrar los datos de la persona {number}"), number=person.number)
        try:
            # Freed bytes are overwritten with zeros, so the old values leave the file.
            self.pf.conn.execute("PRAGMA secure_delete = ON")
        except sqlite3.Error as err:
            raise translate_sqlite_error(err, self.pf.path) from err
        with self.pf.write("person.erase", label, undoable=False) as unit:
            unit.update("person", person.id, {"name": "", "phone": "", "consent_contact": False,
                                              "consent_photos": False, "erased": True,
                                              "salt": ""},
                        stamp=True)
        self._forget_in_memory(person.id)
        try:
            # Old page images in the WAL still hold the values: fold and truncate it.
            self.pf.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error:
            pass  # a reader holds the WAL; the next checkpoint (at the latest, on close) does it
        return Changes(label=label, tables=unit.changes().tables, ids=unit.changes().ids,
                       undoable=False)

    def _forget_in_memory(self, person_id: str) -> None:
        """Drop undo/redo steps holding the erased values (they live only in memory)."""
        for stack in (self.pf.undo_stack, self.pf.redo_stack):
            stack[:] = [step for step in stack
                        if not any(op.table == "person" and op.id == person_id
                                   for op in step.ops)]
