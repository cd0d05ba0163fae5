price = 80  # tag price of the jacket [USD]
discount = 0.25  # store-wide discount [1]
extra_discount = 0.1  # extra coupon off the sale price [1]
tax_rate = 0.08  # sales tax added at the till [1]

sale_price = price * (1 - discount)
after_coupon = sale_price * (1 - extra_discount)
final_price = after_coupon * (1 + tax_rate)

answer = final_price
