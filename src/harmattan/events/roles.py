"""Who did it and to whom: source and target actors of a trigger, from the dependency parse.

The source is the actor in the trigger's subject (or the ``by`` agent of a passive); targets are
the actors in its objects and prepositional complements.  A trigger without a subject of its
own (``urging them``, ``by authorizing``, ``agreed to meet``) inherits the subject of the verb it
depends on.  Noun triggers (``talks with``, ``an attack on``) take the subject of their governing
verb and the actors in their own complements.  When the parse gives no answer, the nearest actor
before the trigger is the source and the nearest after it the target.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

from harmattan.events.verbs import finite_verb_read_as_participle as _finite_verb_read_as_participle
from harmattan.events.verbs import PEOPLE, headline_passive, root_read_for_participle, shared_object
from harmattan.perf import timed
from harmattan.schema import Actor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_SUBJECT_DEPS = {"nsubj", "csubj"}
_PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
_OBJECT_DEPS = {"dobj", "dative", "attr", "oprd", "obj", "iobj"}
# Prepositions whose object is a target ("attacked positions near X" is a place, not a target).
_TARGET_PREPS = {
    "with", "to", "against", "on", "upon", "into", "for", "at", "toward", "towards", "from",
    "between", "among", "of", "over", "in",
}
# Verbs whose passive form reads as active: "has been engaged in negotiations with".
#: Verbs whose object does what their infinitive says ("led Mexico to extradite", "forced the
#: troops to withdraw").
_OBJECT_CONTROL = frozenset("lead prompt push drive cause spur force compel oblige allow enable permit "
                            "persuade convince encourage urge ask invite order tell authorize "
                            "authorise pressure inspire".split())
_ACTIVE_PASSIVES = {"engage", "involve", "commit", "determine", "prepare", "resolve", "poise"}
_REPORTING_LEMMAS = {"say", "tell", "announce", "report", "state", "claim", "add", "declare", "confirm"}
#: Harm done to people: told in the passive by a side's spokesman, it is the side's loss, not
#: its act (an arrest its government reports is its own act).
_HARM_LEMMAS = {"kill", "wound", "injure", "attack", "ambush", "abduct", "kidnap", "massacre",
                "murder", "behead", "shoot", "bomb", "target", "hurt", "slaughter"}


@dataclass
class Roles:
    source: list[Actor]
    target: list[Actor]
    #: How the roles were found: "parse", "inherited", "noun", "nearest" (for the confidence).
    how: str


def actor_tokens(doc: Doc, actors: list[Actor], offset: int) -> list[tuple[Actor, int, int]]:
    """Map actors (article offsets) onto token index ranges of the sentence doc."""
    mapped = []
    for actor in actors:
        if actor.start is None or actor.end is None:
            continue
        span = doc.char_span(actor.start - offset, actor.end - offset, alignment_mode="expand")
        if span is not None and len(span):
            mapped.append((actor, span.start, span.end))
    return mapped


def _subtree_range(token: Token) -> tuple[int, int]:
    return token.left_edge.i, token.right_edge.i + 1


def _actors_in(mapped: list[tuple[Actor, int, int]], lo: int, hi: int,
               exclude: tuple[int, int] | None = None) -> list[Actor]:
    # An actor belongs to a phrase when it starts inside it: dictionary phrases can run past
    # the parse's phrase ("troops from Niger" where the parse has "troops" + "from Niger").
    found = []
    for actor, start, _ in mapped:
        if lo <= start < hi:
            if exclude and exclude[0] <= start < exclude[1]:
                continue
            found.append(actor)
    return found


def _place_or_passive_clause(clause: Token) -> bool:
    """A relative clause whose noun is its place or time ("where", "when") or suffers its act
    (a passive)."""
    return any((c.dep_ == "advmod" and c.lower_ in {"where", "when", "whereby"})
               or c.dep_ in {"nsubjpass", "auxpass"} for c in clause.children)


_DASHES = frozenset({"--", "—", "–"})


def _object_clause(clause: Token) -> bool:
    """A relative clause with a subject of its own, its noun the object ("a woman he claims
    they shot", "the man police arrested"): the noun is not the doer."""
    return any(c.dep_ in {"nsubj", "csubj"} and c.lower_ not in _RELATIVE_WORDS for c in clause.children)


_RELATIVE_WORDS = frozenset({"who", "that", "which", "whom", "whose"})


def _subject_of(verb: Token) -> tuple[Token | None, bool]:
    """The subject token of ``verb`` and whether it is an agent (passive ``by`` phrase)."""
    subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
    if len(subjects) > 1 and any(t.text in _DASHES for t in verb.doc[subjects[0].i:verb.i]):
        # two subjects are a misparse of a parenthesis ("With the help of the CICIG -- a
        # United Nations body working with the government -- the Attorney General's office
        # took Portillo into custody"): the verb's own is the one next to it
        return max((c for c in subjects if c.i < verb.i), key=lambda c: c.i, default=subjects[0]), True
    if subjects:
        return subjects[0], True
    for child in [*verb.children, *_shared_agent(verb)]:
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild, True
    if any(c.dep_ == "auxpass" for c in verb.children):
        # "the MS13 was designated a transnational criminal organization by the US State
        # Department": the parse hung the passive's "by" on what it was named
        for child in verb.children:
            if child.dep_ in {"dobj", "oprd", "attr"}:
                for prep in child.children:
                    if prep.dep_ == "prep" and prep.lower_ == "by":
                        for pobj in prep.children:
                            if pobj.dep_ == "pobj":
                                return pobj, True
    return None, False


def _shared_agent(verb: Token) -> list[Token]:
    """The "by" phrase of the passive coordinated right after ``verb``, which ``verb`` shares
    ("Pernalete was hit and killed by a canister shot by the National Guard")."""
    if verb.tag_ != "VBN" or any(c.dep_ == "agent" for c in verb.children):
        return []
    after = [c for c in verb.children if c.i > verb.i]
    conj = [c for c in after if c.dep_ == "conj" and c.tag_ == "VBN"]
    if len(conj) != 1 or any(c.dep_ not in {"cc", "conj", "punct"} for c in after):
        return []
    return [c for c in conj[0].children if c.dep_ == "agent"]


#: Words that make a clause tell when or why the main clause's act happened.
_TIME_MARKS = frozenset("after before when while since because until once as".split())


def _passive_told_as_a_time(verb: Token) -> bool:
    """``verb`` is an agentless passive in a clause that tells when or why the sentence's act
    happened ("… after he was arrested in Venezuela")."""
    return verb.dep_ == "advcl" and is_agentless_passive(verb) and any(
        c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in verb.children)


def _reduced_passive(verb: Token) -> bool:
    """A past participle that hangs below the sentence's verb with a subject but no auxiliary
    and no object: a reduced passive the parse read as active ("was among more than a dozen
    people killed in a massacre": "people" nsubj of "killed")."""
    if verb.dep_ == "ROOT" and verb.lemma_ not in _ACTIVE_PASSIVES and headline_passive(verb):
        # "Tijuana Cartel Leader Extradited to US": the headline's "was" left out (not when
        # the verb shares the next verb's object: "Police arrested and charged two officers")
        return any(c.dep_ == "nsubj" for c in verb.children) and not _shared_object(verb, set())
    if verb.tag_ != "VBN" or verb.dep_ in {"ROOT", "conj", "relcl"} or verb.lemma_ in _ACTIVE_PASSIVES:
        return False
    deps = {c.dep_ for c in verb.children}
    return "nsubj" in deps and not deps & {"aux", "auxpass", "dobj", "dative", "agent"}


def is_agentless_passive(verb: Token) -> bool:
    """``verb`` is a passive with no ``by`` agent: "was arrested in Bogota", "were killed",
    and the second verb of "is believed to … and was arrested"."""
    if verb.tag_ != "VBN" or verb.lemma_ in _ACTIVE_PASSIVES:
        return False
    deps = {c.dep_ for c in verb.children}
    if "agent" in deps or _shared_agent(verb):
        return False
    if deps & ({"auxpass"} | _PASSIVE_SUBJECT_DEPS):
        return True
    # "was arrested and charged": the second verb shares the first one's passive auxiliary.
    return verb.dep_ == "conj" and verb.head.tag_ == "VBN" and "agent" not in deps and bool(
        {c.dep_ for c in verb.head.children} & ({"auxpass"} | _PASSIVE_SUBJECT_DEPS))


def _a_place_where(actor: Actor, doc: Doc, start: int, end: int) -> bool:
    """A country or a town (of either dictionary, no body, no office) after a preposition of
    place."""
    return (actor.entry or "").startswith(("countries:", "phoenix:countries:")) and not actor.sector \
        and _prep_of(doc, start, end) in _WHERE_PREPS


def _a_thing_as_subject(verb: Token | None) -> bool:
    """``verb``'s subject is a common noun for a thing, no person nor group ("strikes",
    "the explosion")."""
    if verb is None:
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.pos_ == "NOUN" and subject.lower_ not in PEOPLE \
        and subject.lemma_.lower() not in PEOPLE


def _passive_subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in _PASSIVE_SUBJECT_DEPS:
            if child.lower_ in _RELATIVE_WORDS and verb.dep_ == "relcl" and verb.head.i != verb.i:
                # "the American service member who was killed in Syria": the noun
                return verb.head
            return child
    return None


def _governing_verb(token: Token) -> Token | None:
    """Walk up from a noun trigger to the verb that governs it."""
    node = token
    for _ in range(6):
        if node.head.i == node.i:
            return node if node.pos_ in {"VERB", "AUX"} else None
        node = node.head
        if node.pos_ in {"VERB", "AUX"}:
            return node
    return None


def _object_heads(head: Token, skip: set[int], deeds: bool = True) -> list[Token]:
    """The tokens heading the objects and complements of ``head`` that can name a target
    (without ``deeds``, not the deed a gerund tells: ``_deed_of_the_named``)."""
    heads = []
    for child in head.children:
        if child.i in skip:
            continue
        if child.dep_ in _OBJECT_DEPS:
            heads.append(child)
        elif child.dep_ == "prep" and child.lower_ in _TARGET_PREPS:
            heads.extend(p for p in child.children if p.dep_ == "pobj" or (
                p.dep_ == "pcomp" and (deeds or not _deed_of_the_named(head, child, p))))
        elif child.dep_ in {"xcomp", "ccomp"} and child.pos_ in {"VERB", "AUX"}:
            # "urged them to restore", "demanded that Israel ease", "offered to mediate
            # between X and Y": the embedded clause's subject, objects and complements.
            for grandchild in child.children:
                if grandchild.dep_ in _SUBJECT_DEPS | _OBJECT_DEPS:
                    heads.append(grandchild)
                elif grandchild.dep_ == "prep" and grandchild.lower_ in _TARGET_PREPS:
                    heads.extend(p for p in grandchild.children if p.dep_ in {"pobj", "pcomp"})
    return heads


def _deed_of_the_named(head: Token, prep: Token, pcomp: Token) -> bool:
    """"accused France of arming jihadists", "convicted the officer of killing a journalist":
    the gerund after "of" or "for" tells the deed of the one the verb names (its object), not
    another party of the act (unless the one named is no known actor: ``find_roles``)."""
    return prep.lower_ in {"of", "for"} and pcomp.tag_ == "VBG" \
        and any(c.dep_ in {"dobj", "nsubjpass"} for c in head.children)


def _shared_object(verb: Token, skip: set[int]) -> list[Token]:
    """The object ``verb`` shares with the verb after it (``verbs.shared_object``)."""
    return [c for c in shared_object(verb) if c.i not in skip]


# Links that stay inside a noun phrase's core: "Sudanese government and rebels", "Niger's
# junta", "the US", not the phrases hanging on it ("... in the negotiations on Namibia").
_CORE_DEPS = {"conj", "cc", "appos", "compound", "amod", "poss", "nmod", "det", "nummod",
              "quantmod", "case", "punct", "prep_of"}


def _core_tokens(token: Token) -> set[int]:
    core = {token.i}
    stack = [token]
    while stack:
        node = stack.pop()
        for child in node.children:
            linked = child.dep_ in _CORE_DEPS or (child.dep_ == "prep" and child.lower_ == "of")
            if child.dep_ == "pobj" and node.dep_ == "prep" and node.lower_ == "of":
                linked = True
            if linked and child.i not in core:
                core.add(child.i)
                stack.append(child)
    return core


def _actors_at(mapped: list[tuple[Actor, int, int]], token: Token,
               exclude: tuple[int, int] | None = None, fallback: bool = False) -> list[Actor]:
    """Actors of the phrase headed by ``token``: those in its core; with ``fallback``, else
    the first one anywhere in the phrase."""
    core = _core_tokens(token)
    found = [(a, start, end) for a, start, end in mapped
             if any(i in core for i in range(start, end))
             and not (exclude and exclude[0] <= start < exclude[1])]
    # "Pakistan, a key U.S. ally": an apposition describes the actor; an actor that only
    # qualifies it (U.S.) is not the one named, when the phrase names one outside it.  An
    # actor that is the apposition ("Tiani, the leader of Niger's junta") stays.
    appositions = [token.doc[i] for i in core if token.doc[i].dep_ == "appos" and i != token.i]
    if appositions:
        heads = {a.i for a in appositions}

        def qualifies(start: int, end: int) -> bool:
            root = token.doc[start:end].root
            return root.dep_ in {"compound", "amod", "poss", "nmod"} and root.head.i in heads
        if any(not qualifies(s, e) for _, s, e in found):
            found = [(a, s, e) for a, s, e in found if not qualifies(s, e)]
    found_actors = [a for a, _, _ in found]
    if found_actors or not fallback:
        return found_actors
    # (not from a relative clause on it: "Aldana, who is visiting El Salvador, has postponed
    # her return" is not El Salvador's act; nor from a participle's on someone: "arrested a
    # man guarding the victims" did not arrest the victims, "attacked a boat carrying
    # civilians" did attack them)
    clauses = [_subtree_range(c) for c in token.subtree if c.head.i in core and (c.dep_ == "relcl" or (
        c.dep_ == "acl" and c.tag_ in {"VBG", "VBN"} and c.head.lower_ in PEOPLE))]
    inside = [a for a in _actors_in(mapped, *_subtree_range(token), exclude=exclude)
              if not any(lo <= s < hi for lo, hi in clauses for b, s, _ in mapped if b is a)]
    if not inside:
        return []
    # the first, with the actors coordinated with it ("sanctions on Mali and Niger")
    return _with_coordinated(inside[0], inside, mapped, token.doc)


def _phrase_root(doc: Doc, start: int, end: int) -> Token:
    root = doc[start:end].root
    while root.dep_ in {"compound", "amod", "nmod"} and root.head.i > root.i:
        root = root.head
    return root


def _with_coordinated(first: Actor, candidates: list[Actor], mapped: list[tuple[Actor, int, int]],
                      doc: Doc) -> list[Actor]:
    """``first``, and the ``candidates`` coordinated with it ("Mali and Niger")."""
    spans = {id(a): (s, e) for a, s, e in mapped}
    if id(first) not in spans:
        return [first]
    joined = {_phrase_root(doc, *spans[id(first)]).i}
    stack = [doc[i] for i in joined]
    while stack:
        for child in stack.pop().children:
            if child.dep_ == "conj" and child.i not in joined:
                joined.add(child.i)
                stack.append(child)
    # (an actor coded by its own words only: "Texis Cartel leader and drug trafficker Roberto
    # Herrera" is one man, the trafficker coded by the article's country)
    return [a for a in candidates if a is first or (
        id(a) in spans and _phrase_root(doc, *spans[id(a)]).i in joined
        and a.code and "+" not in (a.entry or ""))]


@timed("roles")
def find_roles(doc: Doc, trigger_i: int, actors: list[Actor], offset: int) -> Roles:
    """Source and target actors for the trigger token ``trigger_i`` of the sentence ``doc``.

    ``actors`` carry article offsets; ``offset`` is the sentence's start in the article.
    """
    mapped = [(a, lo, hi) for a, lo, hi in actor_tokens(doc, actors, offset) if not _on_a_border(a, doc, lo, hi)]
    if not mapped:
        return Roles([], [], "none")
    trigger = doc[trigger_i]
    is_noun = trigger.pos_ in {"NOUN", "PROPN"}
    verb = trigger if not is_noun else _governing_verb(trigger)
    how = "noun" if is_noun else "parse"

    source: list[Actor] = []
    subject_range: tuple[int, int] | None = None
    node = verb
    reported = False  # the subject found is a speaker's: "the AP reported that soldiers were removed"
    pronoun_done = False
    reported_passive = False  # "soldiers were killed …, the ministry said": the speaker
    unnamed_doer = False  # a reported clause's subject that is no known actor
    # "five soldiers died in an ambush by jihadists": who dies suffers the act, as the subject
    # of an agentless passive does
    dying = verb is not None and not is_noun and verb.lemma_.lower() in _DYING_VERBS
    # "a soldier killed in Syria by Isis", "civilians abducted by gunmen": a past participle
    # hung on a noun; the noun suffers the act, its agent (if any) did it
    participle = verb is not None and not is_noun and verb.tag_ == "VBN" and (verb.dep_ == "acl" or (
        # (an adjective: "recently-killed Zetas leader", "the kidnapped aide"; not a finite verb
        # the parse hung on its object, "hitmen on a motorcycle killed Gloria Ocampo")
        verb.dep_ == "amod" and verb.i > 0 and (verb.nbor(-1).text in {"-", "–"}
                                                or verb.nbor(-1).tag_ in {"DT", "RB", "PRP$", "POS"})))
    if participle and _finite_verb_read_as_participle(verb):
        # "ECOWAS negotiated with the coup leaders (and urged …)": the sentence's verb, read
        # as a participle on its subject
        participle = False
        source = _actors_in(mapped, verb.head.left_edge.i, verb.i)
        if source:
            subject_range = (verb.head.left_edge.i, verb.i)
    # "among more than a dozen people killed in a massacre": the parse gives the participle
    # an active subject, which a bare past participle (no "have", no object) cannot have
    reduced = verb is not None and not is_noun and not participle and _reduced_passive(verb)
    if reduced:
        source = _agent_of_the_means(verb, mapped)
        dying = True  # (its subject suffers the act, below)
    # "a Shining Path member wanted for murder was arrested": the parse made the participle the
    # root and the sentence's passive its clause; the root's subject is the one arrested
    main = root_read_for_participle(verb.sent.root) if verb is not None and not is_noun else None
    misread_root = verb.sent.root if main is not None and main.i == verb.i else None
    if misread_root is not None:
        source = _agent_of_the_means(verb, mapped)
        dying = True  # (no subject to climb to, and no nearest actor before as its doer)
    if participle:
        agent, _ = _subject_of(verb)
        source = _actors_at(mapped, agent) if agent is not None else _agent_of_the_means(verb, mapped)
        dying = True  # (no subject to climb to, and no nearest actor before as its doer)
    elif verb is not None and (dying or is_agentless_passive(verb)):
        # "killed in an ambush by jihadists", "in an attack carried out / claimed by JNIM":
        # who did the act is named in the phrase that tells how (before any speaker: "…, the
        # French army said" did not do it)
        source = _agent_of_the_means(verb, mapped)
    for _ in range(6 if not source and not dying else 0):  # climb through xcomp/conj/advcl/prep chains to find a subject
        if node is None:
            break
        if node is not verb and node.lemma_ in _REPORTING_LEMMAS and verb is not None:
            reported = not pronoun_done
            if verb.lemma_ in _HARM_LEMMAS and is_agentless_passive(verb):
                reported_passive = True
        subject, _ = _subject_of(node)
        if subject is None and node.dep_ == "xcomp":
            # "Pressure from the United States led Mexico to extradite …": the object of the
            # verb above does what its infinitive says (not its subject)
            subject = next((c for c in node.head.children if c.dep_ == "dobj" and c.i < node.i
                            and node.head.lemma_ in _OBJECT_CONTROL), None)
        if subject is None and node.lemma_ in _ACTIVE_PASSIVES:
            subject = _passive_subject(node)  # "ECOWAS has been engaged in talks"
        if subject is not None:
            lo, hi = _subtree_range(subject)
            if not lo <= trigger.i < hi:  # "intervention may be necessary": not its own source
                subject_range = subject_range or (lo, hi)
                source = _actors_at(mapped, subject, fallback=True)
                if node.i != verb.i:
                    how = "inherited"
                if source:  # "made it clear that": an empty subject lets the clause above speak
                    subject_range = (lo, hi)
                    break
                if subject.tag_ == "PRP" or _own_means(subject):
                    # "Amnesty said it would send a delegation", "the Burkinabe army said its
                    # drones struck a convoy": its own act
                    reported = False
                    pronoun_done = True
                elif (node.dep_ == "ccomp" or (node.i == verb.i and subject.head.dep_ == "agent")) \
                        and subject.pos_ in {"NOUN", "PROPN"}:
                    # (or the act's own "by" phrase: "they were attacked by locals wielding rocks")
                    # "Authorities estimated the group killed at least 50 people": the clause
                    # names its doer, one the dictionary does not know; the speaker is not it
                    unnamed_doer = True
                    break
        if (node.dep_ == "relcl" and not _place_or_passive_clause(node) and not _object_clause(node)) or (
                node.dep_ == "acl" and node.tag_ == "VBG"):
            # "the militants who attacked the base", "troops fighting rebels": the noun
            # the clause hangs on is the one who acts (not the place of "Guatemala, where
            # Cabral was killed", nor the sufferer of "the soldiers who were killed").
            lo, hi = node.head.left_edge.i, node.left_edge.i
            if lo < hi:
                subject_range = (lo, hi)
                source = _actors_in(mapped, lo, hi)
                how = "inherited"
            break
        if node.head.i == node.i or node.dep_ in _SUBJECT_DEPS:
            break
        if node.i == verb.i and not is_noun and (_passive_told_as_a_time(verb) or (
                verb.dep_ == "relcl" and is_agentless_passive(verb))):
            # "the leaders are in talks with the US after Buitrago was arrested in Venezuela",
            # "The Defense Department has identified the service member who was killed in
            # Syria": the clause's act is not the main clause's subject's
            break
        node = node.head
    target_heads: list[Token] = []
    deed_heads: list[Token] = []
    patient_named = False
    skip = {subject_range[0]} if subject_range else set()
    if (is_noun or trigger.tag_ == "VBG") and not source:
        # (a gerund too: "Fighting between the army and separatist rebels forced thousands …")
        parties = _between_parties(trigger, mapped)
        if parties is not None:
            # "Clashes between militiamen and security forces were reported": the first party
            # and the others, whatever the verb that tells it
            return Roles(_dedupe(parties[0]), _dedupe(parties[1]), how)
    if is_noun:
        target_heads += _object_heads(trigger, skip)
        # A possessive or compound before the noun: "Israel's attack on Gaza" has its source
        # there when the clause has no subject actor.
        patient = [c for c in trigger.children if c.dep_ == "poss"] \
            if trigger.lemma_.lower() in _PATIENT_NOUNS else []
        # "El Chapo's arrest", "Pombo's extradition": whose arrest it is suffers it
        target_heads += patient
        patient_named = bool(patient)  # (its doer unnamed: not the actor before it)
        if not source:
            for child in trigger.children:
                if child in patient:
                    continue
                if child.dep_ in {"poss", "compound", "amod", "nmod"}:
                    source = [a for a in _actors_in(mapped, *_subtree_range(child)) if a.code]
                    if source:
                        break
    if verb is not None:
        passive = _passive_subject(verb)
        if passive is not None and verb.lemma_ not in _ACTIVE_PASSIVES:
            target_heads.append(passive)
        if not is_noun:
            # "called for the junta to release President Bazoum": whom an appeal is made to is
            # the subject of its "for … to" clause
            target_heads += [g for c in verb.children if c.dep_ == "advcl" and verb.lemma_ in _APPEALING
                             and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
                             for g in c.children if g.dep_ == "nsubj"]
            own = _object_heads(verb, skip, deeds=False)
            deed_heads = [h for h in _object_heads(verb, skip) if all(h is not o for o in own)]
            if not any(h.dep_ in _OBJECT_DEPS for h in own):
                own += _shared_object(verb, skip)
            target_heads += own
        if dying:
            target_heads += [c for c in verb.children if c.dep_ == "nsubj"]
        if participle:
            target_heads.append(verb.head)
        if misread_root is not None:
            target_heads += [c for c in misread_root.children if c.dep_ == "nsubj"]

    source_ids = {id(a) for a in source}
    target = _targets(mapped, target_heads, subject_range, source_ids)
    if not target and deed_heads:
        # (the deed's parties only when the one accused is no known actor: "Members of the
        # Renazco family were investigated for hiring Colombian assassins")
        target = _targets(mapped, target_heads + deed_heads, subject_range, source_ids)
    if reported_passive and source and (target and {a.code for a in source if a.code} & {
            a.code for a in target if a.code} or all(a.code == "NGO" or a.sector in _WATCHERS or (
                a.code == "IGO" and a.sector not in {"MIL", "COP"})
                # (nor a bare agent that reports it: "Four people were killed in hand grenade
                # attacks on a restaurant, police confirmed")
                or (not a.code and not a.actor_id and a.sector) for a in source)):
        # The speaker of a report that something was done to its own side ("23 Nigerien
        # soldiers were killed in an ambush, the defence ministry said") did not do it, nor
        # did a body that watches and reports ("The report by Global Witness says that 123
        # activists have been killed"), nor a body of states that confirms it ("The United
        # Nations has confirmed six aid workers were killed").
        source, source_ids, how = [], set(), "parse"
    if reported and source and all(_a_watcher(a) for a in source):
        # a news agency or a watchdog that reports an act did not do it ("The Associated Press
        # reported that six soldiers were removed"; "…, Reuters reported", Reuters given the
        # article's country)
        source, source_ids, how = [], set(), "parse"
    if target and verb is not None and not is_noun:
        # "blew himself up in a market in Maiduguri, killing at least eight people": a town
        # named as where it happened is no target when the clause of what it did names one
        where = {id(a): (s, e) for a, s, e in mapped}
        if all(id(a) in where and _named_as_where(a, doc, *where[id(a)])
               and _prep_of(doc, *where[id(a)]) in _SCENE_PREPS for a in target):
            clause = _targets(mapped, _clause_heads(verb, trigger.i, skip), subject_range, source_ids)
            if clause:
                target = clause
    if not target and verb is not None and not is_noun:
        # "marched in Niamey, demanding the departure of French troops", "gathered to demand
        # the release of the minister", "attacked the base, killing a dozen policemen", "is
        # willing to withdraw its troops from Lebanon": the act's target is in the clause that
        # says what it was for or what it did; "threatened to stop negotiations if the United
        # States goes ahead": a threat is aimed at the subject of its condition.
        target = _targets(mapped, _clause_heads(verb, trigger.i, skip), subject_range, source_ids)

    if not source and not dying and not unnamed_doer and not patient_named and not (
            verb is not None and not is_noun and is_agentless_passive(verb)):
        # A passive names its agent with "by" or not at all: the actor before "was arrested"
        # is the one arrested (or a word of its description), never the one who arrested.
        clauses = [_subtree_range(t) for t in doc[subject_range[0]:subject_range[1]]
                   if t.dep_ == "relcl"] if subject_range else []
        before = [(a, s, e) for a, s, e in mapped if s < trigger_i and id(a) not in {id(t) for t in target}
                  and not any(lo <= s < hi for lo, hi in clauses)
                  and not _spoken_to(doc, s, trigger_i) and not _attributed_to(doc, s, trigger_i)]
        # (not a place named where the act went, when an actor stands before it: "When
        # Ecuadoran security forces moved on Buenos Aires, they discovered …"; nor when the
        # verb's subject is a thing: "Near Mosul, seven strikes engaged four ISIL units")
        if _a_thing_as_subject(verb):
            before = [(a, s, e) for a, s, e in before if not _a_place_where(a, doc, s, e)]
        before = [(a, s) for a, s, e in before if not _named_as_where(a, doc, s, e)] or [
            (a, s) for a, s, _ in before]
        if before and not _inside_reporting_subject(doc, before[-1][1], trigger_i):
            source = [before[-1][0]]
            how = "nearest"
    if not target and how == "nearest":
        after = [a for a, s, _ in mapped if s > trigger_i and id(a) not in {id(x) for x in source}]
        if after:
            # (with the actors coordinated with it: "imposed sanctions against Mali and Burkina Faso")
            target = _with_coordinated(after[0], after, mapped, doc)
    if is_noun and verb is not None and trigger.dep_ == "dobj" and trigger.head.i == verb.i \
            and verb.lemma_.lower() in _UNDERGOING_VERBS and source:
        # "His government received strong criticism", "the mayor faced threats from the
        # gang": who receives the act suffers it; who sends it is named with "from" or "by"
        senders = [a for head in (verb, trigger) for prep in head.children
                   if prep.dep_ == "prep" and prep.lower_ in {"from", "by"}
                   for a in _actors_in(mapped, prep.left_edge.i, prep.right_edge.i + 1)]
        sender_ids = {id(a) for a in senders}
        target = [*source, *(a for a in target if id(a) not in sender_ids)]
        source, how = senders, "parse"
    # a news agency or a watchdog that reports the act is not what it was done to either
    # ("Paraguay is one of seven countries to face sanctions …, the Associated Press reported")
    starts = {id(a): s for a, s, _ in mapped}
    target = [a for a in target if not (id(a) in starts and (
        _a_watcher(a) and _inside_reporting_subject(doc, starts[id(a)], trigger_i)
        or _inverted_teller(doc, starts[id(a)], trigger_i)))]
    return Roles(_dedupe(source), _dedupe(target), how)


def _between_parties(noun: Token, mapped: list[tuple[Actor, int, int]]) -> tuple[list[Actor], list[Actor]] | None:
    """The parties of "clashes / fighting / talks between X and Y": X, and Y with whoever is
    coordinated after it; None unless both name actors."""
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ != "between":
            continue
        first = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if first is None:
            return None
        others = [c for c in first.children if c.dep_ == "conj"]
        if not others:
            # (the small parser may hang the first party on the second: "between the army
            # and separatist rebels", army an nmod of rebels)
            found = sorted(((a, lo) for a, lo, hi in mapped
                            if first.left_edge.i <= lo and hi <= first.right_edge.i + 1), key=lambda x: x[1])
            if len(found) >= 2 and any(t.lower_ == "and" for t in first.doc[found[0][1]:found[1][1]]):
                return [found[0][0]], [a for a, _ in found[1:]]
            return None
        head_end = min(o.left_edge.i for o in others)
        source = _actors_in(mapped, first.left_edge.i, head_end)
        target = [a for o in others for a in _actors_in(mapped, *_subtree_range(o))]
        if source and target:
            return source, target
        return None
    return None


def _a_watcher(actor: Actor) -> bool:
    """A news outlet (whatever country it was given), a watchdog with no country, or a
    research body ("an arms trafficking expert at the Stockholm International Peace Research
    Institute told the AP that the seized ship had been caught trafficking")."""
    if actor.code == "NGO" and actor.sector == "EDU":
        return True
    return actor.sector in _WATCHERS and (actor.code in {"", "NGO"} or actor.sector in {"MED", "JRN"})


def _spoken_to(doc: Doc, token_i: int, trigger_i: int) -> bool:
    """True when the token is in a clause of speaking or writing to someone before the act
    ("Speaking to Colombian television network RCN, Morales denied …"): who was spoken to
    did not do the act."""
    for node in doc[token_i].ancestors:
        if node.i == trigger_i:
            return False
        if node.dep_ == "advcl" and node.tag_ == "VBG" and node.lemma_ in _SPEAKING_TO \
                and node.i < trigger_i:
            return True
    return False


_SPEAKING_TO = frozenset({"speak", "talk", "write", "tell"})


def _attributed_to(doc: Doc, token_i: int, trigger_i: int) -> bool:
    """True when the token names who tells of the act, not who did it: "According to an FBI
    press release, Rigoberto Yanez Guerrero pleaded guilty" (the FBI did not plead)."""
    for node in doc[token_i].ancestors:
        if node.i == trigger_i:
            return False
        if node.lower_ == "according" and node.i < trigger_i:
            return True
    return False


#: Verbs whose object is an act their subject undergoes ("received criticism", "faced
#: threats from the gang").
_UNDERGOING_VERBS = frozenset({"receive", "get", "face", "draw", "attract", "suffer", "endure",
                               "sustain", "incur"})
#: Verbs whose subject suffers a harm no one is named as doing ("died", "perished").
_DYING_VERBS = frozenset({"die", "perish", "succumb"})


#: What a force acts with ("its drones struck", "their aircraft bombed"): whose they are acts.
_MEANS = frozenset({"drone", "aircraft", "plane", "warplane", "jet", "helicopter", "gunship", "artillery",
                    "vessel", "ship", "boat", "unit", "missile", "rocket"})


def _own_means(subject: Token) -> bool:
    """"its drones", "their warplanes": a speaker's own means, so the speaker acted."""
    return subject.lemma_.lower() in _MEANS and any(
        c.dep_ == "poss" and c.lower_ in {"its", "their"} for c in subject.children)


def _agent_of_the_means(verb: Token, mapped: list[tuple[Actor, int, int]]) -> list[Actor]:
    """The actors named by "by" after the noun of a prepositional phrase of ``verb`` ("in an
    ambush by jihadists", "shot with a high-caliber weapon by unidentified assailants") or as
    the agent of the participle that describes it ("in an attack carried out by gunmen"): only
    the agent's own words, not a place hung on it."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"in", "during", "after", "by", "at", "with"}:
            continue
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            if prep.lower_ in {"in", "by"} and verb.lemma_.lower() in _JUDGING:
                # "were found guilty in a Guatemalan court", "sentenced by a court in Managua":
                # the court judged
                court = [a for a, start, end in mapped if start <= noun.i < end and a.sector == "JUD"]
                if court:
                    return court
            agents = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"
                      for g in c.children if g.dep_ == "pobj"]
            agents += [g for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"
                       for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
            if noun.lemma_.lower() in _FIGHT_NOUNS:
                # "was killed in a 2010 shootout with the Mexican military": who fought him
                agents += [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "with"
                           for g in c.children if g.dep_ == "pobj"]
            found = [a for agent in agents for a, start, end in mapped if start <= agent.i < end]
            if found:
                return found
    return []


#: What a court does to those it tries.
_JUDGING = frozenset({"find", "convict", "sentence", "try", "acquit", "charge", "indict", "prosecute",
                      "jail", "imprison", "fine", "condemn"})


#: Sectors of those who report harm rather than do it: NGOs, the media, human rights bodies.
_WATCHERS = frozenset({"NGO", "MED", "HRI", "JRN"})
#: Fights that kill: their "with" names who fought.
_FIGHT_NOUNS = frozenset({"shootout", "clash", "gunfight", "firefight", "confrontation", "battle",
                          "skirmish", "fight", "gunbattle", "exchange"})
_CONDITION_MARKS = {"if", "unless"}


def _clause_heads(verb: Token, trigger_i: int, skip: set[int], depth: int = 2) -> list[Token]:
    """Objects and complements of the clauses hanging on ``verb`` (purpose, participle,
    adjective complement), and the subject of a condition, two clauses deep at most."""
    heads: list[Token] = []
    for child in verb.children:
        if child.i == trigger_i or child.dep_ not in {"advcl", "xcomp", "acomp"}:
            continue
        if child.pos_ == "VERB":
            heads += _object_heads(child, skip)
            if child.dep_ == "advcl" and any(
                    g.dep_ == "mark" and g.lower_ in _CONDITION_MARKS for g in child.children):
                heads += [g for g in child.children if g.dep_ in _SUBJECT_DEPS]
        if depth > 1:
            heads += _clause_heads(child, trigger_i, skip, depth - 1)
    return heads


# Prepositions of place: "near Dori", "at Koulouba palace", "in Niamey" say where, not to
# whom.  A country after "in" may still be a target ("interfere in Mali"); a capital is not.
_PLACE_PREPS = {"near", "inside", "outside", "around", "across", "throughout"}
_SEAT_PREPS = {"in", "at"}
# A noun's counterpart: "agreements with France", "talks between Mali and Niger".
_COUNTERPART_PREPS = {"with", "between", "against", "to"}
#: Measures imposed on someone (a relative clause may say on whom).
_MEASURES = frozenset({"sanction", "embargo", "restriction", "measure", "ban", "blockade", "penalty"})
# Nouns that a generic agent written as an adjective only describes: "military aid" is aid,
# not the military.
#: Verbs of an appeal whose "for X to do" names X as whom it is made to.
_APPEALING = frozenset({"call", "appeal", "press", "push", "plead", "campaign", "lobby", "petition",
                        "clamor", "clamour", "ask"})
#: Nouns of an act whose possessive names who suffers it, not who does it ("El Chapo's
#: arrest", "the kingpin's capture"; not "Israel's attack on Gaza").
_PATIENT_NOUNS = frozenset("""
    arrest arrests capture detention extradition deportation expulsion release murder killing
    assassination kidnapping abduction execution trial conviction sentencing prosecution
    indictment ouster removal dismissal imprisonment incarceration jailing rescue torture
    disappearance
""".split())
_DESCRIBED_NOUNS = {
    "aid", "agreement", "accord", "pact", "treaty", "cooperation", "assistance", "support",
    "intervention", "action", "relation", "tie", "training", "equipment", "spending", "budget",
    "option", "solution", "presence", "deal", "rule", "court", "tribunal",
    "exercise", "drill", "manoeuvre", "maneuver",
}


def _is_capital(actor: Actor) -> bool:
    """A capital or a seat of government named by the countries table (code + GOV)."""
    return (actor.entry or "").startswith("countries:") and actor.sector == "GOV"


# Verbs whose "in" names who is acted on: "interfere in Mali", "intervene in Libya".
_IN_TARGET_LEMMAS = {"interfere", "intervene", "meddle", "invest", "interference", "intervention"}


_BORDERS = frozenset({"border", "borders", "frontier", "frontiers", "boundary", "border-crossing"})


def _on_a_border(actor: Actor, doc: Doc, start: int, end: int) -> bool:
    """A country named only to say where a border runs ("near the border with Panama", "along
    the Colombia-Ecuador border"): a place, neither party to the act (the act annotations
    never make it one)."""
    if not (actor.entry or "").startswith(("countries:", "phoenix:countries:")) or actor.sector:
        return False
    root = doc[start:end].root
    if root.dep_ == "pobj" and root.head.lower_ == "with" and root.head.head.lower_ in _BORDERS:
        # (not where forces are sent: "Chad deployed troops to the border with Niger" is aimed
        # at Niger)
        if root.head.head.dep_ in {"dobj", "nsubjpass"}:
            return False  # "Niger closed its border with Benin": the border acted on, the neighbour its party
        return not _sent_to(root.head.head)  # "near the border with Panama"
    node = root
    while node.dep_ in {"compound", "nmod", "amod", "conj", "cc", "punct"} and node.head.i != node.i:
        if node.dep_ in {"compound", "nmod"} and node.head.lower_ in _BORDERS:
            border = node.head
            # "along the Colombia-Ecuador border", "160 kilometers from the U.S. border" (not
            # a border crossed or forces sent to: "troops were sent to the Venezuelan border")
            return border.dep_ == "pobj" and not _sent_to(border)
        node = node.head
    return False


def _sent_to(noun: Token) -> bool:
    """``noun`` is where a verb sends or moves someone ("deployed troops to the border")."""
    return noun.head.dep_ == "prep" and noun.head.lower_ in {"to", "toward", "towards"} \
        and noun.head.head.pos_ == "VERB"


def _is_place(actor: Actor, doc: Doc, start: int, end: int) -> bool:
    """A country, town or capital named as where the act happened."""
    entry = actor.entry or ""
    if doc[start:end].root.lower_ in {"neighborhood", "neighbourhood", "neighborhoods", "neighbourhoods"}:
        # ("arrested in Medellin's wealthy neighborhood of Laureles", which the dictionary
        # reads as its residents)
        return _prep_of(doc, start, end) in _WHERE_PREPS
    if entry.startswith("phoenix:countries:"):
        # (a town of the Phoenix dictionaries: only as a word of a place's name)
        return not actor.sector and actor.actor_id is None and _prep_of(doc, start, end) in _WHERE_PREPS \
            and _names_a_place_noun(doc, start, end)
    if not entry.startswith("countries:"):
        return False
    if _DESTINATION_BEFORE.search(doc.text[max(0, doc[start].idx - 60):doc[start].idx]):
        # "ambushed a convoy carrying supplies to Djibo, killing dozens of soldiers": where the
        # convoy was going is no party to the ambush
        return True
    prep = _prep_of(doc, start, end)
    if prep == "of" and _part_of_a_town(doc, start, end):
        return True  # "took to the streets of Dakar", "on the outskirts of Bamako"
    return prep in _PLACE_PREPS or (prep in _SEAT_PREPS and _is_capital(actor)) or (
        prep in _WHERE_PREPS and (_is_capital(actor) or not actor.sector)
        and _names_a_place_noun(doc, start, end))


#: Parts of a town whose "of" names the town as a place ("the streets of Dakar").
_PARTS_OF_A_TOWN = frozenset("""
    street streets outskirts suburb suburbs centre center downtown neighborhood neighbourhood
    neighborhoods neighbourhoods
""".split())


def _part_of_a_town(doc: Doc, start: int, end: int) -> bool:
    """The phrase is the object of "of" on a part of a town ("the streets of Dakar", "the
    outskirts of Bamako"): where the act happened, not whom it was done to."""
    root = doc[start:end].root
    return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in _PARTS_OF_A_TOWN


#: Words before a country or a town that make it a journey's destination or origin, told by
#: a participle on a thing ("a convoy carrying supplies to Djibo", "a bus heading to Gao").
_DESTINATION_BEFORE = re.compile(
    r"\b(?:(?:carrying|transporting|delivering|ferrying)\s+(?:\S+\s+){1,3}?(?:to|towards?|into|from)"
    r"|(?:heading|travell?ing|returning|sailing|flying)\s+(?:to|towards?|for|from|into))\s+(?:the\s+)?$",
    re.IGNORECASE)


#: Places a country or a town owns ("in Colombia's second-largest city", "in Medellin's
#: wealthy neighborhood of Laureles").
_OWNED_PLACES = frozenset("""
    city cities town towns capital village villages region regions province provinces state
    district districts municipality neighborhood neighbourhood neighborhoods suburb suburbs coast
    coastline outskirts port ports airport prison prisons border borders north south east west
    northeast northwest southeast southwest
""".split())


def _place_in_a_place(actor: Actor, doc: Doc, start: int, end: int) -> bool:
    """A country or a town (no body, no office) that owns or names the place where the act
    happened ("arrested in Colombia's second-largest city, Medellin", "seized at the port of
    Cartagena"): a place, as "in Milan" is (``_maybe_place``)."""
    entry = actor.entry or ""
    root = doc[start:end].root
    if not entry.startswith(("countries:", "phoenix:countries:")) or actor.sector:
        return False
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.i != root.head.i:
        place = root.head.head  # its name: "at the port of Natal", "in the city of Gao"
    elif root.dep_ in {"poss", "appos"}:
        place = root.head  # its owner or its name: "in Colombia's second-largest city, Medellin"
    else:
        return False
    return place.lemma_.lower() in _OWNED_PLACES and _prep_of(doc, place.i, place.i + 1) in _WHERE_PREPS


#: Places a town or a country names by its name: "a San Jose highway", "Miami International
#: Airport" (not an embassy, a ministry or a border, which stand for the state).
_PLACE_NOUNS = frozenset("""
    airport airports highway highways road roads street streets avenue neighborhood neighbourhood
    neighborhoods hotel hotels restaurant restaurants bar bars nightclub market markets port ports
    prison prisons jail jails station stations bridge bridges park square stadium mall ranch farm
    warehouse hospital slum slums suburb suburbs
""".split())


def _names_a_place_noun(doc: Doc, start: int, end: int) -> bool:
    """The phrase is a word of a place's name ("on a San Jose highway", "in a Bogota prison",
    "at Miami International Airport"): the town says where that place is, not who was acted
    on."""
    root = doc[start:end].root
    if root.dep_ not in {"compound", "nmod"} or root.head.i < end:
        return False
    head = root.head
    while head.dep_ == "compound" and head.head.i > head.i:
        head = head.head  # "Miami International Airport": "Airport"
    return head.lower_ in _PLACE_NOUNS


#: People whose country a "from" after them names ("a model from Colombia").
_FROM_PEOPLE = PEOPLE | frozenset(
    "model models businessman businessmen boy boys girl girls child children family families "
    "tourist tourists resident residents youth youths priest priests prisoner prisoners".split())


#: Prepositions whose object is where an act went or happened.
_WHERE_PREPS = _PLACE_PREPS | _SEAT_PREPS | {"on", "into", "to", "from", "over", "through",
                                             "toward", "towards"}


def _named_as_where(actor: Actor, doc: Doc, start: int, end: int) -> bool:
    """A country, town or capital (no body, no office) named as the object of a preposition
    of place."""
    entry = actor.entry or ""
    return ((entry.startswith("countries:") or entry.startswith("phoenix:countries:"))
            and (not actor.sector or _is_capital(actor)) and actor.actor_id is None
            and _prep_of(doc, start, end) in _WHERE_PREPS)


#: Prepositions that name the scene of an act, not a party to it ("from" and "to" may name one:
#: "a request from their Ukrainian counterparts").
_SCENE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "around", "across", "throughout", "within"})


