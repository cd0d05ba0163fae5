from math import comb

red = 5  # red marbles in the bag [count]
blue = 7  # blue marbles in the bag [count]
green = 8  # green marbles in the bag [count]
drawn = 3  # marbles drawn without looking, no replacement [count]
red_wanted = 2  # red marbles asked about [count]

total = red + blue + green
ways = comb(red, red_wanted) * comb(total - red, drawn - red_wanted)

answer = ways / comb(total, drawn)
