import numpy as np

surface_temp = 28.0  # air temperature at the town [degC]
town_elev = 350.0  # elevation of the town [m]
cloud_base = 1850.0  # elevation where the air saturates [m]
summit = 3200.0  # elevation of the summit [m]
dry_rate = 9.8  # dry adiabatic lapse rate [degC/km]
moist_rate = 6.0  # moist adiabatic lapse rate [degC/km]

temp_base = surface_temp - dry_rate * (cloud_base - town_elev) / 1000
temp_summit = temp_base - moist_rate * (summit - cloud_base) / 1000
answer = {"cloud_base_temp_C": temp_base, "summit_temp_C": temp_summit}
print(answer)
