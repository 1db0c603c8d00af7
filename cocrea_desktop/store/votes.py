"""Votes of a session: each round's rule, ballots typed or scanned, typed counts, tallies.

A ballot is validated by the core (a wrong entry voids only itself and says
why) and committed at once, in one transaction with its marks. The tally is
computed by the pure functions of ``core.voting`` over the stored marks: the
store never does arithmetic on votes beyond reading them back.
"""

from __future__ import annotations

import contextlib
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any, ClassVar

from cocrea_desktop.core.changes import Changes, Label, shown_text, stored_text
from cocrea_desktop.core.errors import InvalidInput, NotFound, RuleViolation
from cocrea_desktop.core.methods import get_method
from cocrea_desktop.core.model import Ballot, VoidNote, VoteRound, round_label, round_msgid
from cocrea_desktop.core.voting import ballots as ballot_rules
from cocrea_desktop.core.voting import tally as tallies
from cocrea_desktop.core.voting.options import Option, Options
from cocrea_desktop.core.voting.payload import canonical_serial, format_serial
from cocrea_desktop.core.voting.rules import DotsRule, RankedRule, default_dots, default_k
from cocrea_desktop.core.voting.wording import NOUNS, OptionNoun
from cocrea_desktop.i18n import N_, _
from cocrea_desktop.store.db import new_id

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo

VOTE_KINDS = ("ranked", "dots")
MODES = ("ballots", "counts")
#: How a ballot's marks came in: typed, read by the machine, read and confirmed by a person.
READ_BY = ("", "machine", "person")


