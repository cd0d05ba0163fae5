import sympy as sp

oven_cost = 42000  # purchase and installation cost paid today [USD]
annual_cash_flow = 11500  # extra net cash flow at the end of each year [USD]
years = 5  # useful life of the oven [year]
salvage_value = 6000  # resale value at the end of the last year [USD]
discount_rate = 0.08  # required rate of return [1/year]

k = sp.symbols("k", integer=True, positive=True)
pv_cash_flows = sp.summation(annual_cash_flow / (1 + sp.Float(discount_rate)) ** k, (k, 1, years))
pv_salvage = salvage_value / (1 + discount_rate) ** years
npv = pv_cash_flows + pv_salvage - oven_cost

answer = float(npv)
