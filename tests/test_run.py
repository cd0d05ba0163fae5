"""The run stage: results of real programs in the real sandbox, failures as statuses, the worker."""

from __future__ import annotations

import base64
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from mathllm import run as run_mod
from mathllm.run import (
    Answer,
    Check,
    Figure,
    Limits,
    RunResult,
    Sandbox,
    Table,
    get_sandbox,
    run_program,
)

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def sandbox() -> Sandbox:
    """The shared process-wide sandbox (also exercises get_sandbox/run_program)."""
    return get_sandbox()


def _run(sandbox: Sandbox, code: str, **kw: float) -> RunResult:
    result = sandbox.run(code, **kw)
    json.dumps(result.to_dict())  # every result is JSON-serialisable
    return result


# -- happy paths ------------------------------------------------------------------------------


def test_number_answer_stdout_and_variables(sandbox: Sandbox) -> None:
    code = (
        "rate = 0.05  # annual interest rate [1/year]\n"
        "years = 10  # saving period [year]\n"
        "principal = 1000  # deposit [EUR]\n"
        "label = 'savings'\n"
        "print('computing', label)\n"
        "answer = principal * (1 + rate) ** years\n"
    )
    r = _run(sandbox, code)
    assert r.ok, r.error
    assert r.status == "ok" and r.error is None
    assert r.answer is not None and r.answer.kind == "number"
    assert r.answer.value == pytest.approx(1628.894626777442)
    assert r.stdout == "computing savings\n"
    assert r.variables == {"rate": 0.05, "years": 10.0, "principal": 1000.0,
                           "answer": pytest.approx(1628.894626777442)}
    assert 0 < r.duration_s < 10


def test_dict_answer(sandbox: Sandbox) -> None:
    code = (
        "import sympy as sp\n"
        "x, y = sp.symbols('x y')\n"
        "eqs = [sp.Eq(x + y, 10), sp.Eq(x - y, 2)]\n"
        "sol = sp.solve(eqs, [x, y])\n"
        "answer = {'x': sol[x], 'y': sol[y]}\n"
    )
    r = _run(sandbox, code)
    assert r.ok, r.error
    assert r.answer.kind == "dict"
    assert r.answer.values == {"x": 6.0, "y": 4.0}
    assert r.answer.value is None
    assert "x = 6" in r.answer.latex
    assert [e["name"] for e in r.equations] == ["eqs[0]", "eqs[1]"]
    assert r.equations[0]["latex"] == "x + y = 10"
    assert [c.kind for c in r.checks] == ["checksol"] and r.checks[0].ok


def test_sympy_expression_answer(sandbox: Sandbox) -> None:
    r = _run(sandbox, "import sympy as sp\nx = sp.Symbol('x')\nanswer = sp.sin(x)**2 + 1\n")
    assert r.ok, r.error
    assert r.answer.kind == "expression"
    assert r.answer.value is None
    assert r.answer.text == "sin(x)**2 + 1"
    assert r.answer.latex == r"\sin^{2}{\left(x \right)} + 1"


def test_sympy_number_answer_keeps_latex(sandbox: Sandbox) -> None:
    r = _run(sandbox, "import sympy as sp\nanswer = sp.sqrt(2) / 2\n")
    assert r.ok, r.error
    assert r.answer.kind == "number"
    assert r.answer.value == pytest.approx(0.7071067811865476)
    assert r.answer.latex == r"\frac{\sqrt{2}}{2}"


@pytest.mark.parametrize("expr", ["np.float64(2.5)", "np.array(2.5)", "np.array([2.5])", "np.int32(2) + 0.5",
                                  "fractions.Fraction(5, 2)", "sp.Rational(5, 2)", "sp.Float(2.5)"])
def test_numeric_answer_types(sandbox: Sandbox, expr: str) -> None:
    r = _run(sandbox, f"import fractions\nimport numpy as np\nimport sympy as sp\nanswer = {expr}\n")
    assert r.ok, r.error
    assert r.answer.kind == "number" and r.answer.value == 2.5


