"""Find the spans of a text that name places, with their offsets and gazetteer candidates.

No parse runs here (spaCy over whole articles is too slow for the speed target, see
benchmarks/geo_speed.py): words are matched against the gazetteer's folded names, longest
first, starting at capitalised words (``find_candidates``).  Each candidate carries features
for the learned scorer (``scorer.py``), among them what the old hand rules say of it
(``Mention.rule_drop``, the first that would drop it):

- a stop list of capitalised words that are also place names (Police, Union, March, Mobile…)
  and any word the same article also writes in lower case ("reading", "union");
- a person's title before the name ("Mr", "President") or a surname after it ("Chad Smith");
- a name inside a longer capitalised name ("Andrés Manuel López Obrador", "El Faro"); a word
  that is elsewhere in the article part of a person's name, or that speaks ("Rivera said");
- a single word naming a town of under 100,000 people without a locative cue ("in/near/
  outside X", "the town of X") or a qualifier ("X, <its region or country>").

``find_mentions`` keeps the candidates the scorer finds likely (or, without a scorer, those no
rule drops) and adds US states written as AP abbreviations ("Joplin, Mo.", "Calif.").
Demonyms ("Malian", "Palestinians") are returned as the country they name.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from harmattan.geo.folding import fold
from harmattan.geo.gazetteer import Entry, Gazetteer

# Words with inner apostrophes and hyphens ("N'Djamena", "Centre-Nord"), but not the
# possessive or English contractions ("Mali's", "We're", "I've").
# Hyphens split words ("Fargo-Moorhead", "Turkish-Russian"); ``_glued`` joins them again
# where the whole is one name ("Centre-Nord").
_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}|[^\W\d_]+(?:['’](?!(?:s|S|t|re|ve|ll|d|m)\b)[^\W\d_]+)*")

#: Lower-case words allowed inside a place name ("Bosnia and Herzegovina", "Fada N'Gourma").
CONNECTORS = frozenset({"de", "del", "la", "las", "los", "el", "of", "the", "and", "du", "des",
                        "d", "le", "y", "upon", "on", "al", "da", "do", "dos", "das", "di",
                        "en", "sur", "am", "an", "der", "van", "von", "bin", "ben", "au", "aux",
                        "es", "les", "lès", "sous", "as"})

#: Capitalised words that are also the name of some place but almost never mean it in news.
STOP = frozenset("""
a an the of in on at to for from by with and or but if as is it its he she we they i you his her
their our this that these those there here then when where what who why how which while after
before during since until about above below under over between among into onto upon
mr mrs ms dr sir lord lady mister madam president minister general gen col colonel police army
union march may june july august april january february september october november december
monday tuesday wednesday thursday friday saturday sunday mobile reading independence liberty
justice security defense defence government state states national federal republic democratic
people popular party congress senate court supreme council ministry office department
commission committee agency service services forces force navy air guard unit center centre
north south east west northern southern eastern western central upper lower new old
street road avenue square park bridge river lake mountain hill valley island islands bay beach
port airport station hospital university college school church mosque temple prison camp
city town village county province region district municipality
world earth god allah christ jesus islam islamic muslim christian catholic
man men woman women boy girl child children family home house
mission progress hope paradise commerce victory freedom unity concord harmony friendship
union unity alliance coalition front movement council assembly
media press news times post herald tribune journal daily weekly
rivers delta meta cesar plateau centre est nord sud ouest sahel
pacific atlantic caribbean gulf triangle homeland english christmas easter none much many most
still vice see due law king kill plains reforma excelsior mesa arena para
said says told added according also however meanwhile although though
one two three four five six seven eight nine ten first second third last next
good bad big little long great grand royal
ok ah oh yes no not
""".split())

#: Titles that make the next capitalised word a person's name.
TITLES = frozenset({"mr", "mrs", "ms", "dr", "president", "gen", "general", "col", "colonel",
                    "minister", "senator", "sen", "rep", "gov", "governor", "judge", "lt",
                    "sgt", "capt", "captain", "king", "queen", "prince", "princess", "pope",
                    "sheikh", "imam", "bishop", "father", "sister", "brother", "mayor",
                    "commander", "chief", "officer", "lieutenant", "sergeant", "major",
                    "professor", "prof", "justice", "ambassador", "secretary", "spokesman",
                    "spokeswoman", "miss", "saint"})

#: Words after a place name that keep it a place used as a modifier ("Malian army").
ORG_HEADS = frozenset({
    "army", "armed", "police", "government", "ministry", "minister", "president", "presidency",
    "forces", "force", "navy", "military", "troops", "soldiers", "authorities", "officials",
    "embassy", "consulate", "cartel", "gang", "gangs", "border", "prosecutor", "prosecutors",
    "attorney", "congress", "senate", "parliament", "national", "state", "states", "city",
    "province", "region", "department", "district", "county", "municipality", "valley",
    "coast", "highlands", "basin", "river", "lake", "airport", "port", "prison", "court",
    "junta", "regime", "capital", "people", "red", "interior", "defense", "defence", "foreign",
    "public", "federal", "central", "security", "intelligence", "air", "supreme", "constitutional",
    "electoral", "coast", "guard", "gendarmerie", "customs", "marines", "special", "health",
})

#: Words after a place's name that make the whole a river, lake or range named after it.
FEATURE_HEADS = frozenset({"river", "lake", "lakes", "valley", "mountains", "basin", "sound",
                           "bay", "creek", "canyon", "delta", "gulf"})
NAMES_A_FEATURE = "names a feature"

DIRECTIONS = frozenset({"northern", "southern", "eastern", "western", "central", "north",
                        "south", "east", "west", "upper", "lower", "greater", "northeastern",
                        "northwestern", "southeastern", "southwestern", "north-east",
                        "north-west", "south-east", "south-west", "northeast", "northwest",
                        "southeast", "southwest", "far", "rural", "downtown"})

#: Words just before a place that say the name is a place ("in X", "the town of X").
LOCATIVES = frozenset({"in", "near", "outside", "at", "from", "to", "into", "across", "around",
                       "on", "against",
                       "towards", "toward", "through", "throughout", "within", "via", "between",
                       "of", "nearby", "inside", "off", "reach", "reached", "entered", "left",
                       "attacked", "captured", "seized", "besieged", "shelled", "visited",
                       # French: "à Djibo", "au Mali", "près de Gao", "vers Ménaka"
                       "à", "au", "aux", "en", "dans", "près", "vers", "depuis", "entre",
                       "contre", "chez", "autour", "attaqué", "attaquée", "pris", "repris"})
#: French locatives that say "in" or "at" (as ``cue_in`` reads "in", "at", "near"...).
_FRENCH_IN = frozenset({"à", "au", "aux", "en", "dans", "près", "depuis", "vers"})
PLACE_NOUNS = frozenset({"town", "city", "village", "villages", "municipality", "commune",
                         "province", "region", "department", "district", "state", "county",
                         "locality", "hamlet", "capital", "port", "area", "border", "towns",
                         "cities", "municipalities", "neighbourhood", "neighborhood", "suburb",
                         "prefecture", "cercle", "canton",
                         # French: "la région de Tillabéri", "la ville de Gao"
                         "ville", "région", "localité", "préfecture", "département",
                         "capitale", "frontière", "quartier", "villes", "villages"})

_DISTANCE_WORDS = frozenset({"km", "kilometres", "kilometers", "miles", "north", "south", "east",
                             "west", "northeast", "northwest", "southeast", "southwest",
                             "outskirts"})

#: Multi-word names that are places somewhere but never in news.
PHRASE_STOP = frozenset({"white house", "new year", "high court", "red cross", "el chapo"})
#: Words before a quoted or bare name that make it a nickname, not a place.
NICKNAME_CUES = frozenset({"alias", "aka", "nicknamed", "known", "dubbed", "called"})

#: Lower-case words that end some indexed names ("Sahel region", "Borno state").
_DIVISION_NOUNS = frozenset({"region", "province", "state", "department"})

SMALL_TOWN = 10_000
LARGE_CITY = 100_000


@dataclass
class Mention:
    """A place-naming span with its gazetteer candidates, before resolution."""

    text: str
    start: int
    end: int
    key: str
    candidates: list[Entry]
    #: The country a demonym names (candidates then hold just that country).
    demonym: bool = False
    #: The locative word before the span ("in", "near", …), lower case, or "".
    cue: str = ""
    #: Text after the span up to the next comma-separated name ("Paris, Texas" → "texas").
    qualifier: str = ""
    #: Candidates kept only because the article names their country.
    needs_context: bool = False
    reasons: list[str] = field(default_factory=list)
    #: Why the hand rules would drop the span ("" when they keep it); the learned scorer
    #: reads this with the other features and decides (``scorer.py``).
    rule_drop: str = ""
    #: Features of the span for the scorer (``scorer.FEATURES`` names them).
    features: dict[str, float] = field(default_factory=dict)
    #: The scorer's probability that the span is a place (0 when no scorer ran).
    probability: float = 0.0
    #: The entity recogniser read this span's text (its ``ner_*`` features are set).
    ner: bool = False
    #: A candidate only the recogniser proposed (no capitalised gazetteer match covers it).
    ner_only: bool = False


@dataclass
class _Token:
    start: int
    end: int
    text: str

    @property
    def capitalised(self) -> bool:
        # "d'Ivoire", "l'Est" count: the name after the elided article is capitalised.
        return self.text[:1].isupper() or (
            len(self.text) > 2 and self.text[1] in "'’" and self.text[2].isupper())


def tokenize(text: str) -> list[_Token]:
    return [_Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def _sentence_initial(text: str, start: int) -> bool:
    """True if only punctuation/space separates ``start`` from a sentence end or line start."""
    i = start - 1
    while i >= 0 and text[i] in " \t\"'“‘(«[":
        i -= 1
    return i < 0 or text[i] in ".!?\n:;"


def _glued(text: str, left: _Token, right: _Token) -> bool:
    """Two tokens of one name: separated by a single space or hyphen only."""
    gap = text[left.end:right.start]
    return gap in (" ", "-", " - ") or (gap == ". " and left.text.title() in {"St", "Ste", "Mt", "Ft"})


#: AP-style abbreviations of US states, as US news writes them after a town ("Joplin, Mo.").
#: Only read after "Town, " (many are words or titles elsewhere: "Miss.", "Ill.", "Mass.").
US_STATE_ABBREVIATIONS = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California",
    "Colo.": "Colorado", "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida",
    "Ga.": "Georgia", "Ill.": "Illinois", "Ind.": "Indiana", "Kan.": "Kansas", "Kans.": "Kansas",
    "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland", "Mass.": "Massachusetts",
    "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi", "Mo.": "Missouri",
    "Mont.": "Montana", "Neb.": "Nebraska", "Nebr.": "Nebraska", "Nev.": "Nevada",
    "N.H.": "New Hampshire", "N.J.": "New Jersey", "N.M.": "New Mexico", "N.Y.": "New York",
    "N.C.": "North Carolina", "N.D.": "North Dakota", "Okla.": "Oklahoma", "Ore.": "Oregon",
    "Pa.": "Pennsylvania", "R.I.": "Rhode Island", "S.C.": "South Carolina",
    "S.D.": "South Dakota", "Tenn.": "Tennessee", "Tex.": "Texas", "Vt.": "Vermont",
    "Va.": "Virginia", "Wash.": "Washington", "W.Va.": "West Virginia", "W. Va.": "West Virginia",
    "Wis.": "Wisconsin", "Wisc.": "Wisconsin", "Wyo.": "Wyoming", "D.C.": "District of Columbia",
}
_STATE_AFTER_TOWN = re.compile(
    r",\s*(" + "|".join(re.escape(k) for k in sorted(US_STATE_ABBREVIATIONS, key=len, reverse=True)) + r")(?![\w.])")


def state_abbreviation(after: str) -> tuple[str, int, int] | None:
    """``(state name, start, end)`` of an AP abbreviation right after a place (", Mo.")."""
    match = _STATE_AFTER_TOWN.match(after)
    if match is None:
        return None
    return US_STATE_ABBREVIATIONS[match.group(1)], match.start(1), match.end(1)


#: AP abbreviations that are also words or titles ("Miss.", "Mass.", "Ill.", "Pa."): read
#: only after a town, never alone.
_ONLY_AFTER_TOWN = frozenset({"Miss.", "Ill.", "Mass.", "Wash.", "Ind.", "La.", "Pa.", "Del.",
                              "Ore.", "Mo.", "Me.", "Tex.", "Mont.", "Conn."})
#: Of those, the ones no English word or title is written as.
_NO_WORD_AFTER_TOWN = frozenset({"Conn.", "Tex."})
_STANDALONE_STATE = re.compile(
    r"(?<![\w.])(" + "|".join(re.escape(k) for k in sorted(US_STATE_ABBREVIATIONS, key=len, reverse=True)
                             if k not in _ONLY_AFTER_TOWN) + r")(?![\w])")


def _state_mentions(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """Mentions for "Mo." in "Joplin, Mo." and for a standalone "Calif.": the US state."""
    added = []
    covered = [(m.start, m.end) for m in mentions]
    for match in _STANDALONE_STATE.finditer(text):
        if any(s < match.end(1) and match.start(1) < e for s, e in covered):
            continue
        name = US_STATE_ABBREVIATIONS[match.group(1)]
        states = [e for e in gazetteer.lookup(name) if e.country == "US" and e.is_admin1]
        if states:
            added.append(Mention(match.group(1), match.start(1), match.end(1), fold(name),
                                 states[:1], reasons=["US state abbreviation"]))
    after_town: set[str] = set()
    for mention in mentions:
        found = state_abbreviation(text[mention.end:mention.end + 8])
        if found is None:
            continue
        name, start, end = found
        states = [e for e in gazetteer.lookup(name) if e.country == "US" and e.is_admin1]
        if states:
            after_town.add(text[mention.end + start:mention.end + end])
            added.append(Mention(text[mention.end + start:mention.end + end], mention.end + start,
                                 mention.end + end, fold(name), states[:1],
                                 reasons=["US state abbreviation after a place"]))
    # One sense per article: "Greenwich, Conn. … Conn. officials said" — an abbreviation the
    # article writes after a town is the state wherever else it stands, unless it is also a
    # word or a title ("Jackson, Miss. … Miss. Smith").
    for abbreviation in sorted(after_town & _NO_WORD_AFTER_TOWN):
        taken = covered + [(m.start, m.end) for m in added]
        name = US_STATE_ABBREVIATIONS[abbreviation]
        states = [e for e in gazetteer.lookup(name) if e.country == "US" and e.is_admin1]
        for match in re.finditer(r"(?<![\w.])" + re.escape(abbreviation) + r"(?!\w)", text):
            if not any(s < match.end() and match.start() < e for s, e in taken):
                added.append(Mention(abbreviation, match.start(), match.end(), fold(name),
                                     states[:1], reasons=["US state abbreviation, as elsewhere"]))
    return added


def find_mentions(text: str, gazetteer: Gazetteer, scorer: Any = None,
                  threshold: float | None = None,
                  entities: list[tuple[int, int, str]] | None = None,
                  ner_ranges: list[tuple[int, int]] | None = None,
                  ner_scorer: Any = None) -> list[Mention]:
    """Every span of ``text`` that names a place, with its candidate entries.

    Every capitalised span that folds to a gazetteer name is a candidate, and so is every
    place entity of the recogniser (``entities``, read over ``ner_ranges``, default the whole
    text: see ``find_candidates``); ``scorer`` (a ``ToponymScorer``) keeps those it finds
    likely places — ``ner_scorer``, trained with the recogniser's features, for the spans the
    recogniser read.  Without a scorer, the hand rules decide alone (``Mention.rule_drop``).
    """
    mentions = find_candidates(text, gazetteer, entities, ner_ranges)
    if scorer is not None:
        read = [m for m in mentions if m.ner] if ner_scorer is not None else []
        if read:
            ner_scorer.score(read)
            scorer.score([m for m in mentions if not m.ner])
        else:
            scorer.score([m for m in mentions if not m.ner_only])
        cut = scorer.threshold_ if threshold is None else threshold
        kept = [m for m in mentions if m.probability >= cut]
        kept = _one_sense_for_qualifiers(text, mentions, kept)
    else:
        kept = [m for m in mentions if not m.rule_drop and not m.ner_only]
    _link_qualifiers(text, kept)
    states = _state_mentions(text, kept, gazetteer)
    if states:
        taken = {(m.start, m.end) for m in kept}
        for state in states:
            if (state.start, state.end) not in taken:
                taken.add((state.start, state.end))
                kept.append(state)
        kept.sort(key=lambda m: m.start)
    return kept


#: The probability from which a name the article also gives as a qualifier is kept.
_QUALIFIER_ELSEWHERE = 0.25


def _one_sense_for_qualifiers(text: str, mentions: list[Mention],
                              kept: list[Mention]) -> list[Mention]:
    """"Vancouver, B.C. … B.C. officials said": a name the article writes as the qualifier of
    a place it keeps ("<place>, <name>") is a place where it stands alone too, unless the
    scorer is sure it is not."""
    qualifiers = {b.key for a, b in zip(kept, kept[1:]) if text[a.end:b.start] in (", ", ",")}
    if not qualifiers:
        return kept
    taken = {id(m) for m in kept}
    more = [m for m in mentions if id(m) not in taken and m.key in qualifiers and m.candidates
            and m.probability >= _QUALIFIER_ELSEWHERE and not m.rule_drop == "title before"]
    return sorted(kept + more, key=lambda m: m.start) if more else kept


def _link_qualifiers(text: str, mentions: list[Mention]) -> None:
    for previous, mention in zip(mentions, mentions[1:]):
        if text[previous.end:mention.start] in (", ", ","):
            mention.reasons.append("qualifies the previous place")


def find_candidates(text: str, gazetteer: Gazetteer,
                    entities: list[tuple[int, int, str]] | None = None,
                    ner_ranges: list[tuple[int, int]] | None = None) -> list[Mention]:
    """Every gazetteer match of a capitalised span, longest first, each with its features.

    ``entities`` (``(start, end, label)`` from spaCy's recogniser, ``nlp.parser.load_ner``)
    add their features to the matches they overlap, and each GPE, LOC, FAC or NORP entity
    that overlaps no match is a candidate of its own (``_entity_candidate``).  The recogniser
    read only ``ner_ranges`` of the text (the coder runs it on the sentences that gave
    events); ``None`` is the whole text.  Without ``entities`` nothing changes.
    """
    tokens = tokenize(text)
    lower_words = {t.text for t in tokens if t.text.islower()}
    person_like = _name_parts(text, tokens, gazetteer)
    mentions: list[Mention] = []
    n = len(tokens)
    max_words = gazetteer.max_words_
    i = 0
    while i < n:
        token = tokens[i]
        if not token.capitalised:
            i += 1
            continue
        found = None
        limit = min(n, i + max_words + 2)
        end = _longest_from(text, tokens, i, limit, gazetteer)
        if end is not None:
            span_text = text[token.start:tokens[end - 1].end]
            found = (end, span_text, fold(span_text))
        if found is not None and token.text.lower() in _FRENCH_ARTICLES and i + 1 < n:
            # "La Côte d'Ivoire": a name after the article that runs further wins over the
            # shorter one that includes the article ("La Côte", a village).
            longer = _longest_from(text, tokens, i + 1, limit, gazetteer)
            if longer is not None and longer > found[0]:
                found = None
        if found is None:
            i += 1
            continue
        end, span_text, key = found
        mention = _judge(text, tokens, i, end, span_text, key, gazetteer, lower_words,
                         person_like)
        if mention is not None:
            mentions.append(mention)
        i = end
    if entities is not None:
        mentions = _entity_candidates(text, tokens, gazetteer, mentions, entities, ner_ranges,
                                      lower_words, person_like)
    _coordination(text, mentions)
    _article_features(mentions)
    return mentions


#: Entity labels with a feature of their own; the rest share ``ner_other``.
NER_LABELS = ("GPE", "LOC", "FAC", "NORP", "PERSON", "ORG")
#: Entity labels that make a candidate of their own (``nlp.parser.PLACE_LABELS``).
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP"})


def _entity_core(text: str, start: int, end: int) -> tuple[int, int]:
    """An entity's span without a leading "the" and a trailing possessive."""
    if text[start:start + 4].lower() == "the ":
        start += 4
    if text[end - 2:end] in ("'s", "’s"):
        end -= 2
    return start, end


def _entity_candidates(text: str, tokens: list[_Token], gazetteer: Gazetteer,
                       mentions: list[Mention], entities: list[tuple[int, int, str]],
                       ner_ranges: list[tuple[int, int]] | None, lower_words: set[str],
                       person_like: set[str]) -> list[Mention]:
    """The recogniser's view of each candidate, and the place entities no match covers."""

    def read(start: int, end: int) -> bool:
        return ner_ranges is None or any(s <= start and end <= e for s, e in ner_ranges)

    entities = sorted(entities)
    for m in mentions:
        if not read(m.start, m.end):
            continue
        m.ner = True
        best, overlap = None, 0
        for s, e, label in entities:
            shared = min(e, m.end) - max(s, m.start)
            if shared > overlap:
                best, overlap = (s, e, label), shared
        _set_entity_features(text, m, best)
    starts = {t.start: k for k, t in enumerate(tokens)}
    ends = {t.end: k + 1 for k, t in enumerate(tokens)}
    taken = [(m.start, m.end) for m in mentions]
    added = []
    for s, e, label in entities:
        if label not in _PLACE_LABELS or not read(s, e):
            continue
        s, e = _entity_core(text, s, e)
        # A match inside the entity does not stand for it ("Royal" in "Royal Street"): both
        # are candidates, and the scorer reads ``ner_inside`` on the match.
        if s >= e or any(a < e and s < b and not (s <= a and b <= e and (a, b) != (s, e))
                         for a, b in taken):
            continue
        i, end = starts.get(s), ends.get(e)
        if i is None or end is None or end <= i:
            continue
        span_text = text[s:e]
        key = fold(span_text)
        mention = None
        if gazetteer.has_key(key):
            mention = _judge(text, tokens, i, end, span_text, key, gazetteer, lower_words,
                             person_like)
        if mention is None:
            if label == "NORP":
                continue  # "Republicans", "Sunni": a group, not a place, unless a demonym
            mention = _unresolved(text, tokens, i, end, span_text, key)
        mention.ner = True
        mention.ner_only = True
        _set_entity_features(text, mention, (s, e, label))
        mention.features["ner_only"] = 1.0
        added.append(mention)
        taken.append((s, e))
    return sorted(mentions + added, key=lambda m: m.start)


def _set_entity_features(text: str, mention: Mention, entity: tuple[int, int, str] | None) -> None:
    f = mention.features
    for label in NER_LABELS:
        f["ner_" + label.lower()] = 0.0
    f["ner_other"] = f["ner_exact"] = f["ner_inside"] = 0.0
    f["ner_none"] = float(entity is None)
    if entity is None:
        return
    s, e, label = entity
    if label in NER_LABELS:
        f["ner_" + label.lower()] = 1.0
    else:
        f["ner_other"] = 1.0
    core = _entity_core(text, s, e)
    f["ner_exact"] = float(core == (mention.start, mention.end))
    # "Atlanta" in "Atlanta Police Department", "Lamar" in "Lamar Hunt"
    f["ner_inside"] = float(s <= mention.start and mention.end <= e and not f["ner_exact"])


def _unresolved(text: str, tokens: list[_Token], i: int, end: int, span_text: str,
                key: str) -> Mention:
    """A place entity the gazetteer does not know ("Royal Street", "Barclays Center"): the
    scorer decides from the words around it; the parser places it at the article's own
    town (``parser._place_unresolved``)."""
    prev_word = tokens[i - 1].text.lower() if i > 0 else ""
    if prev_word == "the" and i > 1:
        prev_word = tokens[i - 2].text.lower()
    next_word = tokens[end].text.lower() if end < len(tokens) else ""
    n_words = end - i
    features = {
        "n_words": float(n_words), "single": float(n_words == 1),
        "all_caps": float(span_text.isupper() and len(span_text) > 1),
        "initial": float(_sentence_initial(text, tokens[i].start)),
        "stop_word": float(key in STOP), "length": min(len(span_text), 30) / 30,
        "cue": float(prev_word in LOCATIVES),
        "cue_in": float(prev_word in {"in", "at", "near", "outside", "from", "to"}),
        "place_noun_after": float(next_word in PLACE_NOUNS),
        "possessive": float(text[tokens[end - 1].end:tokens[end - 1].end + 2] in ("'s", "’s")),
        "ner_unresolved": 1.0,
    }
    return Mention(span_text, tokens[i].start, tokens[end - 1].end, key, [],
                   reasons=["entity recogniser"], rule_drop="not in the gazetteer",
                   features=features)


_FRENCH_ARTICLES = frozenset({"la", "le", "les"})


def _longest_from(text: str, tokens: list[_Token], i: int, limit: int,
                  gazetteer: Gazetteer) -> int | None:
    """The end of the longest gazetteer name starting at the capitalised token ``i``: extended
    over capitalised words, connectors and division nouns, then tried longest first."""
    if not tokens[i].capitalised:
        return None
    j = i + 1
    while j < limit:
        if tokens[j].text == "s" and text[tokens[j - 1].end:tokens[j].start] in ("'", "’"):
            j += 1  # "Prince George's County": a possessive inside a name
            continue
        if not (_glued(text, tokens[j - 1], tokens[j]) and (
                tokens[j].capitalised or tokens[j].text.lower() in CONNECTORS
                or tokens[j].text.lower() in _DIVISION_NOUNS)):
            break
        j += 1
    for end in range(j, i, -1):
        last = tokens[end - 1]
        if (last.capitalised or last.text.lower() in _DIVISION_NOUNS) and gazetteer.has_key(
                fold(text[tokens[i].start:last.end])):
            return end
    return None


def _article_features(mentions: list[Mention]) -> None:
    """Features that need the article's other candidates: its countries, repeats, anchors."""
    named: set[str] = set()
    for m in mentions:
        if m.rule_drop or not m.candidates:
            continue
        best = m.candidates[0]
        if best.is_country or m.demonym or (best.is_admin1 and len(m.candidates) == 1):
            named.add(best.country)
        elif len({c.country for c in m.candidates}) == 1:
            named.add(best.country)
    kept_keys: dict[str, int] = {}
    counts: dict[str, int] = {}
    for m in mentions:
        counts[m.key] = counts.get(m.key, 0) + 1
        if not m.rule_drop:
            kept_keys[m.key] = kept_keys.get(m.key, 0) + 1
    for m in mentions:
        f = m.features
        f["country_named"] = float(any(c.country in named for c in m.candidates
                                       if not c.is_country))
        f["repeats"] = float(min(counts[m.key], 5))
        f["kept_elsewhere"] = float(kept_keys.get(m.key, 0) - (0 if m.rule_drop else 1) > 0)
        f["article_places"] = float(min(len(mentions), 60)) / 60


def _name_parts(text: str, tokens: list[_Token], gazetteer: Gazetteer) -> set[str]:
    """First and last words of the article's multi-word names that are not places.

    "Joaquín Guzmán" makes a later bare "Guzmán" a surname, not the town of that name (one
    sense per article).  The first word of "Sinaloa Cartel" is kept out: a place used as a
    modifier is still a place.
    """
    parts: set[str] = set()
    n = len(tokens)
    i = 0
    while i < n:
        if not tokens[i].capitalised:
            i += 1
            continue
        j = i + 1
        while j < n and tokens[j].capitalised and _glued(text, tokens[j - 1], tokens[j]):
            j += 1
        if j - i >= 2:
            first, last = tokens[i], tokens[j - 1]
            if not gazetteer.has_key(fold(text[first.start:last.end])):
                first_word = first.text.lower()
                if _sentence_initial(text, first.start) and first_word in STOP:
                    first = tokens[i + 1]
                if last.text.lower() not in ORG_HEADS and first.text.lower() not in DIRECTIONS:
                    parts.add(fold(first.text))
                if first.text.lower() not in TITLES:
                    parts.add(fold(last.text))
        i = j
    # "Rivera said", "Guzmán told": whoever speaks is a person — unless a large place speaks
    # for its government ("N'Djamena said", "Washington said").
    for k, token in enumerate(tokens[:-1]):
        if token.capitalised and tokens[k + 1].text in _SPEECH and \
                text[token.end:tokens[k + 1].start] == " ":
            key = fold(token.text)
            if not any(e.population >= LARGE_CITY or e.is_country or e.is_admin1
                       for e in gazetteer.lookup_key(key)):
                parts.add(key)
    return parts


_SPEECH = frozenset({"said", "says", "told", "added", "explained", "stated", "wrote", "argued",
                     "testified", "claimed", "insisted", "noted", "recalled", "confirmed"})
#: Verbs after which "to X"/"from X" is a person ("according to Rivera", "spoke to Rivera").
_NOT_LOCATIVE_BEFORE = frozenset({"according", "said", "told", "spoke", "talked", "close",
                                  "linked", "tied", "loyal", "related", "belonged", "letter",
                                  "statement", "message", "testimony", "sources", "due"})


_DATELINE_AFTER = re.compile(r"\A\s*(?:,[^\n]{0,40}?)?\s*(?:\([^)]{1,20}\)\s*)?[-–—:]")
_QUOTES_OPEN = frozenset({'"', "“", "'", "‘"})
_QUOTES_CLOSE = frozenset({'"', "”", "'", "’"})


def _judge(text: str, tokens: list[_Token], i: int, end: int, span_text: str, key: str,
           gazetteer: Gazetteer, lower_words: set[str], person_like: set[str]) -> Mention | None:
    """One gazetteer match with its features, and the first hand rule that would drop it."""
    first, last_tok = tokens[i], tokens[end - 1]
    n_words = end - i
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[end] if end < len(tokens) else None
    prev_word = prev.text.lower() if prev else ""
    prev2_word = tokens[i - 2].text.lower() if i > 1 else ""
    start, stop = first.start, last_tok.end

    demonym_entry = gazetteer.demonym_key(key)
    candidates = gazetteer.lookup_key(key) if gazetteer.has_name(key) else []
    if demonym_entry is not None and n_words == 1:
        candidates = []  # "Spanish", "Canadian": the adjective, not the towns so named
    if not candidates and demonym_entry is None:
        return None

    drop = ""

    def rule(reason: str) -> None:
        nonlocal drop
        drop = drop or reason

    if key in PHRASE_STOP:
        rule("phrase stop list")
    all_caps = span_text.isupper() and len(span_text) > 1
    dateline = _sentence_initial(text, start) and bool(_DATELINE_AFTER.match(text[stop:stop + 50]))
    # All-capitals words are acronyms ("SEDENA", "IT") or headline shouting: only country
    # codes written so (US, UK, DRC) count.
    if all_caps and not any(e.is_country for e in candidates):
        rule("all capitals")
    single = n_words == 1
    initial = _sentence_initial(text, start)
    # "l'Union", "d'Union": a common word after an elided French article is still one.
    stop_word = key in STOP or (first.text[1:2] in ("'", "’") and key[1:] in STOP)
    lower_elsewhere = first.text.lower() in lower_words
    if single and (stop_word or lower_elsewhere):
        rule("common word")
    titled = prev_word in TITLES and prev is not None and text[prev.end:start] in (" ", ". ")
    if titled:
        rule("title before")

    after = text[stop:stop + 60]
    features: dict[str, float] = {
        "n_words": float(n_words), "single": float(single), "all_caps": float(all_caps),
        "dateline": float(dateline), "initial": float(initial), "stop_word": float(stop_word),
        "lower_elsewhere": float(lower_elsewhere), "titled": float(titled),
        "possessive": float(after[:2] in ("'s", "’s")),
        "speaks": float(bool(nxt) and nxt.text in _SPEECH),
        "in_parentheses": float(text[start - 1:start] == "(" and text[stop:stop + 1] == ")"),
        "hyphen_before": float(prev is not None and text[prev.end:start] == "-"),
        "hyphen_after": float(nxt is not None and text[stop:nxt.start] == "-"),
        "length": min(len(span_text), 30) / 30,
    }

    if demonym_entry is not None and not candidates:
        mention = Mention(span_text, start, stop, key, [demonym_entry], demonym=True,
                          reasons=["demonym"], rule_drop=drop, features=features)
        _candidate_features(mention, features)
        return mention

    quoted = text[start - 1:start] in _QUOTES_OPEN and text[stop:stop + 1] in _QUOTES_CLOSE
    nickname = prev_word in NICKNAME_CUES or quoted
    if nickname and not any(e.is_country for e in candidates):
        rule("nickname")
    after_the = prev_word == "the"
    if prev_word == "the" and i > 1:
        prev_word, prev2_word = prev2_word, (tokens[i - 3].text.lower() if i > 2 else "")
    cue = prev_word if prev_word in LOCATIVES and prev2_word not in _NOT_LOCATIVE_BEFORE else ""
    if cue in _FRENCH_IN and prev is not None and not text[prev.end:start].isspace():
        cue = ""  # "en 2007. Lire aussi": a French locative counts right before the name only
    if prev_word in {"of", "de", "d'"} and prev2_word in PLACE_NOUNS:
        cue = prev2_word
    if prev_word in {"from", "of"} and prev2_word in _DISTANCE_WORDS:
        cue = prev2_word  # "20 km from X", "north of X": near X, not in it
    if prev_word in DIRECTIONS and prev2_word in LOCATIVES:
        cue = prev2_word
    qualifier = ""
    state = state_abbreviation(after)
    match = re.match(r",\s*((?:[A-Z]\.){2,}|(?:[A-Z][\w'’\-]*\.?)(?:\s+[A-Z][\w'’\-]*\.?){0,3})",
                     after)
    if state is not None:
        qualifier = fold(state[0])
    elif match:
        qualifier = fold(match.group(1))
    next_word = nxt.text.lower() if nxt else ""
    next_glued = nxt is not None and _glued(text, last_tok, nxt) and nxt.capitalised
    prev_glued = (prev is not None and _glued(text, prev, first) and prev.capitalised
                  and not initial and prev_word not in DIRECTIONS)
    place_noun_after = next_word in PLACE_NOUNS and not next_glued
    if place_noun_after:
        cue = cue or next_word

    best = candidates[0]
    strong = best.is_country or best.is_admin1 or best.is_area or any(
        e.flags == "user" for e in candidates)
    population = max((e.population for e in candidates), default=0)
    big = strong or population >= LARGE_CITY
    reasons: list[str] = []
    if prev_word in DIRECTIONS or prev_word in ("upstate", "downstate"):
        reasons.append("direction before")  # "upstate New York", "northern Chihuahua"
    if next_glued and next_word in FEATURE_HEADS:
        reasons.append(NAMES_A_FEATURE)  # "the Ohio River": says nothing of where the story is

    if next_glued and next_word not in ORG_HEADS:
        # "Chad Smith", "Jackson Heights Hospital": part of a longer name.
        if not big or best.flags == "ambiguous" or not best.is_country:
            rule("part of a longer name")
        else:
            reasons.append("modifier")
    nation = best.is_country or best.feature_code == "CONT"
    if prev_glued and nation and prev_word in _FRENCH_ARTICLES and _sentence_initial(text, prev.start):
        prev_glued = False  # "Le Niger a…", "La Côte d'Ivoire a…": the article, capitalised
    if prev_glued:
        # "Andrés Manuel López", "Octavio Paz", "El Faro": only a country survives inside a
        # longer name (a province may share a surname: Rivera, Uruguay).
        if not nation or prev_word in {"el", "la", "los", "las", "le", "les", "al"}:
            rule("inside a longer name")
        else:
            reasons.append("inside a longer name")
    person = single and key in person_like
    if person and not ((nation and best.flags != "ambiguous") or qualifier):
        rule("a person's name in this article")
    if single and after_the and not (nation or best.is_admin1) and next_word not in PLACE_NOUNS:
        rule("'the' before a town")  # "the Rastrojos": towns take no article; gangs do

    # Towns: a single word that names a town of under 100,000 people is as often a surname or
    # a common word: it needs a locative cue, and the article must name its country unless a
    # qualifier ("X, Sinaloa") does.  Longer names of small places need one of the two.
    needs_context = False
    if not big:
        if single:
            if not (cue or qualifier):
                rule("small town without a cue")
            needs_context = not qualifier
        elif population < SMALL_TOWN and not (cue or qualifier):
            rule("small place without a cue")
        elif not (cue or qualifier):
            needs_context = True
    features.update({
        "nickname": float(nickname), "after_the": float(after_the), "cue": float(bool(cue)),
        "cue_in": float(cue in {"in", "at", "near", "outside", "from", "to"} or cue in _FRENCH_IN),
        "place_noun_after": float(place_noun_after), "qualifier": float(bool(qualifier)),
        "state_after": float(state is not None), "next_glued": float(next_glued),
        "next_org_head": float(next_word in ORG_HEADS), "prev_glued": float(prev_glued),
        "prev_article": float(prev_word in {"el", "la", "los", "las", "le", "les", "al"}),
        "prev_stop": float(prev is not None and prev.text.lower() in STOP),
        "person": float(person), "big": float(big), "needs_context": float(needs_context),
        "rule_keep": float(not drop),
        "qualifier_matches": float(bool(qualifier) and _qualifier_fits(candidates, qualifier,
                                                                       gazetteer)),
    })
    mention = Mention(span_text, start, stop, key, candidates, cue=cue, qualifier=qualifier,
                      needs_context=needs_context, reasons=reasons, rule_drop=drop,
                      features=features)
    _candidate_features(mention, features)
    return mention


def _qualifier_fits(candidates: list[Entry], qualifier: str, gazetteer: Gazetteer) -> bool:
    """Some candidate lies in the country or division the qualifier names ("X, Ohio")."""
    places = {(e.country, e.admin1) for e in candidates if not e.is_country}
    countries = {c for c, _ in places}
    for other in gazetteer.lookup_key(qualifier)[:10]:
        if other.is_country and other.country in countries:
            return True
        if other.is_admin1 and (other.country, other.name) in places:
            return True
    demonym = gazetteer.demonym_key(qualifier)
    return demonym is not None and demonym.country in countries


def _coordination(text: str, mentions: list[Mention]) -> None:
    """"Ayorou and Téra", "Branson, Joplin and Springfield": a name listed with another."""
    for left, right in zip(mentions, mentions[1:]):
        gap = text[left.end:right.start]
        if gap in (" and ", " or ", ", ", ", and ", " & ", " to ", "-", "–", " and the "):
            left.features["coordinated"] = 1.0
            right.features["coordinated"] = 1.0


def _candidate_features(mention: Mention, features: dict[str, float]) -> None:
    """What the gazetteer says of the name: its kinds, its size, how many places share it."""
    cands = mention.candidates
    best = cands[0]
    population = max((e.population for e in cands), default=0)
    features.update({
        "best_country": float(best.is_country), "best_admin1": float(best.is_admin1),
        "best_continent": float(best.feature_code == "CONT"),
        "best_admin2": float(best.is_admin2),
        "has_town": float(any(e.is_town for e in cands)),
        "best_area": float(best.is_area),
        "other_kind": float(not (best.is_country or best.is_admin1 or best.is_town
                                 or best.is_area or best.feature_code == "CONT")),
        "user_place": float(any(e.flags == "user" for e in cands)),
        "ambiguous_country": float(best.flags == "ambiguous"),
        "alias_only": float(all(e.flags == "alias_only" for e in cands)),
        "log_population": math.log10(population + 1),
        "capital": float(any(e.feature_code in ("PPLC", "PPLA") for e in cands)),
        "n_candidates": math.log2(len(cands) + 1),
        "n_countries": math.log2(len({e.country for e in cands}) + 1),
    })
