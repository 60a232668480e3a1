"""French sentences → acts: the verb lexicon, roles and modality read off the French parse.

The English coder leans on an English sentence model and the CAMEO verb dictionary; neither
reads French.  Here a French verb lexicon (``resources/cameo/french_verbs.tsv``: lemma and
required arguments → CAMEO code) finds the act, the dependency parse of ``fr_core_news_sm``
(Universal Dependencies labels) gives its roles, and the verb's mood, tense and negation its
modality.  Evidence stays in the original French text: offsets only, no translation.

- **Trigger**: a verb (or a verb + the noun it governs: « signer un accord », « tendre une
  embuscade ») of the lexicon; the one nearest the sentence's root wins.
- **Roles**: the source is the subject (``nsubj``), or the agent of a passive (``obl:agent``,
  « par »); the targets are the object, the passive subject (``nsubj:pass``) and the obliques
  introduced by « contre », « à », « avec », « envers », « sur ».  A verb with no subject of
  its own (« a décidé d'expulser ») takes that of the verb it depends on; a relative or
  participial clause (« les jihadistes qui ont attaqué », « des civils tués par ») takes the
  noun it hangs on.
- **Modality**: « ne … pas / plus / jamais », « démentir », « nier » → negated; the
  conditional (``Mood=Cnd``), « si », « en cas de », « pouvoir » → hypothetical; the future
  (``Tense=Fut``), « va / vont » + infinitive, « prévoir de », « promettre de » → future.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from harmattan.events.roles import Roles, actor_tokens
from harmattan.schema import Actor, Modality

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

LEXICON_PATH = Path(__file__).resolve().parents[1] / "resources" / "cameo" / "french_verbs.tsv"
NOUNS_PATH = LEXICON_PATH.with_name("french_nouns.tsv")


@dataclass(frozen=True)
class LexiconRow:
    lemma: str
    conditions: tuple[str, ...]
    code: str  # "---": this reading states no act
    gloss: str

    @property
    def specificity(self) -> int:
        return sum(1 for c in self.conditions if not c.startswith("!"))


@dataclass
class FrenchMatch:
    """One act a French verb states (the same fields as ``verbs.VerbMatch`` that the coder
    reads)."""

    code: str
    trigger_i: int
    trigger_start: int
    trigger_end: int
    pattern: str
    specificity: int
    negated: bool = False
    kind: str = "verb"
    decisive: bool = True


def fold(text: str) -> str:
    """Lower case without accents, for matching lemmas the parser may spell either way."""
    text = unicodedata.normalize("NFD", text.lower())
    return "".join(ch for ch in text if not unicodedata.combining(ch))


@functools.lru_cache(maxsize=2)
def load_lexicon(path: str | None = None) -> dict[str, tuple[LexiconRow, ...]]:
    """The lexicon by folded lemma, rows in file order."""
    rows: dict[str, list[LexiconRow]] = {}
    for line in Path(path or LEXICON_PATH).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lemma, conditions, code, gloss = (line.split("\t") + ["", "", ""])[:4]
        rows.setdefault(fold(lemma), []).append(
            LexiconRow(lemma, tuple(conditions.split()), code.strip(), gloss))
    return {k: tuple(v) for k, v in rows.items()}


def lexicon_words() -> frozenset[str]:
    """Folded word stems that may start a trigger (for choosing the sentences to parse)."""
    return frozenset(k[:max(4, len(k) - 3)] for k in load_lexicon())


#: A site's pointer to another article run into the sentence by the splitter (« Lire aussi : »,
#: « A ne pas manquer sur BBC Afrique : »): what it names acts in no event of the sentence.
CAPTION = re.compile(r"^\W*(?:(?:[àa] )?(?:surtout |aussi |également )?(?:lire|regarder|voir|écouter|ne pas manquer)"
                     r"|articles? recommandés?|sur le même sujet|à la une)\b[^:.]{0,60}:\s*",
                     re.IGNORECASE)


def caption_end(text: str) -> int:
    """Where the sentence starts after a leading « Lire aussi : » caption (0 when none)."""
    found = CAPTION.match(text)
    return found.end() if found else 0


# -- matching ------------------------------------------------------------------------------------

_ARG_DEPS = {"obj", "iobj", "nsubj:pass", "obl", "obl:arg", "obl:mod", "xcomp", "ccomp", "obl:agent"}
_REFLEXIVE = {"se", "s'", "s’", "me", "m'", "nous", "vous", "te", "t'"}


def _arguments(verb: Token) -> list[Token]:
    """The verb's arguments, and the nouns they govern with « de » (« la levée des
    sanctions ») or coordinate (« pour la première fois, des canons » : the parser hangs the
    object on the phrase before it), and the arguments of an infinitive it governs (« menacé
    d'intervenir »)."""
    out = []
    for child in verb.children:
        if child.dep_ in _ARG_DEPS or child.dep_.startswith("obl"):
            out.append(child)
            out.extend(g for g in child.children if g.dep_ in {"nmod", "obj"}
                       or (g.dep_ == "conj" and g.pos_ in {"NOUN", "PROPN"}))
    return out


def _hyphenated(token: Token) -> str:
    """The word the tokenizer split at its hyphen, whole, from its first part (« un sit-in » :
    « sit », « - », « in »), else ""."""
    doc = token.doc
    if token.i + 2 < len(doc) and doc[token.i + 1].text == "-" and doc[token.i + 2].is_alpha:
        return fold(f"{token.text}-{doc[token.i + 2].text}")
    return ""


def _case_words(token: Token) -> set[str]:
    return {fold(c.text) for c in token.children if c.dep_ in {"case", "mark"}}


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word[-1] in "sx" else word


#: Subjects of « devoir » that a demand can be made of: states, their bodies and offices.
_OBLIGED = frozenset(fold(w) for w in (
    "gouvernement autorité junte état pays armée président présidente ministre ministère régime "
    "dirigeant pouvoir transition cedeao union onu communauté occident militaire soldat force "
    "troupe parlement assemblée opposition parti police gendarmerie administration").split())
#: Pronouns that stand for a person as an argument (« l'a reçu », « il a été reçu par »).
_PERSON_PRONOUNS = frozenset({"il", "elle", "ils", "elles", "le", "la", "l", "les", "lui", "leur"})


def _holds(condition: str, verb: Token, text: str) -> bool:
    negate = condition.startswith("!")
    condition = condition.lstrip("!")
    kind, _, value = condition.partition(":")
    words = {fold(w) for w in value.split("|")} if value else set()
    if kind == "arg":
        # (the word as written, singular too: the lemmatizer reads « réfugiés » as « réfugier »)
        result = any(fold(a.lemma_) in words or fold(a.text) in words or _singular(fold(a.text)) in words
                     or _hyphenated(a) in words for a in _arguments(verb))
        # « @name » : a person's or a body's name, or a pronoun for one (« l'a reçu »)
        result = result or ("@name" in words and any(
            (a.pos_ == "PROPN" and a.text[:1].isupper()) or fold(a.lower_).rstrip("'’") in _PERSON_PRONOUNS
            for a in _arguments(verb)))
    elif kind == "subj":
        # (the small parser reads « sont arrivés », « se sont retirés » as passives, and may
        # hang the noun on its demonym: « Des instructeurs russes » → « russes » ← amod)
        agent = any(c.dep_ == "obl:agent" for c in verb.children)
        subjects = [c for c in verb.children if c.dep_ == "nsubj" or (c.dep_ == "nsubj:pass" and not agent)]
        if not subjects and verb.dep_ == "xcomp":
            # « Laurent Gbagbo va se rendre » : the subject of the verb that carries it
            subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
        result = any(fold(t.lemma_) in words or fold(t.text) in words
                     for c in subjects for t in [c, *(g for g in c.children if g.dep_ == "amod")])
        # « @name » : a person's name, or « il / elle », as the subject
        result = result or ("@name" in words and any(
            (c.pos_ == "PROPN" and c.text[:1].isupper() and not c.text.isupper()) or _pronoun(c) in {"il", "elle"}
            for c in subjects))
    elif kind == "prep":
        result = any(words & _case_words(a) for a in _arguments(verb))
    elif kind == "se":
        result = any(c.lower_ in _REFLEXIVE and c.dep_ in {"expl:comp", "expl:pv", "expl", "obj", "iobj",
                                                          "expl:pass"}
                     for c in verb.children)
    elif kind == "obj":
        result = any(c.dep_ == "obj" for c in verb.children)
    elif kind == "ccomp":
        result = any(c.dep_ == "ccomp" and any(g.lower_ in {"que", "qu'", "qu’"} for g in c.children)
                     for c in verb.children)
    elif kind == "must":
        # someone who can be told to act must (« la France doit retirer ses troupes », « vous
        # devez partir »), not a generic obligation (« le monde doit parvenir à … », « les
        # médecins doivent retirer l'œil », « des recherches doivent confirmer … »)
        # (« doit » read as the auxiliary of the verb that holds the subject, too)
        result = any(fold(t.lemma_) == "devoir" and any(
            c.dep_ == "nsubj" and ((c.pos_ == "PROPN" and c.text[:1].isupper())
                                   or fold(c.lemma_) in _OBLIGED or fold(_singular(c.lower_)) in _OBLIGED
                                   or c.lower_ == "vous")
            for c in [*t.children, *(t.head.children if t.dep_.startswith("aux") else [])])
            for t in verb.doc)
    elif kind == "text":
        result = re.search(value, text.lower()) is not None
    else:  # pragma: no cover - a malformed row
        raise ValueError(f"unknown condition {condition!r} in {LEXICON_PATH.name}")
    return result != negate


def _row_for(verb: Token, rows: tuple[LexiconRow, ...], text: str) -> LexiconRow | None:
    for row in rows:
        if all(_holds(c, verb, text) for c in row.conditions):
            return row
    return None


_VERB_TAGS = {"VERB", "AUX", "ADJ", "NOUN", "ADV"}
_AUXILIARIES = {"avoir", "etre"}


def verb_of(token: Token) -> Token:
    """The token that carries the trigger's arguments.  The small parser sometimes reads a
    participle after « a » / « ont » as an adverb or an adjective and makes the auxiliary the
    verb (« a expulsé l'ambassadeur » : « a » ROOT, « expulsé » advmod): then the auxiliary
    holds the subject and the object."""
    head = token.head
    if token.pos_ != "VERB" and head.i != token.i and fold(head.lemma_) in _AUXILIARIES \
            and 0 < token.i - head.i <= 2 and token.dep_ in {"advmod", "amod", "obj", "xcomp", "acl"}:
        return head
    return token


_ER_PARTICIPLE = ("ées", "és", "ée", "é")
_IR_PARTICIPLE = ("ies", "is", "ie", "i")


def _lemma_candidates(token: Token) -> list[str]:
    """The token's lemma, and for a participle the parser read as an adjective or a noun
    (« les soldats tués », « enlevés »), the infinitive it comes from.  A noun is read as a
    verb only by a participle's ending (« presse », « dialogue », « amnistie » are not
    « presser », « dialoguer », « amnistier »), or when it heads the sentence with a subject
    of its own (« La police enquête sur … », a verb the small parser took for a noun)."""
    lemma = fold(token.lemma_)
    out = [lemma]
    word = token.text.lower()
    nominal = token.pos_ in {"NOUN", "ADJ", "ADV"}
    for ending in _ER_PARTICIPLE + (() if nominal else ("ees", "es", "ee", "e")):
        if word.endswith(ending) and len(word) > len(ending) + 1:
            out.append(fold(word[: -len(ending)]) + "er")
            break
    else:
        if nominal and _verb_read_as_noun(token) and word.endswith(("es", "e")):
            out.append(fold(word.rstrip("s")[:-1]) + "er")
    if word.endswith(_IR_PARTICIPLE) and not (nominal and word.endswith(("ie", "ies"))):
        stem = fold(word).rstrip("s").rstrip("e").rstrip("i")
        out.append(stem + "ir")
    if not nominal or any(c.dep_.startswith("aux") for c in token.children):
        # (only where an auxiliary shows a verb, « ont dissous »: « les détenus », « 300
        # détenus », « un commis » are nouns)
        out.extend(_irregular_infinitives(fold(word)))
    return out


#: Endings of irregular past participles (folded, without the « e » and « s » of agreement)
#: and of their infinitives: « dissous » → « dissoudre », « détenu » → « détenir »,
#: « détruit » → « détruire », « ouvert » → « ouvrir », « mis » → « mettre ».
_IRREGULAR_PARTICIPLES = (
    ("ous", "oudre"), ("out", "oudre"), ("tenu", "tenir"), ("venu", "venir"), ("endu", "endre"),
    ("ondu", "ondre"), ("attu", "attre"), ("uit", "uire"), ("ert", "rir"), ("eint", "eindre"),
    ("aint", "aindre"), ("oint", "oindre"), ("mis", "mettre"), ("pris", "prendre"),
    ("recu", "recevoir"), ("clu", "clure"), ("elu", "elire"), ("dit", "dire"), ("crit", "crire"))


def _irregular_infinitives(word: str) -> list[str]:
    """The infinitives an irregular participle the parser read as a noun or an adjective may
    come from (the lexicon keeps only those it lists)."""
    bare = word[:-1] if word.endswith("s") and not word.endswith(("ous", "is")) else word
    bare = bare[:-1] if bare.endswith("e") and not bare.endswith("ue") else bare
    bare = bare[:-1] if bare.endswith("ue") else bare
    return [bare[: -len(ending)] + infinitive for ending, infinitive in _IRREGULAR_PARTICIPLES
            if bare.endswith(ending) and len(bare) >= len(ending)]


def repair_split_participle(doc: Doc) -> Doc:
    """The small parser sometimes splits « Les autorités maliennes ont expulsé l'ambassadeur
    de France » in two: the participle, read as an adverb, heads the subject and the
    auxiliary, and its object heads a second root.  Join them: the participle is the verb and
    the noun right after it its object."""
    roots = [t for t in doc if t.dep_ == "ROOT"]
    for token in roots:
        if token.text in _QUOTE_MARKS and not list(token.children) and len(roots) > 1:
            # an opening « read as a sentence of its own (a name or a verb, the root): a mark
            # on the sentence's real root
            token.head = next(r for r in roots if r.i != token.i)
            token.dep_ = "punct"
            token.pos_ = "PUNCT"
    for token in doc:
        if token.pos_ == "PROPN" and token.text.islower() and _participle_like(token):
            # « ses forces avaient évacué 140 000 civils » read with « évacué » a name: a name is
            # written with a capital; a participle read as anything else is mended below
            token.pos_ = "ADJ"
        if token.dep_ == "ROOT" and token.pos_ == "ADV" and token.text.islower() \
                and not token.lower_.endswith("ment") and not str(token.morph) \
                and any(c.dep_ == "nsubj" for c in token.children) \
                and any(c.dep_ in {"obj", "obl:arg"} for c in token.children):
            # « Adama Bictogo tient pour responsables les leaders » read with « tient » an
            # adverb that has a subject and an object: the verb, in the present
            token.pos_ = "VERB"
            token.set_morph("Mood=Ind|Person=3|Tense=Pres|VerbForm=Fin")
    roots = [t for t in doc if t.dep_ == "ROOT"]
    for first, second in zip(roots, roots[1:]):
        if first.pos_ in {"ADV", "ADJ", "NOUN"} and _participle_like(first) \
                and any(c.dep_ == "aux:tense" for c in first.children) \
                and not any(c.dep_ == "obj" for c in first.children) \
                and second.pos_ in {"NOUN", "PROPN"} and second.left_edge.i == first.right_edge.i + 1:
            second.head = first
            second.dep_ = "obj"
            first.pos_ = "VERB"
    for token in doc:
        _participle_fixed_on_its_auxiliary(token)
    for token in doc:
        _participle_under_its_object(doc, token)
    for token in doc:
        _finite_verb_under_its_subject(doc, token)
    for day in doc:
        _day_after_its_verb(day)
    for token in doc:
        _verb_after_que(token)
    for token in doc:
        _plural_verb_after_que(doc, token)
    for token in doc:
        if fold(token.lower_) in _VERB_HOMOGRAPHS and token.pos_ != "VERB" and token.i > 0:
            _make_root_verb(doc, token, _VERB_HOMOGRAPHS[fold(token.lower_)])
    for token in doc:
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if token.lower_ == "-t" and token.dep_ == "nsubj" and nxt is not None \
                and nxt.lower_ in {"-il", "-elle", "-on", "-ils", "-elles"} and nxt.head.i == token.i:
            # « a-t-elle souligné » read with « -t » the subject and « -elle » a name on it
            nxt.head = token.head
            nxt.dep_ = "nsubj"
            token.head = nxt
            token.dep_ = "dep"
        if token.pos_ == "VERB" and token.dep_ in {"nsubj", "nsubj:pass"} and token.text[:1].isupper():
            # « Assimi Goïta s'est rendu » read with « Assimi » a verb: a name
            token.pos_ = "PROPN"
            for child in token.children:
                if child.i == token.i + 1 and child.text[:1].isupper():
                    child.pos_ = "PROPN"
                    child.dep_ = "flat:name"
    for verb in doc:
        # « Les Nations unies et la Turquie ont contribué » read with two subjects: the second
        # is a conjunct of the first
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        for later in subjects[1:]:
            cc = [t for t in doc[subjects[0].i + 1:later.i] if t.dep_ == "cc" and t.head.i == verb.i]
            if cc:
                later.head = subjects[0]
                later.dep_ = "conj"
                cc[0].head = later
    for verb in doc:
        # A passive read as a copula: « Le Niger a été frappé de sanctions par la CEDEAO » with
        # « été » a cop and « Niger » the active subject of « frappé »
        if verb.pos_ == "VERB" and "Part" in verb.morph.get("VerbForm") and any(
                c.dep_ == "cop" and c.lower_ == "été" for c in verb.children) and not any(
                c.dep_ in {"aux:pass", "nsubj:pass"} for c in verb.children):
            for child in verb.children:
                if child.dep_ == "cop" and child.lower_ == "été":
                    child.dep_ = "aux:pass"
                elif child.dep_ == "nsubj":
                    child.dep_ = "nsubj:pass"
                elif child.dep_ in {"obl:mod", "obl", "nmod"} and _case_words(child) == {"par"}:
                    child.dep_ = "obl:agent"
    for verb in doc:
        # A passive's subject read as active: « Le village a été frappé par des jihadistes »
        # with « été » an aux:pass and « village » an nsubj
        if verb.pos_ == "VERB" and any(c.dep_ == "aux:pass" and c.lower_ == "été" for c in verb.children) \
                and not any(c.dep_ == "nsubj:pass" for c in verb.children):
            for child in verb.children:
                if child.dep_ == "nsubj":
                    child.dep_ = "nsubj:pass"
    for token in doc:
        # A passive subject needs a passive: « L'Union africaine a condamné » read with
        # « Union » as nsubj:pass and only « a » (aux:tense) on the verb is an active subject.
        if token.dep_ == "nsubj:pass" and not any(
                c.dep_ in {"aux:pass", "expl:pass"} or fold(c.lemma_) == "etre" or c.lower_ in {"se", "s'", "s’"}
                for c in token.head.children):
            token.dep_ = "nsubj"
        # A partitive read as a preposition: « ont massacré des centaines de civils », with
        # « des » a case and « centaines » an nmod of the verb, is the verb's object.
        head = token.head
        if token.dep_ == "nmod" and head.pos_ == "VERB" and head.i < token.i and token.pos_ == "NOUN" \
                and [c.lower_ for c in token.children if c.dep_ == "case"] in (["des"], ["du"]) \
                and not any(c.dep_ == "obj" for c in head.children):
            token.dep_ = "obj"
    return doc


_QUOTE_MARKS = frozenset({"«", "»", '"', "“", "”"})
_FIRST_PERSON = frozenset({"je", "j", "nous"})
#: Present tenses the parser may read as another word (« dément », demented): form → lemma.
_VERB_HOMOGRAPHS = {"dement": "démentir", "dementent": "démentir"}


def _verb_after_que(token: Token) -> None:
    """« a exigé que la junte libère le président Bazoum », parsed with « libère » a noun, the
    clause's subject an adjective on it and its object an apposition: make it the clause's
    verb (a form of a verb of the lexicon, written -e or -ent), with its subject and object."""
    if token.dep_ != "ccomp" or token.pos_ not in {"NOUN", "ADJ", "ADV"} or not any(
            c.dep_ == "mark" and fold(c.lower_) in {"que", "qu'", "qu’"} for c in token.children):
        return
    word = fold(token.lower_)
    stem = word[:-3] if word.endswith("ent") else word[:-1] if word.endswith("e") else ""
    lemma = stem + "er" if stem else ""
    if lemma in load_lexicon():
        token.lemma_ = lemma
    elif not (token.pos_ == "ADV" and any(c.dep_ == "nsubj" for c in token.children)):
        # (« exige que les putschistes rétablissent l'ordre » : tagged an adverb, its subject
        # hung on it — a verb whatever its lemma)
        return
    token.pos_ = "VERB"
    for child in token.children:
        if child.i < token.i and child.dep_ == "amod" and child.pos_ in {"ADJ", "NOUN"}:
            child.dep_ = "nsubj"  # « la junte » read as an adjective of the verb
        elif child.i > token.i and child.dep_ == "appos":
            child.dep_ = "obj"  # « le président Bazoum » read as an apposition


def _plural_verb_after_que(doc: Doc, token: Token) -> None:
    """« demande que les autorités maliennes libèrent les otages », « … que les militaires
    libèrent immédiatement le président Bazoum »: the tagger does not know the plural
    « libèrent » and reads it as an adverb, the clause's object (or its subject) then heads the
    clause.  A word written -ent, read as an adverb, a noun or an adjective, that is the form of
    a verb of the lexicon and comes after « que » and a noun with no verb between: rebuild the
    clause — the verb under the verb before « que », « que » its mark, the noun its subject, the
    noun after it its object."""
    word = fold(token.lower_)
    if token.pos_ not in {"ADV", "NOUN", "ADJ"} or not word.endswith("ent") or len(word) < 6:
        return
    lemma = word[:-3] + "er"
    if lemma not in load_lexicon():
        return
    que = next((t for t in reversed(doc[max(0, token.i - 6):token.i])
                if fold(t.lower_) in {"que", "qu'", "qu’"}), None)
    if que is None:
        return
    between = doc[que.i + 1:token.i]
    subject = next((t for t in between if t.pos_ in {"NOUN", "PROPN"}), None)
    governor = next((t for t in reversed(doc[:que.i]) if t.pos_ == "VERB"), None)
    if subject is None or governor is None or any(t.pos_ in {"VERB", "AUX"} for t in between):
        return
    after = doc[token.i + 1:token.i + 5]
    obj = next((t for t in after if t.pos_ in {"NOUN", "PROPN"}), None)
    if obj is not None and any(t.pos_ not in {"ADV", "DET"} for t in doc[token.i + 1:obj.i]):
        obj = None
    if any(t.head.i == token.i for t in doc[:que.i]) or governor.head.i >= que.i:
        return  # (something before « que » hangs on the word, or the governor on the clause)
    token.head, token.dep_, token.pos_, token.lemma_ = governor, "ccomp", "VERB", lemma
    token.set_morph("Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin")
    que.head, que.dep_ = token, "mark"
    subject.head, subject.dep_ = token, "nsubj"
    for t in between:
        if t.i != subject.i and t.pos_ == "DET" and t.i < subject.i:
            t.head, t.dep_ = subject, "det"
        elif t.i > subject.i and t.head.i not in {subject.i} | {u.i for u in between}:
            t.head = subject
    if obj is not None:
        obj.head, obj.dep_ = token, "obj"
        for t in doc[token.i + 1:obj.i]:
            if t.pos_ == "ADV":
                t.head, t.dep_ = token, "advmod"
            else:
                t.head, t.dep_ = obj, "det"


def _make_root_verb(doc: Doc, token: Token, lemma: str) -> None:
    """« La Russie dément avoir ciblé des civils », parsed with « Russie » as the root and
    « dément » an adverb: make the verb the root, the noun before it its subject and the verb
    after it its complement."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.i == token.i:
        return
    old_head = token.head
    token.head = token
    token.dep_ = "ROOT"
    token.pos_ = "VERB"
    token.lemma_ = lemma
    token.set_morph("Mood=Ind|Person=3|Tense=Pres|VerbForm=Fin")
    if root.i < token.i and root.pos_ in {"NOUN", "PROPN", "PRON"}:
        for t in doc:
            if t.head.i == root.i and t.i > token.i and t.i != root.i:
                t.head = token
        root.head = token
        root.dep_ = "nsubj"
    else:
        for t in doc:
            if t.head.i == root.i and t.i < token.i and t.i != root.i:
                t.head = token  # (the subject the parser hung on the later root)
        root.head = token
        root.dep_ = ("obj" if root.pos_ in {"NOUN", "PROPN"} else "ccomp") if root.i > token.i else "parataxis"
    if old_head.i > token.i and old_head.pos_ in {"VERB", "AUX", "NOUN"} and old_head.head.i == token.i:
        old_head.dep_ = "xcomp" if old_head.pos_ == "VERB" else "obj"


#: Days of the week (folded): told right after a verb, the small parser hangs the object on them.
_WEEKDAYS = frozenset({"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"})
#: Words that say when within the day (« jeudi soir », « mardi dernier »), which stay on it.
_DAY_PARTS = frozenset({"matin", "soir", "apres-midi", "midi", "nuit", "soiree", "dernier", "prochain", "matinee"})


def _day_after_its_verb(day: Token) -> None:
    """« Le gouvernement a annoncé jeudi la suspension des activités des partis », « l'OMS a
    déclaré vendredi qu'elle … »: the small parser reads the day right after the verb as its
    object (or a complement) and hangs the real object or clause on it.  The day says when;
    what hangs after it is the verb's."""
    verb = day.head
    if fold(day.lower_) not in _WEEKDAYS or day.pos_ != "NOUN" or verb.pos_ != "VERB" or verb.i >= day.i \
            or day.dep_ not in {"obj", "xcomp", "obl", "obl:mod", "obl:arg", "punct"}:
        return
    if not any(c.dep_ == "obj" for c in verb.children):
        # (or makes what follows the day a sentence of its own: « Le Mali a suspendu mercredi
        # | la diffusion de RFI »)
        after = next((r for r in day.doc if r.dep_ == "ROOT" and r.i != verb.i and r.i > day.i
                      and r.left_edge.i == day.right_edge.i + 1 and r.pos_ in {"NOUN", "PROPN"}), None)
        if after is not None:
            after.head, after.dep_ = verb, "obj"
    for child in list(day.children):
        if child.i <= day.i or fold(child.lower_) in _DAY_PARTS:
            continue
        if child.dep_ in {"obj", "nmod", "appos"} and child.pos_ in {"NOUN", "PROPN", "PRON", "NUM"}:
            child.head, child.dep_ = verb, "obj"
        elif child.dep_ in {"ccomp", "acl", "acl:relcl", "xcomp"} and child.pos_ in {"VERB", "AUX"}:
            child.head, child.dep_ = verb, "ccomp" if any(c.dep_ == "mark" and fold(c.lower_).startswith("qu")
                                                         for c in child.children) else "xcomp"
    day.dep_ = "obl:mod"
#: Verbs whose object names the act (« faire pression », « lancer un appel »).
_LIGHT_VERBS = frozenset({"faire", "lancer", "prendre", "porter", "donner", "mener", "livrer"})


def _participle_fixed_on_its_auxiliary(token: Token) -> None:
    """« Le gouvernement malien a dissous la Coordination des mouvements de l'Azawad », parsed
    with the auxiliary « a » the root and « dissous » a fixed word on it: the participle is
    the verb, the auxiliary its own and the auxiliary's other words (subject, object) its."""
    aux = token.head
    if not (token.dep_ == "fixed" and aux.dep_ == "ROOT" and aux.pos_ == "AUX" and aux.i == token.i - 1
            and fold(aux.lemma_) in {"avoir", "etre"} and token.text.islower() and _participle_like(token)):
        return
    lexicon = load_lexicon()
    infinitive = next((w for w in _lemma_candidates(token)[1:] + _irregular_infinitives(fold(token.lower_))
                       if w in lexicon), None)
    if infinitive is None:
        return
    for child in list(aux.children):
        if child.i != token.i:
            child.head = token
    token.head = token
    token.dep_ = "ROOT"
    token.pos_ = "VERB"
    token.lemma_ = infinitive
    token.set_morph("Tense=Past|VerbForm=Part")
    aux.head = token
    aux.dep_ = "aux:tense"


def _finite_verb_under_its_subject(doc: Doc, token: Token) -> None:
    """« Le Mali et le Niger signent un pacte de défense mutuelle » (a headline, no full stop),
    parsed with « Mali » the root and « signent » an adjective of « Niger » that holds the
    object: a verb of the lexicon in the indicative is the root, the name it hung on (with
    what that name is the root of) its subject, and the words after it the subject held its
    own.  (Only a name: « Les panneaux solaires exigent de grandes quantités de silicium »
    names no one who acts.)"""
    if token.pos_ != "VERB" or token.dep_ not in {"amod", "acl", "nmod", "appos"} \
            or token.morph.get("VerbForm") != ["Fin"] or token.morph.get("Mood") != ["Ind"] \
            or not token.text.islower() or token.i == 0 or doc[token.i - 1].pos_ == "DET" \
            or fold(token.lemma_) not in load_lexicon() \
            or any(c.dep_ in {"nsubj", "nsubj:pass", "mark"} or c.pos_ == "PRON" and c.i < token.i
                   for c in token.children):
        return  # (« les pertes que le Kremlin admet » : a clause of its own)
    path = [token.head]
    while path[-1].dep_ != "ROOT" and path[-1].head.i != path[-1].i:
        path.append(path[-1].head)
    subject = path[-1]
    if subject.pos_ != "PROPN" or any(t.i > token.i for t in path) \
            or any(t.pos_ in {"VERB", "AUX"} and t.i != token.i for t in subject.subtree if t.i < token.i):
        return
    own = {t.i for t in token.subtree}
    for held in path:
        for child in list(held.children):
            if child.i > token.i and child.i not in own:
                child.head = token
    token.head = token
    token.dep_ = "ROOT"
    subject.head = token
    subject.dep_ = "nsubj"


def _participle_under_its_object(doc: Doc, token: Token) -> None:
    """« Les autorités … ont expulsé deux diplomates », read with « diplomates » the root and
    « expulsé » an adverb on it (or « Les militaires … ont dissous tous les partis », with
    « partis » a conjunct of the subject and « ont » on it): the participle after its
    auxiliary is the verb, the noun after it its object, what came before its subject."""
    head = token.head
    # (or « L'Afrique du Sud a fait pression pour … », with « pression » the root and « fait »
    # a bare dependent on it)
    light = token.pos_ == "VERB" and token.dep_ == "dep" and fold(token.lemma_) in _LIGHT_VERBS
    if (token.pos_ not in {"ADV", "ADJ", "NOUN"} or not _participle_like(token)) and not light \
            or head.i <= token.i or head.pos_ not in {"NOUN", "PROPN"}:
        return
    auxes = [c for c in doc[max(token.i - 2, 0):token.i]
             if c.dep_ == "aux:tense" and fold(c.lemma_) in _AUXILIARIES and c.head.i in {token.i, head.i}]
    if not auxes:
        return
    if head.dep_ == "ROOT":
        subject = None
    elif head.dep_ == "conj" and head.head.dep_ == "ROOT" and head.head.i < token.i \
            and head.head.pos_ in {"NOUN", "PROPN"}:
        subject = head.head
    else:
        return
    root = subject if subject is not None else head
    for t in doc:
        if t.head.i == head.i and t.i < token.i and t.i != token.i:
            t.head = token  # (what came before the participle: the subject, the auxiliary)
    token.head = token
    token.dep_ = "ROOT"
    token.pos_ = "VERB"
    if subject is not None:
        for t in doc:
            if t.head.i == subject.i and t.i > token.i and t.i != head.i:
                t.head = token
        subject.head = token
        subject.dep_ = "nsubj"
        for t in doc:
            if t.dep_ == "cc" and t.head.i == head.i and t.i < token.i:
                t.head = token
    head.head = token
    head.dep_ = "obj"
    for aux in auxes:
        aux.head = token
        aux.dep_ = "aux:tense"
        for t in [c for c in aux.children if c.dep_.startswith("nsubj")]:
            t.head = token
    last = doc[len(doc) - 1]
    if last.dep_ == "punct" and last.head.i in {head.i, root.i}:
        last.head = token


def _verb_read_as_noun(token: Token) -> bool:
    return token.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in token.children)


