"""Paper score sheets: a grid of proposals by criteria with 1-5 boxes, one sheet per
evaluator, each with its QR code and serial, issued through the same ballot register as
the other votes (``export.paper``: the PDF is written, read back, and only then are the
serials issued). A sheet typed back names its serial (scanned from the QR or typed): the
register says whether it was issued for this session, and a serial is counted once.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from cocrea_desktop.core.changes import Changes
from cocrea_desktop.core.dates import format_date
from cocrea_desktop.core.errors import RuleViolation
from cocrea_desktop.core.methods import method_title
from cocrea_desktop.export.paper import _check_writable, finish_print
from cocrea_desktop.export.pdf.ballots import (
    BallotKind,
    BallotSheetSpec,
    best_per_page,
    prepare_ballots_pdf,
    validate_spec,
)
from cocrea_desktop.i18n import _
from cocrea_desktop.store.register import READY
from cocrea_desktop.store.repo import Repo

#: The register's round of the score sheets (``Method.register_rounds``).
ROUND = "vote"


def sheet_spec(repo: Repo, session_id: str, ballots: list[tuple[str, str]], *,
               per_page: int = 1, paper: str = "letter") -> BallotSheetSpec:
    session = repo.session(session_id)
    setup = repo.prioritisation.setup(session_id)
    repo.prioritisation.rule(session_id)  # criteria first, said in Spanish
    items = repo.prioritisation.items(session_id)
    if not items:
        raise RuleViolation(_("No hay propuestas en la mesa: no hay hoja que imprimir."))
    title = " · ".join(p for p in (method_title(session.method), session.table_label,
                                   format_date(session.date)) if p)
    return BallotSheetSpec(
        process_title=repo.process().name, session_title=title, question=session.question,
        round_label=_("Hoja de calificación"), kind=BallotKind.CRITERIA,
        options=[(i.number, i.title) for i in items], ballots=ballots,
        criteria=[c.label() for c in setup.criteria], score_min=setup.scale_min,
        score_max=setup.scale_max, per_page=per_page, paper=paper,
        option_heading=_("Propuesta"))


def print_score_sheets(repo: Repo, session_id: str, count: int,
                       path: str | os.PathLike[str], *, paper: str = "letter",
                       progress: Callable[[int, int], None] | None = None,
                       cancelled: Callable[[], bool] | None = None
                       ) -> tuple[list[str], Changes] | None:
    """Print ``count`` score sheets and issue their serials; None if cancelled."""
    empty = sheet_spec(repo, session_id, [], paper=paper)
    per_page = best_per_page(empty)
    validate_spec(replace(empty, per_page=per_page))
    plan = repo.register.plan_issue(session_id, ROUND, count)
    spec = sheet_spec(repo, session_id, list(plan.pairs), per_page=per_page, paper=paper)
    _check_writable(Path(path).parent)
    prepared = prepare_ballots_pdf(spec, path, progress=progress, cancelled=cancelled)
    if prepared is None:
        return None
    changes = finish_print(repo, plan, prepared)
    return list(plan.serials), changes.made(session_id=session_id)


def read_sheet_code(repo: Repo, session_id: str, text: str) -> str:
    """The serial of a score sheet scanned or typed, ready to type its scores; else the
    register's reason (not issued, of another session...) or "already entered"."""
    outcome = repo.register.read(session_id, ROUND, text)
    if outcome.kind != READY:
        raise RuleViolation(outcome.message)
    used = repo.pf.scalar("SELECT MIN(sheet) FROM prioritisation_score WHERE session_id = ? "
                          "AND serial = ?", [session_id, outcome.serial])
    if used:
        from cocrea_desktop.core.voting.payload import format_serial

        raise RuleViolation(_("La hoja {serial} ya se capturó como la hoja {sheet}: no se "
                              "cuenta dos veces.").format(serial=format_serial(outcome.serial),
                                                          sheet=used))
    return outcome.serial


def next_free_sheet(repo: Repo, session_id: str) -> int:
    used = set(repo.prioritisation.sheets(session_id))
    sheet = 1
    while sheet in used:
        sheet += 1
    return sheet
