prevalence = 0.012  # share of the screened population with the disease [1]
sensitivity = 0.94  # P(positive test | disease) [1]
specificity = 0.97  # P(negative test | no disease) [1]

# Bayes' theorem: P(disease | positive)
p_true_positive = prevalence * sensitivity
p_false_positive = (1 - prevalence) * (1 - specificity)
ppv = p_true_positive / (p_true_positive + p_false_positive)

answer = 100 * ppv  # as a percentage
