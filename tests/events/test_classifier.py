"""The shipped event classifier loads and reads clear sentences right.

The sentences below are written for these tests; none comes from the training data.
"""

from __future__ import annotations

import math

import pytest

from harmattan.events.classifier import DEFAULT_MODEL_DIR, EventClassifier, SentencePrediction
from harmattan.schema import PLOVER_EVENTS, QUAD_CLASSES

pytestmark = pytest.mark.models


@pytest.fixture(scope="module")
def classifier() -> EventClassifier:
    return EventClassifier(threads=1).initialize()


CLEAR_CASES = [
    pytest.param("Rebels attacked an army base, killing five soldiers.", {4}, id="attack-material-conflict"),
    pytest.param("Gunmen ambushed a police convoy and shot dead three officers near the border.", {4},
                 id="ambush-material-conflict"),
    pytest.param("The two presidents signed a defence cooperation agreement.", {1, 2},
                 id="agreement-cooperation"),
    pytest.param("The opposition leader sharply criticised the government over the rigged vote.", {3},
                 id="criticism-verbal-conflict"),
    pytest.param("The World Food Programme delivered tonnes of food aid to displaced families.", {2},
                 id="aid-material-cooperation"),
]


@pytest.mark.parametrize(("sentence", "expected"), CLEAR_CASES)
def test_clear_sentences_get_the_right_quad_class(
    classifier: EventClassifier, sentence: str, expected: set[int]
) -> None:
    [prediction] = classifier.predict([sentence])
    assert prediction.quad_class in expected, prediction.quad_probs


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param("Rebels attacked an army base, killing five soldiers.", {"ASSAULT", "FIGHT"}, id="fight"),
        pytest.param("Thousands of workers marched through the capital to protest against the new tax.",
                     {"PROTEST"}, id="protest"),
    ],
)
def test_clear_sentences_get_the_right_plover_event(
    classifier: EventClassifier, sentence: str, expected: set[str]
) -> None:
    [prediction] = classifier.predict([sentence])
    assert prediction.plover_event in expected, sorted(
        prediction.plover_probs.items(), key=lambda kv: -kv[1]
    )[:3]


def test_probabilities_are_distributions(classifier: EventClassifier) -> None:
    predictions = classifier.predict([case.values[0] for case in CLEAR_CASES])
    for prediction in predictions:
        assert isinstance(prediction, SentencePrediction)
        assert len(prediction.quad_probs) == len(QUAD_CLASSES)
        assert math.isclose(sum(prediction.quad_probs), 1.0, abs_tol=1e-6)
        assert list(prediction.plover_probs) == list(PLOVER_EVENTS)
        assert math.isclose(sum(prediction.plover_probs.values()), 1.0, abs_tol=1e-6)
        assert all(0.0 <= p <= 1.0 for p in prediction.context_probs.values())


def test_same_input_gives_identical_output(classifier: EventClassifier) -> None:
    sentences = [case.values[0] for case in CLEAR_CASES]
    assert classifier.predict(sentences) == classifier.predict(sentences)


def test_output_does_not_depend_on_the_other_sentences(classifier: EventClassifier) -> None:
    # Dynamic int8 quantization scales activations per input tensor, so each sentence runs
    # alone (nlp/encoder.py): its probabilities are exactly the same in any company and order.
    sentences = [case.values[0] for case in CLEAR_CASES]
    one_by_one = [classifier.predict([s])[0] for s in sentences]
    assert classifier.predict(sentences) == one_by_one
    assert classifier.predict(sentences[::-1]) == one_by_one[::-1]
    longer = ["The ministry said talks with the rebels would resume in the capital next week, "
              "after months of fighting in the north of the country."]
    assert classifier.predict(longer + sentences)[1:] == one_by_one


def test_empty_batch_gives_empty_list(classifier: EventClassifier) -> None:
    assert classifier.predict([]) == []


def test_shipped_artifact_is_complete_and_small() -> None:
    names = {"model.onnx", "tokenizer.json", "labels.json", "metrics.json", "MODEL_CARD.md"}
    assert names <= {p.name for p in DEFAULT_MODEL_DIR.iterdir()}
    size = sum(p.stat().st_size for p in DEFAULT_MODEL_DIR.iterdir() if p.is_file())
    assert size < 30 * 1024 * 1024


def test_predict_before_initialize_says_what_to_do() -> None:
    with pytest.raises(RuntimeError, match="initialize"):
        EventClassifier().predict(["Troops crossed the border."])
