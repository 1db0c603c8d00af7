"""The assembly's records (``repo.assembly``): the agenda, each item's speakers' list
with equal timed turns, proposals, votes (typed hand or standing counts, or the paper
ballot's result) and the agreements they made.

Each speaker's turn has its own timer (the "items" phase timer with the speaker as
slot). The list keeps the second round waiting until everyone who asked in the
first has spoken. A speaker may be a name or just a number; names are personal data
(``migrations.PERSONAL_FIELDS``) and :meth:`AssemblyStore.forget_names` clears them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cocrea_desktop.core.changes import Changes, Label
from cocrea_desktop.core.errors import InvalidInput, NotFound, RuleViolation
from cocrea_desktop.core.timers import Timer
from cocrea_desktop.i18n import N_, _
from cocrea_desktop.methods.assembly import rules
from cocrea_desktop.store.db import new_id

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo

ITEMS_PHASE = "items"
BALLOT_ROUND = "vote"
DEFAULT_SPEAKER_MINUTES = 3
TABLES = ("assembly_item", "assembly_speaker", "assembly_proposal", "assembly_vote",
          "assembly_agreement")


@dataclass(frozen=True)
class Item:
    id: str
    session_id: str
    number: int
    title: str
    vote_mode: str = "hands"
    opened_at: str = ""
    closed_at: str = ""

    @property
    def open(self) -> bool:
        return bool(self.opened_at) and not self.closed_at

    @property
    def closed(self) -> bool:
        return bool(self.closed_at)


@dataclass(frozen=True)
class Speaker:
    id: str
    item_id: str
    position: int
    name: str = ""
    sector: str = ""
    sex: str = ""
    speaking_round: int = 1
    started_at: str = ""
    ended_at: str = ""
    seconds: float = 0.0
    overrun_seconds: float = 0.0
    skipped: bool = False

    @property
    def running(self) -> bool:
        return bool(self.started_at) and not self.ended_at

    @property
    def done(self) -> bool:
        return bool(self.ended_at) or self.skipped

    @property
    def waiting(self) -> bool:
        return not self.started_at and not self.skipped

    def label(self) -> str:
        """The name, or "Orador 3" when the facilitator used numbers (or names were erased)."""
        return self.name or _("Orador {number}").format(number=self.position)


@dataclass(frozen=True)
class Proposal:
    id: str
    item_id: str
    number: int
    text: str


@dataclass(frozen=True)
class Vote:
    id: str
    proposal_id: str
    mode: str
    votes_for: int
    votes_against: int
    abstentions: int
    present: int
    quorum: int
    counter: str
    outcome: str
    created_at: str = ""

    def mode_text(self) -> str:
        return _(rules.VOTE_MODES.get(self.mode, self.mode))

    def outcome_text(self) -> str:
        return _(rules.OUTCOMES.get(self.outcome, self.outcome))

    def summary(self) -> str:
        """ "a mano alzada: 41 a favor, 12 en contra, 5 abstenciones (58 de 60 presentes)"."""
        if self.mode == "ballot":
            return _("{mode}: {votes} votos de {present} boletas contadas").format(
                mode=self.mode_text(), votes=self.votes_for, present=self.present)
        return _("{mode}: {yes} a favor, {no} en contra, {abstain} abstenciones "
                 "({total} de {present} presentes)").format(
            mode=self.mode_text(), yes=self.votes_for, no=self.votes_against,
            abstain=self.abstentions, total=self.votes_for + self.votes_against +
            self.abstentions, present=self.present)


@dataclass(frozen=True)
class Agreement:
    id: str
    item_id: str
    number: int
    text: str
    vote_id: str


def _item(r: dict) -> Item:
    return Item(r["id"], r["session_id"], r["number"], r["title"], r["vote_mode"],
                r["opened_at"], r["closed_at"])


def _speaker(r: dict) -> Speaker:
    return Speaker(r["id"], r["item_id"], r["position"], r["name"], r["sector"], r["sex"],
                   r["speaking_round"], r["started_at"], r["ended_at"], r["seconds"],
                   r["overrun_seconds"], bool(r["skipped"]))


def _vote(r: dict) -> Vote:
    return Vote(r["id"], r["proposal_id"], r["mode"], r["votes_for"], r["votes_against"],
                r["abstentions"], r["present"], r["quorum"], r["counter"], r["outcome"],
                r["created_at"])


def _clean(text: object) -> str:
    return " ".join(str(text or "").split())


class AssemblyStore:
    def __init__(self, repo: Repo) -> None:
        self.repo = repo
        self.pf = repo.pf

    def _stamp(self, unit) -> dict:
        return {"created_at": unit.at, "updated_at": unit.at, "device_id": self.pf.device.id}

    # -- rules of the session ---------------------------------------------------
    def speaker_minutes(self, session_id: str) -> float:
        return float(self.repo.session(session_id).params.get("speaker_minutes",
                                                               DEFAULT_SPEAKER_MINUTES))

    def quorum(self, session_id: str) -> int:
        return int(self.repo.session(session_id).params.get("quorum", 0) or 0)

    def set_rules(self, session_id: str, *, speaker_minutes: float | None = None,
                  quorum: int | None = None) -> Changes:
        """The equal time per speaker (1 to 15 minutes) and the quorum (people needed to vote)."""
        session = self.repo.session(session_id)
        params = dict(session.params)
        if speaker_minutes is not None:
            if not 0.5 <= float(speaker_minutes) <= 15:
                raise InvalidInput(_("El tiempo por orador debe estar entre medio minuto y "
                                     "15 minutos."))
            if self.pf.scalar("SELECT 1 FROM assembly_speaker WHERE session_id = ? AND "
                              "started_at != ''", [session_id]) and \
                    float(speaker_minutes) != self.speaker_minutes(session_id):
                raise RuleViolation(_("Ya habló alguien: el tiempo por orador ya no cambia "
                                      "(el mismo para todos)."))
            params["speaker_minutes"] = float(speaker_minutes)
        if quorum is not None:
            if int(quorum) < 0:
                raise InvalidInput(_("El quórum no puede ser negativo."))
            params["quorum"] = int(quorum)
        return self.repo.update_session(session_id, params=params)

    def present(self, session_id: str) -> int:
        """Those present by the attendance count (the largest dimension's total), else the
        participants noted on the session."""
        totals = self.repo.attendance.totals(session_id)
        return max(totals.values(), default=0) or self.repo.session(session_id).participant_count

    # -- agenda -----------------------------------------------------------------
    def items(self, session_id: str) -> list[Item]:
        return [_item(r) for r in self.pf.query(
            "SELECT * FROM assembly_item WHERE session_id = ? ORDER BY number", [session_id])]

    def item(self, item_id: str) -> Item:
        row = self.pf.row("assembly_item", item_id)
        if row is None:
            raise NotFound(_("No existe ese punto del orden del día."))
        return _item(row)

    def add_item(self, session_id: str, title: str, *, vote_mode: str = "hands"
                 ) -> tuple[Item, Changes]:
        title = _clean(title)
        if not title:
            raise InvalidInput(_("Escriba el punto del orden del día."))
        self._check_mode(vote_mode)
        number = (self.pf.scalar("SELECT MAX(number) FROM assembly_item WHERE session_id = ?",
                                 [session_id]) or 0) + 1
        with self.pf.write("assembly.item_add", Label(N_("agregar el punto «{title}»"),
                                                      title=title)) as unit:
            item_id = unit.insert("assembly_item", {
                "id": new_id(), "session_id": session_id, "number": number, "title": title,
                "vote_mode": vote_mode, **self._stamp(unit)})
        return self.item(item_id), unit.changes().made(session_id=session_id, created=item_id,
                                                       created_kind="assembly_item")

    @staticmethod
    def _check_mode(mode: str) -> None:
        if mode not in ("hands", "ballot"):
            raise InvalidInput(_("Un punto se vota a mano alzada (o de pie) o con boleta."))

    def edit_item(self, item_id: str, *, title: str | None = None,
                  vote_mode: str | None = None) -> Changes:
        item = self.item(item_id)
        values: dict = {}
        if title is not None:
            values["title"] = _clean(title)
            if not values["title"]:
                raise InvalidInput(_("Escriba el punto del orden del día."))
        if vote_mode is not None:
            self._check_mode(vote_mode)
            if vote_mode != item.vote_mode and self.repo.votes.has_votes(item.session_id,
                                                                         BALLOT_ROUND):
                raise RuleViolation(_("Ya hay boletas capturadas: lo que se vota con boleta "
                                      "ya no cambia."))
            values["vote_mode"] = vote_mode
        with self.pf.write("assembly.item_edit", Label(N_("editar el punto «{title}»"),
                                                       title=item.title)) as unit:
            unit.update("assembly_item", item.id, values, stamp=True)
        return unit.changes().made(session_id=item.session_id)

    def current_item(self, session_id: str) -> Item | None:
        """The open item, else None."""
        return next((i for i in self.items(session_id) if i.open), None)

    def next_item(self, session_id: str) -> Item | None:
        """The first item not treated yet."""
        return next((i for i in self.items(session_id) if not i.opened_at), None)

    def open_item(self, session_id: str, item_id: str | None = None) -> Changes:
        """Start treating an item (the next one on the agenda by default)."""
        current = self.current_item(session_id)
        if current is not None:
            raise RuleViolation(_("El punto {number} sigue abierto: ciérrelo primero.").format(
                number=current.number))
        item = self.item(item_id) if item_id else self.next_item(session_id)
        if item is None:
            raise RuleViolation(_("No quedan puntos por tratar en el orden del día."))
        if item.closed:
            raise RuleViolation(_("El punto {number} ya se cerró.").format(number=item.number))
        with self.pf.write("assembly.item_open", Label(N_("abrir el punto «{title}»"),
                                                       title=item.title)) as unit:
            unit.update("assembly_item", item.id, {"opened_at": unit.at}, stamp=True)
        return unit.changes().made(session_id=session_id)

    def close_item(self, session_id: str) -> Changes:
        item = self.current_item(session_id)
        if item is None:
            raise RuleViolation(_("No hay un punto abierto."))
        if any(s.running for s in self.speakers(item.id)):
            raise RuleViolation(_("Alguien tiene la palabra: termine su turno primero (F8)."))
        with self.pf.write("assembly.item_close", Label(N_("cerrar el punto «{title}»"),
                                                        title=item.title)) as unit:
            unit.update("assembly_item", item.id, {"closed_at": unit.at}, stamp=True)
        return unit.changes().made(session_id=session_id)

    # -- speakers' list -----------------------------------------------------------
    def speakers(self, item_id: str) -> list[Speaker]:
        """The list in speaking order: the first round, then the second."""
        return [_speaker(r) for r in self.pf.query(
            "SELECT * FROM assembly_speaker WHERE item_id = ? ORDER BY speaking_round, position",
            [item_id])]

    def all_speakers(self, session_id: str) -> list[Speaker]:
        return [_speaker(r) for r in self.pf.query(
            "SELECT * FROM assembly_speaker WHERE session_id = ?", [session_id])]

    def speaker(self, speaker_id: str) -> Speaker:
        row = self.pf.row("assembly_speaker", speaker_id)
        if row is None:
            raise NotFound(_("No existe ese orador."))
        return _speaker(row)

    def add_speaker(self, session_id: str, *, name: str = "", sector: str = "",
                    sex: str = "", second_round: bool = False) -> tuple[Speaker, Changes]:
        """Someone asks for the floor on the open item. A name already on the list (or
        ``second_round``) goes to the second round, which waits for the first."""
        item = self.current_item(session_id)
        if item is None:
            raise RuleViolation(_("Abra primero un punto del orden del día."))
        name, sector = _clean(name), _clean(sector)
        if sex not in rules.SEXES:
            raise InvalidInput(_("Sexo: mujer, hombre, otro o vacío."))
        listed = self.speakers(item.id)
        same = [s for s in listed if name and s.name.casefold() == name.casefold()]
        speaking_round = 2 if (second_round or same) else 1
        if len(same) >= rules.MAX_ROUNDS or (second_round and len(same) >= 1
                                              and any(s.speaking_round == 2 for s in same)):
            raise RuleViolation(_("«{name}» ya está anotado en las dos rondas de este "
                                  "punto.").format(name=name))
        position = max((s.position for s in listed), default=0) + 1
        # Labels name the turn, never the person (the undo menu is on screen).
        with self.pf.write("assembly.speaker_add", Label(N_("anotar el turno {number} en la "
                                                            "lista de oradores"),
                                                         number=position)) as unit:
            speaker_id = unit.insert("assembly_speaker", {
                "id": new_id(), "session_id": session_id, "item_id": item.id,
                "position": position, "name": name, "sector": sector, "sex": sex,
                "speaking_round": speaking_round, **self._stamp(unit)})
        return self.speaker(speaker_id), unit.changes().made(
            session_id=session_id, created=speaker_id, created_kind="assembly_speaker")

    def current_speaker(self, session_id: str) -> Speaker | None:
        item = self.current_item(session_id)
        if item is None:
            return None
        return next((s for s in self.speakers(item.id) if s.running), None)

    def queue(self, session_id: str) -> list[Speaker]:
        """Who waits, in the order they will speak (first round before the second)."""
        item = self.current_item(session_id)
        return [s for s in self.speakers(item.id) if s.waiting] if item else []

    def _end(self, unit, session_id: str, speaker: Speaker) -> None:
        timer = self.repo.phases.timer(session_id, ITEMS_PHASE, slot=speaker.id,
                                       minutes=self.speaker_minutes(session_id))
        now = self.pf.clock.now()
        if timer.running or timer.paused:
            self.repo.phases.write_timer(unit, session_id, f"{ITEMS_PHASE}:{speaker.id}",
                                         timer.pause(now) if timer.running else timer)
        unit.update("assembly_speaker", speaker.id, {
            "ended_at": unit.at, "seconds": round(timer.elapsed(now), 1),
            "overrun_seconds": round(timer.overrun(now), 1)}, stamp=True)

    def next_speaker(self, session_id: str) -> tuple[Speaker | None, Changes]:
        """F8: the one speaking ends and the next on the list gets the floor and the clock.
        Returns who speaks now (None: the list is done)."""
        item = self.current_item(session_id)
        if item is None:
            raise RuleViolation(_("Abra primero un punto del orden del día."))
        current = self.current_speaker(session_id)
        waiting = self.queue(session_id)
        if current is None and not waiting:
            raise RuleViolation(_("No hay nadie en la lista de oradores de este punto."))
        following = waiting[0] if waiting else None
        minutes = self.speaker_minutes(session_id)
        label = Label(N_("dar la palabra al turno {number}"), number=following.position) \
            if following else Label(N_("terminar el turno {number}"), number=current.position)
        with self.pf.write("assembly.next_speaker", label) as unit:
            if current is not None:
                self._end(unit, session_id, current)
            if following is not None:
                self.repo.phases.write_timer(unit, session_id,
                                             f"{ITEMS_PHASE}:{following.id}",
                                             Timer.of_minutes(minutes).start(self.pf.clock.now()))
                unit.update("assembly_speaker", following.id, {"started_at": unit.at},
                            stamp=True)
        return (self.speaker(following.id) if following else None,
                unit.changes().made(session_id=session_id))

    def end_speaker(self, session_id: str) -> Changes:
        current = self.current_speaker(session_id)
        if current is None:
            raise RuleViolation(_("Nadie tiene la palabra."))
        with self.pf.write("assembly.speaker_end", Label(N_("terminar el turno {number}"),
                                                         number=current.position)) as unit:
            self._end(unit, session_id, current)
        return unit.changes().made(session_id=session_id)

    def skip_speaker(self, speaker_id: str) -> Changes:
        """Someone on the list is not there (or gave up the floor)."""
        speaker = self.speaker(speaker_id)
        if not speaker.waiting:
            raise RuleViolation(_("«{name}» ya habló.").format(name=speaker.label()))
        session_id = self.item(speaker.item_id).session_id
        with self.pf.write("assembly.speaker_skip", Label(N_("quitar el turno {number} de la "
                                                             "lista"),
                                                          number=speaker.position)) as unit:
            unit.update("assembly_speaker", speaker.id, {"skipped": True}, stamp=True)
        return unit.changes().made(session_id=session_id)

    def speaking_share(self, session_id: str, item_id: str | None = None
                       ) -> dict[str, dict[str, tuple[int, float]]]:
        """Turns and seconds spoken by sector and by sex (counts only, never names)."""
        spoken = [s for s in (self.speakers(item_id) if item_id else
                              self.all_speakers(session_id)) if s.ended_at]
        sex_names = {k: _(v) for k, v in rules.SEXES.items()}
        return {
            "sector": rules.share((s.sector or _("Sin dato"), s.seconds) for s in spoken),
            "sex": rules.share((sex_names.get(s.sex, s.sex), s.seconds) for s in spoken),
        }

    def forget_names(self, session_id: str) -> Changes:
        """Clear every speaker's name of the session (the list keeps its numbers)."""
        named = [s for s in self.all_speakers(session_id) if s.name]
        if not named:
            raise RuleViolation(_("No hay nombres de oradores guardados en esta sesión."))
        with self.pf.write("assembly.forget_names",
                           Label(N_("borrar los nombres de los oradores"))) as unit:
            for s in named:
                unit.update("assembly_speaker", s.id, {"name": "", "salt": ""}, stamp=True)
        return unit.changes().made(session_id=session_id)

    # -- proposals, votes, agreements ---------------------------------------------
    def proposals(self, session_id: str, item_id: str | None = None) -> list[Proposal]:
        sql, args = "SELECT * FROM assembly_proposal WHERE session_id = ?", [session_id]
        if item_id:
            sql, args = sql + " AND item_id = ?", args + [item_id]
        return [Proposal(r["id"], r["item_id"], r["number"], r["text"])
                for r in self.pf.query(sql + " ORDER BY number", args)]

    def proposal(self, proposal_id: str) -> Proposal:
        row = self.pf.row("assembly_proposal", proposal_id)
        if row is None:
            raise NotFound(_("No existe esa propuesta."))
        return Proposal(row["id"], row["item_id"], row["number"], row["text"])

    def proposal_by_number(self, session_id: str, number: int) -> Proposal:
        for p in self.proposals(session_id):
            if p.number == number:
                return p
        raise NotFound(_("No existe la propuesta {number}.").format(number=number))

    def add_proposal(self, session_id: str, text: str) -> tuple[Proposal, Changes]:
        """A proposal on the open item."""
        item = self.current_item(session_id)
        if item is None:
            raise RuleViolation(_("Abra primero un punto del orden del día."))
        text = _clean(text)
        if not text:
            raise InvalidInput(_("Escriba la propuesta."))
        if item.vote_mode == "ballot" and self.repo.votes.has_votes(session_id, BALLOT_ROUND):
            raise RuleViolation(_("Ya hay boletas capturadas: las propuestas que se votan con "
                                  "boleta ya no cambian."))
        number = (self.pf.scalar("SELECT MAX(number) FROM assembly_proposal WHERE "
                                 "session_id = ?", [session_id]) or 0) + 1
        with self.pf.write("assembly.proposal_add", Label(N_("agregar la propuesta {number}"),
                                                          number=number)) as unit:
            proposal_id = unit.insert("assembly_proposal", {
                "id": new_id(), "session_id": session_id, "item_id": item.id,
                "number": number, "text": text, **self._stamp(unit)})
        return self.proposal(proposal_id), unit.changes().made(
            session_id=session_id, created=proposal_id, created_kind="assembly_proposal")

    def votes(self, session_id: str) -> list[Vote]:
        return [_vote(r) for r in self.pf.query(
            "SELECT * FROM assembly_vote WHERE session_id = ? ORDER BY created_at, rowid",
            [session_id])]

    def vote(self, vote_id: str) -> Vote:
        row = self.pf.row("assembly_vote", vote_id)
        if row is None:
            raise NotFound(_("No existe esa votación."))
        return _vote(row)

    def last_vote(self, proposal_id: str) -> Vote | None:
        rows = self.pf.query(
            "SELECT * FROM assembly_vote WHERE proposal_id = ? ORDER BY created_at DESC, "
            "rowid DESC LIMIT 1", [proposal_id])
        return _vote(rows[0]) if rows else None

    def _check_no_agreement(self, proposal: Proposal) -> None:
        if self.pf.scalar("SELECT 1 FROM assembly_agreement a JOIN assembly_vote v ON "
                          "a.vote_id = v.id WHERE v.proposal_id = ?", [proposal.id]):
            raise RuleViolation(_("La propuesta {number} ya es un acuerdo: su votación no "
                                  "se repite.").format(number=proposal.number))

    def record_hand_vote(self, proposal_id: str, *, votes_for: object, votes_against: object,
                         abstentions: object, counter: str, present: object | None = None,
                         mode: str = "hands") -> tuple[Vote, Changes]:
        """A show of hands (or standing vote) typed as counts, with who counted, checked
        against those present and the quorum. A recount is a new vote; the last counts."""
        proposal = self.proposal(proposal_id)
        item = self.item(proposal.item_id)
        if mode not in ("hands", "standing"):
            raise InvalidInput(_("Se vota a mano alzada o de pie."))
        self._check_no_agreement(proposal)
        session_id = item.session_id
        count = rules.check_hand_count(
            votes_for, votes_against, abstentions,
            present=self.present(session_id) if present is None else present,
            quorum=self.quorum(session_id), counter=counter)
        with self.pf.write("assembly.vote", Label(N_("anotar la votación de la propuesta "
                                                     "{number}"), number=proposal.number)) \
                as unit:
            vote_id = unit.insert("assembly_vote", {
                "id": new_id(), "session_id": session_id, "proposal_id": proposal.id,
                "mode": mode, "votes_for": count.votes_for,
                "votes_against": count.votes_against, "abstentions": count.abstentions,
                "present": count.present, "quorum": count.quorum, "counter": _clean(counter),
                "outcome": count.outcome, **self._stamp(unit)})
        return self.vote(vote_id), unit.changes().made(session_id=session_id, created=vote_id,
                                                       created_kind="assembly_vote")

    def record_ballot_vote(self, proposal_id: str) -> tuple[Vote, Changes]:
        """The paper ballot's result for a proposal of an item voted by ballot: its votes
        out of the ballots counted; approved when it has more than every other proposal
        of its item."""
        proposal = self.proposal(proposal_id)
        item = self.item(proposal.item_id)
        session_id = item.session_id
        if item.vote_mode != "ballot":
            raise RuleViolation(_("El punto {number} no se vota con boleta.").format(
                number=item.number))
        self._check_no_agreement(proposal)
        if not self.repo.votes.has_votes(session_id, BALLOT_ROUND):
            raise RuleViolation(_("Todavía no hay boletas capturadas."))
        result = self.repo.votes.tally(session_id, BALLOT_ROUND)
        totals = {row.option: row.total for row in result.rows}
        counted = result.ballots_counted or 0
        rules.check_quorum(counted, self.quorum(session_id))
        mine = totals.get(proposal.number, 0)
        others = [totals.get(p.number, 0) for p in self.proposals(session_id, item.id)
                  if p.id != proposal.id]
        best_other = max(others, default=0)
        outcome = "approved" if mine > best_other else ("tied" if mine == best_other
                                                         else "rejected")
        with self.pf.write("assembly.vote", Label(N_("anotar la votación de la propuesta "
                                                     "{number}"), number=proposal.number)) \
                as unit:
            vote_id = unit.insert("assembly_vote", {
                "id": new_id(), "session_id": session_id, "proposal_id": proposal.id,
                "mode": "ballot", "votes_for": mine, "votes_against": 0, "abstentions": 0,
                "present": counted, "quorum": self.quorum(session_id), "counter": "",
                "outcome": outcome, **self._stamp(unit)})
        return self.vote(vote_id), unit.changes().made(session_id=session_id, created=vote_id,
                                                       created_kind="assembly_vote")

    def agreements(self, session_id: str) -> list[Agreement]:
        return [Agreement(r["id"], r["item_id"], r["number"], r["text"], r["vote_id"])
                for r in self.pf.query("SELECT * FROM assembly_agreement WHERE session_id = ? "
                                       "ORDER BY number", [session_id])]

    def add_agreement(self, vote_id: str, text: str = "") -> tuple[Agreement, Changes]:
        """An approved proposal becomes an agreement, recorded with the vote that made it
        (its wording may be polished; by default the proposal's own)."""
        vote = self.vote(vote_id)
        proposal = self.proposal(vote.proposal_id)
        if vote.outcome != "approved":
            raise RuleViolation(_("La propuesta {number} no fue aprobada en esa votación: no "
                                  "es un acuerdo.").format(number=proposal.number))
        last = self.last_vote(proposal.id)
        if last is not None and last.id != vote.id:
            raise RuleViolation(_("Hay una votación más reciente de la propuesta {number}: "
                                  "vale la última.").format(number=proposal.number))
        self._check_no_agreement(proposal)
        item = self.item(proposal.item_id)
        text = _clean(text) or proposal.text
        number = (self.pf.scalar("SELECT MAX(number) FROM assembly_agreement WHERE "
                                 "session_id = ?", [item.session_id]) or 0) + 1
        with self.pf.write("assembly.agreement_add", Label(N_("anotar el acuerdo {number}"),
                                                           number=number)) as unit:
            agreement_id = unit.insert("assembly_agreement", {
                "id": new_id(), "session_id": item.session_id, "item_id": item.id,
                "number": number, "text": text, "vote_id": vote.id, **self._stamp(unit)})
        row = self.pf.row("assembly_agreement", agreement_id)
        return (Agreement(row["id"], row["item_id"], row["number"], row["text"],
                          row["vote_id"]),
                unit.changes().made(session_id=item.session_id, created=agreement_id,
                                    created_kind="assembly_agreement"))


def options(repo: Repo, session_id: str, vote_on: str) -> list[tuple[int, str]]:
    """The paper ballot is on the proposals of the items voted by ballot."""
    return [(r["number"], r["text"]) for r in repo.pf.query(
        "SELECT p.number, p.text FROM assembly_proposal p JOIN assembly_item i ON "
        "p.item_id = i.id WHERE p.session_id = ? AND i.vote_mode = 'ballot' "
        "ORDER BY p.number", [session_id])]


#: How the program finds this store: ``repo.assembly``.
REPO_ATTRIBUTE = "assembly"
STORE = AssemblyStore