def match_acts(doc: Doc) -> list[FrenchMatch]:
    """Every act the lexicon reads in the sentence, in sentence order."""
    lexicon = load_lexicon()
    text = doc.text
    found = []
    for token in doc:
        if token.pos_ not in _VERB_TAGS or token.dep_ == "cop" or token.dep_.startswith("aux"):
            continue  # (a copula or an auxiliary states no act: « nous sommes » is not « sommer »)
        verb = verb_of(token)
        # (a verb the small parser tags as an adverb, its subject hung on it: « que ses troupes
        # interviendraient au Niger »)
        subject_on_it = _verb_tagged(token) and token.pos_ == "ADV"
        if token.pos_ in {"ADJ", "NOUN", "ADV"} and not (_participle_like(token) or verb is not token or subject_on_it):
            continue
        if token.pos_ == "ADV" and verb is token and not subject_on_it:
            continue
        if token.morph.get("Tense") == ["Pres"] and token.morph.get("VerbForm") == ["Part"] and any(
                c.dep_.startswith(("aux", "cop")) and c.lemma_ == "être" for c in token.children):
            continue  # « est consultant », « sont dirigeants » : « être » and a noun in -ant
        for lemma in _lemma_candidates(token):
            rows = lexicon.get(lemma)
            if rows is None:
                continue
            row = _row_for(verb, rows, text)
            if row is None or row.code == "---":
                break
            found.append(FrenchMatch(
                code=row.code, trigger_i=token.i, trigger_start=token.idx,
                trigger_end=token.idx + len(token.text),
                pattern=f"fr: {row.lemma} {' '.join(row.conditions)} [{row.code}]".replace("  ", " "),
                specificity=row.specificity, negated=_negated_here(verb)))
            break
    return found


