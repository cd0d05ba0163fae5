import numpy as np
from scipy.optimize import linprog

land = 120  # acres available [acre]
labor = 360  # labor hours available for the season [h]
water = 1500  # irrigation water allotment [acre-inch]
barley_min = 20  # barley acres promised to the maltster [acre]
profit_wheat = 180  # profit per acre of wheat [USD/acre]
profit_barley = 140  # profit per acre of barley [USD/acre]
profit_canola = 230  # profit per acre of canola [USD/acre]
labor_wheat = 3  # labor per acre of wheat [h/acre]
labor_barley = 2  # labor per acre of barley [h/acre]
labor_canola = 4  # labor per acre of canola [h/acre]
water_wheat = 14  # water per acre of wheat [acre-inch/acre]
water_barley = 10  # water per acre of barley [acre-inch/acre]
water_canola = 18  # water per acre of canola [acre-inch/acre]

c = [-profit_wheat, -profit_barley, -profit_canola]
A_ub = [
    [1, 1, 1],
    [labor_wheat, labor_barley, labor_canola],
    [water_wheat, water_barley, water_canola],
]
b_ub = [land, labor, water]
bounds = [(0, None), (barley_min, None), (0, None)]
res = linprog(c, A_ub=A_ub, b_ub=b_ub, bounds=bounds)
answer = float(-res.fun)
