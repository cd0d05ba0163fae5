"""The ``mathllm`` command: a thin typer layer over the library.

Every command is a library call (``mathllm.solve.solve``, ``mathllm.exercise.make_exercise``,
...); this module only parses options, shows progress and maps outcomes to exit codes:
0 solved / ok, 1 not solved (with the best attempt and why), 2 bad input or usage.
Heavy modules are imported inside the commands so that ``mathllm --help`` is instant.
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from .errors import MathllmError, UsageError
from .prompt import STYLES, TRAIN_STYLE  # light: the prompt module imports no model code

app = typer.Typer(
    name="mathllm",
    help="Turn plain-language problems into checked, sandboxed SymPy/SciPy models with a local LLM.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Backend(str, Enum):
    hf = "hf"
    openai = "openai"


def _stderr():
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def _fail(message: str, code: int = 2) -> None:
    from rich.markup import escape

    _stderr().print(f"[bold red]error:[/bold red] {escape(message)}")
    raise typer.Exit(code)


class _Progress:
    """Stage-by-stage progress on stderr (quiet when stderr is not a terminal and --json)."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self.console = _stderr()
        self.status = None
        self.last = ""

    def __enter__(self) -> "_Progress":
        if self.enabled:
            self.status = self.console.status("starting", spinner="dots")
            self.status.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.status is not None:
            self.status.__exit__(*exc)

    def say(self, msg: str) -> None:
        from rich.markup import escape

        if self.status is not None:
            self.status.update(escape(msg))

    def event(self, ev) -> None:
        from rich.markup import escape

        msg = f"{ev.stage}: {ev.message}"
        if ev.fraction is not None and ev.stage == "load":
            msg += f" ({ev.fraction:.0%})"
        if self.status is not None and msg != self.last:
            self.status.update(escape(msg))
            if ev.stage in ("repair",) or (ev.stage == "load" and "convert" in ev.message):
                self.console.print(f"[dim]{escape(msg)}[/dim]")
        self.last = msg


def _check_out_dir(out: Path) -> None:
    """Refuse to write a report into a folder holding files that are not an earlier report."""
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out} exists and is not a directory")
    if out.is_dir():
        ours = {"report.md", "result.json", "program.py"}
        others = [p.name for p in out.iterdir() if p.name not in ours and not (p.name.startswith("figure-") and p.suffix == ".png")]
        if others:
            raise UsageError(f"--out {out} already holds other files ({', '.join(sorted(others)[:3])}...)",
                             hint="choose an empty or new directory; mathllm never overwrites your files")


def _banks(values: list[Path] | None) -> tuple[str, ...] | None:
    """--bank values as files (see retrieve.resolve_banks); None: the default banks."""
    if not values:
        return None
    from .retrieve import resolve_banks

    return resolve_banks(values)


def _run_cli(fn) -> None:
    try:
        fn()
    except MathllmError as exc:
        _fail(str(exc), exc.exit_code)
    except KeyboardInterrupt:
        _stderr().print("interrupted")
        raise typer.Exit(130)


