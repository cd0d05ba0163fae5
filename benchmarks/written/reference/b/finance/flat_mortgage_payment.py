price = 185000  # purchase price of the flat [GBP]
deposit_share = 0.10  # deposit as a share of the price [1]
annual_rate = 0.0435  # annual interest rate [1/year]
years = 25  # mortgage term [year]
years_alt = 30  # alternative mortgage term [year]
payments_per_year = 12  # monthly payments [1/year]

loan = price * (1 - deposit_share)
r = annual_rate / payments_per_year


def payment(n_years):
    n = n_years * payments_per_year
    return loan * r / (1 - (1 + r) ** -n)


answer = {
    "monthly_payment_25y": payment(years),
    "monthly_payment_30y": payment(years_alt),
}
