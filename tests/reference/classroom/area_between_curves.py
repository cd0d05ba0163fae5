import sympy as sp

slope = 2  # slope of the line y = slope*x + intercept [1]
intercept = 3  # intercept of the line [1]

x = sp.symbols("x", real=True)
line = slope * x + intercept
parabola = x**2
left, right = sorted(sp.solve(sp.Eq(parabola, line), x))
area = sp.integrate(line - parabola, (x, left, right))

answer = float(area)
