"""The whole pipeline: problem -> prompt -> generate -> follow -> target -> bind -> check -> run -> verify (-> fill, repair, vote).

``solve()`` calls the stages in order and returns a :class:`SolveResult`. Bad model output is
data here: every attempt is recorded with its check, run and verification, and the result says
why it failed. Only user errors (bad options, unusable backend) raise.

* **Questions**: a problem that asks several questions is solved one question at a time (the
  whole pipeline below, once per question) and the programs are joined into one whose answer is
  a dict in the order asked (:mod:`mathllm.questions`; reported). By default only for a mathllm
  adapter, which was trained on problems with one answer.
* **Follow**: a program with exactly the parameters of the solved example it was shown, but
  other statements, takes the example's statements (:mod:`mathllm.follow`; reported). By
  default only for a model with a mathllm adapter (``info["tuned"]``): its rewrites were
  measured to be wrong; a bigger model's may be deliberate.
* **Target**: where the text asks for another quantity of the same computation than the shown
  example did (the balance, not the interest; the first tank, not the second), the answer line
  is rewritten (:mod:`mathllm.target`; reported). With follow, and on a filled-in program.
* **Bind**: a parameter whose number the text states in another parameter's unit is moved onto
  the one number stated in its own unit (:mod:`mathllm.bind`; every move is reported).
* **Fill**: when every program of the first round failed or ignored the shown example (no
  parameter and no statement in common), the example's program is written with each
  parameter's value asked of the model (:mod:`mathllm.fill`; reported, and preferred in a tied
  vote; when it runs, the model's failed programs are not sent to repair). A program that runs
  is kept where the text matches the example's family weakly (``fill.MIN_FAMILY_MATCH``). By
  default only for a mathllm adapter, as follow.
* **Percent**: when the question asks for a percentage and the chosen program answers with a
  fraction (at most 1, nothing multiplied by 100), its answer line becomes ``100 * (...)``
  (:func:`mathllm.questions.in_percent`; reported as ``Attempt.scaled``; for any model, and not
  where a problem file expects the fraction).
* **Repair**: a program that fails its check or run is sent back to the model with the error
  (up to ``repairs`` rounds). Failing samples of a round are repaired in one batched call.
* **Vote** (self-consistency): with ``samples=k``, sample 1 is the greedy program (the one
  ``samples=1`` gives) and the other k - 1 are sampled in ONE batched call; the answers are
  voted on and the report shows the agreement. A tie goes to a verified answer, then to one
  that invents fewer values, then to the greedy one: the vote replaces the greedy answer only
  when more samples agree on another (or the greedy program made up a number).
"""

from __future__ import annotations

import ast
import dataclasses
import math
import threading
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .bind import Rebinding, bind, data_rule
from .check import CheckResult, check_program
from .contract import Parameter, parse_parameters, set_parameters
from .errors import UsageError
from .fill import MIN_FAMILY_MATCH, Filled, fill, ignores
from .follow import Followed, cut_off, follow
from .generate import BatchingGenerator
from .problem import Problem
from .prompt import Example, build_prompt, build_repair_prompt, extract_program, question_of
from .quantities import find_numbers
from .questions import (
    SPAN_FACTOR,
    Question,
    Retarget,
    answers_several,
    compose,
    in_percent,
    longer_span,
    retarget,
    several,
    split_questions,
    widen,
)
from .run import Answer, RunResult, run_program
from .target import target
from .verify import Verification, answer_values, verify


