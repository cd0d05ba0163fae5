import sympy as sp

quad_coeff = 0.02  # coefficient of q^2 in the daily cost [USD/mug^2]
unit_cost = 15  # cost per mug in the linear term [USD/mug]
fixed_cost = 4000  # daily fixed cost [USD]
quantity = 500  # mugs made per day [count]

q = sp.symbols("q", positive=True)
cost = quad_coeff * q**2 + unit_cost * q + fixed_cost
marginal = sp.diff(cost, q)

answer = {"marginal_cost": float(marginal.subs(q, quantity)),
          "average_cost": float((cost / q).subs(q, quantity))}
