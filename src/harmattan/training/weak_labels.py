"""Weak PLOVER labels for the CAMEO quad sentences, from the shipped CAMEO verb dictionary.

The quad sentences carry a quad class but no PLOVER type.  The verb dictionary reads a PLOVER
type off most of them; the gold quad class then picks, among the acts the dictionary finds, the
ones of the right family, so a sentence about a threat is not labelled with the attack it
mentions.  Rule, for a sentence with gold quad class ``q``:

1. ``q == 0`` (make a statement, CAMEO 01-02) has no PLOVER type: no label;
2. keep the matches of :class:`harmattan.events.verbs.VerbPatternCoder` whose PLOVER type
   (:func:`harmattan.events.cameo.cameo_to_plover`) lies in quad class ``q``
   (:data:`harmattan.schema.PLOVER_QUAD`);
3. label = PLOVER type of :func:`harmattan.events.verbs.best_match` over them; none kept → no label.

On the 164 PLOVER gold sentences (gold quad class from the gold type) the rule labels and is
right 71 % of the time, so these labels train the PLOVER head with a reduced weight
(``TrainConfig.weak_plover_weight``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from harmattan.events.cameo import cameo_to_plover
from harmattan.events.verbs import VerbPatternCoder, best_match
from harmattan.schema import PLOVER_QUAD


def weak_plover_label(doc: Any, quad_class: int, coder: VerbPatternCoder) -> str | None:
    """The PLOVER type the dictionary reads in ``doc`` within gold ``quad_class``, or None."""
    if quad_class == 0:
        return None
    in_class = []
    for match in coder.match(doc):
        plover = cameo_to_plover(match.code)
        if plover is not None and PLOVER_QUAD.get(plover.event) == quad_class:
            in_class.append(match)
    winner = best_match(in_class, doc)
    if winner is None:
        return None
    plover = cameo_to_plover(winner.code)
    return plover.event if plover is not None else None


def weak_plover_labels(texts: Iterable[str], quad_classes: Iterable[int]) -> list[str | None]:
    """:func:`weak_plover_label` of each sentence (parsed with the runtime's spaCy pipeline)."""
    from harmattan.nlp.parser import load_spacy

    texts, quad_classes = list(texts), list(quad_classes)
    if len(texts) != len(quad_classes):
        raise ValueError(f"{len(texts)} texts but {len(quad_classes)} quad classes")
    coder = VerbPatternCoder().initialize()
    docs = load_spacy().pipe(texts, batch_size=64, disable=["ner"])
    return [weak_plover_label(doc, quad, coder) for doc, quad in zip(docs, quad_classes)]
