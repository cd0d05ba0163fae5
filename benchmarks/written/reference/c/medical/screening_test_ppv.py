prevalence = 0.015  # share of the screened population with the disease [1]
sensitivity = 0.92  # P(positive | disease) [1]
specificity = 0.96  # P(negative | no disease) [1]
screened = 20000  # people screened [people]

true_pos = prevalence * sensitivity
false_pos = (1 - prevalence) * (1 - specificity)
ppv = true_pos / (true_pos + false_pos)
answer = {"ppv_percent": 100 * ppv, "false_positives": screened * false_pos}
