import numpy as np

prevalence = 0.015  # share of the screened group with the condition [1]
sensitivity = 0.92  # chance a person with the condition tests positive [1]
specificity = 0.96  # chance a person without it tests negative [1]
screened = 10000  # people screened [people]

p_pos = prevalence * sensitivity + (1 - prevalence) * (1 - specificity)
ppv = prevalence * sensitivity / p_pos
answer = {"ppv_pct": 100 * ppv, "expected_positives": screened * p_pos}
print(answer)
