from scipy.optimize import linprog

profit_bookcase = 90  # profit per bookcase [USD]
profit_desk = 75  # profit per desk [USD]
carp_bookcase = 3  # carpentry hours per bookcase [h]
carp_desk = 2  # carpentry hours per desk [h]
fin_bookcase = 1  # finishing hours per bookcase [h]
fin_desk = 2  # finishing hours per desk [h]
carp_hours = 120  # carpentry hours per week [h]
fin_hours = 80  # finishing hours per week [h]
max_bookcases = 30  # retailer limit on bookcases [units]

res = linprog(
    c=[-profit_bookcase, -profit_desk],
    A_ub=[[carp_bookcase, carp_desk], [fin_bookcase, fin_desk]],
    b_ub=[carp_hours, fin_hours],
    bounds=[(0, max_bookcases), (0, None)],
    method="highs",
)

answer = {"bookcases": float(res.x[0]), "desks": float(res.x[1]), "max_weekly_profit": float(-res.fun)}
