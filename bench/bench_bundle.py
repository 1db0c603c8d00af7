"""Benchmark: a bundle of 40 sessions, 2,000 ideas and 20,000 ballot marks.

    python bench/bench_bundle.py [--runs 3]

Targets (quality.md): export <= 2 s, verify <= 1 s, import/merge into an empty
process <= 3 s. Prints the median of several runs, with baselines measured in
the same run since these machines are noisy: zipping and hashing the same files
with plain ``zipfile`` (for export and verify) and inserting the same rows with a
raw ``executemany`` (for import, which also journals every row).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import random
import sqlite3
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
            conn = sqlite3.connect(Path(tmp) / f"raw{run}.db")
            conn.execute("CREATE TABLE r (id TEXT PRIMARY KEY, body TEXT)")
            rows = [(r["id"], repr(r)) for rows in bundle.tables.values() for r in rows]
            t = time.perf_counter()
            with conn:
                conn.executemany("INSERT INTO r VALUES (?, ?)", rows)
            insert_base.append(time.perf_counter() - t)
            conn.close()
        repo.close()

    def med(values):
        return statistics.median(values)

    print(f"bundle size: {len(data) / 1e6:.1f} MB")
    print(f"export: {med(exports):.3f} s (target <= 2 s); baseline zip+hash "
          f"{med(zip_base):.3f} s, ratio {med(exports) / med(zip_base):.1f}x")
    print(f"verify: {med(verifies):.3f} s (target <= 1 s)")
    print(f"import/merge into an empty process: {med(imports):.3f} s (target <= 3 s); "
          f"baseline raw executemany {med(insert_base):.3f} s")
    ok = med(exports) <= 2 and med(verifies) <= 1 and med(imports) <= 3
    print("OK" if ok else "OVER TARGET")


if __name__ == "__main__":
    main()
