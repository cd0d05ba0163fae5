import numpy as np

deposit = 250  # deposit at the end of each month [USD]
apr = 0.054  # annual rate, compounded monthly [1/year]
years = 30  # years of saving [year]

r = apr / 12
n = 12 * years
answer = deposit * ((1 + r) ** n - 1) / r
print(answer)
