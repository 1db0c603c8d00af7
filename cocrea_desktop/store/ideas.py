"""Ideas of a session: capture, passes, edits, withdrawal, merges, clusters, notes.

Rules (methods.md): ideas are numbered 1..n, verbatim, never with an author;
numbers never change once voting starts; a merge keeps the lowest number and
lists the numbers it absorbed, is proposed, then agreed by the room, and can be
undone; nothing is deleted (a withdrawn idea stays visible with its reason);
once voting has started no idea may be added or merged.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from cocrea_desktop.core.changes import Changes, Label
from cocrea_desktop.core.errors import InvalidInput, NotFound, RuleViolation
from cocrea_desktop.core.model import Cluster, Idea, MergeProposal, Note
from cocrea_desktop.i18n import N_, _
from cocrea_desktop.store.db import new_id

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo

MAX_IDEA_LENGTH = 2000


def next_turn(last_round: int, last_turn: int, participants: int) -> tuple[int, int]:
    """The round and turn of the next contribution in a go-round.

    Turns count 1, 2, ... within a round; when the session has a participant
    count, the round moves on after that many turns.
    """
    if last_round <= 0:
        return 1, 1
    if participants > 0 and last_turn >= participants:
        return last_round + 1, 1
    return last_round, last_turn + 1


def number_labels(rows: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """How each idea of a session is shown: its number, or "A-3" when laptops collided.

    Two laptops capturing in one session at the same time both give a number 3;
    both ideas are kept, each with the number the room saw. Only then, every idea
    of the session shows a prefix for the laptop that numbered it: A for the laptop
    whose first idea is the earliest (then by device id), B for the next... The
    same ideas give the same labels on every computer, in any import order.
    """
    rows = list(rows)
    origins: dict[str, set[int]] = {}
    first: dict[str, str] = {}
    for r in rows:
        origin = str(r.get("origin") or "")
        origins.setdefault(origin, set()).add(r["number"])
        at = str(r.get("created_at") or "")
        if origin not in first or at < first[origin]:
            first[origin] = at
    seen: set[int] = set()
    collide = False
    for numbers in origins.values():
        if seen & numbers:
            collide = True
            break
        seen |= numbers
    if not collide:
        return {r["id"]: str(r["number"]) for r in rows}
    order = sorted(origins, key=lambda o: (first[o], o))
    prefix = {o: _letters(i) for i, o in enumerate(order)}
    return {r["id"]: "{}-{}".format(prefix[str(r.get("origin") or "")], r["number"])
            for r in rows}


def _letters(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA ..."""
    text = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        text = chr(ord("A") + rest) + text
    return text


