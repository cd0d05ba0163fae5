import numpy as np
from scipy.optimize import linprog

batch = 1000  # batch size [kg]
price_barley = 185  # barley price [GBP/tonne]
price_soy = 430  # soybean meal price [GBP/tonne]
price_hay = 115  # grass hay price [GBP/tonne]
prot_barley = 0.11  # crude protein in barley [1]
prot_soy = 0.46  # crude protein in soybean meal [1]
prot_hay = 0.08  # crude protein in hay [1]
fib_barley = 0.05  # fibre in barley [1]
fib_soy = 0.06  # fibre in soybean meal [1]
fib_hay = 0.30  # fibre in hay [1]
en_barley = 13.0  # energy in barley [MJ/kg]
en_soy = 13.5  # energy in soybean meal [MJ/kg]
en_hay = 8.5  # energy in hay [MJ/kg]
prot_min = 0.16  # minimum protein in the mix [1]
fib_min = 0.10  # minimum fibre in the mix [1]
fib_max = 0.18  # maximum fibre in the mix [1]
en_min = 11.0  # minimum energy of the mix [MJ/kg]

# variables: kg of barley, soybean meal, hay in the batch
cost = np.array([price_barley, price_soy, price_hay]) / 1000
prot = np.array([prot_barley, prot_soy, prot_hay])
fib = np.array([fib_barley, fib_soy, fib_hay])
en = np.array([en_barley, en_soy, en_hay])
A_ub = [-prot, fib, -fib, -en]
b_ub = [-prot_min * batch, fib_max * batch, -fib_min * batch, -en_min * batch]
res = linprog(cost, A_ub=A_ub, b_ub=b_ub, A_eq=[[1, 1, 1]], b_eq=[batch], bounds=[(0, None)] * 3)
answer = {"cost": float(res.fun), "soybean_meal": float(res.x[1])}
