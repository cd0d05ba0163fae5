blue_part = 2  # blue share of the ratio [1]
white_part = 5  # white share of the ratio [1]
blue_on_hand = 3.5  # blue paint Leo has [L]
total_needed = 14  # total sky-blue paint needed [L]

white_needed = blue_on_hand * white_part / blue_part
blue_needed = total_needed * blue_part / (blue_part + white_part)

answer = {"white_litres_needed": white_needed, "extra_blue_litres": blue_needed - blue_on_hand}
