import sympy as sp

low_conc = 0.1  # acid share of the weaker solution [1]
high_conc = 0.3  # acid share of the stronger solution [1]
target_conc = 0.18  # acid share wanted in the mixture [1]
total_volume = 50  # volume of mixture wanted [L]

x, y = sp.symbols("x y", nonnegative=True)  # litres of weak and strong solution
eqs = [sp.Eq(x + y, total_volume), sp.Eq(low_conc * x + high_conc * y, target_conc * total_volume)]
sol = sp.solve(eqs, [x, y])

answer = {"weak_solution": float(sol[x]), "strong_solution": float(sol[y])}
