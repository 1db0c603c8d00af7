"""The assembly of the demo process (``store.demo``): the agency of San Miguel meets on a
Saturday at the basketball court. Water and the road are treated, with speakers by
number and sector, hand and ballot votes and their agreements; the third item is under
discussion, someone has the floor, so a newcomer sees the working screen live.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo

#: (item, voted by ballot?)
DEMO_ITEMS = [
    ("Agua potable: reparar la línea que baja del manantial de Agua Fría", False),
    ("Faenas para el camino a la cabecera antes de las lluvias", True),
    ("Desayunador de la escuela primaria: cooperación y comité", False),
]
#: Per item, who asked for the floor: (sector, sex, seconds spoken, second round?).
DEMO_SPEAKERS = {
    1: [("Comité del agua", "hombre", 170, False), ("Ejidatarios", "hombre", 185, False),
        ("Mujeres", "mujer", 150, False), ("Avecindados", "mujer", 120, False),
        ("Jóvenes", "hombre", 95, False), ("Comité del agua", "hombre", 80, True)],
    2: [("Ejidatarios", "hombre", 175, False), ("Mujeres", "mujer", 160, False),
        ("Avecindados", "hombre", 140, False), ("Personas mayores", "mujer", 110, False)],
    3: [("Madres y padres de familia", "mujer", 150, False), ("Mujeres", "mujer", 0, False),
        ("Ejidatarios", "hombre", 0, False)],
}
#: Per item, its proposals; for hand votes, (for, against, abstentions).
DEMO_PROPOSALS = {
    1: [("Cooperación de 150 pesos por familia y faena de dos sábados para cambiar la "
         "manguera", (38, 15, 6)),
        ("Pedir al municipio que pague toda la reparación con el fondo de obras",
         (19, 34, 6))],
    2: [("Faena el primer sábado de cada mes, de 7 a 13 horas", None),
        ("Faena cada quince días solo en mayo y junio", None)],
    3: [("Cooperación de 50 pesos por niña o niño y un comité de tres madres y padres",
         None)],
}
#: The paper ballot on item 2 (one mark each), as typed from the papers.
DEMO_BALLOTS = ["3"] * 31 + ["4"] * 22
COUNTER = "Comité de vigilancia (Tomás Cruz)"


def seed(repo: Repo, session_id: str) -> None:
    a, phases = repo.assembly, repo.phases
    advance = getattr(repo.pf.clock, "advance", None)
    repo.attendance.set_notice_read_aloud(session_id)
    repo.attendance.set_counts(session_id, "sex", {"mujer": 31, "hombre": 28})
    repo.attendance.set_counts(session_id, "age_band",
                               {"18_29": 9, "30_44": 19, "45_59": 18, "60_mas": 13})
    a.set_rules(session_id, speaker_minutes=3, quorum=33)
    for title, ballot in DEMO_ITEMS:
        a.add_item(session_id, title, vote_mode="ballot" if ballot else "hands")
    phases.go_to(session_id, "items")
    items = a.items(session_id)
    for item in items:
        a.open_item(session_id, item.id)
        for sector, sex, _seconds, second in DEMO_SPEAKERS[item.number]:
            a.add_speaker(session_id, sector=sector, sex=sex, second_round=second)
        proposals = [a.add_proposal(session_id, text)[0]
                     for text, _count in DEMO_PROPOSALS[item.number]]
        for _sector, _sex, seconds, _second in DEMO_SPEAKERS[item.number]:
            if not seconds and item.number == 3:
                break
            a.next_speaker(session_id)
            if advance is not None:
                advance(seconds)
        if item.number == 3:
            speaker, _changes = a.next_speaker(session_id)  # the second has the floor now
            # paused, so that the demo opens with time left on the clock
            phases.pause_timer(session_id, "items", slot=speaker.id)
            break
        a.end_speaker(session_id)
        for proposal, (_text, count) in zip(proposals, DEMO_PROPOSALS[item.number]):
            if count is None:
                continue
            vote, _changes = a.record_hand_vote(
                proposal.id, votes_for=count[0], votes_against=count[1],
                abstentions=count[2], counter=COUNTER)
            if vote.outcome == "approved":
                a.add_agreement(vote.id)
        a.close_item(session_id)
        if item.vote_mode == "ballot":
            phases.go_to(session_id, "ballot")
            repo.votes.configure(session_id, "vote", dots_per_person=1, max_per_option=1,
                                 participants=59)
            for text in DEMO_BALLOTS:
                repo.votes.enter_ballot(session_id, "vote", text)
            phases.go_to(session_id, "items")
            for proposal in proposals:
                vote, _changes = a.record_ballot_vote(proposal.id)
                if vote.outcome == "approved":
                    a.add_agreement(vote.id, proposal.text + ", con lista de asistencia a "
                                    "cargo del comité del camino")
