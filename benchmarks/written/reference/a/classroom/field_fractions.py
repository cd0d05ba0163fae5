import sympy as sp

field_area = 2400  # area of the field [m^2]
corn_share = 0.375  # share of the whole field in corn, 3/8 [1]
beans_share = 0.25  # share of the rest in beans, 1/4 [1]
squash_share = 0.4  # share of what is then left in squash, 2/5 [1]

rest1 = field_area * (1 - sp.nsimplify(corn_share))
rest2 = rest1 * (1 - sp.nsimplify(beans_share))
squash = rest2 * sp.nsimplify(squash_share)
fallow = rest2 - squash
answer = {"squash_m2": float(squash), "fallow_m2": float(fallow)}
print(answer)
