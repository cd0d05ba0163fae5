import sympy as sp

cost = 38500  # purchase price of the van [EUR]
life = 8  # useful life [year]
salvage = 6000  # expected resale value at the end of its life [EUR]
age = 4  # years of use so far [year]
ddb_factor = 2  # double-declining multiplier [1]

rate = sp.Rational(ddb_factor, life)
book_ddb = cost * (1 - rate) ** age
book_sl = cost - age * sp.Rational(cost - salvage, life)
answer = {"straight_line": float(book_sl), "double_declining": float(book_ddb)}
