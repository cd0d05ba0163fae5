import numpy as np
from scipy.optimize import milp, LinearConstraint, Bounds

budget = 1200000  # capital budget [GBP]
cost_library = 450000  # library refurbishment cost [GBP]
cost_playground = 280000  # playground cost [GBP]
cost_cycle = 390000  # cycle lane network cost [GBP]
cost_bikeshare = 150000  # bike-share docks cost [GBP]
cost_roof = 310000  # community centre roof cost [GBP]
score_library = 58  # library benefit score [points]
score_playground = 35  # playground benefit score [points]
score_cycle = 49  # cycle lanes benefit score [points]
score_bikeshare = 22  # bike-share benefit score [points]
score_roof = 40  # roof benefit score [points]

costs = np.array([cost_library, cost_playground, cost_cycle, cost_bikeshare, cost_roof])
scores = np.array([score_library, score_playground, score_cycle, score_bikeshare, score_roof])
constraints = [
    LinearConstraint(costs, ub=budget),
    LinearConstraint([0, 0, -1, 1, 0], ub=0),  # bike-share only with cycle lanes
    LinearConstraint([1, 0, 0, 0, 1], ub=1),  # not both library and roof
]
res = milp(c=-scores, constraints=constraints, integrality=np.ones(5), bounds=Bounds(0, 1))
chosen = np.round(res.x)

answer = {"max_benefit_points": float(scores @ chosen), "budget_left_unspent": float(budget - costs @ chosen)}
