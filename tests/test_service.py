"""The model service: one generator, one worker thread, a FIFO of observable jobs."""

from __future__ import annotations

import threading
import time

import pytest

from mathllm.errors import UsageError
from mathllm.problem import problem_from_text
from mathllm.service import CANCELLED, DONE, ERROR, FAILED, READY, ModelService
from tests.fakes import ScriptedGenerator

PROGRAM = """\
rate = 0.05  # annual interest rate [1/year]
years = 10  # saving period [year]
principal = 1000  # deposit [EUR]
answer = principal * (1 + rate) ** years
"""


class GatedSolve:
    """A stand-in for ``mathllm.solve.solve`` that blocks each job until released.

    Records which problems it saw, in order, and how many ran at the same time.
    """

    def __init__(self) -> None:
        self.order: list[str] = []
        self.started: dict[str, threading.Event] = {}
        self.release: dict[str, threading.Event] = {}
        self.active = 0
        self.max_active = 0
        self.generators: list[object] = []
        self._lock = threading.Lock()

    def gate(self, name: str) -> None:
        self.started[name] = threading.Event()
        self.release[name] = threading.Event()

    def __call__(self, problem, generator, options, *, progress=None, cancel=None):
        name = problem.text
        with self._lock:
            self.order.append(name)
            self.active += 1
            self.max_active = max(self.max_active, self.active)
            self.generators.append(generator)
        try:
            if progress:
                progress(_Event("generate", f"generating {name}"))
            self.started.get(name, threading.Event()).set()
            gate = self.release.get(name)
            while gate is not None and not gate.wait(0.01):
                if cancel is not None and cancel.is_set():
                    return _Result(problem, "cancelled")
            if problem.text.startswith("boom"):
                raise RuntimeError("the generator exploded")
            return _Result(problem, "verified")
        finally:
            with self._lock:
                self.active -= 1


class _Event:
    def __init__(self, stage, message):
        self.stage, self.message, self.fraction, self.attempt = stage, message, None, None


class _Result:
    def __init__(self, problem, verdict):
        self.problem, self.verdict, self.message = problem, verdict, verdict
        self.solved = verdict == "verified"


def P(text: str):
    return problem_from_text(text)


@pytest.fixture
def gated():
    return GatedSolve()


@pytest.fixture
def service(gated):
    svc = ModelService(ScriptedGenerator([PROGRAM]), solve_fn=gated)
    assert svc.wait_ready(10)
    yield svc
    for ev in gated.release.values():
        ev.set()
    svc.shutdown(timeout=5)


def test_loads_in_background_and_reports_state():
    loaded = threading.Event()

    class SlowGenerator(ScriptedGenerator):
        def load(self):
            loaded.wait(5)

    svc = ModelService(SlowGenerator([PROGRAM]), solve_fn=GatedSolve())
    try:
        assert svc.state == "loading"  # the constructor returned while the model loads
        job = svc.submit(P("early bird"))  # may queue before the model is ready
        assert job.position == 1
        loaded.set()
        assert svc.wait_ready(5)
        assert svc.state == READY
        assert job.result(5).verdict == "verified"
    finally:
        svc.shutdown()


def test_queue_order_and_positions(service, gated):
    for name in "abc":
        gated.gate(name)
    events: dict[str, list[str]] = {n: [] for n in "abc"}
    jobs = {n: service.submit(P(n), None, lambda e, n=n: events[n].append(e.message)) for n in "abc"}
    assert gated.started["a"].wait(5)
    assert jobs["a"].position == 0          # being solved
    assert jobs["b"].position == 1          # next
    assert jobs["c"].position == 2
    assert service.queue_length == 2
    gated.release["a"].set()
    assert gated.started["b"].wait(5)
    assert jobs["a"].done() and jobs["a"].position is None
    assert jobs["b"].position == 0 and jobs["c"].position == 1
    gated.release["b"].set()
    gated.release["c"].set()
    assert [jobs[n].result(5).verdict for n in "abc"] == ["verified"] * 3
    assert gated.order == ["a", "b", "c"]  # FIFO
    # the waiting job was told its place, then that it moved up, then that it started
    assert any("position 2" in m for m in events["c"])
    assert any(m == "queued: next" for m in events["c"])
    assert any("solving now" in m for m in events["c"])
    assert events["c"].index("queued: next") < next(i for i, m in enumerate(events["c"]) if "solving now" in m)


def test_one_generator_one_job_at_a_time(service, gated):
    gated.gate("first")
    gated.gate("second")
    first = service.submit(P("first"))
    second = service.submit(P("second"))
    assert gated.started["first"].wait(5)
    time.sleep(0.2)
    assert not gated.started["second"].is_set()  # the second waits for the model
    assert second.position == 1 and second.state == "queued"
    gated.release["first"].set()
    assert gated.started["second"].wait(5)
    gated.release["second"].set()
    assert first.result(5).verdict == second.result(5).verdict == "verified"
    assert gated.max_active == 1
    # the same (already loaded) generator object every time
    assert len({id(getattr(g, "_generator", g)) for g in gated.generators}) == 1