@dataclass
class SolveOptions:
    samples: int = 1
    repairs: int = 2
    timeout_s: float = 10.0
    max_new_tokens: int = 600
    temperature: float = 0.7
    examples: int = 1           # retrieved solved examples in the prompt (the adapter is trained with 1)
    # bank files retrieved from; None: the shipped bank and those installed by `mathllm bank`
    banks: tuple[str, ...] | None = None
    bind: bool = True           # move parameters onto the number the text states in their unit (bind.py)
    # keep the shown example's statements when its parameters were kept (follow.py); None: only
    # for an adapter trained by mathllm, whose copying it was measured on
    follow: bool | None = None
    # when every program of the first round failed, write the example's program with values the
    # model picks (fill.py); None: only for an adapter trained by mathllm, as follow
    fill: bool | None = None
    # a problem asking several questions is solved one question at a time and the programs are
    # joined (questions.py); None: only for an adapter trained by mathllm (trained on one answer)
    split: bool | None = None

    def validate(self) -> None:
        if not 1 <= self.samples <= 64:
            raise UsageError(f"--samples must be between 1 and 64, got {self.samples}")
        if not 0 <= self.repairs <= 10:
            raise UsageError(f"--repairs must be between 0 and 10, got {self.repairs}")
        if not 0.1 <= self.timeout_s <= 600:
            raise UsageError(f"--timeout must be between 0.1 and 600 seconds, got {self.timeout_s}")
        if not 16 <= self.max_new_tokens <= 8192:
            raise UsageError(f"max_new_tokens must be between 16 and 8192, got {self.max_new_tokens}")
        if not 0 <= self.examples <= 8:
            raise UsageError(f"examples must be between 0 and 8, got {self.examples}")
        for bank in self.banks or ():
            if not Path(bank).is_file():  # retrieval would quietly show no example at all
                raise UsageError(f"bank file not found: {bank}", hint="retrieve.resolve_banks() reads names")


@dataclass
class ProgressEvent:
    stage: str          # load | generate | check | run | verify | repair | vote | done
    message: str
    attempt: int | None = None
    fraction: float | None = None


@dataclass
class Attempt:
    program: str
    origin: str
    check: CheckResult
    run: RunResult | None = None
    verification: Verification | None = None
    rebound: list[Rebinding] = field(default_factory=list)  # parameters the bind stage moved
    followed: Followed | None = None  # the follow stage put the example's statements back
    targeted: Retarget | None = None  # the target stage answers the text's question, not the example's
    filled: Filled | None = None  # the fill stage wrote this program: the example's, the model's values
    widened: Retarget | None = None  # answers every unknown: the question asks for each of them
    cut: str | None = None  # the model stopped before the end: what was done to its last statement
    scaled: Retarget | None = None  # answers in percent: the question asks for a percentage, it gave a fraction
    lengthened: Retarget | None = None  # simulates longer: the time of the peak it answered was its span's end

    @property
    def ok(self) -> bool:
        return self.verification is not None and self.verification.status in ("verified", "plausible")

    @property
    def error(self) -> str | None:
        if not self.program.strip():
            return "the model wrote no program"
        if not self.check.ok:
            return "check failed: " + self.check.summary()
        if self.run is not None and not self.run.ok:
            return f"run failed ({self.run.status}): {self.run.error or ''}".strip()
        if self.verification is not None and not self.ok:
            return self.verification.message
        return None


@dataclass
class SolveResult:
    problem: Problem
    attempts: list[Attempt] = field(default_factory=list)
    best: Attempt | None = None
    answer: Answer | None = None
    agreement: float | None = None
    votes: list[dict] = field(default_factory=list)
    solved: bool = False
    verdict: str = "failed"
    message: str = ""
    model: dict = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    parameters: list[Parameter] = field(default_factory=list)
    examples: list[Example] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)  # when solved one question at a time


Progress = Callable[[ProgressEvent], None]


def evaluate_program(program: str, problem: Problem | None, *, origin: str, timeout_s: float = 10.0,
                     timings: dict[str, float] | None = None) -> Attempt:
    """check -> run -> verify one program (no model involved)."""
    t = timings if timings is not None else {}
    t0 = time.perf_counter()
    chk = check_program(program) if program.strip() else CheckResult(False, [])
    t["check"] = t.get("check", 0.0) + time.perf_counter() - t0
    att = Attempt(program=program, origin=origin, check=chk)
    if not chk.ok:
        return att
    t0 = time.perf_counter()
    att.run = run_program(program, timeout_s=timeout_s)
    t["run"] = t.get("run", 0.0) + time.perf_counter() - t0
    t0 = time.perf_counter()
    att.verification = verify(problem, att.run, program)
    t["verify"] = t.get("verify", 0.0) + time.perf_counter() - t0
    return att


def rerun(program: str, problem: Problem | None = None, *, timeout_s: float = 10.0) -> Attempt:
    """Check, run and verify hand-written or edited code (``mathllm run``, the workbench editor)."""
    return evaluate_program(program, problem, origin="user", timeout_s=timeout_s)


