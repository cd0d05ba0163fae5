import sympy as sp

fill_time = 3  # time the inlet pipe needs to fill the pool alone [h]
drain_time = 5  # time the drain needs to empty a full pool [h]

t = sp.symbols("t", positive=True)
net = sp.Eq(t / fill_time - t / drain_time, 1)

answer = float(sp.solve(net, t)[0])
