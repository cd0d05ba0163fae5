import sympy as sp

students = 148  # fourth-graders going on the trip [people]
teachers = 12  # teachers and parent helpers going [people]
seats = 45  # seats on one bus [people]
bus_price = 325  # rental price for one bus [USD]

buses = sp.ceiling(sp.Rational(students + teachers, seats))
per_student = sp.Rational(bus_price) * buses / students
answer = {"buses": int(buses), "cost_per_student": float(per_student)}
