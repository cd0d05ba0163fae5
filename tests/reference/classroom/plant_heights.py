import numpy as np

height_1 = 12.4  # height of seedling 1 [cm]
height_2 = 15.1  # height of seedling 2 [cm]
height_3 = 13.8  # height of seedling 3 [cm]
height_4 = 14.6  # height of seedling 4 [cm]
height_5 = 11.9  # height of seedling 5 [cm]
height_6 = 16.0  # height of seedling 6 [cm]

data = np.array([height_1, height_2, height_3, height_4, height_5, height_6])

answer = {"mean": float(np.mean(data)), "median": float(np.median(data)),
          "sample_std": float(np.std(data, ddof=1))}
