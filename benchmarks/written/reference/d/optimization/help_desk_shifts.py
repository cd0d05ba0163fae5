import numpy as np
from scipy.optimize import milp, LinearConstraint, Bounds

need_7_11 = 6  # agents needed 7 am to 11 am [people]
need_11_15 = 10  # agents needed 11 am to 3 pm [people]
need_15_19 = 12  # agents needed 3 pm to 7 pm [people]
need_19_23 = 5  # agents needed 7 pm to 11 pm [people]
cost_full = 160  # daily cost of a full-time agent (8 hours) [USD]
cost_part = 90  # cost of a part-time agent (4 hours) [USD]

# variables: full-timers starting 7, 11, 15; part-timers working 15-19, 19-23
c = np.array([cost_full, cost_full, cost_full, cost_part, cost_part])
A = np.array([
    [1, 0, 0, 0, 0],
    [1, 1, 0, 0, 0],
    [0, 1, 1, 1, 0],
    [0, 0, 1, 0, 1],
])
need = np.array([need_7_11, need_11_15, need_15_19, need_19_23])
res = milp(c, constraints=LinearConstraint(A, need, np.inf), integrality=np.ones(5),
           bounds=Bounds(0, np.inf))
answer = float(res.fun)
