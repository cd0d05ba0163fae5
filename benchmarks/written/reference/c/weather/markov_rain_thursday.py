import numpy as np

p_rr = 0.60  # chance of rain tomorrow given rain today [1]
p_dr = 0.25  # chance of rain tomorrow given a dry day today [1]
steps = 3  # days from Monday to Thursday [day]

P = np.array([[p_rr, 1 - p_rr], [p_dr, 1 - p_dr]])  # states: rain, dry
start = np.array([1.0, 0.0])  # raining on Monday
dist = start @ np.linalg.matrix_power(P, steps)
p_all_dry = (1 - p_rr) * (1 - p_dr) ** (steps - 1)
answer = {"rain_thursday": float(dist[0]), "dry_tue_to_thu": float(p_all_dry)}
