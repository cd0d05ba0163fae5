"""The ``mathllm`` command, run as a real subprocess: exit codes, one clear message, no traceback.

Every command line of this module is started up front by one module fixture, a few at a time
(each is a Python process that imports typer and rich; two also cold-start a sandbox), and the
tests then check their outcomes. The success path of ``solve`` goes through the openai backend
against a local fake server, because the real model is too slow for the fast tests.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import FakeOpenAI, free_closed_port

GOOD = """\
principal = 1000  # amount deposited [EUR]
rate = 0.05  # annual interest rate [1/year]
years = 10  # saving period [year]
answer = principal * (1 + rate) ** years
"""
PROBLEM = """\
---
title: Savings account
domain: finance
answer: "1,628.89"
tolerance: 0.01
units: EUR
---
Anna puts 1,000 EUR in a savings account at 5% a year. How much is in it after 10 years?
"""
USER_FILE = "my thesis notes - do not touch\n"


@dataclass
class Outcome:
    argv: list[str]
    rc: int
    stdout: str
    stderr: str

    @property
    def err(self) -> str:
        """stderr with rich's line wrapping undone."""
        return re.sub(r"\s+", " ", self.stderr).strip()

    def __str__(self) -> str:  # shown when an assertion fails
        return f"argv={self.argv}\nrc={self.rc}\nstdout={self.stdout[-2000:]}\nstderr={self.stderr[-2000:]}"


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("MATHLLM_BASE_URL", "MATHLLM_API_KEY", "MATHLLM_MODEL", "OPENAI_"))}
    env.update(COLUMNS="200", NO_COLOR="1", PYTHONIOENCODING="utf-8")
    return env