def _same(a: float | dict[str, float], b: float | dict[str, float]) -> bool:
    def eq(x: float, y: float) -> bool:
        return math.isclose(x, y, rel_tol=1e-6, abs_tol=1e-9)

    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(eq(a[k], b[k]) for k in a)
    if isinstance(a, dict) or isinstance(b, dict):
        return False
    return eq(a, b)


def vote(attempts: list[Attempt]) -> tuple[list[list[Attempt]], list[dict]]:
    """Group successful attempts by answer (numerically equal within 1e-6), largest group first."""
    groups: list[tuple[float | dict[str, float], list[Attempt]]] = []
    for att in attempts:
        if att.run is None or not att.run.ok:
            continue
        vals = answer_values(att.run.answer)
        if vals is None:
            continue
        for key, members in groups:
            if _same(key, vals):
                members.append(att)
                break
        else:
            groups.append((vals, [att]))
    groups.sort(key=lambda g: -len(g[1]))
    table = [{"answer": g[1][0].run.answer.text if g[1][0].run.answer else str(g[0]), "count": len(g[1])}
             for g in groups]
    return [g[1] for g in groups], table


def _grounding_rank(a: Attempt) -> tuple[int, float]:
    """Fewer made-up values first, then more of the problem's numbers used."""
    g = a.verification.grounding if a.verification is not None else None
    return (len(g.invented), -g.coverage) if g is not None else (0, 0.0)


def _pick_best(attempts: list[Attempt], groups: list[list[Attempt]],
               anchor: Attempt | None = None) -> Attempt | None:
    rank = {"verified": 0, "plausible": 1, "wrong": 2, "failed": 3}

    def key(a: Attempt) -> tuple[int, int, bool, float]:
        invented, coverage = _grounding_rank(a)
        return (rank.get(a.verification.status if a.verification else "failed", 3), invented, a is not anchor,
                coverage)

    if groups:
        # The largest group wins; ties go to the group holding a verified attempt, then to the one
        # with fewer made-up values, then to the greedy sample's (the anchor), then to the one
        # using more of the problem's numbers.
        top = max(len(g) for g in groups)
        cands = [g for g in groups if len(g) == top]
        best_group = min(cands, key=lambda g: min(key(a) for a in g))
        return min(best_group, key=key)
    return attempts[-1] if attempts else None


