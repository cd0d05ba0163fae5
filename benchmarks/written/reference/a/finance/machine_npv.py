import numpy as np

investment = 120000  # cost of the press today [EUR]
cf1 = 30000  # net cash flow year 1 [EUR]
cf2 = 35000  # net cash flow year 2 [EUR]
cf3 = 40000  # net cash flow year 3 [EUR]
cf4 = 40000  # net cash flow year 4 [EUR]
cf5 = 25000  # net cash flow year 5, including resale [EUR]
discount_rate = 0.08  # discount rate [1/year]

flows = np.array([cf1, cf2, cf3, cf4, cf5])
years = np.arange(1, 6)
answer = -investment + np.sum(flows / (1 + discount_rate) ** years)
print(answer)
