"""Classroom grading: mark a class's answers against an exercise answer key.

Input is the ``key.json`` written by :func:`mathllm.exercise.write_exercise` and a CSV of
answers in one of two shapes:

* **wide**: a ``student`` column and one column per question id (``q1``, ``q2``, ...; for a
  question whose answer has several named parts, one column per part: ``q1.x``, ``q1.y``)::

      student,q1,q2,q3
      Ana,"1,234.5",12%,3/4

* **long**: columns ``student,question,answer``, one row per answer.

Each answer is parsed leniently (``"1,234.5"``, ``"12%"``, ``" 3.0 "``, ``"1.2e3"``, ``"3/4"``,
``"$1,234.50"``, ``"12 years"``, a decimal comma ``"2,5"``) and marked ``correct``, ``wrong``
(a number outside the tolerance), ``missing`` (empty cell or no cell) or ``malformed`` (not a
number). The tolerance comes from the key: an absolute ``tolerance`` per question, or, when
the key gives none, a relative tolerance of :data:`DEFAULT_REL_TOL`.

A CSV or key that cannot be used raises :class:`mathllm.errors.DataError` with one clear
message; a student's bad answer never does (it is a mark, not an error).
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import tempfile
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

from .errors import DataError
from .quantities import CURRENCY_SIGNS

#: Relative tolerance used when the key gives no absolute tolerance for a question.
DEFAULT_REL_TOL = 1e-4

CORRECT, WRONG, MISSING, MALFORMED = "correct", "wrong", "missing", "malformed"

#: Largest CSV / key accepted; a class list is kilobytes, anything near this is a wrong file.
MAX_FILE_BYTES = 20 * 1024 * 1024


@dataclass
class KeyItem:
    """One gradable item: a question, or one named part of a multi-part question."""

    id: str                    # "q1" or "q1.x"
    expected: float
    tolerance: float | None    # absolute; None -> relative DEFAULT_REL_TOL
    units: str | None = None

    def is_correct(self, value: float) -> bool:
        if self.tolerance is not None:
            # a tiny relative slack so that a value printed exactly at the edge of the tolerance
            # (e.g. 1628.88 vs 1628.894 with tolerance 0.01... rounded) is not lost to float noise
            return abs(value - self.expected) <= self.tolerance * (1 + 1e-9) + 1e-12
        return math.isclose(value, self.expected, rel_tol=DEFAULT_REL_TOL, abs_tol=1e-12)

    @property
    def tolerance_text(self) -> str:
        if self.tolerance is not None:
            return f"±{self.tolerance:g}"
        return f"±{DEFAULT_REL_TOL:g} relative"


@dataclass
class Mark:
    """The mark of one student's answer to one item."""

    status: str                # correct | wrong | missing | malformed
    given: str = ""            # the cell as written
    value: float | None = None  # the parsed number (None when missing/malformed)


@dataclass
class StudentGrade:
    student: str
    marks: dict[str, Mark]

    @property
    def score(self) -> int:
        return sum(1 for m in self.marks.values() if m.status == CORRECT)

    @property
    def total(self) -> int:
        return len(self.marks)

    @property
    def percent(self) -> float:
        return 100.0 * self.score / self.total if self.total else 0.0


@dataclass
class GradeReport:
    """Marks per student and per question."""

    items: list[KeyItem]
    students: list[StudentGrade]
    warnings: list[str] = field(default_factory=list)
    title: str = ""

    @property
    def question_ids(self) -> list[str]:
        return [it.id for it in self.items]

    def question_percent(self, qid: str) -> float:
        """Share of students (in %) who answered item ``qid`` correctly."""
        if not self.students:
            return 0.0
        ok = sum(1 for s in self.students if s.marks[qid].status == CORRECT)
        return 100.0 * ok / len(self.students)

    @property
    def per_question(self) -> dict[str, float]:
        return {q: self.question_percent(q) for q in self.question_ids}

    @property
    def class_percent(self) -> float:
        if not self.students:
            return 0.0
        return sum(s.percent for s in self.students) / len(self.students)

    def to_dict(self) -> dict:
        return {
            "title": self.title,
            "questions": [{"id": it.id, "expected": it.expected, "tolerance": it.tolerance,
                           "percent_correct": self.question_percent(it.id)} for it in self.items],
            "students": [{"student": s.student, "score": s.score, "total": s.total,
                          "percent": s.percent,
                          "marks": {q: {"status": m.status, "given": m.given, "value": m.value}
                                    for q, m in s.marks.items()}} for s in self.students],
            "warnings": list(self.warnings),
        }


# ---- parsing student answers ----------------------------------------------------------------

