import sympy as sp

time_alice = 6  # time Alice needs alone [h]
time_bob = 4  # time Bob needs alone [h]

t = sp.symbols("t", positive=True)  # time working together [h]
together = sp.Eq(t / time_alice + t / time_bob, 1)  # one whole room

answer = float(sp.solve(together, t)[0])