#: Nouns of the table in a set phrase that names no act.
_NOT_NOMINAL_ACT = re.compile(r"demandes? de commentaires?|appels? d'offres?|appels? téléphonique|"
                              # « une levée de fonds », « la levée du corps », « une levée de
                              # boucliers » (an outcry), « la levée de son immunité » (no concession)
                              r"levées? (?:de fonds|du corps|de boucliers|de (?:l'|son |sa |leur )?immunité)|"
                              # « la manifestation la plus importante de cette dégradation » : a sign
                              r"manifestations? (?:(?:la|les) plus \w+|concrètes?|claires?|évidentes?|"
                              r"visibles?|tangibles?) d")
#: Prepositions by which a noun tells when the main act happened, not what it was.
_TIME_CASES = frozenset({"apres", "avant", "depuis", "lors", "suite", "pendant", "durant"})  # folded
_NOMINAL_DEPS = {"nsubj", "nsubj:pass", "obj", "obl", "obl:arg", "obl:mod", "ROOT", "appos", "xcomp"}


@functools.lru_cache(maxsize=1)
def load_nouns(path: str | None = None) -> dict[str, str]:
    """French nouns that name an act (``resources/cameo/french_nouns.tsv``): lemma → CAMEO code."""
    table = {}
    with open(path or NOUNS_PATH, encoding="utf-8") as handle:
        for line in handle:
            if line.strip() and not line.startswith("#"):
                lemma, code, *_ = line.rstrip("\n").split("\t")
                table[fold(lemma)] = code
    return table


def match_nominal(doc: Doc) -> FrenchMatch | None:
    """An act named by a noun (« l'arrestation de l'opposant », « des frappes ») that is the
    subject, object or complement of the sentence's main verb, or the main word itself."""
    nouns = load_nouns()
    root = doc[_root(doc)]
    for token in sorted(doc, key=lambda t: (t.i != root.i, abs(t.i - root.i))):
        if (token.pos_ != "NOUN" and not (token.pos_ == "ADJ" and token.dep_.startswith("nsubj") and any(
                c.dep_ == "det" for c in token.children))) or token.dep_ not in _NOMINAL_DEPS:
            continue  # (« De violents affrontements ont opposé … » : the noun tagged an adjective)
        if token.i != root.i and token.head.i != root.i and not _object_of(token) and not (
                token.dep_ in {"nsubj", "obj"} and token.head.head.i == root.i and not (
                    token.head.pos_ in {"VERB", "AUX"} and token.head.dep_ in {"ccomp", "advcl", "acl:relcl"})):
            # (one step more where the small parser hangs the subject on a word of it; not the
            # subject of a clause of its own: « a déclaré que la réunion aura lieu à Bamako »)
            continue
        if _case_words(token) & _TIME_CASES and any(
                c.dep_ == "det" and fold(c.lemma_) in {"le", "ce"} for c in token.children):
            # « a décrété un deuil national après l'attaque » : an act already told, when this
            # one happened (« après une rencontre avec les chefs religieux » tells a new one)
            continue
        if _case_words(token) and _case_words(token) <= {"de", "d'", "d’"} and not any(
                c.dep_ in {"det", "nummod"} for c in token.children) and not _object_of(token):
            continue  # « les effectifs de combat », « un partenaire d'exécution » : what kind, no act
        code = nouns.get(fold(token.lemma_.lower())) or nouns.get(fold(_singular(token.text.lower())))
        if code is None or _NOT_NOMINAL_ACT.match(doc.text[token.idx:token.idx + 60].lower()):
            continue
        if fold(token.lemma_.lower()) == "rupture" and not _TIES_AFTER.match(doc.text, token.idx + len(token.text)):
            continue  # (« une rupture de stock », « la rupture du jeûne »)
        from harmattan.events.acled_fr import CAUSE_FIGHT

        if CAUSE_FIGHT.match(doc.text, token.idx):
            continue  # « le combat contre le racisme » : a cause, no fighting
        if fold(root.lemma_) in _MODALS:
            return None  # « les sanctions peuvent inclure … » : a possibility
        if fold(root.lemma_) in _BEING_VERBS or any(
                c.dep_ == "det" and fold(c.lower_) in {"ce", "cet", "cette", "ces"} for c in token.children):
            # « constituent une double menace » names no act; « Cet accord intervient … » one
            # already told
            return None
        if code.startswith("08") and fold(token.lemma_.lower()) == "retrait":
            from harmattan.events.acled import _LEAVE_BODY

            if _LEAVE_BODY.search(doc.text[token.idx:token.idx + 80]):
                code = "161"  # « leur retrait de la CEDEAO » : leaving a body (SANCTION)
        if fold(token.lemma_.lower()) == "denonciation" and _AGREEMENT_AFTER.match(doc.text, token.idx + len(token.text)):
            code = "160"  # « la dénonciation des accords de défense » : an agreement ended (SANCTION)
        return FrenchMatch(code=code, trigger_i=token.i, trigger_start=token.idx,
                           trigger_end=token.idx + len(token.text),
                           pattern=f"fr noun: {fold(token.lemma_.lower())} [{code}]", specificity=0,
                           negated=_negated_here(root), kind="noun")
    return None


#: An agreement right after a noun (« la dénonciation des accords de coopération »).
_AGREEMENT_AFTER = re.compile(r"\s+(?:des|du|de\s+l['’]|de\s+la|de\s+(?:ses|leurs|son|sa|leur))\s*"
                              r"(?:\S+\s+)?(?:accords?|traités?|conventions?|pactes?|protocoles?)\b",
                              re.IGNORECASE)


#: Ties right after a noun (« la rupture des relations diplomatiques avec l'Ukraine »).
_TIES_AFTER = re.compile(r"\s+(?:des|du|de\s+l['’]|de\s+la|de\s+(?:ses|leurs|son|sa|leur))\s*"
                         r"(?:\S+\s+)?(?:relations?|liens|coopération|partenariat|dialogue)\b", re.IGNORECASE)


def _object_of(noun: Token) -> bool:
    """« X fait (a fait, fera) l'objet d'une enquête / de sanctions » : X suffers the act the
    noun names, as with « subir »."""
    if not _case_words(noun) & {"de", "d'", "d’", "des", "du"}:
        return False
    holder = noun.head
    if noun.dep_ == "nmod" and fold(holder.lemma_) == "objet" and holder.dep_ == "obj":
        return fold(holder.head.lemma_) == "faire"
    # (the small parser hangs « d'une arrestation » on the verb)
    return noun.dep_ in {"obl:arg", "obl", "obl:mod"} and fold(holder.lemma_) == "faire" and any(
        c.dep_ == "obj" and fold(c.lemma_) == "objet" for c in holder.children)


_POSSESSIVES = frozenset({"son", "sa", "ses", "leur", "leurs"})
#: Acts of force that a state's forces do (« une frappe de l'armée », « un raid des forces
#: spéciales »), not suffer.
_FORCE_NOUNS = frozenset({"frappe", "bombardement", "raid", "offensive", "riposte", "tir", "operation"})
#: Nouns of force whose « de X » is whom it is done to, whoever X is (folded lemmas).
_PATIENT_FORCE_NOUNS = frozenset({"neutralisation", "elimination", "capture", "execution"})
#: Nouns of a measure whose « de X » names what it suspends, bans or dissolves (folded lemmas).
_MEASURE_NOUNS = frozenset({"suspension", "interdiction", "dissolution"})
#: Main verbs whose subject suffers the act their object names (folded lemmas).
_SUFFER_VERBS = frozenset({"subir", "essuyer", "endurer"})
#: Main verbs whose subject claims the act their object names (folded lemmas).
_CLAIM_VERBS = frozenset({"revendiquer"})
#: Main verbs whose subject decides or proclaims the act their object names: its doer
#: (« La CEDEAO a annoncé la levée des sanctions contre le Niger ») (folded lemmas).
_DECIDING_VERBS = frozenset({"annoncer", "decider", "decreter", "ordonner", "enteriner",
                             "proclamer", "prononcer", "acter", "approuver", "autoriser"})
#: Main verbs by which a noun names what something is, not an act (folded lemmas).
_BEING_VERBS = frozenset({"constituer", "representer", "sembler", "paraitre", "devenir", "rester"})


#: CAMEO codes (their first two or three digits) of acts whose noun takes its doer with « de »
#: (« le refus de la junte », « la visite du ministre », « l'appel de la CEDEAO »); the others
#: take whom they are done to (« l'arrestation de l'opposant », « la saisie de deux tonnes »).
#: Verbs of a purpose clause (« pour exiger … ») that name whom the act is made against.
_DEMANDING_PURPOSES = frozenset({"exiger", "reclamer", "demander", "denoncer", "protester", "condamner"})
#: Nouns of an agreement or a tie (folded lemmas) that an act of 16x ends or suspends.
_AGREEMENT_NOUNS = frozenset({"accord", "traite", "convention", "pacte", "protocole", "cooperation",
                              "partenariat", "relation"})
_AGENTIVE_NOUN_CODES = ("01", "02", "03", "04", "05", "10", "11", "12", "13", "14", "084", "16")
#: ... but a release names whom it frees (« la libération des otages », CAMEO 0841 / 0842).
_RELEASE_CODES = ("0841", "0842")


