from scipy.optimize import linprog

cost_maize = 22  # price of maize [INR/kg]
cost_soy = 45  # price of soybean meal [INR/kg]
cost_bran = 18  # price of wheat bran [INR/kg]
prot_maize = 0.09  # protein fraction of maize [1]
prot_soy = 0.44  # protein fraction of soybean meal [1]
prot_bran = 0.15  # protein fraction of wheat bran [1]
fib_maize = 0.02  # fibre fraction of maize [1]
fib_soy = 0.06  # fibre fraction of soybean meal [1]
fib_bran = 0.11  # fibre fraction of wheat bran [1]
batch = 1000  # batch size [kg]
min_protein = 0.18  # minimum protein fraction of the mix [1]
max_fibre = 0.07  # maximum fibre fraction of the mix [1]

res = linprog(
    c=[cost_maize, cost_soy, cost_bran],
    A_ub=[[-prot_maize, -prot_soy, -prot_bran], [fib_maize, fib_soy, fib_bran]],
    b_ub=[-min_protein * batch, max_fibre * batch],
    A_eq=[[1, 1, 1]],
    b_eq=[batch],
    bounds=[(0, None)] * 3,
    method="highs",
)

answer = {"soybean_meal_kg": float(res.x[1]), "min_cost": float(res.fun)}
