import numpy as np
from scipy.optimize import milp, LinearConstraint, Bounds

profit_pale = 820  # profit per batch of pale ale [USD]
profit_stout = 950  # profit per batch of stout [USD]
profit_lager = 700  # profit per batch of lager [USD]
malt_pale = 180  # malt per batch of pale ale [kg]
malt_stout = 240  # malt per batch of stout [kg]
malt_lager = 150  # malt per batch of lager [kg]
malt_avail = 1800  # malt in the store room this month [kg]
hops_pale = 6  # hops per batch of pale ale [kg]
hops_stout = 3  # hops per batch of stout [kg]
hops_lager = 4  # hops per batch of lager [kg]
hops_avail = 45  # hops on hand [kg]
tank_pale = 14  # fermenter days per batch of pale ale [day]
tank_stout = 18  # fermenter days per batch of stout [day]
tank_lager = 28  # fermenter days per batch of lager [day]
tank_avail = 150  # fermenter days available this month [day]

profit = np.array([profit_pale, profit_stout, profit_lager])
A = np.array([
    [malt_pale, malt_stout, malt_lager],
    [hops_pale, hops_stout, hops_lager],
    [tank_pale, tank_stout, tank_lager],
])
ub = np.array([malt_avail, hops_avail, tank_avail])
res = milp(-profit, constraints=LinearConstraint(A, -np.inf, ub),
           integrality=np.ones(3), bounds=Bounds(0, np.inf))
answer = {"max_profit": float(-res.fun), "stout_batches": float(res.x[1])}
