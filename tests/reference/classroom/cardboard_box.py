import sympy as sp

sheet_length = 30  # length of the cardboard sheet [cm]
sheet_width = 20  # width of the cardboard sheet [cm]

x = sp.symbols("x", positive=True)  # side of the squares cut from the corners [cm]
volume = x * (sheet_length - 2 * x) * (sheet_width - 2 * x)
largest_cut = min(sheet_length, sheet_width) / 2
critical = [c for c in sp.solve(sp.diff(volume, x), x) if 0 < c < largest_cut]
x_best = critical[0]

answer = {"cut_side": float(x_best), "max_volume": float(volume.subs(x, x_best))}
