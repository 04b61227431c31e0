#!/usr/bin/env python3
"""Is a bratu-like1d run's answer a genuine solution of u_xx + e^u = f, u(0) = u(1) = 0?

An independent check: second-order finite differences on n cells, Newton's method started from the PINN's
prediction (solution.csv of the run). If the PINN found a true solution, Newton converges next to it and the
distance falls like h^2 as the grid is refined. The same from the stated solution 3 sin(pi x), for comparison.

usage: python3 docs/unseen/checks/bratu-like1d-newton.py RUN/solution.csv
"""
import csv
import sys

import numpy as np


def f(x):
    return -3 * np.pi**2 * np.sin(np.pi * x) + np.exp(3 * np.sin(np.pi * x))


def newton(u0, x, h, iters=50):
    u = u0.copy()
    for _ in range(iters):
        lap = (u[:-2] - 2 * u[1:-1] + u[2:]) / h**2
        res = lap + np.exp(u[1:-1]) - f(x[1:-1])
        m = len(res)
        jac = np.diag(-2 / h**2 + np.exp(u[1:-1])) + np.diag(np.full(m - 1, 1 / h**2), 1) + np.diag(np.full(m - 1, 1 / h**2), -1)
        du = np.linalg.solve(jac, -res)
        u[1:-1] += du
        if np.max(np.abs(du)) < 1e-13:
            return u, True
    return u, False


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    with open(sys.argv[1]) as fh:
        rows = list(csv.DictReader(fh))
    xs = np.array([float(r["x"]) for r in rows])
    us = np.array([float(r["u"]) for r in rows])
    order = np.argsort(xs)
    xs, us = xs[order], us[order]
    print("cells  max|Newton - PINN|  max|Newton - 3 sin(pi x)| (Newton from 3 sin(pi x))  converged")
    for n in (400, 800, 1600):
        x = np.linspace(0, 1, n + 1)
        h = 1 / n
        start = np.interp(x, xs, us)
        start[0] = start[-1] = 0
        u_pinn, ok1 = newton(start, x, h)
        stated = 3 * np.sin(np.pi * x)
        u_stated, ok2 = newton(stated, x, h)
        print(f"{n:5d}  {np.max(np.abs(u_pinn - start)):.3e}           {np.max(np.abs(u_stated - stated)):.3e}"
              f"                                       {ok1 and ok2}")
    print(f"PINN vs stated solution: max difference {np.max(np.abs(us - 3 * np.sin(np.pi * xs))):.3e}")


if __name__ == "__main__":
    main()