def test_cancel_waiting_job_leaves_queue(service, gated):
    gated.gate("a")
    a = service.submit(P("a"))
    b = service.submit(P("b"))
    c = service.submit(P("c"))
    assert gated.started["a"].wait(5)
    assert b.cancel()
    assert b.done() and b.state == CANCELLED and b.result(1).verdict == "cancelled"
    assert b.position is None
    assert c.position == 1  # moved up
    gated.release["a"].set()
    assert c.result(5).verdict == "verified"
    assert a.result(5).verdict == "verified"
    assert "b" not in gated.order
    assert not c.cancel()  # finished jobs cannot be cancelled


def test_cancel_running_job(service, gated):
    gated.gate("long")
    job = service.submit(P("long"))
    assert gated.started["long"].wait(5)
    assert job.cancel()
    result = job.result(5)
    assert result.verdict == "cancelled" and job.state == CANCELLED
    after = service.submit(P("after"))  # the worker carries on
    assert after.result(5).verdict == "verified"


def test_solver_exception_is_a_failed_result(service, gated):
    job = service.submit(P("boom: the solver raises"))
    result = job.result(5)
    assert result.verdict == "failed" and not result.solved
    assert "exploded" in result.message
    assert service.submit(P("next one")).result(5).verdict == "verified"


def test_model_load_failure_fails_jobs_not_the_process():
    def factory():
        raise RuntimeError("adapter file missing")

    svc = ModelService(generator_factory=factory, solve_fn=GatedSolve())
    try:
        assert not svc.wait_ready(5)
        assert svc.state == ERROR and "adapter file missing" in svc.error
        job = svc.submit(P("anything"))
        assert job.done() and job.state == FAILED
        assert "adapter file missing" in job.result(1).message
    finally:
        svc.shutdown()


def test_listeners_and_broken_callbacks(service, gated):
    seen = []
    service.add_listener(lambda s: seen.append(s.state))

    def broken(event):
        raise ValueError("a broken UI callback")

    job = service.submit(P("x"), None, broken)
    assert job.result(5).verdict == "verified"  # a broken progress callback does not matter
    assert seen and set(seen) <= {"ready"}
    done = []
    job.add_done_callback(lambda j: done.append(j.id))  # already finished: called at once
    assert done == [job.id]


def test_queue_limit(gated):
    svc = ModelService(ScriptedGenerator([PROGRAM]), solve_fn=gated, max_queue=2)
    try:
        assert svc.wait_ready(5)
        gated.gate("a")
        svc.submit(P("a"))
        assert gated.started["a"].wait(5)
        svc.submit(P("b"))
        svc.submit(P("c"))
        with pytest.raises(UsageError):
            svc.submit(P("d"))
    finally:
        gated.release["a"].set()
        svc.shutdown()


def test_background_pool_runs_in_parallel(service):
    barrier = threading.Barrier(3, timeout=5)
    futures = [service.background(barrier.wait) for _ in range(3)]  # deadlocks unless parallel
    assert all(f.result(5) is not None for f in futures)


# -- with the real pipeline (mathllm.solve + sandbox) --------------------------------------------


def test_real_solve_with_scripted_generator():
    solve_mod = pytest.importorskip("mathllm.solve")
    svc = ModelService(ScriptedGenerator([PROGRAM]))
    try:
        assert svc.wait_ready(10)
        stages = []
        job = svc.submit(P("Anna saves 1000 EUR at 5% for 10 years. How much does she have?"),
                         solve_mod.SolveOptions(samples=1, repairs=0), lambda e: stages.append(e.stage))
        result = job.result(120)
        assert result.answer is not None, result.message
        assert "queue" in stages and "generate" in stages
    finally:
        svc.shutdown()


def test_real_generator_error_becomes_failed_result():
    solve_mod = pytest.importorskip("mathllm.solve")

    class Broken(ScriptedGenerator):
        def generate(self, prompts, **kwargs):
            raise RuntimeError("CUDA out of memory")

    svc = ModelService(Broken([PROGRAM]))
    try:
        assert svc.wait_ready(10)
        job = svc.submit(P("Anything at all."), solve_mod.SolveOptions(samples=1, repairs=0))
        result = job.result(60)
        assert result.verdict == "failed" and not result.solved
        assert job.state in (DONE, FAILED)
        # and the worker is still alive for the next user
        job2 = svc.submit(P("Another one."), solve_mod.SolveOptions(samples=1, repairs=0))
        assert job2.result(60).verdict == "failed"
    finally:
        svc.shutdown()
