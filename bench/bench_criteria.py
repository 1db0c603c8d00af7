"""Benchmark: a prioritisation by criteria, 200 proposals x 5 criteria x 40 evaluators
(40,000 scores, about 2 % missing), tallied with its sensitivity (each weight one step up
and one step down: the tally again 10 times).

    python bench/bench_criteria.py [--runs 9]

Target (the prioritisation issue): <= 200 ms for the tally with the sensitivity. Prints
the median of several runs, with a bare Python baseline measured in the same run, since
these machines are noisy: the ratio is the figure to compare across machines. The
baseline reads the scores once into sums, then computes the weighted means in floats and
sorts them 11 times (no exact fractions, no tie-breaks, no wording): the floor of a plain
implementation.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cocrea_desktop.core.voting.criteria import CRITERIA_SETS  # noqa: E402
from cocrea_desktop.core.voting.criteria_tally import tally_criteria  # noqa: E402
from cocrea_desktop.core.voting.rules import CriteriaRule  # noqa: E402
from cocrea_desktop.methods.prioritisation.analysis import sensitivity  # noqa: E402

TARGET_MS = 200.0
PROPOSALS = 200
EVALUATORS = 40
CRITERIA = 5
MISSING = 0.02


def build_cards(seed: int = 20271203) -> list[list[tuple[int, tuple[int | None, ...]]]]:
    rng = random.Random(seed)
    # Each proposal has its own pull, as in a real room: some are clearly preferred.
    pull = [rng.uniform(1.5, 4.5) for _ in range(PROPOSALS)]
    cards = []
    for _ in range(EVALUATORS):
        card = []
        for o in range(1, PROPOSALS + 1):
            row = tuple(None if rng.random() < MISSING else
                        max(1, min(5, round(rng.gauss(pull[o - 1], 1.0))))
                        for _c in range(CRITERIA))
            card.append((o, row))
        cards.append(card)
    return cards


def baseline(cards, weights) -> dict[int, float]:
    sums = {o: [0] * CRITERIA for o in range(1, PROPOSALS + 1)}
    counts = {o: [0] * CRITERIA for o in range(1, PROPOSALS + 1)}
    for card in cards:  # the scores read once, as the tally does
        for o, row in card:
            s, c = sums[o], counts[o]
            for i, v in enumerate(row):
                if v is not None:
                    s[i] += v
                    c[i] += 1
    means = {o: [s / c if c else 0.0 for s, c in zip(sums[o], counts[o])] for o in sums}
    scores: dict[int, float] = {}
    for index in range(-1, CRITERIA):  # the weights as they are, then each one moved
        for step in ((0.0,) if index < 0 else (1.0, -0.5)):
            moved = [w + step if i == index else w for i, w in enumerate(weights)]
            scores = {o: sum(w * m for w, m in zip(moved, means[o])) for o in means}
            _order = sorted(scores, key=lambda o: (-scores[o], o))
    return scores


def timed(fn, runs: int) -> float:  # noqa: ANN001
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    cards = build_cards()
    options = range(1, PROPOSALS + 1)
    rule = CriteriaRule(CRITERIA_SETS["durango"][1])
    assert len(rule.criteria) == CRITERIA
    weights = [c.weight for c in rule.criteria]

    def tally_and_sensitivity():
        result = tally_criteria(cards, options=options, rule=rule)
        shifts = sensitivity(cards, options=options, rule=rule)
        return result, shifts

    result, shifts = tally_and_sensitivity()
    assert len(result.rows) == PROPOSALS and len(shifts) == 2 * CRITERIA
    assert result.evaluators == EVALUATORS and result.missing_total > 0
    base_ms = timed(lambda: baseline(cards, weights), args.runs)
    tally_ms = timed(lambda: tally_criteria(cards, options=options, rule=rule), args.runs)
    full_ms = timed(tally_and_sensitivity, args.runs)
    verdict = "OK" if full_ms <= TARGET_MS else "OVER TARGET"
    scores = PROPOSALS * CRITERIA * EVALUATORS
    print(f"tally_criteria + sensitivity: {scores:,} scores ({PROPOSALS} proposals x "
          f"{CRITERIA} criteria x {EVALUATORS} evaluators, {result.missing_total} missing)")
    print(f"  tally alone, median of {args.runs} runs: {tally_ms:.1f} ms")
    print(f"  tally + sensitivity (11 tallies), median of {args.runs} runs: {full_ms:.1f} ms"
          f"  (target <= {TARGET_MS:.0f} ms) {verdict}")
    print(f"  bare baseline (sums once, 11 float rankings): {base_ms:.1f} ms  "
          f"(ratio {full_ms / base_ms:.2f}x)")
    return 0 if full_ms <= TARGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
