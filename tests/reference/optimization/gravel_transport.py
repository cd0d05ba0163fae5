from scipy.optimize import linprog

supply_north = 95  # gravel quarry North can ship this week [t]
supply_south = 90  # gravel quarry South can ship this week [t]
demand_bridge = 100  # gravel needed at the bridge site [t]
demand_school = 80  # gravel needed at the school site [t]
cost_north_bridge = 4  # haulage North -> bridge [USD/t]
cost_north_school = 6  # haulage North -> school [USD/t]
cost_south_bridge = 5  # haulage South -> bridge [USD/t]
cost_south_school = 3  # haulage South -> school [USD/t]

# variables: tonnes on the routes [N->bridge, N->school, S->bridge, S->school]
cost = [cost_north_bridge, cost_north_school, cost_south_bridge, cost_south_school]
A_ub = [[1, 1, 0, 0], [0, 0, 1, 1]]  # a quarry cannot ship more than it has
b_ub = [supply_north, supply_south]
A_eq = [[1, 0, 1, 0], [0, 1, 0, 1]]  # each site gets exactly what it needs
b_eq = [demand_bridge, demand_school]
res = linprog(cost, A_ub=A_ub, b_ub=b_ub, A_eq=A_eq, b_eq=b_eq, bounds=[(0, None)] * 4,
              method="highs")

answer = res.fun  # lowest total haulage cost