def _short(text: str, size: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"


class IdeaStore:
    def __init__(self, repo: Repo) -> None:
        self.repo = repo
        self.pf = repo.pf

    # -- reading -----------------------------------------------------------
    def list(self, session_id: str, *, include_inactive: bool = True) -> list[Idea]:
        rows = self.pf.query("SELECT * FROM idea WHERE session_id = ? ORDER BY number",
                             [session_id])
        by_id = {r["id"]: r for r in rows}
        children: dict[str, list[str]] = {}
        for r in rows:
            if r["status"] == "merged" and r["merged_into"]:
                children.setdefault(r["merged_into"], []).append(r["id"])

        def absorbed_numbers(idea_id: str) -> list[int]:
            # Transitive: if 2 absorbed 5 and then 1 absorbed 2, idea 1 stands for 2 and 5.
            found, stack = [], list(children.get(idea_id, ()))
            while stack:
                child = stack.pop()
                if child in by_id and by_id[child]["number"] not in found:
                    found.append(by_id[child]["number"])
                    stack.extend(children.get(child, ()))
            return found
        labels = number_labels(rows)
        if any(labels[r["id"]] != str(r["number"]) for r in rows):
            # Numbers from two laptops: each laptop's ideas together (A-1, A-2, B-1...).
            def by_label(r: dict[str, Any]) -> tuple[int, str, int]:
                prefix = labels[r["id"]].rpartition("-")[0]
                return (len(prefix), prefix, r["number"])
            rows.sort(key=by_label)
        ideas = []
        for r in rows:
            if not include_inactive and r["status"] != "active":
                continue
            into = by_id.get(r["merged_into"]) if r["merged_into"] else None
            ideas.append(Idea(
                **{k: r[k] for k in ("id", "session_id", "number", "text", "round", "turn",
                                     "group_key", "status", "merged_into", "withdraw_reason",
                                     "cluster_id", "created_at", "updated_at")},
                absorbed=tuple(sorted(absorbed_numbers(r["id"]))),
                merged_into_number=into["number"] if into else None,
                label=labels[r["id"]],
            ))
        return ideas

    def by_number(self, session_id: str, number: int) -> Idea:
        found = [idea for idea in self.list(session_id) if idea.number == number]
        if len(found) > 1:  # two laptops each gave this number: never pick one silently
            raise RuleViolation(_("Hay {n} ideas con el número {number} ({labels}), "
                                  "capturadas en equipos distintos: elija la idea en la "
                                  "lista.").format(n=len(found), number=number,
                                                   labels=", ".join(i.label for i in found)))
        if found:
            return found[0]
        raise NotFound(_("No existe la idea {number}.").format(number=number))

    def get(self, idea_id: str) -> Idea:
        row = self.pf.row("idea", idea_id)
        if row is None:
            raise NotFound(_("No existe esa idea."))
        for idea in self.list(row["session_id"]):
            if idea.id == idea_id:
                return idea
        raise NotFound(_("No existe esa idea."))

    def active_numbers(self, session_id: str) -> list[int]:
        return [r["number"] for r in self.pf.query(
            "SELECT number FROM idea WHERE session_id = ? AND status = 'active' ORDER BY number",
            [session_id])]

    def merged_into(self, session_id: str) -> dict[int, int]:
        """Each merged idea's number -> the active idea that absorbed it (through chains of
        merges: 5 into 2, then 2 into 1, gives 5 -> 1 and 2 -> 1)."""
        return {absorbed: idea.number for idea in self.list(session_id, include_inactive=False)
                for absorbed in idea.absorbed}

    def last_turn(self, session_id: str) -> tuple[int, int]:
        """The (round, turn) of the latest idea or pass, (0, 0) when none."""
        row = self.pf.query(
            "SELECT round, turn FROM (SELECT round, turn, created_at FROM idea "
            "WHERE session_id = ? UNION ALL SELECT round, turn, created_at FROM idea_pass "
            "WHERE session_id = ?) "
            "ORDER BY round DESC, turn DESC LIMIT 1", [session_id, session_id])
        return (row[0]["round"], row[0]["turn"]) if row else (0, 0)

    def upcoming_turn(self, session_id: str) -> tuple[int, int]:
        last_round, last_turn = self.last_turn(session_id)
        participants = self.repo.session(session_id).participant_count
        return next_turn(last_round, last_turn, participants)

    def passes(self, session_id: str) -> int:
        return self.pf.scalar("SELECT COUNT(*) FROM idea_pass WHERE session_id = ?", [session_id])

    def _check_open(self, session_id: str, what: str) -> None:
        self.repo.check_not_concluded(session_id)
        if self.repo.session(session_id).voting_started_at:
            raise RuleViolation(what)

    # -- capture -------------------------------------------------------------
    def add(self, session_id: str, text: str, *, group_key: str = "",
            new_round: bool = False) -> tuple[Idea, Changes]:
        """Record an idea as said; it takes the next number, round and turn."""
        text = " ".join(str(text).split())
        if not text:
            raise InvalidInput(_("La idea está vacía: escriba lo que dijo la persona."))
        if len(text) > MAX_IDEA_LENGTH:
            raise InvalidInput(_("La idea es demasiado larga ({n} caracteres; máximo {max}).")
                               .format(n=len(text), max=MAX_IDEA_LENGTH))
        self._check_open(session_id, _("Ya empezó la votación: no se pueden agregar ideas."))
        round_, turn = self._turn(session_id, new_round)
        number = (self.pf.scalar("SELECT MAX(number) FROM idea WHERE session_id = ?",
                                 [session_id]) or 0) + 1
        label = Label(N_("capturar la idea {number}"), number=number)
        with self.pf.write("idea.add", label) as unit:
            idea_id = unit.insert("idea", {
                "id": new_id(), "session_id": session_id, "number": number, "text": text,
                "round": round_, "turn": turn, "group_key": group_key,
                "created_at": unit.at, "updated_at": unit.at, "device_id": self.pf.device.id,
                "origin": self.pf.device.id})
        return self.get(idea_id), unit.changes().made(session_id=session_id, created=idea_id,
                                                       created_kind="idea")

    def add_many(self, session_id: str, texts: list[str]) -> tuple[list[Idea], Changes]:
        """Record ideas typed elsewhere (a CSV file), in order, in one transaction.

        They take the next numbers, rounds and turns as if captured one after another;
        all or nothing: one empty or overlong idea refuses the whole lot.
        """
        clean = [" ".join(str(t).split()) for t in texts]
        for position, text in enumerate(clean, start=1):
            if not text:
                raise InvalidInput(_("La idea {position} está vacía.").format(position=position))
            if len(text) > MAX_IDEA_LENGTH:
                raise InvalidInput(_("La idea {position} es demasiado larga ({n} caracteres; "
                                     "máximo {max}).").format(position=position, n=len(text),
                                                              max=MAX_IDEA_LENGTH))
        if not clean:
            raise InvalidInput(_("No hay ideas que agregar."))
        self._check_open(session_id, _("Ya empezó la votación: no se pueden agregar ideas."))
        round_, turn = self.last_turn(session_id)
        participants = self.repo.session(session_id).participant_count
        number = self.pf.scalar("SELECT MAX(number) FROM idea WHERE session_id = ?",
                                [session_id]) or 0
        label = Label.plural("importar {count} idea", "importar {count} ideas",
                             len(clean), count=len(clean))
        ids = []
        with self.pf.write("idea.import", label) as unit:
            for text in clean:
                number += 1
                round_, turn = next_turn(round_, turn, participants)
                ids.append(unit.insert("idea", {
                    "id": new_id(), "session_id": session_id, "number": number, "text": text,
                    "round": round_, "turn": turn, "group_key": "", "created_at": unit.at,
                    "updated_at": unit.at, "device_id": self.pf.device.id,
                    "origin": self.pf.device.id}))
        return [self.get(i) for i in ids], unit.changes()

    def _turn(self, session_id: str, new_round: bool) -> tuple[int, int]:
        last_round, _last_turn = self.last_turn(session_id)
        if new_round and last_round > 0:
            return last_round + 1, 1
        return self.upcoming_turn(session_id)

    def pass_turn(self, session_id: str, *, new_round: bool = False) -> Changes:
        """Record a "paso": this turn's person has no more ideas."""
        self._check_open(session_id, _("Ya empezó la votación: la ronda terminó."))
        round_, turn = self._turn(session_id, new_round)
        label = Label(N_("registrar «paso» (vuelta {round}, turno {turn})"),
            round=round_, turn=turn)
        with self.pf.write("idea.pass", label) as unit:
            unit.insert("idea_pass", {"id": new_id(), "session_id": session_id, "round": round_,
                                      "turn": turn, "created_at": unit.at, "updated_at": unit.at,
                                      "device_id": self.pf.device.id})
        return unit.changes().made(session_id=session_id)

    def edit(self, idea_id: str, text: str) -> Changes:
        """Change an idea's wording (the journal keeps the earlier one)."""
        idea = self.get(idea_id)
        text = " ".join(str(text).split())
        if not text:
            raise InvalidInput(_("La idea no puede quedar vacía; para quitarla, retírela con "
                                 "un motivo."))
        self._check_open(idea.session_id, _("Ya empezó la votación: las ideas ya no cambian."))
        label = Label(N_("editar la idea {number}"), number=idea.number)
        with self.pf.write("idea.edit", label) as unit:
            unit.update("idea", idea.id, {"text": text}, stamp=True)
        return unit.changes()

    def withdraw(self, idea_id: str, reason: str) -> Changes:
        idea = self.get(idea_id)
        reason = " ".join(str(reason).split())
        if not reason:
            raise InvalidInput(_("Escriba el motivo para retirar la idea {number}.").format(
                number=idea.number))
        if idea.status == "merged":
            raise RuleViolation(_("La idea {number} está fusionada en la {into}; deshaga la "
                                  "fusión primero.").format(number=idea.number,
                                                           into=idea.merged_into_number))
        self._check_open(idea.session_id, _("Ya empezó la votación: las ideas ya no cambian."))
        label = Label(N_("retirar la idea {number}"), number=idea.number)
        with self.pf.write("idea.withdraw", label) as unit:
            unit.update("idea", idea.id, {"status": "withdrawn", "withdraw_reason": reason},
                        stamp=True)
        return unit.changes()

    def restore(self, idea_id: str) -> Changes:
        idea = self.get(idea_id)
        if idea.status != "withdrawn":
            raise RuleViolation(_("La idea {number} no está retirada.").format(
                number=idea.number))
        self._check_open(idea.session_id, _("Ya empezó la votación: las ideas ya no cambian."))
        with self.pf.write("idea.restore", Label(N_("recuperar la idea {number}"),
                number=idea.number)) as unit:
            unit.update("idea", idea.id, {"status": "active", "withdraw_reason": ""}, stamp=True)
        return unit.changes()

    # -- merges --------------------------------------------------------------
    def propose_merge(self, session_id: str, numbers: list[int]) -> tuple[MergeProposal,
                                                                          Changes]:
        """Propose merging ideas; the lowest number will keep the merged idea."""
        self._check_open(session_id, _("Ya empezó la votación: no se pueden fusionar ideas."))
        unique = sorted(set(int(n) for n in numbers))
        if len(unique) < 2:
            raise InvalidInput(_("Elija al menos dos ideas para fusionar."))
        ideas = [self.by_number(session_id, n) for n in unique]
        for idea in ideas:
            if not idea.active:
                raise RuleViolation(_("La idea {number} no está vigente ({status}).").format(
                    number=idea.number, status=_("fusionada") if idea.status == "merged"
                    else _("retirada")))
        into, absorbed = ideas[0], ideas[1:]
        label = Label(N_("proponer fusionar las ideas {numbers}"),
            numbers=", ".join(str(n) for n in unique))
        with self.pf.write("merge.propose", label) as unit:
            merge_id = unit.insert("merge_proposal", {
                "id": new_id(), "session_id": session_id, "into_id": into.id,
                "from_ids": json.dumps([i.id for i in absorbed]), "status": "proposed",
                "created_at": unit.at, "updated_at": unit.at, "device_id": self.pf.device.id})
        return self.merge(merge_id), unit.changes().made(
            session_id=session_id, created=merge_id, created_kind="merge_proposal")

    def merge(self, merge_id: str) -> MergeProposal:
        row = self.pf.row("merge_proposal", merge_id)
        if row is None:
            raise NotFound(_("No existe esa propuesta de fusión."))
        return self._merge(row)

    def _merge(self, row: dict[str, Any]) -> MergeProposal:
        from_ids = tuple(json.loads(row["from_ids"]))
        numbers = {r["id"]: r["number"] for r in self.pf.query(
            "SELECT id, number FROM idea WHERE session_id = ?", [row["session_id"]])}
        return MergeProposal(id=row["id"], session_id=row["session_id"], into_id=row["into_id"],
                             from_ids=from_ids, status=row["status"],
                             into_number=numbers.get(row["into_id"], 0),
                             from_numbers=tuple(numbers.get(i, 0) for i in from_ids))

    def merges(self, session_id: str, *, status: str | None = None) -> list[MergeProposal]:
        sql = "SELECT * FROM merge_proposal WHERE session_id = ?"
        params: list[Any] = [session_id]
        if status:
            sql += " AND status = ?"
            params.append(status)
        return [self._merge(r) for r in self.pf.query(sql + " ORDER BY created_at", params)]

    def agree_merge(self, merge_id: str) -> Changes:
        """The room agrees: the absorbed ideas become part of the lowest-numbered one."""
        merge = self.merge(merge_id)
        if merge.status != "proposed":
            raise RuleViolation(_("Esta fusión ya no está propuesta."))
        self._check_open(merge.session_id, _("Ya empezó la votación: no se pueden fusionar "
                                             "ideas."))
        for idea_id in (merge.into_id, *merge.from_ids):
            if not self.get(idea_id).active:
                raise RuleViolation(_("Una de las ideas ya no está vigente; proponga la fusión "
                                      "de nuevo."))
        label = Label(N_("fusionar las ideas {numbers}"),
            numbers=", ".join(str(n) for n in (merge.into_number, *merge.from_numbers)))
        with self.pf.write("merge.agree", label) as unit:
            unit.update("merge_proposal", merge.id, {"status": "agreed"}, stamp=True)
            for idea_id in merge.from_ids:
                unit.update("idea", idea_id, {"status": "merged", "merged_into": merge.into_id},
                            stamp=True)
        return unit.changes()

    def reject_merge(self, merge_id: str) -> Changes:
        merge = self.merge(merge_id)
        if merge.status != "proposed":
            raise RuleViolation(_("Esta fusión ya no está propuesta."))
        with self.pf.write("merge.reject", Label(N_("descartar la fusión propuesta"))) as unit:
            unit.update("merge_proposal", merge.id, {"status": "rejected"}, stamp=True)
        return unit.changes()

    def undo_merge(self, merge_id: str) -> Changes:
        """Separate an agreed merge again (allowed until voting starts)."""
        merge = self.merge(merge_id)
        if merge.status != "agreed":
            raise RuleViolation(_("Esta fusión no está acordada."))
        self._check_open(merge.session_id, _("Ya empezó la votación: las ideas ya no cambian."))
        label = Label(N_("separar las ideas {numbers}"),
            numbers=", ".join(str(n) for n in (merge.into_number, *merge.from_numbers)))
        with self.pf.write("merge.undo", label) as unit:
            unit.update("merge_proposal", merge.id, {"status": "undone"}, stamp=True)
            for idea_id in merge.from_ids:
                unit.update("idea", idea_id, {"status": "active", "merged_into": None},
                            stamp=True)
        return unit.changes()

    # -- clusters (labels by convergence) -------------------------------------
    def unclustered(self, session_id: str) -> list[Idea]:
        """Active ideas in no cluster: a fishbowl's vote does not see them."""
        return [i for i in self.list(session_id, include_inactive=False) if not i.cluster_id]

    def clusters(self, session_id: str) -> list[Cluster]:
        return [Cluster(r["id"], r["session_id"], r["number"], r["label"]) for r in self.pf.query(
            "SELECT * FROM cluster WHERE session_id = ? ORDER BY number", [session_id])]

    def add_cluster(self, session_id: str, label: str) -> tuple[Cluster, Changes]:
        label = " ".join(str(label).split())
        if not label:
            raise InvalidInput(_("El grupo necesita un nombre."))
        number = (self.pf.scalar("SELECT MAX(number) FROM cluster WHERE session_id = ?",
                                 [session_id]) or 0) + 1
        with self.pf.write("cluster.add", Label(N_("crear el grupo «{label}»"),
                label=_short(label))) as unit:
            cluster_id = unit.insert("cluster", {
                "id": new_id(), "session_id": session_id, "number": number, "label": label,
                "created_at": unit.at, "updated_at": unit.at, "device_id": self.pf.device.id})
        return Cluster(cluster_id, session_id, number, label), unit.changes().made(
            session_id=session_id, created=cluster_id, created_kind="cluster")

    def rename_cluster(self, cluster_id: str, label: str) -> Changes:
        label = " ".join(str(label).split())
        if not label:
            raise InvalidInput(_("El grupo necesita un nombre."))
        with self.pf.write("cluster.rename", Label(N_("renombrar el grupo «{label}»"),
                label=_short(label))) as unit:
            unit.update("cluster", cluster_id, {"label": label}, stamp=True)
        return unit.changes()

    def set_cluster(self, idea_ids: list[str], cluster_id: str | None) -> Changes:
        """Put ideas under a cluster's label (``None`` takes them out)."""
        if cluster_id is not None and self.pf.row("cluster", cluster_id) is None:
            raise NotFound(_("No existe ese grupo."))
        ideas = [self.get(i) for i in idea_ids]
        cluster = self.pf.row("cluster", cluster_id) if cluster_id else None
        label = Label.plural("poner la idea {numbers} en el grupo «{group}»",
                             "poner las ideas {numbers} en el grupo «{group}»", len(ideas),
                             numbers=", ".join(str(i.number) for i in ideas),
                             group=cluster["label"] if cluster else "") if cluster else \
            Label.plural("sacar del grupo la idea {numbers}",
                         "sacar del grupo las ideas {numbers}", len(ideas),
                         numbers=", ".join(str(i.number) for i in ideas))
        with self.pf.write("cluster.assign", label) as unit:
            for idea in ideas:
                unit.update("idea", idea.id, {"cluster_id": cluster_id}, stamp=True)
        return unit.changes()

    # -- notes -----------------------------------------------------------------
    def notes(self, session_id: str, phase: str | None = None) -> list[Note]:
        sql = "SELECT * FROM note WHERE session_id = ?"
        params: list[Any] = [session_id]
        if phase:
            sql += " AND phase = ?"
            params.append(phase)
        return [Note(r["id"], r["session_id"], r["phase"], r["text"], r["created_at"])
                for r in self.pf.query(sql + " ORDER BY created_at", params)]

    def add_note(self, session_id: str, phase: str, text: str) -> Changes:
        text = str(text).strip()
        if not text:
            raise InvalidInput(_("La nota está vacía."))
        with self.pf.write("note.add", Label(N_("anotar «{text}»"), text=_short(text))) as unit:
            unit.insert("note", {"id": new_id(), "session_id": session_id, "phase": phase,
                                 "text": text, "created_at": unit.at, "updated_at": unit.at,
                                 "device_id": self.pf.device.id})
        return unit.changes().made(session_id=session_id)