def solve(problem: Problem, generator: Any | None = None, options: SolveOptions | None = None, *,
          progress: Progress | None = None, cancel: threading.Event | None = None,
          examples: list[Example] | None = None) -> SolveResult:
    """Solve a problem with a model: see the module docstring for the stages."""
    opts = options or SolveOptions()
    opts.validate()
    emit = progress or (lambda ev: None)
    timings: dict[str, float] = {}
    t_start = time.perf_counter()
    if generator is None:
        from .generate import make_generator

        generator = make_generator()
    result = SolveResult(problem=problem, model=dict(getattr(generator, "info", {})))

    def cancelled() -> bool:
        if cancel is not None and cancel.is_set():
            result.verdict, result.message = "cancelled", "cancelled by the user"
            return True
        return False

    t0 = time.perf_counter()
    emit(ProgressEvent("load", "loading the model"))
    load = getattr(generator, "load", None)
    if load is not None:
        load(progress=lambda msg, frac: emit(ProgressEvent("load", msg, fraction=frac)))
    timings["load"] = time.perf_counter() - t0
    result.model = dict(getattr(generator, "info", {}))
    if cancelled():
        return _finish(result, timings, t_start)

    tuned = bool(result.model.get("tuned"))
    given = examples is not None
    if examples is None and opts.examples > 0:
        from .retrieve import nearest_examples

        examples = nearest_examples(problem.text, k=opts.examples, bank_path=opts.banks)
    if (tuned if opts.split is None else opts.split) and not given:
        questions = split_questions(problem.text)
        # a kind the adapter learned to answer as a dict (projectile: time, height, range) is
        # solved whole, as it was trained
        if len(questions) > 1 and not any(answers_several(ex.program) for ex in examples or []):
            return _solve_questions(problem, questions, generator, opts, result, emit, cancel, timings, t_start)
    result.examples = list(examples or [])
    # an adapter is prompted in the style it was trained with; other models get the full header
    style = result.model.get("prompt_style")
    prompt = build_prompt(problem.text, result.examples, style)

    k = opts.samples
    limit = generation_limit(opts.max_new_tokens, result.examples)
    emit(ProgressEvent("generate", f"writing {k} program{'s' if k > 1 else ''}", fraction=0.0))
    t0 = time.perf_counter()
    # The greedy program is the model's best single guess (and the only one with samples=1), so
    # it anchors the vote: the sampled ones can outvote it, not replace it by a coin toss.
    completions = generator.generate([prompt], n=1, max_new_tokens=limit, temperature=0.0)[0]
    if k > 1:
        completions += generator.generate([prompt], n=k - 1, max_new_tokens=limit,
                                          temperature=opts.temperature)[0]
    timings["generate"] = time.perf_counter() - t0

    opts = dataclasses.replace(opts, follow=tuned if opts.follow is None else opts.follow,
                               fill=tuned if opts.fill is None else opts.fill)
    current: list[Attempt] = []
    for i, comp in enumerate(completions):
        if cancelled():
            return _finish(result, timings, t_start)
        origin = f"sample {i + 1}"
        emit(ProgressEvent("check", f"checking and running {origin}", attempt=i + 1, fraction=(i + 1) / k))
        program, cut = extract_program(comp), None
        closed, note = cut_off(program)
        if note is not None:
            emit(ProgressEvent("generate", f"{origin} stops before its end: letting the model go on"))
            t0 = time.perf_counter()
            program, cut = _resume(generator, prompt, closed, note, problem.text, limit)
            timings["generate"] = timings.get("generate", 0.0) + time.perf_counter() - t0
        att = _attempt(program, problem, opts, origin, timings, result.examples, cut=cut)
        result.attempts.append(att)
        current.append(att)

    preferred: Attempt | None = None  # wins a tied vote instead of the greedy program
    shown = result.examples[-1].program if result.examples else ""
    if opts.fill and shown and current and not any(a.ok and not ignores(a.program, shown) for a in current) \
            and not (any(a.ok for a in current) and _weak_match(problem.text, result.examples[-1], opts)) \
            and not cancelled():
        first = current[0]
        reason = first.error if not first.ok else "it shares no parameter and no statement with the solved example"
        emit(ProgressEvent("repair", "filling in the solved example's program with the model's values"))
        t0 = time.perf_counter()
        filled = fill(generator, prompt, result.examples, reason or "failed")
        timings["generate"] = timings.get("generate", 0.0) + time.perf_counter() - t0
        if filled is not None:
            # no examples: no follow (the program is the example's), but the example's question
            att = _attempt(filled[0], problem, opts, "example filled in", timings, shown=result.examples[-1])
            att.filled = filled[1]
            result.attempts.append(att)
            current.append(att)
            if att.ok:
                preferred = att  # the model's own programs failed or ignored the example

    for round_ in range(1, opts.repairs + 1):
        # Only programs that failed to check or run are repaired: telling the model that an
        # answer disagrees with the problem file's expected answer would leak the answer.
        failing = [(i, a) for i, a in enumerate(current)
                   if a.verification is None or a.verification.status == "failed"]
        if not failing or preferred is not None or cancelled():
            # a filled-in example that ran stands in for the model's failed programs: repairing
            # them costs a full generation each for programs that ignored the example
            break
        emit(ProgressEvent("repair", f"repair round {round_}: fixing {len(failing)} program(s)", attempt=round_))
        prompts = [build_repair_prompt(problem.text, a.program, a.error or "failed", result.examples, style)
                   for _, a in failing]
        t0 = time.perf_counter()
        fixes = generator.generate(prompts, n=1, max_new_tokens=limit, temperature=0.0)
        timings["generate"] = timings.get("generate", 0.0) + time.perf_counter() - t0
        for (i, old), fix in zip(failing, fixes):
            origin = f"{old.origin.split(' / ')[0]} / repair {round_}"
            emit(ProgressEvent("run", f"checking and running {origin}", attempt=i + 1))
            att = _attempt(extract_program(fix[0]), problem, opts, origin, timings, result.examples)
            result.attempts.append(att)
            current[i] = att

    emit(ProgressEvent("vote", "comparing answers"))
    groups, result.votes = vote(current)
    n_ok = sum(len(g) for g in groups)
    result.best = _pick_best(current, groups, anchor=preferred or (current[0] if current else None))
    result.agreement = (len(groups[0]) / n_ok) if groups else None
    if (tuned if opts.split is None else opts.split) and not given and result.best is not None:
        wide = _widen(result.best, question_of(problem.text), problem, opts, timings)
        if wide is not None:
            result.attempts.append(wide)
            result.best = wide
    if result.best is not None:
        pct = _percent(result.best, problem, opts, timings)
        if pct is not None:
            result.attempts.append(pct)
            result.best = pct
        longer = _longer(result.best, problem, opts, timings)
        if longer is not None:
            result.attempts.append(longer)
            result.best = longer
    return _finish(result, timings, t_start)


