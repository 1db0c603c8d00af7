"""Rules, defaults and their one-sentence statements; the core never imports Qt."""

from __future__ import annotations

import subprocess
import sys

import pytest

from cocrea_desktop.core.errors import InvalidInput, RuleViolation
from cocrea_desktop.core.voting.rules import DotsRule, RankedRule, default_dots, default_k
from cocrea_desktop.core.voting.wording import CLUSTER, IDEA, join_numbers, sentence


@pytest.mark.parametrize(("n", "k"), [(2, 1), (3, 2), (5, 4), (6, 5), (7, 5), (60, 5)])
def test_default_k(n: int, k: int) -> None:
    assert default_k(n) == k


def test_default_k_needs_two_options() -> None:
    with pytest.raises(RuleViolation):
        default_k(1)


@pytest.mark.parametrize(
    ("n", "d"), [(0, 1), (1, 1), (3, 1), (4, 2), (6, 2), (7, 3), (10, 4), (18, 6), (19, 7),
                 (21, 7), (40, 7)],
)
def test_default_dots(n: int, d: int) -> None:
    assert default_dots(n) == d


def test_ranked_rule_limits() -> None:
    RankedRule(4).check_options(5)
    with pytest.raises(RuleViolation, match="Con 5 opciones"):
        RankedRule(5).check_options(5)
    with pytest.raises(InvalidInput):
        RankedRule(0)
    with pytest.raises(InvalidInput):
        RankedRule(True)


@pytest.mark.parametrize(
    ("k", "text"),
    [
        (1, "Cada boleta marca 1 idea, que recibe 1 punto."),
        (2, "Cada boleta ordena hasta 2 ideas: 2 puntos al primer lugar y 1 punto al segundo."),
        (5, "Cada boleta ordena hasta 5 ideas por preferencia: 5 puntos al primer lugar, 4 al "
            "segundo, y así hasta 1 punto al lugar 5."),
    ],
)
def test_ranked_rule_sentence(k: int, text: str) -> None:
    assert RankedRule(k).describe(IDEA) == text


def test_dots_rule() -> None:
    assert DotsRule(3, 1).describe(CLUSTER) == (
        "Cada persona reparte 3 puntos, como máximo 1 por grupo de ideas.")
    assert DotsRule(3).describe() == "Cada persona reparte 3 puntos, sin límite por opción."
    assert DotsRule(1).describe() == "Cada persona reparte 1 punto, como máximo 1 por opción."
    assert DotsRule(3).cap == 3 and DotsRule(3, 9).cap == 3 and not DotsRule(4, 1).stacking
    with pytest.raises(InvalidInput):
        DotsRule(0)
    with pytest.raises(InvalidInput):
        DotsRule(3, 0)


def test_wording_helpers() -> None:
    assert join_numbers([4]) == "4"
    assert join_numbers([4, 9]) == "4 y 9"
    assert join_numbers([4, 9, 11]) == "4, 9 y 11"
    assert IDEA.many([4]) == "la idea 4"
    assert CLUSTER.many([4, 9]) == "los grupos de ideas 4 y 9"
    assert sentence("las ideas 4 y 9 empatan", "algo más") == "Las ideas 4 y 9 empatan; algo más."


def test_voting_core_and_timers_import_without_qt() -> None:
    code = (
        "import sys\n"
        "sys.modules['PySide6'] = None\n"
        "sys.modules['shiboken6'] = None\n"
        "import cocrea_desktop.core.clock, cocrea_desktop.core.timers\n"
        "import cocrea_desktop.core.voting.ballots, cocrea_desktop.core.voting.tally\n"
        "import cocrea_desktop.core.voting.criteria_tally, cocrea_desktop.core.voting.ties\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
