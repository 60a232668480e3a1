"""Find and code the actors a sentence names, as they stood on the article's date.

``ActorResolver.find_actors`` scans a sentence once: each token is looked up in a dict of
phrase-first tokens, and only then are the longer phrases starting there tried, longest
first.  Matches are then merged into compound mentions ("Nigerien soldiers", "the coup
leaders in Niger", "General Abdourahamane Tiani") and coded with the role that held on the
date.  No regex per entry, no model: tens of thousands of sentences a second in one process.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from harmattan.actors.dictionary import (
    AGENT,
    AGENT_KIND,
    BLOCK,
    CAPITAL,
    CASE_ANY,
    CASE_EXACT,
    CONTEXTUAL,
    COUNTRY,
    DEMONYM,
    DEMONYM_PLURAL,
    GROUP,
    ORG,
    PERSON,
    TITLE,
    Index,
    load_index,
    normalize,
    tokenize,
)
from harmattan.perf import timed
from harmattan.schema import Actor

Role = tuple[str, str, "str | None", "int | None", "int | None"]

#: Words that may stand between a country and its agent: "Malian *former* president",
#: "the French *special* forces".
_MODIFIERS = frozenset(
    "former new senior top local regional national special elite transitional interim federal "
    "ruling official own military civilian armed heavily two three several many some hundreds "
    "of thousands dozens junior deputy chief acting caretaker".split()
)
_LINKS = frozenset({"of", "in", "from"})
#: Words an actor's words do not end on ("AMBASSADOR TO", "EMBASSY IN" of the Phoenix agents).
_TRAILING_LINKS = frozenset({"to", "of", "for", "in", "at"})
#: Possessive pronouns: "its troops", "their soldiers" belong to someone named elsewhere.
_OWNERS = frozenset({"its", "their", "his", "her", "our", "ses", "leurs", "son", "sa", "leur", "nos"})
#: Words that end a description: a possessive's agent is not past them.
_FUNCTION_WORDS = frozenset(
    "and or but nor the a an of in on to for with by at from that which who whom whose has have "
    "had is was are were be been said says not".split()
)
#: French links, before an optional article: "les soldats de la CEDEAO", "l'armée du Mali".
_LINKS_FR = frozenset({"de", "du", "des", "d'", "au", "aux"})
_ARTICLES_FR = frozenset({"la", "l'", "le", "les"})
#: "JNIM in Burkina Faso", "le JNIM au Burkina Faso".
_IN = frozenset({"in", "au", "en"})
_POSSESSIVE = frozenset({"'s", "’s", "'S", "’S"})
_COORDINATION = frozenset({"and", ","})


#: Sectors of offices and the bodies that hold them.
_OFFICE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
#: The link between an office and the body it belongs to: "of (the)", « de / du / des / de la ».
_OFFICE_LINK = re.compile(r"\s*(?:of(?:\s+the)?|de(?:\s+la|\s+l['’])?|du|des|d['’])\s*", re.IGNORECASE)
#: Sectors of groups that are no state's body, whose offices are theirs ("the leader of a
#: guerrilla group"), and the link between the office and the group.
_GROUP_SECTORS = frozenset({"REB", "CRM", "OPP"})
_GROUP_LINK = re.compile(r"\s*(?:of(?:\s+(?:the|a|an))?|d[eu]s?(?:\s+la|\s+l['’])?|d['’])\s*", re.IGNORECASE)
#: Words of where a group is between an office and the group ("of a Mexico City-based drug
#: gang", "of the Sinaloa-based cartel").
_WHERE_THE_GROUP_IS = re.compile(r"(?:[A-Z][\w'’.]*\s+){0,2}[A-Z][\w'’.]*-based\s+|")


def _in_a_town_of(between: list[str], written: list[str]) -> bool:
    """"authorities in Eagle Pass, Texas": a town the dictionary does not know, then the state
    or country it lies in; the agent is that place's."""
    return (3 <= len(between) <= 5 and between[0] == "in" and between[-1] == ","
            and len(written) == len(between)
            and all(w[:1].isupper() and w.replace("-", "").isalpha() for w in written[1:-1]))


def _without_transition(between: list[str]) -> list[str]:
    """« les autorités de (la) transition du Mali »: the words that name the transition stand
    between an agent and its country."""
    if len(between) >= 3 and between[0] in {"de", "du"} and between[1] == "transition":
        return between[2:]
    if len(between) >= 4 and between[0] == "de" and between[1] in {"la", "l'"} and between[2] == "transition":
        return between[3:]
    return between


def _office_of_a_body(actors: list[Actor], text: str, offset: int) -> None:
    """An office of a state's body belongs to that state: « le chef d'état-major général des
    armées du Burkina Faso », "the commander of the Malian army"."""
    for first, second in zip(actors, actors[1:]):
        if first.code or first.actor_id or first.sector not in _OFFICE_SECTORS \
                or second.sector not in _OFFICE_SECTORS or len(second.code) != 3 or second.code == "IGO" \
                or first.end is None or second.start is None:
            continue
        if _OFFICE_LINK.fullmatch(text[first.end - offset:second.start - offset]):
            first.code = second.code
    for k, first in enumerate(actors):
        # an office of a group that is no state's is the group's: "the leader of a guerrilla
        # group", "a commander of the rebels" lead no government, command no army, and "the
        # boss of a drug gang" runs no business; the group may be told where it is first
        # ("the alleged leader of a Mexico City-based drug gang")
        # (the next actor that is no bare place: "Mexico" in "a Mexico City-based drug gang")
        second = next((a for a in actors[k + 1:] if a.sector or not (a.entry or "").startswith(
            ("countries:", "phoenix:countries:"))), None)
        if second is None:
            continue
        offices = _OFFICE_SECTORS | ({"BUS"} if second.sector in {"CRM", "REB"} else set())  # "the boss of a gang"
        if first.actor_id or first.sector not in offices or second.sector not in _GROUP_SECTORS \
                or first.end is None or second.start is None or (first.code and first.code != second.code):
            continue
        link = _GROUP_LINK.match(text[first.end - offset:second.start - offset])
        between = text[first.end - offset:second.start - offset][link.end():] if link else ","
        if link and _WHERE_THE_GROUP_IS.fullmatch(between):
            first.sector = second.sector
            first.code = first.code or second.code