def test_equations_latex(sandbox: Sandbox) -> None:
    code = (
        "import sympy as sp\n"
        "P, r, n = sp.symbols('P r n', positive=True)\n"
        "growth = sp.Eq(sp.Symbol('F'), P * (1 + r) ** n)\n"
        "answer = 1\n"
    )
    r = _run(sandbox, code)
    assert r.equations == [{"name": "growth", "latex": r"F = P \left(r + 1\right)^{n}",
                            "text": "Eq(F, P*(r + 1)**n)"}]


def test_dataframe_and_series_tables(sandbox: Sandbox) -> None:
    code = (
        "import numpy as np\n"
        "import pandas as pd\n"
        "df = pd.DataFrame({'t': np.arange(300), 'v': np.sqrt(np.arange(300.0))})\n"
        "s = pd.Series([1.5, np.nan], index=['a', 'b'], name='vals')\n"
        "answer = float(df.v.iloc[-1])\n"
    )
    r = _run(sandbox, code)
    assert r.ok, r.error
    df, s = r.tables
    assert isinstance(df, Table)
    assert (df.name, df.columns) == ("df", ["t", "v"])
    assert len(df.rows) == 200
    assert df.rows[4] == [4, 2.0]
    assert (s.name, s.columns, s.rows) == ("s", ["index", "vals"], [["a", 1.5], ["b", None]])


def test_matplotlib_figure_png(sandbox: Sandbox) -> None:
    code = (
        "import matplotlib.pyplot as plt\n"
        "fig, ax = plt.subplots()\n"
        "ax.plot([0, 1, 2], [0, 1, 4])\n"
        "ax.set_title('growth')\n"
        "answer = 4\n"
    )
    r = _run(sandbox, code)
    assert r.ok, r.error
    (fig,) = r.figures
    assert isinstance(fig, Figure)
    png = base64.b64decode(fig.png_base64)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(png) > 1000


def test_figure_count_is_capped_and_labels_kept(sandbox: Sandbox) -> None:
    code = ("import matplotlib.pyplot as plt\n"
            "for i in range(9):\n"
            "    plt.figure(f'plot {i}', figsize=(2, 2))\n"
            "    plt.plot([0, i])\n"
            "answer = 9\n")
    r = _run(sandbox, code)
    assert r.ok, r.error
    assert [f.name for f in r.figures] == [f"plot {i}" for i in range(6)]


def test_figures_do_not_leak_into_the_next_run(sandbox: Sandbox) -> None:
    _run(sandbox, "import matplotlib.pyplot as plt\nplt.plot([1, 2])\nanswer = 1\n")
    r = _run(sandbox, "import matplotlib.pyplot as plt\nanswer = len(plt.get_fignums())\n")
    assert r.answer.value == 0 and r.figures == []


ODE = (
    "import sympy as sp\n"
    "t = sp.symbols('t')\n"
    "k = sp.symbols('k', positive=True)\n"
    "y = sp.Function('y')\n"
    "ode = sp.Eq(y(t).diff(t), -k * y(t))\n"
)


def test_checkodesol_passes_for_a_correct_dsolve(sandbox: Sandbox) -> None:
    code = ODE + "sol = sp.dsolve(ode, y(t), ics={y(0): 5})\nanswer = float(sol.rhs.subs({k: 0.5, t: 2}))\n"
    r = _run(sandbox, code)
    assert r.ok, r.error
    assert r.answer.value == pytest.approx(5 * 2.718281828459045 ** -1)
    assert r.checks == [Check(kind="checkodesol", ok=True, detail="sol satisfies ode: residual 0")]


def test_checkodesol_fails_for_a_wrong_solution(sandbox: Sandbox) -> None:
    code = ODE + "sol = sp.Eq(y(t), 5 * sp.exp(k * t))\nanswer = 1.0\n"
    r = _run(sandbox, code)
    assert r.ok  # the run itself is fine; the check is the evidence
    (check,) = r.checks
    assert check.kind == "checkodesol" and check.ok is False
    assert "sol does not satisfy ode" in check.detail and "residual" in check.detail


