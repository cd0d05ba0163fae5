monthly_deposit = 4500  # deposit at the end of each month [INR]
annual_rate = 0.12  # annual interest rate, compounded monthly [1/year]
years = 10  # saving period [year]
periods_per_year = 12  # deposits per year [1/year]

i = annual_rate / periods_per_year
n = years * periods_per_year
future_value = monthly_deposit * ((1 + i) ** n - 1) / i
total_deposited = monthly_deposit * n

answer = {"final_value": future_value, "interest_earned": future_value - total_deposited}
