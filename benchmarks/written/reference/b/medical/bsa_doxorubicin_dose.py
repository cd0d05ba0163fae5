import numpy as np

height_in = 67  # height, 5 ft 7 in [in]
weight_lb = 154  # body weight [lb]
cm_per_in = 2.54  # conversion [cm/in]
kg_per_lb = 0.4536  # conversion [kg/lb]
dose_per_m2 = 60  # prescribed dose [mg/m^2]

height_cm = height_in * cm_per_in
weight_kg = weight_lb * kg_per_lb
bsa = np.sqrt(height_cm * weight_kg / 3600)  # Mosteller formula [m^2]

answer = float(dose_per_m2 * bsa)