def _prep_of(doc: Doc, start: int, end: int) -> str | None:
    """The preposition whose object the phrase is ("at Koulouba palace": "at"), if any."""
    root = doc[start:end].root
    while root.dep_ in {"compound", "amod", "nmod"} and root.head.i != root.i:
        root = root.head  # "at Koulouba palace"
    return root.head.lower_ if root.dep_ == "pobj" else None


# Institutions that a phrase names as a place: "sentenced to 19 years in prison".
_INSTITUTION_PLACES = {"prison", "prisons", "jail", "jails"}


def _is_institution_place(actor: Actor, doc: Doc, start: int, end: int) -> bool:
    return (actor.text.lower() in _INSTITUTION_PLACES
            and _prep_of(doc, start, end) in {"in", "to", "from", "at", "into", "inside"})


def _maybe_place(actor: Actor, doc: Doc, start: int, end: int) -> bool:
    """A bare place name after "in" or "at" ("arrested 15 suspects in Milan", "indicted in
    Texas"): where the act happened when the act names someone else it is done to; else it
    is what the act is aimed at ("lifted a curfew in Montenegro", "sought refuge in
    Germany"), as the PLOVER records code it.  Never for "interfere in Mali"."""
    entry = actor.entry or ""
    if not (entry.startswith("countries:") or entry.startswith("phoenix:countries:")):
        return False
    if actor.sector or actor.actor_id is not None or _prep_of(doc, start, end) not in _SEAT_PREPS:
        return False
    root = doc[start:end].root
    while root.dep_ in {"compound", "amod", "nmod"} and root.head.i != root.i:
        root = root.head
    return root.head.head.lemma_.lower() not in _IN_TARGET_LEMMAS


