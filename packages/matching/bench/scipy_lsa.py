"""One side of the dense benchmark: scipy.optimize.linear_sum_assignment.

Usage: python3 scipy_lsa.py FILE ROWS COLS CALLS
Loads the float64 matrix (not timed), then times CALLS solves in this
process and prints one JSON line {"ok": true, "times": [...], "cpu": [...],
"total": t}: wall-clock and process CPU seconds of each call in order,
times[0] being the cold first call (the same protocol as dense.child.ts). Forbidden cells are +inf.
"""
import json
import sys
import time

try:
    import numpy as np
    from scipy.optimize import linear_sum_assignment
except ImportError:
    print(json.dumps({"ok": False, "error": "scipy: not installed"}))
    sys.exit(0)

path, rows, cols, calls = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
c = np.fromfile(path, dtype=np.float64).reshape(rows, cols)
times = []
cpu = []
total = None
for _ in range(calls):
    p = time.process_time()
    t = time.perf_counter()
    r, k = linear_sum_assignment(c)
    times.append(time.perf_counter() - t)
    cpu.append(time.process_time() - p)
    total = float(c[r, k].sum())
print(json.dumps({"ok": True, "times": times, "cpu": cpu, "total": total}))