FLOAT_ODE = (
    "import sympy as sp\n"
    "t = sp.symbols('t', positive=True)\n"
    "C = sp.Function('C')\n"
    "k = 44.9 / 51\n"
    "ode = sp.Eq(C(t).diff(t), 1.58 / 51 - k * C(t))\n"
)


def test_checkodesol_passes_when_the_residual_is_only_float_rounding(sandbox: Sandbox) -> None:
    # sympy leaves -4.9e-17*exp(0.88*t) - 3.1e-17 for this right solution: no failure to report
    code = FLOAT_ODE + "sol = sp.dsolve(ode, C(t), ics={C(0): 0})\nanswer = float(sol.rhs.subs(t, 3))\n"
    r = _run(sandbox, code)
    (check,) = r.checks
    assert check.ok is True and "within rounding" in check.detail


@pytest.mark.parametrize("wrong", ["0.5 * 1.58 / 51 / k * (1 - sp.exp(-k * t))",  # off by a factor
                                   "1.58 / 51 / k * (1 - sp.exp(-k * t)) + 1e-6"])  # off by a little
def test_checkodesol_still_fails_for_a_float_solution_that_is_wrong(sandbox: Sandbox, wrong: str) -> None:
    r = _run(sandbox, FLOAT_ODE + f"sol = sp.Eq(C(t), {wrong})\nanswer = 1.0\n")
    (check,) = r.checks
    assert check.ok is False and "does not satisfy" in check.detail


def test_checksol_fails_for_a_wrong_root(sandbox: Sandbox) -> None:
    code = ("import sympy as sp\nx = sp.Symbol('x')\neq = sp.Eq(x**2, 4)\n"
            "roots = [sp.Integer(3)]\nanswer = 3\n")
    r = _run(sandbox, code)
    (check,) = r.checks
    assert (check.kind, check.ok) == ("checksol", False)


def test_no_checks_for_plain_data(sandbox: Sandbox) -> None:
    r = _run(sandbox, "import sympy as sp\nx = sp.Symbol('x')\neq = sp.Eq(x, 2)\ndata = [0, 1, 2]\nanswer = 2\n")
    assert r.checks == []


# -- errors -----------------------------------------------------------------------------------


def test_error_line_and_user_only_traceback(sandbox: Sandbox) -> None:
    code = "x = 1\ny = 2\n\ndef f(v):\n    return v / 0\n\nanswer = f(x)\n"
    r = _run(sandbox, code)
    assert r.status == "error"
    assert r.error == "ZeroDivisionError: division by zero (line 5)"
    assert r.error_line == 5
    assert r.traceback.startswith("Traceback (most recent call last):")
    assert 'File "<program>", line 7, in <module>' in r.traceback
    assert 'File "<program>", line 5, in f' in r.traceback
    assert "return v / 0" in r.traceback
    assert "mathllm" not in r.traceback and "site-packages" not in r.traceback


def test_error_inside_a_library_points_at_the_program_line(sandbox: Sandbox) -> None:
    code = "import numpy as np\nA = np.zeros((2, 2))\nb = np.ones(2)\nx = np.linalg.solve(A, b)\nanswer = x[0]\n"
    r = _run(sandbox, code)
    assert r.status == "error"
    assert r.error.startswith("LinAlgError: Singular matrix (line 4)")
    assert r.error_line == 4
    assert "site-packages" not in r.traceback and "numpy/linalg" not in r.traceback


def test_syntax_error(sandbox: Sandbox) -> None:
    r = _run(sandbox, "x = 1\ny = (2\nanswer = 3\n")
    assert r.status == "error"
    assert r.error.startswith("SyntaxError: ") and r.error.endswith("(line 2)")
    assert r.error_line == 2
    assert "y = (2" in r.traceback


def test_no_answer(sandbox: Sandbox) -> None:
    r = _run(sandbox, "x = 3\nprint(x)\n")
    assert r.status == "no_answer"
    assert "`answer`" in r.error
    assert r.stdout == "3\n"
    assert r.variables == {"x": 3.0}


