"""The jury's draw: quotas met whenever they can be, an impossible quota refused in
Spanish naming it, the printed probabilities matching many draws, and the same panel
from the same seed and pool on any computer."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cocrea_desktop.core.errors import RuleViolation
from cocrea_desktop.methods.jury import draw as lottery
from tests.conftest import ROOT
from tests.methods.jury.helpers import AGES, COMMUNITIES, DICE, SEXES, pool_features

#: The panel and replacement order of ``_fixed_input()``: any computer must draw these.
EXPECTED_SEED = 92952202006552
EXPECTED_PANEL = [
    "1", "4", "8", "10", "11", "13", "17", "21", "24", "25", "26", "28"
]
EXPECTED_REPLACEMENTS = [
    "29", "3", "18", "12", "14", "9", "6", "27", "16", "2", "23", "7", "22", "15",
    "19", "20", "5", "30"
]


def _fixed_input() -> lottery.DrawInput:
    vols = {str(i): f for i, f in enumerate(pool_features(30), start=1)}
    quotas = ([lottery.Quota("comunidad", c, 2, 6) for c in COMMUNITIES]
              + [lottery.Quota("sexo", s, 6, 6) for s in SEXES]
              + [lottery.Quota("edad", a, 2, 6) for a in AGES])
    seed, _text = lottery.seed_from_dice(lottery.parse_dice(DICE))
    return lottery.DrawInput(vols, tuple(quotas), 12, seed)


def _meets(panel, data: lottery.DrawInput) -> bool:
    for q in data.quotas:
        n = sum(1 for k in panel if data.volunteers[k][q.feature] == q.value)
        if not q.min <= n <= q.max:
            return False
    return True


def test_seed_is_sha256_of_the_dice():
    seed, text = lottery.seed_from_dice(lottery.parse_dice(DICE))
    assert text == "3,6,1,2,5,4,4,2,6,1,3,3" and seed == EXPECTED_SEED


def test_same_seed_and_pool_same_panel_on_another_computer():
    """The pinned panel, drawn here and in a fresh interpreter with another hash seed and
    language (as another laptop would be)."""
    result = lottery.run_draw(_fixed_input())
    assert result.algorithm == "maximin"
    assert result.panel == EXPECTED_PANEL and result.replacements == EXPECTED_REPLACEMENTS
    code = ("import json, sys; sys.path.insert(0, '.');"
            "from tests.methods.jury.test_draw import _fixed_input;"
            "from cocrea_desktop.methods.jury.draw import run_draw;"
            "r = run_draw(_fixed_input()); print(json.dumps([r.panel, r.replacements]))")
    env = dict(os.environ, PYTHONHASHSEED="4242", LANG="en_US.UTF-8", COCREA_LANG="en")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True,
                         capture_output=True, text=True, timeout=300).stdout
    assert json.loads(out.strip().splitlines()[-1]) == [EXPECTED_PANEL, EXPECTED_REPLACEMENTS]


def test_printed_probabilities_match_many_draws():
    """Each volunteer's printed probability is within 2 points of how often 10,000 draws
    (one per seed) put them on the panel, and every draw meets the quotas."""
    data = _fixed_input()
    result = lottery.run_draw(data)
    printed = {k: round(p, 3) for k, p in result.probabilities.items()}  # as the record prints
    counts = dict.fromkeys(data.volunteers, 0)
    draws = 10_000
    seeds = random.Random(7)
    for _ in range(draws):
        panel, rest = lottery.pick(result.committees, result.weights, list(data.volunteers),
                                   seeds.getrandbits(48))
        assert len(panel) == 12 and len(rest) == 18
        for k in panel:
            counts[k] += 1
    for committee in result.committees:
        assert _meets(committee, data)
    worst = max(abs(counts[k] / draws - printed[k]) for k in data.volunteers)
    assert worst < 0.02, worst
    assert min(printed.values()) > 0  # maximin: nobody is left without a chance


@st.composite
def feasible_case(draw):
    """A pool and quotas built around a panel that meets them: a draw must succeed."""
    n = draw(st.integers(min_value=12, max_value=26))
    size = draw(st.integers(min_value=4, max_value=min(10, n - 2)))
    rng = random.Random(draw(st.integers(0, 10**6)))
    vols = {str(i): {"comunidad": rng.choice(COMMUNITIES), "sexo": rng.choice(SEXES),
                     "edad": rng.choice(AGES)} for i in range(1, n + 1)}
    witness = rng.sample(sorted(vols), size)
    quotas = []
    for feature, values in (("comunidad", COMMUNITIES), ("sexo", SEXES), ("edad", AGES)):
        for value in values:
            have = sum(1 for k in witness if vols[k][feature] == value)
            low = max(0, have - draw(st.integers(0, 1)))
            high = have + draw(st.integers(0, 2))
            quotas.append(lottery.Quota(feature, value, low, high))
    return lottery.DrawInput(vols, tuple(quotas), size, draw(st.integers(1, 2**48)))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(feasible_case())
def test_quotas_met_whenever_they_can_be(data):
    result = lottery.compute(data)
    assert len(result.panel) == data.size and _meets(result.panel, data)
    assert sorted(result.panel + result.replacements, key=int) == sorted(data.volunteers,
                                                                         key=int)
    assert abs(sum(result.probabilities.values()) - data.size) < 1e-3


@settings(max_examples=25, deadline=None)
@given(st.integers(12, 26), st.integers(0, 10**6), st.sampled_from(COMMUNITIES))
def test_a_quota_above_the_pool_is_refused_naming_it(n, seed, community):
    rng = random.Random(seed)
    vols = {str(i): {"comunidad": rng.choice(COMMUNITIES), "sexo": rng.choice(SEXES),
                     "edad": rng.choice(AGES)} for i in range(1, n + 1)}
    have = sum(1 for v in vols.values() if v["comunidad"] == community)
    quotas = [lottery.Quota("comunidad", c, have + 1 if c == community else 0, 30)
              for c in COMMUNITIES]
    with pytest.raises(RuleViolation) as err:
        lottery.check_quotas(vols, quotas, 10)
    assert f"«comunidad: {community}»" in str(err.value) and "solo hay" in str(err.value)


def test_quotas_impossible_together_are_explained():
    """Each quota alone can be met, together they cannot: the package's suggestion is said in
    Spanish, naming the quotas to change."""
    vols = {}
    for i in range(1, 21):  # every woman lives in El Llano
        woman = i <= 8
        vols[str(i)] = {"comunidad": "El Llano" if woman else rng_community(i),
                        "sexo": "Mujer" if woman else "Hombre", "edad": AGES[i % 3]}
    quotas = ([lottery.Quota("comunidad", "El Llano", 0, 2),
               lottery.Quota("comunidad", "San Miguel", 0, 10),
               lottery.Quota("comunidad", "La Loma", 0, 10),
               lottery.Quota("sexo", "Mujer", 5, 5), lottery.Quota("sexo", "Hombre", 5, 5)]
              + [lottery.Quota("edad", a, 0, 10) for a in AGES])
    data = lottery.DrawInput(vols, tuple(quotas), 10, 12345)
    with pytest.raises(RuleViolation) as err:
        lottery.run_draw(data)
    text = str(err.value)
    assert "no se pueden cumplir" in text and "«comunidad: El Llano» (de 0–2 a" in text, text


def rng_community(i: int) -> str:
    return "San Miguel" if i % 2 else "La Loma"


def test_sum_of_minimums_above_the_panel_is_refused():
    vols = {str(i): {"sexo": SEXES[i % 2]} for i in range(1, 21)}
    quotas = [lottery.Quota("sexo", "Mujer", 6, 9), lottery.Quota("sexo", "Hombre", 6, 9)]
    with pytest.raises(RuleViolation, match="«sexo» piden al menos 12"):
        lottery.check_quotas(vols, quotas, 10)
    with pytest.raises(RuleViolation, match="no tiene cuota"):
        lottery.check_quotas(vols, [lottery.Quota("sexo", "Mujer", 0, 10)], 10)


def test_a_draw_that_takes_too_long_is_stopped_in_spanish():
    with pytest.raises(RuleViolation, match="tardó más de"):
        lottery.run_draw(_fixed_input(), timeout=0.01)
