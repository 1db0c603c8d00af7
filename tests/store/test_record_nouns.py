"""Every table a bundle carries has words for its rows (the import window shows them)."""

from __future__ import annotations

from cocrea_desktop import i18n
from cocrea_desktop.store import merge
from tests.export.bundle_helpers import device, office_process


def test_every_data_table_is_named_in_words_in_spanish_and_english(tmp_path):
    repo = office_process(tmp_path / "p.cocrea.db", device("Oficina"))
    tables = merge.data_tables(repo.pf.conn)
    assert {"ballot", "idea", "session", "table_laptop", "session_event", "commitment",
            "consultation_comment", "milestone_progress", "jury_volunteer"} <= set(tables)
    # (record_noun capitalises: a table without words came back as "Agency" and passed.)
    unnamed = [t for t in tables if merge.record_noun(t).casefold() == t.casefold()]
    assert unnamed == []
    assert merge.record_noun("ballot") == "Boletas"
    assert merge.record_count("session", 1) == "1 sesión"
    assert merge.record_count("table_laptop", 2) == "2 computadoras de mesa"
    try:
        i18n.set_language("en")
        assert merge.record_noun("ballot") == "Ballots"
        assert merge.record_count("mark", 8) == "8 marks"
    finally:
        i18n.set_language("es")
    repo.close()
