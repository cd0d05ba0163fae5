"""Stage 0, questions: a problem that asks several questions is solved one question at a time.

People write problems that ask for two or three things ("1. How many seconds until the ball
lands? 2. What is its greatest height?"; "What was the price before VAT, and how much VAT did
she pay?"). The adapter was trained on problems with one answer: asked two questions at once it
answers one of them (on the problem bank, 13 of the 37 problems that ask for several values got
one of the asked values right and nothing else). Solving them one at a time turned 4 of the 37
right (0 before) and none of the others wrong (``mathllm eval problems``; see the model card). This stage finds the questions
(:func:`split_questions`), the pipeline solves each one as its own problem (all at once: a
local model decodes them as one batch) (the shared text
plus that question), and :func:`compose` joins the programs into one model program whose
``answer`` is a dict with one entry per question, in the order asked: a program the user can
read, edit and rerun like any other. When a later question's program gives an earlier
question's answer again (the adapter copied the shown example's question and wrote the same
program twice), :func:`retarget` points its answer line at another quantity the program already
has: the next unknown of a solved system, or the expression the question names at the solution.
One question that asks for each unknown ("How many tables, chairs and bookcases ...?") and a
program that answers one of them are :func:`widen`-ed: the answer becomes every unknown.

A question that asks for a percentage ("Give the answer as a percentage") answered with a
fraction (0.2757) is answered ``100 *`` that (:func:`in_percent`): every reference program of the
bank and training set for such a question multiplies by 100, and the adapter, copying an example
that answers with a probability, sometimes does not.

Only clear patterns are split: a numbered or lettered list of questions at the end of the text,
several question sentences in the last paragraph, one question sentence of the form
"..., and what/how ...?", or a list whose items say they are separate questions ("how many A
and how many B were sold?", "A (in grams) and B (in millilitres)"); "how many nuts and bolts"
asks for a total as often as not and is left whole. Items lettered within one sentence ("Find (a)
the voltage ..., and (b) the current ...") are questions too, an item's unit between commas
("the doubling time, in hours,") counts as one in brackets, a clause may lead "how many A and how
many B", an instruction about "it" right after a question ("Give it as a percentage") stays with
that question, and a closing "Both to the nearest penny" rounds each answer. Since the
thirty-fourth session: items numbered inline "(1) ..., and (2) ..." after a request ("Could you
work out") or asking themselves after a lead clause ("Over the first 10 years, (a) what is ...,
and (b) what is ...?"); items "(1)" on lines of their own; items listed after a lead-in, each
starting with a question word ("To maximize weekly profit: 1. how many bookcases ..., 2. ...");
a listing question before ", and what ..." ("How many tables and how many bookshelves ..., and
what is that profit?"); a sign-off or an aside after the question paragraph ("Thanks, Marek")
is more of the shared text. Of the 2,939 texts of the retrieval bank only four are split (they ask for several values: a projectile's time,
height and range, an oral dose's peak time and level), and none of the 7,473 GSM8K train
questions is.
"""

from __future__ import annotations

import ast
import io
import math
import re
import tokenize
from dataclasses import asdict, dataclass

from .contract import parse_parameters, set_parameters
from .prompt import question_of, sentences
from .quantities import unit_is_percent

#: Words left out of a question's key: question words, auxiliaries, rounding instructions.
_STOP = {
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "by", "from", "with", "after", "before",
    "is", "are", "was", "were", "be", "been", "does", "do", "did", "will", "would", "should", "can",
    "could", "it", "its", "this", "that", "these", "those", "there", "they", "them", "their", "he",
    "she", "his", "her", "we", "you", "your", "and", "or", "what", "which", "how", "many", "much",
    "when", "where", "who", "why", "find", "compute", "calculate", "determine", "give", "state",
    "each", "both", "as", "per", "if", "then", "than", "so", "any", "all", "reach", "reaches",
    "long", "far", "take", "takes", "get", "gets", "has", "have", "had", "one", "two", "three",
    "decimal", "decimals", "places", "nearest", "rounded", "round", "answer", "same",
}
_WH = r"(?:what|how|which|when|where|who|(?:by|at|in|on|for|to|from)\s+(?:what|which)|after\s+how)"
_ITEM = re.compile(r"^[ \t]*(?:\(?(\d{1,2})[.)]|\(?([a-h])\))[ \t]+", re.MULTILINE)
_IMPERATIVE = re.compile(r"^(?:find|compute|calculate|determine|give|state|estimate|work out|show)\b", re.IGNORECASE)
_AND_WH = re.compile(r",\s+and\s+(" + _WH + r")\b", re.IGNORECASE)


@dataclass
class Question:
    """One question of a problem that asks several."""

    name: str    # the key of its value in the joined answer (a Python identifier)
    ask: str     # the question as the text asks it
    text: str    # the problem text for solving it alone: the shared text, then this question
    note: str = ""  # what was done to its program beyond the pipeline (retarget), for the report

    def to_dict(self) -> dict:
        return asdict(self)


def _one_answer(tail: str) -> str:
    """'Give both answers to two decimals.' -> 'Give the answer to two decimals.'"""
    tail = re.sub(r"\b(?:both|all|each)(?:\s+(?:of\s+them|answers?|values?|results?))?\b", "the answer", tail,
                  flags=re.IGNORECASE)
    tail = re.sub(r"\bthe answer answers?\b", "the answer", tail, flags=re.IGNORECASE)
    # "Give whole numbers." -> "Give the answer as a whole number."
    tail = re.sub(r"^(give|report|state|answer in)\s+(?:as\s+)?(whole number|integer|decimal|percentage)s\b",
                  lambda m: f"{m.group(1)} the answer as {'an' if m.group(2)[0] in 'aeiou' else 'a'} {m.group(2)}",
                  tail, flags=re.IGNORECASE)
    return tail[:1].upper() + tail[1:]  # ("Both to the nearest penny." begins a sentence)


def name_of(ask: str, taken: set[str] | None = None) -> str:
    """A short identifier from a question's content words ('greatest_height_ball')."""
    asked = [s for s in sentences(ask) if "?" in s] or [ask]
    ask = asked[-1]
    ask = ask[len(_lead(ask)):]
    ask = re.sub(r"\([^)]*\)", " ", ask)  # units and hints in brackets
    words = [w for w in re.findall(r"[a-z][a-z0-9]*", ask.lower()) if w not in _STOP and len(w) > 1]
    base = "_".join(words[:3]) or "value"
    name, i = base, 2
    while taken is not None and name in taken:
        name, i = f"{base}_{i}", i + 1
    if taken is not None:
        taken.add(name)
    return name