#: Words of a state body's name around an agent written in capitals: "the Organized Crime
#: Special Unit", "the Venezuelan Observatory of Organized Crime", "the Special Prosecutor
#: Against Organized Crime".
_BODY_AFTER = re.compile(
    r"\s+(?:[A-Z][\w'’]*\s+){0,2}(?:Unit|Units|Division|Squad|Task\s+Force|Prosecutor|Prosecutors|"
    r"Office|Department|Directorate|Bureau|Commission|Observatory|Section|Command|Agency|Court|"
    r"Tribunal|Police|Group)\b")
_BODY_BEFORE = re.compile(r"\b[A-Z][\w'’]*\s+(?:[Oo]f|[Aa]gainst|[Ff]or|[Oo]n|[Ii]nto)(?:\s+the)?\s+$")


def _a_county(actor: Actor, text: str, offset: int) -> bool:
    """A town or a state of a country that names a county or a party ("Bergen County, New
    Jersey" is no Norwegian town, Paraguay's "Colorado Party" no American state): neither says
    whose the county or the party is."""
    if not (actor.entry or "").startswith("phoenix:countries:") or actor.sector or actor.actor_id \
            or actor.end is None:
        return False
    return bool(re.match(r"\s+(?:County|Party)\b", text[actor.end - offset:]))


def _is_country_name(text: str) -> bool:
    from harmattan.actors.dictionary import country_by_name

    words = text.lower()
    for article in ("the ", "la ", "le ", "les ", "l'"):
        if words.startswith(article):
            words = words[len(article):]
    return words in country_by_name()


def _placed_by_the_next(actors: list[Actor], text: str, offset: int) -> list[Actor]:
    """A town the next words place in another country, after a comma ("Birmingham, Alabama",
    "Police in Paris, Texas"): the town is that country's (Phoenix's Birmingham is Britain's).
    The phrase that names a town keeps its words; its code becomes the place's."""
    # (a state or a province of the Phoenix dictionaries after the comma, never a country: "Mali,
    # Niger and Burkina Faso" is a list)
    out = list(actors)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.end is None or b.start is None or not (b.entry or "").startswith("phoenix:countries:") \
                or b.sector or not b.code or a.code == b.code or not a.code or len(a.code) != 3:
            continue
        if text[a.end - offset:b.start - offset] != ", " or _is_country_name(b.text):
            continue
        town = (a.entry or "").startswith("phoenix:countries:") and not a.sector \
            and not _is_country_name(a.text)
        agent = (a.entry or "").startswith(("sahel:agents:", "phoenix:agents:")) and "+" not in (a.entry or "")
        if town or agent:
            out[i] = dataclasses.replace(a, code=b.code, entry=(a.entry or "") + "+placed")
    return out


#: Words between a country's adjective and an agent that keep them one phrase ("a Canadian
#: mining company"): a word or two in lower case, none of these.
_NOT_IN_A_PHRASE = frozenset("and or but nor of to in on at for with by from as than the a an "
                             "et ou de du des à au aux en le la les "
                             # (verbs: "a Canadian shot police officers")
                             "is are was were has have had will would can could may might must shall "
                             "should does did shot hit led met sent held took struck fought beat caught "
                             "left told said won lost fled set cut put let hurt made gave saw came went "
                             "ran got found kept brought stole threw bought sold paid spoke wrote broke "
                             "drove hid shut spread sought became began fell flew grew knew chose rose "
                             "kills attacks arrests says tells".split())


#: Participles that are adjectives of an agent ("a Colombian armed group").
_PARTICIPLE_ADJECTIVES = frozenset("armed organized organised suspected alleged unidentified masked "
                                   "retired elected united".split())


def _owned_by_the_adjective(actors: list[Actor], text: str, offset: int) -> list[Actor]:
    """An agent with no country one or two lower-case words after a country's adjective or
    initials ("the head of a Canadian mining company", "a US defense contractor"): one phrase,
    the agent of that country (a mining company was given the article's country)."""
    out: list[Actor] = []
    i = 0
    while i < len(actors):
        a = actors[i]
        b = actors[i + 1] if i + 1 < len(actors) else None
        if b is not None and a.end is not None and b.start is not None and a.code and len(a.code) == 3 \
                and not a.sector and a.actor_id is None and (a.entry or "").startswith("countries:") \
                and not b.code and b.sector and b.actor_id is None and "+" not in (b.entry or ""):
            between = text[a.end - offset:b.start - offset]
            words = between.split()
            if between.startswith(" ") and between.endswith(" ") and 1 <= len(words) <= 2 and all(
                    w.isalpha() and w.islower() and w not in _NOT_IN_A_PHRASE
                    and (not w.endswith(("ed", "és", "ée")) or w in _PARTICIPLE_ADJECTIVES) for w in words) \
                    and not _is_country_name(a.text) and not a.text.endswith("s"):
                # (a country's adjective, not its name nor its people: "Britain mobilized army
                # reservists", "Malians attacked police"; no verb between: "a Canadian shot
                # police officers")
                out.append(dataclasses.replace(
                    b, text=text[a.start - offset:b.end - offset] if a.start is not None and b.end is not None
                    else b.text, start=a.start, code=a.code, entry=(b.entry or "") + "+adjective"))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


#: Adjectives between a French agent and its country's adjective (« forces fédérales
#: éthiopiennes »); not nouns (« les premiers instructeurs russes » is no prime minister's).
_FRENCH_AGENT_ADJECTIVES = frozenset(
    "fédéral fédérale fédéraux fédérales régulier régulière réguliers régulières spéciaux spéciales "
    "gouvernemental gouvernementale gouvernementaux gouvernementales loyaliste loyalistes national "
    "nationale nationaux nationales armé armée armés armées local locale locaux locales principaux "
    "principales ancien ancienne anciens anciennes nouveaux nouvelles".split())


