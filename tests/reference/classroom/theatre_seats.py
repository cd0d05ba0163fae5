import sympy as sp

first_row = 20  # seats in the front row [count]
increase = 2  # extra seats in each following row [count]
rows = 25  # number of rows [count]

k = sp.symbols("k", integer=True, positive=True)
seats_in_row = first_row + (k - 1) * increase
total = sp.summation(seats_in_row, (k, 1, rows))

answer = {"last_row": int(seats_in_row.subs(k, rows)), "total_seats": int(total)}
