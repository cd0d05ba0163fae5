length = 12.5  # garden length [m]
width = 8  # garden width [m]
gate = 1.5  # width of the gate left unfenced [m]
price = 18.40  # fencing price [USD/m]

fence = 2 * (length + width) - gate
answer = fence * price