def _targets(mapped: list[tuple[Actor, int, int]], heads: list[Token],
             subject_range: tuple[int, int] | None, source_ids: set[int]) -> list[Actor]:
    target: list[Actor] = []
    places: list[Actor] = []
    spans = {id(a): (s, e) for a, s, e in mapped}
    for head in heads:
        if not len(mapped):
            break
        doc = head.doc
        found = _actors_at(mapped, head, exclude=subject_range, fallback=True)
        if found and all((_adjectival_agent(a, mapped, doc) is not None
                          and _adjectival_agent(a, mapped, doc).lemma_.lower() in _DESCRIBED_NOUNS) for a in found):
            # "the end of its military cooperation with France": "military" describes the
            # cooperation; the phrase's first actor named after it is the one meant
            lo, hi = _subtree_range(head)
            named = [a for a in _actors_in(mapped, lo, hi, exclude=subject_range)
                     if _adjectival_agent(a, mapped, doc) is None and id(a) not in source_ids]
            if named:
                found += _with_coordinated(named[0], named, mapped, doc)
        if head.pos_ in {"NOUN", "PROPN"}:
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ == "from" and head.lower_ in _FROM_PEOPLE:
                    # "a model from Colombia", "two officers from Guatemala": where the people
                    # come from is whose they are
                    found += [a for pobj in child.children if pobj.dep_ == "pobj"
                              for a in _actors_at(mapped, pobj, exclude=subject_range)
                              if (a.entry or "").startswith("countries:") and all(a is not f for f in found)]
                if child.dep_ == "prep" and child.lower_ in _COUNTERPART_PREPS:
                    for pobj in child.children:
                        if pobj.dep_ in {"pobj", "pcomp"}:
                            found += [a for a in _actors_at(mapped, pobj, exclude=subject_range)
                                      if all(a is not f for f in found)]

        if not found and head.pos_ in {"NOUN", "PROPN", "ADJ"}:
            # "lifted (most of) the sanctions it had imposed on Niger": whom the measures were
            # imposed on
            measures = [head] + [p for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                                 for p in c.children if p.dep_ == "pobj"]
            found = [a for m in measures if m.lemma_.lower() in _MEASURES
                     for clause in m.children if clause.dep_ == "relcl"
                     for prep in clause.children if prep.dep_ == "prep" and prep.lower_ in {"on", "against"}
                     for pobj in prep.children if pobj.dep_ == "pobj"
                     for a in _actors_at(mapped, pobj, exclude=subject_range)]
        found = [a for a in found if not _is_place(a, doc, *spans[id(a)])
                 and not _is_institution_place(a, doc, *spans[id(a)])]
        places += [a for a in found if _maybe_place(a, doc, *spans[id(a)])
                   or _place_in_a_place(a, doc, *spans[id(a)])]
        found = [a for a in found if all(a is not p for p in places)]
        for actor in found:
            describes = _adjectival_agent(actor, mapped, doc)
            if describes is not None and (len(found) > 1 or describes.lemma_.lower() in _DESCRIBED_NOUNS):
                # "the military agreements with France", "military aid to Mozambique":
                # "military" describes the agreements, the aid.
                continue
            if id(actor) not in source_ids and all(actor is not t for t in target):
                target.append(actor)
    if not target and not any(_someone_named(h) for h in heads):
        # (not when the act names the one it was done to, whom the dictionary does not know:
        # "Ivan Archivaldo was arrested in Mexico")
        target = [a for a in places if id(a) not in source_ids]
    return _dedupe(target)


