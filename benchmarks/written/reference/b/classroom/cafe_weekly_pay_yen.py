hourly_rate = 1150  # normal hourly pay [JPY/h]
weekday_hours = 4  # hours worked each weekday [h]
weekdays = 5  # weekdays worked [day]
saturday_hours = 6  # hours worked on Saturday [h]
saturday_premium = 0.25  # Saturday premium on the hourly rate [1]
travel_per_day = 420  # travel money per day worked [JPY]

days_worked = weekdays + 1
pay = (weekday_hours * weekdays * hourly_rate
       + saturday_hours * hourly_rate * (1 + saturday_premium)
       + travel_per_day * days_worked)

answer = pay