def nominal_roles(doc: Doc, trigger_i: int, code: str, actors: list[Actor], offset: int) -> Roles | None:
    """Roles of an act named by a noun, from the words hung on it: « par X » is the doer,
    « contre / envers X » whom it is aimed at, « de X » the doer of a refusal, a visit, an
    appeal… and whom an arrest, a seizure, an execution… is done to.  None when nothing names
    a party there (the sentence's parse decides then)."""
    noun = doc[trigger_i]
    # (« la menace d'une intervention militaire » : an agent's word as an adjective names no one)
    mapped = [(a, b, e) for a, b, e in actor_tokens(doc, actors, offset)
              if not (":agents:" in (a.entry or "") and e - b == 1 and doc[b].pos_ == "ADJ"
                      and doc[b].dep_ == "amod")]
    if not mapped:
        return None
    agentive = code.startswith(_AGENTIVE_NOUN_CODES) and not code.startswith(_RELEASE_CODES)
    if agentive and any(c.dep_ in {"det", "nmod:poss"} and fold(c.lower_) in _POSSESSIVES for c in noun.children):
        # « La Minusma a achevé son retrait du Mali » : the possessive names the doer (the
        # sentence's subject), and « de X » is where from or what about, not the doer
        agentive = False
        if noun.dep_ in {"nsubj", "nsubj:pass"}:
            return None
        # (and the first of coordinated subjects, which the parser may hang on the verb with
        # no preposition: « Le Mali, le Burkina Faso et le Niger ont annoncé leur retrait »)
        owner = [c for c in noun.head.children if c.dep_ == "nsubj" or (
            c.dep_ in {"obl:mod", "obl", "dislocated", "nmod"} and not _case_words(c) and c.i < noun.head.i
            and c.pos_ in {"PROPN", "NOUN"})] if noun.dep_ == "obj" else []
        owners = [a for c in owner for a in _actors_at(mapped, c)]
    else:
        owners = []
    source: list[Actor] = list(owners)
    target: list[Actor] = []
    claimed = noun.dep_ == "obj" and fold(noun.head.lemma_) in _CLAIM_VERBS
    if claimed:
        # « Le GSIM a revendiqué l'attaque contre le camp de Tessit » : who claims it did it
        source = [a for c in noun.head.children if c.dep_ == "nsubj" for a in _actors_at(mapped, c)]
        owners = list(source)
    suffered = (noun.dep_ == "obj" and fold(noun.head.lemma_) in _SUFFER_VERBS) or _object_of(noun) or (
        # « Une dizaine de soldats ont perdu la vie dans une embuscade »
        noun.dep_.startswith("obl") and fold(noun.head.lemma_) == "perdre" and any(
            c.dep_ == "obj" and fold(c.lemma_) == "vie" for c in noun.head.children))
    if noun.dep_.startswith("nsubj") and code.startswith(("18", "19", "20")):
        # « Une frappe … a fait une vingtaine de morts parmi les civils » : the dead are among them
        target += [a for t in doc if "parmi" in _case_words(t) for a in _actors_at(mapped, t)]
    if suffered:
        # « Des villes, dont Kiev, ont subi de lourdes attaques » : the subject suffers the act
        verb = noun.head.head if _object_of(noun) and noun.dep_ == "nmod" else noun.head
        target = [a for c in verb.children if c.dep_ in {"nsubj", "nsubj:pass"} for a in _actors_at(mapped, c)]
    # (« par X » anywhere in the noun phrase: the small parser hangs it on the last noun,
    # « la saisie de deux tonnes de cocaïne par la gendarmerie »)
    # or between the noun and the verb it is the subject of (« L'arrestation de l'opposant par les
    # gendarmes a provoqué … », where it hangs « par les gendarmes » elsewhere)
    root = doc[_root(doc)]
    end = root.i if noun.i < root.i and noun.dep_.startswith("nsubj") else noun.right_edge.i + 1
    # (through the noun's own participle: « une embuscade tendue par des hommes armés »)
    agents = [t for t in doc[noun.i + 1:end] if t.dep_ in {"nmod", "obl", "obl:agent", "obl:mod"}
              and "par" in _case_words(t) and not any(
                  doc[k].pos_ in {"VERB", "AUX"} and not (doc[k].dep_ == "acl" and doc[k].head.i == noun.i)
                  for k in range(noun.i + 1, t.i))]
    between: list[Token] = []
    if noun.dep_.startswith("nsubj") and noun.head.i == root.i and code.startswith("19"):
        if fold(root.lemma_) == "opposer":
            # « De violents affrontements ont opposé l'armée burkinabè aux jihadistes »
            first = [a for c in root.children if c.dep_ == "obj" for a in _actors_at(mapped, c)]
            # (hung anywhere after, or on the first party: « ont opposé des manifestants aux
            # forces de l'ordre »)
            second = [a for c in doc[root.i + 1:] if (c.dep_.startswith("obl") or (
                          c.dep_ == "nmod" and c.head.dep_ == "obj" and c.head.head.i == root.i))
                      and _case_words(c) & {"a", "à", "au", "aux"} for a in _actors_at(mapped, c)]
            first = [a for a in first if all(a is not b for b in second)]
            second = [a for a in second if not _is_place(a, doc, *next((b, e) for x, b, e in mapped if x is a))]
            if first and second:
                return Roles(_dedupe(first), _dedupe(second), "noun")
        # « Des combats ont éclaté entre les FAMa et les rebelles » (« entre » on the verb)
        between = [c for c in root.children if "entre" in _case_words(c)]
    # (« leur retrait immédiat de la CEDEAO » : what hangs on the noun's adjective)
    on_adjective = [g for c in noun.children if c.dep_ == "amod" for g in c.children
                    if g.dep_ in {"obl:arg", "obl", "nmod"}]
    for child in [*noun.children, *(a for a in agents if a.head.i != noun.i), *between, *on_adjective]:
        if child.dep_ not in {"nmod", "obl", "obl:arg", "obl:mod", "obl:agent", "acl"}:
            continue
        cases = _case_words(child)
        found = [a for a in _actors_at(mapped, child) if not _is_place(a, doc, *next(
            (b, e) for x, b, e in mapped if x is a))]
        if not found:
            continue
        if "par" in cases:
            source += found
        elif "entre" in cases and code.startswith("19"):
            # « des combats entre les FAMa et les rebelles »
            source += found[:1]
            target += found[1:]
            after = child.right_edge.i + 1
            if len(found) == 1 and after < len(doc) and fold(doc[after].lower_) == "et":
                # (the parser may make the second party the subject of the next verb: « Les
                # combats entre l'armée et les rebelles séparatistes ont poussé … »)
                target += [a for a, b, _ in mapped if after < b <= after + 3 and all(a is not x for x in found)][:1]
        elif cases & {"contre", "envers"}:
            target += found
        elif cases & {"de", "du", "des", "d'", "d’"} and agentive and noun.dep_ == "obj" and any(
                c.dep_ in {"det", "nmod:poss"} and fold(c.lower_) in _POSSESSIVES for c in child.children) and any(
                c.dep_ == "nsubj" for c in noun.head.children):
            # « La France a achevé le retrait de ses troupes du Niger » : « ses » troops are the
            # subject's, who does it; what hangs on them with « de » is where from
            source += [a for c in noun.head.children if c.dep_ == "nsubj" for a in _actors_at(mapped, c)]
            target += [a for g in child.children if g.dep_ == "nmod" and _case_words(g) & {"de", "du", "des", "d'", "d’"}
                       for a in _actors_at(mapped, g)]
        elif cases & {"de", "du", "des", "d'", "d’"} and fold(noun.lemma_) in _MEASURE_NOUNS:
            # « la suspension des activités des partis politiques » : what is suspended, not
            # who suspends it (the parties were the source)
            target += found
        elif cases & {"de", "du", "des", "d'", "d’"} and code.startswith("16") \
                and fold(child.lemma_) in _AGREEMENT_NOUNS:
            # « la dénonciation des accords de défense avec la France » : what is ended, and
            # the party it was made with
            target += found
        elif cases & {"de", "du", "des", "d'", "d’"}:
            armed = code.startswith(("18", "19", "20")) and all(
                a.sector in {"REB", "CRM"} or a.code == "IMG" for a in found) or (
                # « une frappe de drone de l'armée » : a strike, a raid, a bombing by the forces
                code.startswith(("19", "18")) and fold(noun.lemma_) in _FORCE_NOUNS
                and all(a.sector in {"MIL", "COP", "SPY"} for a in found))
            # « une attaque des jihadistes », « a subi une attaque du GSIM » : armed men (or
            # anyone, when the subject suffers it) do the violence; « l'attaque du camp » is
            # done to the camp
            # (« a revendiqué la neutralisation de terroristes » : the claimant did it to them)
            if fold(noun.lemma_) in _PATIENT_FORCE_NOUNS:
                armed = False  # « la neutralisation de plusieurs terroristes » : done to them
            (source if (agentive or armed or suffered) and not claimed else target).extend(found)
    if not source and target and ((noun.dep_ == "obj" and fold(noun.head.lemma_) in _DECIDING_VERBS) or (
            noun.dep_ in {"obl:arg", "obl", "obl:mod"} and fold(noun.head.lemma_) == "proceder"
            and _case_words(noun) & {"a", "à", "au", "aux"})):
        # (what one announces or decides with no « par X » is one's own act; so is what one
        # « procède à » : « La gendarmerie a procédé à l'arrestation de trois journalistes »)
        source = [a for c in noun.head.children if c.dep_ == "nsubj" for a in _actors_at(mapped, c)]
    if not target and all(any(a is o for o in owners) for a in source):
        return None  # (nothing hung on the noun names a party: the sentence's parse decides)
    return Roles(_dedupe(source), _dedupe([a for a in target if all(a is not s for s in source)]), "noun")


def _participle_like(token: Token) -> bool:
    """An adjective or noun that is a past participle (« tués », « enlevées », « détenus »),
    or a verb the parser took for a noun (see ``_lemma_candidates``)."""
    word = token.text.lower()
    return word.endswith(_ER_PARTICIPLE + ("i", "is", "u", "us", "ue", "ues", "it", "its", "ite", "ites")) \
        or _verb_read_as_noun(token)


def best_french_match(matches: list[FrenchMatch], doc: Doc) -> FrenchMatch | None:
    """The sentence's main act: the trigger nearest the root, then the most specific row,
    then the first."""
    if not matches:
        return None

    def depth(i: int) -> int:
        token, steps = doc[i], 0
        while token.head.i != token.i and steps < 20:
            token, steps = token.head, steps + 1
        return steps

    winner = min(matches, key=lambda m: (depth(m.trigger_i), -m.specificity, m.trigger_i))
    subject = _subject(verb_of(doc[winner.trigger_i]))[0]
    if subject is not None and fold(subject.lower_).rstrip("'’") in _FIRST_PERSON:
        # « « Nous condamnons ce coup d'État », a déclaré le président de la Commission » : the
        # speaker acts, through the verb of saying that names him
        spoken = [m for m in matches if _inverted_speaker(verb_of(doc[m.trigger_i])) is not None]
        if spoken:
            return spoken[0]
    if _denies(doc[winner.trigger_i]):
        # « a démenti avoir expulsé l'ambassadeur » : the act denied, negated (modality), not
        # the denial
        denied = [m for m in matches if m is not winner and doc[winner.trigger_i] in
                  _governing_chain(doc[m.trigger_i])[1:]
                  and not any(t.dep_ == "conj" for t in _governing_chain(doc[m.trigger_i])[:-1])]
        if denied:
            return min(denied, key=lambda m: (depth(m.trigger_i), -m.specificity, m.trigger_i))
    return winner


def denial_match(doc: Doc) -> FrenchMatch | None:
    """The sentence's verb of denial, as a match of the lexicon (« démentir », « nier »)."""
    from harmattan.events.cameo import cameo_to_plover

    return next((m for m in match_acts(doc) if _denies(doc[m.trigger_i]) and cameo_to_plover(m.code)), None)


#: Verbs of denial (folded): the act they deny is the one coded, negated; and the forms of
#: « nier » the small tagger lemmatises wrongly (« nie » → « ni »).
_DENYING = frozenset({"dementir", "nier"})
_DENYING_FORMS = frozenset({"nie", "nient", "nie", "niait", "niaient", "nia", "nierent"})


def _denies(token: Token) -> bool:
    return fold(token.lemma_) in _DENYING or (fold(token.lower_) in _DENYING_FORMS and (
        token.pos_ in {"VERB", "AUX"} or token.dep_ == "ROOT"))


# -- modality ------------------------------------------------------------------------------------

_NEGATORS = {"pas", "plus", "jamais", "point", "guère", "aucun", "aucune", "nullement"}
_NEGATING_LEMMAS = {"démentir", "nier", "refuser", "renoncer", "exclure", "échouer"}
_FUTURE_LEMMAS = {"prévoir", "envisager", "compter", "promettre", "engager", "projeter", "entendre",
                  "vouloir", "souhaiter", "annoncer", "préparer", "apprêter", "s'apprêter",
                  "comptent", "devoir", "viser",
                  # (an offer is an intent: « ont proposé de libérer 250 prisonniers » yields,
                  # CONCEDE, as "offered to release" does in English)
                  "proposer", "offrir"}
_HYPOTHETICAL_LEMMAS = {"pouvoir", "menacer", "envisager", "examiner", "étudier", "proposer", "risquer"}
_CONDITION = re.compile(r"\b(?:en cas d[e'’]|au cas où|à moins que|faute d[e'’])", re.IGNORECASE)


def _governing_chain(token: Token, depth: int = 3) -> list[Token]:
    chain, node = [token], token
    for _ in range(depth):
        if node.dep_ not in {"xcomp", "ccomp", "conj", "advcl", "acl", "obj", "obl", "obl:arg",
                             "nmod", "csubj"} or node.head.i == node.i:
            break
        if node.dep_ == "conj" and any(c.dep_ in {"nsubj", "nsubj:pass"} for c in node.children):
            # a clause with its own subject, coordinated with the one before, shares what
            # governs that one, not its verb (« … peuvent être confrontées, le chef du parti a
            # été giflé » : the slap is no possibility)
            node = node.head
            if node.dep_ == "conj" or node.head.i == node.i:
                break
            continue
        node = node.head
        chain.append(node)
    return chain


def _verb_tagged(token: Token) -> bool:
    """A verb, or a verb the small parser tags as an adverb with its subject hung on it."""
    # (not a participle after its auxiliary, « a violé les lois », whose arguments the parser
    # scatters: verb_of reads those)
    return token.pos_ in {"VERB", "AUX"} or (
        token.pos_ == "ADV" and any(c.dep_ in {"nsubj", "nsubj:pass"} for c in token.children)
        and not any(c.dep_.startswith("aux") for c in token.children))


def _morph(token: Token, feature: str) -> str:
    values = token.morph.get(feature)
    value = values[0] if values else ""
    if feature in {"Mood", "Tense"} and _verb_tagged(token) and value != "Cnd":
        written = _written_tense(token)
        if written == "Cnd":
            return "Cnd" if feature == "Mood" else "Pres"
        if written == "Fut" and feature == "Tense":
            return "Fut"
    return value


_CONDITIONAL_ENDINGS = ("aient", "ais", "ait", "ions", "iez")
_FUTURE_ENDINGS = ("ai", "as", "a", "ons", "ez", "ont")


def _written_tense(token: Token) -> str:
    """"Cnd" or "Fut" when the verb's ending on its infinitive says so, whatever the tagger read
    (« tenteraient », « fermera » : tagged présent by the tagger at times); "" otherwise."""
    lemma, word = fold(token.lemma_), fold(token.text.lower())
    if not lemma.endswith(("er", "ir", "re")) or len(lemma) < 4:
        return ""
    stems = {lemma, lemma[:-1]} if lemma.endswith("re") else {lemma}
    for stem in stems:
        if not word.startswith(stem):
            continue
        rest = word[len(stem):]
        if rest in _CONDITIONAL_ENDINGS:
            return "Cnd"
        if rest in _FUTURE_ENDINGS:
            return "Fut"
    # an irregular stem (« interviendraient », « enverrait »): « -rait » on a stem that is not
    # the imparfait's (« déclarait », « courait », « tirait » are)
    for ending in ("raient", "rait", "rais"):
        if word.endswith(ending) and len(word) >= len(ending) + 4 and _verb_tagged(token) \
                and not word.endswith(("trait", "traient")) \
                and word[: -len(ending) + 1] != lemma[:-2] and word[: -len(ending)] != lemma[:-3]:
            return "Cnd"
    return ""


#: Subjects that negate the verb with « ne » (« Personne n'enverra de soldats »).
_NEGATIVE_SUBJECTS = {"personne", "rien", "nul", "nulle", "aucun", "aucune"}


def _negated_here(token: Token) -> bool:
    if any(c.lower_ in {"ne", "n'", "n’"} for c in token.children) and any(
            c.lower_ in _NEGATIVE_SUBJECTS and c.dep_.startswith("nsubj") for c in token.children):
        return True
    if any(c.lower_ in _NEGATORS and c.dep_ in {"advmod", "det", "nsubj"} or
           (_morph(c, "Polarity") == "Neg" and c.lower_ not in {"ne", "n'", "n’"})
           for c in token.children):
        return True
    # « n'a pas encore répondu » : the parser may hang « pas » on « encore »
    return any(c.lower_ in {"ne", "n'", "n’"} for c in token.children) and any(
        g.lower_ in _NEGATORS for c in token.children if c.dep_ == "advmod" for g in c.children)


def read_french_modality(doc: Doc, trigger_i: int, event_quad: int | None = None,
                         code: str | None = None) -> Modality:
    trigger = verb_of(doc[trigger_i])
    # A threat states its own condition (« a menacé de retirer ses soldats si … »): the
    # condition makes the threat no less made.
    threat = bool(code) and code.startswith("13")
    negated = hypothetical = future = mood = False
    chain = _governing_chain(trigger)
    # a clause with its own subject is not negated by the verb it hangs on (« n'a toujours
    # pas reçu la pension que son ex-mari a été condamné à payer », « n'a pas dit que l'armée
    # a attaqué »); an infinitive is (« n'a pas pu arrêter »)
    own = next((i for i, t in enumerate(chain) if t.dep_ in {"ccomp", "advcl", "acl:relcl"}
                and any(c.dep_ in {"nsubj", "nsubj:pass"} for c in t.children)), None)
    for depth, token in enumerate(chain):
        auxes = [c for c in token.children if c.dep_.startswith("aux")]
        if _negated_here(token) and (own is None or depth <= own):
            negated = True
        for verb in [token, *auxes]:
            if _morph(verb, "Mood") == "Cnd":
                mood = True
            if _morph(verb, "Tense") == "Fut":
                future = True
        for child in token.children:
            if child.dep_ == "mark" and fold(child.text) in {"si", "s'"} and token.i != trigger.i \
                    and token.dep_ == "advcl":
                pass
            if child.dep_ == "advcl" and not threat and any(
                    g.dep_ == "mark" and fold(g.text) in {"si", "s'", "s’"} for g in child.children):
                hypothetical = True
        if any(c.dep_ == "mark" and fold(c.text) in {"si"} for c in token.children) \
                and token.dep_ in {"advcl", "ccomp"}:
            # the act is the condition itself (« si la junte attaque ») or an indirect question
            # (« se demandent si les États-Unis interviendraient »)
            hypothetical = True
        if token.i != trigger.i:
            lemma = fold(token.lemma_)
            if lemma == "aller" and _morph(trigger, "VerbForm") == "Inf":
                future = True
            if lemma in {fold(w) for w in _FUTURE_LEMMAS} and _morph(trigger, "VerbForm") == "Inf":
                future = True
            # « ont pu rapatrier » : « pouvoir » in the passé composé tells what was done
            done = lemma == "pouvoir" and any(c.dep_.startswith("aux") and fold(c.lemma_) == "avoir"
                                              for c in token.children)
            if lemma in {fold(w) for w in _HYPOTHETICAL_LEMMAS} and (event_quad == 4 or lemma == "pouvoir") \
                    and not done:
                hypothetical = True
            if lemma in {fold(w) for w in _NEGATING_LEMMAS} or _denies(token):
                negated = True
    if _CONDITION.search(doc.text) and not threat:
        hypothetical = True
    if mood:
        if not hypothetical and future_in_the_past(doc, trigger):
            future = True  # « Le Mali a annoncé qu'il quitterait la CEDEAO »
        else:
            hypothetical = True
    return Modality(negated=negated, hypothetical=hypothetical, future=future)