def _owned_by_the_adjective_after(actors: list[Actor], text: str, offset: int) -> list[Actor]:
    """A French agent, one or two lower-case adjectives, then a country's adjective (« les forces
    fédérales éthiopiennes », « les forces armées régulières maliennes »): one phrase, the
    agent of that country (not the agent with no country and the country's civilians)."""
    out: list[Actor] = []
    i = 0
    while i < len(actors):
        a = actors[i]
        b = actors[i + 1] if i + 1 < len(actors) else None
        if b is not None and a.end is not None and b.start is not None and b.end is not None \
                and not a.code and a.sector and a.actor_id is None and "+" not in (a.entry or "") \
                and (a.entry or "").startswith(("sahel:agents:", "phoenix:agents:")) \
                and b.code and len(b.code) == 3 and b.actor_id is None and (b.entry or "").startswith("countries:") \
                and b.text[:1].islower():
            words = text[a.end - offset:b.start - offset].split()
            if 1 <= len(words) <= 2 and all(w in _FRENCH_AGENT_ADJECTIVES for w in words):
                out.append(dataclasses.replace(
                    a, text=text[a.start - offset:b.end - offset] if a.start is not None else a.text,
                    end=b.end, code=b.code, entry=(a.entry or "") + "+adjective"))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


_CURRENCY_WORDS = re.compile(r"\s+(?:dollars?|currency|currencies|bills|banknotes|bank\s+notes|notes|cents|"
                             r"pesos|bolivars?|bolívars?|euros|francs|treasury\s+bonds?)\b", re.IGNORECASE)


def _a_currency(actor: Actor, text: str, offset: int) -> bool:
    """A country's initials or adjective that write its currency ("an appeal for US$42 million",
    "A$5", "$30 million worth of counterfeit US currency", "25 tons of Venezuelan currency"): an
    amount, no actor."""
    if actor.end is None or actor.sector or not (actor.entry or "").startswith(("countries:", "phoenix:countries:")):
        return False
    after = text[actor.end - offset:]
    return after[:1] == "$" or bool(_CURRENCY_WORDS.match(after))


_SUSPECT_VERB = re.compile(r"^(.*\b(?:\w+s|police|polic[ií]a))\s+suspect$", re.IGNORECASE)


def _without_the_verb_suspect(actors: list[Actor], text: str, offset: int) -> list[Actor]:
    """An agent phrase that ends with "suspect" after a plural ("Authorities suspect that the
    EPP was responsible", "Police suspect the gang"): the verb, not a suspected criminal; the
    phrase is its subject alone."""
    out = []
    for actor in actors:
        words = _SUSPECT_VERB.match(actor.text or "") if actor.start is not None and actor.end is not None \
            and actor.actor_id is None and actor.sector != "CRM" else None
        if words is None:
            out.append(actor)
            continue
        kept = words.group(1)
        out.append(dataclasses.replace(actor, text=kept, end=actor.start + len(kept)))
    return out


#: Nouns before which "general" is an adjective, no officer ("its 2015 general election").
_GENERAL_WHAT = re.compile(r"\s+(?:elections?|strikes?|public|population|amnesty|secretariat|consensus|"
                           r"insecurity|mobili[sz]ation|staff\s+of)\b", re.IGNORECASE)


def _a_general_thing(actor: Actor, text: str, offset: int) -> bool:
    """"general" as an adjective ("will hold its general election", "a general strike"): no
    general."""
    if actor.start is None or actor.end is None or actor.actor_id is not None:
        return False
    return text[actor.start - offset:actor.end - offset].lower() == "general" \
        and bool(_GENERAL_WHAT.match(text[actor.end - offset:]))


#: Words before a bare "force" that make it strength, not a force: "went into force", "in
#: force", "by force", "used excessive force", "the use of force".
_FORCE_AS_STRENGTH = re.compile(
    r"\b(?:into|in|by|with|use|used|uses|using|of|excessive|lethal|deadly|brute|"
    r"disproportionate|full|a\s+show\s+of)\s+$", re.IGNORECASE)


def _force_as_strength(actor: Actor, text: str, offset: int) -> bool:
    """A bare "force" after a word that makes it strength or validity: no armed force."""
    if actor.start is None or actor.end is None or actor.actor_id is not None:
        return False
    return text[actor.start - offset:actor.end - offset] == "force" \
        and bool(_FORCE_AS_STRENGTH.search(text[max(0, actor.start - offset - 24):actor.start - offset]))


def _an_acronym(actor: Actor, text: str, offset: int) -> bool:
    """A place's name written in capitals between parentheses after a name: the initials of
    what the name before them says, not the place ("the US Government Accountability Office
    (GAO)" is no Gao, Mali's town)."""
    entry = actor.entry or ""
    if not entry.startswith(("countries:", "phoenix:countries:")) or actor.sector or actor.start is None \
            or actor.end is None:
        return False
    word = text[actor.start - offset:actor.end - offset]
    return len(word) >= 2 and word.isupper() and word.isalpha() \
        and text[max(0, actor.start - offset - 1):actor.start - offset] == "(" \
        and text[actor.end - offset:actor.end - offset + 1] == ")"


#: Words that begin a town's name before another place's name: "Puerto Castilla" (Honduras)
#: is no Castile, "Ciudad Bolivar" no Bolivia, "San Juan" no Juan.
_TOWN_WORD = re.compile(
    r"(?:^|\s)(?:Puerto|Porto|Port|San|Santa|Santo|Sao|São|Ciudad|Villa|Vila|Nueva|Nuevo|Nova|Novo|"
    r"Fort|Mount|Lake|Cape|Isla|Bahia|Bahía|Playa|Punta|Rio|Río|Monte|Valle|Cerro|Colonia)\s+$")


def _in_a_town_name(actor: Actor, text: str, offset: int) -> bool:
    """A country or a place of the dictionaries named after a word that begins a town's name
    (``_TOWN_WORD``): a word of that town's name, not the place ("the coastal town of Puerto
    Castilla")."""
    entry = actor.entry or ""
    if not (entry.startswith("phoenix:countries:") or entry.startswith("countries:")) or actor.sector \
            or actor.actor_id or actor.start is None:
        return False
    return bool(_TOWN_WORD.search(text[max(0, actor.start - offset - 12):actor.start - offset]))


def _in_a_body_name(actor: Actor, text: str, offset: int) -> bool:
    """A generic criminal agent written in capitals inside the name of a state body that
    fights it (``_BODY_AFTER``, ``_BODY_BEFORE``): the body's name, not the criminals."""
    if actor.sector != "CRM" or actor.code or actor.actor_id or actor.start is None or actor.end is None:
        return False
    start, end = actor.start - offset, actor.end - offset
    written = text[start:end]
    if not all(w[:1].isupper() for w in written.split()):
        return False
    return bool(_BODY_AFTER.match(text, end) or _BODY_BEFORE.search(text[:start]))


