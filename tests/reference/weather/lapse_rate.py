import sympy as sp

trailhead_elevation = 1250  # elevation of the trailhead [m]
trailhead_temp = 18.5  # air temperature at the trailhead [degC]
summit_elevation = 3020  # elevation of the summit [m]
lapse_rate = 6.5  # temperature drop per 1000 m of climb [degC/km]

z = sp.symbols("z")  # elevation [m]
temperature = trailhead_temp - lapse_rate / 1000 * (z - trailhead_elevation)

summit_temp = temperature.subs(z, summit_elevation)
freezing_level = sp.solve(sp.Eq(temperature, 0), z)[0]

answer = {"summit_temperature": float(summit_temp), "freezing_level": float(freezing_level)}
