"""The multi-user model service: one model per process, behind a FIFO queue.

A server (the Panel workbench, :mod:`mathllm.serve`) answers many sessions from one process,
but the language model is big and not thread-safe, so it lives in exactly one place:

* **One worker thread owns the Generator.** It creates and loads the model in the background
  when the service starts (``state`` goes ``"loading"`` -> ``"ready"``, or ``"error"``), then
  takes jobs from a FIFO queue one at a time and runs :func:`mathllm.solve.solve` for each.
* **Jobs are observable.** :meth:`ModelService.submit` returns a :class:`Job` at once; its
  ``position`` is its place (0 = being solved, 1 = next, ...), and the job's progress callback
  gets a ``ProgressEvent(stage="queue")`` whenever its place changes, then the solver's own
  events (generate, check, run, verify, repair, vote, done).
* **Cancel** removes a waiting job from the queue, or sets the cancel event of a running solve.
* **A failure is a result, not a crash.** A generator or solver exception becomes a
  ``SolveResult`` with ``verdict="failed"`` and the reason in ``message``; the worker goes on.
* **Sandbox work runs in parallel.** Re-runs of edited programs, what-if runs and sweeps do not
  need the model; they go to a small thread pool (:meth:`ModelService.background`) and the
  sandbox (thread-safe, it caps its own concurrency) runs them side by side.

All callbacks (progress, listeners) are called from service threads; a front end must hand
them to its own event loop (the workbench uses ``Document.add_next_tick_callback``).
"""

from __future__ import annotations

import inspect
import itertools
import logging
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from .errors import UsageError

log = logging.getLogger(__name__)

#: Service states.
LOADING, READY, ERROR, STOPPED = "loading", "ready", "error", "stopped"

#: Job states.
QUEUED, RUNNING, DONE, CANCELLED, FAILED = "queued", "running", "done", "cancelled", "failed"


@dataclass
class _QueueEvent:
    """Stand-in for ``mathllm.solve.ProgressEvent`` when that module cannot be imported."""

    stage: str
    message: str
    attempt: int | None = None
    fraction: float | None = None


def _event(stage: str, message: str, fraction: float | None = None) -> Any:
    try:
        from .solve import ProgressEvent
    except Exception:  # noqa: BLE001 - only while solve.py is missing or broken
        return _QueueEvent(stage, message, None, fraction)
    return ProgressEvent(stage=stage, message=message, fraction=fraction)


def failed_result(problem: Any, message: str, *, verdict: str = "failed", model: dict | None = None) -> Any:
    """A ``SolveResult`` that says why there is no answer (never raises for a bad problem)."""
    from .solve import SolveResult

    return SolveResult(
        problem=problem,
        attempts=[],
        best=None,
        answer=None,
        agreement=None,
        votes=[],
        solved=False,
        verdict=verdict,
        message=message,
        model=dict(model or {}),
        timings={},
        parameters=[],
    )


class Job:
    """One solve request in the service's queue."""

    def __init__(self, service: ModelService, job_id: int, problem: Any, options: Any,
                 progress_cb: Callable[[Any], None] | None) -> None:
        self.id = job_id
        self.problem = problem
        self.options = options
        self.progress_cb = progress_cb
        self.cancel_event = threading.Event()
        self.state = QUEUED
        self.submitted_at = time.monotonic()
        self.started_at: float | None = None
        self.finished_at: float | None = None
        self.last_event: Any = None
        self._service = service
        self._done = threading.Event()
        self._result: Any = None
        self._callbacks: list[Callable[[Job], None]] = []
        self._lock = threading.Lock()

    # -- observation ---------------------------------------------------------------------------
    @property
    def position(self) -> int | None:
        """0 while being solved, 1.. while waiting (1 = next), None once finished."""
        return self._service._position(self)

    def done(self) -> bool:
        return self._done.is_set()

    @property
    def cancelled(self) -> bool:
        return self.cancel_event.is_set()

    def result(self, timeout: float | None = None) -> Any:
        """The ``SolveResult``; waits for it. Raises ``TimeoutError`` after ``timeout`` seconds."""
        if not self._done.wait(timeout):
            raise TimeoutError(f"job {self.id} not finished after {timeout} s")
        return self._result

    def add_done_callback(self, fn: Callable[[Job], None]) -> None:
        """Call ``fn(job)`` when the job finishes (at once if it already has)."""
        with self._lock:
            if not self._done.is_set():
                self._callbacks.append(fn)
                return
        self._safe_call(fn, self)

    # -- control -------------------------------------------------------------------------------
    def cancel(self) -> bool:
        """Cancel: a waiting job leaves the queue; a running solve stops at its next check.

        Returns False when the job had already finished.
        """
        if self._done.is_set():
            return False
        self.cancel_event.set()
        self._service._cancel_queued(self)
        return True

    # -- internals -----------------------------------------------------------------------------
    def _emit(self, event: Any) -> None:
        self.last_event = event
        if self.progress_cb is not None:
            self._safe_call(self.progress_cb, event)

    def _finish(self, result: Any, state: str) -> None:
        with self._lock:
            if self._done.is_set():
                return
            self._result = result
            self.state = state
            self.finished_at = time.monotonic()
            self._done.set()
            callbacks, self._callbacks = self._callbacks, []
        for fn in callbacks:
            self._safe_call(fn, self)

    @staticmethod
    def _safe_call(fn: Callable, *args: Any) -> None:
        try:
            fn(*args)
        except Exception:  # a broken UI callback must never stop the worker
            log.exception("service callback failed")

    def __repr__(self) -> str:
        return f"Job(id={self.id}, state={self.state!r}, position={self.position!r})"


