"""Stage 2, prompt: the one place that defines the text the model sees and writes.

Training (``mathllm train``) and inference (``mathllm solve``) both build prompts here, so the
fine-tuned adapter always sees at inference exactly the format it was trained on.

Format (plain text, suited to a small *base* model rather than a chat template)::

    <header: the contract in a few lines (style mathllm-v1) or one line (mathllm-v2)>

    ### Problem
    <solved example problem>
    ### Program
    ```python
    <its program>
    ```

    ### Problem
    <the user's problem>
    ### Program
    ```python
    <- the model continues here and closes the block with ```

A repair prompt appends the failed program and its error and asks for a corrected program.
"""

from __future__ import annotations

from dataclasses import dataclass

from .contract import CONTRACT_SUMMARY

#: The full header: the contract in a few lines, for models that were not trained on the format
#: (the untuned base model, a bigger model behind an OpenAI-compatible server).
HEADER = "# Mathematical modeling: each problem is solved by a Python program.\n" + "\n".join(
    "# " + line for line in CONTRACT_SUMMARY.splitlines()
)
#: A one-line header for adapters trained on the format: they learnt the contract from the
#: programs, and the full header was a third of every training sequence (176 of 556 tokens).
SHORT_HEADER = "# Mathematical modeling: each problem is solved by a Python program (SymPy/SciPy)."

#: Prompt styles by name; an adapter records the style it was trained with (mathllm.json) and
#: inference uses that style. Everything else about the format is shared.
STYLES = {"mathllm-v1": HEADER, "mathllm-v2": SHORT_HEADER}
#: The style of models that were not trained on the format.
DEFAULT_STYLE = "mathllm-v1"
#: The style new adapters are trained with.
TRAIN_STYLE = "mathllm-v2"


def header_for(style: str | None) -> str:
    """The header of a prompt style (unknown or missing styles get the full header)."""
    return STYLES.get(style or DEFAULT_STYLE, HEADER)

PROBLEM_TAG = "### Problem"
PROGRAM_TAG = "### Program"
ERROR_TAG = "### Error"
FIXED_TAG = "### Fixed program"
CODE_OPEN = "```python\n"
CODE_CLOSE = "```"
#: Strings after which generation stops (the model closed the code block or began a new item).
STOP = ["\n```", "\n### "]


@dataclass(frozen=True)
class Example:
    """A solved problem shown to the model (few-shot or retrieved)."""

    problem: str
    program: str


def _clean(text: str) -> str:
    # A problem that contains our own markers must not be able to fake a solved example or
    # close the code block early, so the markers are neutralised in user text.
    # The text follows a newline in the prompt, so a marker on its first line counts too.
    return ("\n" + text.strip()).replace("```", "'''").replace("\n### ", "\n## ")[1:]


def _block(problem: str, program: str | None) -> str:
    head = f"{PROBLEM_TAG}\n{_clean(problem)}\n{PROGRAM_TAG}\n{CODE_OPEN}"
    if program is None:
        return head
    return head + program.strip() + "\n" + CODE_CLOSE + "\n"


def build_prompt(problem: str, examples: list[Example] | tuple[Example, ...] = (),
                 style: str | None = None) -> str:
    """The prompt for one problem in ``style`` (default: the full header); the completion is the program."""
    parts = [header_for(style), ""]
    for ex in examples:
        parts.append(_block(ex.problem, ex.program))
    parts.append(_block(problem, None))
    return "\n".join(parts)


def build_repair_prompt(problem: str, program: str, error: str,
                        examples: list[Example] | tuple[Example, ...] = (), style: str | None = None) -> str:
    """A prompt asking the model to fix ``program`` given the ``error`` it produced."""
    base = build_prompt(problem, examples, style)
    err = _clean(error)[:1500]
    return (
        base + program.strip() + "\n" + CODE_CLOSE + "\n"
        + f"{ERROR_TAG}\n{err}\n{FIXED_TAG}\n{CODE_OPEN}"
    )


def completion_for(program: str) -> str:
    """The training target for a program: the program and the closing fence."""
    return program.strip() + "\n" + CODE_CLOSE + "\n"


def extract_program(completion: str) -> str:
    """The program from a raw completion: everything before the closing fence.

    Also accepts a completion that re-opened a ```python fence (chat models do this).
    """
    text = completion
    head = text[:200]
    if "```python" in head and "```" not in head[:head.find("```python")]:
        # a re-opened fence, not a ```python of a later example after the closing fence
        text = text.split("```python", 1)[1]
    for stop in ("```", "\n### "):
        idx = text.find(stop)
        if idx != -1:
            text = text[:idx]
    return text.strip("\n").rstrip() + "\n" if text.strip() else ""
