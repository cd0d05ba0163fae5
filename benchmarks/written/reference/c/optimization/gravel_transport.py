import numpy as np
from scipy.optimize import linprog

cap_A = 400  # daily output of quarry A [t]
cap_B = 400  # daily output of quarry B [t]
need_X = 350  # gravel needed at site X [t]
need_Y = 420  # gravel needed at site Y [t]
cost_AX = 6.50  # haulage A to X [USD/t]
cost_AY = 8.20  # haulage A to Y [USD/t]
cost_BX = 7.10  # haulage B to X [USD/t]
cost_BY = 5.90  # haulage B to Y [USD/t]
bridge_BY = 300  # weight limit on the B to Y route per day [t]

# variables: AX, AY, BX, BY
c = [cost_AX, cost_AY, cost_BX, cost_BY]
A_ub = [[1, 1, 0, 0], [0, 0, 1, 1]]
b_ub = [cap_A, cap_B]
A_eq = [[1, 0, 1, 0], [0, 1, 0, 1]]
b_eq = [need_X, need_Y]
bounds = [(0, None), (0, None), (0, None), (0, bridge_BY)]
res = linprog(c, A_ub=A_ub, b_ub=b_ub, A_eq=A_eq, b_eq=b_eq, bounds=bounds)
answer = float(res.fun)