class ModelService:
    """One model, loaded once, serving a FIFO of solve jobs from a single worker thread.

    ``generator``: an already built Generator (tests pass a ``ScriptedGenerator``); or
    ``generator_factory``: a callable building it in the worker thread; by default
    ``mathllm.generate.make_generator(**generator_kwargs)``. ``solve_fn`` defaults to
    :func:`mathllm.solve.solve`. ``background_workers`` sizes the pool for sandbox-only work.
    """

    def __init__(
        self,
        generator: Any = None,
        *,
        generator_factory: Callable[[], Any] | None = None,
        generator_kwargs: dict[str, Any] | None = None,
        solve_fn: Callable[..., Any] | None = None,
        max_queue: int = 64,
        background_workers: int = 4,
        start: bool = True,
    ) -> None:
        if generator is not None and generator_factory is not None:
            raise UsageError("pass either generator or generator_factory, not both")
        self._generator = generator
        self._factory = generator_factory
        self._generator_kwargs = dict(generator_kwargs or {})
        self._solve_fn = solve_fn
        self.max_queue = max_queue
        self.state = LOADING
        self.error: str | None = None
        self.message = "starting"
        self.info: dict[str, Any] = {}
        self.solved_count = 0
        self._queue: deque[Job] = deque()
        self._running: Job | None = None
        self._cond = threading.Condition()
        self._ids = itertools.count(1)
        self._listeners: list[Callable[[ModelService], None]] = []
        self._listeners_lock = threading.Lock()
        self._stop = False
        self._thread: threading.Thread | None = None
        self._pool = ThreadPoolExecutor(max_workers=max(1, background_workers),
                                        thread_name_prefix="mathllm-sandbox")
        if start:
            self.start()

    # -- lifecycle -----------------------------------------------------------------------------
    def start(self) -> ModelService:
        """Start the worker (loads the model in the background). Idempotent."""
        with self._cond:
            if self._thread is not None:
                return self
            self._thread = threading.Thread(target=self._worker, name="mathllm-model", daemon=True)
            self._thread.start()
        return self

    def shutdown(self, wait: bool = True, timeout: float | None = 10.0) -> None:
        """Stop the worker; waiting jobs are cancelled, the running one is asked to stop."""
        with self._cond:
            self._stop = True
            pending = list(self._queue)
            self._queue.clear()
            running = self._running
            self._cond.notify_all()
        if running is not None:
            running.cancel_event.set()
        for job in pending:
            job.cancel_event.set()
            job._finish(self._safe_failed(job.problem, "the server is shutting down", "cancelled"), CANCELLED)
        if wait and self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._set_state(STOPPED, "stopped")

    def wait_ready(self, timeout: float | None = None) -> bool:
        """Block until the model is loaded (True) or failed to load / timed out (False)."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._cond:
            while self.state == LOADING:
                left = None if deadline is None else deadline - time.monotonic()
                if left is not None and left <= 0:
                    return False
                self._cond.wait(left)
            return self.state == READY

    # -- state listeners -----------------------------------------------------------------------
    def add_listener(self, fn: Callable[[ModelService], None]) -> None:
        """Call ``fn(service)`` (from a service thread) whenever state or queue changes."""
        with self._listeners_lock:
            self._listeners.append(fn)

    def remove_listener(self, fn: Callable[[ModelService], None]) -> None:
        with self._listeners_lock:
            try:
                self._listeners.remove(fn)
            except ValueError:
                pass

    def _notify(self) -> None:
        with self._listeners_lock:
            listeners = list(self._listeners)
        for fn in listeners:
            Job._safe_call(fn, self)

    def _set_state(self, state: str, message: str, error: str | None = None) -> None:
        with self._cond:
            self.state = state
            self.message = message
            if error is not None:
                self.error = error
            self._cond.notify_all()
        self._notify()

    # -- queue ---------------------------------------------------------------------------------
    @property
    def queue_length(self) -> int:
        """Jobs waiting (not counting the one being solved)."""
        with self._cond:
            return len(self._queue)

    @property
    def busy(self) -> bool:
        with self._cond:
            return self._running is not None

    def _position(self, job: Job) -> int | None:
        with self._cond:
            if job is self._running:
                return 0
            for i, queued in enumerate(self._queue, start=1):
                if queued is job:
                    return i
            return None

    def submit(self, problem: Any, options: Any = None,
               progress_cb: Callable[[Any], None] | None = None) -> Job:
        """Queue a solve of ``problem``; returns the :class:`Job` at once."""
        job = Job(self, next(self._ids), problem, options, progress_cb)
        with self._cond:
            refused = "error" if self.state == ERROR else "stopped" if self._stop else None
            if refused is None and len(self._queue) >= self.max_queue:
                raise UsageError(f"the model queue is full ({self.max_queue} waiting); try again later")
            if refused is None:
                pos = len(self._queue) + 1
                ahead = pos - 1 + (1 if self._running is not None else 0)
                if self.state == LOADING:
                    msg = f"queued: position {pos}; waiting for the model to load"
                else:
                    msg = f"queued: position {pos}, {ahead} ahead" if ahead else "queued: next"
                # announced before the worker can see the job, so "queued" never follows "solving"
                job._emit(_event("queue", msg))
                self._queue.append(job)
                self._cond.notify_all()
        if refused == "error":
            job._finish(self._safe_failed(problem, f"the model is not available: {self.error}"), FAILED)
            return job
        if refused == "stopped":
            job._finish(self._safe_failed(problem, "the server is shutting down", "cancelled"), CANCELLED)
            return job
        self._notify()
        return job

    def _cancel_queued(self, job: Job) -> None:
        with self._cond:
            try:
                self._queue.remove(job)
            except ValueError:
                return  # running or already finished: the solve sees cancel_event
            waiting = list(self._queue)
        job._finish(self._safe_failed(job.problem, "cancelled before it started", "cancelled"), CANCELLED)
        self._announce_positions(waiting)
        self._notify()

    def _announce_positions(self, waiting: list[Job]) -> None:
        for i, job in enumerate(waiting, start=1):
            if job.state == QUEUED and not job.done():
                job._emit(_event("queue", "queued: next" if i == 1 else f"queued: position {i}, {i - 1} ahead"))

    # -- background (sandbox-only) work ----------------------------------------------------------
    def background(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Future:
        """Run ``fn`` on the sandbox pool (reruns, what-if runs, sweeps); returns a Future."""
        return self._pool.submit(fn, *args, **kwargs)

    def rerun(self, program: str, problem: Any = None, *, timeout_s: float = 10.0) -> Future:
        """Check + run + verify an edited program without the model (``mathllm.solve.rerun``)."""
        from .solve import rerun

        return self._pool.submit(rerun, program, problem, timeout_s=timeout_s)

    # -- the worker ----------------------------------------------------------------------------
    def _safe_failed(self, problem: Any, message: str, verdict: str = "failed") -> Any:
        try:
            return failed_result(problem, message, verdict=verdict, model=self.info)
        except Exception:  # solve.py missing or incompatible: still never crash
            log.exception("could not build a SolveResult")
            return _FallbackResult(problem=problem, verdict=verdict, message=message, model=dict(self.info))

    def _load(self) -> None:
        self._set_state(LOADING, "loading the model")
        if self._generator is None:
            if self._factory is not None:
                self._generator = self._factory()
            else:
                from .generate import make_generator

                self._generator = make_generator(**self._generator_kwargs)
        gen = self._generator
        load = getattr(gen, "load", None)
        if callable(load):
            def on_progress(*args: Any) -> None:
                text = " ".join(str(getattr(a, "message", a)) for a in args)
                self._set_state(LOADING, f"loading the model: {text}"[:200])

            try:
                accepts_progress = "progress" in inspect.signature(load).parameters
            except (TypeError, ValueError):
                accepts_progress = False
            if accepts_progress:
                load(progress=on_progress)
            else:
                load()
        self.info = dict(getattr(gen, "info", {}) or {})
        name = self.info.get("model") or self.info.get("backend") or "model"
        self._set_state(READY, f"{name} ready")

    def _worker(self) -> None:
        try:
            self._load()
        except Exception as exc:  # noqa: BLE001 - the model could not load: every job fails with the reason
            msg = str(exc) or type(exc).__name__
            log.error("model failed to load: %s", msg)
            log.debug("%s", traceback.format_exc())
            self._set_state(ERROR, f"the model failed to load: {msg}", error=msg)
            with self._cond:
                pending = list(self._queue)
                self._queue.clear()
            for job in pending:
                job._finish(self._safe_failed(job.problem, f"the model is not available: {msg}"), FAILED)
            self._notify()
            return

        while True:
            with self._cond:
                while not self._queue and not self._stop:
                    self._cond.wait()
                if self._stop:
                    return
                job = self._queue.popleft()
                self._running = job
                waiting = list(self._queue)
            job.state = RUNNING
            job.started_at = time.monotonic()
            self._announce_positions(waiting)
            self._notify()
            try:
                result = self._run_job(job)
                state = CANCELLED if getattr(result, "verdict", "") == "cancelled" else DONE
            except Exception as exc:
                log.exception("solve failed")
                result = self._safe_failed(job.problem, f"internal error while solving: {type(exc).__name__}: {exc}")
                state = FAILED
            with self._cond:
                self._running = None
                self.solved_count += 1
            job._finish(result, state)
            self._notify()

    def _run_job(self, job: Job) -> Any:
        if job.cancel_event.is_set():
            return self._safe_failed(job.problem, "cancelled before it started", "cancelled")
        job._emit(_event("queue", "your turn: solving now", 0.0))
        solve_fn = self._solve_fn
        if solve_fn is None:
            from .solve import solve as solve_fn
        kwargs: dict[str, Any] = {"progress": job._emit, "cancel": job.cancel_event}
        try:
            return solve_fn(job.problem, _Loaded(self._generator), job.options, **kwargs)
        except Exception as exc:  # noqa: BLE001 - a failed solve is a failed result, never a dead worker
            if job.cancel_event.is_set():
                return self._safe_failed(job.problem, "cancelled", "cancelled")
            msg = str(exc) or type(exc).__name__
            log.warning("solve raised %s: %s", type(exc).__name__, msg)
            return self._safe_failed(job.problem, f"the solve failed: {msg}")


class _Loaded:
    """The service's generator as handed to ``solve``: already loaded, so ``load`` is a no-op.

    The worker loads the model once at startup (with progress reported as the service state);
    ``solve`` calls ``generator.load(progress=...)`` on every solve, which must not reload or
    fail (some generators' ``load`` takes no arguments). Everything else is delegated.
    """

    def __init__(self, generator: Any) -> None:
        self._generator = generator

    def load(self, progress: Any = None) -> None:
        return None

    @property
    def info(self) -> dict:
        return getattr(self._generator, "info", {})

    def generate(self, *args: Any, **kwargs: Any) -> Any:
        return self._generator.generate(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._generator, name)


@dataclass
class _FallbackResult:
    """Only used if ``mathllm.solve.SolveResult`` cannot be built (keeps the worker alive)."""

    problem: Any
    verdict: str
    message: str
    model: dict
    attempts: tuple = ()
    best: Any = None
    answer: Any = None
    agreement: Any = None
    votes: tuple = ()
    solved: bool = False
    timings: Any = None
    parameters: tuple = ()


# -- one service per process --------------------------------------------------------------------
_default: ModelService | None = None
_default_lock = threading.Lock()


def get_service(**generator_kwargs: Any) -> ModelService:
    """The process-wide service (created, and its model load started, on first call).

    ``generator_kwargs`` go to ``mathllm.generate.make_generator`` the first time only.
    """
    global _default
    with _default_lock:
        if _default is None or _default.state == STOPPED:
            _default = ModelService(generator_kwargs=generator_kwargs)
        return _default


def set_service(service: ModelService | None) -> None:
    """Install ``service`` as the process-wide one (``mathllm serve`` does this)."""
    global _default
    with _default_lock:
        _default = service
