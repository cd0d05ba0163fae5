import sympy as sp

base_price = 20  # current ticket price [USD]
base_sales = 300  # tickets sold per show at the current price [count]
lost_per_dollar = 10  # tickets lost for each 1 USD increase [count/USD]

p = sp.symbols("p", positive=True)  # new ticket price [USD]
sales = base_sales - lost_per_dollar * (p - base_price)
revenue = p * sales

best_price = sp.solve(sp.diff(revenue, p), p)[0]

answer = {"best_price": float(best_price), "max_revenue": float(revenue.subs(p, best_price))}
