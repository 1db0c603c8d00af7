"""What a prioritisation's relatoría says (read by ``export.relatoria``): the proposals on
the table, the criteria with their questions, the ranking with each score, the notes,
the sensitivity and the agreement. Computed without Qt; the screen and the PDF show it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cocrea_desktop.export.relatoria import Section
from cocrea_desktop.i18n import _
from cocrea_desktop.methods.prioritisation.summary import summary

if TYPE_CHECKING:
    from cocrea_desktop.export.evidence import SessionSnapshot
    from cocrea_desktop.store.repo import Repo


def sections(repo: Repo, session_id: str, snap: SessionSnapshot) -> tuple[Section, ...]:
    store = repo.prioritisation
    items = store.items(session_id)
    setup = store.setup(session_id)
    out = [Section(_("Propuestas en la mesa"), tuple(
        f"{i.number}. {i.title}" for i in items))]
    if setup.criteria:
        out.append(Section(_("Criterios"), tuple(
            _("{name} (peso {weight}): {question}").format(
                name=c.label(), weight=_w(c.weight), question=c.question_text() or "—")
            for c in setup.criteria)))
    found = summary(repo, session_id)
    if found is None:
        return tuple(out)
    out.append(Section(_("Orden por puntaje"), tuple(
        _("{place} la propuesta {number}: {title} — {score}").format(
            place=cells[0], number=cells[1], title=cells[2], score=cells[3])
        for _n, cells in found.rows)))
    if found.notes:
        out.append(Section(_("Cómo se decidieron los lugares y qué falta"), found.notes))
    out.append(Section(_("Sensibilidad: qué pasa si un peso sube o baja un paso"), tuple(
        f"{a}: {b}" for a, b in found.sensitivity)))
    if found.agreement:
        out.append(Section(_("Acuerdo"), found.agreement))
    return tuple(out)


def _w(weight: float) -> str:
    return str(int(weight)) if float(weight).is_integer() else f"{weight:.2f}"
