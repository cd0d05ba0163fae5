import sympy as sp

distance = 273  # distance to grandma's house [mi]
speed = 52  # average driving speed [mi/h]
stop = 30  # lunch stop [min]
minutes_per_hour = 60  # minutes in an hour [min/h]

answer = float(sp.Rational(distance, speed) * minutes_per_hour + stop)
