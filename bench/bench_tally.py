"""Benchmark: tally 100,000 ranked marks (20,000 ballots x 5 marks over 60 ideas).

    python bench/bench_tally.py [--runs 9]

Target (docs/benchmarks.md, quality.md): <= 100 ms. Prints the median of several
runs, with a bare Python baseline measured in the same run (summing the same
marks into a dict), since these machines are noisy: the ratio is the figure to
compare across machines.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cocrea_desktop.core.voting.rules import RankedRule  # noqa: E402
from cocrea_desktop.core.voting.tally import tally_ranked  # noqa: E402

TARGET_MS = 100.0
BALLOTS = 20_000
K = 5
IDEAS = 60


def build_ballots(seed: int = 20261121) -> list[tuple[tuple[int, int], ...]]:
    rng = random.Random(seed)
    ideas = range(1, IDEAS + 1)
    # A skewed preference, as in a real room: a few ideas are popular.
    weights = [1.0 / (i ** 0.7) for i in ideas]
    ballots = []
    for _ in range(BALLOTS):
        chosen: list[int] = []
        while len(chosen) < K:
            idea = rng.choices(ideas, weights)[0]
            if idea not in chosen:
                chosen.append(idea)
        ballots.append(tuple((idea, K - place) for place, idea in enumerate(chosen)))
    return ballots


def baseline(ballots: list[tuple[tuple[int, int], ...]]) -> dict[int, int]:
    points: dict[int, int] = {}
    for ballot in ballots:
        for idea, pts in ballot:
            points[idea] = points.get(idea, 0) + pts
    return points


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
    ballots = build_ballots()
    marks = sum(len(b) for b in ballots)
    options = range(1, IDEAS + 1)
    rule = RankedRule(K)
    result = tally_ranked(ballots, options=options, rule=rule)
    assert result.total_points == BALLOTS * sum(range(1, K + 1))
    base_ms = timed(lambda: baseline(ballots), args.runs)
    tally_ms = timed(lambda: tally_ranked(ballots, options=options, rule=rule), args.runs)
    verdict = "OK" if tally_ms <= TARGET_MS else "OVER TARGET"
    print(f"tally_ranked: {marks:,} marks ({BALLOTS:,} ballots x {K} over {IDEAS} ideas)")
    print(f"  median of {args.runs} runs: {tally_ms:.1f} ms"
          f"  (target <= {TARGET_MS:.0f} ms) {verdict}")
    print(f"  bare dict-sum baseline: {base_ms:.1f} ms  (ratio {tally_ms / base_ms:.2f}x)")
    return 0 if tally_ms <= TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
