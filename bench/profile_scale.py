"""CPU profile of each action of ``bench_scale.py``, in the real window (offscreen).

    python bench/profile_scale.py [--sessions 200] [--top 25] [--only NAME]

Runs the same driver as ``bench_scale.py`` on the same cached file, but wraps each
action (and the events it queues until things settle) in ``cProfile`` timed with the
GUI thread's CPU time, which a loaded machine inflates far less than wall-clock time.
Prints, per action, the GUI thread's CPU seconds and the functions with the most
cumulative time, so that what grows with the file (rather than with the session)
shows.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_scale  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=200)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--only", default="", help="print the profile of matching actions only")
    parser.add_argument("--sort", default="cumulative")
    args = parser.parse_args()
    path = bench_scale.cached_file(args.sessions, False)
    profiles: list[tuple[str, float, str]] = []

    original = bench_scale.Heartbeat.measure

    def measure(self, action, settle_ms: int = 400) -> float:
        prof = cProfile.Profile(time.thread_time)
        t0 = time.thread_time()

        def profiled() -> None:
            prof.enable()
            try:
                action()
            finally:
                prof.disable()

        # The events queued by the action run after it returns: profile them too.
        from PySide6.QtCore import QTimer

        def stop_later() -> None:
            prof.enable()
            QTimer.singleShot(settle_ms - 50, prof.disable)

        def run() -> None:
            profiled()
            stop_later()

        ms = original(self, run, settle_ms)
        cpu = time.thread_time() - t0
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats(args.sort).print_stats(args.top)
        profiles.append(("", cpu, out.getvalue()))
        return ms

    bench_scale.Heartbeat.measure = measure
    bench_scale.as_installed()  # modules compiled once, as bench_scale measures
    figures = bench_scale.drive(path, args.sessions)
    # drive() records the three ballots as one figure: keep the longest's profile.
    rows = []
    i = 0
    for name, _ms in figures:
        if name.startswith("type a ballot"):
            group = profiles[i:i + 3]
            i += 3
            cpu = max(p[1] for p in group)
            text = max(group, key=lambda p: p[1])[2]
        else:
            cpu, text = profiles[i][1], profiles[i][2]
            i += 1
        rows.append((name, cpu, text))
    for name, cpu, text in rows:
        if args.only and args.only not in name:
            continue
        print(f"===== {name}: {cpu * 1000:.0f} ms GUI-thread CPU")
        print("\n".join(line for line in text.splitlines()[6:] if line.strip()))
    width = max(len(n) for n, _c, _t in rows)
    print(f"\n{'action (' + str(args.sessions) + ' sessions)':<{width}}  GUI-thread CPU")
    for name, cpu, _text in rows:
        print(f"{name:<{width}}  {cpu * 1000:8.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
