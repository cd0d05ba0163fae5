from scipy.optimize import linprog

budget = 50  # campaign budget, spent in full [thousand EUR]
reach_radio = 2400  # people reached per 1,000 EUR of radio [people/thousand EUR]
reach_print = 1500  # people reached per 1,000 EUR of print [people/thousand EUR]
reach_online = 3100  # people reached per 1,000 EUR online [people/thousand EUR]
print_min = 8  # print contract minimum [thousand EUR]
online_share_max = 0.40  # online at most this share of the budget [1]
radio_to_print_max = 2  # radio spend at most this multiple of print spend [1]

# variables: radio, print, online spend in thousand EUR
c = [-reach_radio, -reach_print, -reach_online]
A_ub = [[0, 0, 1], [1, -radio_to_print_max, 0]]
b_ub = [online_share_max * budget, 0]
res = linprog(c, A_ub=A_ub, b_ub=b_ub, A_eq=[[1, 1, 1]], b_eq=[budget],
              bounds=[(0, None), (print_min, None), (0, None)])
answer = float(-res.fun)
