import sympy as sp

emf = 24  # supply voltage [V]
L = 0.8  # coil inductance [H]
R_coil = 4  # resistance of the coil winding [ohm]
R_ext = 12  # series resistor [ohm]
t_query = 0.030  # time after closing the switch [s]

t = sp.symbols("t", nonnegative=True)
i = sp.Function("i")
R = R_ext + R_coil
ode = sp.Eq(L * i(t).diff(t) + R * i(t), emf)
sol = sp.dsolve(ode, i(t), ics={i(0): 0})
answer = float(sol.rhs.subs(t, t_query)) * 1000  # current in mA