def _widen(best: Attempt, ask: str, problem: Problem | None, opts: SolveOptions,
           timings: dict[str, float]) -> Attempt | None:
    """The program answering with every unknown it solves for, when the question asks for each of
    them ("How many tables, chairs and bookcases ...?") and it answers with one number
    (:func:`~mathllm.questions.widen`); None when that does not apply or does not run."""
    names = several(ask)
    # the program ran (with an expected answer of several values, one number is "wrong")
    if names is None or best.run is None or not best.run.ok or best.run.answer is None \
            or best.run.answer.kind != "number":
        return None
    if best.verification is not None and best.verification.expected_match:
        return None  # the problem file expects this one number
    moved = widen(best.program, names)
    if moved is None:
        return None
    att = evaluate_program(moved[0], problem, origin=f"{best.origin} / widened", timeout_s=opts.timeout_s,
                           timings=timings)
    if att.run is None or not att.run.ok or att.run.answer is None or att.run.answer.kind != "dict" \
            or (att.verification is not None and att.verification.status == "failed"):
        return None
    _carry(att, best)
    att.widened = moved[1]
    return att


def _weak_match(text: str, example: Example, opts: SolveOptions) -> bool:
    """Whether the text matches the shown example's family too weakly to impose its program on
    one of the model's that runs (fill.MIN_FAMILY_MATCH; an example from no bank: not weak)."""
    from .retrieve import family_match

    match = family_match(text, example, bank_path=opts.banks)
    return match is not None and match < MIN_FAMILY_MATCH


def _carry(att: Attempt, best: Attempt) -> None:
    """Give ``att``, a rewrite of ``best``'s program, what the earlier stages did to that program,
    so the report still names it."""
    att.rebound, att.followed, att.filled, att.targeted = best.rebound, best.followed, best.filled, best.targeted
    att.widened, att.cut, att.scaled, att.lengthened = best.widened, best.cut, best.scaled, best.lengthened


def _number_answer(best: Attempt) -> float | None:
    """The number ``best`` answers, for a rewrite of its program to work on; None for another
    kind of answer, none, or one the problem file expects as it is."""
    answer = best.run.answer if best.run is not None and best.run.ok else None
    if answer is None or answer.kind != "number" or answer.value is None:
        return None
    if best.verification is not None and best.verification.expected_match:
        return None  # the problem file expects this number
    return answer.value


def _rerun(best: Attempt, program: str, problem: Problem, opts: SolveOptions, timings: dict[str, float],
           step: str) -> Attempt | None:
    """``program``, a rewrite of ``best``'s by ``step``, checked and run; None where it fails."""
    att = evaluate_program(program, problem, origin=f"{best.origin} / {step}", timeout_s=opts.timeout_s,
                           timings=timings)
    if not att.ok:
        return None
    _carry(att, best)
    return att


def _percent(best: Attempt, problem: Problem, opts: SolveOptions, timings: dict[str, float]) -> Attempt | None:
    """The program answering in percent when the question asks for a percentage and it gives a
    fraction (:func:`~mathllm.questions.in_percent`); None when that does not apply or does not run."""
    value = _number_answer(best)
    moved = in_percent(best.program, problem.text, value) if value is not None else None
    att = _rerun(best, moved[0], problem, opts, timings, "in percent") if moved is not None else None
    if att is not None:
        att.scaled = moved[1]
    return att


