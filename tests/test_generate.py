"""Stage 3, generate: the OpenAI-compatible backend against a REAL local HTTP server, adapter
resolution, backend selection and dynamic batching. (The hf backend's real model runs in the
slow end-to-end test, not here.)"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from mathllm.errors import BackendError, UsageError
from mathllm.generate import (
    BatchingGenerator,
    HFGenerator,
    OpenAIGenerator,
    _cut,
    make_generator,
    resolve_adapter,
    runaway,
)
from mathllm.prompt import STOP
from tests.conftest import FakeOpenAI


@pytest.fixture(autouse=True)
def _no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("MATHLLM_BASE_URL", "OPENAI_BASE_URL", "MATHLLM_MODEL", "OPENAI_MODEL",
                "MATHLLM_API_KEY", "OPENAI_API_KEY", "MATHLLM_MODELS"):
        monkeypatch.delenv(var, raising=False)


# -- openai backend ----------------------------------------------------------------------------


def test_completions_request_and_answer(fake_openai: FakeOpenAI) -> None:
    fake_openai.reply = lambda prompt, body: "answer = 1\n```\n### Problem\nthe model rambles on"
    gen = OpenAIGenerator(base_url=fake_openai.base_url + "/", model="my-model")
    assert gen.base_url == fake_openai.base_url  # trailing slash dropped
    gen.load()
    out = gen.generate(["PROMPT ONE"], n=2, max_new_tokens=77, temperature=0.5)
    assert out == [["answer = 1\n```", "answer = 1\n```"]]  # cut at the first stop, keeping the fence
    (req,) = fake_openai.posts()
    assert req.path == "/v1/completions"
    body = req.body
    assert body["prompt"] == "PROMPT ONE" and body["n"] == 2 and body["max_tokens"] == 77
    assert body["temperature"] == 0.5 and body["model"] == "my-model"
    assert body["stop"] == STOP[:4]
    assert "authorization" not in req.headers
    assert gen.info == {"backend": "openai", "model": "my-model", "base_url": fake_openai.base_url,
                        "adapter": None, "tuned": None}


def test_api_key_is_sent_as_bearer_token(fake_openai: FakeOpenAI) -> None:
    gen = OpenAIGenerator(base_url=fake_openai.base_url, api_key="sk-test-123")
    gen.load()
    gen.generate(["p"], n=1)
    assert [r.method for r in fake_openai.requests] == ["GET", "POST"]
    for r in fake_openai.requests:
        assert r.headers["authorization"] == "Bearer sk-test-123"


def test_settings_from_environment(fake_openai: FakeOpenAI, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MATHLLM_BASE_URL", fake_openai.base_url)
    monkeypatch.setenv("MATHLLM_API_KEY", "env-key")
    monkeypatch.setenv("MATHLLM_MODEL", "env-model")
    gen = make_generator("openai")
    gen.generate(["p"], n=1)
    (req,) = fake_openai.posts()
    assert req.headers["authorization"] == "Bearer env-key" and req.body["model"] == "env-model"


def test_load_picks_the_servers_model(fake_openai: FakeOpenAI) -> None:
    fake_openai.model_id = "served-model-7b"
    gen = OpenAIGenerator(base_url=fake_openai.base_url)
    messages = []
    gen.load(progress=lambda msg, frac: messages.append(msg))
    assert gen.model == "served-model-7b" and gen.info["model"] == "served-model-7b"
    assert messages and fake_openai.base_url in messages[0]
    gen.generate(["p"])
    assert fake_openai.posts()[0].body["model"] == "served-model-7b"


def test_chat_api(fake_openai: FakeOpenAI) -> None:
    fake_openai.reply = lambda prompt, body: f"echo {prompt}\n```"
    gen = OpenAIGenerator(base_url=fake_openai.base_url, model="m", api="chat")
    out = gen.generate(["hello"], n=2, max_new_tokens=20, stop=["\n```"])
    assert out == [["echo hello\n```", "echo hello\n```"]]
    (req,) = fake_openai.posts()
    assert req.path == "/v1/chat/completions"
    assert req.body["messages"] == [{"role": "user", "content": "hello"}]
    assert req.body["n"] == 2 and req.body["max_tokens"] == 20 and req.body["stop"] == ["\n```"]


def test_server_that_ignores_n_is_topped_up(fake_openai: FakeOpenAI) -> None:
    fake_openai.ignore_n = True
    count = iter(range(100))
    fake_openai.reply = lambda prompt, body: f"answer = {next(count)}"
    gen = OpenAIGenerator(base_url=fake_openai.base_url, model="m")
    (texts,) = gen.generate(["p"], n=3)
    assert len(texts) == 3 and len(set(texts)) == 3
    assert [r.body["n"] for r in fake_openai.posts()] == [3, 2, 1]


def test_several_prompts_keep_their_order(fake_openai: FakeOpenAI) -> None:
    def reply(prompt: str, body: dict) -> str:
        time.sleep(0.05 * (5 - int(prompt)))  # later prompts answer first
        return f"answer = {prompt}"

    fake_openai.reply = reply
    gen = OpenAIGenerator(base_url=fake_openai.base_url, model="m", workers=4)
    out = gen.generate([str(i) for i in range(5)], n=1)
    assert out == [[f"answer = {i}"] for i in range(5)]


def test_lone_surrogates_from_json_are_replaced(fake_openai: FakeOpenAI) -> None:
    fake_openai.raw = b'{"choices": [{"text": "answer = 1  # \\udcff"}]}'
    (texts,) = OpenAIGenerator(base_url=fake_openai.base_url, model="m").generate(["p"])
    texts[0].encode("utf-8")  # a report or a terminal can write it
    assert texts[0].startswith("answer = 1")


@pytest.mark.parametrize("status, raw, fragment", [
    (500, None, "HTTP 500"),
    (401, None, "HTTP 401"),
    (200, b"<html>not json</html>", "did not answer with JSON"),
    (200, b"[1, 2, 3]", "JSON object"),
    (200, b'"just a string"', "JSON object"),
])
def test_server_errors_are_backend_errors(fake_openai: FakeOpenAI, status: int, raw: bytes | None, fragment: str) -> None:
    fake_openai.status, fake_openai.raw = status, raw
    gen = OpenAIGenerator(base_url=fake_openai.base_url, model="m")
    with pytest.raises(BackendError) as info:
        gen.generate(["p"])
    assert fragment in info.value.message and fake_openai.base_url in info.value.message
    if status == 500:
        assert "model exploded" in info.value.message  # the server's own words


@pytest.mark.parametrize("raw", [
    b"{}",
    b'{"choices": null}',
    b'{"choices": [null, 5, "x"]}',
    b'{"choices": [{"text": null}, {"text": 7}]}',
    b'{"error": {"message": "overloaded"}}',
])
def test_malformed_choices_are_empty_completions(fake_openai: FakeOpenAI, raw: bytes) -> None:
    fake_openai.raw = raw
    assert OpenAIGenerator(base_url=fake_openai.base_url, model="m").generate(["p"], n=2) == [["", ""]]


def test_unreachable_server(closed_port: int) -> None:
    url = f"http://127.0.0.1:{closed_port}/v1"
    gen = OpenAIGenerator(base_url=url, model="m", timeout_s=5)
    for call in (gen.load, lambda: gen.generate(["p"])):
        with pytest.raises(BackendError) as info:
            call()
        assert f"cannot reach model server {url}" in info.value.message
        assert "server running" in info.value.hint


@pytest.mark.parametrize("url, fragment", [
    ("", "needs a server URL"),
    ("ftp://example.org/v1", "not an http(s) URL"),
    ("localhost:8000/v1", "not an http(s) URL"),
    ("http://", "not an http(s) URL"),
    ("http:///v1", "not a valid URL"),
    ("http://[::1/v1", "not a valid URL"),
    ("http://bad host/v1", "not a valid URL"),
    ("http://127.0.0.1:abc/v1", "not a valid URL"),
    ("http://127.0.0.1:99999/v1", "not a valid URL"),
    ("http://127.0.0.1:8000/v1\n", "not a valid URL"),
])
def test_bad_url_is_a_usage_error(url: str, fragment: str) -> None:
    with pytest.raises(UsageError) as info:
        OpenAIGenerator(base_url=url)
    assert fragment in info.value.message


def test_unknown_api_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="unknown api"):
        OpenAIGenerator(base_url="http://127.0.0.1:1/v1", api="rpc")


# -- choosing a backend ------------------------------------------------------------------------


@pytest.mark.parametrize("kwargs, error, fragment", [
    ({"backend": "tensorflow"}, UsageError, "unknown backend 'tensorflow'"),
    ({"backend": ""}, UsageError, "unknown backend"),
    ({"backend": "hf", "base_url": "http://127.0.0.1:1/v1"}, UsageError, "--base-url is for the openai backend"),
    ({"backend": "openai", "base_url": "http://127.0.0.1:1/v1", "adapter": "models/x"}, UsageError, "--adapter"),
    ({"backend": "openai"}, UsageError, "needs a server URL"),
    ({"backend": "hf", "model": "/no/such/model", "adapter": "none"}, BackendError, "model not found"),
    ({"backend": "hf", "adapter": "/no/such/adapter"}, BackendError, "adapter not found"),
])
def test_make_generator_errors(kwargs: dict, error: type, fragment: str) -> None:
    backend = kwargs.pop("backend")
    with pytest.raises(error, match=fragment):
        make_generator(backend, **kwargs)


def test_make_generator_builds_without_loading(fake_openai: FakeOpenAI) -> None:
    hf = make_generator("hf", adapter="none")
    assert isinstance(hf, HFGenerator) and not hf.loaded
    assert hf.info["tuned"] is False and hf.info["adapter"] is None
    oa = make_generator("openai", base_url=fake_openai.base_url, adapter="auto")
    assert isinstance(oa, OpenAIGenerator)
    assert fake_openai.requests == []  # nothing contacted before load()


def test_resolve_adapter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for none in (None, "", "none"):
        assert resolve_adapter(none) is None
    with pytest.raises(BackendError, match="adapter not found"):
        resolve_adapter(str(tmp_path / "missing"))
    empty = tmp_path / "not-an-adapter"
    empty.mkdir()
    with pytest.raises(BackendError, match="no adapter_config.json"):
        resolve_adapter(str(empty))
    a_file = tmp_path / "file.bin"
    a_file.write_bytes(b"x")
    with pytest.raises(BackendError, match="no adapter_config.json"):
        resolve_adapter(str(a_file))
    good = tmp_path / "mine"
    good.mkdir()
    (good / "adapter_config.json").write_text("{}")
    assert resolve_adapter(str(good)) == good
    # names and "auto" look in $MATHLLM_MODELS
    models = tmp_path / "models"
    monkeypatch.setenv("MATHLLM_MODELS", str(models))
    assert resolve_adapter("auto") is None  # no default adapter installed: the base model
    (models / "default").mkdir(parents=True)
    (models / "default" / "adapter_config.json").write_text("{}")
    (models / "physics").mkdir()
    (models / "physics" / "adapter_config.json").write_text("{}")
    assert resolve_adapter("auto") == models / "default"
    monkeypatch.chdir(tmp_path)  # so that the name "physics" is not a path here
    assert resolve_adapter("physics") == models / "physics"


@pytest.mark.parametrize("text, stop, cut", [
    ("answer = 1\n```\nmore", STOP, "answer = 1\n```"),
    ("answer = 1\n### Problem\n```", STOP, "answer = 1\n### "),
    ("answer = 1", STOP, "answer = 1"),
    ("", STOP, ""),
    ("abc", [], "abc"),
])
def test_cut(text: str, stop: list[str], cut: str) -> None:
    assert _cut(text, stop) == cut


# -- dynamic batching ----------------------------------------------------------------------------


class RecordingInner:
    """A fake inner generator that records its calls and answers ``out:<prompt>``."""

    def __init__(self, fail: BaseException | None = None, delay_s: float = 0.0) -> None:
        self.calls: list[dict] = []
        self.loads: list = []
        self.fail = fail
        self.delay_s = delay_s
        self.info = {"backend": "recording"}

    def load(self, progress=None) -> None:
        self.loads.append(progress)

    def generate(self, prompts, *, n=1, max_new_tokens=512, temperature=0.0, stop=None):
        self.calls.append({"prompts": list(prompts), "n": n, "max_new_tokens": max_new_tokens,
                           "temperature": temperature, "stop": stop})
        time.sleep(self.delay_s)
        if self.fail is not None:
            raise self.fail
        return [[f"out:{p}:{i}" for i in range(n)] for p in prompts]


def _concurrently(fn, args: list) -> list:
    """Call ``fn(arg)`` from one thread per arg, all released at once; results in order."""
    barrier = threading.Barrier(len(args))
    results: list = [None] * len(args)

    def worker(i: int, arg) -> None:
        barrier.wait()
        try:
            results[i] = fn(arg)
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            results[i] = exc

    threads = [threading.Thread(target=worker, args=(i, a)) for i, a in enumerate(args)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return results


def test_batching_merges_concurrent_calls_into_one() -> None:
    inner = RecordingInner()
    batcher = BatchingGenerator(inner, max_batch=8, wait_s=10.0)
    # 4 threads x (1 prompt, n=2) = 8 sequences = max_batch: merged, and sent without waiting longer
    results = _concurrently(lambda i: batcher.generate([f"p{i}"], n=2, max_new_tokens=64), list(range(4)))
    assert len(inner.calls) == 1
    call = inner.calls[0]
    assert sorted(call["prompts"]) == ["p0", "p1", "p2", "p3"] and call["n"] == 2 and call["max_new_tokens"] == 64
    for i, res in enumerate(results):
        assert res == [[f"out:p{i}:0", f"out:p{i}:1"]]  # every caller gets its own completions


def test_batching_keeps_different_settings_apart() -> None:
    inner = RecordingInner()
    batcher = BatchingGenerator(inner, max_batch=8, wait_s=0.3)
    results = _concurrently(lambda t: batcher.generate([f"t{t}"], temperature=t), [0.0, 0.7])
    assert results == [[["out:t0.0:0"]], [["out:t0.7:0"]]]
    assert len(inner.calls) == 2 and {c["temperature"] for c in inner.calls} == {0.0, 0.7}


def test_batching_respects_max_batch() -> None:
    inner = RecordingInner()
    batcher = BatchingGenerator(inner, max_batch=2, wait_s=0.2)
    results = _concurrently(lambda i: batcher.generate([f"p{i}"]), list(range(4)))
    assert results == [[[f"out:p{i}:0"]] for i in range(4)]
    assert all(len(c["prompts"]) <= 2 for c in inner.calls) and sum(len(c["prompts"]) for c in inner.calls) == 4


def test_batching_propagates_errors_to_every_caller_and_recovers() -> None:
    inner = RecordingInner(fail=RuntimeError("CUDA out of memory"))
    batcher = BatchingGenerator(inner, max_batch=3, wait_s=10.0)
    results = _concurrently(lambda i: batcher.generate([f"p{i}"]), list(range(3)))
    assert len(inner.calls) == 1
    assert all(isinstance(r, RuntimeError) and "out of memory" in str(r) for r in results)
    inner.fail = None  # the batching thread survived the error
    batcher.wait_s = 0.01
    assert batcher.generate(["again"]) == [["out:again:0"]]


def test_batching_load_and_info_delegate() -> None:
    inner = RecordingInner()
    batcher = BatchingGenerator(inner)
    cb = lambda msg, frac: None
    batcher.load(cb)
    assert inner.loads == [cb] and batcher.info is inner.info


def test_an_adapter_is_prompted_in_the_style_it_was_trained_with(tmp_path) -> None:
    import json as _json

    from mathllm.errors import BackendError
    from mathllm.generate import adapter_prompt_style

    assert adapter_prompt_style(None) == "mathllm-v1"  # untuned: the full header
    a = tmp_path / "a"
    a.mkdir()
    assert adapter_prompt_style(a) == "mathllm-v1"  # trained elsewhere (no mathllm.json)
    (a / "mathllm.json").write_text(_json.dumps({"prompt_style": "mathllm-v2"}))
    assert adapter_prompt_style(a) == "mathllm-v2"
    (a / "mathllm.json").write_text(_json.dumps({"prompt_style": "mathllm-v9"}))
    with pytest.raises(BackendError, match="mathllm-v9"):
        adapter_prompt_style(a)


@pytest.mark.parametrize("flags, fast", [
    ("flags\t: fpu sse avx2 avx512f avx512_bf16 amx_tile", True),
    ("flags\t: fpu sse avx2 amx_bf16 amx_tile amx_int8", True),
    ("flags\t: fpu sse avx2 avx512f", False),
    ("", False),
])
def test_bf16_hardware_is_read_from_cpu_flags(flags: str, fast: bool) -> None:
    from mathllm.models import cpu_has_fast_bf16

    assert cpu_has_fast_bf16(flags) is fast


def test_auto_dtype_follows_the_cpu_and_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    import torch

    from mathllm import models
    from mathllm.errors import BackendError

    monkeypatch.delenv("MATHLLM_DTYPE", raising=False)
    monkeypatch.setattr(models, "cpu_has_fast_bf16", lambda: True)
    assert models.choose_dtype("auto") is torch.bfloat16
    monkeypatch.setattr(models, "cpu_has_fast_bf16", lambda: False)
    assert models.choose_dtype("auto") is torch.float32
    assert models.choose_dtype("bf16") is torch.bfloat16
    monkeypatch.setenv("MATHLLM_DTYPE", "bfloat16")
    assert models.choose_dtype("auto") is torch.bfloat16 and models.choose_dtype("float32") is torch.float32
    monkeypatch.setenv("MATHLLM_DTYPE", "int3")
    with pytest.raises(BackendError, match="unknown dtype"):
        models.choose_dtype("auto")


CHAIN = "".join(f"hours_room_{i} = hours_room_{i - 1} + hours_room_{i}\n" for i in range(2, 10))
DAYS = "".join(f"temp_{d} = 1{i}.5  # daily high temperature for {d} [degC]\n"
               for i, d in enumerate(["mon", "tue", "wed", "thu", "fri", "sat", "sun", "mon2"]))


@pytest.mark.parametrize("text, stops", [
    (CHAIN, True),                                    # eight lines of one shape: a runaway
    ("x = 1\n" + CHAIN, True),
    (CHAIN + "hours_room_10 = hours", True),          # the line being written does not count
    ("\n".join(CHAIN.splitlines()[:7]) + "\n", False),  # seven are not enough
    (DAYS, False),                                    # data lines differ in their comments
    ("\n" * 9, False),                               # blank lines are no program
    ("", False),
])
def test_a_runaway_program_is_stopped(text: str, stops: bool) -> None:
    assert runaway(text) is stops


def test_batching_close_serves_what_is_queued_then_stops() -> None:
    inner = RecordingInner()
    batcher = BatchingGenerator(inner, max_batch=8, wait_s=0.01)
    assert batcher.generate(["a"]) == [["out:a:0"]]
    batcher.close()
    batcher._thread.join(5)
    assert not batcher._thread.is_alive()
