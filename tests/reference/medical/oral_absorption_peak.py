import math

import sympy as sp

dose = 400  # oral tablet dose [mg]
bioavailability = 0.85  # fraction of the dose that reaches the blood [1]
volume = 50  # volume of distribution [L]
ka = 1.2  # first-order absorption rate constant [1/h]
half_life = 3.5  # elimination half-life [h]

ke = math.log(2) / half_life  # elimination rate constant [1/h]
t = sp.symbols("t", positive=True)
# one-compartment model with first-order absorption (Bateman function)
conc = bioavailability * dose * ka / (volume * (ka - ke)) * (sp.exp(-ke * t) - sp.exp(-ka * t))

t_max = sp.nsolve(sp.diff(conc, t), t, 1.0)
c_max = conc.subs(t, t_max)

answer = {"time_to_peak": float(t_max), "peak_concentration": float(c_max)}
