import math

import sympy as sp

dose = 500  # intravenous bolus dose [mg]
t1 = 2  # time of the first blood sample after the injection [h]
c1 = 18  # plasma concentration in the first sample [mg/L]
t2 = 8  # time of the second blood sample after the injection [h]
c2 = 6.5  # plasma concentration in the second sample [mg/L]

# one-compartment model, first-order elimination: C(t) = C0 * exp(-k t)
C0, k = sp.symbols("C0 k", positive=True)
eqs = [sp.Eq(C0 * sp.exp(-k * t1), c1), sp.Eq(C0 * sp.exp(-k * t2), c2)]
sol = sp.solve(eqs, [C0, k], dict=True)[0]

half_life = math.log(2) / float(sol[k])
volume = dose / float(sol[C0])  # V = dose / C0

answer = {"half_life": half_life, "volume_of_distribution": volume}