@pytest.mark.parametrize(("expr", "fragment"), [
    ("float('nan')", "NaN"),
    ("float('inf')", "infinite"),
    ("sp.oo", "infinite"),
    ("sp.nan", "NaN"),
    ("sp.sqrt(-2)", "complex"),
    ("complex(1, 2)", "complex"),
    ("[1, 2]", "list"),
    ("'42'", "str"),
    ("None", "None"),
    ("True", "bool"),
    ("{}", "empty dict"),
    ("{'a': float('nan')}", "answer['a'] is NaN"),
    ("{'a': {'b': 1}}", "nested"),
    ("np.array([1.0, 2.0])", "array"),
    ("sp.Matrix([1, 2])", "Matrix"),
    ("10**400", "too large"),
])
def test_bad_answers(sandbox: Sandbox, expr: str, fragment: str) -> None:
    r = _run(sandbox, f"import numpy as np\nimport sympy as sp\nanswer = {expr}\n")
    assert r.status == "bad_answer", r
    assert fragment in r.error
    assert r.answer is None


def test_exception_wins_over_an_assigned_answer(sandbox: Sandbox) -> None:
    r = _run(sandbox, "answer = 1\nraise ValueError('late failure')\n")
    assert r.status == "error" and r.answer is None
    assert r.error == "ValueError: late failure (line 2)"


def test_sys_exit_is_an_error(sandbox: Sandbox) -> None:
    r = _run(sandbox, "import sys\nanswer = 1\nsys.exit(0)\n")
    assert r.status == "error"
    assert r.error == "SystemExit: the program called exit() (line 3)"


def test_timeout_names_the_line(sandbox: Sandbox) -> None:
    t0 = time.monotonic()
    r = _run(sandbox, "x = 0\nwhile True:\n    x += 1\n", timeout_s=1.0)
    elapsed = time.monotonic() - t0
    assert r.status == "timeout"
    assert r.error.startswith("the program ran longer than 1 s (stopped at line")
    assert r.error_line in (2, 3)
    assert 1.0 <= elapsed < 6


def test_timeout_when_the_program_swallows_the_interrupt(sandbox: Sandbox) -> None:
    code = "while True:\n    try:\n        while True:\n            pass\n    except BaseException:\n        pass\n"
    t0 = time.monotonic()
    r = _run(sandbox, code, timeout_s=1.0)
    assert r.status == "timeout"
    assert "ran longer than 1 s" in r.error
    assert time.monotonic() - t0 < 8


def test_output_cap(sandbox: Sandbox) -> None:
    r = _run(sandbox, "while True:\n    print('x' * 1000)\n", timeout_s=5)
    assert r.status == "output_limit"
    assert str(sandbox.limits.max_output_bytes) in r.error
    assert 0 < len(r.stdout.encode()) <= sandbox.limits.max_output_bytes


def test_memory_limit(sandbox: Sandbox) -> None:
    r = _run(sandbox, "big = bytearray(50 * 1024**3)\nanswer = 1\n")
    assert r.status == "memory"
    assert r.error_line == 1 and "MemoryError" in r.error


def test_runs_are_isolated_from_each_other(sandbox: Sandbox) -> None:
    first = _run(sandbox, (
        "import builtins, os\nimport sympy as sp\n"
        "builtins.LEAK = 1\nsp.solve = None\n"
        "open('left_behind.txt', 'w').write('x')\n"
        "answer = len(os.listdir('.'))\n"))
    assert first.ok and first.answer.value == 1
    second = _run(sandbox, (
        "import builtins, os\nimport sympy as sp\n"
        "x = sp.Symbol('x')\n"
        "answer = {'leak': int(hasattr(builtins, 'LEAK')), 'files': len(os.listdir('.')),\n"
        "          'root': float(max(sp.solve(x**2 - 4, x)))}\n"))
    assert second.ok, second.error
    assert second.answer.values == {"leak": 0.0, "files": 0.0, "root": 2.0}


