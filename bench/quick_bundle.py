"""Export and verify of ``profile_bundle.py``'s 40-session process, timed against
zip+SHA-256 of the same bytes in the same process (no profiler), quickly.

    python bench/quick_bundle.py [--runs 5]

Uses the process ``profile_bundle.py`` keeps in the temporary folder (run that once).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import shutil
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    import profile_bundle

    folder = Path(tempfile.gettempdir()) / f"cocrea-bench-bundle-{profile_bundle.VERSION}"
    source = folder / "bundle40.cocrea.db"
    if not source.exists():
        print("run bench/profile_bundle.py --what export once first")
        return 1
    os.environ["COCREA_DATA_DIR"] = str(folder / "data")
    from cocrea_desktop.export import bundle as B
    from tests.export.bundle_helpers import device

    dev = device("perfil")
    exports, verifies, bases = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "source.cocrea.db"
        shutil.copy(source, work)
        for _ in range(args.runs):
            t = time.perf_counter()
            data = B.export_bundle(work, device=dev, created_at="2027-04-02T18:00:00.000Z").data
            exports.append(time.perf_counter() - t)
            t = time.perf_counter()
            B.open_bundle(data)
            verifies.append(time.perf_counter() - t)
            members = zipfile.ZipFile(io.BytesIO(data))
            files = {i.filename: members.read(i) for i in members.infolist()}
            t = time.perf_counter()
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w") as zf:
                for name, body in files.items():
                    hashlib.sha256(body).hexdigest()
                    zf.writestr(name, body)
            bases.append(time.perf_counter() - t)
    base = statistics.median(bases)
    print(f"bundle {len(data) / 1e6:.1f} MB, SHA-256 {hashlib.sha256(data).hexdigest()[:16]}")
    print(f"zip+SHA-256 {base:.3f} s; export {statistics.median(exports):.3f} s "
          f"({statistics.median(exports) / base:.1f}x); verify "
          f"{statistics.median(verifies):.3f} s ({statistics.median(verifies) / base:.1f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
