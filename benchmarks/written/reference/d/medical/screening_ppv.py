import sympy as sp

sensitivity = 0.92  # chance the test is positive when the disease is present [1]
specificity = 0.96  # chance the test is negative when the disease is absent [1]
prevalence = 0.015  # share of the screened group with the disease [1]

ppv = sensitivity * prevalence / (sensitivity * prevalence + (1 - specificity) * (1 - prevalence))
answer = float(ppv * 100)