@app.command()
def solve(
    file: Path = typer.Argument(..., help="Problem file (Markdown with optional YAML front matter)."),
    backend: Backend = typer.Option(Backend.hf, help="hf: local transformers model; openai: an OpenAI-compatible server."),
    model: Optional[str] = typer.Option(None, help="hf: model directory or .gguf file (default: embedded Gemma 3 270M). openai: model name."),
    adapter: Optional[str] = typer.Option("auto", help="LoRA adapter directory or name in models/ ('auto': models/default if present; 'none')."),
    base_url: Optional[str] = typer.Option(None, "--base-url", envvar="MATHLLM_BASE_URL", help="openai: server URL, e.g. http://127.0.0.1:8000/v1"),
    api_key: Optional[str] = typer.Option(None, "--api-key", envvar="MATHLLM_API_KEY", help="openai: API key."),
    samples: int = typer.Option(1, "--samples", "-k", help="Programs to vote on: the greedy one plus k-1 sampled in one batched call."),
    repairs: int = typer.Option(2, help="Repair attempts for a program that fails its check or run."),
    timeout: float = typer.Option(10.0, help="Sandbox time limit per run [s]."),
    examples: int = typer.Option(1, help="Solved examples retrieved into the prompt (the default adapter is trained with 1)."),
    bank: Optional[list[Path]] = typer.Option(None, "--bank", help="Retrieve solved examples from this JSONL file, or bank name (builtin: the shipped one; see `mathllm bank list`); repeat for several. Default: the shipped bank and those installed with `mathllm bank add`."),
    free_numbers: bool = typer.Option(False, "--free-numbers", help="hf: let parameter values be any number (default: only numbers the problem gives, see docs)."),
    no_bind: bool = typer.Option(False, "--no-bind", help="Keep the model's parameter values as written (default: move one stated in another parameter's unit, see docs)."),
    follow: Optional[bool] = typer.Option(None, "--follow/--no-follow", help="A program with exactly the shown example's parameters keeps the example's statements (default: on for a mathllm adapter, see docs)."),
    fill: Optional[bool] = typer.Option(None, "--fill/--no-fill", help="When every program failed, fill in the shown example's program with values the model picks (default: on for a mathllm adapter, see docs)."),
    split: Optional[bool] = typer.Option(None, "--split/--no-split", help="Solve a problem that asks several questions one question at a time and join the programs (default: on for a mathllm adapter, see docs)."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document (docs/json-schema.md)."),
    out: Optional[Path] = typer.Option(None, help="Write a Markdown report with plots into this directory."),
    show_code: bool = typer.Option(False, "--show-code", help="Print the program."),
) -> None:
    """Solve a problem: model -> checked program -> sandboxed run -> verified answer."""
    code = {"value": 1}

    def go() -> None:
        from .generate import make_generator
        from .problem import load_problem
        from .report import figures_of, print_console, to_dict, to_markdown
        from .solve import SolveOptions
        from .solve import solve as run_solve

        problem = load_problem(file)
        opts = SolveOptions(samples=samples, repairs=repairs, timeout_s=timeout, examples=examples, bind=not no_bind,
                            follow=follow, fill=fill, split=split, banks=_banks(bank))
        opts.validate()
        if out is not None:
            _check_out_dir(out)
        gen = make_generator(backend.value, model=model, adapter=adapter, base_url=base_url, api_key=api_key,
                             grounded=not free_numbers)
        with _Progress(enabled=not as_json or sys.stderr.isatty()) as prog:
            result = run_solve(problem, gen, opts, progress=prog.event)
        fig_paths: list[Path] = []
        if out is not None:
            path = to_markdown(result, out)
            fig_paths = [out / n for n, _ in figures_of(result)]
            _stderr().print(f"report: {path}")
        if as_json:
            sys.stdout.write(json.dumps(to_dict(result), indent=2) + "\n")
        else:
            print_console(result, show_code=show_code, figure_paths=fig_paths)
        code["value"] = 0 if result.solved else 1

    _run_cli(go)
    raise typer.Exit(code["value"])


@app.command("run")
def run_cmd(
    program: Path = typer.Argument(..., help="A model program (.py) written to the contract (docs/contract.md)."),
    problem: Optional[Path] = typer.Option(None, help="Problem file whose expected answer to verify against."),
    timeout: float = typer.Option(10.0, help="Sandbox time limit [s]."),
    as_json: bool = typer.Option(False, "--json", help="Print the check and run result as JSON."),
) -> None:
    """Check and run hand-written model code through the same sandbox (for teachers)."""
    code = {"value": 1}

    def go() -> None:
        from rich.markup import escape

        from .problem import load_problem, read_text_file
        from .solve import rerun

        src = read_text_file(program, what="program file", max_bytes=256 * 1024)
        prob = load_problem(problem) if problem is not None else None
        if not 0.1 <= timeout <= 600:
            raise UsageError("--timeout must be between 0.1 and 600 seconds")
        att = rerun(src, prob, timeout_s=timeout)
        if as_json:
            from .report import attempt_dict

            sys.stdout.write(json.dumps(attempt_dict(att), indent=2) + "\n")
        else:
            from rich.console import Console

            con = Console(highlight=False)
            if not att.check.ok:
                con.print("[bold red]check failed[/bold red]")
                for i in att.check.issues:
                    con.print(f"  line {i.line}: {escape(i.message)}")
            elif att.run is not None and not att.run.ok:
                con.print(f"[bold red]run failed[/bold red] ({att.run.status}): {escape(att.run.error or '')}")
                if att.run.traceback:
                    con.print(escape(att.run.traceback))
            else:
                from .report import answer_text

                con.print(f"answer: [bold]{escape(answer_text(att.run.answer, prob.units if prob else None))}[/bold]")
                for eq in att.run.equations:
                    con.print("  " + escape(eq.get("text") or eq.get("latex", "")))
                con.print(f"verdict: {att.verification.status} — {escape(att.verification.message)}")
            if att.run is not None and att.run.stdout:
                con.print("[dim]output:[/dim]\n" + escape(att.run.stdout[:4000]))
        code["value"] = 0 if att.ok else 1

    _run_cli(go)
    raise typer.Exit(code["value"])


@app.command()
def serve(
    port: int = typer.Option(5006, help="Port to listen on."),
    address: str = typer.Option("127.0.0.1", help="Address to bind (use 0.0.0.0 to serve your network)."),
    backend: Backend = typer.Option(Backend.hf),
    model: Optional[str] = typer.Option(None),
    adapter: Optional[str] = typer.Option("auto"),
    base_url: Optional[str] = typer.Option(None, "--base-url", envvar="MATHLLM_BASE_URL"),
    api_key: Optional[str] = typer.Option(None, "--api-key", envvar="MATHLLM_API_KEY"),
    show: bool = typer.Option(False, help="Open a browser tab."),
) -> None:
    """Start the Panel workbench (the page loads while the model is still loading)."""

    def go() -> None:
        from .generate import make_generator
        from .serve import serve as run_serve

        if not 0 < port < 65536:
            raise UsageError(f"--port must be between 1 and 65535, got {port}")
        # Validate the model options before the server starts (clear error, exit 2).
        make_generator(backend.value, model=model, adapter=adapter, base_url=base_url, api_key=api_key)
        run_serve(port=port, address=address, show=show, backend=backend.value, model=model,
                  adapter=adapter, base_url=base_url, api_key=api_key)

    _run_cli(go)


@app.command("eval")
def eval_cmd(
    data: Path = typer.Argument(..., help="JSONL file (question, answer, optional tolerance) or a folder of problem files."),
    backend: Backend = typer.Option(Backend.hf),
    model: Optional[str] = typer.Option(None),
    adapter: Optional[str] = typer.Option("auto", help="Adapter dir/name, 'auto' or 'none' (the untuned base model)."),
    base_url: Optional[str] = typer.Option(None, "--base-url", envvar="MATHLLM_BASE_URL"),
    api_key: Optional[str] = typer.Option(None, "--api-key", envvar="MATHLLM_API_KEY"),
    samples: int = typer.Option(1, "--samples", "-k"),
    repairs: int = typer.Option(0, help="Repair attempts (eval default 0: measure the model itself)."),
    examples: int = typer.Option(1, help="Retrieved solved examples in the prompt (0 = none)."),
    bank: Optional[list[Path]] = typer.Option(None, "--bank", help="Retrieve solved examples from this JSONL file, or bank name (builtin: the shipped one; see `mathllm bank list`); repeat for several. Default: the shipped bank and those installed with `mathllm bank add`."),
    free_numbers: bool = typer.Option(False, "--free-numbers", help="hf: let parameter values be any number (default: only numbers the problem gives, see docs)."),
    no_bind: bool = typer.Option(False, "--no-bind", help="Keep the model's parameter values as written (default: move one stated in another parameter's unit, see docs)."),
    follow: Optional[bool] = typer.Option(None, "--follow/--no-follow", help="A program with exactly the shown example's parameters keeps the example's statements (default: on for a mathllm adapter, see docs)."),
    fill: Optional[bool] = typer.Option(None, "--fill/--no-fill", help="When every program failed, fill in the shown example's program with values the model picks (default: on for a mathllm adapter, see docs)."),
    split: Optional[bool] = typer.Option(None, "--split/--no-split", help="Solve a problem that asks several questions one question at a time and join the programs (default: on for a mathllm adapter, see docs)."),
    limit: Optional[int] = typer.Option(None, help="Evaluate only the first N items."),
    seed: Optional[int] = typer.Option(None, help="Shuffle the items with this seed before --limit (a fair sample)."),
    workers: int = typer.Option(8, help="Items in flight: batched generation (hf) or parallel requests (openai)."),
    timeout: float = typer.Option(10.0, help="Sandbox time limit per run [s]."),
    max_new_tokens: int = typer.Option(400, help="Generation limit per program."),
    out: Optional[Path] = typer.Option(None, help="Write per-item results as JSONL here."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Measure check/run/correct rates and latency of a model on a data set."""

    def go() -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
        from rich.table import Table

        from .evaluate import evaluate, is_results_file, load_items
        from .generate import make_generator
        from .retrieve import default_banks
        from .solve import SolveOptions

        if limit is not None and limit < 1:
            raise UsageError("--limit must be at least 1")
        items = load_items(data, limit, seed)
        if out is not None and out.exists() and out.is_dir():
            raise UsageError(f"--out {out} is a directory; give a .jsonl file path")
        if out is not None and out.exists() and not is_results_file(out):
            raise UsageError(f"--out {out} exists and is not an earlier results file",
                             hint="give a new path; mathllm never overwrites your files")
        opts = SolveOptions(samples=samples, repairs=repairs, timeout_s=timeout, examples=examples,
                            max_new_tokens=max_new_tokens, bind=not no_bind, follow=follow, fill=fill, split=split,
                            banks=_banks(bank))
        opts.validate()
        gen = make_generator(backend.value, model=model, adapter=adapter, base_url=base_url, api_key=api_key,
                             workers=workers, grounded=not free_numbers)
        with Progress(TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
                      TimeElapsedColumn(), console=Console(stderr=True), disable=as_json and not sys.stderr.isatty()) as bar:
            task = bar.add_task("solving", total=len(items))
            counts = {"ok": 0}

            def on_item(row: dict) -> None:
                counts["ok"] += row["correct"]
                bar.update(task, advance=1, description=f"correct {counts['ok']}")

            summary = evaluate(items, gen, opts, workers=workers, out=out, on_item=on_item)
        doc = {"data": str(data), "model": gen.info, "samples": samples, "repairs": repairs, "examples": examples,
               "banks": list(opts.banks) if opts.banks else [str(p) for p in default_banks()], **summary.__dict__}
        if as_json:
            sys.stdout.write(json.dumps(doc, indent=2) + "\n")
            return
        con = Console()
        t = Table(title=f"{data} · {summary.n} items · {summary.seconds:.0f} s")
        for col in ("group", "n", "check", "run", "correct"):
            t.add_column(col, justify="right" if col != "group" else "left")
        for g, r in summary.by_group.items():
            t.add_row(g, str(r["n"]), f"{r['checked']:.0%}", f"{r['ran']:.0%}", f"{r['correct']:.0%}")
        t.add_row("[bold]all[/bold]", str(summary.n), f"{summary.checked:.0%}", f"{summary.ran:.0%}",
                  f"[bold]{summary.correct:.1%}[/bold]")
        con.print(t)
        con.print(f"latency median {summary.latency_median_s:.2f} s, p95 {summary.latency_p95_s:.2f} s")
        if summary.flagged:
            con.print(f"grounding: {summary.flagged} program(s) that ran use values not given in the problem; "
                      f"{summary.flagged_wrong} of them answered wrongly")

    _run_cli(go)


@app.command()
def train(
    out: Path = typer.Option(Path("models/default"), help="Where to write the adapter (atomically)."),
    data: Optional[Path] = typer.Option(None, help="train.jsonl with problem/program records (default: build from the families)."),
    base_model: Optional[str] = typer.Option(None, "--base-model", help="Base model dir or .gguf (default: embedded Gemma 3 270M)."),
    gsm8k: Optional[Path] = typer.Option(None, help="GSM8K train.jsonl to convert and mix in (read by path, never copied)."),
    gsm8k_train: int = typer.Option(2000, help="GSM8K problems to use for training."),
    per_family: int = typer.Option(30, help="Samples drawn per training family."),
    max_samples: Optional[int] = typer.Option(None, help="Cap on training samples."),
    epochs: float = typer.Option(1.0),
    lr: float = typer.Option(3e-4),
    rank: int = typer.Option(16),
    alpha: int = typer.Option(32),
    batch_tokens: int = typer.Option(3072, help="Padded tokens per optimizer step."),
    examples: int = typer.Option(1, help="Retrieved solved examples in each training prompt."),
    max_len: int = typer.Option(1024, help="Longest training sequence in tokens (prompt and program); longer samples are skipped."),
    prompt_style: str = typer.Option(TRAIN_STYLE, "--prompt-style", help="Prompt style (mathllm-v3: one-line header, programs quote the problem; mathllm-v2: one-line header; mathllm-v1: the full contract header)."),
    other_family: float = typer.Option(0.0, "--other-family", help="Share (0 to 1) of prompts shown another family's example, as a held-out family is."),
    init_adapter: Optional[Path] = typer.Option(None, "--init-adapter", help="Continue training from this adapter's weights (same rank, alpha and prompt style)."),
    time_budget: Optional[float] = typer.Option(None, help="Stop cleanly after this many minutes."),
    dtype: str = typer.Option("float32", help="float32 or bfloat16 (autocast)."),
    resume: bool = typer.Option(False, help="Resume from the last checkpoint of an interrupted run."),
    prepare_only: bool = typer.Option(False, "--prepare-only", help="Build and tokenize the samples into the work folder (.OUT.work) and stop; a later run with the same data options trains on them."),
    seed: int = typer.Option(0),
) -> None:
    """LoRA fine-tune the program-writing model (practical on a 2-core CPU)."""

    def go() -> None:
        from .train import TrainConfig
        from .train import train as run_train

        if epochs <= 0 or lr <= 0:
            raise UsageError("--epochs and --lr must be positive")
        if not 64 <= max_len <= 32768:
            raise UsageError(f"--max-len must be between 64 and 32768 tokens, got {max_len}")
        if prompt_style not in STYLES:
            raise UsageError(f"unknown --prompt-style {prompt_style!r} (use {' or '.join(STYLES)})")
        if gsm8k is not None and not gsm8k.is_file():
            raise UsageError(f"--gsm8k file not found: {gsm8k}")
        # A missing --data file is reported by train(), unless the work folder already holds
        # the samples prepared from it (--prepare-only on another machine).
        cfg = TrainConfig(data=str(data) if data else None, out=str(out), base_model=base_model, seed=seed,
                          epochs=epochs, max_samples=max_samples, lr=lr, rank=rank, alpha=alpha,
                          batch_tokens=batch_tokens, examples=examples, max_len=max_len, time_budget_min=time_budget,
                          prompt_style=prompt_style, resume=resume, dtype=dtype, gsm8k=str(gsm8k) if gsm8k else None,
                          gsm8k_train=gsm8k_train, per_family=per_family, prepare_only=prepare_only,
                          other_family=other_family, init_adapter=str(init_adapter) if init_adapter else None)
        err = _stderr()
        run_train(cfg, log=lambda m: err.print(m, markup=False))

    _run_cli(go)


bank_app = typer.Typer(
    help="Banks of solved examples that retrieval puts into the prompt (the shipped one and yours).",
    no_args_is_help=True,
)
app.add_typer(bank_app, name="bank")


@bank_app.command("list")
def bank_list() -> None:
    """Show the banks retrieval reads: the shipped one and those installed here."""

    def go() -> None:
        from .retrieve import BANK_PATH, banks_dir, installed_banks

        def count(p: Path) -> int:
            with open(p, encoding="utf-8") as fh:
                return sum(1 for line in fh if line.strip())

        print(f"builtin\t{count(BANK_PATH)} examples\t{BANK_PATH}")
        installed = installed_banks()
        for p in installed:
            print(f"{p.stem}\t{count(p)} examples\t{p}")
        if not installed:
            _stderr().print(f"no installed banks (they go to {banks_dir()})")

    _run_cli(go)


@bank_app.command("add")
def bank_add(
    file: Path = typer.Argument(..., help="JSONL of solved examples: one {\"problem\", \"program\"} object per line."),
    name: Optional[str] = typer.Option(None, help="Name of the installed bank (default: the file's name)."),
) -> None:
    """Install your own solved examples (each program must pass the contract check)."""

    def go() -> None:
        from .retrieve import install_bank, installed_banks, read_bank_records

        records = read_bank_records(file)
        had = {p.stem for p in installed_banks()}
        path = install_bank(name or file.stem, records)
        print(f"{len(records)} examples -> {path}" + (" (replaced the bank of that name)" if path.stem in had else ""))

    _run_cli(go)


@bank_app.command("remove")
def bank_remove(name: str = typer.Argument(..., help="Name of an installed bank (see `mathllm bank list`).")) -> None:
    """Remove an installed bank (the shipped one stays)."""

    def go() -> None:
        from .retrieve import remove_bank

        print(f"removed {remove_bank(name)}")

    _run_cli(go)


@app.command()
def exercise(
    file: Path = typer.Argument(..., help="Problem file."),
    variants: int = typer.Option(5, "--variants", "-n", help="Number of variants."),
    seed: int = typer.Option(0, help="Random seed (the same seed gives the same sheet)."),
    out: Path = typer.Option(Path("exercise"), help="Output directory (worksheet, key, key.json)."),
    program: Optional[Path] = typer.Option(None, help="Use this stored program instead of solving with the model."),
    backend: Backend = typer.Option(Backend.hf),
    model: Optional[str] = typer.Option(None),
    adapter: Optional[str] = typer.Option("auto"),
    base_url: Optional[str] = typer.Option(None, "--base-url", envvar="MATHLLM_BASE_URL"),
    timeout: float = typer.Option(10.0),
) -> None:
    """Make exercise variants with a separate answer key and worked solutions."""

    def go() -> None:
        from .exercise import find_reference_program, make_exercise, write_exercise
        from .problem import load_problem, read_text_file

        from .exercise import MAX_VARIANTS

        if not 1 <= variants <= MAX_VARIANTS:
            raise UsageError(f"--variants must be between 1 and {MAX_VARIANTS}")
        problem = load_problem(file)
        if program is not None:
            src = read_text_file(program, what="program file", max_bytes=256 * 1024)
        else:
            ref = find_reference_program(file)
            if ref is not None:
                src = ref.read_text(encoding="utf-8")
                _stderr().print(f"using the stored program {ref}")
            else:
                from .generate import make_generator
                from .solve import solve as run_solve

                gen = make_generator(backend.value, model=model, adapter=adapter, base_url=base_url)
                with _Progress() as prog:
                    res = run_solve(problem, gen, progress=prog.event)
                if not res.solved or res.best is None:
                    _fail(f"the model could not solve the problem ({res.message}); pass --program FILE.py", 1)
                src = res.best.program
        with _Progress() as prog:
            ex = make_exercise(problem, src, variants=variants, seed=seed, timeout_s=timeout,
                               progress=lambda msg, frac: prog.say(f"variants: {msg}"))
        paths = write_exercise(ex, out)
        for p in paths:
            print(p)

    _run_cli(go)


@app.command()
def grade(
    key: Path = typer.Argument(..., help="key.json written by `mathllm exercise`."),
    answers: Path = typer.Argument(..., help="CSV of student answers (student,q1,q2,... or student,question,answer)."),
    out: Optional[Path] = typer.Option(None, help="Write the marks as CSV here."),
) -> None:
    """Mark student answers against an answer key."""

    def go() -> None:
        from .grade import grade as run_grade
        from .grade import print_grade, write_grade_csv

        if out is not None and out.exists():
            raise UsageError(f"--out {out} already exists; mathllm never overwrites your files")
        report = run_grade(key, answers)
        print_grade(report)
        if out is not None:
            write_grade_csv(report, out)
            _stderr().print(f"marks written to {out}")

    _run_cli(go)


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except MathllmError as exc:  # pragma: no cover - commands catch their own
        _fail(str(exc), exc.exit_code)


if __name__ == "__main__":
    main()
