"""Time scipy.optimize.linear_sum_assignment on a raw float64 matrix file.

Usage: python3 scipy_lsa.py FILE ROWS COLS REPEATS
Prints one JSON line: {"ok": true, "seconds": best, "cpu": best_cpu, "total": total, "assigned": n}.
Forbidden cells are +inf; scipy raises when the matrix is infeasible.
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

path, rows, cols, repeats = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
c = np.fromfile(path, dtype=np.float64).reshape(rows, cols)
best = float("inf")
best_cpu = float("inf")
total = None
for _ in range(repeats):
    t = time.perf_counter()
    tc = time.process_time()
    r, k = linear_sum_assignment(c)
    best_cpu = min(best_cpu, time.process_time() - tc)
    best = min(best, time.perf_counter() - t)
    total = float(c[r, k].sum())
print(json.dumps({"ok": True, "seconds": best, "cpu": best_cpu, "total": total, "assigned": int(len(r))}))
