import math

import sympy as sp

year_1 = 1980  # first measurement year [year]
co2_1 = 338.8  # annual mean CO2 concentration in the first year [ppm]
year_2 = 2019  # second measurement year [year]
co2_2 = 411.7  # annual mean CO2 concentration in the second year [ppm]
threshold = 450  # concentration asked about [ppm]

s, k = sp.symbols("s k", positive=True)  # s: years after the first measurement
# exponential growth C = C1 * exp(k s), written on a log scale: ln C = ln C1 + k s
log_model = math.log(co2_1) + k * s
k_value = sp.solve(sp.Eq(log_model.subs(s, year_2 - year_1), math.log(co2_2)), k)[0]
s_threshold = sp.solve(sp.Eq(log_model.subs(k, k_value), math.log(threshold)), s)[0]

# growth per year as a percentage: exp(k) - 1
answer = {"growth_rate_percent": float(100 * (sp.exp(k_value) - 1)),
          "year_450": float(year_1 + s_threshold)}