def _run(argv: list[str], cwd: Path, timeout: float = 240) -> Outcome:
    p = subprocess.run(argv, cwd=cwd, env=_env(), capture_output=True, text=True, timeout=timeout,
                       stdin=subprocess.DEVNULL)
    return Outcome(argv, p.returncode, p.stdout, p.stderr)


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "mathllm.cli", *args]


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("cli")
    (d / "problem.md").write_text(PROBLEM, encoding="utf-8")
    (d / "empty.md").write_bytes(b"")
    (d / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00")
    (d / "latin1.md").write_bytes("Un caf\xe9 co\xfbte 3 EUR.".encode("latin-1"))
    (d / "huge.md").write_bytes(b"x" * 10_000_000)
    (d / "badfm.md").write_text("---\ntitle: [unclosed\n---\nBody.\n", encoding="utf-8")
    (d / "noclose.md").write_text("---\ntitle: x\nBody.\n", encoding="utf-8")
    (d / "deep.md").write_text("---\nanswer: " + "[" * 800 + "]" * 800 + "\n---\nBody.\n", encoding="utf-8")
    (d / "adir").mkdir()
    (d / "busy").mkdir()
    (d / "busy" / "notes.txt").write_text(USER_FILE, encoding="utf-8")
    (d / "good.py").write_text(GOOD, encoding="utf-8")
    (d / "evil.py").write_text("import os\nanswer = len(os.listdir('/'))\n", encoding="utf-8")
    (d / "crash.py").write_text("x = 0\nanswer = 1 / x\n", encoding="utf-8")
    (d / "bad.jsonl").write_text('{"question": "Q", "answer": 1\n', encoding="utf-8")
    return d


@pytest.fixture(scope="module")
def server():
    fake = FakeOpenAI(reply=lambda prompt, body: GOOD + "```\n### Problem\nthe model rambles on")
    yield fake
    fake.close()


BAD_SOLVE = {
    "missing-file": (["solve", "nope.md"], "problem file not found: nope.md"),
    "directory": (["solve", "adir"], "adir is a directory, not a problem file"),
    "empty-file": (["solve", "empty.md"], "empty.md is empty"),
    "binary-file": (["solve", "binary.md"], "binary.md looks like a binary file"),
    "invalid-utf8": (["solve", "latin1.md"], "latin1.md is not valid UTF-8 text"),
    "ten-megabytes": (["solve", "huge.md"], "huge.md is 10,000,000 bytes; a problem file may be at most"),
    "malformed-front-matter": (["solve", "badfm.md"], "badfm.md: malformed front matter"),
    "unclosed-front-matter": (["solve", "noclose.md"], "has no closing '---' line"),
    "deep-front-matter": (["solve", "deep.md"], "nested too deeply"),
    "unknown-option": (["solve", "problem.md", "--frobnicate"], "No such option: --frobnicate"),
    "unknown-backend": (["solve", "problem.md", "--backend", "tensorflow"], "Invalid value for '--backend'"),
    "missing-adapter": (["solve", "problem.md", "--adapter", "/no/such/adapter"], "adapter not found: /no/such/adapter"),
    "unreachable-server": (["solve", "problem.md", "--backend", "openai", "--base-url", "http://127.0.0.1:{closed}/v1"],
                           "cannot reach model server http://127.0.0.1:{closed}/v1"),
    "bad-url": (["solve", "problem.md", "--backend", "openai", "--base-url", "http://bad host/v1"], "not a valid URL"),
    "base-url-for-hf": (["solve", "problem.md", "--base-url", "http://127.0.0.1:1/v1"], "--base-url is for the openai backend"),
    "samples-zero": (["solve", "problem.md", "--samples", "0"], "--samples must be between 1 and 64, got 0"),
    "samples-not-a-number": (["solve", "problem.md", "--samples", "many"], "Invalid value for '--samples'"),
    "timeout-negative": (["solve", "problem.md", "--timeout", "-1"], "--timeout must be between"),
    "out-dir-with-user-file": (["solve", "problem.md", "--out", "busy"], "--out busy already holds other files (notes.txt"),
    "out-is-a-file": (["solve", "problem.md", "--out", "good.py"], "--out good.py exists and is not a directory"),
    "no-file-argument": (["solve"], "Missing argument"),
}
OTHER = {
    "help": cli("--help"),
    "solve-help": cli("solve", "--help"),
    "imports": [sys.executable, "-c",
                "import sys, mathllm.cli; print(sorted(m for m in ('torch', 'transformers', 'sympy', 'numpy', "
                "'scipy', 'peft', 'matplotlib', 'pandas', 'panel') if m in sys.modules))"],
    "run-good": cli("run", "good.py"),
    "run-good-json": cli("run", "good.py", "--json", "--problem", "problem.md"),
    "run-evil": cli("run", "evil.py"),
    "run-crash": cli("run", "crash.py"),
    "run-missing": cli("run", "missing.py"),
    "run-binary": cli("run", "binary.md"),
    "run-bad-problem": cli("run", "good.py", "--problem", "badfm.md"),
    "eval-missing": cli("eval", "missing.jsonl"),
    "eval-bad-json": cli("eval", "bad.jsonl"),
    "solve-ok": cli("solve", "problem.md", "--backend", "openai", "--base-url", "{server}", "--model", "fake",
                    "--api-key", "sk-cli", "--json", "--out", "report"),
}


@pytest.fixture(scope="module")
def outcomes(work: Path, server: FakeOpenAI) -> dict[str, Outcome]:
    closed = free_closed_port()
    jobs = {name: cli(*args) for name, (args, _) in BAD_SOLVE.items()} | OTHER
    jobs = {name: [a.format(closed=closed, server=server.base_url) for a in argv] for name, argv in jobs.items()}
    if shutil.which("mathllm"):
        jobs["console-script"] = [shutil.which("mathllm"), "--help"]
    # the two sandbox cold starts first, the quick ones alongside
    order = sorted(jobs, key=lambda n: n not in ("solve-ok", "run-good", "run-good-json"))
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = {name: pool.submit(_run, jobs[name], work) for name in order}
        return {name: f.result() for name, f in futures.items()}


def no_traceback(o: Outcome) -> None:
    assert "Traceback" not in o.stdout + o.stderr, str(o)


# -- help and import cost --------------------------------------------------------------------------


def test_help(outcomes: dict[str, Outcome]) -> None:
    for name in ("help", "solve-help", "console-script"):
        if name not in outcomes:
            continue
        o = outcomes[name]
        assert o.rc == 0, str(o)
        no_traceback(o)
    text = outcomes["help"].stdout
    for command in ("solve", "run", "serve", "eval", "train", "exercise", "grade"):
        assert command in text
    assert "--samples" in outcomes["solve-help"].stdout and "--base-url" in outcomes["solve-help"].stdout


def test_importing_the_cli_is_light(outcomes: dict[str, Outcome]) -> None:
    o = outcomes["imports"]
    assert o.rc == 0, str(o)
    assert o.stdout.strip() == "[]", f"heavy modules imported by `import mathllm.cli`: {o.stdout}"


# -- solve: bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(BAD_SOLVE))
def test_solve_bad_input(outcomes: dict[str, Outcome], server: FakeOpenAI, name: str) -> None:
    o = outcomes[name]
    expected = BAD_SOLVE[name][1]
    if "{closed}" in expected:
        expected = expected.split("{closed}")[0]
    assert o.rc == 2, str(o)
    no_traceback(o)
    assert o.stdout == "", str(o)
    assert expected in o.err, str(o)
    # one clear message: a single error line (and at most a hint, or click's usage lines)
    if o.err.startswith("error:"):
        assert o.stderr.count("error:") == 1, str(o)
        assert len([ln for ln in o.stderr.splitlines() if ln.strip()]) <= 3, str(o)
    else:
        assert o.err.startswith("Usage:") and o.stderr.count("Error") == 1, str(o)


def test_out_dir_with_user_file_is_untouched(outcomes: dict[str, Outcome], work: Path) -> None:
    assert outcomes["out-dir-with-user-file"].rc == 2
    assert sorted(p.name for p in (work / "busy").iterdir()) == ["notes.txt"]
    assert (work / "busy" / "notes.txt").read_text(encoding="utf-8") == USER_FILE
    assert (work / "good.py").read_text(encoding="utf-8") == GOOD


# -- solve: success path via the openai backend ------------------------------------------------------


def test_solve_json_and_report(outcomes: dict[str, Outcome], work: Path, server: FakeOpenAI) -> None:
    o = outcomes["solve-ok"]
    assert o.rc == 0, str(o)
    no_traceback(o)
    doc = json.loads(o.stdout)
    assert doc["solved"] is True and doc["verdict"] == "verified"
    assert doc["answer"]["value"] == pytest.approx(1628.894626777442)
    assert doc["answer_text"] == "1628.89 EUR"
    assert doc["program"] == GOOD and [p["name"] for p in doc["parameters"]] == ["principal", "rate", "years"]
    assert doc["model"]["backend"] == "openai" and doc["model"]["model"] == "fake"
    # the report folder
    out = work / "report"
    assert sorted(p.name for p in out.iterdir()) == ["program.py", "report.md", "result.json"]
    assert (out / "program.py").read_text(encoding="utf-8") == GOOD
    assert json.loads((out / "result.json").read_text(encoding="utf-8"))["verdict"] == "verified"
    assert "Verdict: **verified**" in (out / "report.md").read_text(encoding="utf-8")
    assert "report:" in o.stderr
    # what the server was asked
    posts = [r for r in server.requests if r.method == "POST"]
    assert len(posts) == 1 and posts[0].path == "/v1/completions"
    body = posts[0].body
    assert body["model"] == "fake" and body["n"] == 1 and "Anna puts 1,000 EUR" in body["prompt"]
    assert "1628.89" not in body["prompt"]  # the expected answer is never shown to the model
    assert posts[0].headers["authorization"] == "Bearer sk-cli"


# -- run -----------------------------------------------------------------------------------------------


def test_run_good_program(outcomes: dict[str, Outcome]) -> None:
    o = outcomes["run-good"]
    assert o.rc == 0, str(o)
    no_traceback(o)
    assert "answer: 1628.89" in o.stdout and "plausible" in o.stdout


def test_run_json_with_problem(outcomes: dict[str, Outcome]) -> None:
    o = outcomes["run-good-json"]
    assert o.rc == 0, str(o)
    doc = json.loads(o.stdout)
    assert doc["origin"] == "user" and doc["verification"]["status"] == "verified" and doc["error"] is None


def test_run_program_that_fails_its_check(outcomes: dict[str, Outcome]) -> None:
    o = outcomes["run-evil"]
    assert o.rc == 1, str(o)
    no_traceback(o)
    assert "check failed" in o.stdout and "import of 'os' is not allowed" in o.stdout


def test_run_program_that_crashes(outcomes: dict[str, Outcome]) -> None:
    o = outcomes["run-crash"]
    assert o.rc == 1, str(o)
    assert "run failed" in o.stdout and "ZeroDivisionError" in o.stdout
    # the program's own traceback is shown as data on stdout, never a traceback of mathllm
    assert "Traceback" not in o.stderr and "mathllm/" not in o.stdout


@pytest.mark.parametrize("name, fragment", [
    ("run-missing", "program file not found: missing.py"),
    ("run-binary", "binary.md looks like a binary file"),
    ("run-bad-problem", "badfm.md: malformed front matter"),
    ("eval-missing", "evaluation data not found: missing.jsonl"),
    ("eval-bad-json", "bad.jsonl:1: not valid JSON"),
])
def test_other_commands_bad_input(outcomes: dict[str, Outcome], name: str, fragment: str) -> None:
    o = outcomes[name]
    assert o.rc == 2, str(o)
    no_traceback(o)
    assert fragment in o.err and o.stderr.count("error:") == 1, str(o)
