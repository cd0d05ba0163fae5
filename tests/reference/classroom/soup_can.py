import sympy as sp

can_volume = 500  # volume the can must hold [cm^3]

r = sp.symbols("r", positive=True)  # radius [cm]
h = can_volume / (sp.pi * r**2)  # height from the volume [cm]
surface = 2 * sp.pi * r**2 + 2 * sp.pi * r * h  # closed cylinder

r_best = sp.solve(sp.diff(surface, r), r)[0]

answer = {"radius": float(r_best), "height": float(h.subs(r, r_best)),
          "surface_area": float(surface.subs(r, r_best))}
