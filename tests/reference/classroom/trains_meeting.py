import sympy as sp

distance = 450  # distance between the two towns [km]
speed_a = 80  # speed of the train from Aston [km/h]
speed_b = 100  # speed of the train from Brill [km/h]
delay = 0.5  # the Brill train leaves this much later [h]

t = sp.symbols("t", positive=True)  # hours after the Aston train leaves
meet = sp.Eq(speed_a * t + speed_b * (t - delay), distance)
t_meet = sp.solve(meet, t)[0]

answer = {"hours_after_first_departure": float(t_meet), "km_from_aston": float(speed_a * t_meet)}
