import sympy as sp

q1 = 82  # first quiz score [points]
q2 = 90  # second quiz score [points]
q3 = 77  # third quiz score [points]
q4 = 88  # fourth quiz score [points]
target = 85  # average she wants over five quizzes [points]
n = 5  # number of quizzes [1]

x = sp.symbols("x")
answer = float(sp.solve(sp.Eq((q1 + q2 + q3 + q4 + x) / n, target), x)[0])
