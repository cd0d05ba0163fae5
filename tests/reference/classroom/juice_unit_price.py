small_volume = 1.5  # volume of the small bottle [L]
small_price = 2.85  # price of the small bottle [USD]
large_volume = 2  # volume of the large bottle [L]
large_price = 3.6  # price of the large bottle [USD]

small_unit = small_price / small_volume
large_unit = large_price / large_volume

answer = {"small_per_litre": small_unit, "large_per_litre": large_unit,
          "saving_per_litre": small_unit - large_unit}