#: Verbs of saying whose reported conditional tells what was announced, in the past, as to come.
_ANNOUNCING = {"annoncer", "declarer", "affirmer", "assurer", "indiquer", "preciser", "dire",
               "confirmer", "promettre", "prevenir", "avertir", "informer", "notifier", "ecrire",
               "tweeter", "ajouter", "repondre", "decider"}


def future_in_the_past(doc: Doc, trigger: Token) -> bool:
    """« a annoncé qu'il quitterait la CEDEAO », « a déclaré que ses troupes se retireraient » :
    a conditional in what a verb of saying in a past tense reports is the future of that past
    (concordance des temps), not a hypothesis — unless a condition is stated (« si … », « en
    cas de … ») or a verb of possibility carries it (« pourrait »)."""
    if _CONDITION.search(doc.text) or re.search(r"\bs(?:i\s|['’]il)", doc.text, re.IGNORECASE):
        return False
    for token in _governing_chain(trigger)[1:]:
        if fold(token.lemma_) in _HYPOTHETICAL_LEMMAS | _MODALS:
            return False
        if fold(token.lemma_) in _ANNOUNCING:
            return tense_of(doc, token.i) in {"compose", "simple", "plusqueparfait"}
    return False


# -- roles ---------------------------------------------------------------------------------------

_TARGET_CASES = {"contre", "a", "au", "aux", "avec", "envers", "sur", "vers", "aupres", "de", "du", "des",
                 "entre", "pour"}
_PLACE_CASES = {"dans", "pres", "en", "a", "au", "aux", "vers", "depuis"}
_CORE_DEPS = {"det", "amod", "nmod", "flat:name", "flat:foreign", "flat", "appos", "conj", "cc", "case",
              "nummod", "fixed", "compound"}


_WHERE_CASES = {"pres", "dans", "vers", "depuis"}  # folded


#: Nouns (folded lemmas) by which an apposition tells how its noun stands to another party.
_RELATION_NOUNS = frozenset({"voisin", "allie", "partenaire", "homologue", "rival", "ennemi",
                             "adversaire", "parrain", "protecteur", "successeur", "predecesseur"})


def _core(token: Token) -> set[int]:
    core, stack = {token.i}, [token]
    while stack:
        node = stack.pop()
        for child in node.children:
            if child.dep_ == "nmod" and (_case_words(child) | {fold(g.lower_) for g in child.children
                                                                if g.dep_ in {"advmod", "fixed"}}) & _WHERE_CASES:
                continue  # « des jihadistes près de Tillabéri » : where, not who
            if child.dep_ == "nmod" and child.pos_ == "PROPN" and node.pos_ == "NOUN" \
                    and _case_words(child) & {"a", "au", "aux", "en"}:
                continue  # « des manifestants à Niamey » : where they are, not who
            if child.dep_ == "nmod" and fold(child.lemma_) in _OCCASIONS:
                continue  # « trois jihadistes à la suite d'une demande du Niger » : when, not who
            if child.dep_ in {"conj", "appos"} and fold(child.lemma_) in _RELATION_NOUNS and not any(
                    g.dep_ == "cc" for g in child.children):
                continue  # « L'Afrique du Sud, le grand voisin du Mozambique, » : said of it
            if child.dep_ in _CORE_DEPS and child.i not in core:
                core.add(child.i)
                stack.append(child)
    return core


def _actors_at(mapped: list[tuple[Actor, int, int]], token: Token,
               exclude: set[int] | None = None) -> list[Actor]:
    core = _core(token)
    found = [a for a, s, e in mapped if any(i in core for i in range(s, e))
             and not (exclude and s in exclude)]
    if found:
        return found
    lo, hi = token.left_edge.i, token.right_edge.i + 1
    # (not who judged the noun: « Le coup d'État, condamné par la CEDEAO, » did nothing by it)
    judges = {t.i for c in token.children if c.dep_ == "acl" and _judged_by(c) for t in c.subtree}
    return [a for a, s, _ in mapped if lo <= s < hi and s not in judges and not (exclude and s in exclude)][:1]


#: Prepositions (folded) that always name a place: « dans », « près de », « depuis », « entre
#: Gao et Ansongo », « vers ».
_PLACE_CASES = frozenset({"dans", "pres", "depuis", "entre", "vers"})


_PLACE_WORDS_BEFORE = re.compile(r"(?:^|\s)(?:à|au|aux|en|dans|près\s+d[e'’]|vers|entre)\s+"
                                 r"(?:l[ea]\s+|l['’]|les\s+)?$", re.IGNORECASE)


#: Nouns (folded lemmas) that name a place or a part of one: a country hung on them names
#: where (« un village du nord du Burkina Faso »).
_PLACE_NOUNS = frozenset({
    "nord", "sud", "est", "ouest", "centre", "nord-est", "nord-ouest", "sud-est", "sud-ouest",
    "village", "ville", "localite", "commune", "region", "province", "departement", "cercle",
    "zone", "frontiere", "capitale", "quartier", "hameau", "campement", "territoire", "partie", "base",
    "camp", "caserne", "poste", "position", "aeroport", "gare"})


def _is_place(actor: Actor, doc: Doc, start: int, end: int, dative: bool = False) -> bool:
    """A country or town named as where the act happened (« à Niamey », « au Mali »); with
    ``dative``, « au Niger » after a verb that gives or imposes (« imposé des sanctions au
    Niger ») is the target, and only « dans », « près de » and a capital name a place."""
    if not (actor.entry or "").startswith("countries:") and actor.sector != "" and actor.sector != "GOV":
        return False
    if not (actor.entry or "").startswith(("countries:", "phoenix:countries:")):
        return False
    root = doc[start:end].root
    cases = _case_words(root)
    seat = (actor.entry or "").startswith("countries:") and actor.sector == "GOV"
    if not dative and _PLACE_WORDS_BEFORE.search(doc.text[max(0, doc[start].idx - 30):doc[start].idx]):
        # « ont tué douze civils près de Gao », where the parser hangs the place on the
        # number: the words before it say where
        return True
    border = _border_before(doc, start)
    if border is not None:
        # « ont attaqué un poste à la frontière avec le Mali » names where; the country a
        # border closed or opened is shared with is the act's target (« a fermé ses frontières
        # avec le Niger »)
        return border.dep_ != "obj"
    if root.dep_ == "nmod" and fold(root.head.lemma_) in _PLACE_NOUNS:
        # « un village du nord du Burkina Faso », « la région de Tillabéri au Niger »
        return True
    if root.dep_ == "conj" and root.head.text[:1].isupper() and _case_words(root.head) & (_PLACE_CASES | {"entre"}) \
            and fold(actor.text.lower()) not in _country_names():
        # « sur la route entre Gao et Ansongo » : a place named with one (a name: not « dans les
        # années 1980 et la Turquie »)
        return True
    if not cases or (root.dep_ == "nmod" and not (not dative and seat and cases & {"a"})):
        # (« le président du Niger » names the president's country; « a reçu le président
        # mauritanien à Abidjan », hung on the president, still says where)
        return False
    if dative:
        return bool(cases & _PLACE_CASES) or (seat and bool(cases & {"a", "au", "aux", "en"}))
    return bool(cases & _PLACE_CASES) or (bool(cases & {"a", "au", "aux", "en"}) and (
        seat or root.dep_ in {"obl:mod", "obl"}))


def _border_before(doc: Doc, start: int) -> Token | None:
    """The word « frontière(s) » just before « avec » and the actor at token ``start``
    (« la frontière avec le Mali »), else None."""
    k = start - 1
    while k >= 0 and doc[k].pos_ == "DET":
        k -= 1
    if k < 1 or doc[k].lower_ != "avec" or fold(doc[k - 1].lemma_) not in {"frontiere", "frontieres"}:
        return None
    return doc[k - 1]


@functools.lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    """Countries' names, folded (a town coordinated with a place is a place; a country is
    a party: « les vols entre les États-Unis et Cuba »)."""
    from harmattan.actors.dictionary import country_by_name

    return frozenset(fold(name) for name in country_by_name())


def _reflexive(verb: Token) -> bool:
    """A pronominal verb (« se retirer », « s'entretenir »), which the small parser reads as
    a passive: its « subject » does the act."""
    return any(c.dep_.startswith("expl") and fold(c.lower_).rstrip("'’") in {"se", "s"} for c in verb.children)


#: Verbs of motion conjugated with « être » (« sont arrivés », « est entré »), which the small
#: parser reads as passives: their subject moves.
_UNACCUSATIVE = frozenset({"arriver", "partir", "venir", "entrer", "sortir", "rentrer", "retourner",
                           "revenir", "parvenir", "debarquer", "intervenir"})


def _subject_acts(verb: Token) -> bool:
    """The subject the parser reads as a passive's acts: a pronominal verb (« se retirer »)
    or a verb of motion with « être » (« des instructeurs russes sont arrivés »)."""
    return _reflexive(verb) or (fold(verb.lemma_) in _UNACCUSATIVE and not any(
        c.dep_ == "obl:agent" for c in verb.children))


def _subject(verb: Token) -> tuple[Token | None, bool]:
    """The verb's acting subject: ``nsubj`` (``nsubj:pass`` of a pronominal verb), or the
    « par » agent of a passive."""
    for child in verb.children:
        if child.dep_ == "nsubj" or (child.dep_ == "nsubj:pass" and _subject_acts(verb)):
            return child, True
    for child in verb.children:
        if child.dep_ == "obl:agent" or (child.dep_.startswith("obl") and "par" in _case_words(child)
                                        and _is_passive(verb)):
            return child, True
    if _is_passive(verb):
        # « a été désigné comme une organisation terroriste par les États-Unis » : the small
        # parser hangs the agent on the attribute
        for child in verb.children:
            if child.dep_ in {"xcomp", "obl:arg", "obl"} and child.pos_ == "NOUN" and "comme" in _case_words(child):
                for grand in child.children:
                    if grand.dep_ == "nmod" and "par" in _case_words(grand):
                        return grand, True
    return None, False


def _second_subject(verb: Token, child: Token) -> bool:
    """A noun the small parser hangs on an active verb as a second subject, after it, while
    the first stands before it (« Le colonel Assimi Goïta a limogé le Premier ministre »):
    the object."""
    return child.dep_ == "nsubj" and child.i > verb.i and any(
        c.dep_ == "nsubj" and c.i < verb.i for c in verb.children)


def _inverted_speaker(verb: Token) -> Token | None:
    """The speaker after a verb of saying that follows what is said (« "…", a déclaré le
    ministre », « …, affirme le porte-parole »), which the parser hangs on it as its object."""
    if fold(verb.lemma_) not in _REPORTING or verb.dep_ not in {"parataxis", "ROOT", "conj", "advcl"} \
            or (verb.dep_ == "advcl" and verb.head.i > verb.i) \
            or any(c.dep_ in {"nsubj", "nsubj:pass"} and c.i < verb.i for c in verb.children):
        return None
    after = next((c for c in verb.children if c.dep_ == "nsubj" and c.i > verb.i), None)
    if after is not None:
        # « « La France doit quitter le Mali », a martelé le colonel » : the parser may also
        # hang the speaker as the subject, after the verb
        return after if verb.dep_ != "ROOT" else None
    before = verb.doc[max(0, verb.left_edge.i - 2):verb.left_edge.i]
    # (or right before the verb and its auxiliary, where the parser hangs the quote on the
    # verb: « « Vous devez libérer le président », a déclaré le président de la Commission »)
    start = min([c.i for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i] + [verb.i])
    near = verb.doc[max(0, start - 2):start]
    if verb.dep_ != "ROOT" or any(t.text in {",", "»", '"', "”"} for t in [*before, *near]):
        return next((c for c in verb.children if c.dep_ == "obj" and c.i > verb.i), None)
    return None


def subject_actors(doc: Doc, actors: list[Actor], offset: int) -> list[Actor]:
    """The actors named as the subject of the sentence's main verb (not a pronoun): whom
    « l' / le / la / les » in the next sentence may stand for."""
    root = doc[_root(doc)]
    subject, _ = _subject(root)
    if subject is None or subject.lower_ in _SUBJECT_PRONOUNS:
        return []
    return _actors_at(actor_tokens(doc, actors, offset), subject)


def topic_actors(doc: Doc, actors: list[Actor], offset: int) -> list[Actor]:
    """The actors named as the grammatical subject of the sentence's main verb, the passive
    one included (« Mohamed Bazoum a été renversé … »): whom « il / elle / ils / elles » at
    the head of the next sentence most often stands for (« Il a dénoncé … » is Bazoum, not
    the soldiers who overthrew him)."""
    root = doc[_root(doc)]
    subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubj:pass"}), None)
    if subject is None or subject.lower_ in _SUBJECT_PRONOUNS or subject.pos_ == "PRON":
        return []
    # a person or a body, not a place named as the subject (« Genève », « la Russie »)
    return [a for a in _actors_at(actor_tokens(doc, actors, offset), subject)
            if a.actor_id or a.sector]


#: Killers that are no one (folded): diseases, disasters and accidents.
_NATURAL_CAUSES = frozenset({
    "maladie", "virus", "grippe", "epidemie", "pandemie", "infection", "cholera", "meningite",
    "paludisme", "ebola", "covid", "covid-19", "coronavirus", "rougeole", "cancer", "fievre",
    "famine", "faim", "malnutrition", "seisme", "tremblement", "inondation", "inondations", "crue",
    "crues", "pluie", "pluies", "tempete", "ouragan", "cyclone", "glissement", "eboulement",
    "secheresse", "foudre", "canicule", "accident", "collision", "naufrage", "bousculade", "noyade"})


def natural_death(doc: Doc, trigger_i: int) -> bool:
    """The killer of « tuer » is a disease, a disaster or an accident: its subject (« une
    épidémie de choléra a tué … », « les inondations ont tué … ») or what one was killed in or by
    (« tuées dans un accident de la route »)."""
    verb = verb_of(doc[trigger_i])
    if fold(verb.lemma_) not in {"tuer", "emporter", "couter"}:
        return False
    heads = [c for c in verb.children if c.dep_ == "nsubj" or (
        c.dep_.startswith("obl") and _case_words(c) & {"dans", "par", "lors", "suite"})]
    return any(fold(w.lemma_) in _NATURAL_CAUSES or fold(w.lower_) in _NATURAL_CAUSES
               for head in heads for w in head.subtree)


def _is_passive(verb: Token) -> bool:
    if _subject_acts(verb):
        return False
    return any(c.dep_ in {"aux:pass", "nsubj:pass"} for c in verb.children) or \
        _morph(verb, "Voice") == "Pass"


_SUBJECT_PRONOUNS = {"il", "elle", "ils", "elles"}


def _pronoun(token: Token) -> str:
    """A subject pronoun as written, without the hyphen of an inversion (« a-t-elle
    souligné » : « -elle »)."""
    return token.lower_.lstrip("-")
_OBJECT_CLITICS = {"l", "le", "la", "les", "lui", "leur"}


