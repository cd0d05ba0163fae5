from math import comb, perm

members = 12  # members of the chess club [count]
committee = 3  # size of the events committee [count]

# president and treasurer are ordered roles; the committee is an unordered group
officers = perm(members, 2)
committees = comb(members - 2, committee)

answer = officers * committees
