import numpy as np
from scipy.optimize import linprog

profit_table = 120  # profit per dining table [USD]
profit_chair = 45  # profit per chair [USD]
profit_bookcase = 95  # profit per bookcase [USD]
carpentry_table = 6  # carpentry time per table [h]
carpentry_chair = 2  # carpentry time per chair [h]
carpentry_bookcase = 5  # carpentry time per bookcase [h]
finishing_table = 2  # finishing time per table [h]
finishing_chair = 1  # finishing time per chair [h]
finishing_bookcase = 3  # finishing time per bookcase [h]
carpentry_hours = 300  # carpentry hours available per week [h]
finishing_hours = 130  # finishing hours available per week [h]
chairs_per_table = 4  # chairs sold with each table, at least [1]

# variables x = [tables, chairs, bookcases]; linprog minimises, so negate the profit
c = -np.array([profit_table, profit_chair, profit_bookcase])
A_ub = [
    [carpentry_table, carpentry_chair, carpentry_bookcase],
    [finishing_table, finishing_chair, finishing_bookcase],
    [chairs_per_table, -1, 0],  # chairs >= 4 * tables
]
b_ub = [carpentry_hours, finishing_hours, 0]
res = linprog(c, A_ub=A_ub, b_ub=b_ub, bounds=[(0, None)] * 3, method="highs")

answer = {"tables": res.x[0], "chairs": res.x[1], "bookcases": res.x[2], "profit": -res.fun}
