import math

students = 158  # students going [people]
teachers = 12  # teachers going [people]
bus_seats = 44  # seats per bus [people]
bus_cost = 285  # hire cost per bus [EUR]
ticket_student = 6.50  # admission per student [EUR]

buses = math.ceil((students + teachers) / bus_seats)
total = buses * bus_cost + students * ticket_student
answer = total / students
