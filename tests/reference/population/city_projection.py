import sympy as sp

population_2020 = 1200000  # city population at the start of 2020 [count]
birth_rate = 0.014  # births per resident per year [1/year]
death_rate = 0.009  # deaths per resident per year [1/year]
net_migration = 8000  # people moving in minus moving out each year [count/year]
years = 15  # 2020 to 2035 [year]

n = sp.symbols("n", integer=True, nonnegative=True)
P = sp.Function("P")
# year by year: P(n+1) = P(n) (1 + births - deaths) + migration
recurrence = sp.Eq(P(n + 1), P(n) * (1 + birth_rate - death_rate) + net_migration)
closed = sp.rsolve(recurrence, P(n), {P(0): population_2020})

answer = float(closed.subs(n, years))
