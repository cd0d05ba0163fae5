import numpy as np

hourly_rate = 14.50  # basic hourly rate [GBP/h]
basic_hours = 37.5  # hours paid at the basic rate each week [h]
overtime_factor = 1.5  # time and a half [1]
hours_mon_thu = 8  # hours worked each day Monday to Thursday [h]
days_mon_thu = 4  # Monday to Thursday [day]
hours_fri = 11.5  # hours worked on Friday [h]
hours_sat = 5  # hours worked on Saturday [h]

total_hours = hours_mon_thu * days_mon_thu + hours_fri + hours_sat
overtime_hours = max(total_hours - basic_hours, 0)
answer = min(total_hours, basic_hours) * hourly_rate + overtime_hours * hourly_rate * overtime_factor
print(answer)
