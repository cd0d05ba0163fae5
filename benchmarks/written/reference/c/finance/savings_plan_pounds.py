start = 5000  # opening balance [GBP]
deposit = 250  # deposit at the end of each month [GBP]
rate = 0.036  # nominal annual rate, compounded monthly [1/year]
years = 10  # saving period [year]

i = rate / 12
n = years * 12
answer = start * (1 + i) ** n + deposit * ((1 + i) ** n - 1) / i