def french_roles(doc: Doc, trigger_i: int, actors: list[Actor], offset: int,
                 dative: bool = False, antecedent: list[Actor] | None = None,
                 object_antecedent: list[Actor] | None = None) -> Roles:
    """Source and target actors of the French trigger ``trigger_i`` (see the module's doc);
    ``dative``: the act gives or imposes something, so « au Niger » is its target;
    ``antecedent``: who « il / elle / ils » as the subject stands for (the source of the
    article's previous act)."""
    # « les accords militaires », « une opération militaire » : an agent's word used as an
    # adjective of a thing names no one
    mapped = [(a, b, e) for a, b, e in actor_tokens(doc, actors, offset)
              if not (":agents:" in (a.entry or "") and e - b == 1 and doc[b].pos_ == "ADJ"
                      and doc[b].dep_ == "amod" and not _is_number(doc[b].head))
              # « près de la frontière malienne » : a demonym on a place names where
              and not (e - b == 1 and doc[b].pos_ == "ADJ" and (
                  (doc[b].dep_ == "amod" and fold(doc[b].head.lemma_) in _PLACE_NOUNS)
                  or (b > 0 and fold(doc[b - 1].lemma_) in _PLACE_NOUNS)))]
    if not mapped and not antecedent and not object_antecedent:
        return Roles([], [], "none")
    trigger = verb_of(doc[trigger_i])
    how = "parse"
    source: list[Actor] = []
    subject_tokens: set[int] = set()
    speaker = _inverted_speaker(trigger)
    if speaker is not None:
        # « "…", a déclaré le ministre » : the parser reads the speaker as the object
        source = _actors_at(mapped, speaker)
        if source:
            subject_tokens = set(range(speaker.left_edge.i, speaker.right_edge.i + 1))
    node = trigger
    for _ in range(5 if not source else 0):
        subject, _ = _subject(node)
        if subject is not None:
            lo, hi = subject.left_edge.i, subject.right_edge.i + 1
            if not lo <= trigger.i < hi:
                source = _actors_at(mapped, subject)
                # « Le Mali, le Burkina Faso et le Niger ont signé » : the parser may hang the
                # first of coordinated subjects on the verb, with no preposition.
                for child in node.children:
                    if child.i < subject.i and child.dep_ in {"obl:mod", "obl", "dislocated", "nmod"} \
                            and not _case_words(child):
                        found = _actors_at(mapped, child)
                        if found and fold(subject.lemma_) in _RELATION_NOUNS:
                            # « Le Nigeria, le grand voisin du Niger, a fait pression » : the
                            # subject is the apposition, said of the noun before it
                            source = []
                        source += [a for a in found if all(a is not x for x in source)]
                first = node.head
                if node.dep_ == "conj" and first.i < subject.i and first.pos_ in {"NOUN", "PROPN"} and any(
                        c.dep_ == "cc" and fold(c.lower_) == "et" and first.i < c.i < subject.i
                        for c in node.children):
                    # « Les Nations unies et la Turquie ont contribué » : the parser makes the
                    # verb a conjunct of the first subject
                    source += [a for a, b, _ in mapped if first.i <= b < subject.left_edge.i
                               and b >= first.left_edge.i and all(a is not x for x in source)]
                if source:
                    subject_tokens = set(range(lo, hi))
                    if node.i != trigger.i:
                        how = "inherited"
                    break
        if node.dep_ in {"acl:relcl", "acl"} and node.head.i != node.i:
            # « les jihadistes qui ont attaqué » : the noun the clause hangs on acts; « des
            # civils tués par … » : a participle with its agent, the noun suffers it.
            if node.dep_ == "acl" and _morph(node, "VerbForm") == "Part":
                break
            source = _actors_at(mapped, node.head)
            how = "inherited"
            break
        if node.head.i == node.i or node.dep_ in {"nsubj", "nsubj:pass"}:
            break
        node = node.head
    if not source and _is_passive(trigger):
        # « a été prise pour cible par des hommes armés » : the small parser hangs the agent on
        # the phrase that completes the verb
        for agent in (g for c in trigger.children if c.dep_ in {"advcl", "xcomp"}
                      for g in c.children if g.dep_ == "obl:agent"):
            source = _actors_at(mapped, agent)
            if source:
                subject_tokens = set(range(agent.left_edge.i, agent.right_edge.i + 1))
                break
    if not source and _is_passive(trigger):
        # « tués dans une embuscade tendue par des jihadistes », « lors d'une attaque menée par
        # des hommes armés » : the agent of the participle that tells how is the one who acted
        nouns = [c for c in trigger.children if c.dep_.startswith("obl") and c.pos_ in {"NOUN", "PROPN"}]
        nouns += [g for c in trigger.children if c.dep_ == "advmod" for g in c.children
                  if g.dep_.startswith("obl") and g.pos_ in {"NOUN", "PROPN"}]
        for noun in nouns:
            for participle in noun.children:
                if participle.dep_ != "acl" or _morph(participle, "VerbForm") != "Part":
                    continue
                agent = next((g for g in participle.children if g.dep_ == "obl:agent"), None)
                if agent is not None:
                    source = [a for a, b, e in mapped if b <= agent.i < e]
                    subject_tokens = set(range(agent.left_edge.i, agent.right_edge.i + 1))
                if source:
                    break
            if source:
                break
    target_heads: list[Token] = []
    for child in trigger.children:
        if child.dep_ == "nsubj:pass" and _subject_acts(trigger):
            continue  # « le Niger s'est retiré du G5 Sahel » : the subject acts
        if child.dep_ in {"obj", "iobj", "nsubj:pass"} or (
                child.dep_ == "xcomp" and child.pos_ in {"NOUN", "PROPN"}) or _second_subject(trigger, child):
            # (the parser's xcomp noun: « rencontré Vladimir Poutine »; its second subject:
            # « Goïta a limogé le Premier ministre »)
            target_heads.append(child)
        elif child is speaker:
            continue
        elif child.dep_.startswith("obl") and child.dep_ != "obl:agent":
            cases = _case_words(child)
            # « massacré des centaines de civils » : an oblique with no preposition is an object
            # (not « à la suite d'une demande des États-Unis », « à l'issue de », « au cours de » :
            # when, not to whom)
            if (not cases or cases & _TARGET_CASES) and "par" not in cases \
                    and fold(child.lemma_) not in _OCCASIONS:
                target_heads.append(child)
        elif child.dep_ in {"xcomp", "ccomp"} and child.pos_ in {"VERB", "AUX"} and not (
                fold(trigger.lemma_) in _JUDGING_OF and any(c.dep_ in {"obj", "iobj"} for c in trigger.children)):
            # « exige que la junte libère », « appelle les putschistes à libérer », « menacé de
            # recourir à la force contre la junte » (not what the accused is accused of doing:
            # « accuse la France de soutenir les jihadistes » is aimed at France)
            target_heads.extend(g for g in child.children if g.dep_ in {"nsubj", "obj"} or (
                g.dep_.startswith("obl") and _case_words(g) & {"contre", "envers"}))
            target_heads.extend(n for g in child.children if g.dep_.startswith("obl")
                                for n in g.children if n.dep_ == "nmod" and _case_words(n) & {"contre", "envers"})
    if speaker is not None and not target_heads:
        # « « La France doit quitter le Mali », a martelé le colonel » : who must act, or whom
        # the quoted act is aimed at (« « Nous condamnons la junte », a déclaré … »)
        quote = trigger.head if trigger.dep_ in {"advcl", "parataxis", "conj"} and trigger.head.i < trigger.i \
            else next((c for c in trigger.children if c.dep_ in {"ccomp", "parataxis"} and c.i < trigger.i), None)
        if quote is not None:
            if fold(quote.lemma_) == "devoir":
                target_heads += [c for c in quote.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
            else:
                target_heads += [c for c in quote.children if c.dep_ == "obj"]
    if not _is_passive(trigger):
        # « ont tué douze civils » : the small parser reads the number as an agent
        target_heads += [c for c in trigger.children if c.dep_ == "obl:agent" and _is_number(c)]
    # … and hangs the people counted off it (« douze » obj, « villageois » xcomp)
    target_heads += [doc[h.i + 1] for h in list(target_heads)
                     if _is_number(h) and h.i + 1 < len(doc) and doc[h.i + 1].pos_ in {"NOUN", "ADJ", "VERB", "PROPN"}]
    target_heads += _casualty_heads(trigger)
    imposed_on = _imposed_on(target_heads)
    target_heads += imposed_on
    if trigger.dep_ == "acl" and _morph(trigger, "VerbForm") == "Part":
        target_heads.append(trigger.head)  # « des civils tués par des hommes armés »
    if trigger.dep_ == "nsubj:pass" or (not target_heads and trigger.pos_ in {"ADJ", "NOUN"}):
        target_heads.append(trigger.head)
    spans = {id(a): (s, e) for a, s, e in mapped}
    source_ids = {id(a) for a in source}
    target: list[Actor] = []
    for head in target_heads:
        for actor in _actors_at(mapped, head, exclude=subject_tokens):
            if id(actor) in source_ids or any(actor is t for t in target):
                continue
            if _is_place(actor, doc, *spans[id(actor)], dative=dative or head in imposed_on):
                continue
            target.append(actor)
        if target and all((a.entry or "").endswith("+possessive") for a in target):
            # « Paris a rappelé son ambassadeur à Bamako » : the source's own envoy is no
            # party; the country he is posted to is
            target += [a for c in head.children if c.dep_ == "nmod" and _case_words(c) & {"a", "au", "aux", "en", "aupres"}
                       for a in _actors_at(mapped, c) if (a.entry or "").startswith("countries:")
                       and id(a) not in source_ids and all(a is not t for t in target)]
    if not target:
        # « ont marché à Niamey pour exiger le départ des troupes françaises » : whom the
        # demand the act is made for names
        for clause in trigger.children:
            if clause.dep_ == "advcl" and fold(clause.lemma_) in _DEMANDING_PURPOSES and any(
                    c.dep_ == "mark" and fold(c.lower_) == "pour" for c in clause.children):
                target += [a for c in clause.children if c.dep_ == "obj" or (
                               c.dep_.startswith("obl") and _case_words(c) & {"contre", "envers"})
                           for a in _actors_at(mapped, c, exclude=subject_tokens)
                           if id(a) not in source_ids and not _is_place(a, doc, *spans[id(a)])
                           and all(a is not t for t in target)]
    if not target:
        # « a dénoncé les accords militaires conclus avec les États-Unis » : the party an
        # agreement acted on was made with
        # (or on the participle after it, which the small parser hangs on the verb as an adverb:
        # « conclus » advmod)
        agreements = [o for o in trigger.children if o.dep_ == "obj" and fold(o.lemma_) in _AGREEMENT_NOUNS]
        agreements += [c for o in agreements for c in trigger.children
                       if c.dep_ in {"advmod", "acl"} and c.i == o.right_edge.i + 1]
        target += [a for o in agreements
                   for t in o.subtree if t.dep_ in {"nmod", "obl", "obl:arg", "obl:mod"} and "avec" in _case_words(t)
                   for a in _actors_at(mapped, t, exclude=subject_tokens)
                   if id(a) not in source_ids and not _is_place(a, doc, *spans[id(a)])
                   and all(a is not x for x in target)]
    if not target and trigger.dep_ == "conj" and not _is_passive(trigger) and not any(
            c.dep_ in {"obj", "iobj"} for c in trigger.children):
        # « affirme avoir déjoué une tentative de coup d'État et arrêté plusieurs officiers » :
        # the parser hangs the object that follows a coordinated verb on the first one
        k = trigger.i + 1
        while k < len(doc) and k <= trigger.i + 3 and doc[k].pos_ in {"DET", "NUM"}:
            k += 1
        if k < len(doc) and doc[k].dep_ == "obj" and doc[k].head.i != trigger.i \
                and doc[k].pos_ in {"NOUN", "PROPN"} and doc[k].head.i < trigger.i:
            target = [a for a in _actors_at(mapped, doc[k], exclude=subject_tokens)
                      if all(a is not s for s in source) and not _is_place(a, doc, *spans[id(a)], dative=dative)]
    if not target and object_antecedent and any(
            c.dep_ in {"obj", "iobj"} and c.pos_ == "PRON" and fold(c.lower_).rstrip("'’") in _OBJECT_CLITICS
            for c in trigger.children):
        # « Les autorités françaises l'ont arrêté » : who was named just before
        target = [Actor(a.text, a.code, a.sector, a.actor_id, a.start, a.end, (a.entry or "") + "+pronoun")
                  for a in object_antecedent if all(a.code != x.code or a.sector != x.sector for x in source)]
    if not source and antecedent:
        subject, _ = _subject(trigger)
        if subject is not None and _pronoun(subject) in _SUBJECT_PRONOUNS:
            source = [Actor(a.text, a.code, a.sector, a.actor_id, a.start, a.end, (a.entry or "") + "+pronoun")
                      for a in antecedent]
            how = "inherited"
    if not source:
        # (not who judged a noun of the sentence: « Le coup d'État, condamné par la CEDEAO, a
        # renversé le président » — the CEDEAO overthrew no one)
        judges = {t.i for p in doc if p.i != trigger.i and p.dep_ == "acl" and _judged_by(p)
                  and not p.left_edge.i <= trigger.i <= p.right_edge.i for t in p.subtree}
        before = [a for a, s, _ in mapped if s < trigger_i and all(a is not t for t in target)
                  and not _is_place(a, doc, *spans[id(a)]) and s not in judges]
        if before:
            source = [before[-1]]
            how = "nearest"
    if not target and how == "nearest":
        # (not who the sentence is told by: « …, selon la télévision d'État »)
        after = [a for a, s, _ in mapped if s > trigger_i and all(a is not x for x in source)
                 and not _is_place(a, doc, *spans[id(a)])
                 and not any(fold(t.lower_) == "selon" for t in doc[max(0, s - 2):s])]
        if after:
            target = [after[0]]
    return Roles(_dedupe(source), _dedupe(target), how)


#: Gerunds that count the victims of an attack (folded lemmas): « tuant douze civils »,
#: « blessant trois soldats », « faisant une dizaine de morts parmi les soldats ».
_CASUALTY_GERUNDS = frozenset({"tuer", "blesser", "faire", "massacrer", "abattre", "enlever"})


#: Verbs that judge someone for what they did (« accuse X de … »): aimed at X alone.
_JUDGING_OF = frozenset({"accuser", "soupconner", "reprocher", "blamer", "feliciter", "remercier", "critiquer",
                         "condamner"})
#: Nouns (folded lemmas) of a phrase that tells when or at whose word an act was done.
_OCCASIONS = frozenset({"suite", "issue", "occasion", "cours", "lendemain", "veille"})


def _casualty_heads(trigger: Token) -> list[Token]:
    """The people a gerund of casualties names, hung on the trigger (« ont attaqué le poste,
    tuant 24 soldats ») or on its object (« ont attaqué un village, tuant 12 civils »): they
    are whom the attack was done to."""
    gerunds = [c for c in trigger.children if c.dep_ in {"advcl", "acl", "conj"}]
    # (or on the object or oblique: « ont tendu une embuscade à un convoi …, tuant plusieurs soldats »)
    gerunds += [g for c in trigger.children if c.dep_ == "obj" or c.dep_.startswith("obl")
                for g in c.children if g.dep_ == "acl"]
    heads: list[Token] = []
    for gerund in gerunds:
        if gerund.pos_ != "VERB" or not gerund.lower_.endswith("ant") or fold(gerund.lemma_) not in _CASUALTY_GERUNDS:
            continue
        for child in gerund.children:
            cases = _case_words(child)
            if child.dep_ in {"obj", "obl:arg"} or (child.dep_.startswith("obl") and cases & {"parmi"}):
                heads.append(child)
                if _is_number(child) and child.i + 1 < len(child.doc):
                    heads.append(child.doc[child.i + 1])
    return heads


#: Numbers written as words (folded), which the small parser tags as nouns.
_NUMBER_WORDS = frozenset({
    "un", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
    "douze", "treize", "quatorze", "quinze", "seize", "vingt", "trente", "quarante", "cinquante",
    "soixante", "cent", "cents", "mille", "dizaine", "dizaines", "douzaine", "douzaines", "quinzaine",
    "vingtaine", "trentaine", "quarantaine", "cinquantaine", "centaine", "centaines", "millier",
    "milliers"})


#: Participles that say on whom a measure weighs (folded lemmas): « les sanctions imposées au
#: Niger », « l'amende infligée à MTN », « les restrictions appliquées aux ONG ».
_IMPOSED = frozenset({"imposer", "infliger", "appliquer", "decreter", "prononcer"})


def _imposed_on(heads: list[Token]) -> list[Token]:
    """Whom the measure an object names was imposed on: lifting, easing or upholding « les
    sanctions imposées au Niger » is aimed at Niger."""
    out = []
    for head in heads:
        if head.pos_ != "NOUN":
            continue
        for participle in head.children:
            if participle.dep_ != "acl" or _morph(participle, "VerbForm") != "Part" \
                    or fold(participle.lemma_) not in _IMPOSED:
                continue
            out += [c for c in participle.children if c.dep_ in {"obl:arg", "obl", "obl:mod", "iobj"}
                    and _case_words(c) & {"a", "au", "aux", "contre"}]
    return out


def _is_number(token: Token) -> bool:
    return token.like_num or token.pos_ == "NUM" or fold(token.lower_) in _NUMBER_WORDS


def _dedupe(actors: list[Actor]) -> list[Actor]:
    seen: set[tuple] = set()
    out = []
    for actor in actors:
        key = (actor.code, actor.sector, actor.actor_id, actor.start)
        if key not in seen:
            seen.add(key)
            out.append(actor)
    return out


# -- the act decision (rules) --------------------------------------------------------------------

#: Opinion, analysis, statistics, generic statements and predictions: no specific act.
_NOT_AN_ACT = re.compile(
    r"\b(?:selon (?:moi|lui|elle|eux|les experts|les analystes)|je pense|nous pensons|il faut|"
    r"il faudrait|chaque (?:année|jour|semaine|mois)|par an\b|en moyenne|depuis (?:des|plusieurs) "
    r"(?:années|décennies|mois)|souvent|régulièrement|généralement|habituellement|de plus en plus|"
    r"pourcentage|pour cent|%|la plupart des|nombreux sont|ce qui (?:pourrait|risque)|"
    r"risque de|pourrait-il|faut-il|est-ce que|qu'est-ce|ces dernières années|"
    r"au cours des (?:\w+ )?dernières années|en théorie|peut-être|sans doute|peu probable|"
    r"il (?:\w+ ){0,3}(?:facile|difficile|possible|impossible|probable|nécessaire) d[e'’]|"
    r"il est (?:évident|clair|probable|possible|peu probable|certain) que|"
    r"jusqu'à présent|à ce jour|le plus grand nombre|"
    r"le nombre (?:de |d['’])(?:\S+ ){0,8}?(?:a|ont|avait|avaient) (?:\S+ )?(?:augmenté|diminué|doublé|"
    r"triplé|baissé|chuté|explosé|grimpé|progressé|reculé)|"
    r"depuis (?:le début|(?:19|20)\d\d|janvier|février|mars|avril|mai|juin|juillet|août|septembre|"
    r"octobre|novembre|décembre))\b|\d\s?%|\?",
    re.IGNORECASE,
)
#: Quoted words: « … », “…” and "…" (an opinion or a question quoted is the speaker's, not
#: the sentence's act: « a condamné la campagne, demandant : "qui peut … ?" »).
_QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"")


