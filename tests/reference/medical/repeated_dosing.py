import math

import sympy as sp

dose = 250  # intravenous bolus given each time [mg]
interval = 8  # time between doses [h]
half_life = 6  # elimination half-life [h]
volume = 35  # volume of distribution [L]
doses = 5  # dose after which the peak is asked [count]

k = math.log(2) / half_life  # elimination rate constant [1/h]
r = sp.exp(-k * interval)  # fraction left at the end of one interval
j = sp.symbols("j", integer=True, nonnegative=True)

# peak right after dose n: the new dose plus what is left of every earlier one
peak_n = sp.summation(dose / volume * r**j, (j, 0, doses - 1))
peak_steady = dose / volume / (1 - r)  # the infinite geometric series

answer = {"peak_after_dose_5": float(peak_n), "steady_state_peak": float(peak_steady)}
