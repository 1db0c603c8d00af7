"""The room's vote page: a short list of options and the rule that says how to vote share one
page, and their text grows to use the room (found in the walk-through: three options 30 px
high on a 768-px screen, half of it empty, and the rule alone on a page 2)."""

from __future__ import annotations

import pytest

from cocrea_desktop.core.clock import FakeClock
from cocrea_desktop.core.room import RoomItem, build_pages
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui import qt_i18n
from cocrea_desktop.ui.projector import RoomView, min_px
from tests.ui.test_room_readable import problems_on_page

OPTIONS = ["Médico todos los días", "Medicinas completas", "Horario por la tarde"]


def test_build_pages_puts_the_sentences_below_a_short_list_when_they_fit():
    items = [RoomItem(str(n), text) for n, text in enumerate(OPTIONS, 1)]
    rule = ["Cada persona elige 2 opciones."]
    together = build_pages("Opciones", items, sentences_title="Cómo se vota", sentences=rule,
                           fits_page=lambda _i, _t, _s: True)
    assert len(together) == 1
    assert together[0].items == tuple(items) and together[0].sentences == tuple(rule)
    assert together[0].sentences_title == "Cómo se vota" and together[0].counter == ""
    apart = build_pages("Opciones", items, sentences_title="Cómo se vota", sentences=rule,
                        fits_page=lambda _i, _t, _s: False)
    assert [(len(p.items), p.sentences) for p in apart] == [(3, ()), (0, tuple(rule))]
    long = build_pages("Opciones", items * 3, sentences_title="Cómo se vota", sentences=rule,
                       fits_page=lambda _i, _t, _s: True)  # a long list keeps its pages
    assert len(long) == 3 and long[-1].sentences == tuple(rule) and not long[-1].items


@pytest.mark.parametrize(("lang", "size"), [("es", (1024, 768)), ("en", (1366, 768)),
                                            ("es", (1366, 768)), ("en", (1024, 768))])
def test_a_short_vote_is_one_page_in_large_type(qtbot, tmp_path, lang, size):
    qt_i18n.install(lang)
    clock = FakeClock()
    repo = Repo.create(tmp_path / "sala.cocrea.db", name="PAL 2027", clock=clock)
    try:
        sid, _ = repo.add_session(method="nominal_group", table_label="Mesa 5 · Mujeres",
                                  question="¿Cómo mejorar la atención en el centro de salud?",
                                  participant_count=8)
        for key in ("silent_writing", "round"):
            repo.phases.go_to(sid, key)
        for text in OPTIONS:
            repo.ideas.add(sid, text)
        for key in ("clarification", "preliminary_vote"):
            repo.phases.go_to(sid, key)
        repo.votes.configure(sid, "preliminary", k=2)
        view = RoomView()
        qtbot.addWidget(view)
        view.resize(*size)
        view.show()
        qtbot.waitExposed(view)
        view.follow(repo, sid)
        assert view.page_count() == 1  # no turning to read the rule
        view.grab()  # paints: the blocks and what the painter drew
        names = {b.name: b for b in view.blocks}
        assert names["sentences_title"].text == ("Cómo se vota" if lang == "es"
                                                 else "How to vote")
        assert "note_0" in names  # the rule, below the options
        smallest = min_px(size[1])
        assert names["item_text_0"].px > smallest  # grown to use the room
        assert names["note_0"].rect.bottom() > 0.7 * size[1]
        assert all(b.px >= smallest for b in view.blocks if b.text)
        assert problems_on_page(view, f"{lang} {size}") == []
        view.close()
    finally:
        repo.close()
        qt_i18n.install("es")
