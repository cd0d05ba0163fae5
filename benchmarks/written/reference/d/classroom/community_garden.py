import sympy as sp

area = 48  # area of the garden plot [m^2]
tomato_parts = 3  # tomatoes get one part in this many of the plot [1]
bean_parts = 4  # beans get one part in this many of the plot [1]
space_per_lettuce = 0.5  # space one lettuce plant needs [m^2]

rest = area * (1 - sp.Rational(1, tomato_parts) - sp.Rational(1, bean_parts))
carrots = rest / 2
lettuce_area = rest / 2
answer = {"carrot_area": float(carrots), "lettuce_plants": float(lettuce_area / space_per_lettuce)}
