import sympy as sp

amount = 1800  # money to share [USD]
share_maya = 2  # Maya's part of the ratio [1]
share_leo = 3  # Leo's part of the ratio [1]
share_ivy = 4  # Ivy's part of the ratio [1]

k = sp.symbols("k", positive=True)  # value of one part
k_value = sp.solve(sp.Eq((share_maya + share_leo + share_ivy) * k, amount), k)[0]

answer = {"maya": float(share_maya * k_value), "leo": float(share_leo * k_value),
          "ivy": float(share_ivy * k_value)}
