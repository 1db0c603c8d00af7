"""The existing initiatives of the diagnosis: what is already being done on the topic.

CEPAL's first report asks, before any citizen meeting, what programmes, projects,
policies and citizen initiatives already exist on the topic, who runs them, where and
since when, so that the plan builds on them instead of repeating them. An initiative
is public information (an office or an organisation, never a person's data).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cocrea_desktop.core.changes import Changes, Label
from cocrea_desktop.core.errors import InvalidInput, NotFound
from cocrea_desktop.i18n import N_, _
from cocrea_desktop.store.db import new_id
from cocrea_desktop.store.stl import clean, one_line, word
from cocrea_desktop.store.table_rows import checked_rows, plain

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo

KINDS: dict[str, str] = {
    "programme": N_("programa de gobierno"),
    "project": N_("proyecto"),
    "policy": N_("política o reglamento"),
    "citizen": N_("iniciativa ciudadana"),
    "other": N_("otra"),
}
STATUSES: dict[str, str] = {
    "running": N_("en marcha"),
    "planned": N_("en planeación"),
    "finished": N_("concluida"),
    "stopped": N_("suspendida"),
}
FIELDS = ("name", "kind", "responsible", "theme", "territory", "status", "years", "note")
#: Header cells an import understands (compared without case or accents) -> field.
IMPORT_HEADERS: dict[str, str] = {
    "iniciativa": "name", "nombre": "name", "name": "name", "initiative": "name",
    "programa": "name",
    "tipo": "kind", "kind": "kind", "type": "kind",
    "responsable": "responsible", "quien la realiza": "responsible",
    "responsible": "responsible", "run by": "responsible",
    "tema": "theme", "theme": "theme",
    "territorio": "territory", "territory": "territory",
    "estado": "status", "status": "status",
    "periodo": "years", "anos": "years", "years": "years", "period": "years",
    "nota": "note", "note": "note",
}
MAX_IMPORT = 2000


def kind_text(key: str) -> str:
    return word(KINDS, key)


def status_text(key: str) -> str:
    return word(STATUSES, key)


@dataclass(frozen=True)
class Initiative:
    id: str
    number: int
    name: str
    kind: str = "programme"
    responsible: str = ""
    theme: str = ""
    territory: str = ""
    status: str = "running"
    years: str = ""
    note: str = ""

    @property
    def kind_text(self) -> str:
        return kind_text(self.kind)

    @property
    def status_text(self) -> str:
        return status_text(self.status)

    def public(self) -> dict[str, Any]:
        return {"number": self.number, **{k: getattr(self, k) for k in FIELDS}}


def _find_key(words: Mapping[str, str], text: Any, message: str) -> str:
    """A key of ``words`` by the key itself or by its name in either language."""
    raw = " ".join(str(text or "").split())
    if raw in words:
        return raw
    wanted = plain(raw)
    for key, name in words.items():
        if wanted in (plain(name), plain(_(name)), plain(key)):
            return key
    raise InvalidInput(message.format(value=raw, values=", ".join(
        _(n) for n in words.values())))


def find_kind(text: Any) -> str:
    return _find_key(KINDS, text, _("El tipo «{value}» no existe; use uno de: {values}."))


def find_status(text: Any) -> str:
    return _find_key(STATUSES, text, _("El estado «{value}» no existe; use uno de: "
                                       "{values}."))


class InitiativeStore:
    def __init__(self, repo: Repo) -> None:
        self.repo = repo
        self.pf = repo.pf

    # -- reading -----------------------------------------------------------
    def list(self) -> list[Initiative]:
        rows = self.pf.query("SELECT * FROM initiative WHERE process_id = ? "
                             "ORDER BY created_at, rowid", [self.repo.process().id])
        return [Initiative(r["id"], i, *(r[k] for k in FIELDS)) for i, r in enumerate(rows, 1)]

    def find(self, text: str) -> Initiative:
        """An initiative by id, by its number in the list or by its name."""
        raw = " ".join(str(text).split())
        found = self.list()
        if raw.isdigit() and 1 <= int(raw) <= len(found):
            return found[int(raw) - 1]
        for item in found:
            if item.id == raw or item.name.casefold() == raw.casefold():
                return item
        raise NotFound(_("No existe la iniciativa «{name}».").format(name=raw))

    def themes(self) -> list[str]:
        return sorted({i.theme for i in self.list() if i.theme}, key=str.casefold)

    # -- checking ----------------------------------------------------------
    def check(self, values: Mapping[str, Any],
              current: Initiative | None = None) -> dict[str, Any]:
        """The values to write, checked; a Spanish message when one is wrong."""
        unknown = set(values) - set(FIELDS)
        if unknown:
            raise InvalidInput(_("No se puede indicar «{field}» en una iniciativa.").format(
                field=sorted(unknown)[0]))
        out: dict[str, Any] = {}
        if "name" in values or current is None:
            out["name"] = one_line(values.get("name"), 300)
            if not out["name"]:
                raise InvalidInput(_("Cada iniciativa necesita un nombre."))
            taken = {i.name.casefold(): i.name for i in self.list()
                     if current is None or i.id != current.id}
            if out["name"].casefold() in taken:
                raise InvalidInput(_("Ya existe una iniciativa llamada «{name}».").format(
                    name=taken[out["name"].casefold()]))
        if "kind" in values or current is None:
            out["kind"] = find_kind(values.get("kind") or "programme")
        if "status" in values or current is None:
            out["status"] = find_status(values.get("status") or "running")
        for key, size in (("responsible", 200), ("theme", 200), ("territory", 200),
                          ("years", 60)):
            if key in values:
                out[key] = one_line(values[key], size)
        if "note" in values:
            out["note"] = clean(values["note"], 2000)
        return out

    # -- writing -----------------------------------------------------------
    def add(self, name: str, **values: Any) -> tuple[Initiative, Changes]:
        row = self.check({"name": name, **values})
        label = Label(N_("agregar la iniciativa «{name}»"), name=row["name"])
        with self.pf.write("initiative.add", label) as unit:
            iid = self._insert(unit, row)
        return self.find(iid), unit.changes().made(created=iid, created_kind="initiative")

    def _insert(self, unit: Any, row: Mapping[str, Any]) -> str:
        return unit.insert("initiative", {
            "id": new_id(), "process_id": self.repo.process().id, **row,
            "created_at": unit.at, "updated_at": unit.at, "device_id": self.pf.device.id})

    def edit(self, initiative_id: str, **values: Any) -> Changes:
        current = self.find(initiative_id)
        row = {k: v for k, v in self.check(values, current).items()
               if getattr(current, k) != v}
        label = Label(N_("editar la iniciativa «{name}»"), name=current.name)
        if not row:
            return Changes(label=label, undoable=False)
        with self.pf.write("initiative.edit", label) as unit:
            unit.update("initiative", current.id, row, stamp=True)
        return unit.changes()

    def remove(self, initiative_id: str) -> Changes:
        """Take an initiative off the list; undoable."""
        current = self.find(initiative_id)
        label = Label(N_("quitar la iniciativa «{name}»"), name=current.name)
        with self.pf.write("initiative.remove", label) as unit:
            unit.restore("initiative", current.id, self.pf.row("initiative", current.id), None)
        return unit.changes()

    def import_rows(self, rows: Sequence[Sequence[str]]) -> tuple[int, Changes]:
        """Add the initiatives of a table (a header row, then one a row), all or none.

        A wrong row stops the import with its line number; nothing is written."""
        checked = checked_rows(
            rows, headers=IMPORT_HEADERS, required="name",
            missing=_("Falta la columna «iniciativa» en la primera fila. Columnas posibles: "
                      "iniciativa, tipo, responsable, tema, territorio, estado, periodo, nota."),
            empty=_("El archivo no tiene iniciativas debajo de la primera fila."),
            check=self.check, taken={i.name.casefold() for i in self.list()},
            max_rows=MAX_IMPORT)
        label = Label.plural("importar {n} iniciativa", "importar {n} iniciativas",
                             len(checked), n=len(checked))
        with self.pf.write("initiative.import", label) as unit:
            for row in checked:
                self._insert(unit, row)
        return len(checked), unit.changes()
