import numpy as np

initial_cost = 120000  # purchase price paid now [EUR]
cf_year1 = 35000  # net cash flow end of year 1 [EUR]
cf_year2 = 42000  # net cash flow end of year 2 [EUR]
cf_year3 = 42000  # net cash flow end of year 3 [EUR]
cf_year4 = 42000  # net cash flow end of year 4 [EUR]
cf_year5 = 18000  # net cash flow end of year 5 [EUR]
salvage = 10000  # resale value at end of year 5 [EUR]
discount_rate = 0.085  # annual discount rate [1/year]

flows = np.array([-initial_cost, cf_year1, cf_year2, cf_year3, cf_year4, cf_year5 + salvage])
years = np.arange(len(flows))
npv = float(np.sum(flows / (1 + discount_rate) ** years))

answer = npv
