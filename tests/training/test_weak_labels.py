"""Weak PLOVER labels of the quad sentences (real spaCy model and shipped verb dictionary)."""

from __future__ import annotations

import pytest

from harmattan.training.weak_labels import weak_plover_labels

pytest.importorskip("spacy")

CASES = [
    # (sentence, gold quad class, expected weak PLOVER label)
    ("Rebels attacked an army base on Tuesday.", 4, "FIGHT"),
    ("The two countries signed a trade agreement on Monday.", 1, "AGREE"),
    ("Police arrested ten protesters in the capital.", 4, "COERCE"),
    # The gold quad class chooses between the acts the sentence states.
    ("The minister threatened to bomb the rebel camps.", 3, "THREATEN"),
    ("The minister threatened to bomb the rebel camps.", 4, "FIGHT"),
    # No act of the gold quad class: no label.
    ("The army bombed the rebel camps.", 1, None),
    ("The weather was sunny in the capital.", 2, None),
    # Quad 0 (make a statement) has no PLOVER type, whatever the verbs say.
    ("The minister said the talks were going well.", 0, None),
    ("Rebels attacked an army base on Tuesday.", 0, None),
]


@pytest.mark.models
def test_weak_plover_labels():
    labels = weak_plover_labels([text for text, _, _ in CASES], [quad for _, quad, _ in CASES])
    assert labels == [expected for _, _, expected in CASES]


def test_lengths_must_agree():
    with pytest.raises(ValueError, match="2 texts but 1 quad classes"):
        weak_plover_labels(["a", "b"], [1])


def test_out_of_fold_table_has_one_row_per_distinct_sentence():
    import numpy as np

    from harmattan.events.classifier import text_key
    from harmattan.training.event_classifier import TrainingData, out_of_fold_table

    data = TrainingData(quad_texts=["A b.", "C  d.", "A b."], quad_labels=[1, 2, 1],
                        plover_texts=["E f."], plover_labels=[0], plover_contexts=[[]])
    predictions = {kind: {name: np.arange(n * dim, dtype=np.float32).reshape(n, dim)
                          for name, dim in (("quad_logits", 5), ("plover_logits", 18),
                                            ("context_logits", 1))}
                   for kind, n in (("quad", 3), ("plover", 1))}
    table = out_of_fold_table(data, predictions)
    assert list(table["key"]) == [text_key("A b."), text_key("C d."), text_key("E f.")]
    assert table["plover_logits"].shape == (3, 18)
    assert table["quad_logits"].dtype == np.float32
    assert table["quad_logits"][2].tolist() == [0.0, 1.0, 2.0, 3.0, 4.0]  # the PLOVER row