def _someone_named(head: Token) -> bool:
    """``head``, the act's object or its passive's subject, names someone: a name, a person's
    pronoun, a word for people."""
    return head.dep_ in {"dobj", "nsubjpass", "poss"} and (
        head.pos_ == "PROPN" or head.lower_ in PEOPLE or head.lower_ in _PERSONAL_PRONOUNS
        # "captured one of the most wanted men in Panama"
        or any(c.dep_ == "prep" and c.lower_ == "of" and any(
            g.dep_ == "pobj" and g.lower_ in PEOPLE for g in c.children) for c in head.children))


_PERSONAL_PRONOUNS = frozenset("he she they him her them".split())


def _adjectival_agent(actor: Actor, mapped: list[tuple[Actor, int, int]], doc: Doc
                      ) -> Token | None:
    """The noun a generic agent written as one adjective describes, when that noun names no
    actor ("military" in "military aid"); None otherwise."""
    if actor.code and not (actor.entry or "").endswith(("+article-country", "+possessive")):
        # (a code the word took from the article or a possessive before it: "its military
        # cooperation" still describes the cooperation)
        return None
    for mapped_actor, start, end in mapped:
        if mapped_actor is actor and end - start == 1:
            token = doc[start]
            if token.tag_ == "JJ" and token.dep_ == "amod" and not any(
                    s <= token.head.i < e for _, s, e in mapped):
                return token.head
    return None


