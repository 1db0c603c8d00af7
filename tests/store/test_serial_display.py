"""A ballot serial is written one way wherever a person reads it ("482-1571"), however it
was typed; real files, the CLI and a PDF read back (no Qt)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from cocrea_desktop.cli import cli
from cocrea_desktop.core.errors import RuleViolation
from cocrea_desktop.core.voting.payload import canonical_serial, format_serial
from cocrea_desktop.export import opendata
from cocrea_desktop.export.paper import print_ballots
from cocrea_desktop.store.repo import Repo

PRE = "preliminary"


def shown(serial: str) -> str:
    return serial[:3] + "-" + serial[3:]


def test_format_serial_takes_every_typed_form() -> None:
    for typed in ("4821571", "482-1571", " 482 1571 ", "482.1571", "482-l57I", "482_1571"):
        assert format_serial(typed) == "482-1571", typed
    assert format_serial("48215710") == "48215710"    # not a serial: shown as it is
    assert format_serial("0042") == "0042"            # a label of the facilitator's own
    assert format_serial("B-0007") == "B-0007"
    assert format_serial("") == ""
    assert canonical_serial("482-l57I") == "4821571"
    assert canonical_serial("  Mesa  3 ") == "Mesa 3"


@pytest.fixture
def session(repo):
    sid, _ = repo.add_session(method="nominal_group", question="¿Qué pasa con el agua?")
    for i in range(1, 6):
        repo.ideas.add(sid, "Idea {}".format(i))
    repo.votes.configure(sid, PRE, k=3)
    return sid


def test_a_serial_typed_without_hyphen_reads_back_with_it(repo, session, tmp_path):
    print_ballots(repo, session, PRE, 2, tmp_path / "boletas.pdf")
    serial = repo.register.issued(session, PRE)[0]["serial"]
    ballot, changes = repo.votes.enter_ballot(session, PRE, "1 2 3", serial=serial)
    assert ballot.serial == serial                       # stored as the register knows it
    assert changes.label == "capturar la boleta " + shown(serial)
    assert repo.pf.undo_label() == "capturar la boleta " + shown(serial)
    with pytest.raises(RuleViolation) as err:
        repo.votes.enter_ballot(session, PRE, "3 2 1", serial=shown(serial))
    assert shown(serial) in err.value.message

    # Open data: the list of counted serials as printed on the ballots.
    tables = opendata.collect(repo)
    assert [b["serial"] for b in tables["ballots"]] == [shown(serial)]
    assert "marks" not in tables  # the vote is secret: no serial beside its marks


def test_without_issued_ballots_both_forms_are_one_ballot(repo, session):
    ballot, changes = repo.votes.enter_ballot(session, PRE, "1 2 3", serial="482-1571")
    assert ballot.serial == "4821571"
    assert changes.label == "capturar la boleta 482-1571"
    with pytest.raises(RuleViolation, match="La boleta 482-1571 ya fue contada"):
        repo.votes.enter_ballot(session, PRE, "3 2 1", serial="4821571")
    assert repo.votes.count_ballots(session, PRE) == 1


def test_cli_and_annex_pdf_show_the_canonical_form(repo, session, db_path, tmp_path):
    print_ballots(repo, session, PRE, 2, tmp_path / "boletas.pdf")
    first, second = (r["serial"] for r in repo.register.issued(session, PRE))
    repo.close()
    csv_file = tmp_path / "boletas.csv"
    # Typed without the hyphen (and with an l for a 1 where there is one), as people do.
    typed = first.replace("1", "l")
    csv_file.write_text("folio,idea,puntos\n{a},1,3\n{a},9,2\n{b},2,3\n".format(
        a=typed, b=second), encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(cli, ["ballots", "import", str(db_path), session, str(csv_file)],
                           catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "Boleta {}, «9:2»".format(shown(first)) in result.output
    again = runner.invoke(cli, ["ballots", "import", str(db_path), session, str(csv_file)],
                          catch_exceptions=False)
    assert "{}, {}".format(shown(first), shown(second)) in again.output
    assert first not in again.output and typed not in again.output
    report = json.loads(runner.invoke(cli, ["ballots", "register", str(db_path), session,
                                            "--json"], catch_exceptions=False).output)
    assert {s["shown"] for s in report["serials"]} == {shown(first), shown(second)}

    annex = tmp_path / "anexo.csv"
    result = runner.invoke(cli, ["ballots", "annex", str(db_path), session, "-o", str(annex)],
                           catch_exceptions=False)
    assert result.exit_code == 0, result.output
    lines = annex.read_text("utf-8-sig").splitlines()
    rows = lines[1:lines.index("")]  # the counted serials, before the per-option totals
    assert sorted(rows) == sorted([shown(first), shown(second)])
    results = tmp_path / "resultados.pdf"
    result = runner.invoke(cli, ["report", "results", str(db_path), session, "-o",
                                 str(results)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    text = "".join(page.extract_text() for page in PdfReader(results).pages)
    assert shown(first) in text and shown(second) in text
    assert first not in text.replace(shown(first), "")

    with Repo.open(db_path, read_only=True) as again_repo:
        ballots = again_repo.votes.ballots(session, PRE)
        assert sorted(b.serial for b in ballots) == sorted([first, second])
