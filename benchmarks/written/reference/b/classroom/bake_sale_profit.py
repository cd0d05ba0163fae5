cupcakes = 48  # cupcakes baked and sold [items]
cupcake_price = 2.50  # price per cupcake [USD]
cookie_fraction = 0.75  # cookies baked as a fraction of cupcakes [1]
cookie_price = 1.20  # price per cookie [USD]
cookies_unsold = 6  # cookies left over [items]
costs = 38.75  # ingredients and cups [USD]

cookies_sold = cookie_fraction * cupcakes - cookies_unsold
revenue = cupcakes * cupcake_price + cookies_sold * cookie_price

answer = revenue - costs