@dataclass(frozen=True)
class RoleHolder:
    """Who held a role: the answer of :meth:`ActorResolver.who`."""

    name: str
    entry: str
    code: str
    sector: str
    start: dt.date | None
    end: dt.date | None
    source: str
    actor_id: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return {
            "name": self.name, "entry": self.entry, "code": self.code, "sector": self.sector,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "source": self.source, "actor_id": self.actor_id,
        }


@dataclass
class _Match:
    """A dictionary phrase found in the sentence (token span [i, j))."""

    i: int
    j: int
    kind: str  # "entity", "agent", "title"
    entity: int = -1
    name_kind: int = -1
    sector: str = ""
    agent_entry: int = -1
    is_title: bool = False
    #: (entry number, name kind) of every entry the phrase may name; chosen by date later.
    candidates: list[tuple[int, int]] = field(default_factory=list)


def _role_on(roles: Sequence[Role], on: int | None) -> Role | None:
    """The role an entry held on day ``on`` (an ordinal), or its most recent one if None.

    Dated roles are tried in the order written; an undated role is the default outside them;
    with neither, the nearest dated role in time (a name is still coded before an
    organisation's founding or after a person's last recorded post).
    """
    if not roles:
        return None
    dated = [r for r in roles if r[3] is not None or r[4] is not None]
    default = next((r for r in roles if r[3] is None and r[4] is None), None)
    if on is None:
        if not dated:
            return default
        open_ended = [r for r in dated if r[4] is None]
        pool = open_ended or dated
        return max(pool, key=lambda r: (r[3] if r[3] is not None else -1, -pool.index(r)))
    for role in dated:
        if (role[3] is None or role[3] <= on) and (role[4] is None or on < role[4]):
            return role
    if default is not None:
        return default

    def distance(role: Role) -> int:
        if role[3] is not None and on < role[3]:
            return role[3] - on
        return on - (role[4] if role[4] is not None else on)

    return min(dated, key=distance) if dated else None


#: How long after a person's last recorded post their surname alone still names them.
_SURNAME_MEMORY_DAYS = 10 * 365


def _covers(role: Role, on: int) -> bool:
    return (role[3] is not None or role[4] is not None) and (
        (role[3] is None or role[3] <= on) and (role[4] is None or on < role[4]))


def _day(ordinal: int | None) -> dt.date | None:
    return dt.date.fromordinal(ordinal) if ordinal is not None else None


