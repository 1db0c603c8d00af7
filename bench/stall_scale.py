"""What the GUI thread was doing during the longest stall of each ``bench_scale.py`` action.

    python bench/stall_scale.py [--sessions 200] [--only NAME] [--top 25]

``profile_scale.py`` sums everything an action and the events it queues cost; the
target is about one stall. This runs the same driver while a sampling thread reads
the GUI thread's stack every millisecond, then keeps only the samples taken inside
the longest gap between two heartbeats of each action, and prints, per function of
the program (and of the libraries it calls), in how many of those samples it was on
the stack: the breakdown of that one stall. Samples are wall-clock, so a loaded
machine shows in them; compare the shape, not the figures.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_scale  # noqa: E402

INTERVAL_S = 0.001


class Sampler(threading.Thread):
    """Samples one thread's stack (as ``file:line function`` keys, outermost first)."""

    def __init__(self, ident: int) -> None:
        super().__init__(daemon=True)
        self.ident_of = ident
        self.samples: list[tuple[float, tuple[str, ...]]] = []
        self.running = True

    def run(self) -> None:
        while self.running:
            frame = sys._current_frames().get(self.ident_of)
            stack = []
            while frame is not None:
                code = frame.f_code
                stack.append(f"{_short(code.co_filename)}:{code.co_firstlineno} {code.co_name}")
                frame = frame.f_back
            self.samples.append((time.perf_counter(), tuple(reversed(stack))))
            time.sleep(INTERVAL_S)


def _short(filename: str) -> str:
    for marker in ("cocrea_desktop/", "site-packages/", "lib/python3"):
        if marker in filename:
            return filename[filename.index(marker):]
    return filename


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=200)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--only", default="")
    parser.add_argument("--windows", default="",
                        help="write each action's longest gap (CLOCK_MONOTONIC seconds) and "
                             "the GUI thread's id to this JSON file, for `perf record -k mono` "
                             "(see perf_stalls.py); with it, no sampling thread")
    args = parser.parse_args()
    path = bench_scale.cached_file(args.sessions, False)
    sampler = Sampler(threading.get_ident())
    if not args.windows:
        sys.setswitchinterval(0.0005)  # the sampler gets the GIL between Python calls
        sampler.start()
    stalls: list[tuple[float, float]] = []  # (start, end) of each action's longest gap

    def beat(self) -> None:
        now = time.perf_counter()
        if now - self.last > self.longest:
            self.longest = now - self.last
            self.gap = (self.last, now)
        self.last = now

    original = bench_scale.Heartbeat.measure

    def measure(self, action, settle_ms: int = 400) -> float:
        self.gap = (0.0, 0.0)
        ms = original(self, action, settle_ms)
        stalls.append(self.gap)
        return ms

    bench_scale.Heartbeat._beat = beat
    bench_scale.Heartbeat.measure = measure
    bench_scale.as_installed()  # modules compiled once, as bench_scale measures
    figures = bench_scale.drive(path, args.sessions)
    sampler.running = False
    names = []
    for name, _ms in figures:
        names += [name] * (3 if name.startswith("type a ballot") else 1)
    if args.windows:
        Path(args.windows).write_text(json.dumps(
            {"tid": threading.get_native_id(),
             "windows": [[n, s, e] for n, (s, e) in zip(names, stalls)]}))
        for name, ms in figures:
            print(f"{name}: {ms:.0f} ms")
        return 0
    for name, (start, end) in zip(names, stalls):
        if args.only and args.only not in name:
            continue
        inside = [stack for t, stack in sampler.samples if start <= t <= end]
        counts: collections.Counter[str] = collections.Counter()
        for stack in inside:
            for key in dict.fromkeys(stack):
                counts[key] += 1
        print(f"===== {name}: longest gap {(end - start) * 1000:.0f} ms, "
              f"{len(inside)} samples")
        for key, n in counts.most_common(args.top):
            print(f"{n:6d}  {key}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
