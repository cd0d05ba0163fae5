import numpy as np
from scipy.optimize import milp, LinearConstraint, Bounds

need_0_6 = 6  # nurses needed midnight-6am [nurses]
need_6_12 = 14  # nurses needed 6am-noon [nurses]
need_12_18 = 11  # nurses needed noon-6pm [nurses]
need_18_24 = 9  # nurses needed 6pm-midnight [nurses]
cost_start_0 = 600  # cost of a shift starting at midnight [USD]
cost_start_6 = 540  # cost of a shift starting at 6am [USD]
cost_start_12 = 570  # cost of a shift starting at noon [USD]
cost_start_18 = 630  # cost of a shift starting at 6pm [USD]

# x0..x3: nurses starting at 0, 6, 12, 18 h; a shift covers its own block and the next one
cover = np.array([
    [1, 0, 0, 1],  # 0-6: midnight starters and 6pm starters of the previous day
    [1, 1, 0, 0],  # 6-12
    [0, 1, 1, 0],  # 12-18
    [0, 0, 1, 1],  # 18-24
])
need = np.array([need_0_6, need_6_12, need_12_18, need_18_24])
cost = np.array([cost_start_0, cost_start_6, cost_start_12, cost_start_18])
res = milp(c=cost, constraints=LinearConstraint(cover, lb=need, ub=np.inf),
           integrality=np.ones(4), bounds=Bounds(0, np.inf))

answer = {"min_daily_cost": float(res.fun), "nurses_on_roster": float(np.round(res.x).sum())}
