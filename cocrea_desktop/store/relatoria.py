"""The relatoría of a session: what the facilitator writes, next to what the data says."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cocrea_desktop.core.changes import Changes, Label
from cocrea_desktop.core.errors import InvalidInput
from cocrea_desktop.core.model import Relatoria
from cocrea_desktop.i18n import N_, _

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo

FIELDS = ("convergences", "dissent", "next_steps", "notes")


class RelatoriaStore:
    def __init__(self, repo: Repo) -> None:
        self.repo = repo
        self.pf = repo.pf

    def get(self, session_id: str) -> Relatoria:
        row = self.pf.row("relatoria", session_id)
        if row is None:
            self.repo.session(session_id)  # raises NotFound for a wrong id
            return Relatoria(session_id=session_id)
        return Relatoria(session_id=session_id, **{k: row[k] for k in FIELDS},
                         updated_at=row["updated_at"])

    def save(self, session_id: str, **values: str) -> Changes:
        unknown = set(values) - set(FIELDS)
        if unknown:
            raise InvalidInput(_("Campo desconocido: {names}").format(names=", ".join(unknown)))
        self.repo.session(session_id)
        clean = {k: str(v).strip() for k, v in values.items()}
        with self.pf.write("relatoria.save", Label(N_("editar la relatoría"))) as unit:
            if self.pf.row("relatoria", session_id) is None:
                unit.insert("relatoria", {"id": session_id, "session_id": session_id,
                                          **{k: "" for k in FIELDS}, **clean,
                                          "created_at": unit.at, "updated_at": unit.at,
                                          "device_id": self.pf.device.id})
            else:
                unit.update("relatoria", session_id, clean, stamp=True)
        return unit.changes().made(session_id=session_id)
