import numpy as np

weight_lb = 44  # child's weight [lb]
lb_per_kg = 2.2  # conversion used on the ward [lb/kg]
daily_dose_per_kg = 45  # prescribed daily dose [mg/kg/day]
doses_per_day = 2  # every 12 hours [1/day]
suspension_mg = 400  # drug in each 5 mL of suspension [mg]
suspension_ml = 5  # volume containing that amount [mL]
bottle_ml = 100  # bottle size [mL]

weight_kg = weight_lb / lb_per_kg
dose_mg = weight_kg * daily_dose_per_kg / doses_per_day
dose_ml = dose_mg * suspension_ml / suspension_mg
full_days = np.floor(bottle_ml / (dose_ml * doses_per_day))
answer = {"dose_mg": dose_mg, "dose_ml": dose_ml, "full_days": full_days}
print(answer)
