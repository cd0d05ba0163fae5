"""The problem bank (problems/<domain>/<name>.md) and its hand-written reference programs.

Every problem file must load, state its expected answer, and have a reference program at
tests/reference/<domain>/<name>.py that follows the model program contract
(:mod:`mathllm.contract`) and reproduces that answer. Reference programs are written by us,
so they run in-process (``exec`` in a fresh namespace), which keeps this file fast.
"""

from __future__ import annotations

import ast
import math
from collections import Counter
from pathlib import Path

import pytest

from mathllm.contract import has_answer, parse_parameters, set_parameters
from mathllm.problem import find_problems, load_problem

ROOT = Path(__file__).resolve().parents[1]
PROBLEMS = ROOT / "problems"
REFERENCE = Path(__file__).resolve().parent / "reference"

DOMAINS = ("finance", "weather", "medical", "physics", "population", "optimization", "classroom")
MIN_PER_DOMAIN = {d: 4 for d in DOMAINS if d != "classroom"} | {"classroom": 32}
MIN_TOTAL = 56
#: Relative tolerance when a problem gives no absolute tolerance.
DEFAULT_REL_TOL = 1e-6

PROBLEM_FILES = find_problems(PROBLEMS)


def _id(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


def reference_path(problem_file: Path) -> Path:
    return REFERENCE / problem_file.parent.name / (problem_file.stem + ".py")


def _number(x) -> float:
    import sympy as sp

    value = float(sp.N(x)) if isinstance(x, sp.Basic) else float(x)
    assert math.isfinite(value), f"non-finite answer {value}"
    return value


def run_reference(code: str) -> float | dict[str, float]:
    """Run a trusted reference program in a fresh namespace and return its numeric answer."""
    env: dict = {"__name__": "__reference__"}
    exec(compile(code, "<reference>", "exec"), env)  # noqa: S102 (our own trusted programs)
    assert "answer" in env, "the reference program does not set `answer`"
    ans = env["answer"]
    if isinstance(ans, dict):
        return {str(k): _number(v) for k, v in ans.items()}
    return _number(ans)


def _close(got: float, expected: float, tol: float | None) -> bool:
    if tol is None:
        return math.isclose(got, expected, rel_tol=DEFAULT_REL_TOL, abs_tol=1e-12)
    return abs(got - expected) <= tol + 1e-9 * max(1.0, abs(expected))


def _mismatches(got, expected, tol) -> list[str]:
    if isinstance(expected, dict):
        if not isinstance(got, dict):
            return [f"expected a dict {sorted(expected)}, got {got!r}"]
        if set(got) != set(expected):
            return [f"answer keys {sorted(got)} != front matter keys {sorted(expected)}"]
        return [f"{k}: {got[k]!r} vs expected {expected[k]!r}" for k in expected
                if not _close(got[k], expected[k], tol)]
    if isinstance(got, dict):
        return [f"expected a number, got a dict {got!r}"]
    return [] if _close(got, expected, tol) else [f"{got!r} vs expected {expected!r}"]


def _perturbed(value: float, is_int: bool) -> float:
    if is_int:
        return int(value) + max(1, round(abs(value) * 0.1))
    return value * 1.1 if value else 0.1


# ---- the bank as a whole --------------------------------------------------------------------

def test_domain_counts():
    counts = Counter(p.parent.name for p in PROBLEM_FILES)
    assert set(counts) <= set(DOMAINS), f"unknown domain folders: {set(counts) - set(DOMAINS)}"
    for domain, least in MIN_PER_DOMAIN.items():
        assert counts[domain] >= least, f"{domain}: {counts[domain]} problems, need {least}"
    assert sum(counts.values()) >= MIN_TOTAL


def test_every_reference_program_has_a_problem():
    problems = {_id(p) for p in PROBLEM_FILES}
    programs = {f"{p.parent.name}/{p.stem}" for p in REFERENCE.rglob("*.py")}
    assert programs - problems == set(), "reference programs without a problem file"


def test_readme_lists_every_domain():
    readme = (PROBLEMS / "README.md").read_text(encoding="utf-8")
    for domain in DOMAINS:
        assert f"`{domain}`" in readme


# ---- each problem ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def answers() -> dict:
    """Cache of reference answers, so each program runs once for the answer checks."""
    return {}


def _reference_answer(path: Path, cache: dict):
    key = _id(path)
    if key not in cache:
        cache[key] = run_reference(reference_path(path).read_text(encoding="utf-8"))
    return cache[key]


@pytest.mark.parametrize("path", PROBLEM_FILES, ids=_id)
def test_problem_file(path: Path):
    problem = load_problem(path)
    assert problem.title, "front matter needs a title"
    assert problem.domain == path.parent.name, "front matter domain must match the folder"
    assert problem.answer is not None, "front matter needs an expected answer"
    assert problem.tags, "front matter needs tags"
    assert problem.units, "front matter needs units"
    assert problem.tolerance is None or problem.tolerance >= 0
    # the prompt neutralises these markers; a problem should not need them
    assert "```" not in problem.text and "\n### " not in problem.text
    variants = problem.meta.get("variants")
    if problem.domain == "classroom":
        assert isinstance(variants, dict) and variants, "classroom problems carry variants: ranges"
    if variants is not None:
        assert isinstance(variants, dict)
        for name, rng in variants.items():
            assert isinstance(rng, list) and len(rng) == 2, f"variants.{name} must be [low, high]"
            assert all(isinstance(b, (int, float)) and not isinstance(b, bool) for b in rng)
            assert rng[0] < rng[1], f"variants.{name}: low must be below high"


@pytest.mark.parametrize("path", PROBLEM_FILES, ids=_id)
def test_reference_follows_contract(path: Path):
    ref = reference_path(path)
    assert ref.is_file(), f"missing reference program {ref.relative_to(ROOT)}"
    code = ref.read_text(encoding="utf-8")
    assert has_answer(code)
    params = parse_parameters(code)
    assert params, "the reference program has no contract parameters"
    for p in params:
        assert p.description, f"parameter {p.name} has no description comment"
        assert p.unit, f"parameter {p.name} has no [unit] in its comment"
    # parameters first: after the imports, nothing but parameters until the last parameter
    names = {p.name for p in params}
    body = [n for n in ast.parse(code).body if not isinstance(n, (ast.Import, ast.ImportFrom))]
    last = max(p.line for p in params)
    for node in body:
        if node.lineno > last:
            break
        assert isinstance(node, ast.Assign) and len(node.targets) == 1 \
            and getattr(node.targets[0], "id", None) in names, \
            f"line {node.lineno}: model code before the last parameter"
    problem = load_problem(path)
    by_name = {p.name: p for p in params}
    for name, (low, high) in (problem.meta.get("variants") or {}).items():
        assert name in by_name, f"variants.{name} is not a parameter of the reference program"
        p = by_name[name]
        assert low <= p.value <= high, f"variants.{name}: {p.value} is outside [{low}, {high}]"
        if p.is_int:
            assert isinstance(low, int) and isinstance(high, int), \
                f"variants.{name}: an integer parameter needs an integer range"


@pytest.mark.parametrize("path", PROBLEM_FILES, ids=_id)
def test_reference_answer_matches(path: Path, answers: dict):
    problem = load_problem(path)
    got = _reference_answer(path, answers)
    bad = _mismatches(got, problem.answer, problem.tolerance)
    assert not bad, f"{_id(path)}: " + "; ".join(bad)


@pytest.mark.parametrize("path", PROBLEM_FILES, ids=_id)
def test_answer_depends_on_parameters(path: Path, answers: dict):
    """Guards against a hard-coded answer: changing some parameter must change the answer."""
    problem = load_problem(path)
    code = reference_path(path).read_text(encoding="utf-8")
    base = _reference_answer(path, answers)
    tried = []
    for p in parse_parameters(code):
        new = _perturbed(p.value, p.is_int)
        try:
            other = run_reference(set_parameters(code, {p.name: new}))
        except Exception as exc:  # noqa: BLE001 (a perturbation may leave the model's regime)
            tried.append(f"{p.name}: {type(exc).__name__}")
            continue
        if _mismatches(other, base, problem.tolerance if problem.tolerance else None):
            return
        tried.append(f"{p.name}: same answer")
    pytest.fail("no single-parameter change alters the answer: " + ", ".join(tried))


CLASSROOM = [p for p in PROBLEM_FILES if p.parent.name == "classroom"]


@pytest.mark.parametrize("path", CLASSROOM, ids=_id)
def test_variant_numbers_are_located_in_the_text(path: Path):
    """Each number a teacher may vary is written exactly once, so a worksheet can rewrite it."""
    exercise = pytest.importorskip("mathllm.exercise")
    locate = getattr(exercise, "locate_parameters", None)
    if locate is None:
        pytest.skip("mathllm.exercise has no locate_parameters")
    problem = load_problem(path)
    params = parse_parameters(reference_path(path).read_text(encoding="utf-8"))
    knobs, fixed = locate(problem.text, params)
    missing = {name: fixed.get(name, "?") for name in problem.meta["variants"] if name not in knobs}
    assert not missing, f"variant parameters the text does not pin down: {missing}"


@pytest.mark.parametrize("path", CLASSROOM, ids=_id)
def test_variant_ranges_give_answers(path: Path):
    """The ends and middle of the variants: ranges still give a finite answer."""
    problem = load_problem(path)
    code = reference_path(path).read_text(encoding="utf-8")
    params = {p.name: p for p in parse_parameters(code)}
    ranges = problem.meta["variants"]
    for pick in (0, 1, None):
        values = {}
        for name, (low, high) in ranges.items():
            v = (low, high)[pick] if pick is not None else (low + high) / 2
            values[name] = round(v) if params[name].is_int else v
        run_reference(set_parameters(code, values))  # raises on a failed or non-finite answer
