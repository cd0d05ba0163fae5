students = 360  # students in Year 7 [students]
walk_numerator = 5  # numerator of the fraction who walk [1]
walk_denominator = 12  # denominator of the fraction who walk [1]
bus_numerator = 1  # numerator of the fraction of the rest who take the bus [1]
bus_denominator = 3  # denominator of the fraction of the rest who take the bus [1]

walkers = students * walk_numerator / walk_denominator
remaining = students - walkers
bus = remaining * bus_numerator / bus_denominator
driven = remaining - bus

answer = driven
