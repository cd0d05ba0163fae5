import sympy as sp

total = 20000  # money invested in the three accounts [USD]
rate_savings = 0.02  # interest rate of the savings account [1/year]
rate_cd = 0.035  # interest rate of the certificate of deposit [1/year]
rate_bond = 0.05  # interest rate of the bond [1/year]
total_interest = 760  # interest earned in one year [USD]
bond_multiple = 2  # bond amount is this multiple of the savings amount [1]

x, y, z = sp.symbols("x y z")  # savings, CD, bond
eqs = [
    sp.Eq(x + y + z, total),
    sp.Eq(rate_savings * x + rate_cd * y + rate_bond * z, total_interest),
    sp.Eq(z, bond_multiple * x),
]
sol = sp.solve(eqs, [x, y, z])

answer = {"savings": float(sol[x]), "cd": float(sol[y]), "bond": float(sol[z])}
