import sympy as sp

ratio_now = 3  # mother is this many times as old as her son now [1]
years_ahead = 12  # years into the future [year]
ratio_later = 2  # ratio of their ages then [1]

m, s = sp.symbols("m s", positive=True)
eqs = [sp.Eq(m, ratio_now * s), sp.Eq(m + years_ahead, ratio_later * (s + years_ahead))]
sol = sp.solve(eqs, [m, s], dict=True)[0]
answer = {"maria_age": sol[m], "son_age": sol[s]}
print(answer)
