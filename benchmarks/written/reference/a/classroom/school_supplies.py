import numpy as np

notebook_price = 2.45  # price of one notebook [USD]
notebooks = 3  # notebooks bought [1]
pen_pack_price = 3.80  # price of one pack of pens [USD]
pen_packs = 2  # packs of pens bought [1]
backpack_price = 24.00  # marked price of the backpack [USD]
backpack_discount = 0.25  # discount on the backpack [1]
tax_rate = 0.08  # sales tax [1]
paid = 40.00  # two twenty-dollar bills [USD]

subtotal = notebooks * notebook_price + pen_packs * pen_pack_price + backpack_price * (1 - backpack_discount)
tax = np.round(subtotal * tax_rate, 2)
answer = paid - (subtotal + tax)
print(subtotal, tax, answer)