def test_each_run_gets_fresh_randomness(sandbox: Sandbox) -> None:
    code = "import numpy as np\nimport random\nanswer = {'np': np.random.rand(), 'py': random.random()}\n"
    a, b = _run(sandbox, code), _run(sandbox, code)
    assert a.answer.values["np"] != b.answer.values["np"]
    assert a.answer.values["py"] != b.answer.values["py"]


def test_refuses_oversized_and_null_byte_programs(sandbox: Sandbox) -> None:
    r = sandbox.run("answer = 1\n" + "#" * (run_mod.MAX_CODE_BYTES + 1))
    assert r.status == "error" and "longer than" in r.error
    r = sandbox.run("answer = 1\x00")
    assert r.status == "error" and "null byte" in r.error
    with pytest.raises(ValueError):
        sandbox.run("answer = 1", timeout_s=0)


# -- the sandbox as a service -----------------------------------------------------------------


def test_concurrent_runs_from_many_threads(sandbox: Sandbox) -> None:
    n = 6
    results: dict[int, RunResult] = {}

    def work(i: int) -> None:
        results[i] = sandbox.run(f"import time\ntime.sleep(0.4)\nanswer = {i} * 10\n")

    threads = [threading.Thread(target=work, args=(i,)) for i in range(n)]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    elapsed = time.monotonic() - t0
    assert sorted(results) == list(range(n))
    for i, r in results.items():
        assert r.ok, r.error
        assert r.answer.value == i * 10
    # max_parallel=2: six 0.4 s programs need at least three rounds
    assert elapsed >= 3 * 0.4


def test_run_program_uses_the_shared_sandbox(sandbox: Sandbox) -> None:
    assert get_sandbox() is sandbox
    r = run_program("answer = 2 ** 10", timeout_s=5)
    assert r.ok and r.answer.value == 1024


