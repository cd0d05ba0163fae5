import sympy as sp

cupcake_price = 1.25  # price of one cupcake [USD]
cookies_per_bundle = 3  # cookies in one bundle [cookies]
bundle_price = 2  # price of a bundle of cookies [USD]
cupcakes_sold = 84  # cupcakes sold [cupcakes]
cookies_sold = 57  # cookies sold, all in full bundles [cookies]
ingredients = 41.60  # cost of ingredients [USD]

revenue = cupcake_price * cupcakes_sold + bundle_price * sp.Rational(cookies_sold, cookies_per_bundle)
answer = float(revenue - ingredients)
