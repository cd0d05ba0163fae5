"""Grading a class's answers against an exercise key (mathllm.grade). No sandbox needed."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from mathllm.errors import DataError
from mathllm.grade import (
    CORRECT,
    MALFORMED,
    MISSING,
    WRONG,
    grade,
    load_key,
    parse_number,
    print_grade,
    write_grade_csv,
)


def write_key(tmp_path: Path, questions: list[dict], **extra) -> Path:
    key = {"format": "mathllm-exercise-key", "version": 1, "title": "Loans", "questions": questions, **extra}
    p = tmp_path / "key.json"
    p.write_text(json.dumps(key), encoding="utf-8")
    return p


@pytest.fixture
def key(tmp_path: Path) -> Path:
    return write_key(tmp_path, [
        {"id": "q1", "answer": 1234.5, "tolerance": 0.01},
        {"id": "q2", "answer": 0.12, "tolerance": None},
        {"id": "q3", "answer": 0.75},
        {"id": "q4", "answer": {"x": 2.0, "y": -3.5}, "tolerance": 0.1},
    ])


@pytest.mark.parametrize("text, values", [
    ("1,234.5", [1234.5]), ("12%", [0.12, 12.0]), (" 3.0 ", [3.0]), ("1.2e3", [1200.0]),
    ("3/4", [0.75]), ("$1,234.50", [1234.5]), ("12 years", [12.0]), ("1.2e3 m", [1200.0]),
    ("2,5", [2.5]), ("−3", [-3.0]), ("1 1/2", [1.5]), ("-1 1/2", [-1.5]), ("1 234", [1234.0]),
])
def test_parse_number_accepts_the_ways_people_write_numbers(text, values):
    status, got = parse_number(text)
    assert status == "ok"
    assert got == pytest.approx(values)


@pytest.mark.parametrize("text, status", [
    ("", MISSING), ("   ", MISSING), (None, MISSING), ("n/a", MISSING),
    ("abc", MALFORMED), ("1/0", MALFORMED), ("nan", MALFORMED), ("inf", MALFORMED), ("1,23,4", MALFORMED),
    ("12..5", MALFORMED),
])
def test_parse_number_missing_and_malformed(text, status):
    assert parse_number(text)[0] == status


def test_wide_format_marks_each_kind_of_answer(tmp_path: Path, key: Path):
    csv = tmp_path / "answers.csv"
    csv.write_text(
        "student,q1,q2,q3,q4.x,q4.y\n"
        'Ana,"1,234.50",12%,3/4,2.05,-3.5\n'     # all correct (q4.x within 0.1)
        "Ben,1234.6,0.1200001,0.75,,-3.5\n"      # q1 out of tolerance, q4.x missing
        "Cy,twelve,0.13, 0.7500 ,2,abc\n",       # q1 malformed, q2 wrong, q4.y malformed
        encoding="utf-8")
    report = grade(key, csv)
    assert report.question_ids == ["q1", "q2", "q3", "q4.x", "q4.y"]
    by = {s.student: s for s in report.students}
    assert [m.status for m in by["Ana"].marks.values()] == [CORRECT] * 5
    assert by["Ana"].score == 5 and by["Ana"].percent == pytest.approx(100)
    assert by["Ben"].marks["q1"].status == WRONG  # 0.1 off, tolerance 0.01
    assert by["Ben"].marks["q2"].status == CORRECT  # relative 1e-4 when the key has no tolerance
    assert by["Ben"].marks["q4.x"].status == MISSING
    assert by["Cy"].marks["q1"].status == MALFORMED
    assert by["Cy"].marks["q2"].status == WRONG
    assert by["Cy"].marks["q3"].status == CORRECT
    assert by["Cy"].marks["q4.y"].status == MALFORMED
    assert report.question_percent("q3") == pytest.approx(100)
    assert report.question_percent("q1") == pytest.approx(100 / 3)
    assert by["Ben"].score == 3 and by["Ben"].total == 5


def test_long_format_and_missing_questions(tmp_path: Path, key: Path):
    csv = tmp_path / "long.csv"
    csv.write_text("student,question,answer\nAna,q1,1234.5\nAna,Q2,12%\nBen,3,0.75\nBen,q9,1\n",
                   encoding="utf-8")
    report = grade(key, csv)
    by = {s.student: s for s in report.students}
    assert by["Ana"].marks["q1"].status == CORRECT
    assert by["Ana"].marks["q2"].status == CORRECT
    assert by["Ana"].marks["q3"].status == MISSING  # no row for it
    assert by["Ben"].marks["q3"].status == CORRECT
    assert any("q9" in w for w in report.warnings)


def test_semicolon_csv_with_decimal_commas(tmp_path: Path, key: Path):
    csv = tmp_path / "excel.csv"
    csv.write_text("student;q1;q2;q3\nAna;1234,5;12%;0,75\n", encoding="utf-8")
    by = {s.student: s for s in grade(key, csv).students}
    assert [by["Ana"].marks[q].status for q in ("q1", "q2", "q3")] == [CORRECT] * 3


def test_write_grade_csv_and_print(tmp_path: Path, key: Path):
    csv = tmp_path / "a.csv"
    csv.write_text("student,q1,q2\nAna,1234.5,0.5\n", encoding="utf-8")
    report = grade(key, csv)
    out = write_grade_csv(report, tmp_path / "out" / "grades.csv")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "student,q1,q2,q3,q4.x,q4.y,score,total,percent"
    assert lines[1].startswith("Ana,correct,wrong,missing,missing,missing,1,5,20.0")
    assert lines[-1].startswith("% correct,100.0,0.0")
    from rich.console import Console

    buf = io.StringIO()
    print_grade(report, Console(file=buf, width=120))
    text = buf.getvalue()
    assert "Ana" in text and "class average" in text and "missing for everyone" in text


@pytest.mark.parametrize("content, message", [
    ("", "empty"),
    ("name,q1\nAna,1\n", "no 'student' column"),
    ("student,foo,bar\nAna,1,2\n", "no question columns"),
    ("student,q1\n,1\n", "empty student name"),
    ("student,q1\nAna,1\nAna,2\n", "appears twice"),
    ("student,question,answer\nAna,q1,1\nAna,q1,2\n", "twice"),
    ("student,q1\n", "no students"),
])
def test_bad_answer_files_raise_data_error(tmp_path: Path, key: Path, content: str, message: str):
    csv = tmp_path / "bad.csv"
    csv.write_text(content, encoding="utf-8")
    with pytest.raises(DataError, match=message):
        grade(key, csv)


def test_missing_and_binary_files(tmp_path: Path, key: Path):
    with pytest.raises(DataError, match="not found"):
        grade(key, tmp_path / "nope.csv")
    binary = tmp_path / "b.csv"
    binary.write_bytes(b"\x00\x01\x02student")
    with pytest.raises(DataError, match="binary"):
        grade(key, binary)
    with pytest.raises(DataError, match="directory"):
        grade(key, tmp_path)


@pytest.mark.parametrize("key_text, message", [
    ("{not json", "not valid JSON"),
    ("[1, 2]", "no 'questions' list"),
    ('{"questions": []}', "no questions"),
    ('{"questions": [{"answer": 1}]}', "no 'id'"),
    ('{"questions": [{"id": "q1", "answer": "ten"}]}', "not a finite number"),
    ('{"questions": [{"id": "q1", "answer": 1, "tolerance": -1}]}', "non-negative"),
    ('{"questions": [{"id": "q1", "answer": 1}, {"id": "Q1", "answer": 2}]}', "duplicate"),
])
def test_bad_keys_raise_data_error(tmp_path: Path, key_text: str, message: str):
    k = tmp_path / "key.json"
    k.write_text(key_text, encoding="utf-8")
    csv = tmp_path / "a.csv"
    csv.write_text("student,q1\nAna,1\n", encoding="utf-8")
    with pytest.raises(DataError, match=message):
        grade(k, csv)


def test_load_key_expands_multi_part_answers(key: Path):
    title, items = load_key(key)
    assert title == "Loans"
    assert [(i.id, i.expected, i.tolerance) for i in items][-2:] == [("q4.x", 2.0, 0.1), ("q4.y", -3.5, 0.1)]