def _inside_reporting_subject(doc: Doc, token_i: int, trigger_i: int) -> bool:
    """True when the token is the subject of a reporting verb that is not the trigger."""
    token = doc[token_i]
    head = token.head
    while head.i != head.head.i and token.dep_ not in _SUBJECT_DEPS:
        token, head = head, head.head
    return token.dep_ in _SUBJECT_DEPS and head.lemma_ in _REPORTING_LEMMAS and head.i != trigger_i


def _inverted_teller(doc: Doc, token_i: int, trigger_i: int) -> bool:
    """True when the token names who tells of the act after the verb of telling, at the
    sentence's end, and the parse made it the verb's object ("…announced the creation of a
    registry on January 28, reported AFP"): it is not what the act was done to."""
    token = doc[token_i]
    while token.dep_ in {"compound", "amod", "det", "poss", "case"} and token.head.i != token.i:
        token = token.head
    return token.dep_ == "dobj" and trigger_i < token.head.i and inverted_telling(token.head)


def inverted_telling(verb: Token) -> bool:
    """A verb of telling after a comma at the sentence's end, with its teller after it and no
    subject ("…, reported AFP", "…, reports EFE"): the parse makes the teller its object and
    may hang it on the sentence's verb as a clause it reports."""
    if verb.lemma_ not in _INVERTED_TELLING or verb.i == 0 or verb.doc[verb.i - 1].text not in {",", "--", "—"}:
        return False
    if any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    return len(objects) == 1 and all(t.is_punct for t in verb.doc[objects[0].right_edge.i + 1:verb.sent.end])


