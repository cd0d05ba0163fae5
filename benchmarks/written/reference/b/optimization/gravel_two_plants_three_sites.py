from scipy.optimize import linprog

supply_a = 300  # Plant A capacity [t]
supply_b = 250  # Plant B capacity [t]
demand_1 = 180  # Site 1 requirement [t]
demand_2 = 200  # Site 2 requirement [t]
demand_3 = 150  # Site 3 requirement [t]
cost_a1 = 8  # haulage A to Site 1 [EUR/t]
cost_a2 = 6  # haulage A to Site 2 [EUR/t]
cost_a3 = 10  # haulage A to Site 3 [EUR/t]
cost_b1 = 5  # haulage B to Site 1 [EUR/t]
cost_b2 = 7  # haulage B to Site 2 [EUR/t]

# variables: A1, A2, A3, B1, B2 (route B3 is closed)
res = linprog(
    c=[cost_a1, cost_a2, cost_a3, cost_b1, cost_b2],
    A_ub=[[1, 1, 1, 0, 0], [0, 0, 0, 1, 1]],
    b_ub=[supply_a, supply_b],
    A_eq=[[1, 0, 0, 1, 0], [0, 1, 0, 0, 1], [0, 0, 1, 0, 0]],
    b_eq=[demand_1, demand_2, demand_3],
    bounds=[(0, None)] * 5,
    method="highs",
)

answer = {"min_transport_cost": float(res.fun), "plant_b_to_site_2": float(res.x[4])}
