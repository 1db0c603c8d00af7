"""The acta's signature block stays on one page, and its timeline is in the order things
happened (found in the walk-through: the line to sign on ended page 1 and the names were
alone on page 2; a phase begun after the first idea was listed before it)."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader

from cocrea_desktop.export import evidence
from cocrea_desktop.export.pdf import kit

LINE = re.compile(rb"[-\d.]+ [-\d.]+ m [-\d.]+ [-\d.]+ l")


def _lines_per_page(data: bytes) -> list[tuple[int, str]]:
    reader = PdfReader(io.BytesIO(data))
    return [(len(LINE.findall(page.get_contents().get_data())), page.extract_text())
            for page in reader.pages]


def test_the_signature_block_is_never_split_across_pages():
    from reportlab.platypus import Spacer

    width = kit.content_width("letter")
    signature = ["Facilitación: Rosa Martínez", "Testigo", "Testigo"]
    split_seen = False
    for filler in range(560, 660, 4):  # the block reaches the foot of page 1 somewhere here
        story = [Spacer(1, filler), kit.signature_lines(signature, width)]
        pages = _lines_per_page(kit.build(story, kit.Footer("p", "d", "Acta")))
        for lines, text in pages:
            if "Testigo" not in text:  # a page without the names: only the footer's rule
                assert lines == 1, (filler, pages)
        split_seen = split_seen or len(pages) == 2
    assert split_seen  # the sweep did push the block onto a second page


def test_the_acta_timeline_is_in_the_order_things_happened(repo, fake_clock):
    sid, _ = repo.add_session(method="nominal_group", question="¿Qué pasa con el agua?",
                              participant_count=6, table_label="Mesa 1")
    fake_clock.set(1_800_000_000.0)  # all within one minute, seconds apart
    repo.phases.go_to(sid, "silent_writing")
    fake_clock.advance(5)
    repo.phases.go_to(sid, "round")
    fake_clock.advance(5)
    repo.ideas.add(sid, "Fugas en la red")
    fake_clock.advance(5)
    repo.ideas.add(sid, "Agua turbia")
    fake_clock.advance(5)
    repo.phases.go_to(sid, "clarification")
    events = [text for _when, text in evidence.timeline(repo, sid)]
    assert events == [
        "comenzó la fase «Escritura en silencio»",
        "comenzó la fase «Ronda»",
        "se capturó la primera idea",
        "se capturó la última idea (2 en total)",
        "comenzó la fase «Aclaración»",
    ]


def test_reports_say_near_ties_plainly_and_sign_as_a_person(tmp_path):
    """"No hay casi empates" read as "there are hardly any ties"; the relatoría was signed
    by "Relatoría" (the document), not by a person's role."""
    from cocrea_desktop import i18n
    from cocrea_desktop.export.pdf.session_reports import render_session_report
    from cocrea_desktop.store.demo import create_demo
    from cocrea_desktop.store.repo import Repo

    repo = Repo.open(create_demo(tmp_path / "demo.cocrea.db"))
    try:
        sid = next(s for s in repo.sessions() if s.method == "nominal_group").id
        for lang, none_near, signer in (("es", "No hay empates cercanos.", "Relator(a)"),
                                        ("en", "There are no near ties.", "Rapporteur")):
            i18n.set_language(lang)
            results = " ".join(t for _n, t in _lines_per_page(
                render_session_report(repo, sid, "results")))
            assert none_near in results and "casi empates." not in results
            relatoria = _lines_per_page(render_session_report(repo, sid, "relatoria"))
            assert signer in relatoria[-1][1]
    finally:
        i18n.set_language("es")
        repo.close()


def test_the_acta_timeline_keeps_the_journal_order_within_one_instant(repo, fake_clock):
    """The demo is made in one instant: the phases, then the ideas, still in their order."""
    sid, _ = repo.add_session(method="nominal_group", question="¿Qué pasa con el agua?",
                              participant_count=6, table_label="Mesa 1")
    for key in ("silent_writing", "round"):
        repo.phases.go_to(sid, key)
    repo.ideas.add(sid, "Fugas en la red")
    repo.ideas.add(sid, "Agua turbia")
    repo.phases.go_to(sid, "clarification")
    events = [text for _when, text in evidence.timeline(repo, sid)]
    assert events.index("se capturó la última idea (2 en total)") < \
        events.index("comenzó la fase «Aclaración»")
    assert events.index("comenzó la fase «Ronda»") < events.index("se capturó la primera idea")
