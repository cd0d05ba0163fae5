import math

import sympy as sp

speed = 13.5  # release speed [m/s]
angle_deg = 40  # release angle above the horizontal [deg]
release_height = 2.1  # height of the hand at release [m]
g = 9.81  # gravitational acceleration [m/s^2]

vx = speed * math.cos(math.radians(angle_deg))
vy = speed * math.sin(math.radians(angle_deg))
t = sp.symbols("t", real=True)
height = release_height + vy * t - g * t**2 / 2

t_land = max(sp.solve(sp.Eq(height, 0), t))  # the positive root
distance = vx * t_land

answer = float(distance)
