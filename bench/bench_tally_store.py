"""Benchmark: tally a round with 100,000 marks stored in a process file, end to end.

    python bench/bench_tally_store.py [--runs 9] [--keep FILE]

Target (quality.md): <= 100 ms for ``repo.votes.tally()``, reading the marks from
SQLite and computing the ranked tally (points, mentions, distribution, tie-breaks,
near-ties). Prints the median of several runs, split into the read
(``repo.votes.mark_counts``: two GROUP BYs over the covering index) and the tally
(``core.voting.tally.tally_ranked``); for comparison, the ballot-by-ballot read
(``repo.votes.counted_marks``, marks joined to their ballots); and, as a baseline
measured in the same run, a bare ``GROUP BY option, value`` over the same marks through
the covering index: the ratio is the figure to compare across machines.

Set-up (not timed): 20,000 ballots x 5 marks over 60 ideas, inserted with executemany
in one transaction straight into the ``ballot`` and ``mark`` tables (a bulk set-up, so
not journaled), plus 100 spoiled ballots whose marks must not count.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cocrea_desktop.core.voting.tally import tally_ranked  # noqa: E402
from cocrea_desktop.store.repo import Repo  # noqa: E402
from cocrea_desktop.core.voting.tally import MarkCounts  # noqa: E402

TARGET_MS = 100.0
BALLOTS = 20_000
SPOILED = 100
K = 5
IDEAS = 60
ROUND = "preliminary"


def build(path: Path, seed: int = 20261121) -> str:
    """A process with one nominal-group session, 60 ideas and 100,000 counted marks."""
    rng = random.Random(seed)
    with Repo.create(path, name="Banco de prueba") as repo:
        sid, _ = repo.add_session(method="nominal_group", question="¿Qué hace falta?")
        for i in range(1, IDEAS + 1):
            repo.ideas.add(sid, "Idea {}".format(i))
        for key in ("silent_writing", "round", "clarification", "preliminary_vote"):
            repo.phases.go_to(sid, key)
        repo.votes.configure(sid, ROUND, k=K)
        ideas = list(range(1, IDEAS + 1))
        weights = [1.0 / (i ** 0.7) for i in ideas]  # a few popular ideas, as in a real room
        at, device = "2027-02-06T10:00:00.000Z", repo.pf.device.id
        ballots, marks = [], []
        for n in range(BALLOTS + SPOILED):
            ballot_id = str(uuid.UUID(int=rng.getrandbits(128)))
            chosen: list[int] = []
            while len(chosen) < K:
                idea = rng.choices(ideas, weights)[0]
                if idea not in chosen:
                    chosen.append(idea)
            status = "spoiled" if n >= BALLOTS else "counted"
            ballots.append((ballot_id, sid, ROUND, "{:06d}".format(n + 1), " ".join(
                map(str, chosen)), status, "[]", at, at, device))
            marks.extend((str(uuid.UUID(int=rng.getrandbits(128))), ballot_id, sid, ROUND,
                          idea, K - place) for place, idea in enumerate(chosen))
        conn = repo.pf.conn
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany("INSERT INTO ballot (id, session_id, round, serial, entry, status, "
                         "voids, created_at, updated_at, device_id) VALUES (?,?,?,?,?,?,?,?,?,?)",
                         ballots)
        conn.executemany("INSERT INTO mark (id, ballot_id, session_id, round, option, value) "
                         "VALUES (?,?,?,?,?,?)", marks)
        conn.execute("COMMIT")
        conn.execute("ANALYZE")
    return sid


def timed(fn, runs: int) -> tuple[float, object]:  # noqa: ANN001
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--keep", type=Path, default=None, help="Build the file here and keep it.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / "bench.cocrea.db"
        start = time.perf_counter()
        sid = build(path)
        setup_s = time.perf_counter() - start
        with Repo.open(path) as repo:
            options = repo.votes.options(sid)
            rule = repo.votes.ranked_rule(sid, ROUND)
            n_marks = repo.pf.scalar("SELECT COUNT(*) FROM mark")
            counted = repo.pf.scalar("SELECT COUNT(*) FROM mark m JOIN ballot b ON "
                                     "b.id = m.ballot_id WHERE b.status = 'counted'")
            repo.votes.tally(sid, ROUND)  # warm the page cache once
            total_ms, result = timed(lambda: repo.votes.tally(sid, ROUND), args.runs)
            read_ms, counts = timed(lambda: repo.votes.mark_counts(sid, ROUND), args.runs)
            core_ms, _ = timed(lambda: tally_ranked(MarkCounts(*counts), options=options,
                                                    rule=rule), args.runs)
            by_ballot_ms, _ = timed(lambda: repo.votes.counted_marks(sid, ROUND), args.runs)
            base_ms, _ = timed(lambda: repo.pf.conn.execute(
                "SELECT option, value, COUNT(*) FROM mark WHERE session_id = ? AND round = ? "
                "GROUP BY option, value", [sid, ROUND]).fetchall(), args.runs)
    assert result.ballots == BALLOTS, result.ballots
    assert result.total_points == BALLOTS * sum(range(1, K + 1)), result.total_points
    verdict = "OK" if total_ms <= TARGET_MS else "OVER TARGET"
    print(f"repo.votes.tally(): {n_marks:,} marks in the file ({counted:,} counted: "
          f"{BALLOTS:,} ballots x {K} over {IDEAS} ideas; {SPOILED} spoiled ballots)")
    print(f"  set-up (bulk insert, not timed): {setup_s:.2f} s")
    print(f"  median of {args.runs} runs, end to end: {total_ms:.1f} ms"
          f"  (target <= {TARGET_MS:.0f} ms) {verdict}")
    print(f"    read from SQLite (mark_counts):   {read_ms:.1f} ms")
    print(f"    tally in the core (tally_ranked): {core_ms:.1f} ms")
    print(f"  for comparison, reading ballot by ballot (counted_marks): {by_ballot_ms:.1f} ms")
    print(f"  baseline, bare SQL GROUP BY option, value: {base_ms:.1f} ms"
          f"  (ratio {total_ms / base_ms:.1f}x)")
    return 0 if total_ms <= TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
