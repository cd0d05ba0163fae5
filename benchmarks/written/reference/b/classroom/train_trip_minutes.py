leg1_miles = 210  # first leg distance [mi]
leg1_speed = 60  # first leg speed [mi/h]
stop_hours = 0.5  # wait at the junction [h]
leg2_miles = 84  # second leg distance [mi]
leg2_speed = 56  # second leg speed [mi/h]

total_hours = leg1_miles / leg1_speed + stop_hours + leg2_miles / leg2_speed

answer = total_hours * 60  # [min]
