import sympy as sp

servings_recipe = 4  # people the recipe serves [people]
servings_wanted = 10  # people to feed [people]
flour = 1.5  # flour in the recipe [cup]
milk = 1.25  # milk in the recipe [cup]

factor = sp.Rational(servings_wanted, servings_recipe)
answer = {"flour": float(flour * factor), "milk": float(milk * factor)}