def _longer(best: Attempt, problem: Problem, opts: SolveOptions, timings: dict[str, float]) -> Attempt | None:
    """The program simulating a longer span when the time of the peak it answers is the end of
    its span (:func:`~mathllm.questions.longer_span`), kept only where the peak then falls inside
    the span; None when that does not apply or does not run."""
    value = _number_answer(best)
    moved = longer_span(best.program, value) if value is not None else None
    att = _rerun(best, moved[0], problem, opts, timings, "longer span") if moved is not None else None
    new = att.run.answer if att is not None else None  # (it ran: ``_rerun`` keeps no failure)
    if new is None or new.kind != "number" or new.value is None \
            or math.isclose(new.value, value * SPAN_FACTOR, rel_tol=1e-9):
        return None  # still at the end of the span: no peak to find
    att.lengthened = moved[1]
    return att


def _solve_questions(problem: Problem, questions: list[Question], generator: Any, opts: SolveOptions,
                     result: SolveResult, emit: Progress, cancel: threading.Event | None,
                     timings: dict[str, float], t_start: float) -> SolveResult:
    """Solve each question as its own problem, then join the programs (questions.py)."""
    questions = [dataclasses.replace(q) for q in questions]  # notes are written on copies
    result.questions = questions
    n = len(questions)
    parts: list[tuple[Question, Attempt]] = []
    missing: list[str] = []
    sub_opts = dataclasses.replace(opts, split=False)

    def one(i: int, q: Question) -> SolveResult:
        def relay(ev: ProgressEvent) -> None:
            emit(dataclasses.replace(ev, message=f"question {i} of {n}: {ev.message}", fraction=None))

        return solve(Problem(text=q.text, title=f"{problem.title} ({i}/{n})", domain=problem.domain),
                     gen, sub_opts, progress=relay, cancel=cancel)

    # The questions are solved at once: a local model decodes them as one batch (on a CPU a
    # batch of a few sequences takes about as long as one), a server gets parallel requests.
    gen = generator
    if result.model.get("backend") == "hf" and not isinstance(generator, BatchingGenerator):
        gen = BatchingGenerator(generator, max_batch=n * opts.samples)
    try:
        with ThreadPoolExecutor(max_workers=n, thread_name_prefix="mathllm-question") as pool:
            subs = list(pool.map(one, range(1, n + 1), questions))
    finally:
        if gen is not generator:
            gen.close()
    for i, (q, sub) in enumerate(zip(questions, subs), start=1):
        for k, v in sub.timings.items():
            if k != "total":
                timings[k] = timings.get(k, 0.0) + v
        for a in sub.attempts:
            a.origin = f"question {i}: {a.origin}"
            result.attempts.append(a)
        for ex in sub.examples:
            if ex not in result.examples:
                result.examples.append(ex)
        if sub.verdict == "cancelled":
            result.verdict, result.message = "cancelled", "cancelled by the user"
            return _finish(result, timings, t_start)
        best = sub.best
        if best is not None and best.run is not None and best.run.ok and sub.answer is not None:
            if _repeats(best, [a for _, a in parts]):
                # the program answers an earlier question again (the adapter copied the shown
                # example's question): take another quantity of the same program if it has one
                moved = retarget(best.program, q.ask, i - 1)
                if moved is not None:
                    att = evaluate_program(moved[0], None, origin=f"question {i}: retargeted",
                                           timeout_s=opts.timeout_s, timings=timings)
                    result.attempts.append(att)
                    if att.ok and not _repeats(att, [a for _, a in parts]):
                        best, q.note = att, str(moved[1])
            wide = _widen(best, q.ask, None, opts, timings)
            if wide is not None:
                wide.origin = f"question {i}: widened"
                result.attempts.append(wide)
                best, q.note = wide, str(wide.widened)
            parts.append((q, best))
        else:
            missing.append(f"question {i} ({sub.message or 'no program ran'})")
    if not parts:
        result = _finish(result, timings, t_start)
        result.message = "no question was answered: " + "; ".join(missing)
        return result
    parts = _same_data(parts, opts, timings, result, problem.text)
    emit(ProgressEvent("run", f"joining the {len(parts)} programs into one and running it"))
    joined = compose([a.program for _, a in parts], [q.name for q, _ in parts],
                     [a.run.answer.kind == "dict" for _, a in parts])
    att = evaluate_program(joined, problem, origin=f"{len(parts)} questions joined", timeout_s=opts.timeout_s,
                           timings=timings)
    result.attempts.append(att)
    result.best = att
    result = _finish(result, timings, t_start)
    if missing and result.verdict != "failed":
        result.message = (result.message + "; " if result.message else "") + "not answered: " + "; ".join(missing)
    return result


