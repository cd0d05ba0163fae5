from scipy.stats import binom

p_rain = 0.35  # chance of rain on any one day [1]
days = 6  # length of the trip [day]

p_at_least_two = 1 - binom.cdf(1, days, p_rain)
p_none = binom.pmf(0, days, p_rain)

answer = {"p_at_least_two_rainy_days": float(p_at_least_two), "p_no_rain": float(p_none)}
