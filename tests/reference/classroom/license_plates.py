from math import perm

alphabet = 26  # letters available [count]
digits_available = 10  # digits available [count]
n_letters = 3  # letters on a plate, no letter repeated [count]
n_digits = 4  # digits on a plate, repeats allowed [count]

plates = perm(alphabet, n_letters) * digits_available**n_digits

answer = plates
