scale = 25000  # map scale 1 : scale [1]
map_distance = 7.4  # distance measured on the map [cm]

real_cm = map_distance * scale
real_km = real_cm / 100 / 1000  # cm -> m -> km

answer = real_km