def _lead(question: str) -> str:
    """The clause before the question word: 'At 500 mugs a day, ' of 'At 500 mugs a day, what is ...'."""
    m = re.match(r"^(.*?,\s*)(" + _WH + r")\b", question, re.IGNORECASE)
    return m.group(1) if m and not re.match(_WH, question, re.IGNORECASE) else ""


def _questions(asks: list[tuple[str, str]], lead: list[str], after: list[str], before: str) -> list[Question]:
    """Questions from (name source, question) pairs of the last paragraph: each is solved with the
    paragraphs before, the statements before the questions (``lead``) and the closing
    instruction (``after``, made singular). None when no text is shared or more story follows."""
    tail = " ".join(after)
    if tail and not (re.match(r"^(?:give|round|state|express)\b", tail, re.IGNORECASE) or _ROUND_ALL.match(tail)):
        return []
    shared = "\n\n".join(x for x in (before, " ".join(lead)) if x)
    if not shared:
        return []
    taken: set[str] = set()
    end = f" {_one_answer(tail)}" if tail else ""
    return [Question(name_of(source, taken), ask, f"{shared}\n\n{ask}{end}") for source, ask in asks]


#: A closing instruction that rounds every answer: "Both to the nearest penny, please.", "Each to
#: two decimals."
_ROUND_ALL = re.compile(r"^(?:both|each|all)(?:\s+(?:answers?|values?|of them))?\s+(?:to|in|rounded|correct)\b",
                        re.IGNORECASE)


def _ordinal(m: re.Match[str]) -> tuple[str, int]:
    """('1', 3) for a mark '3.', ('a', 2) for 'b)'."""
    return ("1", int(m.group(1))) if m.group(1) else ("a", ord(m.group(2)) - ord("a") + 1)


def _numbered(text: str) -> tuple[str, list[str], str] | None:
    """(shared text, items, text after the list) for a list of questions ending the text."""
    marks = list(_ITEM.finditer(text))
    if len(marks) < 2:
        return None
    # the last run of consecutive marks 1, 2, 3... (or a, b, c...) is the list of questions
    best: list[re.Match[str]] = []
    run: list[re.Match[str]] = []
    for m in marks:
        kind, k = _ordinal(m)
        if k == 1:
            run = [m]
        elif run and _ordinal(run[-1]) == (kind, k - 1):
            run.append(m)
        else:
            run = []
        if len(run) >= 2:
            best = list(run)
    if len(best) < 2:
        return None
    shared = text[: best[0].start()].strip()
    items: list[str] = []
    after = ""
    for j, m in enumerate(best):
        end = best[j + 1].start() if j + 1 < len(best) else len(text)
        body = text[m.end(): end]
        if j + 1 == len(best):
            # the last item ends at a blank line; what follows is an instruction for all of them
            parts = re.split(r"\n[ \t]*\n", body, maxsplit=1)
            body, after = parts[0], (parts[1].strip() if len(parts) > 1 else "")
        items.append(_as_question(" ".join(body.split())))
    if not shared or not all(_asks(it) for it in items):
        return None
    if after and not (re.match(r"^(?:give|round|state|answer|express|use)\b", after, re.IGNORECASE)
                      or _ROUND_ALL.match(after)):
        return None  # more story after the list: not a list of questions ending the problem
    return shared, items, after


def _asks(item: str) -> bool:
    """Whether a list item asks something (a question mark, or it starts with 'Find', 'Give'...,
    or with a question word: "1. how many bookcases should he make per week,")."""
    return "?" in item or bool(_IMPERATIVE.match(item.strip()) or re.match(_WH + r"\s", item.strip(), re.IGNORECASE))


def _as_question(item: str) -> str:
    """A list item continuing a lead-in ("To maximize weekly profit: 1. how many bookcases should
    he make per week, 2. ..., and 3. ...") as a question of its own."""
    if not re.match(_WH + r"\s", item, re.IGNORECASE):
        return item
    if "?" not in item and not item.endswith("."):
        item = re.sub(r"(?:,|;)?(?:\s+(?:and|or))?\s*$", "", item) + "?"
    return item[:1].upper() + item[1:]


def split_questions(text: str) -> list[Question]:
    """The questions of a problem that asks several, each with a text to solve it alone.

    Returns an empty list for a problem that asks one question (or whose questions are not in
    one of the clear patterns of the module docstring).
    """
    text = text.strip()
    if not text:
        return []
    numbered = _numbered(text)
    if numbered is not None:
        shared, items, after = numbered
        tail = ("\n\n" + _one_answer(after)) if after else ""
        taken: set[str] = set()
        return [Question(name_of(it, taken), it, f"{shared}\n\n{it}{tail}") for it in items]

    paragraphs = [p for p in re.split(r"\n[ \t]*\n", text) if p.strip()]
    # a sign-off or an aside after the questions ("Thanks, Marek", "The rig is in bay 3, but I
    # don't think that matters."): the questions are in the last paragraph that asks, and what
    # follows it is more of the shared text
    asking = [k for k, p in enumerate(paragraphs) if "?" in p]
    if asking and asking[-1] < len(paragraphs) - 1 and not any(
            _IMPERATIVE.match(p.strip()) or _INSTRUCTION.match(p.strip()) for p in paragraphs[asking[-1] + 1:]):
        k = asking[-1]
        paragraphs = paragraphs[:k] + paragraphs[k + 1:] + [paragraphs[k]]
    last = paragraphs[-1]
    before = "\n\n".join(paragraphs[:-1])
    sents = sentences(last)
    for i, sent in enumerate(sents):
        lettered = _inline_letters(sent)
        if lettered:
            return _questions(lettered, sents[:i], sents[i + 1:], before)
    qs = [i for i, s in enumerate(sents) if s.endswith("?")]
    if len(qs) >= 2:
        # several question sentences: each takes the statements between it and the previous one,
        # but for an instruction about its answer right after it ("Give it as a percentage to one
        # decimal place."), which is the earlier question's
        ends = [i + 1 if i + 1 < len(sents) and i + 1 not in qs and _ABOUT_IT.match(sents[i + 1]) and k + 1 < len(qs)
                else i for k, i in enumerate(qs)]
        starts = [qs[0]] + [e + 1 for e in ends[:-1]]
        groups = [sents[a: b + 1] for a, b in zip(starts, ends)]
        asks: list[tuple[str, str]] = []
        for i, g in zip(qs, groups, strict=True):
            # "How many tables and how many bookshelves should they build? What is that profit?":
            # the listing question asks one question per item
            items = _list_items(sents[i])
            asks += ([(x, " ".join(ask if s == sents[i] else s for s in g)) for x, ask in items] if items
                     else [(sents[i], " ".join(g))])
        return _questions(asks, sents[: qs[0]], sents[qs[-1] + 1:], before)
    if len(qs) == 1:
        q = sents[qs[0]]
        lead, after = sents[: qs[0]], sents[qs[0] + 1:]
        m = _AND_WH.search(q)
        if m is None:
            return _split_list(q, lead, after, before) or _split_the_items(q, lead, after, before)
        first = q[: m.start()].strip()
        second = q[m.start(1):].strip()
        if len(first.split()) < 4 or len(second.split()) < 3:
            return []
        # "At a production level of 500 mugs, what is X, and what is Y?": Y needs the lead too
        second_q = (_lead(first) + second) if _lead(first) else second[0].upper() + second[1:]
        # "How many tables and how many bookshelves should they build, and what is that profit?"
        firsts = _list_items(first + "?") or [(first + "?", first + "?")]
        return _questions(firsts + [(second_q, second_q)], lead, after, before)
    # no question mark: "Find the mean, the median and the sample standard deviation of ..."
    asks = [i for i, x in enumerate(sents) if _IMPERATIVE.match(x)]
    if asks:
        i = asks[-1]
        return _split_the_items(sents[i], sents[:i], sents[i + 1:], before)
    return []