def _overused(program: str, written: Counter[float]) -> int:
    """How many more times the parameters of ``program`` hold numbers of the text than the text
    writes them (``written``: each number, how often) (``L = 0.5`` and ``t_ms = 0.5`` for "a 0.5 H
    inductor": one): a number read for two parameters where it stands once is one of them misread."""
    held = Counter(p.value for p in parse_parameters(program) if isinstance(p.value, (int, float)) and p.value)
    return sum(n - written[v] for v, n in held.items() if written[v] and n > written[v])


def _same_data(parts: list[tuple[Question, Attempt]], opts: SolveOptions, timings: dict[str, float],
               result: SolveResult, text: str) -> list[tuple[Question, Attempt]]:
    """The questions of one problem ask about the same data: where two of their programs hold
    the same parameters (names, descriptions and units: one kind of model) with other values,
    and one of them makes up fewer values or, as many, uses more of the text's numbers, the
    other takes its values. The adapter writes each question's program on its own and can shift
    a list of rates by one in one of them ("alpha_2 = 0.02" for the hares' 0.8 per year) that
    it wrote right in the other. Where the two make up as many, the one that reads fewer of the
    whole problem's numbers twice where it writes them once is better grounded ("at that same
    moment" leaves a question's program with no time but the inductor's 0.5 H, the time another
    question gives)."""

    written = Counter(float(m.value) for m in find_numbers(text) if not m.word)
    ranks = []  # of each part: made-up values, numbers read twice, less coverage (less is better)
    for _, att in parts:
        invented, coverage = _grounding_rank(att)
        ranks.append((invented, _overused(att.program, written), coverage))
    out = list(parts)
    for i, (q, att) in enumerate(parts):
        mine = parse_parameters(att.program)
        for j, (_, other) in enumerate(parts):
            theirs = parse_parameters(other.program)
            if (j == i or not mine or any(isinstance(p.value, list) for p in mine + theirs)
                    or [(p.name, p.description, p.unit) for p in mine]
                    != [(p.name, p.description, p.unit) for p in theirs]
                    or [p.value for p in mine] == [p.value for p in theirs]
                    or not ranks[j] < ranks[i]):
                continue
            program = set_parameters(att.program, {p.name: p.value for p in theirs})
            new = evaluate_program(program, Problem(text=q.text, title=q.name), origin=f"{att.origin}, values of "
                                   f"question {j + 1}", timeout_s=opts.timeout_s, timings=timings)
            result.attempts.append(new)
            if new.ok and not _repeats(new, [a for k, (_, a) in enumerate(out) if k != i]):
                changed = [p.name for p, o in zip(mine, theirs, strict=True) if p.value != o.value]
                better, worse = ranks[j], ranks[i]
                why = ("makes up fewer values" if better[0] < worse[0] else
                       "reads fewer of the text's numbers twice" if better[1] < worse[1] else
                       "uses more of the text's numbers")
                q.note = "; ".join(x for x in (q.note, f"values of question {j + 1}'s program, which {why}: "
                                                  f"{', '.join(changed)}") if x)
                # the other program's values can be fractions where this one's were percentages
                # ("prevalence = 1.5  # [%]" for 0.015): a question that asks for a percentage
                # then gets the fraction its program now computes, in percent
                pct = _percent(new, Problem(text=q.text, title=q.name), opts, timings)
                if pct is not None:
                    result.attempts.append(pct)
                    new, q.note = pct, f"{q.note}; {pct.scaled}"
                out[i] = (q, new)
            break
    return out


