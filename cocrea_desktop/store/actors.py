"""The actor map of the diagnosis: organisations, their interest and influence on the topic.

An actor is an organisation (an ejido, a water committee, a school...) with its
sector, territory, interest and influence on the topic (1 to 5) and a note; these
are public. Its contact person and phone are personal data, kept in
``actor_contact`` (the journal keeps only their digest; open data and unsealed
bundles never carry them), and can be erased at the person's request (ARCO).
"""

from __future__ import annotations

import secrets
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cocrea_desktop.core.actor_map import Placed, place, quadrant
from cocrea_desktop.core.changes import Changes, Label
from cocrea_desktop.core.errors import InvalidInput, NotFound
from cocrea_desktop.i18n import N_, _
from cocrea_desktop.store.db import new_id, translate_sqlite_error
from cocrea_desktop.store.stl import clean, one_line, word
from cocrea_desktop.store.table_rows import checked_rows, plain

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo

SECTORS: dict[str, str] = {
    "government": N_("gobierno"),
    "civil_society": N_("sociedad civil"),
    "community": N_("comunidad"),
    "private": N_("sector privado"),
    "academia": N_("academia"),
    "media": N_("medios"),
    "other": N_("otro"),
}
PUBLIC_FIELDS = ("organisation", "sector", "territory", "interest", "influence", "note")
CONTACT_FIELDS = ("contact_name", "contact_phone")
#: Header cells an import understands (compared without case or accents) -> field.
IMPORT_HEADERS: dict[str, str] = {
    "organizacion": "organisation", "organisation": "organisation",
    "organization": "organisation", "actor": "organisation",
    "sector": "sector", "territorio": "territory", "territory": "territory",
    "interes": "interest", "interest": "interest",
    "influencia": "influence", "influence": "influence",
    "nota": "note", "note": "note",
    "contacto": "contact_name", "contact": "contact_name",
    "telefono": "contact_phone", "phone": "contact_phone",
}
MAX_IMPORT = 2000


def sector_text(key: str) -> str:
    return word(SECTORS, key)


@dataclass(frozen=True)
class Actor:
    id: str
    number: int
    organisation: str
    sector: str
    territory: str = ""
    interest: int = 3
    influence: int = 3
    note: str = ""
    contact_name: str = ""
    contact_phone: str = ""

    @property
    def sector_text(self) -> str:
        return sector_text(self.sector)

    @property
    def quadrant(self) -> str:
        return quadrant(self.interest, self.influence)

    def public(self) -> dict[str, Any]:
        """What may be published: no contact."""
        return {"number": self.number, **{k: getattr(self, k) for k in PUBLIC_FIELDS}}


def find_sector(text: Any) -> str:
    """A sector by key or by its name in either language ("sociedad civil", "media")."""
    raw = " ".join(str(text or "").split())
    if raw in SECTORS:
        return raw
    wanted = plain(raw)
    for key, name in SECTORS.items():
        if wanted in (plain(name), plain(_(name)), plain(key.replace("_", " "))):
            return key
    raise InvalidInput(_("El sector «{sector}» no existe; use uno de: {sectors}.").format(
        sector=raw, sectors=", ".join(_(n) for n in SECTORS.values())))


def level(value: Any, what: str) -> int:
    text = str(value if value is not None else "").strip()
    if not (text.isascii() and text.isdigit() and 1 <= int(text) <= 5):
        raise InvalidInput(_("{what} debe ser un número entero del 1 al 5 (se escribió "
                             "«{value}»).").format(what=what, value=text))
    return int(text)


