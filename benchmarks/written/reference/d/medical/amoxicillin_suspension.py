import sympy as sp

weight_lb = 38  # child's weight [lb]
lb_per_kg = 2.2  # pounds per kilogram [lb/kg]
daily_dose = 45  # prescribed dose per day [mg/kg/day]
doses_per_day = 2  # doses a day (every 12 hours) [1/day]
strength_mg = 400  # drug in one measure of suspension [mg]
strength_ml = 5  # volume of that measure [mL]
age = 4  # child's age (not needed) [year]

weight_kg = weight_lb / lb_per_kg
mg_per_dose = daily_dose * weight_kg / doses_per_day
answer = float(mg_per_dose * strength_ml / strength_mg)