#: An instruction about the answer just asked for: "Give it as a percentage to one decimal place."
_ABOUT_IT = re.compile(r"^(?:give|round|express|state|write|report)\s+(?:it|this|that|this value|that value)\b",
                       re.IGNORECASE)
#: Items lettered within one sentence: "Find (a) the voltage ..., and (b) the current ...".
_INLINE_MARK = re.compile(r"\(([a-e]|[1-5])\)\s+")
#: A polite request before inline items: "Could you work out (1) ..., and (2) ...?"
_REQUEST = re.compile(r"^(?:(?:could|can|would|will)\s+you\s+(?:please\s+)?|please\s+)"
                      r"(?:work\s+out|find|compute|calculate|determine|give|estimate|tell\s+me)\b", re.IGNORECASE)


def _inline_letters(sentence: str) -> list[tuple[str, str]] | None:
    """(name source, question) pairs for a sentence that letters its questions inline ("Find (a)
    the voltage across the capacitor 20 ms after the switch closes, in volts, and (b) the
    current at that moment, in milliamperes."); None for any other sentence."""
    marks = list(_INLINE_MARK.finditer(sentence))
    labels = [m.group(1) for m in marks]
    if len(marks) < 2 or len(marks) > 5 or (labels != [chr(ord("a") + k) for k in range(len(marks))]
                                            and labels != [str(k + 1) for k in range(len(marks))]):
        return None
    prefix = sentence[: marks[0].start()]
    # "Find (a) ...", "Could you work out (1) ...", or items that ask themselves: "Over the first
    # 10 years, (a) what is the largest number of foxes ..., and (b) what is ...?"
    bodies = [sentence[m.end(): marks[k + 1].start() if k + 1 < len(marks) else len(sentence)]
              for k, m in enumerate(marks)]
    if not (re.match(_WH, prefix, re.IGNORECASE) or _IMPERATIVE.match(prefix) or _REQUEST.match(prefix)
            or all(re.match(_WH + r"\s", b.strip(), re.IGNORECASE) for b in bodies)):
        return None
    end = "?" if sentence.rstrip().endswith("?") else "."
    items = []
    for k, m in enumerate(marks):
        body = sentence[m.end(): marks[k + 1].start() if k + 1 < len(marks) else len(sentence)]
        body = re.sub(r"(?:[,;]?\s*(?:and|or)?\s*)$", "", body.strip().rstrip(".?")).strip()
        if len(body.split()) < 2:
            return None
        items.append((body, f"{prefix}{body}{end}"))
    return items


_AUX = (r"(?:does|do|did|is|are|was|were|should|will|would|can|could|must|go|goes|went|has|have|had|"
        r"needs?|gets?|got|receives?|earns?)")
_LIST_Q = re.compile(r"^(how\s+(?:many|much))\s+(.+?)\s+(" + _AUX + r"\b.*)\?$", re.IGNORECASE)
_OBJECTIVE = re.compile(r"\btotal\s+(?:profit|cost|revenue|income|return|benefit)\b", re.IGNORECASE)
_TOGETHER = re.compile(r"\b(?:total|altogether|in all|combined|together|sum|each|every|per|both)\b", re.IGNORECASE)


def _split_list(q: str, lead: list[str], after: list[str], before: str) -> list[Question]:
    """'How many adult tickets and how many student tickets were sold?' -> one question per item."""
    return _questions(_list_items(q), lead, after, before)


def _list_items(q: str) -> list[tuple[str, str]]:
    """(item, question) for each item of a question that lists them: 'How many adult tickets and
    how many student tickets were sold?' -> ('adult tickets', 'How many adult tickets were
    sold?'), ...; empty when it lists nothing.

    The items share the question's verb and the rest of it; an item that begins with 'of'
    takes the first item's head ('litres of the weaker ... and of the stronger solution').
    Questions about a total or about each item ('in total', 'each kind') stay whole.
    """
    q = q.strip()
    lead_clause = _lead(q)  # "According to this model, how many hares and how many lynx ...?"
    m = _LIST_Q.match(q[len(lead_clause):])
    # ("to make the largest total profit" names the objective the items serve, not their sum)
    if m is None or _TOGETHER.search(_OBJECTIVE.sub("", q)):
        return []
    how, items_text, rest = m.group(1), m.group(2), m.group(3)
    items = [x.strip() for x in re.split(r",\s*(?:and\s+)?|\s+and\s+", items_text) if x.strip()]
    # "How many nuts and bolts did he use?" asks for a total as often as for two numbers; only
    # items that say they are separate questions are split: each repeats "how many" or "of",
    # or carries its own unit in brackets
    if not (all(re.match(r"^(?:how\s+(?:many|much)|of)\s", x, re.IGNORECASE) for x in items[1:])
            or all(_unit_in_brackets(x) for x in items)):
        return []
    items = [re.sub(r"^how\s+(?:many|much)\s+", "", x, flags=re.IGNORECASE) for x in items]
    if not 2 <= len(items) <= 5 or any(len(x.split()) > 6 for x in items):
        return []
    head = items[0].split(" of ")[0] if " of " in items[0] else ""
    items = [f"{head} {x}" if x.startswith("of ") and head else x for x in items]
    how = how if lead_clause else how[0].upper() + how[1:]
    return [(x, f"{lead_clause}{how} {x} {rest}?") for x in items]


