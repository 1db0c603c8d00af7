"""Benchmark: commit one typed ballot through ``repo.votes.enter_ballot``, many times.

    python bench/bench_ballot_entry.py [--ballots 500] [--dir DIR]

Target (quality.md): p99 <= 20 ms for one ballot, validated and committed in one
transaction (WAL, ``synchronous=FULL``) with its marks and its journal entries, as the
facilitator presses Enter. Prints the median and p99 over ``--ballots`` ballots, and a
baseline measured in the same run on the same disk: one bare one-row INSERT committed
with the same pragmas (mostly the cost of fsync), so the ratio is the figure to compare
across machines. ``--dir`` puts the file on another disk (e.g. a USB stick).
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cocrea_desktop.store.repo import Repo  # noqa: E402

TARGET_P99_MS = 20.0
IDEAS = 40
K = 5


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def bare_commits(path: Path, n: int) -> list[float]:
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
    times = []
    for i in range(n):
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t (v) VALUES (?)", ["boleta {}".format(i)])
        conn.execute("COMMIT")
        times.append((time.perf_counter() - start) * 1000)
    conn.close()
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ballots", type=int, default=500)
    parser.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args()
    rng = random.Random(20271121)
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        path = Path(tmp) / "boletas.cocrea.db"
        with Repo.create(path, name="Banco de prueba") as repo:
            sid, _ = repo.add_session(method="nominal_group", question="¿Qué hace falta?",
                                      participant_count=12)
            for i in range(1, IDEAS + 1):
                repo.ideas.add(sid, "Idea {}".format(i))
            for key in ("silent_writing", "round", "clarification", "preliminary_vote"):
                repo.phases.go_to(sid, key)
            texts = [" ".join(map(str, rng.sample(range(1, IDEAS + 1), K)))
                     for _ in range(args.ballots)]
            times = []
            for i, text in enumerate(texts):
                start = time.perf_counter()
                repo.votes.enter_ballot(sid, "preliminary", text, serial="{:06d}".format(i + 1))
                times.append((time.perf_counter() - start) * 1000)
            assert repo.votes.count_ballots(sid, "preliminary") == args.ballots
            assert repo.pf.scalar("SELECT COUNT(*) FROM mark") == args.ballots * K
            journal_ok = repo.pf.verify_journal().ok
        base = bare_commits(Path(tmp) / "bare.db", args.ballots)
    median, p99 = statistics.median(times), percentile(times, 0.99)
    base_median, base_p99 = statistics.median(base), percentile(base, 0.99)
    verdict = "OK" if p99 <= TARGET_P99_MS else "OVER TARGET"
    print(f"repo.votes.enter_ballot: {args.ballots} typed ballots of {K} marks over {IDEAS} ideas,"
          f" each validated and committed (WAL, synchronous=FULL, one transaction)")
    print(f"  median {median:.2f} ms, p99 {p99:.2f} ms, max {max(times):.2f} ms"
          f"  (target p99 <= {TARGET_P99_MS:.0f} ms) {verdict}")
    print(f"  baseline, bare one-row INSERT + COMMIT on the same disk: median {base_median:.2f} ms,"
          f" p99 {base_p99:.2f} ms  (ratio of medians {median / base_median:.1f}x)")
    print(f"  journal chain after the run: {'ok' if journal_ok else 'BROKEN'}")
    return 0 if p99 <= TARGET_P99_MS and journal_ok else 1


if __name__ == "__main__":
    sys.exit(main())
