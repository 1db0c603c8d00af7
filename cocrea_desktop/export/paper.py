"""Paper ballots of a session: issue and print them, read a stack of scans back.

Glue between the ballot register (store), the ballot PDF and the scanner; the
GUI and the CLI call these and show the results. Reading never enters marks:
it says, for every code found, whether the ballot is ready for its marks,
already counted, of another session or round, not issued, or not ours.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from cocrea_desktop.core.changes import Changes
from cocrea_desktop.core.dates import format_date
from cocrea_desktop.core.methods import method_title
from cocrea_desktop.core.model import round_label
from cocrea_desktop.core.voting.payload import format_serial
from cocrea_desktop.export.pdf.ballots import (
    BallotKind,
    BallotSheetSpec,
    PreparedPdf,
    best_per_page,
    fitting_layouts,
    prepare_ballots_pdf,
    validate_spec,
)
from cocrea_desktop.i18n import _
from cocrea_desktop.store.register import DUPLICATE, READY, IssuePlan, ReadOutcome
from cocrea_desktop.store.repo import Repo


def ballot_spec(repo: Repo, session_id: str, round_: str, ballots: list[tuple[str, str]], *,
                per_page: int = 4, paper: str = "letter") -> BallotSheetSpec:
    """The printable description of a session's ballots for one round."""
    session = repo.session(session_id)
    process = repo.process()
    vote_round = repo.votes.round(session_id, round_)
    options = _options(repo, session_id)
    session_title = " · ".join(p for p in (method_title(session.method), session.table_label,
                                           format_date(session.date)) if p)
    common = dict(process_title=process.name, session_title=session_title,
                  question=session.question, round_label=round_label(round_),
                  options=options, ballots=ballots, per_page=per_page, paper=paper)
    if vote_round.kind == "dots":
        params = vote_round.params
        dots = int(params.get("dots_per_person", 3))
        return BallotSheetSpec(kind=BallotKind.DOTS, dots=dots,
                               max_dots_per_option=int(params.get("max_per_option") or dots),
                               **common)
    return BallotSheetSpec(kind=BallotKind.RANKED, ranks=vote_round.k, **common)


def _options(repo: Repo, session_id: str) -> list[tuple[int, str]]:
    return [(o.number, o.label) for o in repo.votes.options_for(session_id)]


def layouts_that_fit(repo: Repo, session_id: str, round_: str, *,
                     paper: str = "letter") -> list[int]:
    """How many ballots per sheet (4, 2, 1) the session's options fit, most first."""
    return fitting_layouts(ballot_spec(repo, session_id, round_, [], paper=paper))


def print_ballots(repo: Repo, session_id: str, round_: str, count: int,
                  path: str | os.PathLike[str], *, per_page: int | None = None,
                  paper: str = "letter",
                  progress: Callable[[int, int], None] | None = None,
                  cancelled: Callable[[], bool] | None = None) -> list[str] | None:
    """Print ``count`` new ballots to ``path`` and issue their serials; None if cancelled.

    The PDF is written under a temporary name and read back; only then are the serials
    entered in the register (one transaction recording the PDF's hash), and the file gets
    its name. A refused layout, a folder that cannot be written, a cancel or any failure
    leaves the register untouched. ``per_page`` None: the most ballots per sheet that fit.
    """
    spec, plan = plan_print(repo, session_id, round_, count, per_page=per_page, paper=paper)
    _check_writable(Path(path).parent)
    prepared = prepare_ballots_pdf(spec, path, progress=progress, cancelled=cancelled)
    if prepared is None:
        return None
    finish_print(repo, plan, prepared)
    return plan.serials


def plan_print(repo: Repo, session_id: str, round_: str, count: int, *,
               per_page: int | None = None, paper: str = "letter"
               ) -> tuple[BallotSheetSpec, IssuePlan]:
    """The checked spec and the serials of a print, before anything is written."""
    empty = ballot_spec(repo, session_id, round_, [], per_page=per_page or 1, paper=paper)
    if per_page is None:
        per_page = best_per_page(empty)
    validate_spec(replace(empty, per_page=per_page))  # a refused layout issues nothing
    plan = repo.register.plan_issue(session_id, round_, count)
    spec = ballot_spec(repo, session_id, round_, list(plan.pairs), per_page=per_page,
                       paper=paper)
    return spec, plan


def finish_print(repo: Repo, plan: IssuePlan, prepared: PreparedPdf) -> Changes:
    """Issue the plan's serials, recording the PDF read back, then give the PDF its name."""
    try:
        changes = repo.register.issue_printed(plan, pdf_sha256=prepared.sha256,
                                              layout=prepared.layout)
    except BaseException:
        prepared.discard()
        raise
    prepared.commit()
    return changes


def _check_writable(folder: Path) -> None:
    import tempfile

    from cocrea_desktop.core.errors import InvalidInput

    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError:
        raise InvalidInput(_("No se puede escribir en la carpeta «{folder}»: elija otra.").format(
            folder=folder)) from None


@dataclass
class ScanResult:
    """What a stack of scans held: one outcome per code, and the files that gave none."""

    outcomes: list[tuple[str, ReadOutcome]] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)

    def ready(self) -> list[ReadOutcome]:
        return [o for _src, o in self.outcomes if o.kind == READY]

    def duplicates(self) -> list[ReadOutcome]:
        return [o for _src, o in self.outcomes if o.kind == DUPLICATE]


def read_scans(repo: Repo, session_id: str, round_: str,
               paths: Iterable[str | os.PathLike[str]], *,
               progress: Callable[[int, int], None] | None = None) -> ScanResult:
    """Decode every ballot QR code in the files or folders and say what each one is.

    A ballot found twice in the same stack is flagged as a duplicate the second time.
    """
    from cocrea_desktop.export.scan import scan_path

    result = ScanResult()
    seen: set[str] = set()
    paths = [Path(p) for p in paths]
    for done, path in enumerate(paths, start=1):
        report = scan_path(path)
        for code in report.codes:
            outcome = repo.register.read(session_id, round_, code.text)
            if outcome.kind == READY and outcome.serial in seen:
                outcome = ReadOutcome(DUPLICATE, _("La boleta {serial} aparece dos veces en "
                                                   "los escaneos: se cuenta una sola vez.")
                                      .format(serial=format_serial(outcome.serial)),
                                      outcome.serial, outcome.session_id, outcome.round)
            seen.add(outcome.serial)
            result.outcomes.append((f"{code.source}#{code.page + 1}", outcome))
        for problem in report.problems:
            page = "" if problem.page is None else f"#{problem.page + 1}"
            result.problems.append((f"{problem.source}{page}", problem.reason))
        if progress:
            progress(done, len(paths))
    return result
