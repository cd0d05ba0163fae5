boat_speed = 18  # speed of the boat in still water [km/h]
current = 3  # speed of the river current [km/h]
distance = 30  # distance to the village upstream [km]

upstream_time = distance / (boat_speed - current)
downstream_time = distance / (boat_speed + current)
total_time = upstream_time + downstream_time

answer = {"total_hours": total_time, "average_speed": 2 * distance / total_time}