_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$")
_DECIMAL_COMMA = re.compile(r"^[+-]?\d+,\d+$")
_FLOAT = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
_FRACTION = re.compile(r"^([+-]?\d+)\s*/\s*(\d+)$")
_MIXED = re.compile(r"^([+-]?\d+)\s+(\d+)\s*/\s*(\d+)$")
# trailing unit words a student may add ("12 years", "1628.89 EUR", "3.5 m/s")
# (an exponent "e3" is not a unit: "1.2e3 m" is 1200 with unit m)
_UNIT_TAIL = re.compile(r"(?<=[\d.])\s*(?![eE][+-]?\d)[A-Za-zµ°][A-Za-z0-9µ°/^.\s]*$")


def parse_number(text: Any) -> tuple[str, list[float]]:
    """Parse one answer cell: ``(status, candidate values)``.

    ``status`` is ``"missing"`` (empty), ``"malformed"`` (not a number) or ``"ok"``. A
    percentage has two candidate readings (``"12%"`` -> 0.12 and 12) because a key may hold a
    rate either as a fraction or in percent; any candidate within tolerance counts.
    """
    if text is None:
        return MISSING, []
    s = str(text).strip()
    if not s or s.lower() in {"na", "n/a", "-", "—", "none", "null"}:
        return MISSING, []
    s = s.replace("\u2212", "-").replace("\u00a0", " ").replace("\u202f", " ").replace("_", "")
    s = s.strip().strip(CURRENCY_SIGNS).strip()
    if s[:1] in "+-" and s[1:2] in CURRENCY_SIGNS:  # "-$12.50"
        s = s[0] + s[2:].strip()
    percent = False
    low = s.lower()
    for suffix in ("%", "percent", "per cent"):
        if low.endswith(suffix):
            s = s[: -len(suffix)].strip()
            percent = True
            break
    if not percent:
        m = _UNIT_TAIL.search(s)
        if m:
            s = s[: m.start()].strip()
    s = s.strip().strip(CURRENCY_SIGNS).strip()
    if not _MIXED.match(s):
        s = s.replace(" ", "")  # "1 234" (a space as thousands separator)
    value: float | None = None
    try:
        if _THOUSANDS.match(s):
            value = float(s.replace(",", ""))
        elif _DECIMAL_COMMA.match(s):
            # one comma not followed by a group of three digits: a decimal comma ("2,5")
            value = float(s.replace(",", "."))
        elif _FLOAT.match(s):
            value = float(s)
        elif (m := _FRACTION.match(s)) and int(m.group(2)) != 0:
            value = float(Fraction(int(m.group(1)), int(m.group(2))))
        elif (m := _MIXED.match(s)) and int(m.group(3)) != 0:
            whole = int(m.group(1))
            frac = Fraction(int(m.group(2)), int(m.group(3)))
            value = float(whole - frac if whole < 0 or m.group(1).startswith("-") else whole + frac)
    except (ValueError, OverflowError, ZeroDivisionError):
        value = None
    if value is None or not math.isfinite(value):
        return MALFORMED, []
    return "ok", ([value / 100.0, value] if percent else [value])


# ---- reading the key -------------------------------------------------------------------------

def _read_bytes(path: Path, what: str) -> bytes:
    p = Path(path)
    if not p.exists():
        raise DataError(f"{what} not found: {p}")
    if p.is_dir():
        raise DataError(f"{p} is a directory, not a {what}")
    try:
        if p.stat().st_size > MAX_FILE_BYTES:
            raise DataError(f"{p} is too large for a {what} ({p.stat().st_size:,} bytes)")
        data = p.read_bytes()
    except OSError as exc:
        raise DataError(f"cannot read {what} {p}: {exc.strerror or exc}") from None
    if not data.strip():
        raise DataError(f"{what} {p} is empty")
    if b"\x00" in data:
        raise DataError(f"{p} looks like a binary file, not a {what}")
    return data


