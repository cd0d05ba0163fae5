recipe_servings = 4  # people the recipe is written for [count]
recipe_flour = 300  # flour in the recipe [g]
recipe_milk = 450  # milk in the recipe [mL]
guests = 10  # people to cook for [count]

factor = guests / recipe_servings

answer = {"flour": recipe_flour * factor, "milk": recipe_milk * factor}
