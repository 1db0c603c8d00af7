"""One description of a ballot's outcome, for the preview, the saved message, the ballots
table and the CLI (issue 13: four copies said it four ways)."""

from __future__ import annotations

from cocrea_desktop.core.voting import wording
from cocrea_desktop.core.voting.ballots import parse_dots_ballot, parse_ranked_ballot
from cocrea_desktop.core.voting.outcome import ballot_name, describe_ballot
from cocrea_desktop.core.voting.rules import DotsRule, RankedRule
from cocrea_desktop.i18n import set_language


def test_a_ranked_ballot_with_a_merged_idea_and_a_void_entry() -> None:
    checked = parse_ranked_ballot("4 6 4 12", options=[1, 2, 3, 4, 5], rule=RankedRule(3),
                                  merged={6: 1})
    outcome = describe_ballot(checked, dots=False, noun=wording.IDEA,
                              name=ballot_name("4821571", 3))
    assert outcome.name == "482-1571"
    preview = outcome.preview()
    assert preview.startswith("Cuenta: la idea ")
    assert "No cuenta: «" in preview
    saved = outcome.saved()
    assert saved.startswith("Boleta 482-1571 guardada. Cuenta")
    assert outcome.void_title in saved and all("  • " + v in saved for v in outcome.voids)
    assert len(outcome.voids) == len(set(outcome.voids))  # each reason said once


def test_a_dots_ballot_counts_points_and_names_the_options_like_a_ranked_one() -> None:
    checked = parse_dots_ballot("3 3 7", options=[3, 7], rule=DotsRule(3, 2),
                                noun=wording.STAND)
    outcome = describe_ballot(checked, dots=True, noun=wording.STAND, name="2")
    assert outcome.preview() == "Cuenta: el stand 3 → 2 puntos, el stand 7 → 1 punto"
    assert outcome.saved() == "Boleta 2 guardada. Cuentan 3 puntos."
    ranked = describe_ballot(parse_ranked_ballot("3 7", options=[3, 7, 9], rule=RankedRule(2),
                                                 noun=wording.STAND),
                             dots=False, noun=wording.STAND, name="5")
    assert ranked.saved() == "Boleta 5 guardada. Cuentan 2 stands."
    set_language("en")
    try:
        assert ranked.counted == "Cuentan 2 stands."  # worded when described...
        again = describe_ballot(parse_ranked_ballot("3", options=[3, 7, 9],
                                                    rule=RankedRule(2), noun=wording.STAND),
                                dots=False, noun=wording.STAND, name="6")
        assert again.saved() == "Ballot 6 saved. 1 stand counts."
    finally:
        set_language("es")
