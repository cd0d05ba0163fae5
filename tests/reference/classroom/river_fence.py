import sympy as sp

fence_length = 600  # fencing available [m]

x = sp.symbols("x", positive=True)  # side perpendicular to the river [m]
length = fence_length - 2 * x  # side parallel to the river [m]
area = x * length

x_best = sp.solve(sp.diff(area, x), x)[0]

answer = {"width": float(x_best), "length": float(length.subs(x, x_best)),
          "area": float(area.subs(x, x_best))}
