import numpy as np
from scipy.optimize import milp, LinearConstraint, Bounds

profit_mug = 6.50  # profit per mug [GBP]
profit_bowl = 12.00  # profit per bowl [GBP]
clay_mug = 0.35  # clay per mug [kg]
clay_bowl = 0.85  # clay per bowl [kg]
clay_avail = 57  # clay available per week [kg]
wheel_mug = 10  # wheel time per mug [min]
wheel_bowl = 18  # wheel time per bowl [min]
wheel_avail = 1400  # wheel time available per week [min]
kiln_cap = 120  # pieces the kiln holds per weekly firing [pieces]

c = -np.array([profit_mug, profit_bowl])
A = np.array([[clay_mug, clay_bowl], [wheel_mug, wheel_bowl], [1, 1]])
ub = np.array([clay_avail, wheel_avail, kiln_cap])
res = milp(c, constraints=LinearConstraint(A, -np.inf, ub), integrality=np.ones(2), bounds=Bounds(0, np.inf))
mugs, bowls = np.round(res.x)
answer = {"bowls": float(bowls), "profit": float(profit_mug * mugs + profit_bowl * bowls)}
