"""The sandbox worker: runs INSIDE the sandbox, never in the host process.

:class:`mathllm.run.Sandbox` starts it once (inside bubblewrap when it can) with
``python -I -B -c <boot> <config-json>``. The process takes its protocol pipes (fds 0/1) out
of reach, isolates itself where the host asked (``unshare`` of the network namespace in the
fallback mode), drops to uid/gid 65534 when it is root, and splits in two:

* the **server** (a child) speaks the host protocol: one JSON request per line in, one JSON
  response per line out (never pickle). It holds every program's code, output and result,
  enforces the wall-clock limits and builds the responses. It never forks programs, so no
  program ever inherits another program's data.
* the **forker** (the original process) preloads NumPy, SymPy, SciPy, pandas and matplotlib
  and runs a warm-up program, so that a run does not pay a second of imports. It never sees
  a program's code or output. It keeps one pre-forked *spare* child ready; on request it
  hands the spare's pipe ends to the server (``SCM_RIGHTS`` over a unix socket), reaps
  children (it is the child subreaper, so orphaned descendants come back to it), and kills
  process trees when the server says so.

A child starts a new session, waits for its request on a pipe (written by the server), sets
its rlimits, moves into a fresh private directory, points fds 1/2 at a capped output pipe,
executes the program with a fresh globals dict and writes one JSON document (built by
:mod:`mathllm.introspect`) to a result pipe. Both worker processes are non-dumpable, so a
program (same uid) can neither ptrace them nor read their memory; it can kill them, and the
host then restarts the sandbox.

Control messages between server and forker (unix SOCK_SEQPACKET, one message each):

* ``F`` (server -> forker): give me a child; answered ``C <pid>`` with three fds attached
  (request write end, output read end, result read end);
* ``K <pid>``: kill the process tree of job ``pid``; answered ``k <pid>`` once every process
  in it has been sent SIGKILL (such a process never runs program code again) and has exited
  (bounded wait);
* ``X <pid> <wait status>`` (forker -> server): a handed-out child was reaped;
* ``R <json>`` / ``E <error>`` (forker -> server, once): preloaded and ready / failed.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import io
import json
import os
import resource
import selectors
import shutil
import signal
import socket
import stat
import sys
import tempfile
import time
from dataclasses import dataclass, field
from typing import Any

PROGRAM_FILENAME = "<program>"
NOBODY = 65534

# prctl(2) options (linux/prctl.h)
_PR_SET_PDEATHSIG = 1
_PR_SET_DUMPABLE = 4
_PR_SET_CHILD_SUBREAPER = 36
_PR_SET_NO_NEW_PRIVS = 38
# clone(2) flags for unshare(2)
_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000

_READ_CHUNK = 1 << 16
_RESULT_FD = 3  # the child's result pipe is moved to this fd


def _libc() -> ctypes.CDLL:
    return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)


def _prctl(option: int, arg: int) -> bool:
    try:
        return _libc().prctl(option, ctypes.c_ulong(arg), 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        try:
            n = os.write(fd, view)
        except InterruptedError:
            continue
        view = view[n:]


# ---------------------------------------------------------------------------------------------
# Isolation steps done by the server itself (fallback mode) and privilege drop
# ---------------------------------------------------------------------------------------------


def _unshare_network() -> str:
    """Move this process into a new, empty network namespace (no interfaces but a down lo).

    Root can unshare the network namespace directly. Anyone else first needs a user
    namespace; the caller's own uid/gid are mapped to themselves inside it and the process
    re-executes itself (an ``execve`` by a non-root uid drops the capabilities a new user
    namespace grants), so the server ends up with no capabilities at all.
    """
    libc = _libc()
    if os.geteuid() == 0:
        if libc.unshare(_CLONE_NEWNET) != 0:
            raise OSError(ctypes.get_errno(), "unshare(CLONE_NEWNET) failed")
        return "network namespace"
    uid, gid = os.getuid(), os.getgid()
    if libc.unshare(_CLONE_NEWUSER | _CLONE_NEWNET) != 0:
        raise OSError(ctypes.get_errno(), "unshare(CLONE_NEWUSER|CLONE_NEWNET) failed")
    with open("/proc/self/setgroups", "w") as f:
        f.write("deny")
    with open("/proc/self/uid_map", "w") as f:
        f.write(f"{uid} {uid} 1")
    with open("/proc/self/gid_map", "w") as f:
        f.write(f"{gid} {gid} 1")
    return "user+network namespace"


def _world_accessible(path: str) -> bool:
    """Whether uid 65534 could read ``path`` (every ancestor searchable by others)."""
    p = os.path.abspath(path)
    while True:
        try:
            mode = os.stat(p).st_mode
        except OSError:
            return False
        if not mode & stat.S_IXOTH:
            return False
        parent = os.path.dirname(p)
        if parent == p:
            return True
        p = parent


def _drop_privileges(uid: int, gid: int) -> None:
    os.setgroups([])
    os.setresgid(gid, gid, gid)
    os.setresuid(uid, uid, uid)
    if os.getuid() != uid or os.geteuid() != uid:
        raise OSError("could not drop privileges")


# ---------------------------------------------------------------------------------------------
# The child: runs one program
# ---------------------------------------------------------------------------------------------


def _set_limits(limits: dict[str, Any], base_vm_bytes: int, timeout_s: float, grace_s: float) -> None:
    mb = 1024 * 1024
    cpu = limits.get("cpu_s") or (timeout_s + grace_s + 1.0)
    cpu_soft = max(1, int(cpu + 0.999))
    settings = [
        (resource.RLIMIT_CPU, cpu_soft, cpu_soft + 1),
        # Address space: what the preloaded libraries already map plus the program's budget.
        (resource.RLIMIT_AS, base_vm_bytes + int(limits["memory_mb"]) * mb, None),
        (resource.RLIMIT_FSIZE, int(limits["max_file_mb"]) * mb, None),
        (resource.RLIMIT_NOFILE, int(limits["max_open_files"]), None),
        (resource.RLIMIT_CORE, 0, 0),
        # Counted per real uid; effective because we run as uid 65534 (not root).
        (resource.RLIMIT_NPROC, int(limits["max_processes"]), None),
    ]
    for which, soft, hard in settings:
        hard = soft if hard is None else hard
        cur_hard = resource.getrlimit(which)[1]
        if cur_hard != resource.RLIM_INFINITY:  # cannot raise a hard limit without privileges
            hard = min(hard, cur_hard)
            soft = min(soft, hard)
        # No try/except: a program never runs with a limit silently missing.
        resource.setrlimit(which, (soft, hard))


def _read_all(fd: int) -> bytes:
    chunks = []
    while True:
        try:
            data = os.read(fd, _READ_CHUNK)
        except InterruptedError:
            continue
        if not data:
            return b"".join(chunks)
        chunks.append(data)


def _child_main(req_r: int, out_w: int, res_w: int, base_vm_bytes: int) -> None:
    """Body of a forked child. Never returns (ends in ``os._exit``).

    Children are forked *before* their request arrives (a "spare" waits on its request
    pipe), so the fork and this preparation are not on the latency path of a run.
    """
    try:
        signal.set_wakeup_fd(-1)  # the forker's wakeup pipe is about to be closed
        os.setsid()  # own session and process group
        for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGCHLD, signal.SIGALRM,
                    signal.SIGUSR1, signal.SIGUSR2):
            signal.signal(sig, signal.SIG_DFL)
        _prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)  # die with the forker
        _prctl(_PR_SET_DUMPABLE, 1)  # the program's own /proc/self stays readable to it
        # fd 0 <- /dev/null, fds 1/2 -> output pipe, fd 3 -> result pipe, fd 4 <- request;
        # everything else (the forker's control socket and wakeup pipe) is closed.
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        os.dup2(out_w, 1)
        os.dup2(out_w, 2)
        os.dup2(res_w, _RESULT_FD)
        os.dup2(req_r, _RESULT_FD + 1)
        os.closerange(_RESULT_FD + 2, 1 << 20)
        os.set_inheritable(_RESULT_FD, False)
        sys.stdin = open(os.devnull)  # noqa: SIM115 - lives as long as the process
        sys.stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), encoding="utf-8",
                                      errors="backslashreplace", line_buffering=True)
        sys.stderr = io.TextIOWrapper(io.FileIO(2, "w", closefd=False), encoding="utf-8",
                                      errors="backslashreplace", line_buffering=True)
        sys.__stdout__, sys.__stderr__ = sys.stdout, sys.stderr
        try:
            import numpy as np

            np.random.seed()  # the forker's global RNG state is shared by every fork
        except Exception:  # noqa: BLE001, S110 - numpy missing: nothing to reseed
            pass
        from mathllm import introspect

        # -- wait for the request --
        req = json.loads(_read_all(_RESULT_FD + 1))
        os.close(_RESULT_FD + 1)
        started = time.monotonic()
        limits = req["limits"]
        timeout_s = float(req["timeout_s"])
        grace_s = float(req["grace_s"])
        workdir = req["workdir"]
        os.chdir(workdir)
        os.environ["HOME"] = workdir
        os.environ["TMPDIR"] = workdir
        tempfile.tempdir = workdir
        _set_limits(limits, base_vm_bytes, timeout_s, grace_s)
        result = introspect.execute(
            req["code"], timeout_s=timeout_s, hard_deadline=started + timeout_s + grace_s,
            memory_mb=int(limits["memory_mb"]))
        try:
            payload = json.dumps(result, allow_nan=False).encode("utf-8")
        except (TypeError, ValueError) as e:
            payload = json.dumps({"status": "error", "error": f"could not encode the results: {e}"}).encode()
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except Exception:  # noqa: BLE001, S110 - the output pipe may be closed; the result matters more
            pass
        _write_all(_RESULT_FD, payload)
        for fd in (_RESULT_FD, 1, 2):  # EOF on both pipes tells the server we are done
            try:
                os.close(fd)
            except OSError:  # the program may have closed it already
                pass
        os._exit(0)
    except BaseException as e:  # noqa: BLE001 - last resort: report rather than die silently
        try:
            msg = json.dumps({"status": "error", "error": f"sandbox child failed: {type(e).__name__}: {e}"})
            _write_all(_RESULT_FD, msg.encode())
        except BaseException:  # noqa: BLE001, S110 - nothing left to report to
            pass
        os._exit(70)


# ---------------------------------------------------------------------------------------------
# Control channel helpers
# ---------------------------------------------------------------------------------------------


def _send(sock: socket.socket, text: str, fds: list[int] | None = None) -> None:
    data = text.encode("utf-8")
    if fds:
        socket.send_fds(sock, [data], fds)
    else:
        sock.send(data)


def _recv(sock: socket.socket) -> tuple[str, list[int]]:
    """One control message; ('', []) at EOF."""
    data, fds, _flags, _addr = socket.recv_fds(sock, 1 << 16, 4)
    return data.decode("utf-8", "replace"), list(fds)


def _kill(pid: int) -> None:
    if pid <= 0:  # never 0 or -1: kill(-1) would signal every process we may signal
        return
    for kill in (os.killpg, os.kill):
        try:
            kill(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def _scan() -> dict[int, tuple[int, bytes]]:
    """pid -> (ppid, state) of every process visible in /proc."""
    procs: dict[int, tuple[int, bytes]] = {}
    try:
        names = os.listdir("/proc")
    except OSError:
        return procs
    for name in names:
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as f:
                data = f.read()
        except OSError:
            continue
        fields = data[data.rfind(b")") + 2:].split()
        if len(fields) > 1:
            procs[int(name)] = (int(fields[1]), fields[0])
    return procs


# ---------------------------------------------------------------------------------------------
# The forker: pristine (no program data), forks, reaps and kills
# ---------------------------------------------------------------------------------------------


@dataclass
class _Spare:
    pid: int
    req_w: int
    out_r: int
    res_r: int


class Forker:
    def __init__(self, ctl: socket.socket, server_pid: int) -> None:
        self.ctl = ctl
        self.server_pid = server_pid
        self.pid = os.getpid()
        self.base_vm_bytes = _vm_size()
        self.spare: _Spare | None = None
        self.handed: set[int] = set()  # handed-out children not yet reaped

    def _fork(self) -> _Spare:
        out_r, out_w = os.pipe()
        res_r, res_w = os.pipe()
        req_r, req_w = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            for fd in (out_r, out_w, res_r, res_w, req_r, req_w):
                os.close(fd)
            raise
        if pid == 0:
            try:
                _child_main(req_r, out_w, res_w, self.base_vm_bytes)
            finally:
                os._exit(70)
        for fd in (out_w, res_w, req_r):
            os.close(fd)
        return _Spare(pid, req_w, out_r, res_r)

    def _refill(self) -> None:
        if self.spare is None:
            try:
                self.spare = self._fork()
            except OSError:
                self.spare = None  # fork on demand next time

    def _drop_spare(self) -> None:
        spare, self.spare = self.spare, None
        if spare is not None:
            for fd in (spare.req_w, spare.out_r, spare.res_r):
                os.close(fd)

    def serve(self) -> None:
        wake_r, wake_w = os.pipe()
        for fd in (wake_r, wake_w):
            os.set_blocking(fd, False)
        signal.set_wakeup_fd(wake_w, warn_on_full_buffer=False)
        signal.signal(signal.SIGCHLD, lambda signum, frame: None)
        sel = selectors.DefaultSelector()
        sel.register(self.ctl, selectors.EVENT_READ, "ctl")
        sel.register(wake_r, selectors.EVENT_READ, "wake")
        self._refill()
        while True:
            for key, _ in sel.select(1.0):
                if key.data == "wake":
                    try:
                        while os.read(wake_r, 4096):
                            pass
                    except BlockingIOError:
                        pass
                else:
                    try:
                        msg, fds = _recv(self.ctl)
                    except (OSError, ValueError):
                        msg, fds = "", []
                    for fd in fds:
                        os.close(fd)
                    if not msg:
                        self._exit()
                    self._handle(msg)
            self._reap()
            self._refill()

    def _handle(self, msg: str) -> None:
        op, _, arg = msg.partition(" ")
        if op == "F":
            if self.spare is None:
                self._refill()
            if self.spare is None:
                _send(self.ctl, "C 0")  # could not fork
                return
            spare = self.spare
            _send(self.ctl, f"C {spare.pid}", [spare.req_w, spare.out_r, spare.res_r])
            self.handed.add(spare.pid)
            self._drop_spare()
            self._refill()  # the next child is forked while this one runs
        elif op == "K":
            pid = int(arg)
            self._kill_tree(pid)
            _send(self.ctl, f"k {pid}")

    def _reap(self) -> None:
        while True:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            if pid == self.server_pid:
                self._exit()
            if self.spare is not None and pid == self.spare.pid:
                self._drop_spare()  # killed by a program; a new one is forked
            elif pid in self.handed:
                self.handed.discard(pid)
                try:
                    _send(self.ctl, f"X {pid} {status}")
                except OSError:
                    self._exit()

    def _kill_tree(self, root: int, max_wait_s: float = 2.0) -> None:
        """SIGKILL the job ``root``, its descendants and every orphan re-parented to us.

        Processes are found through their parent links (setsid does not hide them); orphans
        come to us because the forker is a child subreaper. Once every process found has been
        sent SIGKILL none of them runs program code again (a process with SIGKILL pending
        cannot fork), so the loop ends when a scan finds nothing new. Orphans of a job still
        running are killed too: a program gets no daemons.
        """
        keep = {self.pid, self.server_pid} | (self.handed - {root})
        if self.spare is not None:
            keep.add(self.spare.pid)
        _kill(root)
        killed: set[int] = {root}
        end = time.monotonic() + max_wait_s
        while True:
            procs = _scan()
            children: dict[int, list[int]] = {}
            for pid, (ppid, _) in procs.items():
                children.setdefault(ppid, []).append(pid)
            todo = [root] + [p for p in children.get(self.pid, []) if p not in keep]
            seen: set[int] = set()
            fresh: list[int] = []
            while todo:
                pid = todo.pop()
                if pid in seen or pid in keep:
                    continue
                seen.add(pid)
                info = procs.get(pid)
                if info is not None and info[1] not in (b"Z", b"X") and pid not in killed:
                    fresh.append(pid)
                todo.extend(children.get(pid, []))
            if fresh:
                for pid in fresh:
                    _kill(pid)
                    killed.add(pid)
            elif not any(p in procs and procs[p][1] not in (b"Z", b"X") for p in killed):
                # Nothing new to kill and every killed process has exited (a loaded machine
                # may take a while to schedule their exit): no process of the job is left.
                self._reap()
                return
            self._reap()
            if time.monotonic() > end:
                return
            time.sleep(0.001)

    def _exit(self) -> None:
        """The server is gone: kill every child and leave (bubblewrap then tears down)."""
        if self.spare is not None:
            _kill(self.spare.pid)
        for pid in list(self.handed):
            self._kill_tree(pid, 0.5)
        os._exit(0)


def _vm_size() -> int:
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 1 << 30


# ---------------------------------------------------------------------------------------------
# The server: host protocol, program data, deadlines
# ---------------------------------------------------------------------------------------------


@dataclass
class _Job:
    id: Any
    pid: int
    out_r: int
    res_r: int
    workdir: str
    timeout_s: float
    max_output: int
    max_result: int
    started: float
    hard_deadline: float
    out: bytearray = field(default_factory=bytearray)
    res: bytearray = field(default_factory=bytearray)
    out_open: bool = True
    res_open: bool = True
    killed_for: str | None = None  # "timeout" | "output_limit" | "result_limit"
    checked_complete: bool = False
    wait_status: int | None = None
    ended: float | None = None


def _signal_name(sig: int) -> str:
    try:
        return signal.Signals(sig).name
    except ValueError:
        return f"signal {sig}"


class ForkerGone(Exception):
    """The forker died (a program may kill it); the server exits and the host restarts."""


class Server:
    """The protocol loop (one per sandbox)."""

    GRACE_MIN_S = 0.5

    def __init__(self, cfg: dict[str, Any], proto_in: int, proto_out: int, base: str,
                 ctl: socket.socket) -> None:
        self.cfg = cfg
        self.proto_in = proto_in
        self.proto_out = proto_out
        self.base = base
        self.ctl = ctl
        self.private_tmp = bool(cfg.get("private_tmp"))
        self.keep_in_base = {".mpl", ".cache"}
        self.jobs: dict[int, _Job] = {}  # running, by pid
        self.sel = selectors.DefaultSelector()
        self.inbuf = bytearray()

    # -- control channel ------------------------------------------------------------------

    def _ctl_message(self, msg: str, fds: list[int]) -> tuple[str, str, list[int]]:
        if not msg:
            raise ForkerGone()
        op, _, arg = msg.partition(" ")
        if op == "X":
            pid_s, _, status_s = arg.partition(" ")
            pid, status = int(pid_s), int(status_s)
            job = self.jobs.get(pid)
            if job is not None and job.wait_status is None:
                job.wait_status = status
                job.ended = time.monotonic()
        return op, arg, fds

    def _ctl_wait(self, want: str, arg: str | None = None) -> tuple[str, list[int]]:
        """Wait for a reply (``C`` or ``k <pid>``), handling exit notices meanwhile."""
        while True:
            msg, fds = _recv(self.ctl)
            op, a, fds = self._ctl_message(msg, fds)
            if op == want and (arg is None or a == arg):
                return a, fds
            for fd in fds:
                os.close(fd)

    def wait_ready(self) -> dict[str, Any]:
        msg, _ = _recv(self.ctl)
        if msg.startswith("R "):
            return json.loads(msg[2:])
        raise RuntimeError(msg[2:] if msg.startswith("E ") else "the forker exited during startup")

    # -- protocol --------------------------------------------------------------------------

    def send(self, obj: dict[str, Any]) -> None:
        _write_all(self.proto_out, (json.dumps(obj, allow_nan=False) + "\n").encode("utf-8"))

    def serve(self) -> None:
        os.set_blocking(self.proto_in, False)
        self.sel.register(self.proto_in, selectors.EVENT_READ, "proto")
        self.sel.register(self.ctl, selectors.EVENT_READ, "ctl")
        while True:
            timeout = 0.5
            now = time.monotonic()
            for job in self.jobs.values():
                if job.killed_for is None:
                    timeout = min(timeout, max(0.0, job.hard_deadline - now))
            for key, _ in self.sel.select(timeout):
                if key.data == "proto":
                    if not self._read_protocol():
                        self.shutdown()
                        return
                elif key.data == "ctl":
                    _, _, fds = self._ctl_message(*_recv(self.ctl))
                    for fd in fds:
                        os.close(fd)
                else:
                    job, which = key.data
                    self._read_job(job, which)
            now = time.monotonic()
            for job in list(self.jobs.values()):
                if job.wait_status is None and job.killed_for is None and now >= job.hard_deadline:
                    self._kill(job, "timeout")
                if job.wait_status is not None:
                    self._finish(job)
                elif self._complete(job):
                    self._finish(job, early=True)

    def _read_protocol(self) -> bool:
        while True:
            try:
                data = os.read(self.proto_in, _READ_CHUNK)
            except BlockingIOError:
                break
            if not data:
                return False
            self.inbuf += data
        while b"\n" in self.inbuf:
            i = self.inbuf.index(b"\n")
            line = bytes(self.inbuf[:i])
            del self.inbuf[: i + 1]
            if line.strip():
                self._handle_request(line)
        return True

    def _handle_request(self, line: bytes) -> None:
        try:
            req = json.loads(line)
            rid = req["id"]
            code = req["code"]
            timeout_s = float(req["timeout_s"])
            limits = req["limits"]
            if not isinstance(code, str) or not isinstance(limits, dict) or not timeout_s > 0:
                raise ValueError("bad request fields")
        except (ValueError, KeyError, TypeError) as e:
            self.send({"id": None, "error": f"bad request: {e}"})
            return
        try:
            self._start_job(rid, code, timeout_s, limits)
        except OSError as e:
            self.send({"id": rid, "result": {"status": "sandbox_error",
                                              "error": f"could not start the program: {e}"}})

    # -- jobs ------------------------------------------------------------------------------

    def _start_job(self, rid: Any, code: str, timeout_s: float, limits: dict[str, Any]) -> None:
        grace = min(2.0, max(self.GRACE_MIN_S, 0.25 * timeout_s))
        workdir = tempfile.mkdtemp(prefix="run-", dir=self.base)
        os.chmod(workdir, 0o700)
        payload = json.dumps({"code": code, "timeout_s": timeout_s, "grace_s": grace,
                              "limits": limits, "workdir": workdir}).encode("utf-8")
        for attempt in range(2):
            _send(self.ctl, "F")
            pid_s, fds = self._ctl_wait("C")
            pid = int(pid_s)
            if pid <= 0 or len(fds) != 3:
                for fd in fds:
                    os.close(fd)
                shutil.rmtree(workdir, ignore_errors=True)
                raise OSError("the sandbox could not fork a process for the program")
            req_w, out_r, res_r = fds
            try:
                _write_all(req_w, payload)
                os.close(req_w)
                break
            except OSError:  # the spare died (a program may signal other uid-65534 processes)
                for fd in fds:
                    try:
                        os.close(fd)
                    except OSError:
                        pass
                if attempt:
                    shutil.rmtree(workdir, ignore_errors=True)
                    raise
        os.set_blocking(out_r, False)
        os.set_blocking(res_r, False)
        started = time.monotonic()
        job = _Job(id=rid, pid=pid, out_r=out_r, res_r=res_r, workdir=workdir, timeout_s=timeout_s,
                   max_output=int(limits["max_output_bytes"]),
                   max_result=int(limits.get("max_result_bytes", 16 << 20)),
                   started=started, hard_deadline=started + timeout_s + grace)
        self.jobs[pid] = job
        self.sel.register(out_r, selectors.EVENT_READ, (job, "out"))
        self.sel.register(res_r, selectors.EVENT_READ, (job, "res"))

    def _read_job(self, job: _Job, which: str) -> None:
        fd = job.out_r if which == "out" else job.res_r
        while True:
            try:
                data = os.read(fd, _READ_CHUNK)
            except BlockingIOError:
                return
            except OSError:
                data = b""
            if not data:
                self._close_pipe(job, which)
                return
            if which == "out":
                room = job.max_output - len(job.out)
                job.out += data[: max(0, room)]
                if len(data) > room:
                    self._kill(job, "output_limit")
                    self._close_pipe(job, "out")
                    return
            else:
                job.res += data
                if len(job.res) > job.max_result:
                    self._kill(job, "result_limit")
                    self._close_pipe(job, "res")
                    return

    def _close_pipe(self, job: _Job, which: str) -> None:
        if not (job.out_open if which == "out" else job.res_open):
            return
        fd = job.out_r if which == "out" else job.res_r
        try:
            self.sel.unregister(fd)
        except (KeyError, ValueError):
            pass
        os.close(fd)
        if which == "out":
            job.out_open = False
        else:
            job.res_open = False

    def _kill(self, job: _Job, reason: str) -> None:
        if job.killed_for is None and job.wait_status is None:
            job.killed_for = reason
        _send(self.ctl, f"K {job.pid}")  # the "k" reply is consumed by _ctl_wait/_ctl_message

    def _complete(self, job: _Job) -> bool:
        """Whether the child finished normally: both pipes closed and a parsable result."""
        if job.out_open or job.res_open or job.killed_for is not None or job.checked_complete:
            return False
        job.checked_complete = True  # parse once; otherwise wait for the exit status
        try:
            return isinstance(json.loads(job.res.decode("utf-8")), dict)
        except (ValueError, UnicodeDecodeError):
            return False

    def _drain(self, job: _Job, max_wait_s: float = 1.0) -> None:
        end = time.monotonic() + max_wait_s
        while (job.out_open or job.res_open) and time.monotonic() < end:
            sel = selectors.DefaultSelector()
            if job.out_open:
                sel.register(job.out_r, selectors.EVENT_READ, "out")
            if job.res_open:
                sel.register(job.res_r, selectors.EVENT_READ, "res")
            events = sel.select(max(0.0, end - time.monotonic()))
            sel.close()
            for key, _ in events:
                self._read_job(job, key.data)
        self._close_pipe(job, "out")
        self._close_pipe(job, "res")

    def _finish(self, job: _Job, early: bool = False) -> None:
        """Kill what is left of the job, clean up and answer the host.

        ``early``: the child wrote its result and closed its pipes but is still being torn
        down by the kernel (tens of ms for a large process on a busy machine). Its process
        tree is killed now and the answer sent without waiting for the exit status.
        """
        del self.jobs[job.pid]
        if early:
            job.ended = time.monotonic()
        _send(self.ctl, f"K {job.pid}")
        self._ctl_wait("k", str(job.pid))
        self._drain(job)
        shutil.rmtree(job.workdir, ignore_errors=True)
        if self.private_tmp and not self.jobs:
            self._clean_tmp()
        try:
            result = self._result(job)
        except Exception as e:  # noqa: BLE001 - never let one bad result stop the server
            result = {"status": "sandbox_error", "error": f"could not build the result: {e}"}
        self.send({"id": job.id, "result": result})

    def _clean_tmp(self) -> None:
        """Remove whatever programs left in the private /tmp (no run sees another's files)."""
        for name in os.listdir(self.base):
            if name in self.keep_in_base:
                continue
            path = os.path.join(self.base, name)
            try:
                if os.path.isdir(path) and not os.path.islink(path):
                    shutil.rmtree(path, ignore_errors=True)
                else:
                    os.unlink(path)
            except OSError:
                pass

    def _result(self, job: _Job) -> dict[str, Any]:
        stdout = job.out.decode("utf-8", "replace")
        duration = round(((job.ended or time.monotonic()) - job.started), 4)
        status = job.wait_status if job.wait_status is not None else 0
        parsed: dict[str, Any] | None = None
        parse_error = None
        if job.res and job.killed_for != "result_limit":
            try:
                parsed = json.loads(job.res.decode("utf-8"))
                if not isinstance(parsed, dict):
                    raise ValueError("not an object")  # noqa: TRY004 - handled just below
            except (ValueError, UnicodeDecodeError) as e:
                parsed, parse_error = None, str(e)
        base = {"stdout": stdout, "duration_s": duration}
        if job.killed_for == "output_limit":
            return {**base, "status": "output_limit",
                    "error": f"the program printed more than {job.max_output} bytes; it was stopped"}
        if job.killed_for == "result_limit":
            return {**base, "status": "output_limit",
                    "error": f"the program's results are larger than {job.max_result} bytes"}
        if parsed is not None and os.WIFEXITED(status):
            parsed.update(base)
            return parsed
        if job.killed_for == "timeout":
            return {**base, "status": "timeout",
                    "error": f"the program ran longer than {job.timeout_s:g} s and was stopped"}
        if os.WIFSIGNALED(status):
            sig = os.WTERMSIG(status)
            if sig == signal.SIGXCPU or (sig == signal.SIGKILL and duration >= job.timeout_s):
                return {**base, "status": "timeout", "error": "the program exceeded its CPU time limit"}
            if sig == signal.SIGXFSZ:
                return {**base, "status": "output_limit",
                        "error": "the program wrote a file larger than the file size limit"}
            if sig in (signal.SIGSEGV, signal.SIGBUS, signal.SIGABRT, signal.SIGILL, signal.SIGFPE):
                what = f"the program crashed ({_signal_name(sig)}: a fault in native code, or memory exhausted)"
            else:
                what = f"the program was killed by {_signal_name(sig)}"
            return {**base, "status": "killed", "error": what}
        code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else -1
        if "MemoryError" in stdout[-2000:]:
            return {**base, "status": "memory", "error": "the program ran out of memory"}
        if parse_error is not None:
            return {**base, "status": "error",
                    "error": f"the program corrupted its result channel ({parse_error[:100]})"}
        return {**base, "status": "error",
                "error": f"the program ended its process (exit code {code}) before its result was collected"}

    def shutdown(self) -> None:
        for job in list(self.jobs.values()):
            try:
                _send(self.ctl, f"K {job.pid}")
            except OSError:
                pass
            shutil.rmtree(job.workdir, ignore_errors=True)
        if not self.private_tmp:
            shutil.rmtree(self.base, ignore_errors=True)


# ---------------------------------------------------------------------------------------------
# Startup
# ---------------------------------------------------------------------------------------------

_WARMUP = r'''
import math
import numpy as np
import sympy as sp
import pandas as pd
import matplotlib.pyplot as plt
from scipy.integrate import solve_ivp, quad
from scipy.optimize import brentq, minimize, linprog
rate = 0.05  # warm-up [1/year]
x, y = sp.symbols("x y", real=True)
t = sp.symbols("t")
f = sp.Function("f")
eq = sp.Eq(x**2 + y, 3)
sol = sp.solve([eq, sp.Eq(x - y, 1)], [x, y], dict=True)
ode = sp.Eq(f(t).diff(t, 2) + f(t), 0)
ode_sol = sp.dsolve(ode, f(t))
g = sp.lambdify(x, sp.sin(x) * sp.exp(x), "numpy")
val = quad(lambda s: g(s), 0, 1)[0] + brentq(lambda s: s**3 - 2, 0, 2)
ivp = solve_ivp(lambda s, u: -u, (0, 1), [1.0])
m = minimize(lambda v: (v[0] - 1) ** 2, [0.0]).fun + linprog([1, 1], bounds=[(0, 1)] * 2).fun
df = pd.DataFrame({"a": [1, 2], "b": [0.5, float("nan")]})
df.plot(x="a", y="b")
fig, ax = plt.subplots()
ax.plot([0, 1], [0, 1])
answer = {"v": float(val) + m, "x": sp.nsimplify(sp.sqrt(2)) + sp.Rational(1, 3)}
'''


def _preload() -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot
    import numpy  # noqa: F401
    import pandas  # noqa: F401
    import scipy.integrate
    import scipy.linalg
    import scipy.optimize
    import scipy.stats  # noqa: F401
    import sympy
    import sympy.stats  # noqa: F401 - not imported by sympy itself; 1.5 s on first use

    from mathllm import introspect

    # Run a representative program through the real code path once: SymPy, SciPy and
    # matplotlib import many submodules lazily, and the children should inherit them.
    introspect.execute(_WARMUP, timeout_s=60.0, hard_deadline=time.monotonic() + 60.0, memory_mb=0,
                       use_alarm=False)
    matplotlib.pyplot.close("all")


def _preload() -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot
    import numpy  # noqa: F401
    import pandas  # noqa: F401
    import scipy.integrate
    import scipy.linalg
    import scipy.optimize
    import scipy.stats  # noqa: F401
    import sympy
    import sympy.stats  # noqa: F401 - not imported by sympy itself; 1.5 s on first use

    from mathllm import introspect

    # Run a representative program through the real code path once: SymPy, SciPy and
    # matplotlib import many submodules lazily, and the children should inherit them.
    introspect.execute(_WARMUP, timeout_s=60.0, hard_deadline=time.monotonic() + 60.0, memory_mb=0,
                       use_alarm=False)
    matplotlib.pyplot.close("all")


def _fail(proto_out: int, error: str, facts: dict[str, Any]) -> None:
    try:
        _write_all(proto_out, (json.dumps({"ready": False, "error": error, "facts": facts}) + "\n").encode())
    finally:
        os._exit(3)


def _run_server(cfg: dict[str, Any], proto_in: int, proto_out: int, base: str, ctl: socket.socket,
                facts: dict[str, Any]) -> None:
    server = Server(cfg, proto_in, proto_out, base, ctl)
    try:
        facts.update(server.wait_ready())
    except (RuntimeError, OSError, ValueError) as e:
        _fail(proto_out, f"the sandbox could not preload its libraries: {e}", facts)
    facts["server_pid"] = os.getpid()
    server.send({"ready": True, "facts": facts})
    try:
        server.serve()
    except (BrokenPipeError, ForkerGone, KeyboardInterrupt):
        server.shutdown()
    os._exit(0)


def main(cfg: dict[str, Any]) -> None:
    """Entry point (called by the boot snippet with the host's config)."""
    facts: dict[str, Any] = {}
    # 1. Isolation done here in the fallback mode (bubblewrap does it otherwise). A new user
    #    namespace grants capabilities inside it; re-executing as a non-root uid drops them.
    if cfg.get("unshare_net"):
        try:
            how = _unshare_network()
        except OSError as e:
            _write_all(1, (json.dumps({"ready": False, "error": f"unshare failed: {e}"}) + "\n").encode())
            os._exit(3)
        if how.startswith("user"):
            again = {**cfg, "unshare_net": False, "netns": how}
            os.execv(sys.executable, [sys.executable, "-I", "-B", "-c", BOOT, json.dumps(again)])
        cfg = {**cfg, "netns": how}
    if cfg.get("netns"):
        facts["namespaces"] = cfg["netns"]
    # 2. Protocol pipes out of the way: fd 0 <- /dev/null and fd 1 -> our stderr (the host's
    #    log), so that nothing written to stdout by accident can look like protocol.
    proto_in = os.dup(0)
    proto_out = os.dup(1)
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)
    os.dup2(2, 1)
    try:
        # 3. The privilege drop (root only: as uid 65534, RLIMIT_NPROC applies).
        drop = cfg.get("drop_uid")
        if drop is not None and os.geteuid() == 0:
            needed = [p for p in cfg.get("sys_path", []) if os.path.isdir(p)] + [sys.prefix]
            if all(_world_accessible(p) for p in needed):
                _drop_privileges(int(drop), int(drop))
            else:
                facts["warning"] = "stayed root: the Python installation is not readable by uid 65534"
        # 4. Process hygiene.
        _prctl(_PR_SET_NO_NEW_PRIVS, 1)  # no setuid binaries for programs
        if cfg.get("pdeathsig"):
            _prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)  # after setuid, which clears it
        facts["non_dumpable"] = _prctl(_PR_SET_DUMPABLE, 0)
        facts["uid"] = os.getuid()
        facts["gid"] = os.getgid()
        # 5. Private working area. Inside bubblewrap /tmp is a fresh tmpfs of our own.
        base = "/tmp" if cfg.get("private_tmp") else tempfile.mkdtemp(prefix="mathllm-sandbox-")
        os.environ.update({
            "HOME": base, "TMPDIR": base, "MPLCONFIGDIR": os.path.join(base, ".mpl"),
            "XDG_CACHE_HOME": os.path.join(base, ".cache"), "MPLBACKEND": "Agg",
            "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
            "NUMEXPR_NUM_THREADS": "1", "PYTHONDONTWRITEBYTECODE": "1",
        })
        os.makedirs(os.environ["MPLCONFIGDIR"], exist_ok=True)
        tempfile.tempdir = base
        os.chdir(base)
        # Only the configured import path: never the cwd or anything writable by programs.
        sys.path[:] = [p for p in cfg.get("sys_path", []) if p and os.path.isabs(p)]
        facts["base"] = base
        # 6. Split: the server (child) gets the protocol, the forker (this process) the rest.
        server_end, forker_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        pid = os.fork()
    except BaseException as e:  # noqa: BLE001 - report why the sandbox could not start
        _fail(proto_out, f"{type(e).__name__}: {e}", facts)
    if pid == 0:
        forker_end.close()
        _prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        _run_server(cfg, proto_in, proto_out, base, server_end, facts)
    os.close(proto_in)
    os.close(proto_out)
    server_end.close()
    try:
        facts = {"subreaper": _prctl(_PR_SET_CHILD_SUBREAPER, 1)}
        t0 = time.monotonic()
        _preload()
        facts["preload_s"] = round(time.monotonic() - t0, 3)
        gc.collect()
        gc.freeze()  # keep the preloaded heap out of the children's collections (less copy-on-write)
        forker = Forker(forker_end, pid)
        facts["base_vm_mb"] = forker.base_vm_bytes >> 20
        facts["forker_pid"] = os.getpid()
        _send(forker_end, "R " + json.dumps(facts))
    except BaseException as e:  # noqa: BLE001
        try:
            _send(forker_end, f"E {type(e).__name__}: {e}")
        finally:
            os._exit(3)
    try:
        forker.serve()
    except BaseException:  # noqa: BLE001 - whatever happens, take the children along
        forker._exit()


BOOT = (
    "import sys, json\n"
    "cfg = json.loads(sys.argv[1])\n"
    "sys.path[:0] = cfg['sys_path']\n"
    "from mathllm._worker import main\n"
    "main(cfg)\n"
)