_DET = re.compile(r"^(?:the|its|his|her|their)\s", re.IGNORECASE)
_SEP = re.compile(r",\s+and\s+|,\s+|\s+and\s+")
_ITEM_END = re.compile(r"\s(?:of|in|at|for|on|after|when|if)\s|[,?.]")
_RELATION = re.compile(r"\b(?:total|altogether|in all|combined|together|sum|between|than|ratio|difference|"
                       r"per|both|every)\b", re.IGNORECASE)


#: An item's unit between commas: "the number of cells at 3:30 p.m., in millions of cells, and the
#: doubling time, in hours." (at most five words, before ", and" or the end of the sentence).
_UNIT_CLAUSE = re.compile(r",\s+(in\s+(?:[^\s,.;?()]+\s+){0,4}?[^\s,.;?()]+)(?=,\s+and\s|\s*[.?]?$)", re.IGNORECASE)


def _unit_in_brackets(item: str) -> bool:
    """Whether a listed item ends with its own unit in brackets: "milk (in millilitres)"."""
    return re.search(r"\([^)]*\)\s*$", item) is not None


def _outside_brackets(text: str) -> str:
    """``text`` with bracketed parts masked (same length), so that searches skip them."""
    out, depth = [], 0
    for ch in text:
        depth += ch == "("
        out.append("\x00" if depth else ch)  # not a space: separators never match inside
        depth -= ch == ")" and depth > 0
    return "".join(out)


def _split_the_items(q: str, lead: list[str], after: list[str], before: str) -> list[Question]:
    """'How much did he put into the savings account, the CD and the bond?' -> one question per item.

    Each item starts with a determiner ('the', 'its'...) and is listed with commas and 'and'; the
    words before the list and after its last item are shared ('Find the mean, the median and the
    sample standard deviation of the heights' -> 'Find the mean of the heights', ...). Questions
    about a relation of the items (a total, a difference, a ratio, 'per', 'both') stay whole,
    and so do two items without a unit each.
    """
    q = _UNIT_CLAUSE.sub(r" (\1)", q.strip())  # "the doubling time, in hours," is "the doubling time (in hours)"
    q_each = re.sub(r",\s*each\b", "", q, flags=re.IGNORECASE)  # ", each to three decimals"
    if _RELATION.search(q_each) or re.search(r"\beach\b", q_each, re.IGNORECASE):
        return []
    start = re.search(r"\b(?:the|its|his|her|their)\s", q_each, re.IGNORECASE)
    if start is None:
        return []
    prefix, rest = q_each[: start.start()], q_each[start.start():]
    if not (re.match(_WH, prefix, re.IGNORECASE) or _IMPERATIVE.match(prefix)):
        return []
    blank = _outside_brackets(rest)
    items: list[str] = []
    pos = 0
    for m in _SEP.finditer(blank):
        seg = rest[pos: m.start()]
        if not _DET.match(seg):
            break
        items.append(seg)
        pos = m.end()
    last = rest[pos:]
    if not _DET.match(last) or not items:
        return []
    # the last item ends at its first 'of'/'in'/... after two words, or at punctuation
    second = re.match(r"\S+\s+\S", last)
    end = _ITEM_END.search(_outside_brackets(last), second.end() if second else 0)
    cut = end.start() if end else len(last)
    closing = re.search(r"\)\s*[.?]?\s*$", last)
    if closing and all(_unit_in_brackets(x) for x in items) and "(" not in last[:cut]:
        cut = closing.start() + 1  # each item with its unit: the last one's runs to its own bracket
    items.append(last[:cut].rstrip())
    suffix = last[cut:]
    each_unit = all(_unit_in_brackets(x) for x in items)
    # (an item with its own unit may say more: "the number of cells at 3:30 p.m. that afternoon")
    longest = 12 if each_unit else 8
    if not 2 <= len(items) <= 5 or any(len(_outside_brackets(x).split()) > longest for x in items):
        return []
    if len(items) < 3 and not each_unit:
        # two items may be one thing ("the points where they meet and the area they enclose")
        # or a total ("How many square feet to roof the house and the porch?", GSM8K); three or
        # more, or two with a unit each ("its velocity (in m/s) and its acceleration (in m/s²)"),
        # are separate questions
        return []
    return _questions([(x, f"{prefix}{x}{suffix}".strip()) for x in items], lead, after, before)


# -- joining the programs ----------------------------------------------------------------------


def _names(tree: ast.Module) -> tuple[set[str], set[str], set[str]]:
    """(names a program assigns anywhere, names its imports bind, every name it mentions)."""
    assigned: set[str] = set()
    imported: set[str] = set()
    mentioned: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            mentioned.add(node.id)
            if isinstance(node.ctx, (ast.Store, ast.Del)):
                assigned.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            assigned.add(node.name)
        elif isinstance(node, ast.arg):
            assigned.add(node.arg)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for a in node.names:
                imported.add((a.asname or a.name).split(".")[0])
    return assigned, imported, mentioned | assigned | imported


def rename(code: str, mapping: dict[str, str]) -> str:
    """``code`` with the variables in ``mapping`` renamed (not attributes, not keyword names)."""
    if not mapping:
        return code
    toks = list(tokenize.generate_tokens(io.StringIO(code).readline))
    lines = code.splitlines(keepends=True)
    edits: list[tuple[int, int, int, str]] = []
    depth = 0
    prev: tokenize.TokenInfo | None = None
    for i, tok in enumerate(toks):
        if tok.type == tokenize.OP and tok.string in "([{":
            depth += 1
        elif tok.type == tokenize.OP and tok.string in ")]}":
            depth -= 1
        if tok.type == tokenize.NAME and tok.string in mapping:
            nxt = next((t for t in toks[i + 1:] if t.type not in (tokenize.NL, tokenize.COMMENT)), None)
            attribute = prev is not None and prev.type == tokenize.OP and prev.string == "."
            keyword = (depth > 0 and nxt is not None and nxt.type == tokenize.OP and nxt.string == "="
                       and prev is not None and prev.type == tokenize.OP and prev.string in "(,")
            in_def = keyword and _in_def_header(toks, i)
            if not attribute and (not keyword or in_def):
                edits.append((tok.start[0] - 1, tok.start[1], tok.end[1], mapping[tok.string]))
        if tok.type not in (tokenize.NL, tokenize.COMMENT, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT):
            prev = tok
    for li, c0, c1, new in sorted(edits, reverse=True):
        lines[li] = lines[li][:c0] + new + lines[li][c1:]
    return "".join(lines)


