"""A refused or failed print issues nothing; unused serials can be voided with a reason."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from cocrea_desktop.cli import cli
from cocrea_desktop.core.errors import CocreaError
from cocrea_desktop.export.paper import print_ballots
from cocrea_desktop.store.register import NOT_ISSUED, READY
from cocrea_desktop.store.repo import Repo

LONG = ("Que el municipio repare el camino de terracería entre la cabecera y la agencia "
        "antes de las lluvias de junio, con faena")


def _journal_length(repo) -> int:
    return repo.pf.scalar("SELECT COUNT(*) FROM journal")


@pytest.fixture
def many(repo):
    """A session with 14 long ideas: too many for four ballots per sheet."""
    sid, _ = repo.add_session(method="nominal_group", question="¿Qué hacemos primero?")
    for i in range(14):
        repo.ideas.add(sid, f"{i + 1}: " + LONG[:100])
    repo.votes.configure(sid, "preliminary", k=5)
    return sid


def test_a_refused_layout_issues_nothing(repo, many, tmp_path):
    before = _journal_length(repo)
    params = repo.session(many).params
    for _attempt in range(3):
        with pytest.raises(CocreaError) as info:
            print_ballots(repo, many, "preliminary", 8, tmp_path / "b.pdf", per_page=4)
        assert "No caben 14" in info.value.message
    assert repo.register.summary(many, "preliminary").issued == 0
    assert repo.register.issued(many, "preliminary") == []
    assert _journal_length(repo) == before  # not even the session's short id
    assert repo.session(many).params == params
    assert not any(p.name.endswith(".pdf") or ".tmp" in p.name for p in tmp_path.iterdir())


def test_a_failure_after_rendering_issues_nothing_and_leaves_no_file(repo, many, tmp_path,
                                                                      monkeypatch):
    from cocrea_desktop.export.pdf import ballots as bl

    def broken(spec, prepared):
        raise CocreaError("disco lleno")

    monkeypatch.setattr(bl, "_read_back", broken)
    with pytest.raises(CocreaError):
        print_ballots(repo, many, "preliminary", 3, tmp_path / "b.pdf", per_page=1)
    assert repo.register.summary(many, "preliminary").issued == 0
    assert list(tmp_path.glob("*.pdf*")) == [] and list(tmp_path.glob(".ballots-*")) == []


def test_a_cancelled_print_issues_nothing(repo, many, tmp_path):
    result = print_ballots(repo, many, "preliminary", 6, tmp_path / "b.pdf", per_page=1,
                           cancelled=lambda: True)
    assert result is None
    assert repo.register.summary(many, "preliminary").issued == 0
    assert list(tmp_path.iterdir()) == [p for p in tmp_path.iterdir() if p.suffix == ".db"
                                        or p.name.startswith("proceso")]


def test_printed_serials_record_the_pdf_they_are_in(repo, many, tmp_path):
    import hashlib

    pdf = tmp_path / "b.pdf"
    serials = print_ballots(repo, many, "preliminary", 3, pdf, per_page=1)
    digest = hashlib.sha256(pdf.read_bytes()).hexdigest()
    rows = repo.pf.query("SELECT serial, pdf_sha256 FROM ballot_issue")
    assert sorted(r["serial"] for r in rows) == sorted(serials)
    assert {r["pdf_sha256"] for r in rows} == {digest}
    assert len(PdfReader(str(pdf)).pages) == 3
    # One undo step issues them (with the session's short id): undo removes all of it.
    assert repo.pf.undo_stack[-1].label == "emitir 3 boletas"


def test_unused_serials_can_be_voided_with_a_reason(repo, many, tmp_path):
    serials = print_ballots(repo, many, "preliminary", 4, tmp_path / "b.pdf", per_page=1)
    repo.votes.enter_ballot(many, "preliminary", "1 2 3 4 5", serial=serials[0])
    with pytest.raises(CocreaError) as info:
        repo.register.void_serials(many, "preliminary", serials[2:], "  ")
    assert "por qué" in info.value.message
    with pytest.raises(CocreaError) as info:  # a returned ballot cannot be voided
        repo.register.void_serials(many, "preliminary", [serials[0]], "se atascó")
    assert "ya se devolvió" in info.value.message
    assert repo.register.summary(many, "preliminary").withdrawn == 0

    repo.register.void_serials(many, "preliminary",
                               [s[:3] + "-" + s[3:] for s in serials[2:]], "La impresora se atascó")
    summary = repo.register.summary(many, "preliminary")
    assert (summary.issued, summary.returned, summary.not_returned, summary.withdrawn) == \
        (4, 1, 1, 2)
    assert summary.balanced
    assert repo.register.unprinted_serials(many, "preliminary") == [serials[1]]
    reasons = {r["serial"]: (r["status"], r["void_reason"]) for r in
               repo.pf.query("SELECT serial, status, void_reason FROM ballot_issue")}
    assert reasons[serials[2]] == ("void", "La impresora se atascó")
    outcome = repo.register.read(many, "preliminary", serials[3])
    assert outcome.kind == NOT_ISSUED and "se anuló" in outcome.message
    assert repo.register.read(many, "preliminary", serials[1]).kind == READY
    with pytest.raises(CocreaError):
        repo.votes.enter_ballot(many, "preliminary", "1 2 3 4 5", serial=serials[3])
    repo.undo()
    assert repo.register.summary(many, "preliminary").withdrawn == 0


def _cli(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_cli_refused_print_issues_nothing_and_void_works(tmp_path):
    db = tmp_path / "p.cocrea.db"
    with Repo.create(db, name="PAL") as repo:
        sid, _ = repo.add_session(method="nominal_group", question="¿Qué?")
        for i in range(14):
            repo.ideas.add(sid, f"{i + 1}: " + LONG[:100])
    for _attempt in range(3):
        result = _cli("ballots", "print", str(db), sid, "--count", "8", "--per-page", "4",
                      "-o", str(tmp_path / "b.pdf"))
        assert result.exit_code == 1 and "No caben 14" in result.output
    with Repo.open(db, read_only=True) as repo:
        assert repo.register.summary(sid, "preliminary").issued == 0
    # Without --per-page the largest layout that fits is used.
    result = _cli("ballots", "print", str(db), sid, "--count", "2", "-o", str(tmp_path / "b.pdf"))
    assert result.exit_code == 0, result.output
    assert "1 por hoja" in result.output
    with Repo.open(db, read_only=True) as repo:
        serials = [r["serial"] for r in repo.register.issued(sid, "preliminary")]
    assert len(serials) == 2
    shown = serials[0][:3] + "-" + serials[0][3:]
    result = _cli("ballots", "void", str(db), sid, shown, "--reason", "Se manchó al imprimir")
    assert result.exit_code == 0, result.output
    assert shown in result.output
    result = _cli("ballots", "register", str(db), sid, "--json")
    import json

    data = json.loads(result.output)
    assert data["withdrawn"] == 1 and data["balanced"]
    states = {s["serial"]: s for s in data["serials"]}
    assert states[serials[0]]["state"] == "withdrawn"
    assert states[serials[0]]["reason"] == "Se manchó al imprimir"
    result = _cli("ballots", "void", str(db), sid, shown, "--reason", "otra vez")
    assert result.exit_code == 1 and "ya se devolvió o se anuló" in result.output
