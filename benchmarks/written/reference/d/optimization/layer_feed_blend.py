import numpy as np
from scipy.optimize import linprog

cost_corn = 210  # price of corn [USD/ton]
cost_soy = 480  # price of soybean meal [USD/ton]
cost_oats = 260  # price of oats [USD/ton]
protein_corn = 0.09  # protein content of corn [1]
protein_soy = 0.44  # protein content of soybean meal [1]
protein_oats = 0.11  # protein content of oats [1]
fat_corn = 0.04  # fat content of corn [1]
fat_soy = 0.015  # fat content of soybean meal [1]
fat_oats = 0.05  # fat content of oats [1]
fiber_corn = 0.02  # fiber content of corn [1]
fiber_soy = 0.07  # fiber content of soybean meal [1]
fiber_oats = 0.11  # fiber content of oats [1]
protein_min = 0.16  # minimum protein in the mix [1]
fat_min = 0.035  # minimum fat in the mix [1]
fiber_max = 0.06  # maximum fiber in the mix [1]
batch = 1  # size of the mix [ton]

c = [cost_corn, cost_soy, cost_oats]
A_ub = [
    [-protein_corn, -protein_soy, -protein_oats],
    [-fat_corn, -fat_soy, -fat_oats],
    [fiber_corn, fiber_soy, fiber_oats],
]
b_ub = [-protein_min * batch, -fat_min * batch, fiber_max * batch]
res = linprog(c, A_ub=A_ub, b_ub=b_ub, A_eq=[[1, 1, 1]], b_eq=[batch], bounds=[(0, None)] * 3)
answer = float(res.fun)
