import numpy as np
from scipy.optimize import milp, LinearConstraint, Bounds

profit_table = 90  # profit per table [USD]
profit_shelf = 75  # profit per bookshelf [USD]
carp_table = 3  # carpentry hours per table [h]
carp_shelf = 2  # carpentry hours per bookshelf [h]
fin_table = 1  # finishing hours per table [h]
fin_shelf = 2  # finishing hours per bookshelf [h]
carp_hours = 120  # carpentry hours available per week [h]
fin_hours = 80  # finishing hours available per week [h]
max_tables = 30  # most tables that can be sold per week [1]

c = -np.array([profit_table, profit_shelf])
A = np.array([[carp_table, carp_shelf], [fin_table, fin_shelf]])
cons = LinearConstraint(A, -np.inf, [carp_hours, fin_hours])
res = milp(c, constraints=cons, integrality=np.ones(2), bounds=Bounds([0, 0], [max_tables, np.inf]))
tables, shelves = res.x
answer = {"tables": tables, "bookshelves": shelves, "profit": -res.fun}
print(answer)
