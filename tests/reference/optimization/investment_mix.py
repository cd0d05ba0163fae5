from scipy.optimize import linprog

total = 500000  # money to invest [USD]
return_bonds = 0.042  # expected annual return of the bond fund [1/year]
return_stocks = 0.081  # expected annual return of the stock fund [1/year]
return_property = 0.065  # expected annual return of the property fund [1/year]
max_stocks_share = 0.4  # stocks may be at most this share of the total [1]
max_property = 150000  # most that may go into the property fund [USD]
min_bonds_vs_stocks = 0.5  # bonds must be at least this multiple of the stock amount [1]

# variables: dollars in bonds, stocks, property; maximise the expected return
c = [-return_bonds, -return_stocks, -return_property]
A_ub = [
    [0, 1, 0],  # stocks <= 40% of total
    [0, 0, 1],  # property <= 150,000
    [-1, min_bonds_vs_stocks, 0],  # bonds >= 0.5 * stocks
]
b_ub = [max_stocks_share * total, max_property, 0]
A_eq = [[1, 1, 1]]  # everything is invested
b_eq = [total]
res = linprog(c, A_ub=A_ub, b_ub=b_ub, A_eq=A_eq, b_eq=b_eq, bounds=[(0, None)] * 3, method="highs")

answer = {"bonds": res.x[0], "stocks": res.x[1], "property": res.x[2], "expected_return": -res.fun}