def _in_def_header(toks: list[tokenize.TokenInfo], i: int) -> bool:
    """Whether token i sits in a ``def f(...)`` parameter list (a default value, not a keyword argument)."""
    depth = 0
    for j in range(i - 1, -1, -1):
        t = toks[j]
        if t.type == tokenize.NEWLINE:
            return False
        if t.type == tokenize.OP and t.string in ")]}":
            depth += 1
        elif t.type == tokenize.OP and t.string in "([{":
            if depth == 0:  # the bracket that holds token i: is it preceded by "def name"?
                back = [x for x in toks[max(0, j - 2): j] if x.type == tokenize.NAME]
                return len(back) == 2 and back[0].string == "def"
            depth -= 1
    return False


def _statements(code: str) -> tuple[list[str], list[str], list[str]]:
    """(import lines, parameter lines, other statements) of a program, as source text."""
    tree = ast.parse(code)
    lines = code.splitlines()
    params = {p.line for p in parse_parameters(code)}
    imports: list[str] = []
    pars: list[str] = []
    body: list[str] = []
    for node in tree.body:
        src = "\n".join(lines[node.lineno - 1: node.end_lineno])
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            imports.append(src.strip())
        elif node.lineno in params:
            pars.append(src.strip())
        else:
            body.append(src)
    return imports, pars, body


def compose(programs: list[str], names: list[str], dict_answers: list[bool] | None = None) -> str:
    """One model program computing every program's answer: ``answer = {name: value, ...}``.

    Imports are merged; a parameter two programs share (same name, same value) is written once;
    every other name a later program reuses gets a suffix (``t`` -> ``t_2``), and each program's
    ``answer`` becomes ``answer_<i>``. A program whose answer is a dict contributes its entries
    (``**answer_2``), since the sandbox takes no nested dicts.
    """
    if len(programs) != len(names) or not programs:
        raise ValueError("compose needs one name per program")
    dict_answers = dict_answers or [False] * len(programs)
    trees = [ast.parse(p) for p in programs]
    info = [_names(t) for t in trees]
    everything = set().union(*(m for _, _, m in info))
    # names another program reads without assigning them (its imports, builtins): a program
    # that assigns one of them must not shadow it for the other
    outside = [set().union(*((imp | (men - asg)) for j, (asg, imp, men) in enumerate(info) if j != i))
               for i in range(len(info))]
    taken: set[str] = set()  # names the programs before this one assign, after renaming
    shared_params: dict[str, float] = {}
    imports: list[str] = []
    params: list[str] = []
    bodies: list[list[str]] = []
    for i, (code, (assigned, imported, _)) in enumerate(zip(programs, info), start=1):
        values = {p.name: p.value for p in parse_parameters(code)}
        mapping: dict[str, str] = {"answer": f"answer_{i}"}
        for n in sorted(assigned - {"answer"} - imported):
            same_param = n in values and shared_params.get(n) == values[n]
            if (n in taken or n in outside[i - 1]) and not same_param:
                k = i
                while f"{n}_{k}" in everything or f"{n}_{k}" in taken:
                    k += 1
                mapping[n] = f"{n}_{k}"
                everything.add(mapping[n])
        code = rename(code, mapping)
        imp, par, body = _statements(code)
        for line in imp:
            if line not in imports:
                imports.append(line)
        for line in par:
            name = line.split("=", 1)[0].strip()
            if name in shared_params and name in values and shared_params[name] == values[name] and name in taken:
                continue  # the same parameter with the same value: written once
            params.append(line)
        for n, v in values.items():
            shared_params.setdefault(mapping.get(n, n), v)
        bodies.append(body)
        taken |= {mapping.get(n, n) for n in assigned}
    entries = [f"**answer_{i}" if d else f'"{name}": answer_{i}'
               for i, (name, d) in enumerate(zip(names, dict_answers), start=1)]
    parts = ["\n".join(imports), "\n".join(params)]
    for i, body in enumerate(bodies, start=1):
        parts.append(f"# question {i}\n" + "\n".join(body))
    parts.append("answer = {" + ", ".join(entries) + "}")
    return "\n\n".join(p for p in parts if p.strip()) + "\n"


def answers_several(program: str) -> bool:
    """Whether a program's last ``answer = ...`` is a dict (it answers several things at once)."""
    try:
        tree = ast.parse(program)
    except (SyntaxError, ValueError):
        return False
    for node in reversed(tree.body):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "answer" for t in node.targets):
            v = node.value
            return isinstance(v, ast.Dict) or (isinstance(v, ast.Call) and isinstance(v.func, ast.Name)
                                                and v.func.id == "dict")
    return False


# -- a later question answered like an earlier one ----------------------------------------------

_STEM = re.compile(r"(?:ies|es|s)$")


def _words(text: str) -> set[str]:
    return {_STEM.sub("", w) for w in re.findall(r"[a-z]+", text.lower()) if w not in _STOP and len(w) > 2}


@dataclass
class Retarget:
    """A later question's program answered an earlier question; its answer line now computes
    another quantity of the same program."""

    old: str     # the answer line the model wrote
    new: str     # the answer line that replaced it
    reason: str

    def __str__(self) -> str:
        return f"answered the question with `{self.new}` instead of `{self.old}` ({self.reason})"

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class _AnswerLine:
    """A program's one-line ``answer = ...`` with what rewriting it needs."""

    lines: list[str]
    node: ast.Assign                  # the last top-level ``answer = ...``
    assigns: dict[str, ast.Assign]    # top-level ``name = ...`` by name

    @property
    def old(self) -> str:
        return self.lines[self.node.lineno - 1].split("#")[0].strip()

    def replaced(self, new: str, reason: str) -> tuple[str, Retarget]:
        """The program with ``new`` for the answer line, and what was done."""
        i = self.node.lineno - 1
        return "\n".join(self.lines[:i] + [new] + self.lines[i + 1:]) + "\n", Retarget(self.old, new, reason)


