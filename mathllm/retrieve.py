"""Retrieval of solved examples for the prompt: a small knowledge base of modeling patterns.

A small model copies structure well when it sees it, so the prompt carries the nearest solved
problems from a bank of reference programs (``mathllm/data/bank.jsonl``, built from the
training families by ``python -m mathllm.data.bank``). Ranking is Okapi BM25 over word tokens:
no extra model to load, deterministic, and a few milliseconds for a bank of a few thousand.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .prompt import Example

BANK_PATH = Path(__file__).parent / "data" / "bank.jsonl"
_WORD = re.compile(r"[a-z]+")
_STOP = frozenset("a an the of to in and or is are was were be for on at by with what how many much "
                  "it its this that from as if after per each his her their your you we i".split())


def tokens(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 1]


@dataclass
class BM25:
    docs: list[list[str]]
    k1: float = 1.5
    b: float = 0.75

    def __post_init__(self) -> None:
        self.n = len(self.docs)
        self.avgdl = sum(map(len, self.docs)) / max(1, self.n)
        df: Counter[str] = Counter()
        for d in self.docs:
            df.update(set(d))
        self.idf = {t: math.log(1 + (self.n - f + 0.5) / (f + 0.5)) for t, f in df.items()}
        self.tf = [Counter(d) for d in self.docs]
        self.len = [len(d) for d in self.docs]

    def scores(self, query: list[str]) -> list[float]:
        out = [0.0] * self.n
        for t in set(query):
            idf = self.idf.get(t)
            if idf is None:
                continue
            for i, tf in enumerate(self.tf):
                f = tf.get(t)
                if f:
                    out[i] += idf * f * (self.k1 + 1) / (f + self.k1 * (1 - self.b + self.b * self.len[i] / self.avgdl))
        return out


@dataclass
class Bank:
    examples: list[Example]
    groups: list[str]  # family (or other group key) of each example, to keep retrieved examples diverse
    index: BM25
    phrasings: list[str] = field(default_factory=list)  # "family#phrasing" of each example, or ""

    def nearest(self, text: str, k: int = 2, exclude: str | None = None,
                avoid_phrasing: str | None = None) -> list[Example]:
        """The ``k`` most similar examples, one per family, most similar last.

        ``avoid_phrasing`` ("family#phrasing") skips examples written in that phrasing: training
        uses it so the model practises mapping a new wording onto a known template, which is
        what it meets at inference on phrasings it never saw.
        """
        if k <= 0 or not self.examples:
            return []
        scores = self.index.scores(tokens(text))
        order = sorted(range(len(scores)), key=lambda i: -scores[i])
        picked: list[int] = []
        seen_groups: set[str] = set()
        for i in order:
            ex = self.examples[i]
            if exclude is not None and ex.problem.strip() == exclude.strip():
                continue  # never show the model the very problem it is asked (training, eval)
            if avoid_phrasing and self.phrasings and self.phrasings[i] == avoid_phrasing:
                continue
            if self.groups[i] in seen_groups:
                continue  # one example per family: diverse patterns beat near-duplicates
            picked.append(i)
            seen_groups.add(self.groups[i])
            if len(picked) == k:
                break
        # Most similar example last: nearest to the question, which small models attend to most.
        return [self.examples[i] for i in reversed(picked)]


def load_bank(path: str | Path = BANK_PATH) -> Bank:
    p = Path(path)
    examples: list[Example] = []
    groups: list[str] = []
    phrasings: list[str] = []
    if p.is_file():
        for line in p.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                examples.append(Example(rec["problem"], rec["program"]))
                groups.append(str(rec.get("family") or len(groups)))
                phrasings.append(phrasing_key(rec))
    return Bank(examples, groups, BM25([tokens(e.problem) for e in examples]), phrasings)


def phrasing_key(rec: dict) -> str:
    """"family#phrasing" for a generated record, "" for one without that metadata."""
    if rec.get("family") is None or rec.get("phrasing") is None:
        return ""
    return f"{rec['family']}#{rec['phrasing']}"


@lru_cache(maxsize=4)
def _cached_bank(path: str) -> Bank:
    return load_bank(path)


def nearest_examples(text: str, k: int = 2, *, bank_path: str | Path = BANK_PATH,
                     exclude: str | None = None) -> list[Example]:
    """The ``k`` solved examples nearest to ``text`` (empty when no bank is installed)."""
    return _cached_bank(str(bank_path)).nearest(text, k, exclude=exclude)
