"""Paper ballots end to end: issue and print, scan the pages back, enter marks, reconcile."""

from __future__ import annotations

import pytest

from cocrea_desktop.export.paper import print_ballots, read_scans
from cocrea_desktop.store.register import DUPLICATE, NOT_ISSUED, OTHER_ROUND, OTHER_SESSION, \
    READY, REJECTED


def render_pages(pdf, folder, dpi=200):
    import pypdfium2 as pdfium

    folder.mkdir(exist_ok=True)
    doc = pdfium.PdfDocument(str(pdf))
    paths = []
    for i in range(len(doc)):
        image = doc[i].render(scale=dpi / 72).to_pil().convert("L")
        path = folder / f"pagina-{i + 1}.png"
        image.save(path)
        paths.append(path)
    return paths


@pytest.fixture
def session(repo):
    sid, _ = repo.add_session(method="nominal_group", question="¿Qué falta en la clínica?")
    for text in ("Médico los fines de semana", "Medicinas completas", "Ambulancia",
                 "Horario nocturno", "Traductor de mixteco", "Sala de espera techada"):
        repo.ideas.add(sid, text)
    for _step in range(4):  # question -> silent writing -> round -> clarification -> vote
        repo.phases.forward(sid)
    assert repo.phases.current(sid).key == "preliminary_vote"
    repo.votes.configure(sid, "preliminary", k=3)
    return sid


def test_print_scan_enter_reconcile(repo, session, tmp_path):
    pdf = tmp_path / "boletas.pdf"
    serials = print_ballots(repo, session, "preliminary", 8, pdf, per_page=2)
    assert len(serials) == 8 and len(set(serials)) == 8
    pages = render_pages(pdf, tmp_path / "escaneos")
    assert len(pages) == 4

    result = read_scans(repo, session, "preliminary", [tmp_path / "escaneos"])
    assert sorted(o.serial for o in result.ready()) == sorted(serials)
    assert result.problems == []

    # Enter the marks of three ballots, one of them partly void.
    repo.votes.enter_ballot(session, "preliminary", "1 2 3", serial=serials[0])
    repo.votes.enter_ballot(session, "preliminary", "4 4 5", serial=serials[1])
    repo.votes.enter_ballot(session, "preliminary", "9", serial=serials[2])  # all void
    repo.register.mark_spoiled(session, "preliminary", serials[3])

    again = read_scans(repo, session, "preliminary", pages)
    kinds = {o.serial: o.kind for _src, o in again.outcomes}
    assert [kinds[s] for s in serials[:4]] == [DUPLICATE] * 4
    assert [kinds[s] for s in serials[4:]] == [READY] * 4

    summary = repo.register.summary(session, "preliminary")
    assert (summary.issued, summary.returned, summary.not_returned) == (8, 4, 4)
    assert (summary.counted, summary.void, summary.spoiled) == (2, 1, 1)
    assert summary.balanced
    tally = repo.votes.tally(session, "preliminary")
    # "4 4 5": both entries of the repeated idea are void; idea 5 keeps its third place.
    assert (tally.row(1).points, tally.row(4).points, tally.row(5).points) == (3, 0, 1)


def test_same_page_twice_in_a_stack_counts_once(repo, session, tmp_path):
    pdf = tmp_path / "b.pdf"
    print_ballots(repo, session, "preliminary", 4, pdf, per_page=2)
    page = render_pages(pdf, tmp_path / "s")[0]
    result = read_scans(repo, session, "preliminary", [page, page])
    assert len(result.ready()) == 2 and len(result.duplicates()) == 2


def test_other_session_other_round_and_foreign_ballots(repo, session, tmp_path, db_path):
    other, _ = repo.add_session(method="nominal_group", question="¿Y la escuela?",
                                table_label="Mesa 7")
    for text in ("Techo", "Maestros", "Baños"):
        repo.ideas.add(other, text)
    print_ballots(repo, other, "preliminary", 1, tmp_path / "otra.pdf", per_page=1)
    print_ballots(repo, session, "final", 1, tmp_path / "final.pdf", per_page=1)
    scans = render_pages(tmp_path / "otra.pdf", tmp_path / "a") + \
        render_pages(tmp_path / "final.pdf", tmp_path / "b")
    result = read_scans(repo, session, "preliminary", scans)
    kinds = [o.kind for _src, o in result.outcomes]
    assert kinds == [OTHER_SESSION, OTHER_ROUND]
    assert "Mesa 7" in result.outcomes[0][1].message

    # A ballot printed by another process (another secret) is not ours.
    from cocrea_desktop.store.repo import Repo

    with Repo.create(tmp_path / "ajeno.cocrea.db", name="Otro proceso") as foreign:
        fsid, _ = foreign.add_session(method="nominal_group", question="¿?")
        for text in ("a", "b", "c"):
            foreign.ideas.add(fsid, text)
        print_ballots(foreign, fsid, "preliminary", 1, tmp_path / "ajena.pdf", per_page=1)
    outcome = read_scans(repo, session, "preliminary",
                         render_pages(tmp_path / "ajena.pdf", tmp_path / "c")).outcomes[0][1]
    assert outcome.kind == REJECTED and "no es de este proceso" in outcome.message


def test_typed_serials(repo, session, tmp_path):
    serials = print_ballots(repo, session, "preliminary", 2, tmp_path / "b.pdf")
    typed = "{}-{}".format(serials[0][:3], serials[0][3:])
    assert repo.register.read(session, "preliminary", typed).kind == READY
    wrong_check = serials[1][:-1] + str((int(serials[1][-1]) + 1) % 10)
    assert repo.register.read(session, "preliminary", wrong_check).kind == REJECTED
    from cocrea_desktop.core.voting.payload import generate_serials

    never = generate_serials(1, taken=set(serials))[0]
    assert repo.register.read(session, "preliminary", never).kind == NOT_ISSUED
