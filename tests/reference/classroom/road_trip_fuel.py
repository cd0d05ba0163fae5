consumption = 6.5  # fuel use of the car [L/100km]
fuel_price = 1.85  # price of fuel [USD/L]
distance = 420  # length of the trip, one way [km]

litres = consumption * distance / 100
cost = litres * fuel_price

answer = cost
