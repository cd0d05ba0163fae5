import sympy as sp

price_with_vat = 92  # price on the receipt, VAT included [EUR]
vat_rate = 0.15  # value-added tax rate [1]

net = sp.symbols("net", positive=True)  # price before VAT
sol = sp.solve(sp.Eq(net * (1 + vat_rate), price_with_vat), net)[0]

answer = {"price_before_vat": float(sol), "vat_amount": float(price_with_vat - sol)}
