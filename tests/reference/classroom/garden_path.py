import sympy as sp

garden_length = 12  # length of the garden [m]
garden_width = 8  # width of the garden [m]
total_area = 160  # area of the garden together with the path [m^2]

x = sp.symbols("x", positive=True)  # width of the path [m]
area = sp.Eq((garden_length + 2 * x) * (garden_width + 2 * x), total_area)

answer = float(sp.solve(area, x)[0])
