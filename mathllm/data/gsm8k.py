"""GSM8K word problems as contract programs.

Each GSM8K solution carries calculator annotations (``48/2 = <<48/2=24>>24``) and ends with
``#### 72``. :func:`convert` turns one record into a model program with named steps:

* every number of the question that the calculation uses becomes a **parameter** (a top-level
  literal whose comment is the words around the number in the question, and a unit in
  brackets when one is evident: ``$`` -> USD, ``%``, minutes, miles...; else ``[1]``);
* every annotation becomes a **step** ``name = expr``, named from the words of its solution
  sentence, with numbers rewritten to the parameter or earlier step they came from;
* ``answer = <the step that gives the #### answer>``; steps the answer does not depend on are
  dropped.

A record is kept only when its program, run with :func:`run_reference`, reproduces the
``####`` answer, and when no number of its calculation could be either of two numbers of the
question (``20 crystal beads`` and ``20 more pearl beads``): such a guess is wrong often enough to
teach the model wrong bindings, and dropping those records still keeps about two thirds of the
file. The data file is read from where it lies (``shared/`` beside the repository by
default) and never copied into the repository.

The evaluation slice (:func:`split_indices`) is fixed: the last ``EVAL_POOL`` indices of a
shuffle seeded with ``SPLIT_SEED``. Training never draws from it.
"""

from __future__ import annotations

import builtins
import json
import keyword
import math
import random
import re
from pathlib import Path

from .core import Sample, run_reference

DEFAULT_PATH = Path(__file__).resolve().parents[3] / "shared/datasets/gsm8k/train.jsonl"
FAMILY = "gsm8k"
DOMAIN = "gsm8k"
#: The evaluation pool: the last EVAL_POOL indices after a shuffle seeded with SPLIT_SEED.
SPLIT_SEED = 8_000
EVAL_POOL = 500

_ANN = re.compile(r"<<([^<>]*)=([^<>=]*)>>")
_NUM_EXPR = re.compile(r"\d+\.\d+|\d+\.(?!\d)|\.\d+|\d+")
# a number in the question: optional $, digits with thousands separators, decimals, optional %
_NUM_Q = re.compile(r"(?<![\w.])(\$\s?)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\d])(\s?%|\s?percent\b)?(-[a-z]+)?",
                    re.IGNORECASE)
_WORD_NUMS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000, "dozen": 12,
    "twice": 2, "double": 2, "thrice": 3, "triple": 3, "half": 2, "third": 3, "quarter": 4,
}
_WORD_Q = re.compile(r"\b(" + "|".join(_WORD_NUMS) + r")\b", re.IGNORECASE)
_UNITS = {
    "second": "s", "seconds": "s", "minute": "min", "minutes": "min", "hour": "h", "hours": "h", "hr": "h",
    "hrs": "h", "day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
    "months": "month", "year": "year", "years": "year", "mile": "mi", "miles": "mi", "mph": "mi/h",
    "km": "km", "kilometer": "km", "kilometers": "km", "kilometre": "km", "kilometres": "km", "meter": "m",
    "meters": "m", "metre": "m", "metres": "m", "foot": "ft", "feet": "ft", "inch": "in", "inches": "in",
    "yard": "yd", "yards": "yd", "pound": "lb", "pounds": "lb", "lb": "lb", "lbs": "lb", "ounce": "oz",
    "ounces": "oz", "oz": "oz", "kg": "kg", "kilogram": "kg", "kilograms": "kg", "gram": "g", "grams": "g",
    "liter": "L", "liters": "L", "litre": "L", "litres": "L", "gallon": "gal", "gallons": "gal", "cup": "cup",
    "cups": "cup", "cent": "cent", "cents": "cent", "dollar": "USD", "dollars": "USD", "ml": "mL",
    "page": "page", "pages": "page", "calorie": "kcal", "calories": "kcal", "degree": "deg", "degrees": "deg",
}
_STOP = set("""a an the of to in on at for from by with and or but so is are was were be been being he she it
they his her hers their its him them we us our you your i me my this that these those then than there which
who whom what how much many has have had will would can could should each every because since if up out as
also now thus therefore means meaning which while when where all just only more less after before into over
about per its let let's total altogether there's that's it's he's she's they're do does did get gets got
make makes made left same one another other some any no not very""".split())
_BAD_NAMES = set(dir(builtins)) | set(keyword.kwlist) | {"answer", "sp", "np", "math", "self"}


