import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

budget = 1000000  # capital available this year [EUR]
cost_solar = 400000  # cost of the rooftop solar project [EUR]
cost_software = 250000  # cost of the new scheduling software [EUR]
cost_truck = 180000  # cost of an electric delivery truck [EUR]
cost_warehouse = 520000  # cost of the warehouse extension [EUR]
cost_training = 90000  # cost of the staff training programme [EUR]
npv_solar = 310000  # net present value of the solar project [EUR]
npv_software = 190000  # net present value of the software [EUR]
npv_truck = 95000  # net present value of the truck [EUR]
npv_warehouse = 400000  # net present value of the warehouse extension [EUR]
npv_training = 70000  # net present value of the training programme [EUR]

# binary variables: [solar, software, truck, warehouse, training]
npv = np.array([npv_solar, npv_software, npv_truck, npv_warehouse, npv_training])
cost = np.array([cost_solar, cost_software, cost_truck, cost_warehouse, cost_training])
constraints = [
    LinearConstraint([cost], ub=budget),
    LinearConstraint([[0, 1, 0, 0, -1]], ub=0),  # the software needs the training programme
]
res = milp(-npv, constraints=constraints, bounds=Bounds(0, 1), integrality=np.ones(5))

answer = -res.fun  # the largest total NPV
