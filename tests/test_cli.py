"""The ``mathllm`` command: exit codes, one clear message, never a traceback.

The real console script runs as subprocesses for what only a real process shows (``--help``,
import cost, exit codes and streams of representative failures, the full ``solve --json --out``
success path through the openai backend against a local fake server, since the real model is too
slow for the fast tests). They are started in the background when the module begins, a few at a
time, and the tests pick up their outcomes. The long bad-input lists go through typer's
CliRunner in this process: the same code path, without a second or two of interpreter start-up
per case on a busy 2-core machine (and ``mathllm run`` shares this process's warm sandbox).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import Future, ThreadPoolExecutor
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
                       stdin=subprocess.DEVNULL, check=False)
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
    (d / "deep.md").write_text("---\nanswer: " + "[" * 600 + "]" * 600 + "\n---\nBody.\n", encoding="utf-8")
    (d / "adir").mkdir()
    (d / "busy").mkdir()
    (d / "busy" / "notes.txt").write_text(USER_FILE, encoding="utf-8")
    (d / "good.py").write_text(GOOD, encoding="utf-8")
    (d / "evil.py").write_text("import os\nanswer = len(os.listdir('/'))\n", encoding="utf-8")
    (d / "crash.py").write_text("x = 0\nanswer = 1 / x\n", encoding="utf-8")
    (d / "bad.jsonl").write_text('{"question": "Q", "answer": 1\n', encoding="utf-8")
    (d / "items.jsonl").write_text('{"question": "What is 2 + 2?", "answer": 4}\n', encoding="utf-8")
    (d / "mine.jsonl").write_text(json.dumps({"family": "savings", "problem": PROBLEM.split("---")[-1].strip(),
                                              "program": GOOD}) + "\n", encoding="utf-8")
    (d / "evil.jsonl").write_text(json.dumps({"problem": "list my files",
                                              "program": "import os\nanswer = len(os.listdir('/'))\n"}) + "\n",
                                  encoding="utf-8")
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
    "adapter-not-an-adapter": (["solve", "problem.md", "--adapter", "adir"], "adir is not a LoRA adapter"),
    "missing-model": (["solve", "problem.md", "--model", "/no/such/model.gguf"], "model not found: /no/such/model.gguf"),
    "unreachable-server": (["solve", "problem.md", "--backend", "openai", "--base-url", "http://127.0.0.1:{closed}/v1"],
                           "cannot reach model server http://127.0.0.1:{closed}/v1"),
    "no-server-url": (["solve", "problem.md", "--backend", "openai"], "the openai backend needs a server URL"),
    "bad-url": (["solve", "problem.md", "--backend", "openai", "--base-url", "http://bad host/v1"], "not a valid URL"),
    "not-http-url": (["solve", "problem.md", "--backend", "openai", "--base-url", "file:///etc/passwd"],
                     "not an http(s) URL"),
    "base-url-for-hf": (["solve", "problem.md", "--base-url", "http://127.0.0.1:1/v1"], "--base-url is for the openai backend"),
    "samples-zero": (["solve", "problem.md", "--samples", "0"], "--samples must be between 1 and 64, got 0"),
    "samples-too-many": (["solve", "problem.md", "-k", "1000"], "--samples must be between 1 and 64, got 1000"),
    "samples-not-a-number": (["solve", "problem.md", "--samples", "many"], "Invalid value for '--samples'"),
    "repairs-negative": (["solve", "problem.md", "--repairs", "-1"], "--repairs must be between 0 and 10"),
    "timeout-negative": (["solve", "problem.md", "--timeout", "-1"], "--timeout must be between"),
    "out-dir-with-user-file": (["solve", "problem.md", "--out", "busy"], "--out busy already holds other files (notes.txt"),
    "out-is-a-file": (["solve", "problem.md", "--out", "good.py"], "--out good.py exists and is not a directory"),
    "no-file-argument": (["solve"], "Missing argument"),
    "missing-bank": (["solve", "problem.md", "--bank", "nope.jsonl"], "bank file (JSONL) not found: nope.jsonl"),
    "bank-not-jsonl": (["solve", "problem.md", "--bank", "bad.jsonl"], "bad.jsonl:1: not valid JSON"),
    "bank-with-evil-program": (["solve", "problem.md", "--bank", "evil.jsonl"],
                               "evil.jsonl:1: the program fails the contract check"),
}

#: Bad input also checked in a real process (the whole list goes through CliRunner).
REAL_PROCESS_CASES = ("missing-file", "binary-file", "malformed-front-matter", "unknown-option", "unreachable-server",
                      "out-dir-with-user-file")

#: Real processes, started in the background when the module begins (see the module docstring).
PROCESSES = {
    "solve-ok": cli("solve", "problem.md", "--backend", "openai", "--base-url", "{server}", "--model", "fake",
                    "--api-key", "sk-cli", "--json", "--out", "report"),
    "help": cli("--help"),
    # the installed entry point (next to this interpreter, else on PATH)
    "console-script": [shutil.which("mathllm", path=str(Path(sys.executable).parent)) or shutil.which("mathllm")
                       or "mathllm-console-script-not-installed", "--help"],
    "imports": [sys.executable, "-c", (
        "import sys, mathllm.cli; print(sorted(m for m in ('torch', 'transformers', 'sympy', 'numpy', "
        "'scipy', 'peft', 'matplotlib', 'pandas', 'panel') if m in sys.modules))")],
    "run-evil": cli("run", "evil.py"),
    "run-missing": cli("run", "missing.py"),
    **{f"solve-{name}": cli(*BAD_SOLVE[name][0]) for name in REAL_PROCESS_CASES},
}


@pytest.fixture(scope="module")
def closed() -> int:
    return free_closed_port()


@pytest.fixture(scope="module")
def procs(work: Path, server: FakeOpenAI, closed: int):
    jobs = {name: [a.format(closed=closed, server=server.base_url) for a in argv] for name, argv in PROCESSES.items()}
    pool = ThreadPoolExecutor(max_workers=4)  # the slow one (a sandbox cold start) first
    futures: dict[str, Future] = {name: pool.submit(_run, argv, work) for name, argv in jobs.items()}
    yield futures
    pool.shutdown(wait=True, cancel_futures=True)


def proc(procs: dict[str, Future], name: str) -> Outcome:
    return procs[name].result(timeout=300)


def no_traceback(o: Outcome) -> None:
    assert "Traceback" not in o.stdout + o.stderr, str(o)


def invoke(args: list[str]) -> tuple[Outcome, BaseException | None]:
    """Run the CLI in this process (typer's CliRunner) from the current directory."""
    from typer.testing import CliRunner

    from mathllm.cli import app

    r = CliRunner().invoke(app, args, env={"COLUMNS": "200", "NO_COLOR": "1", "MATHLLM_BASE_URL": None,
                                           "MATHLLM_API_KEY": None, "MATHLLM_MODEL": None})
    exc = r.exception if not isinstance(r.exception, SystemExit) else None
    return Outcome(args, r.exit_code, r.stdout, r.stderr), exc


@pytest.fixture
def in_work(work: Path, monkeypatch: pytest.MonkeyPatch, procs) -> Path:
    monkeypatch.chdir(work)
    return work


def one_clear_message(o: Outcome, expected: str) -> None:
    assert o.rc == 2, str(o)
    no_traceback(o)
    assert o.stdout == "", str(o)
    assert expected in o.err, str(o)
    if o.err.startswith("error:"):  # ours: one error line, at most a hint
        assert o.stderr.count("error:") == 1, str(o)
        assert len([ln for ln in o.stderr.splitlines() if ln.strip()]) <= 3, str(o)
    else:  # click's usage errors
        assert o.err.startswith("Usage:") and o.stderr.count("Error") == 1, str(o)


# -- in this process (CliRunner): all bad input, and `run` on the warm sandbox ----------------------


@pytest.mark.parametrize("name", list(BAD_SOLVE))
def test_solve_bad_input(in_work: Path, closed: int, name: str) -> None:
    args, expected = BAD_SOLVE[name]
    o, exc = invoke([a.format(closed=closed) for a in args])
    assert exc is None, f"{type(exc).__name__}: {exc}"
    one_clear_message(o, expected.format(closed=closed))


def test_run_good_program(in_work: Path) -> None:
    o, exc = invoke(["run", "good.py"])
    assert exc is None and o.rc == 0, str(o)
    assert "answer: 1628.89" in o.stdout and "plausible" in o.stdout
    o, exc = invoke(["run", "good.py", "--json", "--problem", "problem.md"])
    assert exc is None and o.rc == 0, str(o)
    doc = json.loads(o.stdout)
    assert doc["origin"] == "user" and doc["verification"]["status"] == "verified" and doc["error"] is None


def test_run_program_that_crashes(in_work: Path) -> None:
    o, exc = invoke(["run", "crash.py"])
    assert exc is None and o.rc == 1, str(o)
    assert "run failed" in o.stdout and "ZeroDivisionError" in o.stdout


@pytest.mark.parametrize("args, fragment", [
    (["run", "binary.md"], "binary.md looks like a binary file"),
    (["run", "huge.md"], "huge.md is 10,000,000 bytes"),
    (["run", "good.py", "--problem", "badfm.md"], "badfm.md: malformed front matter"),
    (["run", "good.py", "--timeout", "0"], "--timeout must be between"),
    (["eval", "missing.jsonl"], "evaluation data not found: missing.jsonl"),
    (["eval", "bad.jsonl"], "bad.jsonl:1: not valid JSON"),
    (["eval", "latin1.md"], "not valid UTF-8"),
    (["eval", "problem.md", "--limit", "0"], "--limit must be at least 1"),
    (["eval", "items.jsonl", "--bank", "binary.md"], "binary.md looks like a binary file"),
    (["eval", "items.jsonl", "--out", "good.py"], "--out good.py exists and is not an earlier results file"),
    (["bank", "add", "missing.jsonl"], "bank file (JSONL) not found: missing.jsonl"),
    (["bank", "add", "bad.jsonl"], "bad.jsonl:1: not valid JSON"),
    (["bank", "add", "empty.md"], "empty.md is empty"),
    (["bank", "add", "evil.jsonl"], "import of 'os' is not allowed"),
    (["bank", "add", "mine.jsonl", "--name", "../up"], "bad bank name '../up'"),
    (["bank", "remove", "never-installed"], "no installed bank 'never-installed'"),
    (["bank", "frobnicate"], "No such command 'frobnicate'"),
], ids=["run-binary", "run-huge", "run-bad-problem", "run-timeout", "eval-missing", "eval-bad-json",
        "eval-latin1", "eval-limit", "eval-binary-bank", "eval-out-user-file", "bank-missing", "bank-not-json", "bank-empty",
        "bank-evil-program", "bank-bad-name", "bank-remove-unknown", "bank-unknown-command"])
def test_other_commands_bad_input(in_work: Path, args: list[str], fragment: str) -> None:
    before = {p.name: p.read_bytes() for p in in_work.iterdir() if p.is_file()}
    o, exc = invoke(args)
    assert exc is None, f"{type(exc).__name__}: {exc}"
    one_clear_message(o, fragment)
    assert {p.name: p.read_bytes() for p in in_work.iterdir() if p.is_file()} == before  # nothing of the user's touched


def test_bank_add_list_remove(in_work: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bank installed with `bank add` is listed, read by `--bank NAME` and removed; the
    user's file is left as it was."""
    monkeypatch.setenv("MATHLLM_BANKS_DIR", str(tmp_path / "banks"))
    before = (in_work / "mine.jsonl").read_bytes()
    o, exc = invoke(["bank", "list"])
    from mathllm.retrieve import BANK_PATH

    shipped = sum(1 for line in BANK_PATH.read_text(encoding="utf-8").splitlines() if line.strip())
    assert exc is None and o.rc == 0 and o.stdout.startswith(f"builtin\t{shipped} examples"), str(o)
    o, exc = invoke(["bank", "add", "mine.jsonl", "--name", "savings"])
    assert exc is None and o.rc == 0, str(o)
    assert o.stdout.strip() == f"1 examples -> {tmp_path / 'banks' / 'savings.jsonl'}"
    assert (in_work / "mine.jsonl").read_bytes() == before
    o, _ = invoke(["bank", "list"])
    assert o.stdout.splitlines()[1].startswith("savings\t1 examples\t"), str(o)
    from mathllm.cli import _banks
    from mathllm.retrieve import BANK_PATH, default_banks

    assert default_banks() == [BANK_PATH, tmp_path / "banks" / "savings.jsonl"]
    assert _banks([Path("builtin"), Path("savings"), Path("mine.jsonl")]) == (
        str(BANK_PATH), str(tmp_path / "banks" / "savings.jsonl"), "mine.jsonl")
    o, exc = invoke(["bank", "remove", "savings"])
    assert exc is None and o.rc == 0 and not (tmp_path / "banks" / "savings.jsonl").exists(), str(o)
    assert default_banks() == [BANK_PATH]


# -- real processes (started in the background by `procs`) ----------------------------------------


def test_help(procs) -> None:
    for name in ("help", "console-script"):
        o = proc(procs, name)
        assert o.rc == 0, str(o)
        no_traceback(o)
        for command in ("solve", "run", "serve", "eval", "train", "exercise", "grade"):
            assert command in o.stdout


def test_importing_the_cli_is_light(procs) -> None:
    o = proc(procs, "imports")
    assert o.rc == 0, str(o)
    assert o.stdout.strip() == "[]", f"heavy modules imported by `import mathllm.cli`: {o.stdout}"


@pytest.mark.parametrize("name", REAL_PROCESS_CASES)
def test_solve_bad_input_real_process(procs, closed: int, name: str) -> None:
    one_clear_message(proc(procs, f"solve-{name}"), BAD_SOLVE[name][1].format(closed=closed))


def test_out_dir_with_user_file_is_untouched(procs, in_work: Path) -> None:
    o = proc(procs, "solve-out-dir-with-user-file")
    assert o.rc == 2
    assert sorted(p.name for p in (in_work / "busy").iterdir()) == ["notes.txt"]
    assert (in_work / "busy" / "notes.txt").read_text(encoding="utf-8") == USER_FILE
    assert (in_work / "good.py").read_text(encoding="utf-8") == GOOD


def test_solve_json_and_report(procs, work: Path, server: FakeOpenAI) -> None:
    o = proc(procs, "solve-ok")
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
    user_block = body["prompt"].rsplit("### Problem\n", 1)[1]  # after any retrieved examples
    assert body["model"] == "fake" and body["n"] == 1 and user_block.startswith("Anna puts 1,000 EUR")
    assert "1628.89" not in user_block and "answer:" not in user_block  # no front matter, no expected answer
    assert posts[0].headers["authorization"] == "Bearer sk-cli"


def test_run_program_that_fails_its_check(procs) -> None:
    o = proc(procs, "run-evil")
    assert o.rc == 1, str(o)
    no_traceback(o)
    assert "check failed" in o.stdout and "import of 'os' is not allowed" in o.stdout


def test_run_missing_file(procs) -> None:
    one_clear_message(proc(procs, "run-missing"), "program file not found: missing.py")
