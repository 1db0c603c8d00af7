"""Typed reads and writes of a process, returning core dataclasses.

Each writing method is one user action: one transaction, journaled, undoable,
returning the :class:`Changes` the views need. Validation that a user can trip
raises a typed error with a Spanish message before anything is written.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import os
import secrets
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cocrea_desktop.core.changes import Changes, Label
from cocrea_desktop.core.clock import Clock
from cocrea_desktop.core.errors import InvalidInput, NotFound, RuleViolation, StorageError
from cocrea_desktop.core.methods import get_method, method_modules, method_title
from cocrea_desktop.core.model import (
    PARTICIPATION_LEVELS,
    PROCESS_FIELDS,
    SESSION_FIELDS,
    SESSION_STATUSES,
    Process,
    Session,
    SessionId,
    round_label,
)
from cocrea_desktop.i18n import N_, _, ngettext
from cocrea_desktop.store.db import ProcessFile, create_process_file, iso_now, new_id, open_process
from cocrea_desktop.store.device import Device

if TYPE_CHECKING:
    from cocrea_desktop.store.actors import ActorStore
    from cocrea_desktop.store.attendance import AttendanceStore
    from cocrea_desktop.store.commitments import CommitmentStore
    from cocrea_desktop.store.consultation import ConsultationStore
    from cocrea_desktop.store.followup import FollowupStore
    from cocrea_desktop.store.ideas import IdeaStore
    from cocrea_desktop.store.initiatives import InitiativeStore
    from cocrea_desktop.store.phases import PhaseStore
    from cocrea_desktop.store.proposals import ProposalStore
    from cocrea_desktop.store.register import BallotRegister
    from cocrea_desktop.store.relatoria import RelatoriaStore
    from cocrea_desktop.store.review import ReviewQueue
    from cocrea_desktop.store.route import RouteStore
    from cocrea_desktop.store.stl import StlStore
    from cocrea_desktop.store.tables import TableStore
    from cocrea_desktop.store.votes import VoteStore


def _shorten(text: str, size: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"


class _Store:
    """A store of :class:`Repo`, made (and its module imported) on first use: opening a
    process to list its sessions needs none of them, and importing them all (votes,
    tallies, the ballot register, proposals, commitments...) was a third of opening a
    process at start-up (more where Python compiles them, without cached bytecode)."""

    def __init__(self, module: str, name: str) -> None:
        self.module, self.name = module, name
        self.attribute = ""

    def __set_name__(self, owner: type, attribute: str) -> None:
        self.attribute = attribute

    def __get__(self, repo: Repo | None, owner: type | None = None) -> Any:
        if repo is None:
            return self
        with _STORES_LOCK:  # two threads asking at once get the same store
            found = repo.__dict__.get(self.attribute)
            if found is None:
                cls = getattr(importlib.import_module(self.module), self.name)
                found = repo.__dict__[self.attribute] = cls(repo)
        return found


_STORES_LOCK = threading.RLock()


class Repo:
    """An open process: the one object the GUI and the CLI talk to."""

    if TYPE_CHECKING:
        phases: PhaseStore
        ideas: IdeaStore
        votes: VoteStore
        relatoria: RelatoriaStore
        attendance: AttendanceStore
        register: BallotRegister
        review: ReviewQueue
        proposals: ProposalStore
        tables: TableStore
        stl: StlStore
        commitments: CommitmentStore
        consultation: ConsultationStore
        followup: FollowupStore
        route: RouteStore
        actors: ActorStore
        initiatives: InitiativeStore
    else:
        phases = _Store("cocrea_desktop.store.phases", "PhaseStore")
        ideas = _Store("cocrea_desktop.store.ideas", "IdeaStore")
        votes = _Store("cocrea_desktop.store.votes", "VoteStore")
        relatoria = _Store("cocrea_desktop.store.relatoria", "RelatoriaStore")
        attendance = _Store("cocrea_desktop.store.attendance", "AttendanceStore")
        register = _Store("cocrea_desktop.store.register", "BallotRegister")
        review = _Store("cocrea_desktop.store.review", "ReviewQueue")
        proposals = _Store("cocrea_desktop.store.proposals", "ProposalStore")
        tables = _Store("cocrea_desktop.store.tables", "TableStore")
        stl = _Store("cocrea_desktop.store.stl", "StlStore")
        commitments = _Store("cocrea_desktop.store.commitments", "CommitmentStore")
        consultation = _Store("cocrea_desktop.store.consultation", "ConsultationStore")
        followup = _Store("cocrea_desktop.store.followup", "FollowupStore")
        route = _Store("cocrea_desktop.store.route", "RouteStore")
        actors = _Store("cocrea_desktop.store.actors", "ActorStore")
        initiatives = _Store("cocrea_desktop.store.initiatives", "InitiativeStore")

    def __init__(self, pf: ProcessFile) -> None:
        self.pf = pf
        self._method_stores: dict[str, Any] = {}

    # -- the methods' own stores -------------------------------------------
    @staticmethod
    def method_store_classes() -> dict[str, type]:
        """attribute -> class of every method's own store: a method package's ``store``
        module names them as ``REPO_ATTRIBUTE`` (default: the method's key) and ``STORE``
        (``repo.fishbowl``, ``repo.fair``)."""
        found: dict[str, type] = {}
        for method, module in method_modules("store"):
            store = getattr(module, "STORE", None)
            if store is not None:
                found[getattr(module, "REPO_ATTRIBUTE", method.key)] = store
        return found

    def __getattr__(self, name: str) -> Any:
        # Only called for attributes not set in __init__: a method's store, made on first use.
        if name.startswith("_"):
            raise AttributeError(name)
        stores = self.__dict__.get("_method_stores")
        if stores is None:
            raise AttributeError(name)
        if name not in stores:
            store = self.method_store_classes().get(name)
            if store is None:
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            stores[name] = store(self)
        return stores[name]

    # -- opening -----------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike[str], *, read_only: bool = False,
             device: Device | None = None, clock: Clock | None = None,
             break_lock: bool = False, backup_on_open: bool = True,
             check_on_open: bool = True) -> Repo:
        return cls(open_process(path, read_only=read_only, device=device, clock=clock,
                                break_lock=break_lock, backup_on_open=backup_on_open,
                                check_on_open=check_on_open))

    @classmethod
    def create(cls, path: str | os.PathLike[str], *, name: str, municipality: str = "",
               state: str = "", period: str = "", responsible_body: str = "",
               device: Device | None = None, clock: Clock | None = None) -> Repo:
        name = name.strip()
        if not name:
            raise InvalidInput(_("El proceso necesita un nombre."))
        pf = create_process_file(path, device=device, clock=clock)
        repo = cls(pf)
        now = iso_now(pf.clock)
        with pf.write("process.create", Label(N_("crear proceso")), undoable=False) as unit:
            unit.insert("process", {
                "id": new_id(), "name": name, "municipality": municipality.strip(),
                "state": state.strip(), "period": period.strip(),
                "responsible_body": responsible_body.strip(),
                "ballot_secret": secrets.token_hex(32),
                "created_at": now, "updated_at": now, "device_id": pf.device.id,
            })
        return repo

    @property
    def path(self) -> Path:
        return self.pf.path

    @property
    def read_only(self) -> bool:
        return self.pf.read_only

    @property
    def closed(self) -> bool:
        """Closed: a window still holding it (the room view's clock) must not read it."""
        return self.pf.closed

    def close(self) -> None:
        self.pf.close()

    def __enter__(self) -> Repo:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- process -----------------------------------------------------------
    def process(self) -> Process:
        rows = self.pf.query("SELECT * FROM process LIMIT 1")
        if not rows:
            raise NotFound(_("El archivo no contiene ningún proceso."))
        row = rows[0]
        return Process(**{k: row[k] for k in Process.__dataclass_fields__})

    def ballot_secret(self) -> bytes:
        secret = self.pf.scalar("SELECT ballot_secret FROM process LIMIT 1") or ""
        if not secret:
            raise StorageError(_("Este proceso llegó en un paquete sin la clave de sus boletas "
                                 "(viaja sellada para la oficina): importe el paquete con la "
                                 "llave de la oficina para imprimir o leer boletas."))
        return bytes.fromhex(secret)

    def update_process(self, **values: Any) -> Changes:
        unknown = set(values) - set(PROCESS_FIELDS)
        if unknown:
            raise InvalidInput(_("Campo desconocido: {names}").format(names=", ".join(unknown)))
        values = {k: str(v).strip() for k, v in values.items()}
        if "name" in values and not values["name"]:
            raise InvalidInput(_("El proceso necesita un nombre."))
        process = self.process()
        with self.pf.write("process.update", Label(N_("editar datos del proceso"))) as unit:
            unit.update("process", process.id, values, stamp=True)
        return unit.changes()

    # -- sessions ----------------------------------------------------------
    def sessions(self, *, include_archived: bool = False) -> list[Session]:
        sql = "SELECT * FROM session"
        if not include_archived:
            sql += " WHERE archived = 0"
        sql += " ORDER BY position, created_at"
        return [self._session(row) for row in self.pf.query(sql)]

    def session(self, session_id: str) -> Session:
        row = self.pf.row("session", session_id)
        if row is None:
            row = self._session_by_prefix(session_id)
        return self._session(row)

    def _session_by_prefix(self, prefix: str) -> dict[str, Any]:
        rows = self.pf.query("SELECT * FROM session WHERE id LIKE ? LIMIT 2", [prefix + "%"])
        if len(rows) == 1 and len(prefix) >= 4:
            return rows[0]
        raise NotFound(_("No existe la sesión «{id}».").format(id=prefix))

    @staticmethod
    def _session(row: dict[str, Any]) -> Session:
        data = {k: row[k] for k in Session.__dataclass_fields__ if k in row}
        data["archived"] = bool(data["archived"])
        data["interpreter"] = bool(data["interpreter"])
        data["params"] = json.loads(data["params"] or "{}")
        data["phase"] = row.get("phase", "")
        data["voting_started_at"] = row.get("voting_started_at", "")
        return Session(**data)

    def _clean_session_values(self, values: dict[str, Any]) -> dict[str, Any]:
        unknown = set(values) - set(SESSION_FIELDS) - {"params"}
        if unknown:
            raise InvalidInput(_("Campo desconocido: {names}").format(names=", ".join(unknown)))
        clean: dict[str, Any] = {}
        for key, value in values.items():
            if key in ("interpreter",):
                clean[key] = bool(value)
            elif key == "participant_count":
                try:
                    clean[key] = int(value or 0)
                except (TypeError, ValueError):
                    raise InvalidInput(_("El número de participantes debe ser un número "
                                         "entero.")) from None
                if clean[key] < 0:
                    raise InvalidInput(_("El número de participantes no puede ser negativo."))
            elif key == "params":
                clean[key] = dict(value or {})
            else:
                clean[key] = " ".join(str(value or "").split()) if key != "question" \
                    else str(value or "").strip()
        if "method" in clean:
            get_method(clean["method"])  # raises a clear error for an unknown method
        if "question" in clean and not clean["question"]:
            raise InvalidInput(_("La sesión necesita una pregunta detonadora."))
        if "status" in clean and clean["status"] not in SESSION_STATUSES:
            raise InvalidInput(_("Estado desconocido: {status}").format(status=clean["status"]))
        if "participation_level" in clean and clean["participation_level"] not in \
                PARTICIPATION_LEVELS:
            raise InvalidInput(_("Nivel de participación desconocido: {level}").format(
                level=clean["participation_level"]))
        if clean.get("date"):
            try:
                dt.date.fromisoformat(clean["date"])
            except ValueError:
                raise InvalidInput(_("La fecha «{date}» no es válida; use el formato "
                                     "AAAA-MM-DD.").format(date=clean["date"])) from None
        return clean

    def add_session(self, *, method: str, question: str, **values: Any) -> tuple[SessionId,
                                                                                   Changes]:
        """Create a session; returns its id and the changes."""
        clean = self._clean_session_values({"method": method, "question": question, **values})
        process = self.process()
        position = (self.pf.scalar("SELECT MAX(position) FROM session") or 0) + 1
        label = Label(N_("crear sesión «{question}»"), question=_shorten(clean["question"]))
        with self.pf.write("session.create", label) as unit:
            session_id = unit.insert("session", {
                "id": new_id(), "process_id": process.id, **clean, "position": position,
                "created_at": unit.at, "updated_at": unit.at, "device_id": self.pf.device.id,
            })
        return SessionId(session_id), unit.changes().made(
            session_id=session_id, created=session_id, created_kind="session")

    def update_session(self, session_id: str, **values: Any) -> Changes:
        session = self.session(session_id)
        clean = self._clean_session_values(values)
        label = Label(N_("editar sesión «{question}»"), question=_shorten(session.question))
        with self.pf.write("session.update", label) as unit:
            unit.update("session", session.id, clean, stamp=True)
        return unit.changes().made(session_id=session_id)

    def duplicate_session(self, session_id: str) -> tuple[SessionId, Changes]:
        """A copy of the session's set-up (not of what was captured in it), as planned."""
        s = self.session(session_id)
        values = {k: getattr(s, k) for k in SESSION_FIELDS}
        values["status"] = "planned"
        values["params"] = s.params
        clean = self._clean_session_values(values)
        position = (self.pf.scalar("SELECT MAX(position) FROM session") or 0) + 1
        label = Label(N_("duplicar sesión «{question}»"), question=_shorten(s.question))
        with self.pf.write("session.duplicate", label) as unit:
            new_session_id = unit.insert("session", {
                "id": new_id(), "process_id": s.process_id, **clean, "position": position,
                "created_at": unit.at, "updated_at": unit.at, "device_id": self.pf.device.id,
            })
        return SessionId(new_session_id), unit.changes().made(
            session_id=new_session_id, created=new_session_id, created_kind="session")

    def archive_session(self, session_id: str, archived: bool = True) -> Changes:
        s = self.session(session_id)
        label = Label(N_("archivar sesión «{question}»") if archived
                      else N_("recuperar sesión «{question}»"), question=_shorten(s.question))
        with self.pf.write("session.archive" if archived else "session.unarchive",
                           label) as unit:
            unit.update("session", s.id, {"archived": archived}, stamp=True)
        return unit.changes().made(session_id=session_id)

    def end_session_leftovers(self, session_id: str) -> list[str]:
        """What is left to do before ending the session, one Spanish line each (may be empty).

        Ending is allowed anyway: the facilitator reads the list and decides.
        """
        s = self.session(session_id)
        method = get_method(s.method)
        kinds = {p.kind for p in method.phases}
        left: list[str] = []
        if "cluster" in kinds:
            loose = [i.number for i in self.ideas.unclustered(s.id)]
            if loose:
                left.append(ngettext(
                    "La idea {numbers} no está en ningún grupo de ideas.",
                    "Las ideas {numbers} no están en ningún grupo de ideas.",
                    len(loose)).format(numbers=", ".join(str(n) for n in loose)))
        for round_ in method.vote_rounds():
            summary = self.register.summary(s.id, round_)
            if summary.not_returned:
                left.append(ngettext(
                    "{round}: {count} boleta entregada no ha regresado (su folio no tiene "
                    "boleta capturada).",
                    "{round}: {count} boletas entregadas no han regresado (sus folios no "
                    "tienen boleta capturada).",
                    summary.not_returned).format(round=round_label(round_),
                                                 count=summary.not_returned))
        warning = self.votes.optional_round_warning(s.id)
        if warning:
            left.append(warning)
        if kinds & {"results", "synthesis"}:
            rel = self.relatoria.get(s.id)
            if not any((rel.convergences, rel.dissent, rel.next_steps, rel.notes)):
                left.append(_("La relatoría está vacía."))
        return left

    def end_session(self, session_id: str) -> Changes:
        """Mark the session concluded (undoable); what is left was shown before."""
        s = self.session(session_id)
        if s.status == "closed":
            raise RuleViolation(_("La sesión ya está concluida."))
        label = Label(N_("terminar la sesión «{question}»"), question=_shorten(s.question))
        with self.pf.write("session.end", label) as unit:
            unit.update("session", s.id, {"status": "closed"}, stamp=True)
        return unit.changes().made(session_id=session_id)

    def reopen_session(self, session_id: str) -> Changes:
        """Open a concluded session again, to change what it recorded (undoable, journaled)."""
        s = self.session(session_id)
        if s.status != "closed":
            raise RuleViolation(_("La sesión no está concluida."))
        label = Label(N_("reabrir la sesión «{question}»"), question=_shorten(s.question))
        with self.pf.write("session.reopen", label) as unit:
            unit.update("session", s.id, {"status": "in_progress"}, stamp=True)
        return unit.changes().made(session_id=session_id)

    def check_not_concluded(self, session_id: str) -> None:
        """Refuse to change what a concluded session recorded (its phase, ideas, votes)."""
        if self.session(session_id).status == "closed":
            raise RuleViolation(_("La sesión está concluida: para cambiar lo que registró, "
                                  "reábrala con el botón «Concluida: reabrir…» de la sesión."))

    def session_title(self, session: Session) -> str:
        parts = [method_title(session.method)]
        if session.table_label:
            parts.append(session.table_label)
        return " · ".join(parts)

    # -- undo / redo -------------------------------------------------------
    def undo(self) -> Changes:
        return self.pf.undo()

    def redo(self) -> Changes:
        return self.pf.redo()

    def undo_label(self) -> str | None:
        return self.pf.undo_label()

    def journal_head(self) -> int:
        return self.pf.journal_head()

    def undo_sessions(self) -> set[str]:
        return self.pf.undo_sessions()

    def undo_action(self) -> str | None:
        return self.pf.undo_action()

    def redo_label(self) -> str | None:
        return self.pf.redo_label()

    # -- checks ------------------------------------------------------------
    def summary(self) -> dict[str, Any]:
        """Numbers for ``cocrea info`` and the status bar."""
        process = self.process()
        by_status = {row["status"]: row["n"] for row in self.pf.query(
            "SELECT status, COUNT(*) AS n FROM session WHERE archived = 0 GROUP BY status")}
        return {
            "id": process.id, "name": process.name, "municipality": process.municipality,
            "state": process.state, "period": process.period,
            "responsible_body": process.responsible_body, "file": str(self.path),
            "sessions": sum(by_status.values()),
            "archived_sessions": self.pf.scalar("SELECT COUNT(*) FROM session WHERE archived = 1"),
            "sessions_by_status": by_status,
            "journal_entries": self.pf.scalar("SELECT COUNT(*) FROM journal"),
            "created_at": process.created_at, "updated_at": process.updated_at,
        }
