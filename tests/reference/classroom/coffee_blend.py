import sympy as sp

cheap_price = 12  # price of the Brazilian beans [USD/kg]
dear_price = 18  # price of the Ethiopian beans [USD/kg]
blend_price = 16.5  # selling price of the blend [USD/kg]
blend_mass = 40  # mass of blend to make [kg]

x, y = sp.symbols("x y", nonnegative=True)  # kg of cheap and dear beans
eqs = [sp.Eq(x + y, blend_mass), sp.Eq(cheap_price * x + dear_price * y, blend_price * blend_mass)]
sol = sp.solve(eqs, [x, y])

answer = {"brazilian": float(sol[x]), "ethiopian": float(sol[y])}
