air_temp = 14  # air temperature [degF]
wind_speed = 25  # wind speed at 10 m [mph]

# US National Weather Service (2001) wind chill index
wc_f = (35.74 + 0.6215 * air_temp - 35.75 * wind_speed ** 0.16
        + 0.4275 * air_temp * wind_speed ** 0.16)
wc_c = (wc_f - 32) * 5 / 9

answer = {"wind_chill_F": wc_f, "wind_chill_C": wc_c}
