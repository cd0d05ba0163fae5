weight_homework = 0.2  # weight of homework in the final grade [1]
weight_quizzes = 0.3  # weight of quizzes [1]
weight_exam = 0.5  # weight of the final exam [1]
homework_avg = 92  # homework average [points]
quiz_avg = 81  # quiz average [points]
exam_score = 74  # final exam score [points]

grade = weight_homework * homework_avg + weight_quizzes * quiz_avg + weight_exam * exam_score

answer = grade
