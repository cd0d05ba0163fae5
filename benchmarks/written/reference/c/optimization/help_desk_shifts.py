import numpy as np
from scipy.optimize import milp, LinearConstraint, Bounds

need_08 = 3  # agents needed 08:00-10:00 [people]
need_10 = 7  # agents needed 10:00-12:00 [people]
need_12 = 9  # agents needed 12:00-14:00 [people]
need_14 = 6  # agents needed 14:00-16:00 [people]
need_16 = 4  # agents needed 16:00-18:00 [people]
wage_day = 24.00  # hourly wage, shifts ending by 16:00 [USD/h]
wage_late = 27.50  # hourly wage, the 14:00-18:00 shift [USD/h]
shift_len = 4  # shift length [h]

# variables: agents starting at 08:00, 10:00, 12:00, 14:00 (each works two 2-hour blocks)
cost = np.array([wage_day, wage_day, wage_day, wage_late]) * shift_len
cover = np.array([
    [1, 0, 0, 0],
    [1, 1, 0, 0],
    [0, 1, 1, 0],
    [0, 0, 1, 1],
    [0, 0, 0, 1],
])
need = np.array([need_08, need_10, need_12, need_14, need_16])
res = milp(cost, constraints=LinearConstraint(cover, need, np.inf), integrality=np.ones(4), bounds=Bounds(0, np.inf))
answer = float(res.fun)
