"""A worker that cannot load its models stops the run with the reason, in the parent."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from harmattan.errors import HarmattanError
from harmattan.events.classifier import EventClassifier
from harmattan.events.coder import EventCoder
from harmattan.runners.local import run_batches
from harmattan.schema import Article


def test_a_worker_that_cannot_start_raises_instead_of_hanging(tmp_path: Path) -> None:
    broken = EventCoder(classifier=EventClassifier(model_dir=tmp_path / "no-model"))
    factory = functools.partial(EventCoder.initialize, broken)
    batches = [[Article(id=f"a{i}", text="Soldiers attacked a village.")] for i in range(3)]
    with pytest.raises((HarmattanError, OSError), match="no-model.*labels.json missing"):
        list(run_batches(batches, workers=2, coder_factory=factory))
