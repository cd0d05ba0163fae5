import numpy as np

car_price = 18750  # price of the car [GBP]
deposit = 3000  # deposit paid up front [GBP]
apr = 0.069  # annual interest rate, compounded monthly [1/year]
months = 48  # number of monthly payments [month]

principal = car_price - deposit
r = apr / 12
payment = principal * r / (1 - (1 + r) ** (-months))
first_interest = principal * r
answer = {"monthly_payment": payment, "first_month_interest": first_interest}
print(answer)
