"""Benchmark: the office merges the bundles of 50 laptops (issue 20).

    python bench/bench_merge.py [--laptops 50] [--runs 3]

Each laptop got a copy of the office's process, ran one nominal-group session (40
ideas, 10 of them reworded later, 60 ranked ballots of 5 marks) and exported its
bundle. The office verifies the 50 bundles and merges them in one transaction.

Targets (quality.md): the merge of 50 within 2 s, and within 5x the baseline, measured
in the same run: inserting the same rows into the same tables in one transaction with
``executemany`` (no journal, no checks). Also: re-importing a bundle already merged
(target: recognised in under 5 ms), and the journal's size per row.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

IDEAS = 40
EDITS = 10
BALLOTS = 60
K = 5
CREATED = "2027-04-02T18:00:00.000Z"


def laptop(office, path: Path, dev, clock, n: int) -> bytes:
    """One laptop's day: a copy of the office file, one session, its bundle."""
    from cocrea_desktop.export import bundle as B
    from tests.export.bundle_helpers import laptop_copy

    rng = random.Random(n)
    repo = laptop_copy(office, path, dev, clock)
    session_id, _c = repo.add_session(method="nominal_group",
                                      question=f"¿Qué necesita la mesa {n + 1}?",
                                      table_label=f"Mesa {n + 1}", date="2027-04-02")
    ids = []
    with repo.pf.write("bench.ideas", "ideas") as unit:
        for i in range(1, IDEAS + 1):
            ids.append(unit.insert("idea", {
                "session_id": session_id, "number": i, "origin": dev.id,
                "text": f"Idea {i} de la mesa {n + 1}: " + "propuesta de mejora " * 3,
                "round": 1, "turn": i, "created_at": unit.at, "updated_at": unit.at,
                "device_id": dev.id}))
    clock.advance(60)
    with repo.pf.write("bench.edits", "ediciones") as unit:
        for idea_id in ids[:EDITS]:
            unit.update("idea", idea_id, {"text": "Texto corregido de la idea " + idea_id[:8]},
                        stamp=True)
    repo.votes.configure(session_id, "final", k=K)
    with repo.pf.write("bench.ballots", "boletas") as unit:
        for b in range(BALLOTS):
            ballot_id = unit.insert("ballot", {
                "session_id": session_id, "round": "final", "serial": f"L{n}-{b:04d}",
                "entry": "", "created_at": unit.at, "updated_at": unit.at,
                "device_id": dev.id})
            for rank, option in enumerate(rng.sample(range(1, IDEAS + 1), K)):
                unit.insert("mark", {"ballot_id": ballot_id, "session_id": session_id,
                                     "round": "final", "option": option, "value": K - rank})
    repo.close()
    return B.export_bundle(path, device=dev, created_at=CREATED).data


def baseline(tmp: Path, run: int, bundles, device) -> float:
    """The same rows inserted into the same tables in one transaction (executemany)."""
    from cocrea_desktop.store import merge
    from cocrea_desktop.store.db import create_process_file

    pf = create_process_file(tmp / f"raw{run}.cocrea.db", device=device)
    conn = pf.conn
    tables: dict[str, dict[str, dict]] = {}
    for bundle in bundles:
        for table, rows in bundle.tables.items():
            for row in rows:
                tables.setdefault(table, {})[row["id"]] = row
    start = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("PRAGMA defer_foreign_keys = ON")
    for table in merge.merge_order(conn, tables):
        rows = list(tables[table].values())
        cols = list(rows[0])
        conn.executemany(
            f"INSERT OR IGNORE INTO {table} ({', '.join(cols)}) VALUES "
            f"({', '.join('?' * len(cols))})", [[r.get(c) for c in cols] for r in rows])
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    pf.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--laptops", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        os.environ["COCREA_DATA_DIR"] = str(tmp / "data")
        from cocrea_desktop.core.clock import FakeClock
        from cocrea_desktop.export import bundle as B
        from tests.export.bundle_helpers import device, office_process

        office_dev = device("oficina")
        clock = FakeClock()
        office = office_process(tmp / "office.cocrea.db", office_dev, clock)
        start = time.perf_counter()
        datas = [laptop(office, tmp / f"laptop{n}.cocrea.db", device(f"equipo {n}"), clock, n)
                 for n in range(args.laptops)]
        office.close()
        print(f"built {args.laptops} laptops' bundles in {time.perf_counter() - start:.1f} s "
              f"({sum(map(len, datas)) / 1e6:.1f} MB)")

        merges, verifies, imports, bases, again = [], [], [], [], []
        for run in range(args.runs):
            target = tmp / f"merged{run}.cocrea.db"
            t = time.perf_counter()
            bundles = [B.open_bundle(d) for d in datas]
            t_verified = time.perf_counter()
            pf = B.new_process_from_bundle(target, device=office_dev)
            B.import_bundles(pf, bundles, accepted=[b.fingerprint for b in bundles])
            done = time.perf_counter()
            merges.append(done - t)
            verifies.append(t_verified - t)
            imports.append(done - t_verified)
            rows = sum(len(r) for b in bundles for r in b.tables.values())
            journal_bytes = pf.scalar("SELECT SUM(COALESCE(LENGTH(before), 0) + COALESCE(LENGTH(after), 0)) "
                                      "FROM journal "
                                      "WHERE action = 'bundle.import'") or 0
            entries = pf.scalar("SELECT COUNT(*) FROM journal") or 1
            # Re-importing one bundle already merged, as the CLI and the window do it.
            recognise = getattr(B, "recognise_imported", None)
            for d in datas[:10]:
                t = time.perf_counter()
                if recognise is None or recognise(pf, d) is None:
                    B.import_bundles(pf, [B.open_bundle(d)])
                again.append(time.perf_counter() - t)
            pf.close()
            bases.append(baseline(tmp, run, bundles, office_dev))

    def med(values):
        return statistics.median(values)

    print(f"rows merged: {rows}; journal {journal_bytes / max(entries, 1):.0f} bytes of "
          f"row images per entry ({entries} entries)")
    print(f"merge of {args.laptops}: {med(merges):.3f} s (target <= 2 s): verify "
          f"{med(verifies):.3f} s, import {med(imports):.3f} s")
    print(f"baseline, the same rows inserted in one transaction: {med(bases):.3f} s; "
          f"ratio import/baseline {med(imports) / med(bases):.1f}x, "
          f"whole merge/baseline {med(merges) / med(bases):.1f}x")
    print(f"re-import of a bundle already merged: median {med(again) * 1000:.1f} ms "
          f"(target < 5 ms)")
    print("OK" if med(merges) <= 2 and med(again) < 0.005 else "OVER TARGET")


if __name__ == "__main__":
    main()
