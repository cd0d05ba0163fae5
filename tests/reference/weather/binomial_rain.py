from scipy.stats import binom

days = 7  # length of the camping trip [day]
p_rain = 0.3  # chance of rain on any one day [1]
at_least = 2  # number of rainy days asked about [count]

# P(X >= 2) = 1 - P(X <= 1)
probability = 1 - binom.cdf(at_least - 1, days, p_rain)

answer = float(probability)
