"""Break each action's longest GUI-thread stall down to native functions (Qt's too).

    perf record -k mono -F 2000 -g -o /tmp/stalls.data -- \\
        python bench/stall_scale.py --windows /tmp/stalls.json
    python bench/perf_stalls.py /tmp/stalls.data /tmp/stalls.json [--top 30] [--only NAME]

``stall_scale.py`` samples Python frames only; a stall spent in Qt's C++ (layout,
text, painting) shows there as time with no frame of the program. This reads
``perf script`` and keeps the GUI thread's samples that fall inside each action's
longest gap, then counts per function the samples it is on the stack (inclusive)
and at the top (self). Python 3.11 frames show as the interpreter's functions.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import subprocess
from pathlib import Path

HEADER = re.compile(r"^\S.*?\s(\d+)/(\d+)\s+([\d.]+):")


def samples(data: str, tid: int):
    out = subprocess.run(["perf", "script", "-i", data, "-F", "tid,time,ip,sym,dso"],
                         capture_output=True, text=True, check=True).stdout
    stack: list[str] = []
    t = None
    keep = False
    for line in out.splitlines() + [""]:
        if not line.strip():
            if keep and stack:
                yield t, stack
            stack, t, keep = [], None, False
            continue
        if not line.startswith((" ", "\t")):
            m = re.match(r"^\s*(\d+)\s+([\d.]+):", line)
            if m:
                keep = int(m.group(1)) == tid
                t = float(m.group(2))
            continue
        parts = line.strip().split(None, 1)
        name = parts[1] if len(parts) > 1 else parts[0]
        name = re.sub(r"\+0x[0-9a-f]+", "", name)
        stack.append(name)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data")
    parser.add_argument("windows")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--only", default="")
    args = parser.parse_args()
    info = json.loads(Path(args.windows).read_text())
    windows = info["windows"]
    found = [[] for _ in windows]
    for t, stack in samples(args.data, info["tid"]):
        for i, (_n, start, end) in enumerate(windows):
            if start <= t <= end:
                found[i].append(stack)
    for (name, start, end), stacks in zip(windows, found):
        if args.only and args.only not in name:
            continue
        total = collections.Counter()
        top = collections.Counter()
        for stack in stacks:
            top[stack[0]] += 1
            for fn in dict.fromkeys(stack):
                total[fn] += 1
        print(f"===== {name}: {(end - start) * 1000:.0f} ms, {len(stacks)} samples")
        print("-- inclusive")
        for fn, n in total.most_common(args.top):
            print(f"{n:6d}  {fn[:160]}")
        print("-- self")
        for fn, n in top.most_common(args.top // 2):
            print(f"{n:6d}  {fn[:160]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
