"""What the jury's relatoría says in its own words (read by ``export.relatoria``): the
draw, the witnesses and the recommendations with the jury's agreement. No name of a
volunteer; computed without Qt."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cocrea_desktop.export.relatoria import Section
from cocrea_desktop.i18n import _

if TYPE_CHECKING:
    from cocrea_desktop.export.evidence import SessionSnapshot
    from cocrea_desktop.store.repo import Repo


def sections(repo: Repo, session_id: str, snap: SessionSnapshot) -> tuple[Section, ...]:
    jury = repo.jury
    record = jury.record(session_id)
    out = []
    if record is not None:
        panel = jury.panel(session_id)
        out.append(Section(_("Sorteo del jurado"), (
            _("{count} personas sorteadas entre {pool} voluntarias; semilla {seed} (dados "
              "{dice}); algoritmo {algorithm}.").format(
                count=len(panel), pool=len(record.probabilities), seed=record.seed,
                dice=record.dice, algorithm=record.algorithm),
            _("Jurado: {numbers}").format(numbers=", ".join(
                str(n) for n in sorted(v.number for v in panel))),
        ) + tuple(_("Se retiró la persona {old}; entró la {new}.").format(
            old=s.withdrawn, new=s.replacement) for s in jury.swaps(session_id))))
    found = jury.witnesses(session_id)
    if found:
        out.append(Section(_("Testimonios"), tuple(
            _("{number}. {name} — {role}").format(number=w.number, name=w.name, role=w.role)
            for w in found)))
    recs = jury.recommendations(session_id)
    if recs:
        out.append(Section(_("Recomendaciones del jurado"), tuple(
            _("{number}. {text} — {agreement}").format(number=r.number, text=r.text,
                                                      agreement=r.agreement_text())
            for r in recs)))
    return tuple(out)