def _as_float(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    v = float(value)
    return v if math.isfinite(v) else None


def load_key(key_path: str | Path) -> tuple[str, list[KeyItem]]:
    """Read an answer key (``key.json``) into gradable items: ``(title, items)``."""
    p = Path(key_path)
    data = _read_bytes(p, "answer key")
    try:
        key = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise DataError(f"answer key {p} is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise DataError(f"answer key {p} is not valid JSON (line {exc.lineno}: {exc.msg})") from None
    if not isinstance(key, dict) or not isinstance(key.get("questions"), list):
        raise DataError(f"answer key {p} has no 'questions' list; is it a key.json written by "
                        "`mathllm exercise`?")
    if not key["questions"]:
        raise DataError(f"answer key {p} has no questions")
    items: list[KeyItem] = []
    seen: set[str] = set()
    units_default = key.get("units") if isinstance(key.get("units"), str) else None
    for i, q in enumerate(key["questions"], 1):
        where = f"answer key {p}, question {i}"
        if not isinstance(q, dict):
            raise DataError(f"{where}: expected an object, got {type(q).__name__}")
        qid = str(q.get("id") or "").strip().lower()
        if not qid:
            raise DataError(f"{where}: no 'id'")
        if qid in seen:
            raise DataError(f"{where}: duplicate id {qid!r}")
        seen.add(qid)
        tol_raw = q.get("tolerance")
        tol = None if tol_raw is None else _as_float(tol_raw)
        if tol_raw is not None and (tol is None or tol < 0):
            raise DataError(f"{where} ({qid}): 'tolerance' must be a non-negative number, got {tol_raw!r}")
        units = q.get("units") if isinstance(q.get("units"), str) else units_default
        ans = q.get("answer")
        if isinstance(ans, dict):
            if not ans:
                raise DataError(f"{where} ({qid}): 'answer' is an empty mapping")
            for part, v in ans.items():
                fv = _as_float(v)
                if fv is None:
                    raise DataError(f"{where} ({qid}): answer part {part!r} is not a finite number: {v!r}")
                items.append(KeyItem(f"{qid}.{str(part).strip().lower()}", fv, tol, units))
        else:
            fv = _as_float(ans)
            if fv is None:
                raise DataError(f"{where} ({qid}): 'answer' is not a finite number: {ans!r}")
            items.append(KeyItem(qid, fv, tol, units))
    return str(key.get("title") or ""), items


# ---- reading the answers CSV -----------------------------------------------------------------

def _norm_qid(name: str) -> str:
    """Column / question names as the key spells them: 'Q1' -> 'q1', '2' -> 'q2'."""
    s = str(name).strip().lower().replace(" ", "")
    if re.fullmatch(r"\d+(\.\w+)?", s):
        s = "q" + s
    return s


def _read_rows(path: Path) -> tuple[list[str], list[list[str]]]:
    data = _read_bytes(path, "answers CSV")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")  # spreadsheets on Windows save CSV in the ANSI code page
        except UnicodeDecodeError:
            raise DataError(f"answers CSV {path} is not UTF-8 text") from None
    first = text.splitlines()[0] if text.splitlines() else ""
    # Spreadsheets in decimal-comma locales save with ';' (or tab); pick the one the header uses.
    delimiter = max([",", ";", "\t"], key=first.count) if first else ","
    try:
        rows = [r for r in csv.reader(io.StringIO(text), delimiter=delimiter)]
    except csv.Error as exc:
        raise DataError(f"answers CSV {path} cannot be parsed: {exc}") from None
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        raise DataError(f"answers CSV {path} has no rows")
    header = [h.strip() for h in rows[0]]
    return header, rows[1:]


def read_answers(answers_csv: str | Path, question_ids: list[str]) -> tuple[dict[str, dict[str, str]], list[str]]:
    """Read the CSV into ``{student: {item id: cell text}}`` (students in file order), warnings."""
    p = Path(answers_csv)
    header, rows = _read_rows(p)
    lower = [h.lower() for h in header]
    if "student" not in lower:
        raise DataError(f"answers CSV {p} has no 'student' column (header: {', '.join(header) or 'empty'})",
                        hint="the first row must name the columns: student,q1,q2,... "
                             "or student,question,answer")
    si = lower.index("student")
    warnings: list[str] = []
    answers: dict[str, dict[str, str]] = {}
    known = set(question_ids)
    if "question" in lower and "answer" in lower:  # long format
        qi, ai = lower.index("question"), lower.index("answer")
        seen_at: dict[tuple[str, str], int] = {}
        unknown: set[str] = set()
        for n, row in enumerate(rows, 2):
            cells = row + [""] * (len(header) - len(row))
            student = cells[si].strip()
            if not student:
                raise DataError(f"answers CSV {p}, row {n}: empty student name")
            qid = _norm_qid(cells[qi])
            if qid not in known:
                unknown.add(cells[qi].strip() or "(empty)")
                answers.setdefault(student, {})
                continue
            if (student, qid) in seen_at:
                raise DataError(f"answers CSV {p}: {student} answered {qid} twice "
                                f"(rows {seen_at[(student, qid)]} and {n})")
            seen_at[(student, qid)] = n
            answers.setdefault(student, {})[qid] = cells[ai]
        if unknown:
            warnings.append(f"ignored answers to questions not in the key: {', '.join(sorted(unknown))}")
    else:  # wide format
        cols: dict[int, str] = {}
        ignored = []
        for j, h in enumerate(header):
            if j == si:
                continue
            qid = _norm_qid(h)
            if qid in known:
                if qid in cols.values():
                    raise DataError(f"answers CSV {p}: column {h!r} appears twice")
                cols[j] = qid
            elif h:
                ignored.append(h)
        if not cols:
            raise DataError(f"answers CSV {p} has no question columns matching the key "
                            f"(expected {', '.join(question_ids)}; found {', '.join(header)})",
                            hint="use columns student,q1,q2,... or the long format student,question,answer")
        if ignored:
            warnings.append(f"ignored columns not in the key: {', '.join(ignored)}")
        absent = [q for q in question_ids if q not in cols.values()]
        if absent:
            warnings.append(f"no column for {', '.join(absent)}: marked missing for everyone")
        for n, row in enumerate(rows, 2):
            cells = row + [""] * (len(header) - len(row))
            if len(row) > len(header) and any(c.strip() for c in row[len(header):]):
                raise DataError(f"answers CSV {p}, row {n}: {len(row)} cells but the header has {len(header)}")
            student = cells[si].strip()
            if not student:
                raise DataError(f"answers CSV {p}, row {n}: empty student name")
            if student in answers:
                raise DataError(f"answers CSV {p}, row {n}: student {student!r} appears twice")
            answers[student] = {q: cells[j] for j, q in cols.items()}
    if not answers:
        raise DataError(f"answers CSV {p} has a header but no students")
    return answers, warnings


# ---- grading ---------------------------------------------------------------------------------

def mark(item: KeyItem, cell: str | None) -> Mark:
    """Mark one answer cell against one key item."""
    given = "" if cell is None else str(cell).strip()
    status, values = parse_number(cell)
    if status != "ok":
        return Mark(status, given)
    for v in values:
        if item.is_correct(v):
            return Mark(CORRECT, given, v)
    return Mark(WRONG, given, values[-1] if len(values) > 1 else values[0])


def grade(key_path: str | Path, answers_csv: str | Path) -> GradeReport:
    """Grade a class: ``key.json`` from ``mathllm exercise`` + a CSV of answers (wide or long).

    CLI: ``mathllm grade KEY.json ANSWERS.csv [--out grades.csv]`` prints :func:`print_grade`
    and, with ``--out``, writes :func:`write_grade_csv`. The CSV's delimiter (``,``, ``;`` or
    tab) is taken from its header line; its encoding is UTF-8 (with or without BOM) or, as a
    spreadsheet fallback, Windows-1252.

    Raises :class:`DataError` for a key or CSV that cannot be used.
    """
    title, items = load_key(key_path)
    ids = [it.id for it in items]
    answers, warnings = read_answers(answers_csv, ids)
    students = [StudentGrade(name, {it.id: mark(it, cells.get(it.id)) for it in items})
                for name, cells in answers.items()]
    return GradeReport(items=items, students=students, warnings=warnings, title=title)


def _atomic_write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_grade_csv(report: GradeReport, path: str | Path) -> Path:
    """Write the marks as CSV: one row per student (status per item, score, percent), then a
    final ``% correct`` row with the share of the class that got each item right."""
    p = Path(path)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    ids = report.question_ids
    w.writerow(["student", *ids, "score", "total", "percent"])
    for s in report.students:
        w.writerow([s.student, *(s.marks[q].status for q in ids), s.score, s.total, f"{s.percent:.1f}"])
    w.writerow(["% correct", *(f"{report.question_percent(q):.1f}" for q in ids), "", "",
                f"{report.class_percent:.1f}"])
    _atomic_write_text(p, buf.getvalue())
    return p


_STYLE = {CORRECT: "green", WRONG: "red", MISSING: "yellow", MALFORMED: "magenta"}
_SYMBOL = {CORRECT: "✓", WRONG: "✗", MISSING: "–", MALFORMED: "?"}


def print_grade(report: GradeReport, console: Any = None) -> None:
    """Print the marks as rich tables: one per student and the per-question summary."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = console or Console()
    ids = report.question_ids
    t = Table(title=f"Grades{': ' + report.title if report.title else ''}")
    t.add_column("student")
    for q in ids:
        t.add_column(q, justify="center")
    t.add_column("score", justify="right")
    t.add_column("%", justify="right")
    for s in report.students:
        cells = []
        for q in ids:
            m = s.marks[q]
            label = _SYMBOL[m.status] + (f" {m.given}" if m.status in (WRONG, MALFORMED) and m.given else "")
            cells.append(Text(label[:18], style=_STYLE[m.status]))
        t.add_row(Text(s.student), *cells, f"{s.score}/{s.total}", f"{s.percent:.0f}")
    console.print(t)
    q = Table(title="Per question")
    q.add_column("question")
    q.add_column("answer", justify="right")
    q.add_column("tolerance")
    q.add_column("% correct", justify="right")
    for it in report.items:
        q.add_row(it.id, f"{it.expected:.6g}" + (f" {it.units}" if it.units else ""), it.tolerance_text,
                  f"{report.question_percent(it.id):.0f}")
    console.print(q)
    console.print(f"class average: {report.class_percent:.1f}%  "
                  f"({len(report.students)} students, {len(ids)} items)")
    for w in report.warnings:
        console.print(f"[yellow]warning:[/yellow] {w}")
