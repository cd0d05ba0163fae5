pages = 312  # pages in the book [pages]
weekday_pages = 18  # pages read on each weekday [pages/day]
weekend_pages = 30  # pages read on each Saturday and Sunday [pages/day]


def days_to_finish(n_pages, weekday, weekend):
    # day 1 is a Monday; count days until the running total reaches the book length
    total, day = 0, 0
    while total < n_pages:
        day += 1
        total += weekday if (day - 1) % 7 < 5 else weekend
    return day


answer = days_to_finish(pages, weekday_pages, weekend_pages)
