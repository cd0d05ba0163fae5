import sympy as sp

base_fare = 3.5  # fixed charge at the start of the ride [USD]
per_km = 2.25  # charge per kilometre driven [USD/km]
total_fare = 30.5  # amount shown on the meter [USD]

d = sp.symbols("d", positive=True)  # distance driven [km]
fare = sp.Eq(base_fare + per_km * d, total_fare)

answer = float(sp.solve(fare, d)[0])
