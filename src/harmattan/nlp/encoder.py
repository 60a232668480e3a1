"""Run a transformer sentence model shipped as ONNX, with its ``tokenizers`` tokenizer.

The model is any ONNX graph whose inputs are a subset of ``input_ids``, ``attention_mask`` and
``token_type_ids`` (int64, shape ``[batch, sequence]``); whatever it outputs is returned, row
for row in the order of the input texts.  Torch is never needed at run time.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

#: Sentences per forward pass.  One: a dynamically quantised (int8) model scales its
#: activations per input tensor, so in a batch of several sentences each one's output moves
#: with the others and with the padding (logits by up to 1.3, one quad class in 14 flipped on
#: InSight Crime sentences).  Alone, a sentence always gets the same output, whatever else is
#: coded with it, and without padding it is as fast as sorted batches of 32 on one core
#: (docs/benchmarks.md, "The sentence model reads each sentence alone").
DEFAULT_BATCH_SIZE = 1


class OnnxSentenceModel:
    """A deterministic runner for an ONNX sentence model.

    With ``batch_size=1`` (the default) each text is run alone, without padding, so its output
    depends on that text only; larger batches are sorted by length and padded per batch.

    The constructor only stores its arguments; :meth:`initialize` loads the session and the
    tokenizer, so building the object is cheap and loading failures happen at a named step.
    """

    def __init__(
        self,
        model_path: str | Path,
        tokenizer_path: str | Path,
        max_length: int = 128,
        threads: int = 1,
    ) -> None:
        self.model_path = model_path
        self.tokenizer_path = tokenizer_path
        self.max_length = max_length
        self.threads = threads

    def initialize(self) -> OnnxSentenceModel:
        """Create the onnxruntime session and the tokenizer; returns ``self``."""
        import onnxruntime as ort
        from tokenizers import Tokenizer

        model_path = Path(self.model_path)
        tokenizer_path = Path(self.tokenizer_path)
        for path, what in ((model_path, "ONNX model"), (tokenizer_path, "tokenizer")):
            if not path.is_file():
                raise FileNotFoundError(
                    f"{what} not found at {path}; reinstall harmattan (`pip install -e .`) "
                    "or point the model directory at a folder that has it"
                )
        options = ort.SessionOptions()
        options.intra_op_num_threads = self.threads
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        self.session_ = ort.InferenceSession(
            str(model_path), sess_options=options, providers=["CPUExecutionProvider"]
        )
        self.input_names_ = [i.name for i in self.session_.get_inputs()]
        self.output_names_ = [o.name for o in self.session_.get_outputs()]
        tokenizer = Tokenizer.from_file(str(tokenizer_path))
        tokenizer.enable_truncation(max_length=self.max_length)
        # Padding is done by hand per batch (see run), so the tokenizer must not pad.
        tokenizer.no_padding()
        self.tokenizer_ = tokenizer
        return self

    def encode(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Token ids and attention mask for ``texts``, padded to the longest one (int64)."""
        encodings = self.tokenizer_.encode_batch(list(texts))
        width = max((len(e.ids) for e in encodings), default=0)
        ids = np.zeros((len(encodings), width), dtype=np.int64)
        mask = np.zeros((len(encodings), width), dtype=np.int64)
        for row, encoding in enumerate(encodings):
            ids[row, : len(encoding.ids)] = encoding.ids
            mask[row, : len(encoding.ids)] = 1
        return ids, mask

    def run(self, texts: list[str], batch_size: int = DEFAULT_BATCH_SIZE) -> dict[str, np.ndarray]:
        """Every model output for ``texts``, stacked along the first axis in input order.

        Outputs with a sequence axis (e.g. ``last_hidden_state``) differ in width between
        batches, so they are padded with zeros to the widest batch before stacking.
        """
        if not hasattr(self, "session_"):
            raise RuntimeError("OnnxSentenceModel.run called before initialize()")
        if not texts:
            return {name: np.zeros((0,), dtype=np.float32) for name in self.output_names_}
        lengths = [len(t) for t in texts]
        # Stable sort, so equal-length texts keep their relative order: same input, same batches.
        order = sorted(range(len(texts)), key=lambda i: lengths[i])
        chunks: dict[str, list[np.ndarray]] = {name: [] for name in self.output_names_}
        for start in range(0, len(order), batch_size):
            batch_index = order[start : start + batch_size]
            ids, mask = self.encode([texts[i] for i in batch_index])
            feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            outputs = self.session_.run(
                self.output_names_, {k: v for k, v in feeds.items() if k in self.input_names_}
            )
            for name, value in zip(self.output_names_, outputs):
                chunks[name].append(value)
        inverse = np.empty(len(order), dtype=np.int64)
        inverse[np.asarray(order)] = np.arange(len(order))
        results: dict[str, np.ndarray] = {}
        for name, parts in chunks.items():
            if parts[0].ndim >= 2 and len({p.shape[1] for p in parts}) > 1:
                width = max(p.shape[1] for p in parts)
                parts = [
                    np.pad(p, [(0, 0), (0, width - p.shape[1])] + [(0, 0)] * (p.ndim - 2))
                    for p in parts
                ]
            results[name] = np.concatenate(parts, axis=0)[inverse]
        return results
