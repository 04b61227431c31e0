"""Peer baseline for `tangent bench jacobian`: the Laplacian residual and its exact parameter Jacobian with
PyTorch + functorch (float64), on the shapes Tangent times. Needs Debian's python3-torch (1.13, functorch included):
    apt-get install python3-torch && python3 bench/peer/functorch_jacobian.py --threads 2
The formulation is vmap over points of jacrev(theta -> trace(hessian_x u)), the functorch recipe for per-point
Jacobians. Tried and left out: vmap of jacfwd over the parameters (asks for 145 GB on 2-64-64-1 x 1000) and jacrev
of the whole batch's residual vector (over 10 minutes for the first shape).
"""
import argparse
import statistics
import time

import torch
from functorch import hessian, jacrev, make_functional, vmap

SHAPES = [("laplace2d", [2, 64, 64, 1], 1000), ("laplace2d", [2, 32, 1], 900), ("poisson5d", [5, 64, 1], 4000)]


def mlp(widths):
    layers = []
    for a, b in zip(widths[:-1], widths[1:]):
        layers += [torch.nn.Linear(a, b), torch.nn.Tanh()]
    return torch.nn.Sequential(*layers[:-1]).double()


def residual_and_jacobian(fnet, params, x):
    """r_i = tr of the x-Hessian of u at point i, and the points x parameters Jacobian of r, as one callable."""
    def u(p, xi):
        return fnet(p, xi.unsqueeze(0)).squeeze()

    def lap(p, xi):
        return torch.trace(hessian(u, argnums=1)(p, xi))

    return lambda: (vmap(lap, in_dims=(None, 0))(params, x), vmap(jacrev(lap), in_dims=(None, 0))(params, x))


def time_ms(f, repeats):
    f()
    f()
    ms = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        f()
        ms.append((time.perf_counter() - t0) * 1e3)
    return statistics.median(ms)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--repeats", type=int, default=21)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}, float64")
    for problem, widths, points in SHAPES:
        torch.manual_seed(0)
        net = mlp(widths)
        fnet, params = make_functional(net)
        x = torch.rand(points, widths[0], dtype=torch.float64)
        ms = time_ms(residual_and_jacobian(fnet, params, x), args.repeats)
        net_name = "-".join(map(str, widths))
        print(f"{problem:10s} {net_name:12s} {points:6d}  median {ms:9.2f} ms")

if __name__ == "__main__":
    main()
