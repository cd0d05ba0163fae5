import sympy as sp

T_F = 86  # air temperature [degF]
RH = 0.62  # relative humidity [1]
a = 17.62  # Magnus coefficient a [1]
b = 243.12  # Magnus coefficient b [degC]
wind = 7  # wind speed (not needed) [mi/h]

T_C = (T_F - 32) * sp.Rational(5, 9)
gamma = sp.log(RH) + a * T_C / (b + T_C)
Td_C = b * gamma / (a - gamma)
answer = float(Td_C * sp.Rational(9, 5) + 32)
