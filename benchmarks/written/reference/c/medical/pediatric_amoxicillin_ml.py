weight_lb = 41  # child's weight [lb]
lb_per_kg = 2.2  # conversion used on the ward [lb/kg]
daily_dose = 45  # prescribed dose per kg per day [mg/(kg*day)]
doses_per_day = 2  # every 12 hours [1/day]
strength_mg = 400  # amoxicillin per 5 mL of suspension [mg]
strength_ml = 5  # volume holding that amount [mL]

weight_kg = weight_lb / lb_per_kg
mg_per_dose = weight_kg * daily_dose / doses_per_day
answer = mg_per_dose * strength_ml / strength_mg
