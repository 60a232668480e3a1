"""Is the act real, denied, conditional or only announced?

"Military intervention may be necessary if diplomatic efforts fail" is a threat with
``hypothetical=True``, never an intervention; "Mali did not sign" is ``negated``; "will meet"
is ``future``.  Read off the trigger, the verbs that govern it, and their auxiliaries.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from harmattan.perf import timed
from harmattan.schema import Modality

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_HYPOTHETICAL_MODALS = {"may", "might", "could", "would", "should", "must", "can"}
_FUTURE_AUX = {"will", "shall", "'ll"}
_CONDITION_MARKS = {"if", "unless", "whether", "should", "lest"}
_FUTURE_LEMMAS = {
    "plan", "intend", "prepare", "schedule", "expect", "vow", "pledge", "promise", "aim", "seek",
    "willing", "ready", "prepared", "determined", "swear", "agree", "offer", "propose",
}
_HYPOTHETICAL_LEMMAS = {"consider", "threaten", "warn", "propose", "suggest", "mull", "weigh", "offer"}
_NEGATING_LEMMAS = {"refuse", "fail", "decline", "deny", "reject"}
_NEGATORS = {"not", "n't", "never", "no"}
#: Words that say an act came close and did not happen ("nearly arrested", "almost killed").
_ALMOST = {"nearly", "almost"}


def _chain(token: Token, depth: int = 3) -> list[Token]:
    """The trigger and the verbs that govern it through clausal links."""
    chain = [token]
    node = token
    for _ in range(depth):
        if node.dep_ not in {"xcomp", "ccomp", "conj", "pcomp", "advcl", "acl", "relcl", "pobj", "prep",
                             "dobj", "acomp"}:
            break
        if node.head.i == node.i:
            break
        node = node.head
        chain.append(node)
    return chain


@timed("modality")
def read_modality(doc: Doc, trigger_i: int, event_quad: int | None = None) -> Modality:
    trigger = doc[trigger_i]
    negated = hypothetical = future = False
    chain = _chain(trigger)
    if any(c.dep_ == "advmod" and c.lower_ in _ALMOST for c in trigger.children):
        negated = True  # "he was nearly arrested in Rome": the arrest did not happen
    for token in chain:
        for child in token.children:
            lower = child.lower_
            if child.dep_ == "neg" or (lower in _NEGATORS and child.dep_ in {"det", "advmod"}):
                negated = True
            if child.dep_ == "aux":
                if lower in _HYPOTHETICAL_MODALS:
                    hypothetical = True
                elif lower in _FUTURE_AUX:
                    future = True
                elif lower == "going" or (lower in {"is", "are", "was", "were"} and child.nbor(1).lower_ == "to"):
                    future = True
            if child.dep_ == "advcl":
                if any(g.dep_ == "mark" and g.lower_ in _CONDITION_MARKS for g in child.children):
                    hypothetical = True
        if token.i != trigger.i:
            if token.lemma_ in _FUTURE_LEMMAS:
                future = True
            if token.lemma_ in _HYPOTHETICAL_LEMMAS and event_quad == 4:
                # "threatened to attack": the attack itself has not happened.
                hypothetical = True
            if token.lemma_ in _NEGATING_LEMMAS:
                negated = True
    # A noun trigger ("intervention may be necessary"): modals sit on the clause's verb.
    if trigger.pos_ in {"NOUN", "PROPN"}:
        head = trigger.head
        for child in head.children:
            if child.dep_ == "aux" and child.lower_ in _HYPOTHETICAL_MODALS:
                hypothetical = True
            if child.dep_ == "advcl" and any(
                g.dep_ == "mark" and g.lower_ in _CONDITION_MARKS for g in child.children
            ):
                hypothetical = True
            if child.dep_ == "neg":
                negated = True
    return Modality(negated=negated, hypothetical=hypothetical, future=future)
