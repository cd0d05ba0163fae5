import numpy as np

base = 65  # degree-day base temperature [degF]
mon_hi = 48  # Monday high [degF]
mon_lo = 31  # Monday low [degF]
tue_hi = 52  # Tuesday high [degF]
tue_lo = 35  # Tuesday low [degF]
wed_hi = 61  # Wednesday high [degF]
wed_lo = 44  # Wednesday low [degF]
thu_hi = 74  # Thursday high [degF]
thu_lo = 59  # Thursday low [degF]
fri_hi = 57  # Friday high [degF]
fri_lo = 40  # Friday low [degF]
sat_hi = 43  # Saturday high [degF]
sat_lo = 27  # Saturday low [degF]
sun_hi = 39  # Sunday high [degF]
sun_lo = 22  # Sunday low [degF]

highs = np.array([mon_hi, tue_hi, wed_hi, thu_hi, fri_hi, sat_hi, sun_hi])
lows = np.array([mon_lo, tue_lo, wed_lo, thu_lo, fri_lo, sat_lo, sun_lo])
mean = (highs + lows) / 2
answer = float(np.maximum(0, base - mean).sum())
