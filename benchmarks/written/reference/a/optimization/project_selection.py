import numpy as np
from scipy.optimize import milp, LinearConstraint, Bounds

budget = 50  # capital available [lakh INR]
cost_solar = 12  # cost of rooftop solar [lakh INR]
cost_cold = 18  # cost of cold-storage unit [lakh INR]
cost_fleet = 25  # cost of delivery-van fleet [lakh INR]
cost_erp = 10  # cost of ERP software [lakh INR]
cost_pack = 15  # cost of packaging line [lakh INR]
gain_solar = 20  # expected NPV of solar [lakh INR]
gain_cold = 27  # expected NPV of cold storage [lakh INR]
gain_fleet = 38  # expected NPV of the fleet [lakh INR]
gain_erp = 14  # expected NPV of ERP [lakh INR]
gain_pack = 22  # expected NPV of the packaging line [lakh INR]
lakh = 100000  # rupees in one lakh [INR]

cost = np.array([cost_solar, cost_cold, cost_fleet, cost_erp, cost_pack])
gain = np.array([gain_solar, gain_cold, gain_fleet, gain_erp, gain_pack])
res = milp(-gain, constraints=LinearConstraint(cost[None, :], 0, budget),
           integrality=np.ones(5), bounds=Bounds(0, 1))
answer = {"max_total_npv_inr": -res.fun * lakh, "projects_chosen": res.x.sum()}
print(answer, res.x)
