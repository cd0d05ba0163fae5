import numpy as np
from scipy.optimize import milp, LinearConstraint, Bounds

need_block1 = 6  # agents needed 07:00-11:00 [people]
need_block2 = 16  # agents needed 11:00-15:00 [people]
need_block3 = 10  # agents needed 15:00-19:00 [people]
need_block4 = 8  # agents needed 19:00-23:00 [people]
cost_full = 152  # wage for one 8-hour shift [EUR]
cost_part = 70  # wage for one 4-hour shift [EUR]
max_part = 4  # most part-time shifts per day [people]

# variables: full-time 07-15, full-time 11-19, full-time 15-23, part-time 11-15, part-time 19-23
c = np.array([cost_full, cost_full, cost_full, cost_part, cost_part])
A = np.array([
    [1, 0, 0, 0, 0],
    [1, 1, 0, 1, 0],
    [0, 1, 1, 0, 0],
    [0, 0, 1, 0, 1],
    [0, 0, 0, 1, 1],
])
lb = [need_block1, need_block2, need_block3, need_block4, 0]
ub = [np.inf, np.inf, np.inf, np.inf, max_part]
res = milp(c, constraints=LinearConstraint(A, lb, ub), integrality=np.ones(5), bounds=Bounds(0, np.inf))
answer = {
    "min_daily_cost": res.fun,
    "full_time_shifts": res.x[:3].sum(),
    "part_time_shifts": res.x[3:].sum(),
}
print(answer, res.x)