def is_wrapper(value: ast.expr, wrappers: tuple[str, ...] = ("float", "int")) -> bool:
    """Whether ``value`` is a call such as ``float(...)`` that only wraps the quantity answered."""
    return isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id in wrappers \
        and bool(value.args)


def unwrapped(value: ast.expr, wrappers: tuple[str, ...] = ("float", "int")) -> ast.expr:
    """The quantity inside ``float(...)``/``int(...)`` (or other ``wrappers``), nested or not."""
    while is_wrapper(value, wrappers):
        value = value.args[0]  # type: ignore[attr-defined]
    return value


def _answer_line(program: str) -> _AnswerLine | None:
    """The program's last top-level ``answer = ...`` when it is one line (None otherwise)."""
    try:
        tree = ast.parse(program)
    except (SyntaxError, ValueError):
        return None
    assigns = {n.targets[0].id: n for n in tree.body if isinstance(n, ast.Assign) and len(n.targets) == 1
               and isinstance(n.targets[0], ast.Name)}
    ans = assigns.get("answer")  # the last one: later assignments overwrite earlier ones
    if ans is None or ans.lineno != ans.end_lineno:
        return None
    return _AnswerLine(program.splitlines(), ans, assigns)


def retarget(program: str, ask: str, index: int) -> tuple[str, Retarget] | None:
    """Another quantity of ``program`` for question ``ask`` (the ``index``-th asked, from 0).

    For a program that computes the same answer as an earlier question's (the adapter copies the
    shown example's question): the answer line is rewritten to a quantity the program already
    has. Two kinds, tried in order:

    * a solved system (``sol = sp.solve(eqs, [a, b])``, ``answer = sol[a]``): the unknown at the
      question's position, ``sol[b]`` for the second question;
    * an optimum or root (``best = sp.solve(sp.diff(revenue, p), p)[0]``, ``answer = best``):
      a top-level expression in the solved symbol whose name or comment shares a word with the
      question, at the solution (``revenue.subs(p, best)`` for "What is that revenue?").

    Returns None when neither applies.
    """
    line = _answer_line(program)
    if line is None:
        return None
    ans, assigns = line.node, line.assigns
    value = unwrapped(ans.value)
    comments = {i + 1: ln.split("#", 1)[1] for i, ln in enumerate(line.lines) if "#" in ln}
    new: str | None = None
    reason = ""
    # a solved system: sol[a] -> the unknown at this question's position
    if isinstance(value, ast.Subscript) and isinstance(value.value, ast.Name) and isinstance(value.slice, ast.Name):
        src = assigns.get(value.value.id)
        unknowns = _solve_unknowns(src.value) if src is not None else []
        if value.slice.id in unknowns and len(unknowns) > index and unknowns[index] != value.slice.id:
            new = f"answer = {value.value.id}[{unknowns[index]}]"
            reason = f"question {index + 1} asks for unknown {index + 1} of the system, {unknowns[index]}"
    # an optimum or root: an expression in the solved symbol that the question names, at the solution
    if new is None:
        solved = _solved_symbol(value, assigns)
        if solved is not None:
            symbol, at = solved
            asked = _words(ask)
            best_name, best_score = None, 0
            for name, node in assigns.items():
                if name == "answer" or node.lineno >= ans.lineno:
                    continue
                mentions = {n.id for n in ast.walk(node.value) if isinstance(n, ast.Name)}
                if symbol not in mentions or _is_solve_call(node.value) or _is_symbols_call(node.value):
                    continue
                score = len(asked & (_words(name.replace("_", " ")) | _words(comments.get(node.lineno, ""))))
                if score > best_score:
                    best_name, best_score = name, score
            if best_name is not None:
                new = f"answer = {best_name}.subs({symbol}, {at})"
                reason = f"the question asks for {best_name}, at the solution {at}"
    # a linear program: a decision variable -> the optimum the question asks for ("and what is
    # that maximum profit?"), ``-res.fun`` where the objective is negated to maximise
    if new is None and _ASKS_OPTIMUM.search(ask) and not re.search(r"\bhow (?:many|much)\b", ask, re.IGNORECASE):
        res = _decision_of(value, assigns)
        if res is not None:
            sign = "-" if _maximises(assigns[res].value, assigns) else ""
            new = f"answer = {sign}{res}.fun"
            reason = f"the question asks for the optimum of the linear program {res}, not a decision variable"
    if new is None:
        return None
    return line.replaced(new, reason)


#: A question about a linear program's optimum: "what is that maximum profit?", "the lowest
#: possible cost", "the largest total benefit".
_ASKS_OPTIMUM = re.compile(r"\b(?:maximum|minimum|max|min|largest|smallest|greatest|least|lowest|highest|"
                           r"optimal|best)\b(?:\s+(?:possible|total|daily|weekly|monthly|yearly|annual))*\s+"
                           r"(?:profit|cost|revenue|income|return|benefit|value|reach|score|contribution)s?\b",
                           re.IGNORECASE)


def _decision_of(value: ast.expr, assigns: dict[str, ast.Assign]) -> str | None:
    """``res`` for ``res.x[1]`` (or ``float(res.x[1])``) where ``res = linprog(...)``, else None."""
    if (isinstance(value, ast.Subscript) and isinstance(value.value, ast.Attribute) and value.value.attr == "x"
            and isinstance(value.value.value, ast.Name)):
        name = value.value.value.id
        node = assigns.get(name)
        if node is not None and _call_name(node.value) in _LP_CALLS:
            return name
    return None


def _maximises(call: ast.AST, assigns: dict[str, ast.Assign]) -> bool:
    """Whether a linear program's objective is negated (``c = [-profit_table, -profit_chair]``,
    ``linprog(-c, ...)``): it maximises what the program names."""
    arg, negated = _objective(call, assigns)
    if negated or isinstance(arg, ast.UnaryOp) and isinstance(arg.op, ast.USub):
        return True
    return isinstance(arg, (ast.List, ast.Tuple)) and bool(arg.elts) and all(
        isinstance(e, ast.UnaryOp) and isinstance(e.op, ast.USub) for e in arg.elts)


# -- a percentage asked, a fraction given ---------------------------------------------------------