# ---- small helpers --------------------------------------------------------------------------

def _fnum(text: str) -> float:
    return float(text.replace(",", "").replace("$", "").strip())


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _lit(v: float) -> str:
    if float(v).is_integer() and abs(v) < 1e15:
        return str(int(v))
    return repr(float(v))


def _words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z][A-Za-z']*", text)


def _content(words: list[str]) -> list[str]:
    out = []
    for w in words:
        w = w.lower().replace("'s", "").replace("'", "")
        if w and w not in _STOP and w not in _WORD_NUMS and len(w) > 1:
            out.append(w)
    return out


def _base(words: list[str]) -> str:
    return "_".join(dict.fromkeys(words))[:32].strip("_")


def _ident(words: list[str], fallback: str, taken: set[str]) -> str:
    base = _base(words) or fallback
    base = re.sub(r"\W", "_", base)
    if base[0].isdigit():
        base = "n_" + base
    if base in _BAD_NAMES:
        base = base + "_value"
    name, k = base, 2
    while name in taken:
        name = f"{base}_{k}"
        k += 1
    taken.add(name)
    return name


def gold_answer(record: dict) -> float | None:
    """The numeric ``#### answer`` of a GSM8K record (None when it is not a number)."""
    m = re.search(r"####\s*(.+?)\s*$", record.get("answer", ""))
    if not m:
        return None
    try:
        return _fnum(m.group(1))
    except ValueError:
        return None


# ---- the question's numbers -------------------------------------------------------------------

def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around [start, end): between sentence/clause punctuation (not decimal points)."""
    left = max((m.end() for m in re.finditer(r"[.;!?:,](?=\s|$)|\n", text[:start])), default=0)
    m = re.search(r"[.;!?,](?=\s|$)|\n", text[end:])
    right = end + m.start() if m else len(text)
    return left, right


def _question_numbers(question: str) -> list[dict]:
    """Numbers in the question with value, unit and the words around them."""
    found: list[dict] = []
    for m in _NUM_Q.finditer(question):
        try:
            value = _fnum(m.group(2) + (m.group(3) or ""))
        except ValueError:
            continue
        unit = "1"
        if m.group(1):
            unit = "USD"
        elif m.group(4):
            unit = "%"
        else:
            after = question[m.end():]
            suffix = (m.group(5) or "").lstrip("-").lower()
            nxt = re.match(r"\s*([A-Za-z]+)", after)
            for w in (suffix, nxt.group(1).lower() if nxt else ""):
                if w in _UNITS:
                    unit = _UNITS[w]
                    break
        found.append({"value": value, "start": m.start(), "end": m.end(), "unit": unit, "word": False,
                      "suffix": (m.group(5) or "").lstrip("-")})
    for m in _WORD_Q.finditer(question):
        found.append({"value": float(_WORD_NUMS[m.group(1).lower()]), "start": m.start(), "end": m.end(),
                      "unit": "1", "word": m.group(1).lower(), "suffix": ""})
    found.sort(key=lambda d: d["start"])
    for d in found:
        l, r = _clause_bounds(question, d["start"], d["end"])
        before = _words(question[l:d["start"]])
        after = ([d["suffix"]] if d["suffix"] else []) + _words(question[d["end"]:r])
        d["before"], d["after"] = before, after
        # a number word stays in the description ('half as many clips'); digits do not, so the
        # comment stays true when the value is changed
        mid = [question[d["start"]:d["end"]]] if d["word"] else []
        desc = " ".join(before[-4:] + mid + after[:5]).strip()
        d["desc"] = re.sub(r"\s+", " ", desc) or "number given in the question"
    return found


# ---- conversion -------------------------------------------------------------------------------

def _annotations(solution: str) -> list[dict]:
    """The calculator annotations in order, with the words of their sentence."""
    out = []
    body = solution.split("####")[0]
    for m in _ANN.finditer(body):
        expr, result = m.group(1).strip(), m.group(2).strip()
        l, r = _clause_bounds(body, m.start(), m.end())
        # words after the annotation (its repeated result is skipped), else before the expression
        after_text = re.sub(r"^[\s$\d.,%/]*", "", body[m.end():r])
        after_text = _ANN.sub(" ", after_text)
        before_text = _ANN.sub(" ", body[l:m.start()])
        before_text = re.sub(r"[\d$.,+\-*/x×=()%\s]*$", "", before_text)
        out.append({"expr": expr, "result": result, "after": _words(after_text), "before": _words(before_text)})
    return out


def convert(record: dict) -> Sample | None:
    """One GSM8K record -> a Sample with a contract program, or None when it cannot be
    converted faithfully (no annotations, unparsable arithmetic, or a program whose answer
    differs from the ``####`` answer)."""
    question = record.get("question", "").strip()
    gold = gold_answer(record)
    if not question or gold is None:
        return None
    anns = _annotations(record.get("answer", ""))
    if not anns:
        return None
    qnums = _question_numbers(question)
    taken: set[str] = set()
    params: dict[int, dict] = {}  # index into qnums -> param info
    steps: list[dict] = []  # name, expr, value, deps
    used: set[str] = set()  # names an earlier step already refers to
    env: dict = {}

    def param_for(i: int) -> str:
        if i not in params:
            q = qnums[i]
            after, before = _content(q["after"]), _content(q["before"])
            if q["word"]:
                options = [[q["word"]] + (after[:1] or before[-1:])]
            elif after and after[0] not in _UNITS:
                # the noun phrase the number counts ('40 metal beads' -> metal_beads), with a word
                # before it when it has one word only ('has 30 marbles' -> has_marbles): one-word
                # names collide with the steps ('marbles_2') and say too little
                options = [o for o in (after[:2], before[-1:] + after[:1], before[-2:] + after[:1], after[:3])
                           if len(o) > 1] or [after[:1]]
            elif after:  # 'read for 16 minutes' -> read_minutes
                options = [before[-1:] + after[:1], after[:2], before[-2:] + after[:1], before[-3:] + after[:1]]
            else:  # 'a wallet which costs $100' -> wallet_costs
                options = [before[-2:], before[-3:], before[-1:]]
            words = next((o for o in options if o and _base(o) not in taken), options[0])
            params[i] = {"name": _ident(words, "given", taken), **q}
        return params[i]["name"]

    for a in anns:
        expr = a["expr"].replace("×", "*").replace("÷", "/").replace("^", "**")
        if re.search(r"[A-Za-z_]", expr) or re.search(r"\*\*\s*\(?\s*\d{3,}", expr):
            return None  # symbols, or a power too large to evaluate safely
        deps: set[str] = set()
        pieces: list[str] = []
        pos = 0
        for m in _NUM_EXPR.finditer(expr):
            pieces.append(expr[pos:m.start()])
            pos = m.end()
            v = float(m.group())
            # where the number comes from, in order of preference: an earlier result not used yet
            # (the most recent), a number of the question not used yet (digits before words), an
            # earlier result used before, a number of the question used before
            st_c = [st for st in reversed(steps) if _close(st["value"], v)]
            q_c = sorted((i for i, q in enumerate(qnums) if _close(q["value"], v)),
                         key=lambda i: (bool(qnums[i]["word"]), i))
            ref = None
            for st in st_c:
                if st["name"] not in used:
                    ref = st["name"]
                    break
            if ref is None:
                fresh = [i for i in q_c if i not in params]
                # Two numbers of the question with this value ('20 crystal beads', '20 more pearl
                # beads'; '2 bags', 'twice'): which one the solution meant is a guess, and a wrong
                # guess teaches the model to bind numbers to the wrong names. Drop the record.
                if len(fresh) > 1 or (not fresh and not st_c and len(q_c) > 1):
                    return None
                if fresh:
                    ref = param_for(fresh[0])
                elif st_c:
                    ref = st_c[0]["name"]
                elif q_c:
                    ref = param_for(q_c[0])
            if ref is None:  # a percentage of the question written as a fraction (20% -> 0.2)
                for i, q in enumerate(qnums):
                    if q["unit"] == "%" and _close(q["value"] / 100, v) and v != 0:
                        ref = f"({param_for(i)} / 100)"
                        break
            if ref is None:
                pieces.append(_lit(v))
            else:
                pieces.append(ref)
                deps.add(ref.strip("()").split(" ")[0])
        used |= deps
        pieces.append(expr[pos:])
        code = re.sub(r"\s+", " ", "".join(pieces)).strip()
        code = re.sub(r"\s*([+\-*/])\s*", r" \1 ", code).replace("*  *", "**").replace("* *", "**")
        code = re.sub(r"\s+", " ", code).replace("( ", "(").replace(" )", ")")
        code = re.sub(r"^- ", "-", code)
        names_env = {p["name"]: p["value"] for p in params.values()}
        names_env.update(env)
        try:
            value = float(eval(compile(code, "<step>", "eval"), {"__builtins__": {}}, names_env))
        except Exception:
            return None
        if not math.isfinite(value):
            return None
        after, before = _content(a["after"]), _content(a["before"])
        if after:
            options = [after[:3], before[-1:] + after[:2], before[-2:] + after[:1], after[:4]]
        else:
            options = [before[-2:], before[-3:], before[-1:]]
        words = next((o for o in options if o and _base(o) not in taken), after[:3] or before[-3:])
        name = _ident(words, "step", taken)
        env[name] = value
        steps.append({"name": name, "code": code, "value": value, "deps": deps})

    # the answer: the last step giving the gold value; keep only what it depends on
    idx = next((k for k in range(len(steps) - 1, -1, -1) if _close(steps[k]["value"], gold)), None)
    if idx is None:
        return None
    needed = {steps[idx]["name"]}
    for st in reversed(steps[: idx + 1]):
        if st["name"] in needed:
            needed |= st["deps"]
    kept_steps = [st for st in steps[: idx + 1] if st["name"] in needed]
    kept_params = [p for _, p in sorted(params.items()) if p["name"] in needed]
    lines = [f"{p['name']} = {_lit(p['value'])}  # {p['desc']} [{p['unit']}]" for p in kept_params]
    body = [f"{st['name']} = {st['code']}" for st in kept_steps]
    program = "\n".join(lines) + ("\n\n" if lines else "") + "\n".join(body) + f"\nanswer = {kept_steps[-1]['name']}\n"
    try:
        got = run_reference(program)
    except Exception:
        return None
    if not isinstance(got, float) or not _close(got, gold):
        return None
    return Sample(FAMILY, DOMAIN, 0, question, program, gold, None, None, {"source": "gsm8k"})


# ---- files --------------------------------------------------------------------------------------

def read_records(path: str | Path | None = None) -> list[dict]:
    """The raw records of a GSM8K JSONL file (default: shared/datasets/gsm8k/train.jsonl)."""
    p = Path(path) if path else DEFAULT_PATH
    with open(p, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def split_indices(n: int, eval_pool: int = EVAL_POOL, seed: int = SPLIT_SEED) -> tuple[list[int], list[int]]:
    """(train indices, eval indices): a fixed seeded shuffle; the eval pool is its last part."""
    order = list(range(n))
    random.Random(seed).shuffle(order)
    k = min(eval_pool, n // 2) if n < 2 * eval_pool else eval_pool
    return order[: n - k], order[n - k:]


def load_gsm8k(path: str | Path | None = None, limit: int | None = None, *,
               indices: list[int] | None = None) -> list[Sample]:
    """Converted samples of the file (in file order, or in the order of ``indices``), keeping
    only the records whose program reproduces the answer; at most ``limit`` of them."""
    records = read_records(path)
    order = indices if indices is not None else range(len(records))
    out: list[Sample] = []
    for i in order:
        s = convert(records[i])
        if s is None:
            continue
        s.meta["index"] = i
        out.append(s)
        if limit is not None and len(out) >= limit:
            break
    return out


def eval_records(path: str | Path | None = None, n: int | None = None) -> list[dict]:
    """The held-out evaluation slice: ``{"question", "answer", "index"}`` records (no program)."""
    records = read_records(path)
    _, ev = split_indices(len(records))
    out = []
    for i in ev:
        gold = gold_answer(records[i])
        if gold is None:
            continue
        out.append({"question": records[i]["question"].strip(), "answer": gold, "index": i})
        if n is not None and len(out) >= n:
            break
    return out


def conversion_stats(path: str | Path | None = None) -> dict:
    """How many records of the file convert: ``{"total", "kept", "fraction"}``."""
    records = read_records(path)
    kept = sum(1 for r in records if convert(r) is not None)
    return {"total": len(records), "kept": kept, "fraction": kept / max(1, len(records))}
