import numpy as np
from scipy.optimize import linprog

batch = 1000  # size of the batch [kg]
cost_corn = 0.28  # price of ground corn [USD/kg]
cost_soy = 0.62  # price of soybean meal [USD/kg]
cost_bran = 0.18  # price of wheat bran [USD/kg]
protein_corn = 0.09  # protein share of corn [1]
protein_soy = 0.46  # protein share of soybean meal [1]
protein_bran = 0.15  # protein share of wheat bran [1]
fibre_corn = 0.025  # fibre share of corn [1]
fibre_soy = 0.06  # fibre share of soybean meal [1]
fibre_bran = 0.11  # fibre share of wheat bran [1]
protein_min = 0.20  # minimum protein share of the mix [1]
fibre_max = 0.06  # maximum fibre share of the mix [1]

c = [cost_corn, cost_soy, cost_bran]
A_ub = [
    [-protein_corn, -protein_soy, -protein_bran],
    [fibre_corn, fibre_soy, fibre_bran],
]
b_ub = [-protein_min * batch, fibre_max * batch]
res = linprog(c, A_ub=A_ub, b_ub=b_ub, A_eq=[[1, 1, 1]], b_eq=[batch], bounds=[(0, None)] * 3,
              method="highs")
answer = {"min_cost": res.fun, "soybean_meal_kg": res.x[1]}
print(answer, res.x)
