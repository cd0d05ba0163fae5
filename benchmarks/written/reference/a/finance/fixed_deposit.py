import numpy as np

principal = 250000  # amount deposited [INR]
rate = 0.0725  # annual interest rate, compounded quarterly [1/year]
periods_per_year = 4  # compounding periods per year [1/year]
years = 5  # term of the deposit [year]

maturity = principal * (1 + rate / periods_per_year) ** (periods_per_year * years)
answer = {"maturity_value": maturity, "interest_earned": maturity - principal}
print(answer)
