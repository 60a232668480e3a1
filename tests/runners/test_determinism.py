"""An article's events never depend on which other articles share its batch: one by one, all
in one batch, shuffled, in batches of any size — the same events, ids and content."""

from __future__ import annotations

import dataclasses
import random

import pytest

from harmattan.pipeline import code_records
from harmattan.runners.local import code_batch_safely, local_coder
from harmattan.schema import Article, Event

from .conftest import events_by_article

pytestmark = [pytest.mark.models, pytest.mark.slow]


@pytest.fixture(scope="module")
def one_by_one(reference_events: list[Event]) -> list[Event]:
    return reference_events


def test_the_reference_run_codes_events(runner_articles: list[Article], one_by_one: list[Event]) -> None:
    assert len(runner_articles) == 15 + 24
    assert len(one_by_one) > 80
    assert len({e.event_id for e in one_by_one}) == len(one_by_one)


def test_one_batch_gives_the_events_of_one_by_one(runner_articles, one_by_one) -> None:
    assert local_coder().code(runner_articles) == one_by_one


@pytest.mark.parametrize("batch_size", [3, 7])
def test_shuffled_batches_give_the_same_events_per_article(runner_articles, one_by_one,
                                                           batch_size: int) -> None:
    shuffled = list(runner_articles)
    random.Random(batch_size).shuffle(shuffled)
    events = [e for result in code_records(shuffled, on_reject=pytest.fail, workers=1,
                                           batch_size=batch_size)
              for e in result.events]
    assert events_by_article(events) == events_by_article(one_by_one)


def test_two_versions_of_an_article_in_one_batch_are_coded_apart(runner_articles) -> None:
    # An updated report keeps its id; each version gets its own events, once.
    first = next(a for a in runner_articles if a.id == "seed")
    update = dataclasses.replace(first, text=first.text + "\n\nNiger's junta rejected the demand.")
    coder = local_coder()
    events, errors = code_batch_safely(coder, [first, update])
    assert not errors
    assert events == coder.code([first]) + coder.code([update])


_SEED_PROBE = r"""
import json, sys
from harmattan.events.coder import EventCoder
from harmattan.schema import Article
coder = EventCoder().initialize()
lookup = [(key, [" ".join(v.words) for v in verbs]) for key, verbs in sorted(coder.verbs.verbs_.items())]
import datetime
article = Article(id="epp", date=datetime.date(2023, 6, 1), title="", text=sys.argv[1])
events = [e.to_dict() for e in coder.code([article])]
print(json.dumps({"lookup": lookup, "events": events}, sort_keys=True))
"""


def test_events_do_not_depend_on_the_processs_string_hashing() -> None:
    # Python salts str hashes per process (PYTHONHASHSEED): a set's order differs between a
    # worker and its parent, or between two Dask workers.  Nothing may follow that order.
    import json
    import os
    import subprocess
    import sys

    text = ("Although the EPP guerrillas have been stepping up activities in recent years, they "
            "remain little more than a persistent thorn in the state's side. Paraguay's army "
            "stepped up patrols and carried out raids against the group.")
    outputs = []
    for seed in ("1", "5"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", _SEED_PROBE, text], env=env, check=True,
                              capture_output=True, text=True)
        outputs.append(json.loads(done.stdout))
    assert outputs[0]["events"], "the probe sentence codes no event"
    assert outputs[0]["lookup"] == outputs[1]["lookup"]
    assert outputs[0]["events"] == outputs[1]["events"]
