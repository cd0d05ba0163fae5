import numpy as np

p_rain_after_rain = 0.55  # chance of rain tomorrow if it rains today [1]
p_rain_after_dry = 0.20  # chance of rain tomorrow if today is dry [1]
days_ahead = 3  # Monday to Thursday [day]

P = np.array([[1 - p_rain_after_dry, p_rain_after_dry],  # from dry
              [1 - p_rain_after_rain, p_rain_after_rain]])  # from rain
start = np.array([1.0, 0.0])  # Monday is dry
p_thursday = (start @ np.linalg.matrix_power(P, days_ahead))[1]
# stationary distribution: left eigenvector of P for eigenvalue 1
w, v = np.linalg.eig(P.T)
pi = np.real(v[:, np.argmin(np.abs(w - 1))])
pi = pi / pi.sum()

answer = {"p_rain_thursday": float(p_thursday), "long_run_rainy_fraction": float(pi[1])}
