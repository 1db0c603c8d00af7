"""A ballot naming a merged idea counts for the idea that absorbed it, and says so.

People copy numbers off the wall, where a merged idea keeps its number: "10" on a ballot
after 10 was merged into 1 is a vote for 1. Real files, no Qt. Ideas 1..8, k = 3.
"""

from __future__ import annotations

import json

from click.testing import CliRunner
from pypdf import PdfReader

from cocrea_desktop.cli import cli
from cocrea_desktop.store.repo import Repo

PRE = "preliminary"
NOTE_5 = "La idea 5 se unió a la 2: cuenta para la 2."


def merged_session(repo) -> str:
    """Eight ideas; 5 merged into 2 (and 6 into 4, then 4 into 3: a chain)."""
    sid, _ = repo.add_session(method="nominal_group", question="¿Qué falta en el agua?")
    for i in range(1, 9):
        repo.ideas.add(sid, "Idea número {}".format(i))
    for numbers in ([2, 5], [4, 6], [3, 4]):
        merge, _ = repo.ideas.propose_merge(sid, numbers)
        repo.ideas.agree_merge(merge.id)
    repo.votes.configure(sid, PRE, k=3)
    return sid


def test_a_merged_number_counts_for_the_absorbing_idea_and_says_so(repo):
    sid = merged_session(repo)
    assert repo.votes.options(sid) == [1, 2, 3, 7, 8]
    assert repo.votes.merged(sid) == {5: 2, 4: 3, 6: 3}
    checked = repo.votes.check_ballot(sid, PRE, "5 1 6")
    assert checked.marks == ((2, 3), (1, 2), (3, 1)) and checked.voids == ()
    assert checked.notes == [NOTE_5, "La idea 6 se unió a la 3: cuenta para la 3."]
    ballot, _ = repo.votes.enter_ballot(sid, PRE, "5 1 6")
    assert ballot.marks == ((2, 3), (1, 2), (3, 1)) and not ballot.has_voids
    assert ballot.redirects == ((5, 2), (6, 3))
    tally = {r.option: r.points for r in repo.votes.tally(sid, PRE).rows}
    assert tally == {2: 3, 1: 2, 3: 1, 7: 0, 8: 0}
    # Read back from the file, the ballot still says why 5 counted for 2.
    assert repo.votes.ballots(sid, PRE)[0].redirects == ((5, 2), (6, 3))


def test_naming_both_the_merged_and_the_absorbing_idea_voids_only_those(repo):
    sid = merged_session(repo)
    ballot, _ = repo.votes.enter_ballot(sid, PRE, "5 7 2")
    assert ballot.marks == ((7, 2),)          # 5 and 2 are the same idea: both void
    assert [v.entry for v in ballot.voids] == ["5", "2"]
    for void in ballot.voids:
        assert void.reason == ("La idea 5 se unió a la 2. "
                               "La idea 2 aparece dos veces en la boleta.")
    assert ballot.redirects == ()
    # Given as (idea, points) pairs (a spreadsheet, a scan): the same rule.
    ballot, _ = repo.votes.enter_ballot_marks(sid, PRE, [(2, 3), (5, 2), (1, 1)])
    assert ballot.marks == ((1, 1),) and [v.entry for v in ballot.voids] == ["2:3", "5:2"]
    assert "La idea 5 se unió a la 2." in ballot.voids[0].reason


def test_a_merged_entry_voided_for_another_reason_says_both(repo):
    sid = merged_session(repo)
    ballot, _ = repo.votes.enter_ballot(sid, PRE, "5:9 1")
    assert ballot.marks == ((1, 2),)
    assert ballot.voids[0].reason.startswith("La idea 5 se unió a la 2. Los puntos van de 1 a 3")
    assert ballot.redirects == ()


def test_withdrawn_and_unknown_numbers_are_still_refused(repo):
    sid = merged_session(repo)
    repo.ideas.withdraw(repo.ideas.by_number(sid, 7).id, "fuera de tema")
    ballot, _ = repo.votes.enter_ballot(sid, PRE, "7 9 5")
    assert ballot.marks == ((2, 1),)
    assert [v.entry for v in ballot.voids] == ["7", "9"]


def test_the_cli_import_says_where_a_merged_number_counted(tmp_path):
    db = tmp_path / "p.cocrea.db"
    with Repo.create(db, name="PAL") as repo:
        sid = merged_session(repo)
    csv_file = tmp_path / "boletas.csv"
    csv_file.write_text("folio,idea,puntos\n0001,5,3\n0001,1,2\n0002,5,3\n0002,2,2\n",
                        encoding="utf-8")
    runner = CliRunner()
    out = runner.invoke(cli, ["ballots", "import", str(db), sid, str(csv_file)],
                        catch_exceptions=False).output
    assert "Boleta 0001: " + NOTE_5 in out
    assert "Boleta 0002, «5:3»: La idea 5 se unió a la 2. La idea 2 aparece dos veces" in out
    with Repo.open(db, read_only=True) as repo:
        assert {r.option: r.points for r in repo.votes.tally(sid, PRE).rows}[2] == 3
    csv_file.write_text("folio,idea,puntos\n0003,5,3\n", encoding="utf-8")
    report = json.loads(runner.invoke(cli, ["ballots", "import", str(db), sid, str(csv_file),
                                            "--json"], catch_exceptions=False).output)
    assert report["added"][0]["notes"] == [NOTE_5]
    assert report["added"][0]["marks"] == [[2, 3]]


def test_the_public_annex_lists_the_serial_without_its_marks(tmp_path):
    """The vote is secret: a ballot redirected by a merge is in the annex by serial only."""
    db = tmp_path / "p.cocrea.db"
    with Repo.create(db, name="PAL") as repo:
        sid = merged_session(repo)
        repo.votes.enter_ballot(sid, PRE, "5 1", serial="0001")
    runner = CliRunner()
    annex = tmp_path / "anexo.csv"
    runner.invoke(cli, ["ballots", "annex", str(db), sid, "-o", str(annex)],
                  catch_exceptions=False)
    lines = annex.read_text("utf-8-sig").splitlines()
    assert lines[1] == "0001"
    assert not any("2:3" in line or "se unió" in line for line in lines)
