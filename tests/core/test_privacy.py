"""The privacy notice, attendance categories and the leak checks (pure functions)."""

from __future__ import annotations

import pytest

from cocrea_desktop.core import privacy
from cocrea_desktop.core.errors import InvalidInput
from cocrea_desktop.core.privacy import PrivacySettings

#: Authorities that existed or exist; the default must name none of them (methods.md).
AUTHORITIES = ("INAI", "Instituto", "Secretaría", "Transparencia para el Pueblo",
               "Anticorrupción", "Sistema Nacional", "Comisión", "Órgano Garante", "IAIP",
               "Ley General")


def test_default_notice_names_no_authority_and_covers_the_required_parts():
    text = privacy.default_notice()
    for name in AUTHORITIES:
        assert name.lower() not in text.lower(), name
    assert privacy.BODY_PLACEHOLDER in text and privacy.FULL_NOTICE_PLACEHOLDER in text
    lowered = text.lower()
    for part in ("responsable", "consentimiento", "transferencias", "casillas sin marcar",
                 "ver, corregir o borrar", "aviso de privacidad integral", "fotografías"):
        assert part in lowered, part


def test_rendered_notice_takes_the_body_from_the_process():
    settings = PrivacySettings(body="", notice="", full_notice_at="la oficina del STL")
    text = privacy.render_notice(settings, fallback_body="Ayuntamiento de Yavesía")
    assert text.startswith("Ayuntamiento de Yavesía es responsable")
    assert "la oficina del STL." in text and "{" not in text
    own = PrivacySettings(body="Comité de Transparencia Local")
    assert privacy.render_notice(own, fallback_body="Otro").startswith("Comité de Transparencia")


def test_missing_body_leaves_a_line_to_fill_by_hand():
    text = privacy.render_notice(PrivacySettings())
    assert text.startswith(privacy.BLANK) and text.count(privacy.BLANK) == 2


def test_custom_notice_keeps_other_braces_and_clean_privacy_drops_the_default():
    custom = PrivacySettings(notice="{responsable} guarda {esto} y {aviso_integral}",
                             body="STL", full_notice_at="web")
    assert privacy.render_notice(custom) == "STL guarda {esto} y web"
    assert privacy.clean_privacy(" STL ", privacy.default_notice(), "").notice == ""
    with pytest.raises(InvalidInput):
        privacy.clean_privacy("STL", "x" * (privacy.MAX_NOTICE_LENGTH + 1), "")


@pytest.mark.parametrize("dimension, typed, key", [
    ("sector", "Sociedad civil", "sociedad_civil"), ("sector", "ciudadania", "ciudadania"),
    ("sector", "CIUDADANÍA", "ciudadania"), ("sex", "mujer", "mujer"),
    ("age_band", "60 o más", "60_mas"), ("community", "  San  Pedro ", "San Pedro"),
    ("language", "mixteco", "mixteco"),
])
def test_categories(dimension, typed, key):
    assert privacy.clean_category(dimension, typed) == key


def test_bad_categories_and_counts_are_explained():
    with pytest.raises(InvalidInput, match="no es una categoría"):
        privacy.clean_category("sector", "iglesia")
    with pytest.raises(InvalidInput, match="no es una dimensión"):
        privacy.clean_category("etnia", "x")
    with pytest.raises(InvalidInput):
        privacy.clean_count(-1)
    with pytest.raises(InvalidInput):
        privacy.clean_count("tres")
    with pytest.raises(InvalidInput):
        privacy.clean_phone("llámame")


def test_person_has_no_field_for_sensitive_traits():
    fields = set(privacy.Person.__dataclass_fields__)
    assert not fields & {"sex", "age", "age_band", "language", "community", "ethnicity",
                         "origin", "opinion", "sector"}


def test_leak_check_finds_names_and_phones_in_any_spelling():
    needles = privacy.personal_needles(["Xóchitl Ramírez", "+52 (951) 765-4321", ""])
    assert privacy.find_personal_values("habló XOCHITL  ramirez ayer", needles)
    assert privacy.find_personal_values("tel 951-765-4321", needles)
    assert privacy.find_personal_values("tel 9517654321", needles)
    assert not privacy.find_personal_values("Xóchitl Ramírezz; 951 765 432", needles)


def test_inclusion_summary_orders_and_sums():
    rows = [{"dimension": "sector", "category": "otro", "count": 1},
            {"dimension": "sector", "category": "gobierno", "count": 2},
            {"dimension": "sector", "category": "gobierno", "count": 3},
            {"dimension": "community", "category": "Zoogocho", "count": 0},
            {"dimension": "community", "category": "Ayutla", "count": 4}]
    summary = privacy.inclusion_summary(rows)
    assert summary["sector"] == {"gobierno": 5, "otro": 1}
    assert list(summary["sector"]) == ["gobierno", "otro"]
    assert summary["community"] == {"Ayutla": 4}
    assert summary["sex"] == {}


@pytest.mark.parametrize("written", ["(951) 123-4567", "951.123.4567", "951 (123) 45.67",
                                     "+52 (951) 123.45.67", "9511234567"])
def test_a_phone_written_with_brackets_or_dots_is_still_found(written):
    """Every separator people use between digits: spaces, dashes, dots and brackets."""
    for stored in ("951 123 4567", "+52 951 123 4567"):
        needles = privacy.personal_needles([stored])
        assert privacy.find_personal_values("Llamar al " + written + " por la tarde",
                                            needles), (stored, written)
    needles = privacy.personal_needles(["951 123 4567"])
    assert not privacy.find_personal_values("951.123.4568 y (951) 123-456", needles)