class VoteStore:
    def __init__(self, repo: Repo) -> None:
        self.repo = repo
        self.pf = repo.pf

    # -- what is voted on ----------------------------------------------------
    #: The options of the generic kinds of vote (``Method.vote_on``): number and label.
    OPTION_QUERIES: ClassVar[dict[str, str]] = {
        "ideas": "SELECT number, text AS label FROM idea WHERE session_id = ? "
                 "AND status = 'active' ORDER BY number",
        "clusters": "SELECT number, label FROM cluster WHERE session_id = ? ORDER BY number",
    }

    def options_for(self, session_id: str, round_: str | None = None) -> Options:
        """What the session's vote is on: each option's number and label, and their noun.

        The one place that knows it, as ``Method.vote_on`` says: the active ideas or the
        clusters of ideas (generic), or anything else a method votes on (the idea fair's
        stands, a method's own records), which its package's ``store`` module answers
        with ``options(repo, session_id, vote_on) -> [(number, label)]``. ``round_`` is
        the vote round asked about (every round of today's methods votes on the same
        options).
        """
        method = get_method(self.repo.session(session_id).method)
        if round_ is not None:
            self._check_round(session_id, round_)
        query = self.OPTION_QUERIES.get(method.vote_on)
        if query is not None:
            rows = self.pf.conn.execute(query, [session_id]).fetchall()
        else:
            module = method.module("store")
            if module is None or not hasattr(module, "options"):
                raise NotImplementedError(
                    f"method {method.key!r} votes on {method.vote_on!r} but its store "
                    "module has no options()")
            rows = module.options(self.repo, session_id, method.vote_on)
        return Options(NOUNS[method.option_noun], tuple(
            Option(int(number), label) for number, label in rows))

    def noun(self, session_id: str) -> OptionNoun:
        return NOUNS[get_method(self.repo.session(session_id).method).option_noun]

    def options(self, session_id: str) -> list[int]:
        """The numbers voted on (see :meth:`options_for`)."""
        return self.options_for(session_id).numbers()

    def merged(self, session_id: str) -> dict[int, int]:
        """Merged ideas' numbers -> the idea each counts for (a ballot may name either)."""
        if get_method(self.repo.session(session_id).method).vote_on != "ideas":
            return {}
        return self.repo.ideas.merged_into(session_id)

    def _check_round(self, session_id: str, round_: str) -> None:
        method = get_method(self.repo.session(session_id).method)
        rounds = method.vote_rounds() + [r for r in method.register_rounds
                                         if r not in method.vote_rounds()]
        if round_ not in rounds:
            raise InvalidInput(_("«{round}» no es una votación de esta sesión ({rounds}).").format(
                round=round_, rounds=", ".join(rounds)))

    # -- the rule of a round ---------------------------------------------------
    def round(self, session_id: str, round_: str) -> VoteRound:
        """The round's settings: stored, or the method's defaults for the options there are."""
        self._check_round(session_id, round_)
        row = self.pf.row("vote_round", f"{session_id}:{round_}")
        if row is not None:
            return VoteRound(session_id=session_id, round=round_, kind=row["kind"],
                             params=json.loads(row["params"]), mode=row["mode"],
                             counter=row["counter"], source=row["source"],
                             participants=row["participants"])
        session = self.repo.session(session_id)
        kind = get_method(session.method).vote_kind
        n = len(self.options(session_id))
        params: dict[str, Any]
        if kind == "dots":
            params = {"dots_per_person": default_dots(n), "max_per_option": 1}
        else:
            params = {"k": default_k(n) if n >= 2 else 5}
        params.update(dict(get_method(session.method).vote_defaults))
        return VoteRound(session_id=session_id, round=round_, kind=kind, params=params,
                         participants=session.participant_count)

    def configure(self, session_id: str, round_: str, *, k: int | None = None,
                  dots_per_person: int | None = None, max_per_option: int | None = None,
                  mode: str | None = None, counter: str | None = None,
                  source: str | None = None, participants: int | None = None) -> Changes:
        """Set the round's rule (k, dots...), whether it uses ballots or typed counts."""
        values = self._round_values(session_id, round_, k=k, dots_per_person=dots_per_person,
                                    max_per_option=max_per_option, mode=mode, counter=counter,
                                    source=source, participants=participants)
        label = Label(N_("ajustar la regla de la {round}"),
                      round=Label(round_msgid(round_)).lowered())
        with self.pf.write("vote.configure", label) as unit:
            self._write_round(unit, session_id, round_, values)
        return unit.changes().made(session_id=session_id)

    def _round_values(self, session_id: str, round_: str, *, k: int | None = None,
                      dots_per_person: int | None = None, max_per_option: int | None = None,
                      mode: str | None = None, counter: str | None = None,
                      source: str | None = None,
                      participants: int | None = None) -> dict[str, Any]:
        """The round's stored settings after a change, checked (nothing written)."""
        current = self.round(session_id, round_)
        params = dict(current.params)
        has_votes = self.has_votes(session_id, round_)
        if (k is not None or dots_per_person is not None or max_per_option is not None) \
                and has_votes:
            raise RuleViolation(_("Ya hay votos en esta ronda: la regla ya no puede cambiar."))
        n = len(self.options(session_id))
        if k is not None:
            if k < 1:
                raise InvalidInput(_("k debe ser 1 o más."))
            if n >= 2:
                RankedRule(int(k)).check_options(n)
            params["k"] = int(k)
        if dots_per_person is not None:
            params["dots_per_person"] = int(dots_per_person)
        if max_per_option is not None:
            params["max_per_option"] = int(max_per_option)
        if current.kind == "dots":
            DotsRule(params.get("dots_per_person", 1), params.get("max_per_option"))
        if mode is not None and mode not in MODES:
            raise InvalidInput(_("Modo de votación desconocido: {mode}").format(mode=mode))
        if participants is not None and participants < 0:
            raise InvalidInput(_("El número de participantes no puede ser negativo."))
        values = {
            "kind": current.kind, "params": json.dumps(params, sort_keys=True),
            "mode": mode or current.mode,
            "counter": current.counter if counter is None else " ".join(counter.split()),
            "source": current.source if source is None else source,
            "participants": current.participants if participants is None else int(participants),
        }
        return values

    def _write_round(self, unit, session_id: str, round_: str, values: dict[str, Any]) -> None:
        round_id = f"{session_id}:{round_}"
        if self.pf.row("vote_round", round_id) is None:
            unit.insert("vote_round", {"id": round_id, "session_id": session_id,
                                       "round": round_, **values, "created_at": unit.at,
                                       "updated_at": unit.at, "device_id": self.pf.device.id})
        else:
            unit.update("vote_round", round_id, values, stamp=True)

    def ranked_rule(self, session_id: str, round_: str) -> RankedRule:
        return RankedRule(self.round(session_id, round_).k)

    def dots_rule(self, session_id: str, round_: str) -> DotsRule:
        params = self.round(session_id, round_).params
        return DotsRule(int(params.get("dots_per_person", 1)), params.get("max_per_option"))

    def rule_text(self, session_id: str, round_: str) -> str:
        vote_round = self.round(session_id, round_)
        noun = self.noun(session_id)
        if vote_round.kind == "dots":
            return self.dots_rule(session_id, round_).describe(noun)
        return self.ranked_rule(session_id, round_).describe(noun)

    # -- ballots -------------------------------------------------------------
    def check_ballot(self, session_id: str, round_: str, text: str):
        """Validate a typed ballot without saving it (for a live preview while typing)."""
        vote_round = self.round(session_id, round_)
        options = self.options(session_id)
        noun = self.noun(session_id)
        merged = self.merged(session_id)
        if vote_round.kind == "dots":
            return ballot_rules.parse_dots_ballot(text, options=options,
                                                  rule=self.dots_rule(session_id, round_),
                                                  noun=noun, merged=merged)
        rule = self.ranked_rule(session_id, round_)
        return ballot_rules.parse_ranked_ballot(text, options=options, rule=rule, noun=noun,
                                                merged=merged)

    def enter_ballot(self, session_id: str, round_: str, text: str, *,
                     serial: str = "", read_by: str = "",
                     then: Callable[[Any], None] | None = None) -> tuple[Ballot, Changes]:
        """Validate and save one ballot as typed ("12 3 7 1 9" = ranks k..1).

        ``read_by``: '' typed by a person; 'machine' as the mark reader read it (no one
        looked); 'person' read by the machine, then confirmed or corrected by a person.
        ``then(unit)`` writes more in the same transaction (the review queue closing the
        ballot's entry), so that both happen or neither does, and one undo reverts both.
        """
        self.repo.check_not_concluded(session_id)
        if not str(text).strip():
            raise InvalidInput(_("La boleta está vacía: escriba los números de las ideas en "
                                 "orden, o márquela como anulada."))
        checked = self.check_ballot(session_id, round_, text)
        return self._save_ballot(session_id, round_, " ".join(str(text).split()), checked,
                                 serial=serial, read_by=read_by, then=then)

    def enter_ballot_marks(self, session_id: str, round_: str,
                           entries: Iterable[tuple[int, int | None]], *, serial: str = "",
                           entry_text: str = "", unreadable: Iterable[str] = ()
                           ) -> tuple[Ballot, Changes]:
        """Validate and save one ballot given as (option, points) pairs (CSV import, scans).

        ``unreadable``: entries as written that are not numbers (a spreadsheet cell "x");
        each is voided with its reason, as when typed on screen.
        """
        self.repo.check_not_concluded(session_id)
        vote_round = self.round(session_id, round_)
        options = self.options(session_id)
        noun = self.noun(session_id)
        merged = self.merged(session_id)
        entries = list(entries)
        if vote_round.kind == "dots":
            checked = ballot_rules.validate_dots_ballot(
                [(o, 1 if v is None else v) for o, v in entries], options=options,
                rule=self.dots_rule(session_id, round_), noun=noun, merged=merged)
        else:
            checked = ballot_rules.validate_ranked_ballot(
                entries, options=options, rule=self.ranked_rule(session_id, round_), noun=noun,
                merged=merged)
        unreadable = [str(t) for t in unreadable]
        if unreadable:
            checked = replace(checked, voids=checked.voids + tuple(
                ballot_rules._unreadable(t) for t in unreadable))
        text = entry_text or " ".join(
            [f"{o}:{v}" if v is not None else str(o) for o, v in entries] + unreadable)
        return self._save_ballot(session_id, round_, text, checked, serial=serial)

    def _checked_serial(self, session_id: str, round_: str, serial: str) -> str:
        """The serial as the register knows it; refused unless the ballot is ready to count.

        When ballots were issued for this round, a serial must be one of them, typed in
        any way a person types it ("482-1571", "4821571"), not yet counted, not spoiled,
        not of another session or round. Without issued ballots (paper of the
        facilitator's own), any label identifies the ballot and only repeats are refused.
        """
        serial = canonical_serial(str(serial or ""))
        if not serial:
            return ""
        issued = self.pf.scalar("SELECT COUNT(*) FROM ballot_issue WHERE session_id = ? AND "
                                "round = ?", [session_id, round_])
        if not issued:
            return serial
        from cocrea_desktop.store.register import READY

        outcome = self.repo.register.read(session_id, round_, serial)
        if outcome.kind != READY:
            raise RuleViolation(outcome.message)
        return outcome.serial

    def _save_ballot(self, session_id: str, round_: str, text: str, checked, *,
                     serial: str, read_by: str = "",
                     then: Callable[[Any], None] | None = None) -> tuple[Ballot, Changes]:
        self._check_round(session_id, round_)
        if read_by not in READ_BY:
            raise InvalidInput(_("Origen de la boleta desconocido: {read_by}").format(
                read_by=read_by))
        if self.round(session_id, round_).mode == "counts":
            raise RuleViolation(_("Esta ronda se vota con conteos, no con boletas."))
        serial = self._checked_serial(session_id, round_, serial)
        if serial and self.pf.scalar("SELECT 1 FROM ballot WHERE session_id = ? AND round = ? "
                                     "AND serial = ?", [session_id, round_, serial]):
            raise RuleViolation(_("La boleta {serial} ya fue contada: no se cuenta dos veces.")
                                .format(serial=format_serial(serial)))
        session = self.repo.session(session_id)
        voids = [{"entry": v.entry, "reason": stored_text(v.reason), "amount": v.amount}
                 for v in checked.voids]
        number = self.count_ballots(session_id, round_) + 1
        label = Label(N_("capturar la boleta {number}"), number=number) if not serial else \
            Label(N_("capturar la boleta {serial}"), serial=format_serial(serial))
        with self.pf.write("ballot.add", label) as unit:
            if not session.voting_started_at:
                unit.update("session", session.id, {"voting_started_at": unit.at}, stamp=True)
            ballot_id = unit.insert("ballot", {
                "id": new_id(), "session_id": session_id, "round": round_, "serial": serial,
                "entry": text, "status": "counted", "voids": json.dumps(voids, ensure_ascii=False),
                "read_by": read_by,
                "created_at": unit.at, "updated_at": unit.at, "device_id": self.pf.device.id})
            for option, value in checked.marks:
                unit.insert("mark", {"id": new_id(), "ballot_id": ballot_id,
                                     "session_id": session_id, "round": round_,
                                     "option": option, "value": value})
            if then is not None:
                then(unit)
        return replace(self.ballot(ballot_id), number=number), unit.changes().made(
            session_id=session_id, created=ballot_id, created_kind="ballot")

    def spoil_ballot(self, ballot_id: str, spoiled: bool = True) -> Changes:
        """Mark a ballot as spoiled (it stays listed; its marks stop counting), or back."""
        row = self.pf.row("ballot", ballot_id)
        if row is None:
            raise NotFound(_("No existe esa boleta."))
        label = Label(N_("anular una boleta") if spoiled else N_("volver a contar una boleta"))
        with self.pf.write("ballot.spoil" if spoiled else "ballot.unspoil", label) as unit:
            unit.update("ballot", ballot_id, {"status": "spoiled" if spoiled else "counted"},
                        stamp=True)
        return unit.changes()

    def ballot(self, ballot_id: str) -> Ballot:
        row = self.pf.row("ballot", ballot_id)
        if row is None:
            raise NotFound(_("No existe esa boleta."))
        marks = tuple((r["option"], r["value"]) for r in self.pf.query(
            "SELECT option, value FROM mark WHERE ballot_id = ? ORDER BY value DESC, option",
            [ballot_id]))
        return self._ballot(row, marks, merged=self.merged(row["session_id"]))

    @staticmethod
    def _ballot(row: dict[str, Any], marks: tuple[tuple[int, int], ...], number: int = 0, *,
                merged: Mapping[int, int] | None = None) -> Ballot:
        voids = tuple(VoidNote(v["entry"], shown_text(v["reason"]), v.get("amount", 1))
                      for v in json.loads(row["voids"] or "[]"))
        redirects = ballot_rules.stored_redirects(
            row["entry"], {v.entry for v in voids}, merged) if merged else ()
        return Ballot(id=row["id"], session_id=row["session_id"], round=row["round"],
                      serial=row["serial"], entry=row["entry"], status=row["status"],
                      marks=marks, voids=voids, created_at=row["created_at"], number=number,
                      redirects=redirects)

    def ballots(self, session_id: str, round_: str) -> list[Ballot]:
        rows = self.pf.query("SELECT * FROM ballot WHERE session_id = ? AND round = ? "
                             "ORDER BY created_at, rowid", [session_id, round_])
        marks: dict[str, list[tuple[int, int]]] = {}
        for ballot_id, option, value in self.pf.conn.execute(
                "SELECT ballot_id, option, value FROM mark WHERE session_id = ? AND round = ? "
                "ORDER BY value DESC, option", [session_id, round_]):
            marks.setdefault(ballot_id, []).append((option, value))
        merged = self.merged(session_id)
        return [self._ballot(r, tuple(marks.get(r["id"], ())), i + 1, merged=merged)
                for i, r in enumerate(rows)]

    def count_ballots(self, session_id: str, round_: str) -> int:
        return self.pf.scalar("SELECT COUNT(*) FROM ballot WHERE session_id = ? AND round = ?",
                              [session_id, round_])

    def has_votes(self, session_id: str, round_: str) -> bool:
        return bool(self.pf.scalar(
            "SELECT EXISTS (SELECT 1 FROM ballot WHERE session_id = ? AND round = ?) OR "
            "EXISTS (SELECT 1 FROM typed_count WHERE session_id = ? AND round = ?)",
            [session_id, round_, session_id, round_]))

    def counted_marks(self, session_id: str, round_: str) -> list[tuple[tuple[int, int], ...]]:
        """The marks of every counted ballot, one tuple per ballot (input of the tallies)."""
        grouped: dict[str, list[tuple[int, int]]] = {}
        for ballot_id, option, value in self.pf.conn.execute(
                "SELECT m.ballot_id, m.option, m.value FROM mark m JOIN ballot b "
                "ON b.id = m.ballot_id WHERE m.session_id = ? AND m.round = ? "
                "AND b.status = 'counted'", [session_id, round_]):
            grouped.setdefault(ballot_id, []).append((option, value))
        empty = self.pf.scalar("SELECT COUNT(*) FROM ballot b WHERE b.session_id = ? AND "
                               "b.round = ? AND b.status = 'counted' AND NOT EXISTS (SELECT 1 "
                               "FROM mark m WHERE m.ballot_id = b.id)", [session_id, round_])
        return [tuple(marks) for marks in grouped.values()] + [()] * empty

    def mark_counts(self, session_id: str, round_: str) -> tuple[int, Counter[tuple[int, int]]]:
        """The counted ballots, and how often each (option, value) mark occurs on them.

        That is all a ranked or dots tally uses, so it is read with two GROUP BYs over the
        covering index ``mark_tally`` instead of joining 100,000 marks to their ballots:
        every mark of the round, minus the marks of the (few) spoiled ballots.
        """
        with _snapshot(self.pf.conn):
            counts: Counter[tuple[int, int]] = Counter({
                (o, v): n for o, v, n in self.pf.conn.execute(
                    "SELECT option, value, COUNT(*) FROM mark WHERE session_id = ? AND round = ? "
                    "GROUP BY option, value", [session_id, round_])})
            spoiled = [r[0] for r in self.pf.conn.execute(
                "SELECT id FROM ballot WHERE session_id = ? AND round = ? AND "
                "status != 'counted'", [session_id, round_])]
            for start in range(0, len(spoiled), 500):
                chunk = spoiled[start:start + 500]
                marks = ", ".join("?" for _ in chunk)
                for o, v, n in self.pf.conn.execute(
                        "SELECT option, value, COUNT(*) FROM mark WHERE session_id = ? AND "
                        f"round = ? AND ballot_id IN ({marks}) GROUP BY option, value",
                        [session_id, round_, *chunk]):
                    counts[(o, v)] -= n
            ballots = self.pf.scalar("SELECT COUNT(*) FROM ballot WHERE session_id = ? AND "
                                     "round = ? AND status = 'counted'", [session_id, round_])
        return ballots, +counts

    # -- typed counts --------------------------------------------------------
    def counts(self, session_id: str, round_: str) -> dict[int, int]:
        return {r["option"]: r["count"] for r in self.pf.query(
            "SELECT option, count FROM typed_count WHERE session_id = ? AND round = ?",
            [session_id, round_])}

    def set_counts(self, session_id: str, round_: str, counts: Mapping[int, int], *,
                   counter: str, source: str = tallies.SOURCE_HAND_COUNT,
                   participants: int | None = None) -> Changes:
        """Record counts read off dots on a wall or hands ("conteo a mano")."""
        self.repo.check_not_concluded(session_id)
        self._check_round(session_id, round_)
        counter = " ".join(str(counter).split())
        if not counter:
            raise InvalidInput(_("Escriba quién hizo el conteo."))
        options = set(self.options(session_id))
        noun = self.noun(session_id)
        clean: dict[int, int] = {}
        for option, count in counts.items():
            try:
                option, count = int(option), int(count)
            except (TypeError, ValueError):
                raise InvalidInput(_("Los conteos deben ser números enteros.")) from None
            if option not in options:
                raise InvalidInput(_("{option} no está en la votación.").format(
                    option=noun.one(option)))
            if count < 0:
                raise InvalidInput(_("Un conteo no puede ser negativo ({option}).").format(
                    option=noun.one(option)))
            clean[option] = count
        if self.count_ballots(session_id, round_):
            raise RuleViolation(_("Esta ronda ya tiene boletas capturadas: no se mezclan con "
                                  "conteos."))
        settings = self._round_values(session_id, round_, mode="counts", counter=counter,
                                      source=source, participants=participants)
        session = self.repo.session(session_id)
        label = Label(N_("capturar los conteos de la {round}"),
                      round=Label(round_msgid(round_)).lowered())
        with self.pf.write("vote.counts", label) as unit:  # settings and counts: one action
            self._write_round(unit, session_id, round_, settings)
            if not session.voting_started_at:
                unit.update("session", session.id, {"voting_started_at": unit.at}, stamp=True)
            for option, count in sorted(clean.items()):
                row_id = f"{session_id}:{round_}:{option}"
                if self.pf.row("typed_count", row_id) is None:
                    unit.insert("typed_count", {
                        "id": row_id, "session_id": session_id, "round": round_,
                        "option": option, "count": count, "created_at": unit.at,
                        "updated_at": unit.at, "device_id": self.pf.device.id})
                else:
                    unit.update("typed_count", row_id, {"count": count}, stamp=True)
        return unit.changes().made(session_id=session_id)

    # -- which round stands -----------------------------------------------------
    def voted_rounds(self, session_id: str) -> list[str]:
        """The session's rounds that have votes, in the method's order."""
        return [r for r in get_method(self.repo.session(session_id).method).vote_rounds()
                if self.has_votes(session_id, r)]

    def result_round(self, session_id: str) -> str | None:
        """The round whose result stands: the one the facilitator chose, else the last voted."""
        voted = self.voted_rounds(session_id)
        chosen = self.repo.session(session_id).params.get("result_round")
        if chosen in voted:
            return chosen
        return voted[-1] if voted else None

    def result_round_chosen(self, session_id: str) -> bool:
        chosen = self.repo.session(session_id).params.get("result_round")
        return bool(chosen) and chosen in self.voted_rounds(session_id)

    def choose_result_round(self, session_id: str, round_: str | None) -> Changes:
        """Say which round's result stands (None: the last round with votes)."""
        session = self.repo.session(session_id)
        if round_ is not None:
            self._check_round(session_id, round_)
            if not self.has_votes(session_id, round_):
                raise RuleViolation(_("La {round} no tiene votos: no puede ser el "
                                      "resultado.").format(round=round_label(round_).lower()))
        params = dict(session.params)
        if round_ is None:
            params.pop("result_round", None)
        else:
            params["result_round"] = round_
        shown = round_ or (self.voted_rounds(session_id) or ["vote"])[-1]
        label = Label(N_("tomar como resultado la {round}"),
                      round=Label(round_msgid(shown)).lowered())
        with self.pf.write("vote.result_round", label) as unit:
            unit.update("session", session.id, {"params": params},
                        stamp=True)
        return unit.changes().made(session_id=session_id)

    def _ballots_in(self, session_id: str, round_: str) -> int:
        """Ballots of a round: entered ballots, or the participants of typed counts."""
        vote_round = self.round(session_id, round_)
        if vote_round.mode == "counts":
            return int(vote_round.participants or 0)
        return int(self.pf.scalar("SELECT COUNT(*) FROM ballot WHERE session_id = ? AND "
                                  "round = ?", [session_id, round_]) or 0)

    def optional_round_warning(self, session_id: str) -> str:
        """A Spanish warning when a later (optional) round has fewer ballots than it should.

        An optional final round with a few ballots entered would otherwise replace the
        preliminary result silently. Empty when there is nothing to say.
        """
        voted = self.voted_rounds(session_id)
        if len(voted) < 2:
            return ""
        earlier, later = voted[-2], voted[-1]
        have = self._ballots_in(session_id, later)
        before = self._ballots_in(session_id, earlier)
        issued = self.repo.register.summary(session_id, later).issued
        expected = max(before, issued)
        if have >= expected:
            return ""
        return _("La {later} tiene {have} de {expected} boletas esperadas ({earlier}: {before}; "
                 "folios entregados: {issued}).").format(
            later=round_label(later).lower(), have=have, expected=expected,
            earlier=round_label(earlier).lower(), before=before, issued=issued)

    # -- tally -----------------------------------------------------------------
    def tally(self, session_id: str, round_: str):
        """The round's result as the core computes it (rows, rule, tie-breaks, near-ties)."""
        vote_round = self.round(session_id, round_)
        options = self.options(session_id)
        noun = self.noun(session_id)
        if vote_round.mode == "counts":
            counts = self.counts(session_id, round_)
            per_person = 1
            if vote_round.kind == "dots":
                per_person = int(vote_round.params.get("dots_per_person", 1))
            elif vote_round.kind == "ranked":
                per_person = 1
            return tallies.tally_typed_counts(
                {o: counts.get(o, 0) for o in options}, options=options,
                counter=vote_round.counter or "-", source=vote_round.source or
                tallies.SOURCE_HAND_COUNT, participants=vote_round.participants or None,
                marks_per_person=per_person, noun=noun)
        marks = tallies.MarkCounts(*self.mark_counts(session_id, round_))
        if vote_round.kind == "dots":
            return tallies.tally_dots(marks, options=options, rule=self.dots_rule(
                session_id, round_), participants=vote_round.participants or None, noun=noun)
        return tallies.tally_ranked(marks, options=options,
                                    rule=self.ranked_rule(session_id, round_), noun=noun)


@contextlib.contextmanager
def _snapshot(conn) -> Iterator[None]:  # noqa: ANN001 - a sqlite3 connection
    """Several reads that see the same state of the file (one read transaction)."""
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        conn.execute("COMMIT")
