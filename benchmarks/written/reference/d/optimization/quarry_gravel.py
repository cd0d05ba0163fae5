import numpy as np
from scipy.optimize import linprog

supply_A = 400  # gravel quarry A can ship this week [t]
supply_B = 350  # gravel quarry B can ship this week [t]
need_1 = 220  # gravel needed at site 1 [t]
need_2 = 260  # gravel needed at site 2 [t]
need_3 = 190  # gravel needed at site 3 [t]
cost_A1 = 6  # haul cost quarry A to site 1 [GBP/t]
cost_A2 = 9  # haul cost quarry A to site 2 [GBP/t]
cost_A3 = 7.5  # haul cost quarry A to site 3 [GBP/t]
cost_B1 = 8  # haul cost quarry B to site 1 [GBP/t]
cost_B2 = 5  # haul cost quarry B to site 2 [GBP/t]

# variables: A1, A2, A3, B1, B2 (the B-to-3 road is closed)
c = [cost_A1, cost_A2, cost_A3, cost_B1, cost_B2]
A_ub = [[1, 1, 1, 0, 0], [0, 0, 0, 1, 1]]
b_ub = [supply_A, supply_B]
A_eq = [[1, 0, 0, 1, 0], [0, 1, 0, 0, 1], [0, 0, 1, 0, 0]]
b_eq = [need_1, need_2, need_3]
res = linprog(c, A_ub=A_ub, b_ub=b_ub, A_eq=A_eq, b_eq=b_eq, bounds=[(0, None)] * 5)
answer = float(res.fun)