#: The question asks for its answer in percent: "as a percentage", "in percent", "what percent of",
#: "by what percentage", "the percentage change", "(in %)".
_PERCENT_ASK = re.compile(
    r"\b(?:as|in)\s+(?:a\s+)?(?:percent(?:age)?s?|per\s?cent)\b|\bwhat\s+(?:percent(?:age)?|per\s?cent)\b"
    r"|\bpercent(?:age)?\s+(?:of|change|increase|decrease|growth|gain|loss|drop|fall|rise|return|error|"
    r"difference|points?)\b|\(in\s+%\)|\bin\s+%", re.IGNORECASE)
#: A program that multiplies by 100 somewhere already gives a percentage ("/ 0.01" likewise).
_TIMES_100 = re.compile(r"\*\s*100(?:\.0*)?\b|\b100(?:\.0*)?\s*\*|/\s*0?\.01\b")


_INSTRUCTION = re.compile(r"^(?:give|report|express|answer|round|state|write|enter|present|quote|show)\b",
                          re.IGNORECASE)


def asks_percent(text: str) -> bool:
    """Whether ``text`` asks for its answer in percent: in its question, or in an instruction
    right after it ("What is the probability ...? Give the answer as a percentage.")."""
    ask = question_of(text)
    parts = sentences(text)
    after = parts[parts.index(ask) + 1:] if ask in parts else []
    said = [ask] + [x for x in after if _INSTRUCTION.match(x)]
    return any(_PERCENT_ASK.search(x) for x in said)


def in_percent(program: str, text: str, answer: float) -> tuple[str, Retarget] | None:
    """The program answering in percent, when ``text`` asks for a percentage and the program gives
    a fraction: its answer ``answer`` is at most 1 in size, nothing in it multiplies by 100, and no
    parameter holds a percentage (``[%]``, whose arithmetic could already be in percent).

    Every reference program of the bank and of the training set whose question asks for a
    percentage multiplies by 100 (306 programs); the adapter sometimes copies a solved example that
    answers with a probability or a share and leaves that out ("What is the probability ...? Give
    the answer as a percentage with two decimals." answered 0.2757). None when that does not apply.
    """
    if not asks_percent(text) or not (0 < abs(answer) <= 1):
        return None
    params = parse_parameters(program)
    at = {p.line for p in params}
    code = "\n".join(ln.split("#")[0] for i, ln in enumerate(program.splitlines(), start=1) if i not in at)
    if _TIMES_100.search(code) or any(unit_is_percent(p) for p in params):
        return None
    line = _answer_line(program)
    if line is None or answers_several(program):
        return None
    expr = ast.get_source_segment(program, line.node.value) or ""
    if not expr or "\n" in expr:
        return None
    return line.replaced(f"answer = 100 * {expr}",
                         f"the question asks for a percentage and the program gave the fraction {answer:.6g}")


#: Calls whose second argument ends a span of time: ``np.linspace(0, days, 3651)``,
#: ``np.arange(0, T, 0.1)``; and those whose span is a tuple ``(0, days)`` (``solve_ivp``).
_SPAN_CALLS = ("linspace", "arange")
#: How much longer a span is simulated when the time of a peak is its end.
SPAN_FACTOR = 10


