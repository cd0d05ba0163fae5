import sympy as sp

tickets = 850  # tickets sold in total [count]
adult_price = 12  # price of an adult ticket [USD]
student_price = 7  # price of a student ticket [USD]
revenue = 8450  # total ticket revenue [USD]

a, s = sp.symbols("a s")  # adult and student tickets
eqs = [sp.Eq(a + s, tickets), sp.Eq(adult_price * a + student_price * s, revenue)]
sol = sp.solve(eqs, [a, s])

answer = {"adult_tickets": float(sol[a]), "student_tickets": float(sol[s])}
