"""Stage 2, prompt: the one place that defines the text the model sees and writes.

Training (``mathllm train``) and inference (``mathllm solve``) both build prompts here, so the
fine-tuned adapter always sees at inference exactly the format it was trained on.

Format (plain text, suited to a small *base* model rather than a chat template)::

    <header: the contract in a few lines (style mathllm-v1) or one line (mathllm-v2, -v3)>

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

In the quoted style (``mathllm-v3``) every program, the example's and the one the model writes,
quotes the problem: a ``# Find: <question>`` line first, and a ``# "<words of the text>"`` line
before each parameter that a number of the text gives, those parameters in the order of the text::

    # Find: How many gigabytes did it cover?
    # "charged $5 per gigabyte"
    price = 5  # price per gigabyte [USD/GB]
    # "a monthly fee of $25"
    fee = 25  # monthly fee [USD]
    ...
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .contract import CONTRACT_SUMMARY, parse_parameters
from .quantities import Mention, between, find_numbers, fit_score, gives

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
STYLES = {"mathllm-v1": HEADER, "mathllm-v2": SHORT_HEADER, "mathllm-v3": SHORT_HEADER}
#: Styles whose programs quote the problem (see ``annotate``): the question first, then each
#: given parameter after the words of the problem that state it, in the order of the text.
QUOTED_STYLES = frozenset({"mathllm-v3"})
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


def one_line(problem: str) -> str:
    """A problem's text on one line, as every training problem is written.

    Problem files wrap their lines and split paragraphs (Markdown, where a line break is a
    space); the adapter never saw a line break inside a problem. Measured on the 71 problems of
    ``problems/`` (``mathllm eval problems``): 4 right either way, 3 programs that ran on to the
    token limit without an answer before and 2 after; the prompt is the training format.
    """
    return " ".join(problem.split())


def _block(problem: str, program: str | None, style: str | None = None) -> str:
    head = f"{PROBLEM_TAG}\n{_clean(one_line(problem))}\n{PROGRAM_TAG}\n{CODE_OPEN}"
    if program is None:
        return head
    return head + completion_for(program, problem, style)


def build_prompt(problem: str, examples: list[Example] | tuple[Example, ...] = (),
                 style: str | None = None) -> str:
    """The prompt for one problem in ``style`` (default: the full header); the completion is the program."""
    parts = [header_for(style), ""]
    for ex in examples:
        parts.append(_block(ex.problem, ex.program, style))
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


def asked_problem(prompt: str) -> str:
    """The problem a prompt asks about (its last problem block; "" if it has none)."""
    _, tag, rest = prompt.rpartition(PROBLEM_TAG + "\n")
    return rest.split("\n" + PROGRAM_TAG, 1)[0] if tag else ""


def completion_for(program: str, problem: str | None = None, style: str | None = None) -> str:
    """The training target for a program (quoting ``problem`` in quoted styles) and the closing fence."""
    if problem is not None and style in QUOTED_STYLES:
        program = annotate(problem, program)
    return program.strip() + "\n" + CODE_CLOSE + "\n"


# ---- quoted programs (style mathllm-v3) --------------------------------------------------------
# A small model shown a solved example of the same kind picks the right model but often binds a
# number to the wrong parameter, or answers the example's question instead of the one asked.
# A quoted program turns both decisions into copying from the problem text, which small models
# do well: it restates the question first, then gives each parameter after the words that state
# it, in the order of the text, so binding numbers is a walk through the text, not a search.

_SENTENCE = re.compile(r"(?<=[.?!])\s+(?=[A-Z0-9\"'(£$€])")
_ASKS = re.compile(r"\b(find|work out|calculate|compute|determine|estimate|how|what|which|when|"
                   r"show|give|predict|express)\b", re.IGNORECASE)
#: A request that holds none of :data:`_ASKS`, its verb opening it or a clause of it ("State the
#: present value in pounds.", "Maximize profit P(q) = R(q) - C(q) and report the profit-maximizing
#: quantity.", "Integrate ...; report the largest number of infectious people"): the question
#: where no other sentence asks, so a closing "The contract number is 249-13." is not taken for it.
_REQUEST = re.compile(r"(?:^|[;:]\s*|\b(?:and|then)\s+)(?:state|report|list)\b", re.IGNORECASE)
_LEFT_STOP = re.compile(r"[.!?;,](?=\s)")
_RIGHT_STOP = re.compile(r"[.,;:!?](?=\s|$)")
_QUOTE_LEFT_WORDS, _QUOTE_RIGHT_WORDS, _QUOTE_MAX, _QUESTION_MAX = 4, 2, 80, 200


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` (a sentence ends at . ? or ! before a capital, digit, bracket or quote)."""
    return [x.strip() for x in _SENTENCE.split(" ".join(text.split())) if x.strip()]


