"""Stage 1, problem: front matter parsing and every way a problem file can be wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from mathllm.errors import MathllmError, ProblemError
from mathllm.problem import (
    MAX_PROBLEM_BYTES,
    MAX_PROBLEM_CHARS,
    Problem,
    find_problems,
    load_problem,
    parse_problem,
    problem_from_text,
    read_text_file,
)

FULL = """\
---
title: Savings account
domain: finance
tags: [compound interest, savings]
answer: "1,628.89"
tolerance: 0.01
units: EUR
---
Anna puts 1,000 EUR in a savings account at 5% a year.

How much is in it after 10 years?
"""


# -- good input --------------------------------------------------------------------------------


def test_full_front_matter() -> None:
    p = parse_problem(FULL)
    assert p.title == "Savings account"
    assert p.domain == "finance"
    assert p.tags == ["compound interest", "savings"]
    assert p.answer == pytest.approx(1628.89)
    assert p.tolerance == 0.01
    assert p.units == "EUR"
    assert p.text.startswith("Anna puts 1,000 EUR") and p.text.endswith("after 10 years?")
    assert "---" not in p.text
    assert p.meta["answer"] == "1,628.89"  # the raw value is kept (decimals rule of verify)
    assert p.name == "Savings account"


@pytest.mark.parametrize("raw, value", [
    ("1628.89", 1628.89),
    ('"1,628.89"', 1628.89),
    ("'12,000'", 12000.0),
    ('"1,000,000.5"', 1000000.5),
    ("-3.5", -3.5),
    ("42", 42.0),
    ("1.5e3", 1500.0),
    ('"2_500"', 2500.0),
    ("0", 0.0),
])
def test_answer_numbers(raw: str, value: float) -> None:
    p = parse_problem(f"---\nanswer: {raw}\n---\nHow much?\n")
    assert p.answer == pytest.approx(value)
    assert isinstance(p.answer, float)


def test_answer_mapping() -> None:
    p = parse_problem('---\nanswer: {chairs: 20, tables: "1,005.5"}\n---\nPlan the production.\n')
    assert p.answer == {"chairs": 20.0, "tables": 1005.5}


def test_tags_as_comma_string_and_scalars_as_text() -> None:
    p = parse_problem("---\ntags: ode, cooling , \ntitle: 2024\nunits: 5\n---\nA cup cools.\n")
    assert p.tags == ["ode", "cooling"]
    assert p.title == "2024" and p.units == "5"


def test_no_front_matter_and_optional_fields() -> None:
    p = parse_problem("  A plain problem with no front matter.  \n\n")
    assert p.text == "A plain problem with no front matter."
    assert (p.title, p.domain, p.tags, p.answer, p.tolerance, p.units) == ("", "", [], None, None, None)
    assert p.name == "A plain problem with no front matter."


@pytest.mark.parametrize("text", [
    "\ufeff---\ntitle: BOM\n---\nBody.\n",
    "---\r\ntitle: BOM\r\n---\r\nBody.\r\n",
    "---  \ntitle: BOM\n---  \nBody.\n",
], ids=["bom", "crlf", "trailing-spaces"])
def test_front_matter_variants(text: str) -> None:
    p = parse_problem(text)
    assert p.title == "BOM" and p.text == "Body."


def test_empty_front_matter_is_allowed() -> None:
    assert parse_problem("---\n---\nBody.\n").text == "Body."


def test_load_problem_domain_from_folder(tmp_path: Path) -> None:
    f = tmp_path / "weather" / "soup.md"
    f.parent.mkdir()
    f.write_text("---\ntitle: Soup\n---\nA bowl of soup cools from 90 C.\n", encoding="utf-8")
    p = load_problem(f)
    assert p.domain == "weather" and p.path == f and p.title == "Soup"
    assert Problem(text="x", path=f).name == "soup"


def test_problem_from_text() -> None:
    assert problem_from_text("What is 2+2?").text == "What is 2+2?"
    with pytest.raises(ProblemError, match="empty"):
        problem_from_text("   \n ")


def test_find_problems(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    for name in ("b/two.md", "a/one.md", "a/README.md", "a/notes.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in find_problems(tmp_path)] == ["a/one.md", "b/two.md"]
    assert find_problems(tmp_path / "missing") == []


# -- bad input: each one ProblemError with one clear message ---------------------------------


def _write(data: bytes | str | None, kind: str = "file"):
    def make(tmp: Path) -> Path:
        p = tmp / "problem.md"
        if kind == "missing":
            return tmp / "nope.md"
        if kind == "dir":
            p.mkdir()
            return p
        p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        return p
    return make


BAD_FILES = [
    ("missing-file", _write(None, "missing"), "not found"),
    ("directory", _write(None, "dir"), "is a directory"),
    ("empty-file", _write(b""), "is empty"),
    ("whitespace-only", _write(b"  \n\t\r\n   \n"), "is empty"),
    ("binary-nul", _write(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "binary"),
    ("invalid-utf8", _write(b"Caf\xe9 au lait costs 3 EUR."), "not valid UTF-8"),
    ("ten-megabytes", _write(b"x" * 10_000_000), "at most"),
    ("no-closing-dashes", _write("---\ntitle: x\nanswer: 3\nHow much?\n"), "no closing '---'"),
    ("malformed-yaml", _write("---\ntitle: [unclosed\n---\nBody.\n"), "malformed front matter"),
    ("yaml-tab", _write("---\ntitle:\tx\n\tfoo: [\n---\nBody.\n"), "malformed front matter"),
    ("yaml-list", _write("---\n- a\n- b\n---\nBody.\n"), "must be a YAML mapping"),
    ("yaml-scalar", _write("---\njust text\n---\nBody.\n"), "must be a YAML mapping"),
    ("yaml-python-tag", _write("---\nanswer: !!python/object/apply:os.system ['id']\n---\nBody.\n"),
     "malformed front matter"),
    ("yaml-deep-nesting", _write("---\nanswer: " + "[" * 600 + "]" * 600 + "\n---\nBody.\n"),
     "nested too deeply"),
    ("non-numeric-answer", _write("---\nanswer: about twelve\n---\nBody.\n"), "'answer' must be a number"),
    ("percent-answer", _write("---\nanswer: 5%\n---\nBody.\n"), "'answer' must be a number"),
    ("decimal-comma-answer", _write("---\nanswer: 1,5\n---\nBody.\n"), "'answer' must be a number"),
    ("european-answer", _write("---\nanswer: 1.628,89\n---\nBody.\n"), "'answer' must be a number"),
    ("bool-answer", _write("---\nanswer: yes\n---\nBody.\n"), "'answer' must be a number"),
    ("huge-answer", _write("---\nanswer: " + "nine" * 5000 + "\n---\nBody.\n"), "'answer' must be a number"),
    ("list-answer", _write("---\nanswer: [1, 2]\n---\nBody.\n"), "'answer' must be a number"),
    ("nan-answer", _write("---\nanswer: .nan\n---\nBody.\n"), "must be finite"),
    ("inf-answer", _write("---\nanswer: 'inf'\n---\nBody.\n"), "must be finite"),
    ("empty-answer-mapping", _write("---\nanswer: {}\n---\nBody.\n"), "empty mapping"),
    ("bad-answer-entry", _write("---\nanswer: {x: lots}\n---\nBody.\n"), "'answer.x' must be a number"),
    ("negative-tolerance", _write("---\nanswer: 3\ntolerance: -0.1\n---\nBody.\n"), "must not be negative"),
    ("text-tolerance", _write("---\nanswer: 3\ntolerance: small\n---\nBody.\n"), "'tolerance' must be a number"),
    ("tags-number", _write("---\ntags: 5\n---\nBody.\n"), "'tags' must be a list"),
    ("title-mapping", _write("---\ntitle: {a: 1}\n---\nBody.\n"), "'title' must be text"),
    ("empty-body", _write("---\ntitle: Nothing below\nanswer: 3\n---\n\n   \n"), "problem text is empty"),
    ("body-too-long", _write("Words. " * (MAX_PROBLEM_CHARS // 7 + 10)), f"limit is {MAX_PROBLEM_CHARS}"),
]


@pytest.mark.parametrize("make, expected", [c[1:] for c in BAD_FILES], ids=[c[0] for c in BAD_FILES])
def test_bad_problem_files(tmp_path: Path, make, expected: str) -> None:
    path = make(tmp_path)
    with pytest.raises(ProblemError) as info:
        load_problem(path)
    err = info.value
    assert expected in err.message
    assert isinstance(err, MathllmError) and err.exit_code == 2
    # one clear line (a hint may follow on its own line), naming the file, no exception jargon
    assert "\n" not in err.message and len(err.message) < 300
    assert str(path.name) in err.message or "<problem>" in err.message
    assert "Traceback" not in str(err) and "Error:" not in err.message


def test_size_limit_is_checked_before_reading(tmp_path: Path) -> None:
    p = tmp_path / "big.md"
    p.write_bytes(b"a" * (MAX_PROBLEM_BYTES + 1))
    with pytest.raises(ProblemError, match=f"at most {MAX_PROBLEM_BYTES:,} bytes"):
        load_problem(p)
    p.write_bytes(b"a" * 100)
    assert read_text_file(p, max_bytes=100) == "a" * 100


def test_unreadable_file(tmp_path: Path) -> None:
    import os

    p = tmp_path / "secret.md"
    p.write_text("A problem.", encoding="utf-8")
    p.chmod(0)
    try:
        if os.access(p, os.R_OK):  # running as root: permissions do not apply
            pytest.skip("root can read any file")
        with pytest.raises(ProblemError, match="permission denied"):
            load_problem(p)
    finally:
        p.chmod(0o644)