class ActorStore:
    def __init__(self, repo: Repo) -> None:
        self.repo = repo
        self.pf = repo.pf

    # -- reading -----------------------------------------------------------
    def list(self) -> list[Actor]:
        rows = self.pf.query(
            "SELECT a.*, c.name AS contact_name, c.phone AS contact_phone FROM actor a "
            "LEFT JOIN actor_contact c ON c.actor_id = a.id WHERE a.process_id = ? "
            "ORDER BY a.created_at, a.rowid", [self.repo.process().id])
        return [Actor(r["id"], i, r["organisation"], r["sector"], r["territory"],
                      r["interest"], r["influence"], r["note"], r["contact_name"] or "",
                      r["contact_phone"] or "") for i, r in enumerate(rows, 1)]

    def get(self, actor_id: str) -> Actor:
        return self.find(actor_id)

    def find(self, text: str) -> Actor:
        """An actor by id, by its number in the list or by its organisation's name."""
        raw = " ".join(str(text).split())
        actors = self.list()
        if raw.isdigit() and 1 <= int(raw) <= len(actors):
            return actors[int(raw) - 1]
        for a in actors:
            if a.id == raw or a.organisation.casefold() == raw.casefold():
                return a
        raise NotFound(_("No existe el actor «{actor}».").format(actor=raw))

    def chart(self) -> list[Placed]:
        """The influence/interest chart's positions (drawn by the screen and the PDF)."""
        return place([(a.id, a.organisation, a.interest, a.influence) for a in self.list()])

    # -- checking ----------------------------------------------------------
    def check(self, values: Mapping[str, Any], current: Actor | None = None) -> dict[str, Any]:
        """The values to write, checked; a Spanish message when one is wrong."""
        unknown = set(values) - set(PUBLIC_FIELDS) - set(CONTACT_FIELDS)
        if unknown:
            raise InvalidInput(_("No se puede indicar «{field}» en un actor.").format(
                field=sorted(unknown)[0]))
        out: dict[str, Any] = {}
        if "organisation" in values or current is None:
            out["organisation"] = one_line(values.get("organisation"), 200)
            if not out["organisation"]:
                raise InvalidInput(_("Cada actor necesita el nombre de su organización."))
            taken = {a.organisation.casefold(): a.organisation for a in self.list()
                     if current is None or a.id != current.id}
            if out["organisation"].casefold() in taken:
                raise InvalidInput(_("Ya existe un actor llamado «{name}».").format(
                    name=taken[out["organisation"].casefold()]))
        if "sector" in values or current is None:
            out["sector"] = find_sector(values.get("sector") or "civil_society")
        if "territory" in values:
            out["territory"] = one_line(values["territory"], 200)
        if "note" in values:
            out["note"] = clean(values["note"], 2000)
        for key, what in (("interest", _("El interés")), ("influence", _("La influencia"))):
            if key in values or current is None:
                out[key] = level(values.get(key, 3), what)
        if "contact_name" in values:
            out["contact_name"] = one_line(values["contact_name"], 200)
        if "contact_phone" in values:
            phone = one_line(values["contact_phone"], 40)
            if phone and not all(ch.isdigit() or ch in " +-()." for ch in phone):
                raise InvalidInput(_("El teléfono «{phone}» solo puede tener números, "
                                     "espacios y + - ( ).").format(phone=phone))
            out["contact_phone"] = phone
        return out

    # -- writing -----------------------------------------------------------
    def _write_contact(self, unit: Any, actor_id: str, row: Mapping[str, Any],
                       current: Actor | None) -> None:
        contact = {("name" if k == "contact_name" else "phone"): row[k]
                   for k in CONTACT_FIELDS if k in row}
        if not contact:
            return
        had = current is not None and self.pf.row("actor_contact", actor_id) is not None
        if had:
            unit.update("actor_contact", actor_id, contact, stamp=True)
        elif any(contact.values()):
            unit.insert("actor_contact", {
                "id": actor_id, "actor_id": actor_id, "name": contact.get("name", ""),
                "phone": contact.get("phone", ""), "salt": secrets.token_hex(16),
                "created_at": unit.at, "updated_at": unit.at, "device_id": self.pf.device.id})

    def add(self, organisation: str, **values: Any) -> tuple[Actor, Changes]:
        row = self.check({"organisation": organisation, **values})
        label = Label(N_("agregar el actor «{name}»"), name=row["organisation"])
        with self.pf.write("actor.add", label) as unit:
            aid = self._insert(unit, row)
        return self.get(aid), unit.changes().made(created=aid, created_kind="actor")

    def _insert(self, unit: Any, row: Mapping[str, Any]) -> str:
        aid = unit.insert("actor", {
            "id": new_id(), "process_id": self.repo.process().id,
            **{k: v for k, v in row.items() if k in PUBLIC_FIELDS},
            "created_at": unit.at, "updated_at": unit.at, "device_id": self.pf.device.id})
        self._write_contact(unit, aid, row, None)
        return aid

    def edit(self, actor_id: str, **values: Any) -> Changes:
        actor = self.get(actor_id)
        row = self.check(values, actor)
        public = {k: v for k, v in row.items() if k in PUBLIC_FIELDS
                  and getattr(actor, k) != v}
        contact = {k: v for k, v in row.items() if k in CONTACT_FIELDS
                   and getattr(actor, k) != v}
        label = Label(N_("editar el actor «{name}»"), name=actor.organisation)
        if not public and not contact:
            return Changes(label=label, undoable=False)
        with self.pf.write("actor.edit", label) as unit:
            if public:
                unit.update("actor", actor.id, public, stamp=True)
            self._write_contact(unit, actor.id, contact, actor)
        return unit.changes()

    def remove(self, actor_id: str) -> Changes:
        """Take an actor off the map (with its contact); undoable."""
        actor = self.get(actor_id)
        label = Label(N_("quitar el actor «{name}»"), name=actor.organisation)
        with self.pf.write("actor.remove", label) as unit:
            contact = self.pf.row("actor_contact", actor.id)
            if contact is not None:
                unit.restore("actor_contact", actor.id, contact, None)
            unit.restore("actor", actor.id, self.pf.row("actor", actor.id), None)
        return unit.changes()

    def erase_contact(self, actor_id: str) -> Changes:
        """Erase the contact person's data at their request (ARCO). Final, not undoable."""
        actor = self.get(actor_id)
        if self.pf.row("actor_contact", actor.id) is None or not (
                actor.contact_name or actor.contact_phone):
            raise InvalidInput(_("El actor «{name}» no tiene datos de contacto que "
                                 "borrar.").format(name=actor.organisation))
        label = Label(N_("borrar el contacto del actor «{name}»"), name=actor.organisation)
        try:
            self.pf.conn.execute("PRAGMA secure_delete = ON")
        except sqlite3.Error as err:
            raise translate_sqlite_error(err, self.pf.path) from err
        with self.pf.write("actor.erase_contact", label, undoable=False) as unit:
            unit.update("actor_contact", actor.id, {"name": "", "phone": "", "salt": ""},
                        stamp=True)
        for stack in (self.pf.undo_stack, self.pf.redo_stack):
            stack[:] = [step for step in stack
                        if not any(op.table == "actor_contact" and op.id == actor.id
                                   for op in step.ops)]
        try:
            self.pf.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error:
            pass
        return Changes(label=label, tables=unit.changes().tables, ids=unit.changes().ids,
                       undoable=False)

    def import_rows(self, rows: Sequence[Sequence[str]], *, source: str = "") -> tuple[
            int, Changes]:
        """Add the actors of a table (a header row, then one actor a row), all or none.

        A wrong row stops the import with its line number; nothing is written."""
        checked = checked_rows(
            rows, headers=IMPORT_HEADERS, required="organisation",
            missing=_("Falta la columna «organización» en la primera fila. Columnas posibles: "
                      "organización, sector, territorio, interés, influencia, nota, contacto, "
                      "teléfono."),
            empty=_("El archivo no tiene actores debajo de la primera fila."),
            check=self.check, taken={a.organisation.casefold() for a in self.list()},
            max_rows=MAX_IMPORT, defaults={"interest": "3", "influence": "3"})
        label = Label(N_("importar {n} actores"), n=len(checked))
        with self.pf.write("actor.import", label) as unit:
            for row in checked:
                self._insert(unit, row)
        return len(checked), unit.changes()