#: Verbs of telling that put their teller after them at a sentence's end ("…, reports EFE").
_INVERTED_TELLING = frozenset({"report", "say", "write", "add", "tell"})


def _dedupe(actors: list[Actor]) -> list[Actor]:
    seen: set[tuple[str, str, str | None, int | None]] = set()
    out = []
    for actor in actors:
        key = (actor.code, actor.sector, actor.actor_id, actor.start)
        if key not in seen:
            seen.add(key)
            out.append(actor)
    return out


# Verbs that report speech: their subject speaks the verbal act of the clause they report.
_SPEAKING_LEMMAS = {
    "say", "tell", "announce", "state", "claim", "declare", "add", "insist", "stress", "affirm",
    "assert", "allege", "write", "tweet", "explain", "argue", "note",
}


def _according_to(verb: Token) -> Token | None:
    """Whom a clause is "according to" (the object of the phrase hung on its verb)."""
    according = next((c for c in verb.children if c.lower_ == "according" and c.dep_ == "prep"), None)
    if according is None:
        return None
    return next((g for c in according.children if c.lower_ == "to" for g in c.children
                 if g.dep_ == "pobj"), None)


def speaker_roles(doc: Doc, trigger_i: int, actors: list[Actor], offset: int,
                  roles: Roles, speaking_lemmas: Collection[str] = ()) -> Roles:
    """The roles of a verbal act (a demand, a threat, an accusation…) stated by a reported
    clause: the speaker is its source, the reported clause's subject its target.

    '"France must leave Mali," the minister said' is a demand by the minister on France, not
    an act of France; the clause's own roles are kept when no speaker is found.
    """
    mapped = actor_tokens(doc, actors, offset)
    lemmas = _SPEAKING_LEMMAS | set(speaking_lemmas)
    node = doc[trigger_i]
    speaking = None
    for _ in range(6):
        head = node.head
        if head.i == node.i:
            break
        if node.dep_ in {"ccomp", "parataxis"} and head.lemma_ in lemmas:
            speaking = head
            break
        node = head
    if speaking is None:
        # "France is arming jihadists, the minister said" may hang the reporting verb on the
        # clause instead: the clause's root governs "said" as parataxis.
        speaking = next((c for c in node.children if c.dep_ in {"parataxis", "ccomp"}
                         and c.lemma_ in lemmas and c.i > trigger_i), None)
    if speaking is not None:
        subject, _ = _subject_of(speaking)
    else:
        subject = _according_to(node)  # "…, according to the Ecuadorian authorities"
    speaker = _actors_at(mapped, subject, fallback=True) if subject is not None else []
    if not speaker:
        return roles
    reported, _ = _subject_of(node) if node is not speaking else (None, False)
    target = _actors_at(mapped, reported, fallback=True) if reported is not None else []
    if not target:
        target = roles.source + roles.target
    target = [a for a in target if all(a is not s for s in speaker)]
    return Roles(_dedupe(speaker), _dedupe(target), "parse")
