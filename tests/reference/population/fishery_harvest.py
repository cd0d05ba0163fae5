import sympy as sp

growth_rate = 0.4  # intrinsic growth rate of the stock [1/year]
carrying_capacity = 80000  # unfished equilibrium biomass [t]
harvest = 6000  # constant annual catch [t/year]

N = sp.symbols("N", positive=True)
growth = growth_rate * N * (1 - N / carrying_capacity)  # logistic surplus production

# maximum sustainable yield: the largest surplus, at dG/dN = 0
n_msy = sp.solve(sp.diff(growth, N), N)[0]
msy = growth.subs(N, n_msy)

# equilibria with harvesting: growth = harvest; the larger root is the stable one
equilibria = sp.solve(sp.Eq(growth, harvest), N)
stable = max(equilibria)

answer = {"maximum_sustainable_yield": float(msy), "stable_stock": float(stable)}
