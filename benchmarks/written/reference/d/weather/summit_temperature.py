import sympy as sp

z_trailhead = 1250  # trailhead elevation [m]
T_trailhead = 18  # air temperature at the trailhead [degC]
z_cloud = 2200  # cloud base elevation [m]
z_summit = 3100  # summit elevation [m]
dry_rate = 9.8  # dry adiabatic lapse rate [degC/km]
moist_rate = 6.0  # moist lapse rate inside the cloud [degC/km]
m_per_km = 1000  # metres per kilometre [m/km]

T_cloud = T_trailhead - dry_rate * (z_cloud - z_trailhead) / m_per_km
T_summit = T_cloud - moist_rate * (z_summit - z_cloud) / m_per_km
answer = float(T_summit)
