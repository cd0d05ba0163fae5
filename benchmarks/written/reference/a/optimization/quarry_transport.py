import numpy as np
from scipy.optimize import linprog

supply_north = 70  # daily output of the north quarry [t]
supply_south = 50  # daily output of the south quarry [t]
demand_a = 40  # gravel needed at site A [t]
demand_b = 60  # gravel needed at site B [t]
cost_na = 6.0  # haulage north -> A [GBP/t]
cost_nb = 9.0  # haulage north -> B [GBP/t]
cost_sa = 8.0  # haulage south -> A [GBP/t]
cost_sb = 5.0  # haulage south -> B [GBP/t]
cap_sb = 35  # most that can go south -> B per day [t]

# variables: north->A, north->B, south->A, south->B
c = [cost_na, cost_nb, cost_sa, cost_sb]
A_ub = [[1, 1, 0, 0], [0, 0, 1, 1]]
b_ub = [supply_north, supply_south]
A_eq = [[1, 0, 1, 0], [0, 1, 0, 1]]
b_eq = [demand_a, demand_b]
bounds = [(0, None), (0, None), (0, None), (0, cap_sb)]
res = linprog(c, A_ub=A_ub, b_ub=b_ub, A_eq=A_eq, b_eq=b_eq, bounds=bounds, method="highs")
answer = {"min_cost": res.fun, "north_to_b_t": res.x[1]}
print(answer, res.x)
