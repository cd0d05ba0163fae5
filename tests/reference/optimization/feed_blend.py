from scipy.optimize import linprog

batch = 1000  # size of the feed batch [kg]
price_corn = 0.28  # price of ground corn [USD/kg]
price_soy = 0.55  # price of soybean meal [USD/kg]
price_oats = 0.25  # price of oats [USD/kg]
protein_corn = 0.09  # protein content of corn [1]
protein_soy = 0.44  # protein content of soybean meal [1]
protein_oats = 0.12  # protein content of oats [1]
fiber_corn = 0.02  # fibre content of corn [1]
fiber_soy = 0.07  # fibre content of soybean meal [1]
fiber_oats = 0.11  # fibre content of oats [1]
min_protein = 0.18  # required protein share of the mix, at least [1]
max_fiber = 0.05  # allowed fibre share of the mix, at most [1]

# variables: kg of corn, soybean meal, oats in the batch
cost = [price_corn, price_soy, price_oats]
A_ub = [
    [-protein_corn, -protein_soy, -protein_oats],  # protein >= min_protein * batch
    [fiber_corn, fiber_soy, fiber_oats],  # fibre <= max_fiber * batch
]
b_ub = [-min_protein * batch, max_fiber * batch]
A_eq = [[1, 1, 1]]
b_eq = [batch]
bounds = [(0, None)] * 3
res = linprog(cost, A_ub=A_ub, b_ub=b_ub, A_eq=A_eq, b_eq=b_eq, bounds=bounds, method="highs")

answer = {"corn": res.x[0], "soybean_meal": res.x[1], "oats": res.x[2], "cost": res.fun}