def _repeats(att: Attempt, earlier: list[Attempt]) -> bool:
    """Whether a program's number answer equals an earlier question's (the vote's equality)."""
    mine = answer_values(att.run.answer) if att.run is not None else None
    if not isinstance(mine, float):
        return False
    return any(isinstance(theirs := answer_values(a.run.answer) if a.run is not None else None, float)
               and _same(mine, theirs) for a in earlier)


#: Characters per token of a program, on the low side: the default tokenizer gives 1.8 to 3.7
#: (median 2.5) over the bank's programs, so a program's length over this overestimates its tokens.
_CHARS_PER_TOKEN = 2.2


def generation_limit(limit: int, examples: list[Example] | None) -> int:
    """The generation limit for a prompt showing ``examples``: ``limit``, or more where the
    longest example's program would not fit in it with a quarter to spare (in steps of 200, so
    that the requests of an evaluation still batch together).

    A model that copies the example's structure writes about as many tokens as the example: a
    transport problem's program (six routes, three demands) takes 450 to 620 tokens, and with
    the evaluation's 400 every one of them was cut off before its ``answer``."""
    longest = max((len(ex.program) for ex in examples or []), default=0) / _CHARS_PER_TOKEN
    need = 1.25 * longest
    return limit if need <= limit else int(-(-need // 200) * 200)


def _resume(generator: Any, prompt: str, closed: str, note: str, text: str, max_new_tokens: int) -> tuple[str, str]:
    """A program the model did not finish, as :func:`~mathllm.follow.cut_off` closed it (with
    its ``note``), its data lines cut to the text's (bind's rule 9), and the model's own
    continuation from there; the closed program alone when the continuation does not finish
    either. With the note saying what was done."""
    prefix, moves = data_rule(" ".join(text.split()), closed)
    if moves:
        note += "; " + "; ".join(f"{mv.name} cut to the text's {len(mv.new)} numbers" for mv in moves
                                 if isinstance(mv.new, list))
    more = generator.generate([prompt + prefix], n=1, max_new_tokens=max_new_tokens, temperature=0.0)[0][0]
    resumed = prefix + extract_program(more)
    try:
        if resumed != prefix and ast.parse(resumed):
            return resumed, note + "; the model went on from there"
    except (SyntaxError, ValueError):
        pass  # it did not finish either (or wrote no Python): the closed program stands
    return prefix, note


def _attempt(program: str, problem: Problem, opts: SolveOptions, origin: str, timings: dict[str, float],
             examples: list[Example] | None = None, cut: str | None = None,
             shown: Example | None = None) -> Attempt:
    """follow -> target -> bind -> check -> run -> verify one program the model wrote (``cut``:
    what :func:`_resume` did to it, if the model did not finish it; ``shown``: the example a
    program filled in from was, for target alone)."""
    followed: Followed | None = None
    targeted: Retarget | None = None
    if cut is None:
        program, cut = cut_off(program)
    if opts.follow and examples:
        program, followed = follow(program, examples, problem.text, cut=cut is not None)
        shown = examples[followed.example] if followed is not None else examples[-1]
    if opts.follow and shown is not None:
        program, targeted = target(program, shown, problem.text)
    moves: list[Rebinding] = []
    if opts.bind:
        program, moves = bind(problem.text, program)
    att = evaluate_program(program, problem, origin=origin, timeout_s=opts.timeout_s, timings=timings)
    att.rebound = moves
    att.followed = followed
    att.targeted = targeted
    att.cut = cut
    return att


def _finish(result: SolveResult, timings: dict[str, float], t_start: float) -> SolveResult:
    best = result.best
    if result.verdict != "cancelled":
        if best is None or best.verification is None:
            result.verdict = "failed"
            result.message = best.error if best is not None and best.error else "no program ran successfully"
        else:
            result.verdict = best.verification.status
            result.message = best.verification.message
        result.solved = result.verdict in ("verified", "plausible")
    if best is not None:
        result.parameters = parse_parameters(best.program)
        if best.run is not None and best.run.ok:
            result.answer = best.run.answer
    timings["total"] = time.perf_counter() - t_start
    result.timings = {k: round(v, 4) for k, v in timings.items()}
    return result
