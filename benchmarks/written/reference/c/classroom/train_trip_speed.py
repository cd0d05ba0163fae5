dep_h = 9  # departure hour [h]
dep_min = 47  # departure minute [min]
arr_h = 13  # arrival hour, 24-hour clock [h]
arr_min = 18  # arrival minute [min]
distance = 264  # distance travelled [km]

minutes = (arr_h * 60 + arr_min) - (dep_h * 60 + dep_min)
answer = {"minutes": minutes, "average_speed": distance / (minutes / 60)}
