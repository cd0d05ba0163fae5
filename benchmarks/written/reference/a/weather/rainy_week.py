import numpy as np
from scipy.stats import binom

p_rain = 0.30  # chance of rain on any one day [1]
days = 7  # days in the trip [day]
min_rainy = 2  # "at least" this many rainy days [day]
exact_rainy = 3  # "exactly" this many rainy days [day]

p_at_least = 1 - binom.cdf(min_rainy - 1, days, p_rain)
p_exactly = binom.pmf(exact_rainy, days, p_rain)
answer = {"at_least_2_days_pct": 100 * p_at_least, "exactly_3_days_pct": 100 * p_exactly}
print(answer)
