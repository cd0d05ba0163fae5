import sympy as sp

drop_height = 10  # height the ball is dropped from [m]
rebound = 0.7  # each bounce reaches this share of the previous height [1]

k = sp.symbols("k", integer=True, positive=True)
# down once from the drop height, then up and down for every bounce
total = drop_height + 2 * sp.summation(drop_height * sp.nsimplify(rebound) ** k, (k, 1, sp.oo))

answer = float(total)
