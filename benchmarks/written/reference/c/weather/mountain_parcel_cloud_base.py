import sympy as sp

z0 = 250  # elevation of the valley station [m]
T0 = 24.0  # air temperature at the station [degC]
Td0 = 13.0  # dew point at the station [degC]
dry_rate = 9.8  # dry adiabatic lapse rate [degC/km]
dew_rate = 1.8  # decrease of the dew point with height [degC/km]
moist_rate = 6.0  # moist adiabatic lapse rate above cloud base [degC/km]
z_summit = 3100  # summit elevation [m]

h = sp.symbols("h", positive=True)  # height above station [km]
h_base = sp.solve(sp.Eq(T0 - dry_rate * h, Td0 - dew_rate * h), h)[0]
T_base = T0 - dry_rate * h_base
z_base = z0 + 1000 * h_base
T_summit = T_base - moist_rate * (z_summit - z_base) / 1000
answer = {"cloud_base": float(z_base), "summit_temperature": float(T_summit)}
