import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

hours_needed = 330  # staffed hours the help desk must cover each week [h]
full_time_hours = 40  # weekly hours of one full-time agent [h]
part_time_hours = 24  # weekly hours of one part-time agent [h]
full_time_cost = 1040  # weekly cost of one full-time agent [USD]
part_time_cost = 600  # weekly cost of one part-time agent [USD]
min_full_time = 3  # full-time agents needed as shift leads, at least [count]
part_time_per_full_time = 2  # part-timers allowed per full-time agent, at most [1]

# variables: number of full-time and part-time agents (whole people)
c = np.array([full_time_cost, part_time_cost])
constraints = [
    LinearConstraint([[full_time_hours, part_time_hours]], lb=hours_needed),
    LinearConstraint([[-part_time_per_full_time, 1]], ub=0),  # part <= 2 * full
]
bounds = Bounds([min_full_time, 0], [np.inf, np.inf])
res = milp(c, constraints=constraints, bounds=bounds, integrality=np.ones(2))

answer = {"full_time": round(res.x[0]), "part_time": round(res.x[1]), "weekly_cost": res.fun}
