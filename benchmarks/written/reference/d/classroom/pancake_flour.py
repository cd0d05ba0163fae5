import sympy as sp

flour = 2.5  # cups of flour in the recipe [cup]
recipe_pancakes = 20  # pancakes the recipe makes [pancake]
wanted = 36  # pancakes wanted [pancake]
eggs = 2  # eggs in the recipe (not needed) [egg]

x = sp.symbols("x", positive=True)
answer = float(sp.solve(sp.Eq(x / wanted, sp.nsimplify(flour) / recipe_pancakes), x)[0])
