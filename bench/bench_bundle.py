"""Benchmark: a bundle of 40 sessions, 2,000 ideas and 20,000 ballot marks.

    python bench/bench_bundle.py [--runs 3]

Targets (quality.md): export <= 2 s, verify <= 1 s, import/merge into an empty
process <= 3 s. Prints the median of several runs, with baselines measured in
the same run since these machines are noisy: zipping and hashing the same files
with plain ``zipfile`` (for export and verify) and inserting the same rows with a
raw ``executemany`` into the same tables in one transaction (for import, which also
journals every row). Issue 20's targets: each within 5x its baseline.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import random
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SESSIONS = 40
IDEAS_PER_SESSION = 50
BALLOTS_PER_SESSION = 100
K = 5  # 40 x 100 x 5 = 20,000 marks


def build(path: Path, device, clock):
    """The process, written through the store's journaled write path."""
    from cocrea_desktop.store.repo import Repo

    rng = random.Random(20261121)
    repo = Repo.create(path, name="Plan de Acción Local 2027", municipality="Cuicatlán",
                       device=device, clock=clock)
    for s in range(SESSIONS):
        session_id, _c = repo.add_session(method="nominal_group",
                                          question=f"¿Qué necesita la mesa {s + 1}?",
                                          table_label=f"Mesa {s + 1}")
        with repo.pf.write("bench.ideas", "ideas") as unit:
            for n in range(1, IDEAS_PER_SESSION + 1):
                unit.insert("idea", {"session_id": session_id, "number": n,
                                     "text": f"Idea {n} de la mesa {s + 1}: "
                                             + "propuesta de mejora " * 3,
                                     "round": 1, "turn": n, "created_at": unit.at,
                                     "updated_at": unit.at, "device_id": device.id})
        repo.votes.configure(session_id, "final", k=K)
        with repo.pf.write("bench.ballots", "boletas") as unit:
            for b in range(BALLOTS_PER_SESSION):
                ballot_id = unit.insert("ballot", {
                    "session_id": session_id, "round": "final", "serial": f"S{s}-{b:04d}",
                    "entry": "", "created_at": unit.at, "updated_at": unit.at,
                    "device_id": device.id})
                for rank, option in enumerate(rng.sample(range(1, IDEAS_PER_SESSION + 1), K)):
                    unit.insert("mark", {"ballot_id": ballot_id, "session_id": session_id,
                                         "round": "final", "option": option,
                                         "value": K - rank})
    return repo


def _insert_baseline(path: Path, bundle, device) -> float:
    """The same rows inserted into the same tables in one transaction (executemany)."""
    from cocrea_desktop.store import merge
    from cocrea_desktop.store.db import create_process_file

    pf = create_process_file(path, device=device)
    conn = pf.conn
    start = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("PRAGMA defer_foreign_keys = ON")
    for table in merge.merge_order(conn, bundle.tables):
        rows = bundle.tables[table]
        if not rows:
            continue
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
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["COCREA_DATA_DIR"] = str(Path(tmp) / "data")
        from cocrea_desktop.core.clock import FakeClock
        from cocrea_desktop.export import bundle as B
        from cocrea_desktop.store.device import load_or_create_device

        device = load_or_create_device()
        start = time.perf_counter()
        repo = build(Path(tmp) / "bench.cocrea.db", device, FakeClock())
        built = time.perf_counter() - start
        marks = repo.pf.scalar("SELECT COUNT(*) FROM mark")
        ideas = repo.pf.scalar("SELECT COUNT(*) FROM idea")
        journal = repo.pf.scalar("SELECT COUNT(*) FROM journal")
        print(f"built {SESSIONS} sessions, {ideas} ideas, {marks} marks, {journal} journal "
              f"entries in {built:.1f} s")

        exports, verifies, imports, zip_base, insert_base = [], [], [], [], []
        data = b""
        for run in range(args.runs):
            t = time.perf_counter()
            result = B.export_bundle(repo.path, device=device,
                                     created_at="2027-04-02T18:00:00.000Z")
            exports.append(time.perf_counter() - t)
            data = result.data
            journal_size = result.manifest["files"]["journal.jsonl"]["size"]
            t = time.perf_counter()
            bundle = B.open_bundle(data)
            verifies.append(time.perf_counter() - t)
            target = Path(tmp) / f"office{run}.cocrea.db"
            t = time.perf_counter()
            office = B.new_process_from_bundle(target, device=device)
            B.import_bundle(office, bundle, accept_key=True)
            imports.append(time.perf_counter() - t)
            assert office.scalar("SELECT COUNT(*) FROM mark") == marks
            office.close()

            members = zipfile.ZipFile(io.BytesIO(data))
            files = {i.filename: members.read(i) for i in members.infolist()}
            t = time.perf_counter()
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w") as zf:
                for name, body in files.items():
                    hashlib.sha256(body).hexdigest()
                    zf.writestr(name, body)
            zip_base.append(time.perf_counter() - t)
            insert_base.append(_insert_baseline(Path(tmp) / f"raw{run}.cocrea.db", bundle,
                                                device))
        repo.close()

    def med(values):
        return statistics.median(values)

    base = med(zip_base)
    print(f"bundle size: {len(data) / 1e6:.1f} MB; journal.jsonl {journal_size / 1e6:.1f} MB, "
          f"{journal_size / max(journal, 1):.0f} bytes per entry")
    print(f"export: {med(exports):.3f} s (target <= 2 s); baseline zip+SHA-256 of the same "
          f"bytes {base:.3f} s, ratio {med(exports) / base:.1f}x (target <= 5x)")
    print(f"verify: {med(verifies):.3f} s (target <= 1 s), ratio {med(verifies) / base:.1f}x "
          f"(target <= 5x)")
    print(f"import/merge into an empty process: {med(imports):.3f} s (target <= 3 s); "
          f"baseline: the same rows inserted in one transaction {med(insert_base):.3f} s, "
          f"ratio {med(imports) / med(insert_base):.1f}x (target <= 5x)")
    ok = med(exports) <= 2 and med(verifies) <= 1 and med(imports) <= 3
    print("OK" if ok else "OVER TARGET")


if __name__ == "__main__":
    main()
