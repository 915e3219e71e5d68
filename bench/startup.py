#!/usr/bin/env python3
"""Start-up: `unode -e 0` against `node -e 0` in one run — median wall time and peak RSS
of many runs each, their ratios, and the size of the static binary."""

import os
import shutil
import statistics
import subprocess
import sys
import time

RUNS = int(os.environ.get("RUNS", "50"))
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
UNODE = os.path.join(ROOT, "target", "release", "unode")


def measure(cmd):
    walls, rss = [], []
    for _ in range(RUNS):
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        walls.append(time.perf_counter() - start)
        if status != 0:
            sys.exit(f"{cmd} failed with status {status}")
        rss.append(usage.ru_maxrss)  # KiB
    return statistics.median(walls) * 1000, statistics.median(rss) / 1024


def main():
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "unode"], cwd=ROOT, check=True)
    node = shutil.which("node")
    if node is None:
        sys.exit("node not found: run scripts/setup.sh")
    u_wall, u_rss = measure([UNODE, "-e", "0"])
    n_wall, n_rss = measure([node, "-e", "0"])
    size = os.path.getsize(UNODE)
    with open(UNODE, "rb") as f:
        static = b"ld-linux" not in f.read()
    print(f"runs per command: {RUNS}")
    print(f"{'':14}{'wall median':>14}{'peak RSS':>12}")
    print(f"{'unode -e 0':14}{u_wall:>11.2f} ms{u_rss:>9.1f} MB")
    print(f"{'node -e 0':14}{n_wall:>11.2f} ms{n_rss:>9.1f} MB")
    print(f"ratio node/unode: wall {n_wall / u_wall:.1f}x, RSS {n_rss / u_rss:.1f}x")
    print(f"binary: {size / 1e6:.2f} MB, {'static' if static else 'dynamic'} ({UNODE})")


if __name__ == "__main__":
    main()