def not_an_act(text: str, trigger: int | None = None) -> bool:
    """The sentence reads as opinion, statistic, generic statement or question — the quoted
    words aside when the trigger (a character offset in ``text``) is outside them."""
    return bool(_not_an_act_marks(text, trigger))


def _not_an_act_marks(text: str, trigger: int | None = None) -> list[re.Match[str]]:
    """The words that make the sentence opinion, statistic, generic or a question, with their
    offsets in ``text`` (what is blanked keeps its length)."""
    if trigger is not None:
        text = _QUOTED.sub(lambda m: m.group(0) if m.start() <= trigger < m.end() else " " * len(m.group(0)), text)
    return list(_NOT_AN_ACT.finditer(_DESCRIBED_TREND.sub(lambda m: " " * len(m.group(0)), text)))


def _not_an_act_for(doc: Doc, trigger: Token) -> bool:
    """``not_an_act`` for the trigger's clause: a mark inside a clause that neither holds nor
    governs the trigger does not judge it (« a infligé une amende … sur dix accords qui, selon
    lui, enfreignaient les règles », « avait annexé la Crimée, bien que la plupart des pays …
    »)."""
    for mark in _not_an_act_marks(doc.text, trigger.idx):
        token = next((t for t in doc if t.idx <= mark.start() < t.idx + len(t.text)), None)
        if token is None:
            return True
        clause = token
        while clause.pos_ not in {"VERB", "AUX"} and clause.head.i != clause.i:
            clause = clause.head
        if _subordinate_clause(clause) and trigger.i in {t.i for t in clause.head.ancestors} | {clause.head.i} \
                and not clause.left_edge.i <= trigger.i <= clause.right_edge.i:
            continue
        if _STATISTIC.search(mark.group(0)) and _in_a_later_clause(doc, trigger, token):
            continue
        if mark.group(0).lower().startswith("depuis") and clause.dep_ == "acl" \
                and "Part" in clause.morph.get("VerbForm") and clause.i != trigger.i \
                and not clause.left_edge.i <= trigger.i <= clause.right_edge.i:
            # (« a annoncé la libération de dix militaires détenus depuis juillet » : since when
            # describes those the act is done to, not the act)
            continue
        return True
    return False


#: Words that end one clause of a sentence and open the next (« , », « ; », « et », « mais »).
_CLAUSE_BOUNDARIES = frozenset({",", ";", "et", "mais"})


#: The marks of a statistic (a share, a percentage, « la plupart des »).
_STATISTIC = re.compile(r"%|pour cent|pourcentage|plupart", re.IGNORECASE)


def _in_a_later_clause(doc: Doc, trigger: Token, token: Token) -> bool:
    """The mark is in a clause told after the trigger's, with its own subject and finite verb:
    « Les États-Unis ont interdit la vente de marchandises à la Russie, les entreprises ont
    quitté le pays et 60 % des réserves ont été gelées » — the share is of the reserves frozen,
    not of the ban (the small parser hangs that clause anywhere, so it is read by its words;
    not a second verb of the same subject, « a refusé … et a rencontré peu d'étrangers »)."""
    if token.i <= trigger.i:
        return False
    bounds = [t.i for t in doc[trigger.i + 1:token.i] if t.lower_ in _CLAUSE_BOUNDARIES]
    if not bounds:
        return False
    end = next((t.i for t in doc[token.i + 1:] if t.lower_ in _CLAUSE_BOUNDARIES), len(doc))
    segment = doc[bounds[-1] + 1:end]
    verb = next((t for t in segment if t.pos_ in {"VERB", "AUX"} and "Fin" in t.morph.get("VerbForm")), None)
    return verb is not None and any(t.pos_ in {"NOUN", "PROPN", "PRON"} for t in doc[segment.start:verb.i])


#: The words that open an adverbial clause beside the act (« bien que », « alors que », « lorsque
#: »), not a bare « que » the small parser may hang anywhere.
_CLAUSE_MARKS = frozenset({"bien", "quoique", "alors", "tandis", "meme", "lorsque", "lorsqu'", "lorsqu’",
                           "quand", "puisque", "avant", "apres", "pendant", "depuis"})


def _subordinate_clause(verb: Token) -> bool:
    """A relative clause, an adverbial clause opened by a subordinator (« bien que … »; not the
    gérondif « en révisant … », which tells how the act was done) or a clause coordinated with
    its own subject."""
    if verb.dep_ == "acl:relcl":
        return True
    if any(fold(c.lower_) in {"ou", "dont"} and c.pos_ == "PRON" and c.i < verb.i for c in verb.children):
        # (« d'où est partie l'enquête et où se trouvent la plupart des victimes » : a relative
        # clause the small parser hangs as an adverb or a conjunct)
        return True
    if verb.dep_ == "advcl":
        return any(c.dep_ == "mark" and fold(c.text) in _CLAUSE_MARKS for c in verb.children)
    return verb.dep_ == "conj" and any(c.dep_ in {"nsubj", "nsubj:pass"} for c in verb.children)


#: « de plus en plus » before an adjective describes a party or a thing (« le président Alpha
#: Condé, de plus en plus autocratique », « des restrictions de plus en plus strictes »), not a
#: trend of the act the sentence tells (« il est de plus en plus improbable » still judges).
_DESCRIBED_TREND = re.compile(
    r"(?<!\best )(?<!\bsont )(?<!\bdevient )(?<!\bdeviennent )(?<!\bsemble )(?<!\bsemblent )"
    r"\bde plus en plus (?=\w*(?:ique|iques|if|ifs|ive|ives|ble|bles|aire|aires|eux|euse|euses|ant|"
    r"ante|ants|antes|ent|ente|ents|entes|é|ée|és|ées|al|ale|aux|ales|ict|icte|icts|ictes|ort|orte|"
    r"orts|ortes|ourd|ourde|ourds|ourdes|endu|endue|endus|endues)\b)", re.IGNORECASE)


#: Words that place the act in the past, told as background (« en 2012 », « il y a deux ans »).
_BACKGROUND = re.compile(r"\b(?:en (?:19|20)\d\d|il y a \w+ ans|l'an dernier|l'année dernière|"
                         r"autrefois|jadis|naguère|dans les années)\b", re.IGNORECASE)
#: Verbs that carry an act in the infinitive as a decision, an announcement or an attempt
#: (« a décidé d'expulser », « menace d'intervenir », « vient de signer »).
_CARRIERS = {"aller", "decider", "menacer", "promettre", "commencer", "tenter", "essayer", "refuser",
             "annoncer", "ordonner", "accepter", "continuer", "venir", "engager", "prevoir", "entendre",
             "vouloir", "exiger", "demander", "appeler", "inviter", "exhorter", "sommer", "autoriser",
             "proposer", "choisir", "affirmer", "declarer", "reconnaitre", "nier", "dementir", "envisager",
             "reussir", "parvenir", "poursuivre", "charger", "accuser", "chercher", "finir", "offrir"}
#: Verbs of opinion: an act in what they govern is the speaker's view (« estime que … »).
_OPINION_VERBS = {"estimer", "penser", "croire", "sembler", "paraitre", "considerer", "juger",
                  "supposer", "craindre", "esperer", "douter", "imaginer", "soupconner"}
_MODALS = {"pouvoir", "devoir", "falloir"}
#: The same verbs by their first letters, for the forms the lemmatizer leaves as they are
#: (« estime »).
_OPINION_STEMS = {"estim", "pense", "croit", "croie", "croya", "sembl", "parai", "suppo", "craig",
                  "esper", "doute", "imagi", "soupc"}


def _is_opinion_verb(token: Token) -> bool:
    return fold(token.lemma_) in _OPINION_VERBS or (token.pos_ in {"VERB", "AUX"} and fold(token.text)[:5] in _OPINION_STEMS)


@dataclass
class FrenchActDecision:
    keep: bool
    background: bool
    reason: str
    #: P(the sentence reports a specific act), where a learned gate decided; else 1.0 or 0.0.
    probability: float = 1.0
    #: Dropped only for being conditional or modal: a state's conditional use of force is
    #: still a threat (the coder keeps it, as for English).
    hedged: bool = False


def tense_of(doc: Doc, trigger_i: int) -> str:
    """The trigger's tense as the act decision reads it: "compose" (passé composé, passive),
    "present", "simple" (passé simple), "imparfait", "plusqueparfait", "futur",
    "conditionnel", "subjonctif", "infinitive", "participle" (no auxiliary) or "other"."""
    token = doc[trigger_i]
    if verb_of(token) is not token:
        return "compose" if _morph(verb_of(token), "Tense") != "Imp" else "plusqueparfait"
    auxes = [c for c in token.children if c.dep_.startswith("aux")]
    form = _morph(token, "VerbForm")
    if auxes:
        first = auxes[0]
        tense, mood = _morph(first, "Tense"), _morph(first, "Mood")
        if tense == "Imp" and not _imparfait_form(first):
            tense = "Pres"
        if mood == "Cnd":
            return "conditionnel"
        if mood == "Sub" and _after_que(token):
            # (« après qu'il ait été abattu », « bien qu'elle ait été attaquée en août » : a
            # past subjonctif after « après que » or a concession tells what was done)
            # (nor one that a denial governs: « a démenti que ses soldats aient tué des civils »
            # tells the act denied, negated by the denial)
            return "compose" if form == "Part" and (_told_as_done(token) or _denies(token.head)) else "subjonctif"
        if tense == "Imp":
            return "plusqueparfait"
        if tense == "Fut":
            return "futur"
        return "compose"
    if _morph(token, "Mood") == "Cnd":
        return "conditionnel"
    if _morph(token, "Mood") == "Sub" and _after_que(token):
        return "subjonctif"  # (the tagger's subjonctif of « la justice condamne » is a présent)
    tense = _morph(token, "Tense")
    if tense == "Imp" and not _imparfait_form(token):
        tense = "Pres"  # the tagger's imparfait for « dément », « reproche »
    elif tense == "Pres" and _surely_imparfait(token):
        tense = "Imp"  # ... and its présent for « détenaient »
    if form == "Fin" or _morph(token, "Mood") == "Ind":
        return {"Pres": "present", "Past": "simple", "Imp": "imparfait", "Fut": "futur"}.get(tense, "other")
    if form == "Inf":
        return "infinitive"
    if form == "Part" or token.pos_ in {"ADJ", "NOUN"}:
        return "participle"
    return "other"


_IMPARFAIT_ENDINGS = ("ais", "ait", "aient", "ions", "iez")
#: Verbs of saying and announcing: under one told as done, an imparfait is the concordance of
#: tenses (« a annoncé qu'il reconnaissait » : he recognises), not a state.
_REPORTING = {"dire", "declarer", "annoncer", "affirmer", "indiquer", "expliquer", "preciser",
              "assurer", "ecrire", "tweeter", "confirmer", "souligner", "ajouter", "repondre", "reconnaitre",
              "insister", "marteler", "confier", "estimer", "denoncer", "condamner", "accuser",
              "rappeler", "rencherir", "tonner", "clamer", "fulminer", "lancer", "reagir", "exclamer"}
_DEFINITE = {"le", "la", "l'", "les", "son", "sa", "ses", "leur", "leurs", "ce", "cet", "cette", "ces"}


def _after_que(verb: Token) -> bool:
    """The verb's clause is introduced by « que » (« bien qu'elle », « avant que »), as a
    subjonctif is."""
    return any(c.dep_ == "mark" and fold(c.lower_).rstrip("'’") in {"que", "qu", "quoique", "quoiqu"}
               for c in verb.children)


#: Conjunctions whose past subjonctif tells a fact: « après que » (which good usage puts in the
#: indicative) and the concessions « bien que », « quoique », « malgré que ».
_DONE_AFTER = frozenset({"apres", "bien", "quoique", "quoiqu", "malgre"})


def _told_as_done(verb: Token) -> bool:
    return any(c.dep_ == "mark" and fold(c.lower_).rstrip("'’") in _DONE_AFTER for c in verb.children)


def _surely_imparfait(token: Token) -> bool:
    """An ending only the imparfait has (not the conditionnel's « -rait », nor « fait »)."""
    word = token.text.lower()
    if word.endswith(("erait", "eraient", "irait", "iraient", "urait", "uraient", "drait", "draient",
                      "rrait", "rraient", "fait", "trait", "traient")) or len(word) < 5:
        return False
    return word.endswith(("aient", "ait"))


def _imparfait_form(token: Token) -> bool:
    return token.text.lower().endswith(_IMPARFAIT_ENDINGS)


def _reported_past(doc: Doc, trigger: Token) -> bool:
    """The trigger's clause is what a verb of saying, itself told as done, reports."""
    for token in _governing_chain(trigger)[1:]:
        if fold(token.lemma_) in _REPORTING and tense_of(doc, token.i) in {"compose", "present", "simple"}:
            return True
    return False


