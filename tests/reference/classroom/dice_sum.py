import itertools
from fractions import Fraction

sides = 6  # faces on each die [count]
threshold = 10  # the sum must be at least this [count]

outcomes = list(itertools.product(range(1, sides + 1), repeat=2))
favourable = sum(1 for a, b in outcomes if a + b >= threshold)
probability = Fraction(favourable, len(outcomes))

answer = float(probability)