def test_worker_restarts_after_it_is_killed(sandbox: Sandbox) -> None:
    before = sandbox.restarts
    pid = sandbox.worker_pid
    assert pid is not None
    os.killpg(pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while sandbox._worker.alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    r = sandbox.run("answer = 7")
    assert r.ok and r.answer.value == 7
    assert sandbox.restarts == before + 1
    assert sandbox.worker_pid != pid


def _server_host_pids(worker_pid: int) -> list[int]:
    """Host pids of the fork server (descendants of the worker process running _worker)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_bytes()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat[stat.rfind(b")") + 2:].split()[1])
    found = []
    for pid in parents:
        p, chain = pid, []
        while p in parents and p != worker_pid and len(chain) < 50:
            chain.append(p)
            p = parents[p]
        if p == worker_pid and pid != worker_pid:
            try:
                if b"mathllm._worker" in (Path("/proc") / str(pid) / "cmdline").read_bytes():
                    found.append(pid)
            except OSError:
                pass
    return found


def test_host_deadline_restarts_a_hung_worker(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    pids = _server_host_pids(sandbox.worker_pid)
    assert pids, "the fork server process was not found"
    monkeypatch.setattr(run_mod, "HOST_GRACE_S", 1.0)
    for pid in pids:
        os.kill(pid, signal.SIGSTOP)
    t0 = time.monotonic()
    r = sandbox.run("answer = 1", timeout_s=1.0)
    assert r.status == "timeout"
    assert "did not answer" in r.error
    assert time.monotonic() - t0 < 10
    r = sandbox.run("answer = 3")
    assert r.ok and r.answer.value == 3


def test_isolation_is_described(sandbox: Sandbox) -> None:
    assert sandbox.isolation != "not started"
    if run_mod._bwrap_path():
        assert sandbox.isolation.startswith("bubblewrap")
        assert "no network" in sandbox.isolation


def test_importing_run_does_not_import_sympy() -> None:
    code = ("import sys, mathllm.run\n"
            "heavy = [m for m in ('sympy', 'numpy', 'scipy', 'pandas', 'matplotlib') if m in sys.modules]\n"
            "assert not heavy, heavy\n")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_closed_sandbox_refuses_to_run() -> None:
    sb = Sandbox(mode="none", startup_timeout_s=1e-9)
    sb.close()
    with pytest.raises(Exception, match="closed"):
        sb.run("answer = 1")


# -- results as data --------------------------------------------------------------------------


def test_result_round_trip() -> None:
    r = RunResult(status="ok", answer=Answer("dict", None, {"a": 1.0}, "{'a': 1}", "a = 1"),
                  equations=[{"name": "e", "latex": "x = 1", "text": "Eq(x, 1)"}],
                  tables=[Table("df", ["a"], [[1], [None]])], figures=[Figure("f", "iVBOR")],
                  checks=[Check("checksol", True, "ok")], stdout="hi\n", duration_s=0.5,
                  variables={"a": 1.0})
    again = RunResult.from_dict(json.loads(json.dumps(r.to_dict())))
    assert again == r
    assert again.ok


def test_from_dict_is_defensive() -> None:
    bad = {"status": "pwned", "answer": {"kind": "x", "value": "1e9", "values": {"a": "b", "c": 2}},
           "equations": ["x", {"name": 3}], "tables": [{"rows": "nope"}], "figures": [None],
           "checks": [{"ok": "yes"}], "stdout": 5, "error_line": True, "duration_s": float("inf"),
           "variables": {"a": [1], "b": 2.0}}
    r = RunResult.from_dict(bad)
    assert r.status == "sandbox_error"
    assert r.answer == Answer(kind="other", value=None, values={"c": 2.0}, text="", latex="")
    assert r.equations == [{"name": "", "latex": "", "text": ""}]
    assert r.tables == [Table("", [], [])] and r.figures == []
    assert r.checks == [Check("", False, "")]
    assert r.stdout == "" and r.error_line is None and r.duration_s == 0.0
    assert r.variables == {"b": 2.0}
    assert RunResult.from_dict("garbage").status == "sandbox_error"  # type: ignore[arg-type]


def test_limits_defaults() -> None:
    limits = Limits()
    assert (limits.timeout_s, limits.memory_mb, limits.max_file_mb, limits.max_open_files,
            limits.max_output_bytes) == (10.0, 1536, 8, 64, 256_000)


# -- fallbacks (each starts its own worker) ---------------------------------------------------


def _listener() -> socket.socket:
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(8)
    srv.setblocking(False)
    return srv


def _accepted_nothing(srv: socket.socket) -> bool:
    try:
        conn, _ = srv.accept()
    except BlockingIOError:
        return True
    conn.close()
    return False


NET_PROBE = """\
import socket
try:
    socket.create_connection(("127.0.0.1", {port}), timeout=1).close()
    reached = 1
except OSError:
    reached = 0
answer = reached
"""


def test_unshare_fallback_has_no_network() -> None:
    srv = _listener()
    try:
        with Sandbox(Limits(memory_mb=512), max_parallel=1, mode="unshare") as sb:
            assert "via unshare(2)" in sb.isolation and "NO filesystem isolation" in sb.isolation
            r = sb.run(NET_PROBE.format(port=srv.getsockname()[1]), timeout_s=5)
            assert r.ok, r.error
            assert r.answer.value == 0
            assert _accepted_nothing(srv)
    finally:
        srv.close()


def test_plain_subprocess_fallback_warns_loudly(capfd: pytest.CaptureFixture[str]) -> None:
    with Sandbox(Limits(memory_mb=512), max_parallel=1, mode="none") as sb:
        assert sb.isolation.startswith("WARNING: NO ISOLATION")
        r = sb.run("import sympy as sp\nanswer = sp.Rational(1, 4)\n", timeout_s=5)
        assert r.ok and r.answer.value == 0.25
        r = sb.run("while True:\n    pass\n", timeout_s=1)
        assert r.status == "timeout"
    assert "NO ISOLATION" in capfd.readouterr().err


def test_bwrap_sandbox_has_no_network_and_runs_as_nobody(sandbox: Sandbox) -> None:
    if not sandbox.isolation.startswith("bubblewrap"):
        pytest.skip("bubblewrap is not in force here")
    srv = _listener()
    try:
        r = sandbox.run(NET_PROBE.format(port=srv.getsockname()[1]), timeout_s=5)
        assert r.ok and r.answer.value == 0
        assert _accepted_nothing(srv)
    finally:
        srv.close()
    r = sandbox.run("import os\nanswer = {'uid': os.getuid(), 'gid': os.getgid()}\n")
    assert r.answer.values == {"uid": 65534.0, "gid": 65534.0}


@pytest.mark.skipif(run_mod._bwrap_path() is None, reason="bubblewrap is not installed")
def test_bwrap_runs_as_nobody_with_the_package_in_a_private_folder(tmp_path: Path) -> None:
    """A clone made right in ``mktemp -d`` (mode 0700) must still get the strong sandbox.

    uid 65534 cannot enter such a folder, so the worker could not import mathllm from it and
    the sandbox used to fall back, quietly, to a weaker one running programs as root.
    """
    import shutil

    checkout = tmp_path / "clone"
    checkout.mkdir(mode=0o700)
    shutil.copytree(ROOT / "mathllm", checkout / "mathllm",
                    ignore=shutil.ignore_patterns("__pycache__"))
    checkout.chmod(0o700)
    probe = (
        "import json\n"
        "from mathllm.run import Limits, Sandbox\n"
        "with Sandbox(Limits(memory_mb=512), max_parallel=1, mode='auto') as sb:\n"
        "    r = sb.run('import os, mathllm\\nanswer = os.getuid()', timeout_s=10)\n"
        "    print(json.dumps({'isolation': sb.isolation, 'uid': r.answer.value if r.ok else r.error}))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    env.pop("MATHLLM_SANDBOX", None)
    p = subprocess.run([sys.executable, "-c", probe], cwd=checkout, env=env, capture_output=True, check=False,
                       text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout.strip().splitlines()[-1])
    assert out["isolation"].startswith("bubblewrap"), (out, p.stderr)
    assert out["uid"] == 65534.0, out
    assert "weaker sandbox" not in p.stderr


def test_falling_back_to_a_weaker_sandbox_is_never_silent(
        monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]) -> None:
    """When a stronger sandbox is there but fails to start, the user is told, with the reason."""
    real = run_mod._launches

    def launches(mode: str, limits: Limits) -> list[run_mod._Launch]:
        broken = run_mod._Launch("bwrap", [sys.executable, "-c", "import sys; sys.exit(3)"],
                                 "bubblewrap (broken on purpose)")
        return [broken, *real("none", limits)]

    monkeypatch.setattr(run_mod, "_launches", launches)
    with Sandbox(Limits(memory_mb=512), max_parallel=1, mode="auto") as sb:
        assert sb.run("answer = 2", timeout_s=5).answer.value == 2
    err = capfd.readouterr().err
    assert "sandbox (bwrap) could not start" in err and "weaker sandbox (none)" in err


def test_unknown_mode_is_a_clear_error() -> None:
    from mathllm.errors import SandboxError

    with pytest.raises(SandboxError, match="unknown sandbox mode"):
        Sandbox(mode="docker")


def test_forked_host_process_gets_its_own_worker(sandbox: Sandbox) -> None:
    """A fork of the host (multiprocessing, pre-forking servers) must not share the worker's pipes."""
    parent_worker = sandbox.worker_pid
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        code = 1
        try:
            res = get_sandbox().run("answer = 5", timeout_s=5)
            mine = get_sandbox().worker_pid
            code = 0 if res.ok and res.answer.value == 5 and mine != parent_worker else 2
        finally:
            os.write(w, bytes([code]))
            os._exit(0)
    os.close(w)
    status = os.read(r, 1)
    os.close(r)
    os.waitpid(pid, 0)
    assert status == b"\x00"
    after = sandbox.run("answer = 6")
    assert after.ok and after.answer.value == 6
    assert sandbox.worker_pid == parent_worker
