old_population = 24500  # population last year [count]
new_population = 26950  # population this year [count]

percent_change = (new_population - old_population) / old_population * 100

answer = percent_change
