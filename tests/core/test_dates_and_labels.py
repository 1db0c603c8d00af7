"""Dates as people write them, and action names shown in the language in force."""

from __future__ import annotations

import datetime as dt

import pytest

from cocrea_desktop import i18n
from cocrea_desktop.core import dates
from cocrea_desktop.core.changes import Label
from cocrea_desktop.i18n import N_


@pytest.fixture(autouse=True)
def spanish():
    i18n.set_language("es")
    yield
    i18n.set_language("es")


def test_dates_in_mexican_spanish_and_in_english():
    assert dates.format_date("2026-12-02") == "2 de diciembre de 2026"
    assert dates.format_date("2026-12-02", "numeric") == "02/12/2026"
    assert dates.format_date(dt.date(2027, 3, 6)) == "6 de marzo de 2027"
    moment = dt.datetime(2026, 12, 2, 13, 5, 7)
    assert dates.format_time(moment, seconds=True) == "1:05:07\u00a0p.m."
    assert dates.format_datetime(dt.datetime(2026, 12, 2, 9, 30), "numeric") == \
        "02/12/2026 9:30\u00a0a.m."
    i18n.set_language("en")
    assert dates.format_date("2026-12-02") == "December 2, 2026"
    assert dates.format_date("2026-12-02", "numeric") == "12/02/2026"
    assert dates.format_time(dt.datetime(2026, 12, 2, 13, 5)) == "1:05\u00a0PM"


def test_what_is_not_a_date_is_shown_as_it_was():
    assert dates.format_date("") == "" and dates.format_date(None) == ""
    assert dates.format_date("mañana") == "mañana"


def test_journal_instants_are_shown_in_local_time():
    instant = "2026-12-02T13:05:07.000Z"
    local = dt.datetime(2026, 12, 2, 13, 5, 7, tzinfo=dt.timezone.utc).astimezone()
    assert dates.format_datetime(instant, "numeric") == dates.format_datetime(
        local.replace(tzinfo=None), "numeric")


def test_a_label_is_translated_when_shown_not_when_made():
    label = Label(N_("capturar la idea {number}"), number=7)
    assert str(label) == "capturar la idea 7"
    i18n.set_language("en")
    assert str(label) == "capture idea 7"
    assert "Undo: {}".format(label) == "Undo: capture idea 7"


def test_plural_nested_and_lower_case_labels():
    one = Label.plural("importar {count} idea", "importar {count} ideas", 1, count=1)
    many = Label.plural("importar {count} idea", "importar {count} ideas", 3, count=3)
    assert (str(one), str(many)) == ("importar 1 idea", "importar 3 ideas")
    phase = Label(N_("ir a la fase «{phase}»"), phase=Label(N_("Aclaración")))
    counts = Label(N_("capturar los conteos de la {round}"),
                   round=Label(N_("Votación preliminar")).lowered())
    assert str(counts) == "capturar los conteos de la votación preliminar"
    i18n.set_language("en")
    assert str(many) == "import 3 ideas"
    assert str(phase) == "go to the phase “Clarification”"
    assert "preliminary" in str(counts) and "Preliminary" not in str(counts)


def test_labels_are_stored_as_message_ids_and_old_plain_labels_stay_readable():
    label = Label(N_("ir a la fase «{phase}»"), phase=Label(N_("Aclaración")))
    again = Label.parse(label.to_json())
    assert again == label and "Aclaración" in label.to_json()
    i18n.set_language("en")
    assert str(again) == "go to the phase “Clarification”"
    old = Label.parse("capturar la idea 4")  # plain text, as older versions kept it
    assert str(old) == "capturar la idea 4"
    assert str(Label.parse("{no es json")) == "{no es json"


def test_every_undo_label_in_the_store_is_a_message_id():
    """A label translated when the action was done stays in that language: the store passes
    `Label`s, never the result of `_()` or `ngettext()`."""
    import ast
    from pathlib import Path

    import cocrea_desktop.store as store_pkg

    offenders = []
    for path in sorted(Path(store_pkg.__file__).parent.glob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            value = None
            if isinstance(node, ast.Assign) and any(
                    isinstance(t, ast.Name) and t.id == "label" for t in node.targets):
                value = node.value
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                    node.func.attr == "write" and len(node.args) >= 2:
                value = node.args[1]
            for sub in ast.walk(value) if value is not None else ():
                if isinstance(sub, ast.Call) and isinstance(sub.func, ast.Name) and \
                        sub.func.id in ("_", "ngettext"):
                    offenders.append("{}:{}".format(path.name, node.lineno))
                    break
    assert offenders == []


def test_session_languages_are_spelled_out_not_shown_as_codes():
    from cocrea_desktop.core.dates import language_names

    assert language_names("es", "es") == "español"
    assert language_names("es, mixteco", "es") == "español, mixteco"
    assert language_names("es", "en") == "Spanish"
    assert language_names("", "es") == ""


def test_dates_are_typed_as_people_write_them():
    """Walk-through defect: the fair's letter asked for AAAA-MM-DD."""
    import pytest

    from cocrea_desktop.core import dates
    from cocrea_desktop.core.errors import InvalidInput

    assert dates.parse_typed("27/03/2027", "es") == "2027-03-27"
    assert dates.parse_typed("7/3/27", "es") == "2027-03-07"
    assert dates.parse_typed("03/27/2027", "en") == "2027-03-27"
    assert dates.parse_typed("2027-03-27", "es") == "2027-03-27"
    assert dates.parse_typed("  ", "es") == ""
    for bad in ("31/02/2027", "27/03", "mañana", "03/27/2027"):
        with pytest.raises(InvalidInput, match="dd/mm/aaaa"):
            dates.parse_typed(bad, "es")
