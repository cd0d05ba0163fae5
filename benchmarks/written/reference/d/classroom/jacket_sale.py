import sympy as sp

price = 84  # tag price of the jacket [USD]
discount = 0.25  # sale discount [1]
tax = 0.07  # sales tax [1]

answer = float(price * (1 - discount) * (1 + tax))