#: Where a question's conditions begin, after what it asks for: "What will the relative humidity
#: be at the orchard | when the air warms to 69 °F ...", "What is the number of lynx | , if ...".
QUESTION_CONDITIONS = re.compile(r",|;|\b(?:if|when|given|assuming|while|with|where)\b", re.IGNORECASE)


def question_of(problem: str) -> str:
    """The sentence of ``problem`` that asks for the answer (the last question, else the last request)."""
    parts = sentences(problem)
    asks = ([x for x in parts if x.endswith("?")] or [x for x in parts if _ASKS.search(x)]
            or [x for x in parts if _REQUEST.search(x)])
    return (asks or parts or [""])[-1]


def _quote(text: str, m: Mention, mentions: list[Mention]) -> str:
    """The words around mention ``m``: a few on each side, within its clause and without
    reaching another number ("a 1 kg mass on a 183 N/m spring" would bind 1 or 183)."""
    lo, hi = between(text, m, mentions)
    left = text[lo:m.start]
    if lo and not left[:1].isspace():  # the previous number's glued unit ("5% for 4 years")
        left = left.partition(" ")[2]
    cut = max((x.end() for x in _LEFT_STOP.finditer(left)), default=0)
    left_words = left[cut:].split()[-_QUOTE_LEFT_WORDS:]
    glued_left = left_words.pop() if left_words and not left[-1:].isspace() else ""  # "$" of "$150"
    right = text[m.end:hi]
    stop = _RIGHT_STOP.search(right)
    right = right[: stop.start()] if stop else right
    # text glued to the number ("%", "kg") is its suffix, then a few words
    glued, _, rest = right.partition(" ")
    right_words = rest.split()[:_QUOTE_RIGHT_WORDS]
    q = " ".join(left_words + [glued_left + text[m.start:m.end] + glued] + right_words)
    return q[:_QUOTE_MAX].replace('"', "'")


def annotate(problem: str, program: str) -> str:
    """``program`` quoting ``problem``: ``# Find: <question>`` first, and ``# "<words>"`` before
    each parameter a number of the text gives, such parameters reordered to follow the text.

    Only runs of consecutive parameter lines are reordered (moving a literal assignment among
    literal assignments cannot change what the program computes). Parameters no number of the
    text gives (constants, counts from words) keep their order after the quoted ones.
    """
    # one line, and no code fence: a quote must not be able to close the program's block
    text = " ".join(problem.split()).replace("```", "'''")
    lines = program.strip("\n").splitlines()
    params = {p.line: p for p in parse_parameters(program)}
    mentions = find_numbers(text)
    taken: set[int] = set()
    source: dict[int, int] = {}  # parameter line -> index of the mention that gives it
    for line, p in sorted(params.items()):
        fits = [i for i, m in enumerate(mentions) if i not in taken and gives(m, p)]
        if not fits:
            continue
        # equal values ("17 m/s ... 17 m"): the mention whose words match the parameter's comment
        scores = [fit_score(p, text, mentions[i], mentions) for i in fits]
        if scores.count(max(scores)) > 1:
            # still ambiguous: a wrong quote would teach a wrong binding, so quote nothing
            source.clear()
            break
        best = fits[scores.index(max(scores))]
        source[line] = best
        taken.add(best)
    out: list[str] = []
    i = 0
    while i < len(lines):
        if i + 1 not in params:
            out.append(lines[i])
            i += 1
            continue
        run = []
        while i < len(lines) and i + 1 in params:
            run.append(i + 1)
            i += 1
        for ln in sorted((ln for ln in run if ln in source), key=lambda ln: mentions[source[ln]].start):
            m = mentions[source[ln]]
            out += [f'# "{_quote(text, m, mentions)}"', lines[ln - 1]]
        out += [lines[ln - 1] for ln in run if ln not in source]
    question = question_of(text)[:_QUESTION_MAX]
    return "\n".join(([f"# Find: {question}"] if question else []) + out) + "\n"


_QUOTE_LINE = re.compile(r'^# (Find: .*|".*")$')


def strip_quotes(program: str) -> str:
    """``program`` without the problem quotes of ``annotate`` (they go stale when numbers change)."""
    lines = program.splitlines(keepends=True)
    params = {p.line for p in parse_parameters(program)}
    keep = [ln for i, ln in enumerate(lines, 1)
            if not (_QUOTE_LINE.match(ln.rstrip("\n")) and (i + 1 in params or ln.startswith("# Find: ")))]
    return "".join(keep)


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
