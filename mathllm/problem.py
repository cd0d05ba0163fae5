"""Stage 1, problem: read a problem file (Markdown with optional YAML front matter).

A problem file looks like::

    ---
    title: Savings account
    domain: finance
    tags: [compound interest]
    answer: 1628.89        # optional expected answer (number or {name: number})
    tolerance: 0.01        # optional absolute tolerance for the expected answer
    units: EUR             # optional
    ---
    Anna puts 1,000 EUR in a savings account at 5% a year ...

Every way a file can be wrong (missing, a directory, empty, binary, not UTF-8, too large,
broken front matter) raises :class:`ProblemError` with one clear message.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ProblemError

#: Largest problem file accepted. A real problem is a few hundred words; anything near this is
#: a mistake (a log, a data dump) and would only fill the model's context.
MAX_PROBLEM_BYTES = 64 * 1024
#: Longest problem text (characters) passed to a model.
MAX_PROBLEM_CHARS = 8000

KNOWN_KEYS = {"title", "domain", "tags", "answer", "tolerance", "units", "variants", "source", "notes"}

#: Commas are accepted only as thousands separators ("1,628.89"), never as a decimal comma.
_THOUSANDS = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d*)?([eE][+-]?\d+)?")

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*\r?$\n?", re.S | re.M)


@dataclass
class Problem:
    """A modeling problem in plain language, with what is known about its answer."""

    text: str
    title: str = ""
    domain: str = ""
    tags: list[str] = field(default_factory=list)
    answer: float | dict[str, float] | None = None
    tolerance: float | None = None
    units: str | None = None
    path: Path | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        if self.title:
            return self.title
        if self.path is not None:
            return self.path.stem
        return self.text.strip().splitlines()[0][:60] if self.text.strip() else "problem"


def _shown(value: Any) -> str:
    """A value for an error message, cut short (a front matter value can be kilobytes long)."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _number(value: Any, what: str, source: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ProblemError(f"{source}: front matter '{what}' must be a number, got {_shown(value)}")
    if isinstance(value, str) and "," in value and not _THOUSANDS.fullmatch(value.strip()):
        raise ProblemError(f"{source}: front matter '{what}' must be a number, got {_shown(value)}",
                           hint="use a decimal point; commas only as thousands separators (1,628.89)")
    try:
        out = float(str(value).replace(",", "").replace("_", "")) if isinstance(value, str) else float(value)
    except ValueError:
        raise ProblemError(f"{source}: front matter '{what}' must be a number, got {_shown(value)}") from None
    if not math.isfinite(out):
        raise ProblemError(f"{source}: front matter '{what}' must be finite, got {_shown(value)}")
    return out


def parse_problem(text: str, *, source: str = "<problem>", path: Path | None = None) -> Problem:
    """Parse problem text (front matter + Markdown body) into a :class:`Problem`."""
    import yaml

    meta: dict[str, Any] = {}
    body = text
    if text.lstrip("\ufeff").startswith("---"):
        text = text.lstrip("\ufeff")
        m = _FRONT_MATTER.match(text)
        if not m:
            raise ProblemError(
                f"{source}: front matter starts with '---' but has no closing '---' line",
                hint="put a line with just '---' after the YAML block",
            )
        try:
            loaded = yaml.safe_load(m.group(1))
        except RecursionError:
            raise ProblemError(f"{source}: malformed front matter: nested too deeply") from None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" (line {mark.line + 2})" if mark is not None else ""
            problem = getattr(exc, "problem", None) or "invalid YAML"
            raise ProblemError(f"{source}: malformed front matter{where}: {problem}") from None
        if loaded is None:
            loaded = {}
        if not isinstance(loaded, dict):
            raise ProblemError(f"{source}: front matter must be a YAML mapping (key: value lines)")
        meta = {str(k): v for k, v in loaded.items()}
        body = text[m.end():]
    body = body.strip()
    if not body:
        raise ProblemError(f"{source}: the problem text is empty", hint="write the problem below the front matter")
    if len(body) > MAX_PROBLEM_CHARS:
        raise ProblemError(f"{source}: the problem text has {len(body)} characters; the limit is {MAX_PROBLEM_CHARS}")

    answer: float | dict[str, float] | None = None
    if meta.get("answer") is not None:
        raw = meta["answer"]
        if isinstance(raw, dict):
            if not raw:
                raise ProblemError(f"{source}: front matter 'answer' is an empty mapping")
            answer = {str(k): _number(v, f"answer.{k}", source) for k, v in raw.items()}
        else:
            answer = _number(raw, "answer", source)
    tolerance = None
    if meta.get("tolerance") is not None:
        tolerance = _number(meta["tolerance"], "tolerance", source)
        if tolerance < 0:
            raise ProblemError(f"{source}: front matter 'tolerance' must not be negative")
    tags = meta.get("tags") or []
    if isinstance(tags, str):
        tags = [t.strip() for t in tags.split(",") if t.strip()]
    if not isinstance(tags, list):
        raise ProblemError(f"{source}: front matter 'tags' must be a list")
    for key in ("title", "domain", "units"):
        if meta.get(key) is not None and not isinstance(meta[key], (str, int, float)):
            raise ProblemError(f"{source}: front matter '{key}' must be text")
    return Problem(
        text=body,
        title=str(meta.get("title") or ""),
        domain=str(meta.get("domain") or (path.parent.name if path is not None and path.parent.name != "problems" else "")),
        tags=[str(t) for t in tags],
        answer=answer,
        tolerance=tolerance,
        units=None if meta.get("units") is None else str(meta["units"]),
        path=path,
        meta=meta,
    )


def read_text_file(path: str | Path, *, what: str = "file", max_bytes: int = MAX_PROBLEM_BYTES) -> str:
    """Read a user's text file with clear errors for every way it can be wrong."""
    p = Path(path)
    if not p.exists():
        raise ProblemError(f"{what} not found: {p}")
    if p.is_dir():
        raise ProblemError(f"{p} is a directory, not a {what}")
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise ProblemError(f"{p} is {size:,} bytes; a {what} may be at most {max_bytes:,} bytes")
        data = p.read_bytes()
    except PermissionError:
        raise ProblemError(f"cannot read {p}: permission denied") from None
    except OSError as exc:
        raise ProblemError(f"cannot read {p}: {exc.strerror or exc}") from None
    if not data.strip():
        raise ProblemError(f"{p} is empty")
    if b"\x00" in data:
        raise ProblemError(f"{p} looks like a binary file, not a text {what}")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProblemError(f"{p} is not valid UTF-8 text (bad byte at offset {exc.start})") from None


def load_problem(path: str | Path) -> Problem:
    """Read and parse a problem file."""
    p = Path(path)
    return parse_problem(read_text_file(p, what="problem file"), source=str(p), path=p)


def problem_from_text(text: str) -> Problem:
    """A problem typed by a user (workbench editor, API): same rules as a file."""
    if not text or not text.strip():
        raise ProblemError("the problem text is empty")
    return parse_problem(text, source="<problem>")


def find_problems(root: str | Path = "problems") -> list[Path]:
    """All problem files under ``root``, sorted by domain folder then name."""
    r = Path(root)
    if not r.is_dir():
        return []
    return sorted(p for p in r.rglob("*.md") if p.name.lower() != "readme.md")
