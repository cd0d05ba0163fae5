prevalence = 0.015  # share of the screened population with the disease [1]
sensitivity = 0.92  # P(test positive | disease) [1]
specificity = 0.96  # P(test negative | no disease) [1]

tp = sensitivity * prevalence
fp = (1 - specificity) * (1 - prevalence)
tn = specificity * (1 - prevalence)
fn = (1 - sensitivity) * prevalence
ppv = tp / (tp + fp)
npv = tn / (tn + fn)

answer = {"ppv_percent": 100 * ppv, "npv_percent": 100 * npv}
