original_price = 80  # original price [EUR]
sale_discount = 0.25  # winter sale discount [1]
extra_discount = 0.10  # extra Saturday discount on the sale price [1]

price_paid = original_price * (1 - sale_discount) * (1 - extra_discount)
equivalent = 1 - price_paid / original_price

answer = {"price_paid": price_paid, "equivalent_discount_percent": 100 * equivalent}
