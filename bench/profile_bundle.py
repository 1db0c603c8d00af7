"""CPU profile of the bundle path: export, verify, import, and the merge of many laptops.

    python bench/profile_bundle.py [--what export,verify,import,merge] [--laptops 50]
                                   [--top 25] [--sort cumulative]

Builds the processes of ``bench_bundle.py`` and ``bench_merge.py`` once (kept in the
temporary folder, like ``bench_scale.py``'s file), then runs each step under
``cProfile`` and prints its time and the functions behind it, so that what dominates
(encoding, hashing, SQLite, Python loops) shows before anything is changed.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

VERSION = 1


def _profiled(name: str, action, top: int, sort: str):
    # Timed with the process's CPU time, which a machine shared with other jobs inflates
    # far less than wall-clock time.
    prof = cProfile.Profile(time.process_time)
    t, cpu = time.perf_counter(), time.process_time()
    prof.enable()
    try:
        result = action()
    finally:
        prof.disable()
    elapsed, cpu = time.perf_counter() - t, time.process_time() - cpu
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats(sort).print_stats(top)
    print(f"==== {name}: {elapsed:.3f} s under the profiler ({cpu:.3f} s CPU)")
    print("\n".join(line for line in out.getvalue().splitlines()[4:] if line.strip()))
    return result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--what", default="export,verify,import,merge")
    parser.add_argument("--laptops", type=int, default=50)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--sort", default="cumulative")
    args = parser.parse_args()
    what = set(args.what.split(","))
    folder = Path(tempfile.gettempdir()) / f"cocrea-bench-bundle-{VERSION}"
    folder.mkdir(exist_ok=True)
    os.environ["COCREA_DATA_DIR"] = str(folder / "data")

    from cocrea_desktop.core.clock import FakeClock
    from cocrea_desktop.export import bundle as B
    from tests.export.bundle_helpers import device

    dev = device("perfil")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        if what & {"export", "verify", "import"}:
            import bench_bundle

            source = folder / "bundle40.cocrea.db"
            if not source.exists():
                part = folder / "building.cocrea.db"
                for stale in folder.glob("building*"):
                    stale.unlink()
                bench_bundle.build(part, dev, FakeClock()).close()
                part.replace(source)
            work = tmp / "source.cocrea.db"
            shutil.copy(source, work)
            result = _profiled("export, 40 sessions", lambda: B.export_bundle(
                work, device=dev, created_at="2027-04-02T18:00:00.000Z"), args.top, args.sort)
            data = result.data
            bundle = _profiled("verify, same", lambda: B.open_bundle(data), args.top, args.sort)
            if "import" in what:
                def run_import():
                    office = B.new_process_from_bundle(tmp / "office.cocrea.db", device=dev)
                    B.import_bundle(office, bundle, accept_key=True)
                    office.close()
                _profiled("import into an empty process", run_import, args.top, args.sort)
        if "merge" in what:
            import bench_merge
            from tests.export.bundle_helpers import office_process

            cache = folder / f"merge{args.laptops}"
            if not cache.exists():
                part = folder / "building-merge"
                shutil.rmtree(part, ignore_errors=True)
                part.mkdir()
                clock = FakeClock()
                office = office_process(part / "office.cocrea.db", device("oficina"), clock)
                for n in range(args.laptops):
                    data = bench_merge.laptop(office, part / f"laptop{n}.cocrea.db",
                                              device(f"equipo {n}"), clock, n)
                    (part / f"{n:03d}.cocrea").write_bytes(data)
                office.close()
                part.replace(cache)
            datas = [p.read_bytes() for p in sorted(cache.glob("*.cocrea"))]
            bundles = _profiled(f"verify {len(datas)} bundles",
                                lambda: [B.open_bundle(d) for d in datas], args.top, args.sort)

            def run_merge():
                pf = B.new_process_from_bundle(tmp / "merged.cocrea.db", device=device("oficina"))
                B.import_bundles(pf, bundles, accepted=[b.fingerprint for b in bundles])
                return pf
            pf = _profiled(f"import {len(datas)} bundles", run_merge, args.top, args.sort)
            _profiled("re-import one already merged", lambda: B.recognise_imported(pf, datas[0]),
                      10, args.sort)
            pf.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
