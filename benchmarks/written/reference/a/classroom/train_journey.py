import numpy as np

leg1_distance = 186  # first leg [mi]
leg1_speed = 62  # average speed on the first leg [mi/h]
stop_minutes = 25  # stop at York [min]
leg2_minutes = 100  # second leg, 1 h 40 min [min]
leg2_speed = 54  # average speed on the second leg [mi/h]

leg1_minutes = leg1_distance / leg1_speed * 60
total_minutes = leg1_minutes + stop_minutes + leg2_minutes
total_distance = leg1_distance + leg2_speed * leg2_minutes / 60
answer = {"total_minutes": total_minutes, "average_speed_mph": total_distance / (total_minutes / 60)}
print(answer)
