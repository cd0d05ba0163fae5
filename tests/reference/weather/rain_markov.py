import numpy as np
import sympy as sp

p_rain_after_rain = 0.6  # chance of rain tomorrow given rain today [1]
p_rain_after_dry = 0.25  # chance of rain tomorrow given a dry day today [1]
days_ahead = 3  # Monday to Thursday [day]

# states: 0 = rain, 1 = dry; rows = today, columns = tomorrow
P = np.array([[p_rain_after_rain, 1 - p_rain_after_rain],
              [p_rain_after_dry, 1 - p_rain_after_dry]])
today = np.array([1.0, 0.0])  # it rains on Monday
later = today @ np.linalg.matrix_power(P, days_ahead)

# long-run share of rainy days: stationary distribution pi = pi P
r = sp.symbols("r")
stationary = sp.Eq(r, r * p_rain_after_rain + (1 - r) * p_rain_after_dry)
long_run = sp.solve(stationary, r)[0]

answer = {"rain_thursday": float(later[0]), "long_run_rainy_fraction": float(long_run)}
