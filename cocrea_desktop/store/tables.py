"""Table laptops of one process: which laptop has which sessions, and which came back.

At the office, *Preparar computadoras de mesa* records one row per table laptop (its
name, the sessions assigned, the starting file written for it, the ballots' secret
encrypted under the table's code) in one transaction; ``export/tables.py`` then writes
the files. A table laptop opening its file records itself on its row (its device and
when); that change travels back in its bundle, and the office knows the laptop came
back when it has imported a bundle from that device (``bundle_import``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cocrea_desktop.core import dates
from cocrea_desktop.core.changes import Changes, Label
from cocrea_desktop.core.errors import InvalidInput, NotFound
from cocrea_desktop.i18n import N_, _, ngettext
from cocrea_desktop.store.db import new_id

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo

#: The longest table name (it is shown on a banner and printed on the sheet).
MAX_NAME = 60


@dataclass(frozen=True)
class TablePlan:
    """One table laptop to prepare: its name and the sessions assigned to it."""

    name: str
    sessions: tuple[str, ...]


@dataclass(frozen=True)
class TableLaptop:
    id: str
    name: str
    sessions: tuple[str, ...]
    file_name: str
    secret_box: str
    prepared_at: str
    laptop_device_id: str
    opened_at: str
    came_back_at: str  # the last bundle imported here from the laptop ('' if none)

    @property
    def came_back(self) -> bool:
        return bool(self.came_back_at)

    def status_text(self) -> str:
        if self.came_back:
            return _("regresó el {when}").format(when=dates.format_datetime(self.came_back_at))
        if self.opened_at:
            return _("abierta en su computadora; aún no regresa")
        # The office cannot know whether the table opened its file: only that its
        # bundle has not come back.
        return _("preparada; aún no regresa")


class TableStore:
    """``repo.tables``."""

    def __init__(self, repo: Repo) -> None:
        self.repo = repo
        self.pf = repo.pf

    # -- reading -----------------------------------------------------------
    def list(self) -> list[TableLaptop]:
        rows = self.pf.query("""
            SELECT t.*, COALESCE((SELECT MAX(b.imported_at) FROM bundle_import b
                                  WHERE t.laptop_device_id != ''
                                    AND b.device_id = t.laptop_device_id), '') AS came_back_at
            FROM table_laptop t ORDER BY t.prepared_at, t.name, t.id""")
        return [self._laptop(r) for r in rows]

    def get(self, table_id: str) -> TableLaptop:
        for laptop in self.list():
            if laptop.id == table_id:
                return laptop
        raise NotFound(_("No existe la computadora de mesa «{id}».").format(id=table_id))

    def this_laptop(self) -> TableLaptop | None:
        """The table this file belongs to, when this computer opened it as a table laptop."""
        device = self.pf.device.id
        for laptop in self.list():
            if laptop.laptop_device_id == device:
                return laptop
        return None

    def away_at(self, session_id: str) -> TableLaptop | None:
        """The table laptop that has ``session_id`` and has not come back, when this
        computer is not that laptop: running the session here too would give two
        versions of it (two sets of ideas and ballots) to reconcile."""
        device = self.pf.device.id
        for laptop in reversed(self.list()):  # the latest preparation first
            if session_id in laptop.sessions:
                if laptop.laptop_device_id == device or laptop.came_back:
                    return None
                return laptop
        return None

    @staticmethod
    def _laptop(row: dict) -> TableLaptop:
        try:
            sessions = tuple(str(s) for s in json.loads(row["sessions"] or "[]"))
        except (ValueError, TypeError):
            sessions = ()
        return TableLaptop(row["id"], row["name"], sessions, row["file_name"],
                           row["secret_box"], row["prepared_at"], row["laptop_device_id"],
                           row["opened_at"], row.get("came_back_at") or "")

    # -- checking ----------------------------------------------------------
    def check_plan(self, plan: Sequence[TablePlan]) -> list[TablePlan]:
        """The plan cleaned (names trimmed, sessions as full ids), or a Spanish error:
        no table, a table without a name or without sessions, a name twice, a session in
        two tables, a session that does not exist or is archived."""
        if not plan:
            raise InvalidInput(_("Agregue al menos una mesa."))
        clean: list[TablePlan] = []
        names: set[str] = set()
        owner: dict[str, str] = {}
        for table in plan:
            name = " ".join(str(table.name or "").split())
            if not name:
                raise InvalidInput(_("Cada mesa necesita un nombre."))
            if len(name) > MAX_NAME:
                raise InvalidInput(_("El nombre de la mesa «{name}» es demasiado largo "
                                     "(máximo {max} caracteres).").format(name=name[:20] + "…",
                                                                         max=MAX_NAME))
            if name.casefold() in names:
                raise InvalidInput(_("Hay dos mesas llamadas «{name}»: cada mesa necesita un "
                                     "nombre distinto.").format(name=name))
            names.add(name.casefold())
            if not table.sessions:
                raise InvalidInput(_("La mesa «{name}» no tiene sesiones: marque al menos "
                                     "una.").format(name=name))
            ids: list[str] = []
            for given in table.sessions:
                session = self.repo.session(str(given))
                if session.archived:
                    raise InvalidInput(_("La sesión «{question}» está archivada: recupérela "
                                         "antes de asignarla a una mesa.").format(
                        question=session.question))
                if session.id in owner and owner[session.id] != name:
                    raise InvalidInput(_("La sesión «{question}» está en dos mesas («{one}» y "
                                         "«{two}»): cada sesión va a una sola mesa.").format(
                        question=session.question, one=owner[session.id], two=name))
                owner[session.id] = name
                if session.id not in ids:
                    ids.append(session.id)
            clean.append(TablePlan(name, tuple(ids)))
        return clean

    # -- writing -----------------------------------------------------------
    def prepare(self, tables: Iterable[tuple[TablePlan, str, str]], *,
                office_public_key: str = "") -> tuple[list[str], Changes]:
        """Record the table laptops about to be written, in one transaction: each
        ``(plan, file_name, secret_box)``. Returns the new rows' ids. ``office_public_key``
        (base64) is set on the process when it has none: the tables' files carry it, and
        their names and phones come back sealed for the office."""
        items = list(tables)
        self.check_plan([plan for plan, _file, _box in items])
        process = self.repo.process()
        label = Label(N_("preparar {n} computadoras de mesa"), n=len(items))
        ids: list[str] = []
        with self.pf.write("tables.prepare", label, undoable=False) as unit:
            current = self.pf.scalar("SELECT office_public_key FROM process WHERE id = ?",
                                     [process.id]) or ""
            if office_public_key and not current:
                unit.update("process", process.id, {"office_public_key": office_public_key},
                            stamp=True)
            for plan, file_name, box in items:
                ids.append(unit.insert("table_laptop", {
                    "id": new_id(), "process_id": process.id, "name": plan.name,
                    "sessions": json.dumps(list(plan.sessions)), "file_name": file_name,
                    "secret_box": box, "prepared_at": unit.at, "created_at": unit.at,
                    "updated_at": unit.at, "device_id": self.pf.device.id}))
        return ids, unit.changes()

    def mark_opened(self, table_id: str, ballot_secret_hex: str) -> Changes:
        """On the table laptop: this computer is the table's, and the ballots' secret
        (opened with the code) is in place. One transaction; the secret is never stamped
        on the process row (it travels sealed or not at all, so the office's row stays
        as it was)."""
        laptop = self.get(table_id)
        process = self.repo.process()
        label = Label(N_("abrir la computadora de la mesa «{name}»"), name=laptop.name)
        with self.pf.write("tables.open", label, undoable=False) as unit:
            if ballot_secret_hex:
                unit.update("process", process.id, {"ballot_secret": ballot_secret_hex})
            unit.update("table_laptop", laptop.id, {"laptop_device_id": self.pf.device.id,
                                                    "opened_at": unit.at}, stamp=True)
        return unit.changes()

    # -- the office's view -------------------------------------------------
    def status_lines(self) -> list[str]:
        """One Spanish line per table laptop: name, sessions, and whether it came back."""
        lines = []
        for laptop in self.list():
            n = len(laptop.sessions)
            sessions = ngettext("{n} sesión", "{n} sesiones", n).format(n=n)
            lines.append(_("{name} ({sessions}): {status}").format(
                name=laptop.name, sessions=sessions, status=laptop.status_text()))
        return lines
