import sympy as sp

capacitance = 470e-6  # flash capacitor [F]
resistance = 2200  # charging resistor [ohm]
supply_voltage = 9  # battery voltage [V]
t_check = 1.0  # time after the switch closes [s]
ready_voltage = 8  # voltage at which the flash is ready [V]

t, R, C, Vs, Vr = sp.symbols("t R C V_s V_r", positive=True)
V = sp.Function("V")
# the current through the resistor charges the capacitor: R C dV/dt = Vs - V
ode = sp.Eq(R * C * V(t).diff(t), Vs - V(t))
volt = sp.dsolve(ode, V(t), ics={V(0): 0}).rhs  # Vs (1 - exp(-t/(R C)))
t_ready = sp.solve(sp.Eq(volt, Vr), t)[0]

values = {R: resistance, C: capacitance, Vs: supply_voltage, Vr: ready_voltage}
answer = {"voltage_after_1s": float(volt.subs(values).subs(t, t_check)),
          "time_to_ready": float(t_ready.subs(values))}