def _named_sufferer(verb: Token) -> bool:
    """A passive whose subject is someone in particular (« Le mari a été arrêté », « Il a été
    emprisonné », « Ma et ses collègues ont été convoqués »), not « des civils »."""
    if not _is_passive(verb):
        return False
    # (every subject the parse gives: « Un chanteur populaire, Hachalu Hundessa, a été
    # abattu » has two, the name the second)
    for child in verb.children:
        if child.dep_ == "nsubj:pass":
            if fold(child.lemma_) in _THINGS or fold(_singular(child.lower_)) in _THINGS:
                continue  # (« les rongeurs africains sont suspectés »: no one in particular)
            if child.pos_ == "PROPN" or child.lower_ in _SUBJECT_PRONOUNS:
                return True
            if any(d.dep_ in {"flat:name", "appos"} and d.pos_ == "PROPN" for d in child.children):
                return True  # « M. Ngaïssona a été empêché de … », « l'opposant Ousmane Sonko »
            if child.pos_ == "NOUN" and any(
                    d.dep_ == "det" and d.lower_ in _DEFINITE for d in child.children):
                return True
    return False


#: Subjects that name no one in particular.
_GENERIC_DOERS = {"gens", "personne", "monde", "on", "public", "population", "autre", "chacun",
                  "certain", "plupart", "beaucoup", "tout", "celui", "ceux", "ce", "cela", "ça"}


#: Things and states that act on no one, as a verb's subject (« la loi offre une protection »,
#: « les symptômes aident à identifier les cas », « les rituels m'ont aidé »): no doer.
_THINGS = frozenset({
    "loi", "regle", "symptome", "acces", "rituel", "chanson", "musique", "etude", "recherche", "donnee",
    "chiffre", "vaccin", "medicament", "traitement", "technologie", "systeme", "application", "outil",
    "methode", "situation", "crise", "pandemie", "epidemie", "virus", "maladie", "changement", "evolution",
    "circonstance", "hausse", "baisse", "prix", "marche", "economie", "croissance", "inflation", "produit",
    "film", "livre", "image", "video", "serie", "climat", "temperature", "ocean", "plastique", "sommeil",
    "anticorps", "proteine", "cellule", "bacterie", "gene", "molecule", "aliment", "type", "effort",
    "raison", "cause", "facteur", "signe",
    # animals (« les rongeurs africains sont suspectés d'être impliqués dans la transmission »)
    "animal", "rongeur", "singe", "chauve-souris", "moustique", "oiseau", "chien", "chat", "vache",
    "porc", "volaille", "betail", "chameau", "moustique", "tique",
})


def _named_doer(verb: Token) -> bool:
    """An active subject that names who acted, though no dictionary knows it (« Plusieurs
    artistes indigènes ont appelé … », « 39 nations ont demandé … », « Le régulateur a
    infligé … »): a proper name, or a noun with a number or a determiner."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if any(fold(c.lemma_) in _THINGS or fold(_singular(c.lower_)) in _THINGS for c in subjects):
        # (the small parser may give two: « La deuxième raison est que les symptômes … aident »)
        return False
    subject = subjects[0] if subjects else None
    if subject is None and verb.dep_ in {"advcl", "conj", "xcomp"} and verb.head.i != verb.i \
            and not any(c.dep_ == "nsubj:pass" for c in verb.children):
        # « a défendu l'œuvre, affirmant que … » : the subject of the verb it hangs on
        subject = next((c for c in _governing_verb(verb).children if c.dep_ == "nsubj"), None)
    if subject is None or fold(subject.lemma_) in _GENERIC_DOERS:
        return False
    if subject.pos_ == "PROPN":
        return True
    if _pronoun(subject) in _SUBJECT_PRONOUNS:
        # someone named before, told as having acted (« a-t-elle souligné », « il a
        # dénoncé »), not a present that may describe what one does (« Elle enquête sur … »)
        return subject.i > verb.i or any(c.dep_ == "aux:tense" for c in verb.children)
    # (« Un autre critique a écrit » : the small parser tags the noun as an adjective)
    return subject.pos_ in {"NOUN", "ADJ"} and any(c.dep_ in {"det", "nummod"} for c in subject.children) \
        and fold(subject.lemma_) not in _THINGS and fold(_singular(subject.lower_)) not in _THINGS


def _governing_verb(token: Token) -> Token:
    """The verb a clause hangs on, past the noun the small parser may hang it on (« a fait un
    revirement en approuvant » : « approuvant » on « revirement »)."""
    head = token.head
    for _ in range(3):
        if head.pos_ in {"VERB", "AUX"} or head.head.i == head.i:
            break
        head = head.head
    return head


#: Endings of past participles (« acquitté », « saisi », « détenu », « contraint »).
_PAST_PARTICIPLE_ENDINGS = ("é", "ée", "és", "ées", "i", "ie", "is", "ies", "u", "ue", "us", "ues",
                            "t", "te", "ts", "tes")


def _participle_by_named_agent(trigger: Token) -> bool:
    """« Acquitté le 15 janvier 2019 par la CPI, Laurent Gbagbo est redevenu … » : a past
    participle that opens the sentence, whose « par » names who did it, tells the act as done
    (not one that describes a noun: « les déchets rejetés par l'industrie », « des
    séparatistes soutenus par la Russie »)."""
    if any(t.is_alpha for t in trigger.doc[:trigger.i]):
        return False  # (a word before it: it hangs on a noun or a clause)
    if not trigger.lower_.endswith(_PAST_PARTICIPLE_ENDINGS):
        return False  # (not a present participle: « Critiquant … »)
    return any(c.dep_ in {"obl:agent", "obl", "obl:mod"} and "par" in _case_words(c)
               and c.pos_ in {"NOUN", "PROPN"} and fold(c.lemma_) not in _GENERIC_DOERS
               for c in trigger.children)


#: Verbs of judgement: their past participle with « par » tells a judgement that was made.
_JUDGEMENTS = frozenset({"condamner", "critiquer", "denoncer", "saluer", "fustiger", "applaudir", "desapprouver",
                         "deplorer", "feliciter", "approuver"})


def _judged_by(trigger: Token) -> bool:
    """« une décision critiquée par de nombreux économistes », « son deuxième coup d'État,
    largement condamné par les dirigeants régionaux » : a judgement is a speech act, and its
    participle with who made it (« par » and a noun) tells that it was made, where a
    participle of a state describes (« des séparatistes soutenus par la Russie »)."""
    return fold(trigger.lemma_) in _JUDGEMENTS and trigger.lower_.endswith(_PAST_PARTICIPLE_ENDINGS) and any(
        c.dep_ in {"obl:agent", "obl", "obl:mod"} and "par" in _case_words(c) and c.pos_ in {"NOUN", "PROPN"}
        # (« des membres des groupes armés condamnés par la justice tchadienne » : a sentence
        # a court passed, that describes them)
        and fold(c.lemma_) not in _COURTS for c in trigger.children)


_COURTS = frozenset({"justice", "tribunal", "cour", "juge", "cpi", "juridiction", "magistrat", "chambre"})


def _gerund_of_act(doc: Doc, trigger: Token) -> bool:
    """« a fait un revirement en approuvant le vaccin » : a gérondif on a verb told as done."""
    return trigger.dep_ in {"advcl", "acl"} and any(c.dep_ == "mark" and c.lower_ == "en" for c in trigger.children) \
        and tense_of(doc, _governing_verb(trigger).i) in {"compose", "present", "simple"}


#: A noun of belief or fear and the clause that tells its content; a guess.
_IDEA_THAT = re.compile(r"\b(?:(?:l['’]idée|la crainte|les craintes|l['’]impression|le sentiment|la conviction|"
                        r"la croyance|l['’]hypothèse|la thèse|la rumeur|les rumeurs|le mythe|la peur)\s+"
                        r"(?:que\b|qu['’]|selon laquelle|selon lesquelles)|"
                        # (« rien ne prouve que … », « il est probable que … » : a guess)
                        r"rien ne (?:prouve|montre|indique|garantit|dit) qu|rien n['’]indique qu|"
                        r"il est (?:peu |très |fort |donc )?probable qu|il est possible qu|il se peut qu)", re.IGNORECASE)


def rule_act_decision(doc: Doc, trigger_i: int, roles: Roles, modality: Modality,
                      by_noun: bool = False) -> FrenchActDecision:
    """Does the sentence report a specific act?  Rules: the trigger is a finite verb (passé
    composé, présent, passé simple; the plus-que-parfait tells background), or an infinitive
    carried by a verb of decision, announcement or attempt; someone identifiable acts or
    suffers it; and the sentence is no opinion, statistic, generic statement, question or
    prediction (conditional, modal « pouvoir / devoir »).  ``by_noun``: the act is named by a
    noun, and ``trigger_i`` is the sentence's main verb (whose subject need not be the
    act's doer)."""
    text = doc.text
    trigger = doc[trigger_i]
    tense = tense_of(doc, trigger_i)
    if not any(a.code or a.sector for a in roles.source + roles.target) and \
            not _named_sufferer(verb_of(trigger)) and (by_noun or not _named_doer(verb_of(trigger))):
        return FrenchActDecision(False, False, "no identifiable actor", 0.0)
    if _not_an_act_for(doc, trigger):
        return FrenchActDecision(False, False, "opinion, statistic or generic", 0.0)
    if fold(trigger.lemma_) in _HELD_STATES and (_present_passive(trigger) or _after_remaining(trigger)):
        # « Mohamed Bazoum est toujours détenu », « reste séquestré » : being held is a state,
        # not the arrest
        return FrenchActDecision(False, False, STATE_OF_HOLDING, 0.0)
    if tense == "imparfait" and not _reported_past(doc, trigger):
        return FrenchActDecision(False, False, "imparfait: a state", 0.0)
    if tense == "subjonctif":
        # « attendent que les patients se rendent », « bien qu'elle extrade » : not told as done
        return FrenchActDecision(False, False, "subjonctif: not told as done", 0.0)
    chain = _governing_chain(trigger)
    if fold(trigger.lemma_) in _REPORTING and _inverted_speaker(verb_of(trigger)) is not None:
        chain = [trigger]  # (the quote the parser hangs it on is what is said, not a governor)
    # (an opinion is read before the conditional: an expert's « ne peut pas poursuivre » is
    # no hedged threat)
    if any(_is_opinion_verb(t) for t in chain[1:]) or _is_opinion_verb(doc[_root(doc)]) \
            or _IDEA_THAT.search(text[:trigger.idx]):
        # (« un terreau fertile pour l'idée que la Russie … s'attaque à l'Occident » : what an
        # idea, a fear or a rumour holds is not told as done)
        return FrenchActDecision(False, False, "an opinion", 0.0)
    if tense == "present" and _described_by_relative(verb_of(trigger)):
        # « une vallée … qui refuse d'abandonner » : a present relative clause describes (not
        # « les leaders qu'il accuse », where the clause's own subject acts)
        return FrenchActDecision(False, False, "present relative clause: a description", 0.0)
    if (tense == "conditionnel" and not (modality.future and not modality.hypothetical)) or modality.hypothetical:
        # (a condition or an indirect question, « si les États-Unis interviendraient », is
        # no threat however it is hedged)
        asked = any(c.dep_ == "mark" and fold(c.text) in {"si", "s'", "s’"}
                    for t in chain for c in t.children)
        # (nor is it one where the doer is not the verb's subject: « votre adhésion à l'OTAN
        # renforcerait notre sécurité » is no threat by NATO)
        subject = next((s for s in (_subject(t)[0] for t in chain) if s is not None), None)
        named = {subject.text} if subject is not None else set()
        named |= {t.text for c in (subject.children if subject is not None else [])
                  if c.dep_ in {"nmod", "appos", "flat:name"} and not _case_words(c) - {"de", "du", "des", "d'", "d’"}
                  for t in c.subtree}
        by_subject = subject is not None and (subject.pos_ == "PRON" or any(
            named & set(a.text.split()) for a in roles.source))
        return FrenchActDecision(False, False, f"{tense}: conditional", 0.0, hedged=not asked and by_subject)
    # « ont pu rapatrier » : a modal in the passé composé tells what was done
    if any(fold(t.lemma_) in _MODALS and not any(c.dep_.startswith("aux") for c in t.children)
           for t in chain[1:]):
        return FrenchActDecision(False, False, "modal: a possibility", 0.0, hedged=True)
    if tense in {"infinitive", "other"}:
        governor = trigger.head
        # « a été tenté de rejeter » : a carrier in the passive tells no decision
        # « ont pu rapatrier » : « pouvoir » in the passé composé carries what was done
        carried = fold(governor.lemma_) in _CARRIERS or _purpose_of_journey(trigger, governor) or (
            fold(governor.lemma_) == "pouvoir" and any(
                c.dep_.startswith("aux") and fold(c.lemma_) == "avoir" for c in governor.children))
        # (« a annoncé qu'il allait accorder » : « aller » in the imparfait of reported speech,
        # as « annonce qu'il va accorder »)
        reported = fold(governor.lemma_) == "aller" and tense_of(doc, governor.i) == "imparfait" and \
            _reported_past(doc, governor)
        if governor.i == trigger_i or not carried or _is_passive(governor) or (not reported and \
                tense_of(doc, governor.i) in {"imparfait", "conditionnel", "subjonctif", "infinitive", "other"}):
            return FrenchActDecision(False, False, f"{tense} with no verb that carries it", 0.0)
    if tense == "participle" and trigger.dep_ not in {"ROOT", "conj"} and not _gerund_of_act(doc, trigger) \
            and not _participle_by_named_agent(trigger) and not _judged_by(trigger):
        return FrenchActDecision(False, False, "participle: a description", 0.0)
    background = tense == "plusqueparfait" or bool(_BACKGROUND.search(text))
    return FrenchActDecision(True, background, f"rule: {tense}", 1.0)


#: Verbs of a journey: what one travels « pour » do is what the journey is for (« s'est envolé
#: pour rencontrer son homologue »).
_JOURNEYS = frozenset({"envoler", "rendre", "aller", "venir", "arriver", "voyager", "deplacer", "partir",
                       "retourner", "revenir", "debarquer", "atterrir"})


def _purpose_of_journey(trigger: Token, governor: Token) -> bool:
    return fold(governor.lemma_) in _JOURNEYS and any(
        c.dep_ == "mark" and fold(c.text) == "pour" for c in trigger.children)


STATE_OF_HOLDING = "present passive of holding: a state"
#: Verbs whose present passive tells a state that lasts (« est détenu », « est occupée »).
def _after_remaining(trigger: Token) -> bool:
    """A participle after « rester » / « demeurer » (« Bazoum reste séquestré par les
    militaires », « demeure détenu ») in any tense but a past one that tells the start."""
    head = trigger.head
    if head.i != trigger.i and head.i < trigger.i and fold(head.lemma_) in {"rester", "reste", "demeurer", "demeure"}:
        return True
    return any(fold(c.lemma_) in {"rester", "reste", "demeurer", "demeure"} and c.i < trigger.i
               and c.dep_.startswith(("aux", "cop")) for c in trigger.children)


_HELD_STATES = frozenset({"detenir", "emprisonner", "incarcerer", "sequestrer", "retenir", "assieger", "occuper",
                          # (a support or funding that lasts: « l'Ukraine est soutenue par l'OTAN »)
                          "soutenir", "appuyer", "financer"})


def _present_passive(verb: Token) -> bool:
    """« est détenu », « sont retenus » : « être » in the present, no « avoir » (« a été
    arrêté » is the act)."""
    auxiliaries = [c for c in verb.children if c.dep_.startswith("aux")]
    return any(c.dep_ == "aux:pass" and "Pres" in c.morph.get("Tense") for c in auxiliaries) \
        and not any(c.dep_ == "aux:tense" for c in auxiliaries)


def _described_by_relative(verb: Token) -> bool:
    """The verb heads a relative clause whose subject is « qui »."""
    return verb.dep_ == "acl:relcl" and any(
        c.dep_ == "nsubj" and fold(c.text) == "qui" for c in verb.children)


def _root(doc: Doc) -> int:
    return next((t.i for t in doc if t.dep_ == "ROOT"), 0)