def _span_ends(tree: ast.AST) -> set[str]:
    """Names that end a span of time in ``tree``: ``days`` in ``np.linspace(0, days, n)`` or in
    ``solve_ivp(f, (0, days), y0)``."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _call_name(node) in _SPAN_CALLS and len(node.args) >= 2 \
                and isinstance(node.args[1], ast.Name):
            out.add(node.args[1].id)
        elif isinstance(node, ast.Call):
            for arg in node.args:
                if isinstance(arg, (ast.Tuple, ast.List)) and len(arg.elts) == 2 \
                        and isinstance(arg.elts[1], ast.Name):
                    out.add(arg.elts[1].id)
    return out


def longer_span(program: str, answer: float) -> tuple[str, Retarget] | None:
    """The program simulating :data:`SPAN_FACTOR` times as long, when its answer is the time of a
    peak or a trough (``t[np.argmax(I)]``) and that time is the end of the span it simulates
    (``days = 10  # simulated period [day]``, a span ``(0, days)``): a maximum at the end of
    the span is no peak but where the simulation stopped. The adapter writes the span from a
    number of the text ("an average infectious period of 10 days") or the example's; the caller
    keeps the longer run only where its peak falls inside the span (a curve that still rises at
    ten times the span has no peak to find). None when that does not apply."""
    if not re.search(r"\barg(?:max|min)\b", program):
        return None
    try:
        tree = ast.parse(program)
    except SyntaxError:
        return None
    ends = _span_ends(tree)
    lines = program.splitlines()
    for p in parse_parameters(program):
        if p.name not in ends or isinstance(p.value, list) or not p.value or p.value <= 0:
            continue
        if math.isclose(answer, p.value, rel_tol=1e-9):
            longer = p.value * SPAN_FACTOR
            new = set_parameters(program, {p.name: longer})
            old_line = lines[p.line - 1].split("#")[0].strip()
            new_line = new.splitlines()[p.line - 1].split("#")[0].strip()
            return new, Retarget(old_line, new_line, f"the time asked, {answer:g}, was the end of the simulated "
                                                    f"span: the peak lies beyond it")
    return None


def _call_name(node: ast.AST) -> str:
    if isinstance(node, ast.Subscript):
        node = node.value
    if isinstance(node, ast.Call):
        f = node.func
        return f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
    return ""


def _is_solve_call(node: ast.AST) -> bool:
    return _call_name(node) in ("solve", "nsolve", "solveset", "linsolve")


def _is_symbols_call(node: ast.AST) -> bool:
    return _call_name(node) in ("symbols", "Symbol", "Function")


def _solve_unknowns(node: ast.AST) -> list[str]:
    """['a', 'b'] for ``sp.solve(eqs, [a, b])`` (or a tuple of them)."""
    if isinstance(node, ast.Call) and _is_solve_call(node) and len(node.args) >= 2:
        arg = node.args[1]
        if isinstance(arg, (ast.List, ast.Tuple)) and all(isinstance(e, ast.Name) for e in arg.elts):
            return [e.id for e in arg.elts]
    return []


def _solved_symbol(value: ast.AST, assigns: dict[str, ast.Assign]) -> tuple[str, str] | None:
    """(symbol, solution) when the answer is a solution of ``sp.solve(..., x)[0]``, directly or by name."""
    name = value.id if isinstance(value, ast.Name) else None
    node = assigns[name].value if name in assigns else value
    at = name or ast.unparse(value)
    # crit[0] where crit = [r for r in sp.solve(..., x) if ...]
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id in assigns:
        inner = assigns[node.value.id].value
        if isinstance(inner, ast.ListComp):
            inner = inner.generators[0].iter
        node = inner
    elif isinstance(node, ast.Subscript):
        node = node.value
    if isinstance(node, ast.Call) and _is_solve_call(node) and len(node.args) >= 2 and isinstance(node.args[1], ast.Name):
        return node.args[1].id, at
    return None


# -- one question that asks for several values ---------------------------------------------------

#: "How many kilograms of each kind of bean ...", "How much does each of them receive?", "How much
#: should go into each fund ...": a value for each unknown of the program.
_EACH = re.compile(r"\b(?:of|into|in|for|on)\s+each\s+(?:kind|type|sort|ingredient|fund|account|product|variety|"
                   r"grade|investment|option|crop|food|bean|metal|alloy|solution)s?\b|\beach\s+of\s+(?:them|these|"
                   r"those)\b", re.IGNORECASE)
#: "How much does each of them pay if they split the bill equally?": one value.
_ONE = re.compile(r"\b(?:equal(?:ly)?|same|average|remaining|left|last|more|less)\b", re.IGNORECASE)
_LP_CALLS = ("linprog", "milp")


def several(ask: str) -> list[str] | None:
    """The values one question asks for: its items ("How many tables, chairs and bookcases should
    be made ...?" -> ``['tables', 'chairs', 'bookcases']``), ``[]`` for "each" ("How many
    kilograms of each ingredient ...?": as many as the program has unknowns), or None when it
    asks for one value (or a total: "how many in total", "altogether")."""
    q = ask.strip()
    if re.search(r"\b(?:total|altogether|in all|combined|together|sum)\b", q, re.IGNORECASE):
        return None
    if _ONE.search(q):
        return None
    m = _LIST_Q.match(q)
    if m is not None and re.search(r"\band\b", m.group(2)) and not re.search(r"\beach\b", m.group(2), re.IGNORECASE):
        items = [x.strip() for x in re.split(r",\s*(?:and\s+)?|\s+and\s+", m.group(2)) if x.strip()]
        if 2 <= len(items) <= 6 and all(1 <= len(x.split()) <= 3 and not re.match(r"(?:how|of)\b", x, re.IGNORECASE)
                                        for x in items):
            return [name_of(x, set()) for x in items]
    return [] if _EACH.search(q) else None


def widen(program: str, names: list[str]) -> tuple[str, Retarget] | None:
    """``program`` answering with every unknown it solves for, when its ``answer`` is one of them
    (or a linear program's objective) and the question asks for several values (:func:`several`):

    * a solved system (``sol = sp.solve(eqs, [a, b])``, ``answer = sol[a]``):
      ``answer = {"a": sol[a], "b": sol[b]}``;
    * a linear program (``res = linprog(c, ...)``, ``answer = -res.fun``):
      ``answer = {"tables": float(res.x[0]), ...}``, keyed by ``names`` or, for "each", by the
      names of the objective's coefficients (``c = [cost_corn, cost_soy]`` -> ``corn``, ``soy``).

    ``names`` must be as many as the unknowns (``[]``: any number). None when neither applies."""
    line = _answer_line(program)
    if line is None or isinstance(line.node.value, ast.Dict):
        return None
    ans, assigns = line.node, line.assigns
    # in the order written (a set's order would change from run to run)
    used = dict.fromkeys(n.id for n in ast.walk(ans.value) if isinstance(n, ast.Name))
    entries: list[tuple[str, str]] = []
    reason = ""
    for name in used:
        node = assigns.get(name)
        if node is None or node.lineno >= ans.lineno:
            continue
        unknowns = _solve_unknowns(node.value)
        if len(unknowns) >= 2 and (not names or len(names) == len(unknowns)):
            keys = names or unknowns
            entries = [(k, f"{name}[{u}]") for k, u in zip(keys, unknowns)]
            reason = f"the question asks for each unknown of the system {name}"
            break
        if _call_name(node.value) in _LP_CALLS:
            coefs = _objective_names(node.value, assigns)
            n = len(coefs) if coefs else None
            if names and n is not None and n != len(names):
                return None
            keys = names or (_strip_common(coefs) if coefs else None)
            if not keys:
                return None
            entries = [(k, f"float({name}.x[{i}])") for i, k in enumerate(keys)]
            reason = f"the question asks for the values of the decision variables of {name}"
            break
    if not entries:
        return None
    return line.replaced("answer = {" + ", ".join(f'"{k}": {v}' for k, v in entries) + "}", reason)


def _objective(call: ast.AST, assigns: dict[str, ast.Assign]) -> tuple[ast.expr | None, bool]:
    """A linear program's objective as written (``c = [-profit_table, ...]``, through its name and
    ``np.array``), and whether the call negates it as a whole (``linprog(-c, ...)``)."""
    if not isinstance(call, ast.Call):
        return None, False
    arg = call.args[0] if call.args else next((k.value for k in call.keywords if k.arg == "c"), None)
    negated = False
    if isinstance(arg, ast.UnaryOp):
        negated, arg = isinstance(arg.op, ast.USub), arg.operand
    if isinstance(arg, ast.Name) and arg.id in assigns:
        arg = assigns[arg.id].value
    if isinstance(arg, ast.Call) and arg.args:  # np.array([...])
        arg = arg.args[0]
    return arg, negated


def _objective_names(call: ast.AST, assigns: dict[str, ast.Assign]) -> list[str]:
    """The names of a linear program's objective coefficients (``c = [-profit_table, ...]``)."""
    arg, _ = _objective(call, assigns)
    if not isinstance(arg, (ast.List, ast.Tuple)):
        return []
    out = []
    for e in arg.elts:
        e = e.operand if isinstance(e, ast.UnaryOp) else e
        if not isinstance(e, ast.Name):
            return [f"x{i + 1}" for i in range(len(arg.elts))]
        out.append(e.id)
    return out


def _strip_common(names: list[str]) -> list[str]:
    """``['cost_corn', 'cost_soy']`` -> ``['corn', 'soy']`` (the words all names share dropped)."""
    parts = [n.split("_") for n in names]
    common = set.intersection(*[set(p) for p in parts]) if parts else set()
    out = ["_".join(w for w in p if w not in common) or n for p, n in zip(parts, names)]
    return out if len(set(out)) == len(out) else names