class ActorResolver:
    """Codes actor mentions with the shipped dictionaries (Phoenix, ``french.yaml``,
    ``americas.yaml``, ``sahel.yaml``).

    ``paths`` are extra YAML dictionaries in the ``sahel.yaml`` format, loaded after the
    shipped ones (later files override earlier ones, phrase by phrase).  The constructor only
    stores its arguments; :meth:`initialize` loads the compiled index (cached on disk).

    Example::

        resolver = ActorResolver()
        resolver.initialize()
        resolver.resolve_actor("General Tiani", on=dt.date(2023, 8, 1))
        # Actor(text='General Tiani', code='NER', sector='GOV', actor_id='TIANI', ...)
    """

    def __init__(self, paths: Iterable[str | Path] | None = None, use_cache: bool = True) -> None:
        self.paths = paths
        self.use_cache = use_cache

    # ------------------------------------------------------------------ loading
    def initialize(self) -> "ActorResolver":
        """Load the dictionaries (idempotent) and return self."""
        if getattr(self, "index_", None) is None:
            self.index_: Index = load_index(list(self.paths or ()), use_cache=self.use_cache)
        return self

    def _ready(self) -> Index:
        index = getattr(self, "index_", None)
        if index is None:
            raise RuntimeError("ActorResolver is not initialized: call resolver.initialize() first")
        return index

    # ------------------------------------------------------------------ public API
    @timed("actors")
    def find_actors(self, text: str, on: dt.date | None, offset: int = 0,
                    context_country: str | None = None) -> list[Actor]:
        """The actors ``text`` (one sentence) names, coded as of ``on``.

        ``start``/``end`` of each actor are ``offset`` + offsets into ``text``, so passing the
        sentence's start gives offsets into the article.  ``context_country`` (ISO3) codes
        generic agents ("the police") and cross-border armed groups (JNIM) when the sentence
        names no country for them.
        """
        index = self._ready()
        tokens = tokenize(text)
        if not tokens:
            return []
        words = [t[0] for t in tokens]
        norms = [normalize(w) for w in words]
        matches = self._scan(index, words, norms)
        day = on.toordinal() if on is not None else None
        actors = self._assemble(index, text, tokens, words, norms, matches, day, offset,
                                context_country)
        actors = [a for a in actors if not _in_a_body_name(a, text, offset) and not _a_county(a, text, offset)
                  and not _in_a_town_name(a, text, offset) and not _a_currency(a, text, offset)
                  and not _an_acronym(a, text, offset) and not _a_general_thing(a, text, offset)
                  and not _force_as_strength(a, text, offset)]
        actors = _without_the_verb_suspect(actors, text, offset)
        return _owned_by_the_adjective_after(
            _owned_by_the_adjective(_placed_by_the_next(actors, text, offset), text, offset), text, offset)

    def resolve_actor(self, text: str, on: dt.date | None,
                      context_country: str | None = None) -> Actor | None:
        """Code one phrase ("General Tiani", "Niamey", "the junta's leader"); None if no actor."""
        actors = self.find_actors(text, on, 0, context_country)
        if not actors:
            return None
        return max(actors, key=lambda a: ((a.end or 0) - (a.start or 0), -(a.start or 0)))

    def who(self, code: str, sector: str, on: dt.date | None) -> list[RoleHolder]:
        """Who held role ``code``/``sector`` on ``on`` (today if None), from every dictionary.

        ``code`` is a country (NER), IGO/NGO/IMG or an organisation's actor_id (ECOWAS);
        ``sector`` "*" matches any sector.  Only dated roles that cover the day are listed, plus
        undated roles of entries that have no dated role at all (institutions).
        """
        index = self._ready()
        day = (on or dt.date.today()).toordinal()
        holders: list[RoleHolder] = []
        for number in index.by_code.get(code, ()):
            entry_id, kind, display, source, home = index.entries[number]
            if kind in ("block", "title", AGENT_KIND, COUNTRY):
                continue
            roles = index.roles[number]
            has_dated = any(r[3] is not None or r[4] is not None for r in roles)
            for role in roles:
                role_code = home if role[0] == CONTEXTUAL else role[0]
                if code not in (role_code, role[2]):
                    continue
                if sector != "*" and role[1] != sector:
                    continue
                if role[4] is None and role[3] is not None and day > PHOENIX_HORIZON \
                        and source.startswith("phoenix"):
                    continue
                if _covers(role, day) or (not has_dated and role[3] is None and role[4] is None):
                    holders.append(RoleHolder(
                        name=display, entry=entry_id, code=role_code or "", sector=role[1],
                        start=_day(role[3]), end=_day(role[4]), source=source, actor_id=role[2]))
                    break
        return holders

    def as_before_change(self, actor: Actor, on: dt.date | None, within_days: int = 0
                         ) -> Actor | None:
        """``actor`` coded with the role it held just before its role on ``on`` began, when
        that role began at most ``within_days`` days before ``on``; None otherwise.

        Roles are looked up on the article's date, but a report tells what happened before it:
        "soldiers detained President Bazoum", dated the day after the coup, is an act against
        the head of state (NER GOV), not against the opposition figure he became (NER OPP).
        """
        if on is None or not actor.entry:
            return None
        index = self._ready()
        numbers = getattr(self, "entry_numbers_", None)
        if numbers is None:
            numbers = self.entry_numbers_ = {e[0]: n for n, e in enumerate(index.entries)}
        number = numbers.get(actor.entry.split("+", 1)[0])
        if number is None or index.entries[number][1] != PERSON:
            return None
        roles = index.roles[number]
        day = on.toordinal()
        current = _role_on(roles, day)
        if current is not None and current[3] is None and current[4] is None:
            # an undated default after a dated post that just ended ("President Ali Bongo",
            # president until the coup of 30 August 2023, then only a name): that post
            ended = [r for r in roles if r[4] is not None and 0 <= day - r[4] <= within_days]
            if not ended:
                return None
            before = max(ended, key=lambda r: r[4])
            if before[:3] == current[:3]:
                return None
            code = index.entries[number][4] or "" if before[0] == CONTEXTUAL else before[0]
            return Actor(text=actor.text, code=code, sector=before[1], actor_id=before[2],
                         start=actor.start, end=actor.end, entry=f"{actor.entry}+before-change")
        if current is None or current[3] is None or not _covers(current, day) \
                or not 0 <= day - current[3] <= within_days:
            return None
        before = _role_on(roles, current[3] - 1)
        if before is None or not _covers(before, current[3] - 1) or before[:3] == current[:3]:
            return None
        code = index.entries[number][4] or "" if before[0] == CONTEXTUAL else before[0]
        return Actor(text=actor.text, code=code, sector=before[1], actor_id=before[2],
                     start=actor.start, end=actor.end, entry=f"{actor.entry}+before-change")

    def members(self, actor_id: str, on: dt.date | None) -> list[str]:
        """Member countries of an organisation (ECOWAS, AES, G5_SAHEL) on a date (today if None)."""
        index = self._ready()
        day = (on or dt.date.today()).toordinal()
        for number, members in index.members.items():
            roles = index.roles[number]
            if any(r[2] == actor_id for r in roles) or index.entries[number][0].endswith(
                    f":{actor_id}"):
                return [code for code, start, end in members
                        if (start is None or start <= day) and (end is None or day < end)]
        return []

    # ------------------------------------------------------------------ scanning
    @staticmethod
    def _case_ok(rule: int, words: list[str]) -> bool:
        if rule == CASE_ANY:
            return True
        if rule == CASE_EXACT:
            if len(words) == 1:
                return words[0].replace(".", "").isupper()
            return any(w.isupper() and len(w) > 1 for w in words)
        # (« al-Qaeda », « al-Shabaab »: the capital comes after the article's hyphen)
        return any(w[:1].isupper() or ("-" in w and any(p[:1].isupper() for p in w.split("-")))
                   for w in words)

    def _scan(self, index: Index, words: list[str], norms: list[str]) -> list[_Match]:
        matches: list[_Match] = []
        n = len(norms)
        i = 0
        while i < n:
            found = self._longest_at(index, words, norms, i)
            if found is None:
                i += 1
                continue
            length, valid = found
            if norms[i] == "the" and length > 1:
                # "the Islamic State Sahel Province": a phrase that starts after the article
                # and runs further wins over the shorter one that includes it.
                after = self._longest_at(index, words, norms, i + 1)
                if after is not None and i + 1 + after[0] > i + length:
                    i += 1
                    length, valid = after
            match = self._classify(index, i, i + length, valid)
            if match is not None:
                matches.append(match)
            i += length
        return matches

    def _longest_at(self, index: Index, words: list[str], norms: list[str], i: int
                    ) -> tuple[int, list[tuple[int, int, int, int]]] | None:
        """The longest dictionary phrase starting at token ``i`` (with its bindings)."""
        n = len(norms)
        if i >= n:
            return None
        longest = index.first.get(norms[i])
        if not longest:
            return None
        for length in range(min(longest, n - i), 0, -1):
            bindings = index.phrases.get(" ".join(norms[i:i + length]) if length > 1 else norms[i])
            if not bindings:
                continue
            valid = [b for b in bindings if self._case_ok(b[2], words[i:i + length])]
            if valid:
                return length, valid
        return None

    @staticmethod
    def _classify(index: Index, i: int, j: int,
                  bindings: list[tuple[int, int, int, int]]) -> _Match | None:
        if any(b[1] == BLOCK for b in bindings):
            return None
        entities = [b for b in bindings if b[1] not in (AGENT, TITLE, BLOCK)]
        agents = [b for b in bindings if b[1] == AGENT]
        is_title = any(b[1] == TITLE for b in bindings)
        if entities:
            # Several entries may share the phrase: all are kept, chosen once the date is known.
            return _Match(i, j, "entity", name_kind=entities[0][1], is_title=is_title,
                          candidates=[(b[0], b[1]) for b in entities])
        if agents:
            entry = agents[-1][0]
            roles = index.roles[entry]
            return _Match(i, j, "agent", sector=roles[0][1] if roles else "", agent_entry=entry,
                          is_title=is_title)
        if is_title:
            return _Match(i, j, "title", is_title=True)
        return None

    # ------------------------------------------------------------------ assembling
    def _choose(self, index: Index, match: _Match, day: int | None,
                context_country: str | None) -> tuple[int, int, Role | None]:
        """Pick the entry (and its role) a matched phrase means on the day."""
        candidates = match.candidates
        best = None
        best_score: tuple[int, ...] | None = None
        for rank, (number, name_kind) in enumerate(candidates):
            roles = index.roles[number]
            role = _role_on(roles, day)
            code = role[0] if role else ""
            if code == CONTEXTUAL:
                code = index.entries[number][4] or ""
            if day is None:
                recency = max((r[3] or 0 for r in roles), default=0)
                covering = 0
            else:
                recency = 0
                covering = int(any(_covers(r, day) for r in roles))
            score = (covering, int(bool(context_country) and code == context_country), recency,
                     -rank)
            if best_score is None or score > best_score:
                best, best_score = (number, name_kind, role), score
        assert best is not None
        return best

    def _entity_actor(self, index: Index, match: _Match, day: int | None,
                      context_country: str | None, place_country: str | None = None
                      ) -> tuple[str, str, str | None, str, str]:
        """(code, sector, actor_id, entry id, entry kind) of an entity match."""
        number, name_kind, role = self._choose(index, match, day, context_country)
        entry_id, kind, _, _, home = index.entries[number]
        if role is None:
            return "", "", None, entry_id, kind
        code, sector, actor_id = role[0], role[1], role[2]
        if code == CONTEXTUAL:
            code = place_country or context_country or home or ""
        if kind == COUNTRY:
            actor_id = None
            if name_kind == CAPITAL:
                sector = "GOV"
            elif name_kind == DEMONYM_PLURAL:
                sector = "CVL"
        return code, sector, actor_id, entry_id, kind

    def _surname(self, index: Index, words: list[str], norms: list[str], k: int, day: int | None,
                 title_sector: str = "") -> tuple[int, int] | None:
        """After a title: a capitalised surname of a Phoenix person active on the day.

        The surname is the last word of the capitalised name after the title: "President Otto
        Perez Molina" is looked up as Molina, never as Otto (a first name that happens to be
        someone else's surname)."""
        run = 0
        while k + run < len(words) and run < 4 and words[k + run][:1].isupper() \
                and words[k + run][:1].isalpha():
            run += 1
        for span in (run,) if 1 <= run <= 2 else ():
            candidates = index.surnames.get(norms[k + span - 1], [])
            if not candidates:
                continue
            if day is not None:
                active = [c for c in candidates if any(_covers(r, day) for r in index.roles[c])]
                # (no one active: a surname alone names someone whose posts are not long past —
                # "M. Carmichael" in 2021 is not an Eswatini minister of 2003)
                recent = [c for c in candidates if not all(
                    r[4] is not None and r[4] < day - _SURNAME_MEMORY_DAYS for r in index.roles[c])]
            else:
                active = recent = candidates
            pool = active or recent
            if span == 2:
                # "candidate Ricardo Anaya" is not Juan Antonio Morales Anaya: a given name
                # written before the surname must be one of the person's.
                given = norms[k]
                pool = [c for c in pool
                        if given in {normalize(w) for w in index.entries[c][2].split()}]
                if not pool:
                    continue
            if title_sector in _TITLE_SECTORS:
                # "President Otto": a judge named Otto is no president.
                pool = [c for c in pool
                        if (_role_on(index.roles[c], day) or ("", ""))[1] in _TITLE_SECTORS[title_sector]]
                if not pool:
                    continue
            codes = {(_role_on(index.roles[c], day) or ("",))[0] for c in pool}
            if len(codes) == 1:
                return pool[0], k + span
        return None

    def _assemble(self, index: Index, text: str, tokens: list[tuple[str, int, int]],
                  words: list[str], norms: list[str], matches: list[_Match], day: int | None,
                  offset: int, context_country: str | None) -> list[Actor]:
        actors: list[Actor] = []
        n_matches = len(matches)
        context = context_country or ""

        def emit(i: int, j: int, code: str, sector: str, actor_id: str | None,
                 entry: str | None) -> None:
            while j - i > 1 and norms[j - 1] in _TRAILING_LINKS:
                j -= 1  # (a phrase of the dictionary that ends in a link, "AMBASSADOR TO", with no
                # country after it: "ordered the French ambassador to leave")
            start, end = tokens[i][1], tokens[j - 1][2]
            actors.append(Actor(text=text[start:end], code=code, sector=sector,
                                actor_id=actor_id, start=offset + start, end=offset + end,
                                entry=entry))

        def gap(a: int, b: int) -> list[str]:
            return norms[a:b]

        def next_match(k: int) -> _Match | None:
            return matches[k + 1] if k + 1 < n_matches else None

        def person_after(k: int, at: int) -> tuple[_Match | None, tuple[int, int] | None]:
            """A person starting at token ``at`` (possibly after a '.'), as a match or a surname."""
            nxt = next_match(k)
            if at < len(norms) and norms[at] == ".":
                at += 1
            if nxt is not None and nxt.i == at and nxt.kind == "entity":
                number, _, _ = self._choose(index, nxt, day, context_country)
                if index.entries[number][1] == PERSON:
                    return nxt, None
            if nxt is None or nxt.i > at:
                found = self._surname(index, words, norms, at, day, matches[k].sector)
                if found is not None:
                    return None, found
            return None, None

        k = 0
        while k < n_matches:
            m = matches[k]
            if m.kind == "entity":
                code, sector, actor_id, entry_id, kind = self._entity_actor(
                    index, m, day, context_country)
                if kind == COUNTRY:
                    if self._is_surname(index, words, norms, m,
                                        matches[k - 1].j if k else 0):
                        k += 1  # "Phil Jordan" is a person, not Jordan
                        continue
                    k = self._after_country(index, m, k, code, entry_id, matches, norms, day,
                                            context_country, emit, person_after)
                    continue
                if kind == GROUP:
                    # "Hezbollah guerrillas", "JNIM fighters": the group's own men.
                    end_k, end_j = k, m.j
                    nxt = next_match(k)
                    if nxt is not None and nxt.kind == "agent" and nxt.i == m.j:
                        end_k, end_j = k + 1, nxt.j
                    nxt = next_match(end_k)
                    between = gap(end_j, nxt.i) if nxt is not None else []
                    if (nxt is not None and nxt.kind == "entity" and len(between) == 1
                            and between[0] in _IN):
                        place = self._entity_actor(index, nxt, day, context_country)
                        if place[4] == COUNTRY:
                            code, sector, actor_id, entry_id, _ = self._entity_actor(
                                index, m, day, context_country, place_country=place[0])
                            emit(m.i, nxt.j, code, sector, actor_id, entry_id)
                            k = end_k + 2
                            continue
                    if end_k != k:
                        emit(m.i, end_j, code, sector, actor_id, entry_id)
                        k = end_k + 1
                        continue
                nxt = next_match(k)
                if kind == ORG and code and nxt is not None and nxt.kind == "agent" \
                        and nxt.i == m.j:
                    # "ECOWAS envoys", "UN peacekeepers": the body's own people.
                    emit(m.i, nxt.j, code, sector or (nxt.sector if code == "IGO" else ""),
                         actor_id, entry_id)
                    k += 2
                    continue
                emit(m.i, m.j, code, sector, actor_id, entry_id)
                k += 1
                continue
            # An agent or a title: maybe before a person, or before "of/in/from <country>".
            person, surname = person_after(k, m.j)
            if person is not None:
                code, sector, actor_id, entry_id, _ = self._entity_actor(
                    index, person, day, context_country)
                emit(m.i, person.j, code, sector, actor_id, entry_id)
                k += 2
                continue
            if surname is not None:
                number, end = surname
                role = _role_on(index.roles[number], day)
                if role is not None:
                    emit(m.i, end, role[0], role[1], role[2], index.entries[number][0])
                    k += 1
                    continue
            if m.kind == "title" and m.sector == "":
                k += 1
                continue
            sector = m.sector
            entry = index.entries[m.agent_entry][0] if m.agent_entry >= 0 else None
            end_k, end_j = k, m.j
            # Agent chains: "junta's leader", "opposition leaders" → the first agent's sector.
            while True:
                nxt = matches[end_k + 1] if end_k + 1 < n_matches else None
                if nxt is None or nxt.kind != "agent":
                    break
                between = gap(end_j, nxt.i)
                if between and between not in (["'s"],):
                    break
                end_k, end_j = end_k + 1, nxt.j
            nxt = matches[end_k + 1] if end_k + 1 < n_matches else None
            if nxt is not None and nxt.kind == "entity" and nxt.i == end_j \
                    and words[nxt.i][:1].islower():
                # French order, agent then adjective: "les soldats nigériens", "l'armée
                # malienne" (an English demonym is capitalised and comes first).
                number, name_kind, role = self._choose(index, nxt, day, context_country)
                if index.entries[number][1] == COUNTRY and name_kind in (DEMONYM, DEMONYM_PLURAL) \
                        and role is not None:
                    emit(m.i, nxt.j, role[0], sector, None, entry)
                    k = end_k + 2
                    continue
            after = matches[end_k + 2] if end_k + 2 < n_matches else None
            if nxt is not None and nxt.kind == "entity" and not (
                    after is not None and after.kind == "agent" and after.i == nxt.j) and not (
                    nxt.j < len(words) and (words[nxt.j] in _POSSESSIVE or _bare_possessive(norms, nxt.j))):
                # (not "the commander of the Malian | army": the demonym is the army's; nor
                # "the websites of Chile's | Justice Ministry", "two leaders of Spain's |
                # Basque separatist group": the country belongs to what follows)
                between = _without_transition(gap(end_j, nxt.i))
                # (not "withdraw its troops from Mali", « a retiré ses troupes du Mali »: forces
                # with an owner's pronoun before them come from the place named, they are not its
                # own; "their counterparts from Mali" still are Mali's)
                if between and between[0] in {"from", "du", "de", "des", "d'"} and m.i > 0 \
                        and words[m.i - 1].lower() in _OWNERS and sector in {"MIL", "COP"}:
                    between = []
                if between and (
                        (between[0] in _LINKS and (
                            len(between) == 1 or (len(between) == 2 and between[1] == "the")))
                        or _in_a_town_of(between, words[end_j:nxt.i])
                        or (between[0] in _LINKS_FR and (
                            len(between) == 1 or (len(between) == 2 and between[1] in _ARTICLES_FR)))):
                    code, target_sector, actor_id, _, kind = self._entity_actor(
                        index, nxt, day, context_country)
                    if kind == COUNTRY or (code and kind != PERSON):
                        if sector in _OFFICE_SECTORS and target_sector and target_sector not in _OFFICE_SECTORS:
                            # an office of a body that is no state's is that body's: "the
                            # leader of Boko Haram", "a commander of the FARC", "leaders of the
                            # Knights Templar" lead no government and command no army
                            sector = target_sector
                        emit(m.i, nxt.j, code, sector or target_sector, actor_id, entry)
                        k = end_k + 2
                        continue
            emit(m.i, end_j, context, sector, None, entry)
            k = end_k + 1
        _office_of_a_body(actors, text, offset)
        return actors

    def _is_surname(self, index: Index, words: list[str], norms: list[str], m: _Match,
                    previous_end: int) -> bool:
        """A one-word country name right after a capitalised given name is a person's surname:
        "former DEA agent Phil Jordan" names no country.  Given names are the first words of
        the dictionary's people ("Phil Goff", "Michael Jackson"), those that are not words
        of the dictionary themselves ("King", "General") nor function words."""
        i = m.i
        if m.j - i != 1 or i == 0 or previous_end > i - 1 or not words[i][1:].islower():
            return False
        given = self._given_names(index)
        # The given name may stand one or two name words before ("Jose Reynold Bermea
        # Castilla" names no Spanish place): words that are capitalised, alphabetic and no
        # dictionary phrase.  Two such words name a person whatever the given name ("Angie
        # Sanclemente Valencia" names no Spanish city), unless the match is a country's own
        # name.
        names = 0
        for back in range(1, 4):
            at = i - back
            if at < 0 or previous_end > at:
                break
            before = words[at]
            if not (before[:1].isupper() and before[1:].islower() and before.isalpha()):
                break
            if norms[at] in given:
                return True
            if norms[at] in index.phrases:
                break
            names += 1
        # (two, after a word in lower case: three or more capitals in a row are a headline's
        # title case, "Capture Could Bring Tijuana a Step Closer to War")
        return names == 2 and not _is_country_name(words[i])

    def given_names(self) -> frozenset[str]:
        """First words of the dictionary's people's names, normalised ("pablo", "phil")."""
        return self._given_names(self._ready())

    def _given_names(self, index: Index) -> frozenset[str]:
        names = getattr(self, "given_names_", None)
        if names is None:
            counts: dict[str, int] = {}
            for entry in index.entries:
                words = entry[2].split() if entry[1] == PERSON and entry[2] else []
                if len(words) >= 2:
                    first = normalize(words[0])
                    counts[first] = counts.get(first, 0) + 1
            names = self.given_names_ = frozenset(
                w for w, n in counts.items() if n >= 2 and len(w) >= 3 and w.isalpha()
                and w not in index.phrases and w not in _NOT_GIVEN_NAMES)
        return names

    def _after_country(self, index: Index, m: _Match, k: int, code: str, entry_id: str,
                       matches: list[_Match], norms: list[str], day: int | None,
                       context_country: str | None, emit, person_after) -> int:
        """Merge a country with the agent or person that follows it; return the next match."""
        n_matches = len(matches)
        nxt = matches[k + 1] if k + 1 < n_matches else None
        base_code, base_sector, _, _, _ = self._entity_actor(index, m, day, context_country)
        if nxt is not None:
            between = norms[m.j:nxt.i]
            possessive = bool(between) and (between[0] in _POSSESSIVE_NORM or _bare_possessive(norms, m.j))
            if possessive:
                between = between[1:]
            ok_gap = all(w in _MODIFIERS for w in between) and len(between) <= 3 or (
                # "Guatemala's celebrated former Attorney General": after a possessive, one
                # word of description more
                possessive and len(between) <= 3 and nxt.kind in ("agent", "title")
                and sum(w not in _MODIFIERS for w in between) == 1
                and all(w.isalpha() and w not in _FUNCTION_WORDS for w in between))
            if ok_gap and nxt.kind in ("agent", "title"):
                person, surname = person_after(k + 1, nxt.j)
                if person is not None:
                    code2, sector, actor_id, entry2, _ = self._entity_actor(
                        index, person, day, context_country)
                    if _other_country(code2, base_code):
                        # "British Defence Secretary Tom King" is not Saint Lucia's Tom King:
                        # the country written before the title decides.
                        emit(m.i, person.j, base_code, nxt.sector or sector, None,
                             index.entries[nxt.agent_entry][0] if nxt.agent_entry >= 0 else entry_id)
                        return k + 3
                    emit(m.i, person.j, code2 or code, sector, actor_id, entry2)
                    return k + 3
                if surname is not None:
                    number, end = surname
                    role = _role_on(index.roles[number], day)
                    if role is not None and not _other_country(role[0], base_code):
                        emit(m.i, end, role[0], role[1], role[2], index.entries[number][0])
                        return k + 2
                if nxt.kind == "agent":
                    end_k, end_j = k + 1, nxt.j
                    while end_k + 1 < n_matches and matches[end_k + 1].kind == "agent" and \
                            not norms[end_j:matches[end_k + 1].i]:
                        end_k, end_j = end_k + 1, matches[end_k + 1].j
                    agent_entry = index.entries[nxt.agent_entry][0]
                    emit(m.i, end_j, base_code, nxt.sector, None, agent_entry)
                    return end_k + 1
            if ok_gap and nxt.kind == "entity" and not between:
                code2, sector, actor_id, entry2, kind2 = self._entity_actor(
                    index, nxt, day, context_country)
                if kind2 == PERSON:  # "Russian Vladimir Putin"
                    emit(m.i, nxt.j, code2, sector, actor_id, entry2)
                    return k + 2
            # "Hungarian and Romanian officials": the first country takes the shared agent.
            if between and between[0] in _COORDINATION and len(between) == 1 \
                    and nxt.kind == "entity" and k + 2 < n_matches:
                third = matches[k + 2]
                if third.kind == "agent" and all(w in _MODIFIERS for w in norms[nxt.j:third.i]):
                    _, _, _, _, kind2 = self._entity_actor(index, nxt, day, context_country)
                    if kind2 == COUNTRY:
                        emit(m.i, m.j, base_code, third.sector, None, entry_id)
                        return k + 1
        emit(m.i, m.j, base_code, base_sector, None, entry_id)
        return k + 1


