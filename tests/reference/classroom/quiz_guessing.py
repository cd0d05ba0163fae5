from scipy.stats import binom

questions = 10  # questions on the quiz [count]
options = 4  # answer choices per question [count]
pass_mark = 6  # correct answers needed to pass [count]

p = 1 / options
probability = binom.sf(pass_mark - 1, questions, p)  # P(X >= pass_mark)

answer = float(probability)
