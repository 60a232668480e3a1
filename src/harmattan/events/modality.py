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
    "willing", "ready", "prepared", "determined", "swear", "agree", "offer", "propose", "slate",
}
#: Words that tell a future act only with the act's verb as their infinitive ("is set to take
#: place", "are due to meet"; not "died due to torture", "set fire to").
_FUTURE_FRAMES = {"set", "due"}
_HYPOTHETICAL_LEMMAS = {"consider", "threaten", "warn", "propose", "suggest", "mull", "weigh", "offer"}
_NEGATING_LEMMAS = {"refuse", "fail", "decline", "deny", "reject"}
_NEGATORS = {"not", "n't", "never", "no"}
#: Subjects that deny the act was done by anyone ("nobody was arrested").
_NO_ONE = {"nobody", "none", "nothing", "noone"}
#: Words that say an act came close and did not happen ("nearly arrested", "almost killed").
_ALMOST = {"nearly", "almost"}


#: Verbs that make a threat: the condition they state is the threat's.
_THREAT_LEMMAS = {"threaten", "warn"}


def _told_as_done(trigger: Token) -> bool:
    """A verb in the past with its own subject ("reports suggest that CJNG operatives
    kidnapped high-ranking members", "warned that gunmen had attacked the town"): an act
    reported, with a hedge, not one proposed or threatened ("threatened to attack")."""
    if not any(c.dep_ in {"nsubj", "nsubjpass"} for c in trigger.children):
        return False
    if trigger.tag_ == "VBD":
        return True
    return trigger.tag_ == "VBN" and any(
        c.dep_ in {"aux", "auxpass"} and c.lower_ in {"had", "has", "have", "was", "were"} for c in trigger.children)


#: Marks of a clause that tells when the act above it happened, not whether.
_TIME_MARKS = {"after", "before", "until", "till", "since", "when", "once", "while"}


def _time_clause(token: Token) -> bool:
    """A finite clause of time with its own subject ("until after they had killed him",
    "before the rebels attacked it"): the verb above does not deny it."""
    return token.dep_ == "advcl" and any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children) and any(
        c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in token.children)


def _no_one(noun: Token) -> bool:
    """A subject that says no one did or suffered the act: "no suspects have been arrested",
    "no one has claimed the attack", "none of the soldiers was charged", "not one gang member
    has been convicted", "not a single officer was punished" (not "not only the army …")."""
    if noun.lower_ in _NO_ONE:
        return True
    for child in noun.children:
        if child.lower_ == "no" and child.dep_ == "det":
            return True
        if child.lower_ == "not" and child.dep_ in {"neg", "advmod", "preconj"} and not (
                child.i + 1 < len(child.doc) and child.nbor(1).lower_ in {"only", "just", "least"}):
            return True
        if child.dep_ == "nummod" and child.lower_ == "one" and any(
                g.lower_ == "not" for g in child.children):
            return True
    return False


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


def headline_announced(verb: Token) -> bool:
    """The verb of a headline's announcement, "Mali to Expel French Ambassador": its "to"
    parsed as a modal (nlp/parser.py ``headline_case``)."""
    return any(c.dep_ == "aux" and c.lower_ == "to" and c.tag_ == "MD" and c.i < verb.i for c in verb.children)


@timed("modality")
def read_modality(doc: Doc, trigger_i: int, event_quad: int | None = None) -> Modality:
    trigger = doc[trigger_i]
    negated = hypothetical = future = False
    chain = _chain(trigger)
    if any(c.dep_ == "advmod" and c.lower_ in _ALMOST for c in trigger.children):
        negated = True  # "he was nearly arrested in Rome": the arrest did not happen
    below_time = False  # past a clause of time: "didn't identify him until after they had killed him"
    for token in chain:
        for child in token.children:
            lower = child.lower_
            if (child.dep_ == "neg" or (lower in _NEGATORS and child.dep_ in {"det", "advmod"})) and not below_time:
                negated = True
            if child.dep_ in {"nsubj", "nsubjpass"} and child.i < token.i and not below_time and _no_one(child):
                negated = True  # "no one has claimed the attack", "none of them was charged"
            if child.dep_ == "aux":
                if lower in _HYPOTHETICAL_MODALS:
                    hypothetical = True
                elif lower in _FUTURE_AUX:
                    future = True
                elif lower == "going" or (lower in {"is", "are", "was", "were"} and child.nbor(1).lower_ == "to"):
                    future = True
                elif headline_announced(token):
                    future = True  # a headline's "Mali to Expel French Ambassador" (nlp/parser.py)
            if child.dep_ == "advcl" and not (token.i == trigger.i and trigger.lemma_ in _THREAT_LEMMAS):
                # (not the condition a threat states: "threatened business owners with
                # kidnappings if they refused to pay" is a threat made)
                if any(g.dep_ == "mark" and g.lower_ in _CONDITION_MARKS for g in child.children):
                    hypothetical = True
        if token.i != trigger.i:
            if token.lemma_ in _FUTURE_LEMMAS:
                future = True
            if token.lemma_ in _FUTURE_FRAMES and any(c.dep_ == "xcomp" and c.i in {t.i for t in chain}
                                                      for c in token.children) and (
                    token.lemma_ == "due" or any(c.dep_ == "auxpass" for c in token.children)):
                future = True  # "a march is set to take place Tuesday"
            if token.lemma_ in _HYPOTHETICAL_LEMMAS and event_quad == 4 and not _told_as_done(trigger):
                # "threatened to attack": the attack itself has not happened.
                hypothetical = True
            if token.lemma_ in _NEGATING_LEMMAS and not below_time:
                negated = True
        if _time_clause(token):
            below_time = True
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