def _other_country(code: str, written: str) -> bool:
    """The person's country is another country than the one written before their title."""
    from harmattan.actors.dictionary import country_codes

    countries = country_codes()
    return code in countries and written in countries and code != written


_POSSESSIVE_NORM = frozenset({"'s"})


def _bare_possessive(norms: list[str], j: int) -> bool:
    """The apostrophe alone after a name that ends in s is a possessive: "Honduras' security
    ministry", "the United States' embassy"."""
    return 0 < j < len(norms) and norms[j] in {"'", "’"} and norms[j - 1].endswith("s")


#: First words of the dictionary's people that are not given names.
_NOT_GIVEN_NAMES = frozenset({"the", "per", "than", "chief", "said", "abu", "abd", "bin"})
#: The sectors a person named by a title of this sector and a surname may hold.
_TITLE_SECTORS = {
    "GOV": frozenset({"GOV", "ELI", "OPP", "PTY", "LEG", "MIL", ""}),
    "MIL": frozenset({"MIL", "GOV", "ELI", "OPP", "REB", ""}),
    # "68 Court Street" names no politician called Street
    "JUD": frozenset({"JUD", "ELI", ""}),
}
#: The Phoenix dictionaries stop in early 2014: an open-ended Phoenix role ("GOV from 1999")
#: says nothing about who holds the post later, so ``who`` does not report it past this day.
PHOENIX_HORIZON = dt.date(2014, 12, 31).toordinal()


@functools.lru_cache(maxsize=1)
def default_resolver() -> ActorResolver:
    """The shipped dictionaries, loaded once per process."""
    return ActorResolver().initialize()
