import sympy as sp

score_1 = 78  # first test score [points]
score_2 = 85  # second test score [points]
score_3 = 92  # third test score [points]
score_4 = 69  # fourth test score [points]
score_5 = 88  # fifth test score [points]
target_average = 84  # average wanted over all six tests [points]

x = sp.symbols("x")  # score needed on the sixth test
mean = (score_1 + score_2 + score_3 + score_4 + score_5 + x) / 6

answer = float(sp.solve(sp.Eq(mean, target_average), x)[0])
