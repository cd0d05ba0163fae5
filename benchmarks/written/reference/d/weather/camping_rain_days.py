import sympy as sp
from sympy.stats import Binomial, P

days = 7  # days of the camping trip [day]
p_rain = 0.30  # chance of rain on any one day [1]
k_min = 2  # rainy days asked about [day]

X = Binomial("X", days, sp.nsimplify(p_rain))
answer = float(P(X >= k_min)) * 100
