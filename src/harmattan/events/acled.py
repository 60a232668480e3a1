"""Events in ACLED terms: event type, sub-event type, interaction codes and fatalities.

ACLED records political violence, demonstrations and strategic developments.  Its codebook
defines 6 event types and 25 sub-event types; we code them with rules over the sentence text
and the coded actors — keyword tables, read in a fixed order of precedence — because this runs
on every event and no labelled ACLED data may be used (see ``docs/acled.md``).

Order of the decisions (the first that applies wins):

1. what ACLED does not record: announced, conditional or denied acts; diplomatic statements
   ("condemned the attack"); claims of responsibility; disasters, accidents and ordinary crime
   (unless a weapon or an armed group says otherwise) → ``None``;
2. disrupted weapons use (a bomb defused, a drone shot down, a cache seized) — before the
   weapon words, which it shares;
3. demonstrations: riots (mob violence, violent demonstration) and protests (excessive force,
   intervention, peaceful);
4. remote violence by weapon (chemical, air/drone, suicide bomb, shelling, IED/landmine,
   grenade);
5. territory taken or retaken, then sexual violence and abduction;
6. armed clash (two organised armed sides) against attack on civilians;
7. strategic developments (agreement, arrests, base, transfer of territory, change to group,
   looting/property destruction, other).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from harmattan.nlp.keywords import KeywordPattern
from harmattan.perf import timed

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from harmattan.schema import Actor, Article, Event, Modality, Sentence

EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED", "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    ),
}
#: Sub-event type → event type.
SUB_EVENT_TYPES: dict[str, str] = {sub: etype for etype, subs in EVENT_TYPES.items() for sub in subs}
#: The event types counted as political violence (for the false-alarm rate).
VIOLENCE_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})

INTER_NAMES: dict[int, str] = {
    1: "State forces", 2: "Rebel groups", 3: "Political militias", 4: "Identity militias",
    5: "Rioters", 6: "Protesters", 7: "Civilians", 8: "External/Other forces",
}

# -- keyword tables ------------------------------------------------------------------------------


def _rx(*parts: str) -> KeywordPattern:
    """Any of the parts, as a word beginning, in any case (searched only when the sentence
    holds one of the words the parts begin with: see nlp/keywords.py)."""
    return KeywordPattern(re.compile(r"\b(?:" + "|".join(parts) + r")", re.IGNORECASE))


_NUM_WORD = r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|several|scores|hundreds|many)"

# Not recorded by ACLED.
_DISASTER = _rx(r"floodwaters?", r"earthquakes?\b", r"quake\b", r"floods?\b", r"flooding", r"flash floods?",
                r"cyclone", r"hurricane", r"typhoon", r"tornado", r"storms?\b", r"landslides?",
                r"mudslides?", r"drought", r"wildfires?", r"bushfires?", r"forest fires?",
                r"volcan", r"eruption", r"tsunami", r"heat ?wave", r"cholera", r"epidemic",
                r"outbreak", r"lightning", r"heavy rains?", r"torrential")
_ACCIDENT = _rx(r"crash(?:ed|es)?\b", r"collided", r"collision", r"capsized?", r"sank\b",
                r"derail", r"road accident", r"accident", r"accidental", r"gas (?:explosion|leak|cylinder)",
                r"cylinder", r"(?:fuel|oil|petrol) tanker", r"fire broke out", r"blaze\b",
                r"electrical fault", r"short circuit", r"(?:building|bridge|mine|roof|wall|structure) (?:collapsed|collapse)",
                r"collapsed", r"stampede", r"drown", r"electrocuted", r"boiler",
                r"(?:factory|plant|refinery|warehouse|depot|pipeline) (?:explosion|fire|blast)",
                r"explosion at (?:a|an|the) (?:chemical |fireworks |gas )?(?:factory|plant|refinery|warehouse|depot)",
                r"unexploded ordnance from (?:a|the) (?:past|previous)", r"plunged (?:\w+ ){0,3}(?:into|off)",
                r"ravine", r"leak\b", r"fireworks", r"poor storage", r"overturned",
                r"methane", r"coal mine", r"mine (?:explosion|collapse)", r"(?:electrical|factory|market|warehouse|depot) fire",
                r"fire (?:at|in|broke out in) (?:a|an|the) (?:\w+ ){0,2}(?:factory|market|warehouse|depot|building|shed|plant|mine)",
                r"gas (?:blast|explosion|cylinders?)", r"cylinder exploded", r"faulty", r"crush\b", r"controlled demolition",
                r"demolition", r"to clear rocks", r"quarry", r"chimney", r"firecrackers?", r"caused by (?:a )?(?:fire|leak|fault|spark)",
                r"ruled out (?:an? |any )?(?:attack|sabotage|foul play)")
_ACCIDENT_CAUSE = _rx(r"faulty", r"caused by (?:a )?(?:fire|leak|fault|spark)", r"ruled out (?:an? |any )?(?:attack|sabotage|foul play)",
                     r"gas (?:blast|explosion|cylinders?|leak)", r"cylinder exploded", r"methane", r"boiler")
_ANIMAL = _rx(r"(?:crocodile|hippo(?:potamus)?|elephant|lion|snake|hyena|leopard|shark|wild animal)s?\b")
_SPORT = _rx(r"penalties", r"cup of nations", r"world cup", r"championship", r"\bleague\b", r"tournament", r"\bscored\b")
_ECONOMY = _rx(r"price of", r"prices", r"inflation", r"currency", r"exchange rate", r"shilling", r"naira", r"stock market")
_RETROSPECTIVE = _rx(r"anniversar", r"memorial", r"commemorat", r"sentenced", r"acquitted", r"convicted", r"on trial", r"trial of",
                     r"charged with (?:the )?(?:killing|murder|attack)", r"annual report", r"report (?:by|from) ", r"(?:a|the) survey",
                     r"\d+ years ago", r"death toll (?:from|of) (?:[\w']+ ){0,8}(?:rose|climbed|has risen|risen)",
                     r"responsible for (?:last|the) (?:\w+ ){0,2}(?:year|month|week)'s", r"(?:last (?:week|month|year))'s",
                     r"crimes against humanity", r"in the (?:19|20)\d0s", r"(?:attacks|violence) killed (?:more than |over |some )?[\d,]+ (?:\w+ ){0,3}(?:last year|in (?:19|20)\d\d)",
                     r"had been assembled", r"security alert", r"warning of (?:possible|potential|imminent)")
_CRIME = _rx(r"quarrel", r"\bdebt\b", r"unpaid", r"dispute over (?:a |an )?(?:plot|land|money|debt|inheritance|loan)",
             r"killed his (?:brother|father|mother|wife|son|daughter|uncle|cousin|neighbou?r)", r"cannabis", r"marijuana",
             r"\d+ ?kg of", r"(?:murder|killing) of a businessman", r"ivory", r"robber(?:y|ies|s)?\b", r"armed robbers", r"thie(?:f|ves)\b", r"theft", r"burglar",
             r"stole\b", r"stolen", r"fraud", r"embezzl", r"corruption", r"drug (?:traffick|deal|smuggl|gang|cartel)",
             r"traffickers?\b", r"smuggl", r"cocaine", r"heroin", r"narcotic", r"his wife", r"her husband",
             r"girlfriend", r"boyfriend", r"domestic (?:dispute|violence)", r"family dispute",
             r"land dispute between (?:two )?(?:neighbo|brothers|families)", r"murder suspect",
             r"serial killer", r"homicide", r"stabbed (?:his|her)", r"ritual",
             r"pickpocket", r"carjack", r"cattle rustl(?:ing|ers) (?:were|was) (?:arrested|charged)",
             r"money laundering", r"bribe", r"counterfeit", r"poach", r"mugg(?:er|ers|ing|ed)\b",
             r"robb(?:ing|ed)\b", r"scam", r"syndicate", r"bureau de change", r"ransom(?:ed)? (?:\w+ ){0,2}(?:business|trader)")
_DIPLOMACY = _rx(r"condemn", r"denounc", r"deplor", r"urged?\b", r"urging", r"called (?:on|for)",
                 r"calls (?:on|for)", r"expressed (?:concern|condolences|solidarity|sympathy)",
                 r"offered (?:its |his |her )?condolences", r"welcomed", r"held talks", r"met (?:with )?",
                 r"summoned", r"lodged (?:a |an )?(?:formal |diplomatic )?protest", r"diplomatic protest",
                 r"protest note", r"appealed", r"warned", r"threatened", r"vowed", r"pledged",
                 r"promised", r"discussed", r"visited", r"mourn", r"paid tribute", r"statement",
                 r"sanctions?\b", r"imposed sanctions", r"recalled (?:its|the) ambassador",
                 r"expelled (?:the|its) ambassador", r"accused", r"criticis", r"criticiz",
                 r"rejected", r"praised", r"announced (?:a|an) (?:investigation|inquiry)",
                 r"opened (?:a|an) (?:investigation|inquiry)", r"denied")
_CLAIM = _rx(r"claimed (?:responsibility|the attack|the bombing|the killing|the ambush|credit)",
             r"t(?:akes|ook|aking) credit for",
             r"claims? of responsibility", r"claiming responsibility", r"took responsibility",
             r"responsibility for the", r"(?:still )?investigating the (?:\w+ ){0,2}(?:attack|air ?strike|strike|bombing|killings?|massacre)",
             r"released (?:a )?(?:video|footage|images) (?:\w+ ){0,4}(?:showing|of)",
             r"said (?:its|it|they|their) (?:\w+ ){0,2}(?:carried out|was behind|were behind|staged|conducted) (?:the|an|a) (?:\w+ )?(?:attack|bombing|ambush|killing|raid)")

# Weapons and methods.
_CHEMICAL = _rx(r"chemical (?:weapons?|attack|agents?|munitions?)", r"chlorine (?:gas|attack|bomb|barrel)",
                r"sarin", r"nerve agent", r"mustard gas", r"poison(?:ous)? gas", r"toxic gas attack",
                r"cs gas", r"chloropicrin", r"toxic gas", r"chlorine", r"(?:filled with|containing) (?:\w+ ){0,2}(?:gas|chemicals?|toxic)")
_AIR = _rx(r"air ?strikes?", r"air raids?", r"drone (?:strikes?|attacks?)", r"drones? (?:struck|hit|bombed|targeted|attacked)",
           r"(?:armed|combat|attack) drones?", r"warplanes?", r"fighter jets?", r"jets? (?:struck|bombed|pounded|hit)",
           r"helicopter gunships?", r"gunships?", r"aerial (?:bombardment|bombing|strikes?|attacks?)",
           r"bombed from the air", r"bombing raids?", r"(?:air force|aircraft) (?:struck|bombed|hit|targeted|pounded)",
           r"barrel bombs?", r"uav strikes?", r"struck from the air",
           r"(?:jets?|warplanes?|aircraft|helicopters?|planes?) (?:\w+ ){0,3}(?:struck|bombed|hit|destroyed|fired on|fired at|dropped|pounded|strafed|targeted)",
           r"aerial bombs?", r"guided (?:aerial )?bombs?", r"drones? (?:\w+ ){0,4}(?:struck|hit|bombed|targeted|attacked|dropped)",
           r"(?<!on )(?<!general )(?<!hunger )strikes? (?:on|against|targeting|hit|in)\b(?! (?:protest|solidarity|support))")
_SUICIDE = _rx(r"suicide (?:bomb|attack|vest|car|truck|blast|explosion)", r"blew (?:himself|herself|themselves) up",
               r"self-detonat", r"detonated (?:his|her|their) (?:explosive )?(?:vest|belt)", r"vbied",
               r"explosive (?:vest|belt)")
_SHELLING = _rx(r"shell(?:ing|ed|s)\b", r"artillery", r"mortars?\b", r"rockets?\b", r"missiles?\b",
                r"howitzers?", r"katyusha", r"grad rockets?", r"bombard(?:ed|ment)", r"projectiles?",
                r"ballistic")
_IED = _rx(r"ieds?\b", r"improvised explosive", r"land ?mines?", r"roadside bombs?", r"car bombs?",
           r"explosive devices?", r"booby[- ]trap", r"(?:a|the) mine (?:exploded|blast|explosion)",
           r"(?:stepped on|struck|hit|ran over) (?:a|an) (?:land ?)?mine", r"anti-(?:tank|personnel) mines?",
           r"bombs? (?:exploded|went off|detonated|blast|explosion)", r"(?:planted|hidden) (?:a |an )?(?:bomb|explosive)",
           r"remotely detonated", r"explosives?[- ]laden", r"sticky bomb", r"bomb blast", r"bombing\b",
           r"explosion (?:ripped|tore)", r"blast (?:ripped|tore|hit|struck|killed)")
_GRENADE = _rx(r"grenades?", r"rpgs?\b", r"rocket-propelled grenade")
_BLAST = _rx(r"blast", r"explosion", r"exploded", r"detonat", r"explosives?\b", r"bomb")
_DISRUPTED = _rx(r"defus", r"deactivat", r"disarmed (?:a|an|the|two|three|several)? ?(?:bomb|ied|explosive|device|mine)",
                 r"dismantl(?:ed|ing) (?:a|an|the|two|three|several)? ?(?:bomb|ied|explosive|device|mine)",
                 r"(?:found|discovered|uncovered|recovered|located|detected) (?:a |an |the )?(?:\w+ ){0,3}(?:cache|arms|weapons|explosives|ieds?|bombs?|mines|landmines|ammunition|explosive devices?)",
                 r"(?:seized|confiscated|captured|intercepted) (?:a |an |the )?(?:\w+ ){0,5}(?:cache|arms|weapons|rifles|guns|ammunition|explosives|rocket launchers?|drones?|missiles?|rockets?)",
                 # The same told in the passive ("explosive devices were discovered"), weapons
                 # destroyed before use, and an accidental detonation by those who carried or
                 # planted them: the codebook's disrupted weapons use.
                 r"(?:caches?|arms|weapons|rifles|guns|firearms|ammunition|explosives|ieds?|bombs?|grenades|mines|landmines|(?:explosive|incendiary) devices?|rockets|missiles) (?:[\w,-]+ ){0,8}?(?:were|was|have been|has been|had been|being) (?:\w+ )?(?:found|discovered|uncovered|recovered|seized|confiscated|intercepted|defused|dismantled|neutrali[sz]ed)",
                 r"(?:destroyed|neutrali[sz]ed|disabled|cleared) (?:a |an |the |\d+ |two |three |several )?(?:[\w-]+ ){0,3}(?:improvised explosive devices?|ieds?|explosive devices?|landmines?|mines|bombs?)\b",
                 r"accidentally (?:detonat|activat|explod|set off|trigger)\w*", r"(?:detonat|explod)\w* prematurely", r"premature(?:ly)? (?:detonat|explo)\w*",
                 r"(?:intercepted|shot down|downed|jammed|neutrali[sz]ed) (?:a |an |the |two |three |several |\d+ )?(?:\w+ ){0,2}(?:drones?|missiles?|rockets?|uavs?|projectiles?)",
                 r"(?:arms|weapons) caches?", r"controlled (?:explosion|detonation)", r"bomb disposal",
                 r"(?:foiled|thwarted) (?:a|an|the) (?:\w+ ){0,2}(?:attack|bombing|plot)",
                 r"air defen[cs]es? (?:intercepted|shot down|downed)",
                 r"(?:intercepted|neutrali[sz]ed|stopped) (?:a |an |the )?(?:would-be |female |male )?suicide bombers?", r"safely detonated")

# Demonstrations.
_PROTEST = _rx(r"protest(?:ers?|ors?|s|ed|ing)?\b", r"demonstrat(?:ors?|ions?|ed|ing)", r"rall(?:y|ies|ied)\b",
               r"(?-i:march)(?:ed|ers|es)?\b", r"(?-i:March)(?:ed|ers)\b", r"took to the streets", r"sit-ins?", r"picket", r"strik(?:e|es|ing) (?:workers|teachers|doctors|nurses|drivers)",
               r"went on strike", r"general strike", r"boycott", r"vigil",
               r"(?:supporters|people|residents|thousands|hundreds|crowds?|women|students|relatives|members) (?:\w+ ){0,3}(?:gathered|assembled)",
               r"gathered (?:peacefully|to (?:protest|demand|denounce|call))",
               r"activists (?:\w+ ){0,3}(?:blocked|occupied|chained)", r"sitting down on", r"staged a sit")
_RIOTER = _rx(r"riot(?:s|ers|ed|ing)?\b(?!\s+(?:police|gear|squad|control|act))", r"looters")
_MOB = _rx(r"mob\b", r"mobs\b", r"lynch", r"jungle justice", r"mob justice", r"angry (?:crowd|residents|youths|villagers|mob)",
           r"(?:crowd|residents|youths|villagers) (?:beat|burned|set fire to|stoned|lynched|attacked|killed)",
           r"burn(?:ed|t) (?:him|her|them|the suspects?) (?:alive|to death)", r"set (?:him|her|them) ablaze",
           r"stoned (?:him|her|them|a|an|the)",
           r"(?:crowds?|residents|youths|villagers|locals|mob) (?:\w+ ){0,4}(?:beat|lynched|stoned|tied up|set upon|hacked)",
           r"beat (?:\w+ ){0,3}to death (?:\w+ ){0,3}(?:suspected|accused)", r"threw stones at each other",
           r"(?:clashed|fought) with (?:sticks|stones|machetes|clubs)", r"sticks and stones", r"machetes and sticks",
           r"rival (?:communities|groups of (?:youths|supporters))", r"(?:hindu|muslim|christian) (?:and \w+ )?(?:crowds|mobs|groups)")
_MOB_STRONG = _rx(r"angry (?:crowd|mob|residents|youths|villagers) (?:\w+ ){0,2}(?:beat|lynched|burned|stoned|killed|set)",
                  r"(?:crowds?|residents|youths|villagers|locals) (?:\w+ ){0,4}(?:lynched|stoned|tied up|set upon|beat (?:\w+ ){0,3}to death)",
                  r"threw stones at each other", r"(?:clashed|fought) with (?:sticks|stones|machetes|clubs|knives)", r"sticks and stones",
                  r"(?:crowd|mob|residents|villagers) (?:\w+ ){0,9}(?:accused|suspected) of (?:blasphemy|witchcraft|theft|stealing|kidnapping|sorcery)",
                  r"fans (?:fought|clashed|attacked)", r"(?:allegations|accusations?|rumou?rs) of blasphemy",
                  r"rival (?:communities|groups of (?:youths|supporters))", r"mob\b", r"mobs\b", r"lynch", r"jungle justice", r"mob justice", r"burn(?:ed|t) (?:him|her|them|the suspects?|\w+ \w+) alive")
_VIOLENT_DEMO = _rx(r"(?:threw|hurled|hurling|throwing) (?:\w+ ){0,2}(?:stones|rocks|petrol bombs|molotov|bottles|projectiles)", r"pelted", r"stone-throwing", r"molotov",
                    r"torched", r"set fire", r"set ablaze", r"burn(?:ed|t|ing) (?:tyres|tires|cars|vehicles|buildings|shops|a police|the police|police)",
                    r"vandali[sz]", r"looted", r"looting", r"smashed", r"ransacked", r"clash(?:ed|es)? with (?:police|security|the police|soldiers|troops|riot police|gendarmes)",
                    r"barricades? (?:were )?(?:set alight|burning|burned)", r"attacked (?:police|security|a police|the police|officers|government buildings)",
                    r"stormed (?:the|a) (?:parliament|police|government|palace|building)",
                    r"stormed (?:a |the )?(?:\w+ ){0,3}(?:residence|office|headquarters|station|building)s?",
                    r"set (?:\w+ ){0,3}on fire", r"set it (?:on fire|ablaze)")
_EXCESSIVE = _rx(r"live (?:ammunition|rounds|fire|bullets)", r"opened fire on (?:the )?(?:protesters|demonstrators|crowd|marchers)",
                 r"fired (?:live rounds |live ammunition |shots )?(?:on|at|into) (?:the )?(?:protesters|demonstrators|crowd|marchers)",
                 r"shot (?:dead|and killed) (?:\w+ ){0,3}(?:protesters|demonstrators|marchers)",
                 r"(?:protesters|demonstrators|marchers) (?:were|was) (?:shot|killed)",
                 r"killing (?:\w+ ){0,3}(?:protesters|demonstrators|marchers)",
                 r"killed (?:\w+ ){0,3}(?:protesters|demonstrators|marchers)",
                 r"(?:protester|demonstrator)s? (?:\w+ ){0,3}(?:died|killed|dead)",
                 r"(?:opened fire|fired (?:\w+ )?(?:birdshot|pellets|live \w+)?) (?:on|at|into) (?:\w+ ){0,3}(?:protesters|demonstrators|crowds?|marchers|mourners)",
                 r"fired (?:birdshot|pellets|live rounds)", r"seriously (?:injur|wound)")
_INTERVENTION = _rx(r"dispers", r"tear ?gas", r"water cannons?", r"rubber bullets", r"baton", r"broke up", r"break up",
                    r"(?:arrested|detained|rounded up) (?:\w+ ){0,3}(?:protesters|demonstrators|activists|marchers|participants|them|students|people|women)",
                    r"(?:protesters|demonstrators|activists|marchers) (?:were|was) (?:arrested|detained)", r"rounded up",
                    r"(?:arrested|detained) (?:[\w-]+ ){0,4}(?:who had|as they|while they)", r"beat (?:the )?(?:protesters|demonstrators)", r"charged (?:at )?(?:the )?(?:protesters|demonstrators|crowd)",
                    r"cracked down", r"crackdown", r"blocked (?:the )?(?:march|protesters|demonstrators)", r"prevented", r"forcibly removed", r"evicted",
                    r"warning shots", r"stun grenades?", r"fired (?:shots )?into the air", r"fired shots in the air", r"\bbeat\b")

# Battles and violence against civilians.
_RETAKE = _rx(r"fought (?:their|its) way (?:back )?into", r"recaptur", r"retook", r"retake", r"retaken", r"regain(?:ed|s)? (?:control|the)", r"liberat(?:ed|ion)",
              r"reclaim", r"won back", r"back under (?:government|army|state) control", r"pushed (?:them|the \w+) out of",
              r"drove (?:\w+ ){0,3}out of", r"dislodg", r"flushed out")
_TAKE = _rx(r"seiz(?:ed|es|ing) (?:control|the (?:town|city|village|base|camp|district|area|airport|port|border)|\w+ town)",
            r"seiz(?:ed|es|ing) (?:the |a |an )?(?:\w+ ){0,3}(?:town|city|village|base|camp|district|airport|port|garrison|outpost|headquarters|positions?)\b",
            r"(?-i:captured [A-Z][\w'-]+(?: [A-Z][\w'-]+)?,)",
            r"captur(?:ed|es|ing) (?:[\w-]+ ){1,3}(?:\([^)]*\) )?from (?:the )?(?:\w+ ){0,2}(?:army|military|government|forces|troops|soldiers)",
            r"took (?:over|control)", r"taken (?:over|control)", r"captur(?:ed|es|ing) (?:the |a |an )?(?:\w+ ){0,2}(?:town|city|village|base|camp|district|area|airport|port|border post|garrison|localities|locality|military post|outpost|strategic)",
            r"overr(?:an|un)", r"(?:fell|fallen) to (?:the )?(?:\w+ ){0,2}(?:rebels|jihadists|militants|insurgents|fighters|forces|militia)", r"under (?:the )?(?:control|the control) of (?:the )?(?:rebels|jihadists|militants|insurgents)",
            r"in (?:rebel|jihadist|militant|insurgent) hands", r"now control", r"gained control", r"occupied")
_SEXUAL = _rx(r"rap(?:e|ed|es|ing)\b", r"sexual(?:ly)? (?:violence|assault|abuse|slavery|exploitation|assaulted|abused)",
              r"gang-rap", r"sexual violence", r"forced marriage")
_ABDUCT = _rx(r"kidnap", r"abduct", r"taken hostage", r"took (?:\w+ ){0,3}hostage", r"held hostage", r"seized (?:\w+ ){0,3}hostages?",
              r"forcibly disappeared", r"enforced disappearance", r"forced disappearance", r"went missing after (?:being )?(?:taken|seized)",
              r"taken away by", r"whisked away by", r"carried off", r"whereabouts (?:\w+ ){0,2}unknown",
              r"(?:not|never) been told where", r"(?:demanding|for|demanded) (?:a )?ransom", r"(?:has|have) not heard from (?:him|her|them)",
              r"took (?:a |an |the )?(?:[\w-]+ ){0,3}(?:activist|journalist|priest|pastor|chief|teacher) from (?:his|her|their) home",
              r"seized (?:a |an |the )?(?:[\w-]+ ){0,2}(?:priest|pastor|imam|journalist|activist|chief|teacher|doctor|nurse)s?", r"whereabouts (?:have|has) not been",
              r"seized (?:\w+ ){0,3}(?:aid workers|workers|civilians|women|girls|passengers|travell?ers|villagers|students|pupils|people|nationals|engineers|tourists)")
_CLASH = _rx(r"clash(?:ed|es|ing)?\b", r"fighting\b", r"fought", r"gun ?battles?", r"gunfights?", r"firefights?", r"exchanged? (?:of )?fire",
             r"(?:traded|exchanged|trading|exchanging) (?:heavy )?(?:gun)?fire", r"shoot-?outs?",
             r"exchange of fire", r"battl(?:e|ed|es|ing)\b", r"ambush", r"repell?(?:ed)? (?:an? |the )?(?:attack|assault|offensive)",
             r"repuls", r"offensive", r"skirmish", r"engaged (?:in )?(?:combat|fighting)", r"combat\b", r"counter-?attack", r"assault on (?:a|an|the) (?:military|army|police|base|camp|barracks|post|garrison)",
             r"besieg", r"under siege", r"infighting", r"fierce fighting", r"heavy fighting")
_ATTACK = _rx(r"attack(?:ed|s|ing)?\b", r"kill(?:ed|ing|s)?\b", r"shot\b", r"shot dead", r"gunned down", r"massacr", r"slaughter",
              r"execut(?:ed|ion|ions)", r"behead", r"stormed", r"raid(?:ed|s)?\b", r"opened fire", r"shooting", r"murdered",
              r"hacked", r"stabbed", r"torture", r"beat(?:en|ing)? (?:\w+ ){0,2}to death", r"assassinat", r"slain", r"lost their lives",
              r"dead\b", r"bodies", r"wounded", r"injured", r"burned (?:\w+ ){0,2}alive", r"assault(?:ed)?\b", r"whipp", r"flogg", r"beat\b", r"beaten")
_ARMED_TARGET = _rx(r"soldiers?", r"troops?", r"army\b", r"military (?:base|camp|post|positions?|convoy|patrol|vehicle|outpost|barracks|garrison|unit|checkpoint)",
                    r"(?:army|police|gendarmerie|security) (?:base|camp|post|positions?|convoy|patrol|vehicles?|outpost|barracks|station|checkpoint)s?",
                    r"barracks", r"garrison", r"checkpoint", r"convoy", r"patrol", r"police (?:officers?|station|post)s?", r"policem[ae]n",
                    r"gendarmes?", r"security forces", r"positions? of", r"rebel positions", r"militants'? (?:positions?|hideouts?|camps?|bases?)",
                    r"hideouts?", r"fighters", r"peacekeepers", r"troops", r"officers", r"vdp\b", r"volunteers for the defen[cs]e")

# Strategic developments.
_AGREEMENT = _rx(r"(?:sign|reach|agre|broker|conclud|accept|declar|announc)\w* (?:[\w-]+ ){0,4}(?:ceasefire|cease-fire|truce|peace (?:deal|agreement|accord|pact)|accord|deal|agreement|armistice|pact)",
                 r"(?:ceasefire|cease-fire|truce|peace (?:deal|agreement|accord)) (?:was |has been )?(?:signed|agreed|reached|brokered|announced|took effect)",
                 r"prisoners? (?:exchange|swap)", r"exchanged (?:\w+ ){0,3}prisoners", r"swap(?:ped)? (?:\w+ ){0,3}prisoners",
                 r"(?:released|freed) (?:\w+ ){0,4}(?:hostages|prisoners|captives|detainees|abductees|soldiers|schoolgirls|students)",
                 r"hostages? (?:were|was) (?:released|freed)", r"(?:captives|abductees|prisoners) (?:were|was) (?:released|freed)",
                 r"surrender(?:ed)?\b", r"laid down (?:their )?arms", r"peace talks", r"evacuation deal",
                 r"amnesty (?:deal|agreement)", r"non-aggression pact")
_ARREST = _rx(r"arrest(?:ed|s|ing)?\b", r"detain(?:ed|s|ing)?\b", r"rounded up", r"taken into custody", r"apprehend", r"in custody",
              r"(?:picked|hauled) up by", r"jailed", r"remanded", r"extradit", r"handcuff")
_BASE = _rx(r"(?:set up|setting up|established|establishes|establishing|built|building|opened|opens|installed|erected|inaugurated) (?:a |an |the |its |their |two |three |several |new )*(?:\w+ ){0,2}(?:base|bases|camp|camps|headquarters|outpost|outposts|military post|garrison|command post|training camp)",
            r"(?:base|headquarters|camp|outpost) (?:was|were|has been|have been) (?:set up|established|built|opened|installed)",
            r"moved (?:its|their) headquarters", r"relocated (?:its|their) (?:headquarters|base)")
_TRANSFER = _rx(r"withdr[ae]w (?:\w+ ){0,3}from", r"withdrawn from", r"pull(?:ed|s)? out (?:\w+ ){0,3}of", r"pulled (?:\w+ ){0,2}out of",
                r"handed over (?:\w+ ){0,4}(?:control|base|camp|town|city|positions?|territory|area)", r"handover of (?:the )?(?:\w+ ){0,2}(?:base|camp|town|city|territory|area|positions?)",
                r"handed (?:\w+ ){0,3}(?:base|camp|town|city|territory|positions?) (?:\w+ ){0,3}to", r"without (?:a fight|resistance|firing a shot|any fighting|a shot)",
                r"vacated", r"abandoned (?:\w+ ){0,2}(?:positions?|base|camp|town|posts?)", r"evacuated (?:the|its|their) (?:base|camp|positions?)",
                r"retreated from", r"ceded", r"transferred control", r"withdrawal from", r"handed (?:it|them) over",
                r"withdrew (?:under|after|following|as part of)", r"without incident", r"without fighting", r"entered (?:\w+ ){0,3}after (?:\w+ ){0,4}(?:withdrew|retreated|pulled out|left)")
#: Leaving an organisation, a treaty or talks is no transfer of territory (ACLED records
#: none): "announced their withdrawal from ECOWAS", « ont quitté la CEDEAO ».
_BODIES = (r"(?:the |la |l['’]|le |les )?(?:ECOWAS|CEDEAO|UEMOA|WAEMU|AU\b|UA\b|African Union|Union africaine|G5|"
           r"UN\b|ONU\b|United Nations|Nations unies|ICC\b|CPI\b|International Criminal Court|Cour pénale|EU\b|UE\b|"
           r"European Union|Union européenne|NATO|OTAN|OPEC|OPEP|Commonwealth|Francophonie|OIF\b|bloc|"
           r"organi[sz]ation|alliance|union|community|communauté|agreement|accord|treaty|traité|deal|pact|"
           r"talks|negotiations|pourparlers|négociations|convention|council|conseil|grouping|regroupement|"
           # a race, a candidacy, a case: no territory ("Jacobs withdrew from parole consideration")
           r"race|elections?|élections?|contest|candidacy|candidature|bid|competition|tournament|"
           r"consideration|hearing|case|trial|programme|program|scheme|course)")
_LEAVE_BODY = KeywordPattern(re.compile(
    r"\b(?:withdr(?:aw|ew|awn|awal|awing|aws)\s+(?:\w+\s+){0,3}from|(?:leave|left|leaving|leaves|quit|quits|"
    r"quitting|exit(?:ed|ing|s)?)|retrait\s+(?:\w+\s+){0,3}(?:de|du|des|d['’])|retir\w*\s+(?:\w+\s+){0,3}"
    r"(?:de|du|des|d['’])|quitt\w*|sortie\s+(?:de|du|d['’]))\s*(?:\w+\s+){0,2}?" + _BODIES + r"(?:\b|\s|$)", re.IGNORECASE))
#: A designation as a terrorist group, a diplomatic act ACLED does not record.
_DESIGNATION = KeywordPattern(re.compile(
    r"\b(?:designat\w*|list(?:ed|s|ing)?|blacklist\w*|désign\w*|inscri\w*|class\w*|qualifi\w*)\b[^.]{0,60}?"
    r"\b(?:(?:foreign |specially designated global )?terrorist (?:organi[sz]ations?|groups?|entit(?:y|ies))|"
    r"organisations? terroristes?|groupes? terroristes?|entités? terroristes?)", re.IGNORECASE))
_CHANGE = _rx(r"(?:formed|founded|launched|created|announced the (?:creation|formation)|announced the launch of) (?:a |an |the )?(?:new )?(?:\w+ ){0,3}(?:group|militia|movement|coalition|alliance|front|brigade|armed wing|force)",
              r"formation of (?:a |an |the )?(?:new )?(?:\w+ ){0,2}(?:group|militia|movement|coalition|alliance|front|force)",
              r"merg(?:ed|er|e)\b", r"split from", r"splinter", r"defect(?:ed|ion|ions|ors)?", r"(?:named|appointed|elected|chose) (?:a |its |their )?new (?:leader|commander|chief|emir)",
              r"new (?:leader|commander|emir) of", r"changed (?:its|their) name", r"renamed", r"pledged allegiance", r"swore allegiance",
              r"end(?:ed|ing|s)? (?:its|their) (?:operations|mission|presence)", r"handing (?:its|their) (?:tasks|operations|role|duties) over",
              r"deploy(?:ed|s|ment)\b", r"reinforcements?", r"sent (?:\w+ ){0,3}(?:troops|soldiers|reinforcements)",
              r"mobili[sz](?:ed|ation)", r"disband", r"dissolv", r"proscrib", r"designated (?:\w+ ){0,3}(?:terrorist|as a terrorist)",
              r"joined (?:the )?(?:ranks|group|rebels|militants|jihadists)", r"training camp",
              r"(?:troops|soldiers|forces|fighters) (?:massed|gathered|amassed)", r"build-?up of (?:troops|forces)",
              r"curfew", r"state of emergency", r"martial law", r"banned (?:the )?(?:movement|use|sale) of", r"internal armed conflict",
              r"surrendered (?:\w+ ){0,4}(?:handing|handed|with their)", r"handing over their (?:weapons|rifles|arms)")
_LOOTING = _rx(r"loot(?:ed|ing|s)?\b", r"pillag", r"plunder", r"ransack", r"(?:burn(?:ed|t)|torched|razed|destroyed|set fire to|set ablaze|demolished|bulldozed) (?:\w+ ){0,3}(?:houses|homes|huts|shops|granaries|crops|vehicles|property|properties|market|village|school|church|mosque|clinic|buildings|stalls|warehouse|fields|livestock|granary|telecom|mast|masts|bridge|tower|health (?:centre|center)|hospital|offices?|town hall|police station|pylons?)",
               r"made off with", r"carted away",
               r"(?:houses|homes|shops|property|villages?) (?:were|was) (?:burned|torched|razed|destroyed|looted|set ablaze)",
               r"stole (?:\w+ ){0,3}(?:cattle|livestock|goods|food)", r"rustled", r"cattle rustling", r"seized (?:\w+ ){0,2}(?:cattle|livestock|goods)",
               r"vandali[sz]", r"sabotag", r"blew up (?:a |the |an )?(?:\w+ ){0,2}(?:bridge|pipeline|mast|tower|power line|railway)")
_COUP = _rx(r"\bcoup\b", r"seized power", r"overthr", r"ousted", r"(?:taken|took|seize[ds]?) power",
            r"announced the (?:removal|dismissal|overthrow) of", r"deposed")
_OTHER = _rx(r"\bcoup\b", r"seized power", r"overthr", r"ousted", r"curfew", r"state of emergency", r"martial law", r"blockade",
             r"warning shots", r"laid siege", r"internet (?:shutdown|blackout)", r"shut down the internet", r"fired (?:shots )?into the air",
             r"reconnaissance", r"surveillance flights?", r"overflew", r"banned (?:all )?(?:protests|demonstrations|gatherings)",
             r"roadblocks?", r"checkpoints? (?:were|was) (?:set up|erected)", r"extort", r"levied (?:a |an )?(?:tax|zakat)", r"imposed (?:a |an )?(?:tax|zakat)",
             r"fled (?:their|the) (?:homes|village|town)", r"fled (?:\w+ ){0,2}(?:villages|homes|towns)", r"mass grave", r"bodies (?:were|was) (?:found|discovered|recovered)",
             r"threat(?:s|ened)? (?:to|against)", r"leaflets", r"ultimatum", r"evacuat")

# Actor words, for sentences whose actors the dictionaries miss (and for the generic agents).
_ACTOR_WORDS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (8, _rx(r"peacekeep", r"minusma", r"monusco", r"unmiss", r"blue helmets", r"mercenar", r"wagner", r"africa corps",
            r"private (?:military|security)", r"contractors", r"foreign (?:troops|forces|soldiers)", r"barkhane", r"amisom", r"atmis")),
    (5, _rx(r"rioters", r"looters", r"mobs?\b", r"angry (?:crowd|youths|residents|mob)",
            r"émeutiers?", r"pillards?", r"casseurs?")),
    (6, _rx(r"protesters", r"protestors", r"demonstrators", r"marchers", r"strikers", r"students protesting",
            # (French: « Les manifestants ont brûlé des pneus » took the protesters as civilians)
            r"manifestant", r"protestataires?", r"grévistes?")),
    (4, _rx(r"vigilant", r"self-defen[cs]e", r"dozos?\b", r"hunters\b", r"dan na ambassagou", r"koglweogo", r"ethnic (?:\w+ )?militia",
            r"communal militia", r"(?:fulani|dogon|bambara|tuareg|hausa|tiv|berom|hema|lendu|nuer|dinka|murle|herder|farmer)s? (?:militia|gunmen|fighters|youths)",
            r"tribal (?:militia|fighters|gunmen)", r"clan (?:militia|fighters)", r"civilian joint task force", r"cjtf", r"hisbah", r"armed herders", r"herdsmen")),
    (2, _rx(r"rebels?\b", r"insurgen", r"jihadis", r"militants?\b", r"islamists?", r"separatist", r"terrorists?", r"boko haram", r"iswap",
            r"jnim", r"al-?shabaab", r"islamic state", r"isis\b", r"is fighters", r"al-?qaeda", r"aqim", r"fighters\b", r"guerrilla", r"ambazonian",
            r"armed group", r"non-state armed", r"m23", r"adf\b", r"fla\b", r"csp\b", r"ansarul islam", r"isgs", r"issp")),
    (3, _rx(r"gunmen", r"armed men", r"assailants", r"attackers", r"bandits", r"militias?\b", r"unidentified (?:armed|gunmen|attackers)",
            r"unknown gunmen", r"armed group", r"gang", r"party (?:supporters|militants|youths)", r"thugs")),
    (1, _rx(r"soldiers?", r"troops", r"army\b", r"armed forces", r"military\b", r"police", r"policem[ae]n", r"gendarm", r"security forces",
            r"security agents", r"marines", r"navy", r"air force", r"national guard", r"presidential guard", r"special forces", r"commandos",
            r"vdp\b", r"fama\b", r"fds\b", r"officers", r"border guards", r"customs officers", r"intelligence (?:agents|services)", r"junta", r"government forces")),
    (7, _rx(r"civilians?", r"villagers?", r"residents?", r"worshipp?ers", r"farmers?", r"herders?", r"traders?", r"passengers", r"students?",
            r"pupils", r"schoolchildren", r"children", r"women", r"teachers?", r"journalists?", r"reporters?", r"aid workers?", r"health workers?",
            r"doctors?", r"nurses?", r"priests?", r"imams?", r"pastors?", r"chiefs?\b", r"traditional rulers?", r"miners\b", r"fishermen",
            r"travell?ers", r"motorists", r"commuters", r"displaced", r"refugees", r"families", r"wedding", r"market(?:goers)?",
            r"village\b", r"villages\b", r"church", r"mosque", r"school\b", r"camp for (?:the )?displaced", r"idp camp", r"shoppers",
            r"mourners", r"(?:an? )?(?:man|woman|boy|girl|elderly)\b", r"people\b", r"persons", r"activists?", r"opposition (?:figures?|leaders?|members?)",
            r"politicians?", r"(?:local )?officials?", r"councill?ors?", r"mayor", r"locals")),
)
_STATE_SECTORS = {"MIL", "COP", "GOV", "SPY", "JUD", "LEG", "UAF_STATE"}
_REBEL_SECTORS = {"REB", "SEP", "INS", "RAD"}
_CIVILIAN_SECTORS = {"CVL", "CIV", "EDU", "MED", "JRN", "REL", "BUS", "LAB", "AGR", "HRI", "REF", "HLH", "ELI",
                     "DEV", "ENV", "AMN", "IRC", "OPP", "PTY", "MOD"}
_ARMED = {1, 2, 3, 4, 8}
_UNARMED_STATE = {"GOV", "JUD", "LEG"}


def _is_person_noun(text: str) -> bool:
    """"a social leader", "the minister": a person, not a capital standing for its government
    ("Khartoum") nor armed men."""
    # (the head noun before "of Djibo", « de Djibo »: "the mayor of Djibo" is a person)
    words = re.split(r"\s+(?:of|de|du|des)\s+|\s+d['’]", text, maxsplit=1)[0].split()
    return bool(words) and words[-1][:1].islower() and _words_inter(text) != 1


def inter_code(actor: Actor, country: str | None = None) -> int | None:
    """ACLED's inter code of an actor (1 state forces … 8 external/other forces), or None.

    The actor's words decide first for generic agents ("gunmen" is a militia, "protesters"
    protesters, whatever sector the dictionary gives them); then its sector.  State forces
    acting outside their own country (``country``: the country the event takes place in) and
    international forces are external forces (8), as in the ACLED codebook.
    """
    text = actor.text or ""
    by_words = _words_inter(text) if actor.actor_id is None or actor.sector in {"UAF", ""} else None
    if by_words is None and actor.actor_id is not None:
        by_words = _words_inter(text) if actor.sector == "UAF" else None
    if by_words is not None:
        code = by_words
    elif actor.code == "IGO":
        code = 8 if actor.sector in {"MIL", ""} or _words_inter(text) in {1, 8} else 7
    elif actor.code == "NGO":
        code = 7
    elif actor.sector in _STATE_SECTORS:
        code = 1
    elif actor.sector in _REBEL_SECTORS:
        code = 2
    elif actor.sector == "UAF" or actor.sector == "CRM":
        code = 3
    elif actor.sector in _CIVILIAN_SECTORS:
        code = 7
    else:
        return None
    if code == 1 and country and len(actor.code) == 3 and actor.code not in {country, "IGO", "NGO"}:
        return 8
    return code


def _words_inter(text: str) -> int | None:
    for code, pattern in _ACTOR_WORDS:
        if pattern.search(text):
            return code
    return None


# -- fatalities --------------------------------------------------------------------------------

_UNITS = {
    "one": 1, "a": 1, "an": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
#: Vague quantities, as the ACLED codebook turns them into numbers ("dozens" is 12, "hundreds"
#: 100, "several"/"many" 10); a plural with no number counts as 3 (our reading).
_VAGUE = {"dozens": 12, "a dozen": 12, "scores": 20, "hundreds": 100, "several": 10, "many": 10,
          "numerous": 10, "a number of": 3, "some": 3, "a few": 3, "few": 3}
_NUMBER = (
    r"(?P<num>\d{1,3}(?:,\d{3})+|\d+|"
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)|"
    r"(?:(?:a|one|two|three|four|five|six|seven|eight|nine) hundred(?: and \w+)?)|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    r"eighteen|nineteen|a dozen|dozens|scores|hundreds|several|many|numerous|a number of|a few|an?|single)"
)
_QUALIFIER = r"(?P<qual>at least|more than|over|some|about|around|nearly|almost|up to|as many as|roughly|an estimated|approximately|close to|no fewer than|at most)?\s*"
_DEATH_AFTER = re.compile(
    rf"\b{_QUALIFIER}{_NUMBER}\b(?P<noun>(?:[\s-]+(?!and\b|or\b|were\b|was\b|have\b|had\b|are\b|people\b)[A-Za-z'-]+){{0,3}}(?:\s+people)?)"
    r"\s+(?P<aux>(?:(?:were|was|have been|had been|are|is|being|been|reportedly|also|all)\s+){0,3})"
    r"(?P<verb>killed|dead|died|slain|murdered|executed|massacred|perished|shot dead|beheaded|lost their lives|lost his life|lost her life|burned to death|hacked to death|beaten to death|fatalities|deaths|bodies|confirmed dead)\b",
    re.IGNORECASE,
)
_DEATH_BEFORE = re.compile(
    rf"\b(?P<verb>killing|killed|kills|kill|massacred|massacring|executed|executing|claimed the lives of|claiming the lives of|left|leaving|shot dead|shooting dead|slaughtered|beheaded|death toll (?:\w+ ){{0,4}}?(?:to|at|of|is|was|reached|hit))\s+{_QUALIFIER}{_NUMBER}\b"
    r"(?P<noun>(?:[\s-]+(?!and\b|or\b)[A-Za-z'-]+){0,3})",
    re.IGNORECASE,
)
_RANGE = re.compile(
    r"\b(?:between\s+)?(?P<low>\d+)\s*(?:-|–|to|and)\s*(?P<high>\d+)\s+(?:\w+\s+){0,3}(?:were\s+|have been\s+)?(?:killed|dead|died|people killed)",
    re.IGNORECASE,
)
_PLURAL_DEATH = re.compile(
    r"\b(?P<noun>civilians|villagers|soldiers|people|residents|troops|fighters|militants|protesters|demonstrators|worshippers|"
    r"farmers|passengers|students|children|policemen|officers|gendarmes|insurgents|jihadists|rebels|assailants|attackers)\s+"
    r"(?:were|have been|had been|are)\s+(?:\w+\s+)?(?P<verb>killed|dead|slain|massacred|shot dead|executed)\b",
    re.IGNORECASE,
)
_COORDINATED = re.compile(
    r"\b" + _NUMBER.replace("?P<num>", "?P<a>") + r"(?:\s+[A-Za-z'-]+){1,2}\s+and\s+"
    + _NUMBER.replace("?P<num>", "?P<b>") + r"(?P<tail>(?:\s+[A-Za-z'-]+){1,2})\s+(?:were|have been|had been|are)\s+(?:all\s+)?"
    r"(?:killed|dead|slain|shot dead|executed|massacred)\b",
    re.IGNORECASE,
)
_DISAGREE = re.compile(r"\b(?:while|whereas|but|other sources|another source|put the (?:death )?toll|according to|residents said|locals said)\b",
                       re.IGNORECASE)
_NOT_DEATH_NOUN = re.compile(r"\b(?:injured|wounded|hurt|arrested|abducted|kidnapped|missing|displaced|rescued|years?|days?|hours?|minutes?|km|kilometres?|miles?|percent|%)\b",
                             re.IGNORECASE)


def _number_value(text: str) -> int | None:
    word = " ".join(text.lower().replace("-", " ").split())
    if re.fullmatch(r"[\d,]+", word):
        return int(word.replace(",", ""))
    if word in _VAGUE:
        return _VAGUE[word]
    if word in _UNITS:
        return _UNITS[word]
    parts = word.split()
    if parts and parts[0] in _TENS:
        return _TENS[parts[0]] + (_UNITS.get(parts[1], 0) if len(parts) > 1 else 0)
    if "hundred" in parts:
        head = _UNITS.get(parts[0], 1)
        rest = _number_value(" ".join(parts[parts.index("hundred") + 2:])) if "and" in parts else 0
        return head * 100 + (rest or 0)
    return None


def find_fatalities(doc_or_text: Doc | Span | str, offset: int = 0) -> dict[str, Any] | None:
    """The deaths the text reports: ``fatalities`` (the lowest reading, as ACLED codes), with
    ``fatalities_low``/``fatalities_high`` when the text gives a range or two counts that
    disagree, and the evidence span (``fatalities_text``, ``fatalities_start``/``_end`` in
    article offsets: ``offset`` is where the text starts in the article).  None: no death.
    """
    text = doc_or_text if isinstance(doc_or_text, str) else doc_or_text.text
    found: list[tuple[int, int, int, int]] = []  # (low, high, start, end)
    for m in _COORDINATED.finditer(text):
        a, b = _number_value(m.group("a")), _number_value(m.group("b"))
        if a is not None and b is not None and not _NOT_DEATH_NOUN.search(m.group("tail")):
            found.append((a + b, a + b, m.start("a"), m.end("b")))
    for m in _RANGE.finditer(text):
        low, high = int(m.group("low")), int(m.group("high"))
        if low < high:
            found.append((low, high, m.start("low"), m.end("high")))
    for pattern in (_DEATH_AFTER, _DEATH_BEFORE):
        for m in pattern.finditer(text):
            noun = m.group("noun") or ""
            if _NOT_DEATH_NOUN.search(noun):
                continue
            raw = m.group("num")
            if pattern is _DEATH_AFTER and not m.group("aux") and m.group("verb").lower() in {"killed", "executed", "massacred", "murdered", "shot dead", "beheaded"} \
                    and (noun.strip() or not raw[:1].isdigit()):
                continue  # "A landmine explosion killed …", "Two gunmen killed …": the killers, not the dead
            if raw.lower() in {"a", "an", "single"} and pattern is _DEATH_BEFORE and not noun.strip():
                continue
            if pattern is _DEATH_BEFORE and m.group("verb").lower() in {"left", "leaving"} and not re.match(
                    r"\s*(?:\w+\s+){0,2}dead\b", text[m.end("num"):], re.IGNORECASE):
                continue
            value = _number_value(raw)
            if value is None:
                continue
            start = m.start("qual") if m.group("qual") else m.start("num")
            if any(s <= m.start("num") < e for _, _, s, e in found):
                continue
            found.append((value, value, start, m.end("num")))
    if not found:
        m = _PLURAL_DEATH.search(text)
        if m is None:
            return None
        found.append((3, 3, m.start(), m.end()))
    found.sort(key=lambda f: f[2])
    lows = [f[0] for f in found]
    highs = [f[1] for f in found]
    if len(found) == 1 or _DISAGREE.search(text) or len({f[0] for f in found}) == 1:
        low, high = min(lows), max(highs)
    else:
        # Counts of different victims in one sentence ("three soldiers and five civilians
        # were killed") add up.
        low = high = sum(lows)
        if any(f[0] != f[1] for f in found):
            high = sum(highs)
    start, end = found[0][2], found[-1][3]
    return {
        "fatalities": low,
        "fatalities_low": low,
        "fatalities_high": high,
        "fatalities_text": text[start:end],
        "fatalities_start": offset + start,
        "fatalities_end": offset + end,
    }


# -- the coding --------------------------------------------------------------------------------

_STATEMENT_EVENTS = {"CONSULT", "DISAPPROVE", "DEMAND", "AID", "INVESTIGATE", "SANCTION", "REJECT", "THREATEN", "SUPPORT"}
_VIOLENT_VERB = _rx(r"killed", r"killing", r"attacked", r"clashed", r"stormed", r"abducted", r"kidnapped", r"shelled",
                    r"bombed", r"struck", r"opened fire", r"ambushed", r"exploded", r"detonated", r"seized", r"captured",
                    r"raided", r"torched", r"burned", r"looted", r"shot", r"massacred", r"executed", r"dispersed",
                    r"arrested", r"detained", r"protested", r"marched", r"rallied", r"rioted", r"fought", r"overran",
                    r"recaptured", r"retook", r"died", r"were killed", r"was killed", r"gunned", r"went off",
                    r"hit\b", r"targeted", r"rained")


def _text_of(sentence: Doc | Span | str) -> str:
    return sentence if isinstance(sentence, str) else sentence.text


def _first(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    return pattern.search(text)


_ACT_PATTERNS = (
    _VIOLENT_VERB, _CLASH, _BLAST, _AIR, _SHELLING, _GRENADE, _PROTEST, _RIOTER, _MOB, _ABDUCT, _SEXUAL,
    _TAKE, _RETAKE, _AGREEMENT, _ARREST, _LOOTING, _DISRUPTED, _BASE, _TRANSFER, _CHEMICAL, _CHANGE, _OTHER,
)


@timed("acled")
def acled_keywords(text: str) -> bool:
    """A cheap test: could this sentence hold an ACLED event?  (For sentences the PLOVER
    coder did not turn into an event.)"""
    return _ATTACK.search(text) is not None or any(p.search(text) for p in _ACT_PATTERNS)


_ACCUSED_OF_ACT = _rx(r"accus(?:ed|ing|es) (?:\w+ ){1,4}of (?:killing|attacking|abducting|kidnapping|shelling|bombing|"
                      r"burning|looting|executing|massacring|raping|torturing|shooting)")


def _statement_only(text: str, sentence: Doc | Span | str) -> bool:
    """A diplomatic statement about violence ("the UN condemned the attack"), not the violence."""
    dip = _DIPLOMACY.search(text)
    if dip is None:
        return False
    if _ACCUSED_OF_ACT.search(text):
        return False  # "accused the militia of killing 20 civilians": the killing is the news
    if not isinstance(sentence, str):
        root = next((t for t in sentence if t.dep_ == "ROOT"), None)
        if root is not None and root.lemma_.lower() in {"kill", "attack", "clash", "abduct", "kidnap", "seize", "capture",
                                                         "storm", "shell", "bomb", "arrest", "detain", "protest", "march",
                                                         "die", "explode", "loot", "burn", "torch", "fight", "disperse"}:
            return False
    # Words of an act before the statement verb: the act is the news ("Gunmen killed 12 …;
    # the governor condemned the attack"); after it, the statement is ("condemned the attack").
    first_act = min((m.start() for m in (p.search(text) for p in _ACT_PATTERNS) if m), default=len(text))
    return dip.start() <= first_act
    return True


def _inter_of(actors: list[Actor], country: str | None) -> list[int]:
    return [c for c in (inter_code(a, country) for a in actors) if c is not None]


def _text_inters(text: str) -> list[int]:
    return [code for code, pattern in _ACTOR_WORDS if pattern.search(text)]


def classify(text: str, sentence: Doc | Span | str | None = None, event_type: str | None = None,
             source_inters: list[int] | None = None, target_inters: list[int] | None = None,
             ) -> tuple[str, str] | None:
    """(event type, sub-event type) of a sentence, or None when ACLED would not record it."""
    sentence = text if sentence is None else sentence
    source_inters = source_inters or []
    target_inters = target_inters or []
    words = _text_inters(text)
    armed_named = bool(set(words) & {2, 3, 4, 8}) or bool(set(source_inters) & {2, 3, 4, 8})
    weapon = next((p for p in (_CHEMICAL, _AIR, _SUICIDE, _IED, _GRENADE) if p.search(text)), None)
    attack_verb = _first(_ATTACK, text) is not None or _first(_CLASH, text) is not None
    # 1. What ACLED does not record.
    if _CLAIM.search(text) or (_RETROSPECTIVE.search(text) and not _PROTEST.search(text)):
        return None  # a claim, a trial, an anniversary or a yearly count: not a new event
    if _statement_only(text, sentence):
        return None
    if _ACCIDENT_CAUSE.search(text) and not (armed_named and attack_verb):
        return None  # "a gas blast …; officials said a faulty boiler was the cause"
    if _ANIMAL.search(text) and weapon is None:
        return None
    fighting_words = re.search(r"\b(?:fought|clashed|attacked|stabbed|killed|injur\w*|wounded)\b", text, re.IGNORECASE)
    if (_SPORT.search(text) or _ECONOMY.search(text)) and not fighting_words and not _PROTEST.search(text) \
            and not _VIOLENT_DEMO.search(text):
        return None
    if re.search(r"\bmass graves?\b", text, re.IGNORECASE):
        return "Strategic developments", "Other"
    if (_DISASTER.search(text) or _ACCIDENT.search(text)) and weapon is None and not (
            armed_named and attack_verb) and not _PROTEST.search(text):
        return None
    if _MOB_STRONG.search(text) and not (set(words) & {2}):
        return "Riots", "Mob violence"
    if _CRIME.search(text) and not (set(words) & {2, 4, 8}) and weapon is None and not _PROTEST.search(text):
        return None
    # 2. Disrupted weapons use.
    if _DISRUPTED.search(text) and not re.search(r"\b(?:killed|killing|wounded|injured)\b", text, re.IGNORECASE):
        return "Strategic developments", "Disrupted weapons use"
    # 3. Demonstrations.
    protest = _PROTEST.search(text)
    if protest and _PROTEST_MODIFIER.search(text) and not _PROTEST.search(text, protest.end()) \
            and _ATTACK.search(text):
        protest = None  # "gunmen assassinated a protest activist": an attack on a person
    crowd = _CROWD.search(text)
    if not protest and crowd and _VIOLENT_DEMO.search(text) and weapon is None:
        return "Riots", "Violent demonstration"  # "supporters burned tyres and threw stones"
    lodged = re.search(r"\b(?:lodged|formally protested|diplomatic protest|protest note|summoned)\b", text, re.IGNORECASE)
    if (_RIOTER.search(text) or (protest and not lodged)) and weapon not in (_AIR, _CHEMICAL, _SUICIDE, _IED):
        if _EXCESSIVE.search(text) or (1 in words and _LETHAL_FORCE.search(text)
                                        and not _RIOTER.search(text) and not _VIOLENT_DEMO.search(text)):
            return "Protests", "Excessive force against protesters"
        if _RIOTER.search(text) or _VIOLENT_DEMO.search(text):
            return "Riots", "Violent demonstration"
        if _INTERVENTION.search(text):
            return "Protests", "Protest with intervention"
        # A boycott or a vigil alone is not a demonstration in the street.
        if not (protest and re.search(r"\b(?:boycott|vigil)\b", protest.group(0), re.IGNORECASE)
                and not re.search(r"\b(?:demand|calling for|against|protest)", text, re.IGNORECASE)):
            return "Protests", "Peaceful protest"
    if _MOB.search(text) and not (set(words) & {2}):
        return "Riots", "Mob violence"
    # 4. Remote violence, by weapon.
    if _CHEMICAL.search(text):
        return "Explosions/Remote violence", "Chemical weapon"
    if _SUICIDE.search(text):
        return "Explosions/Remote violence", "Suicide bomb"
    if _AIR.search(text):
        return "Explosions/Remote violence", "Air/drone strike"
    if _GRENADE.search(text):
        return "Explosions/Remote violence", "Grenade"
    if _IED.search(text):
        return "Explosions/Remote violence", "Remote explosive/landmine/IED"
    if _SHELLING.search(text) and not re.search(r"\bshell(?:s|ed)? (?:company|companies|casings)\b", text, re.IGNORECASE):
        return "Explosions/Remote violence", "Shelling/artillery/missile attack"
    if _BLAST.search(text) and not _ACCIDENT.search(text):
        # A bomb or a blast with no named weapon: ACLED's default remote explosive.
        return "Explosions/Remote violence", "Remote explosive/landmine/IED"
    # 5. Territory, sexual violence, abduction.
    non_state = set(source_inters) & {2, 3, 4} or (not source_inters and set(words) & {2, 3, 4})
    state = 1 in source_inters or (not source_inters and 1 in words)
    calm = re.sub(r"\bwithout (?:a fight|fighting|resistance|a shot|firing a shot|any fighting|incident)", " ", text, flags=re.IGNORECASE)
    if _TRANSFER.search(text) and not _LEAVE_BODY.search(text) and not re.search(
            r"\b(?:clash|fight|fought|attack|kill|assault|battle|offensive|under fire)", calm, re.IGNORECASE):
        return "Strategic developments", "Non-violent transfer of territory"
    if _RETAKE.search(text) and not _TRANSFER.search(text):
        taken_from = re.search(r"\bfrom (?:the )?(.{0,40})", text[_RETAKE.search(text).end():])
        from_non_state = bool(taken_from and set(_text_inters(taken_from.group(1))) & {2, 3, 4}) or bool(
            taken_from and re.search(r"\b(?:al[- ]?shabaab|jnim|iswap|boko haram|is\b|isis|islamic state|m23)", taken_from.group(1), re.IGNORECASE))
        if 1 in source_inters or (not non_state) or state or from_non_state:
            return "Battles", "Government regains territory"
        return "Battles", "Non-state actor overtakes territory"
    if _TAKE.search(text) and not re.search(r"\bwithout (?:a fight|resistance|a shot|firing|fighting)", text, re.IGNORECASE):
        if 1 in source_inters and not set(source_inters) & {2, 3, 4}:
            return "Battles", "Government regains territory"
        if non_state or not state:
            return "Battles", "Non-state actor overtakes territory"
        return "Battles", "Government regains territory"
    if _SEXUAL.search(text):
        return "Violence against civilians", "Sexual violence"
    if _ABDUCT.search(text) and not re.search(r"\b(?:released|freed|rescued)\b", text, re.IGNORECASE):
        return "Violence against civilians", "Abduction/forced disappearance"
    hurt = re.search(r"\b(?:kill|dead|died|wound|injur|shot|clash|fight|fought|exchange of fire|massacr|execut)", text, re.IGNORECASE)
    if _ARREST.search(text) and not hurt:
        return "Strategic developments", "Arrests"
    # 6. Armed clash against attack on civilians.
    clash = _CLASH.search(text)
    attack = _ATTACK.search(text)
    if clash or attack:
        armed_target = bool(_ARMED_TARGET.search(text)) or len(set(target_inters) & _ARMED) > 0
        armed_sides = set(source_inters + target_inters + words) & _ARMED
        civilian_victim = 7 in target_inters or (not target_inters and 7 in words)
        only_property = _LOOTING.search(text) and not re.search(r"\b(?:killed|killing|dead|wounded)\b", text, re.IGNORECASE)
        between = re.search(r"\bclash(?:es|ed)? between\b|\bfighting between\b", text, re.IGNORECASE)
        reciprocal = re.search(r"\b(?:traded|exchanged|trading|exchanging) (?:heavy )?(?:gun)?fire|\bclashed with\b|\bgun ?battle",
                               text, re.IGNORECASE)
        if clash and (between or len(armed_sides) >= 2 or armed_target or not civilian_victim
                      or (reciprocal and armed_sides)) and not only_property:
            return "Battles", "Armed clash"
        if attack:
            if armed_target and not (civilian_victim and not (set(target_inters) & _ARMED)
                                     and not _ARMED_TARGET.search(_victim_part(text))):
                return "Battles", "Armed clash"
            if _LOOTING.search(text) and not re.search(r"\b(?:killed|killing|dead|shot|wounded|injured|massacr)\b", text, re.IGNORECASE):
                return "Strategic developments", "Looting/property destruction"
            if civilian_victim or armed_named or state or re.search(r"\b(?:killed|killing|dead|massacr|executed|shot)\b", text, re.IGNORECASE):
                return "Violence against civilians", "Attack"
    # 7. Strategic developments.
    if _AGREEMENT.search(text) and not _BUSINESS.search(text):
        return "Strategic developments", "Agreement"
    if _BASE.search(text):
        return "Strategic developments", "Headquarters or base established"
    if _TRANSFER.search(text) and not _LEAVE_BODY.search(text):
        return "Strategic developments", "Non-violent transfer of territory"
    if _LOOTING.search(text):
        return "Strategic developments", "Looting/property destruction"
    if _ARREST.search(text):
        return "Strategic developments", "Arrests"
    if _COUP.search(text):
        return "Strategic developments", "Other"
    if _CHANGE.search(text):
        return "Strategic developments", "Change to group/activity"
    if _OTHER.search(text):
        return "Strategic developments", "Other"
    if event_type in {"ASSAULT", "FIGHT"} and armed_named:
        return ("Battles", "Armed clash") if len(set(words) & _ARMED) >= 2 else ("Violence against civilians", "Attack")
    return None


_PROTEST_MODIFIER = _rx(r"protest (?:activist|leader|organi[sz]er|movement|figure|singer|poet)s?")
_CROWD = _rx(r"supporters", r"youths", r"crowds?", r"demonstrators", r"protesters", r"residents angry", r"angry residents")
_LETHAL_FORCE = _rx(r"opened fire", r"killing (?:\w+ ){0,3}(?:more than |at least |about )?(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|dozens|several|scores)",
                    r"shot dead", r"live (?:ammunition|rounds)", r"were killed", r"(?:\d+|dozens of|several) (?:\w+ )?(?:were|was) killed")
_BUSINESS = _rx(r"exports?\b", r"\boil\b", r"pipeline", r"investment", r"compan(?:y|ies)", r"firm\b", r"investors?", r"refinery", r"trade (?:deal|agreement)", r"loan", r"contract\b",
                r"mining (?:deal|licen)", r"bank\b", r"imf\b")
_VICTIM_VERB = re.compile(r"\b(?:killing|killed|attacked|targeted|executed|shot|assassinated|abducted|kidnapped)\b",
                          re.IGNORECASE)
_VICTIM_SPLIT = re.compile(r"\b(?:against|on)\b(?! \d)", re.IGNORECASE)


def _victim_part(text: str) -> str:
    """The words after the act ("killed five civilians …"): who suffered it."""
    m = _VICTIM_VERB.search(text) or _VICTIM_SPLIT.search(text)
    victims = text[m.end():] if m else ""
    return re.split(r"\b(?:accused|suspected|for|who|because|after)\b", victims, maxsplit=1)[0]


#: The words of a crowd in the street, English and French.
_CROWD_PARTY = re.compile(r"\b(?:protesters?|demonstrators?|marchers?|rioters?|crowds?|manifestants?|"
                          r"manifestantes?|protestataires?|émeutiers?|foules?)\b", re.IGNORECASE)
#: ... that do the violence: "protesters attacked", "demonstrators torched".
_CROWD_VIOLENCE = re.compile(
    r"\b(?:protesters|demonstrators|marchers|rioters|crowds?)\s+(?:\w+\s+)?(?:attacked|stormed|torched|"
    r"burned|burnt|set fire|threw|hurled|ransacked|looted|vandali[sz]ed|smashed|clashed)\b", re.IGNORECASE)


@timed("acled")
def code_acled(event_type: str | None, cameo_code: str | None, sentence: Doc | Span | str,
               source: list[Actor], target: list[Actor], modality: Modality | None,
               offset: int = 0, country: str | None = None,
               decided: tuple[str, str] | None = None, language: str | None = None) -> dict[str, Any] | None:
    """The ACLED coding of an act, or None when ACLED would not record it.

    ``event_type``/``cameo_code``: the PLOVER type and CAMEO code (None for a sentence the
    PLOVER coder gave no event); ``sentence``: the parsed sentence (a string works too);
    ``offset``: where it starts in the article (for the fatalities evidence); ``country``: the
    country the event takes place in (foreign state forces are external forces, inter 8);
    ``decided``: the (event type, sub-event type) the learned classifier gave the incident
    (``events/acled_model.py``): the rules then only fill the actors' codes and the toll;
    ``language``: "fr" reads French keywords and numbers (``events/acled_fr.py``).
    """
    if modality is not None and (modality.negated or modality.hypothetical or modality.future):
        return None
    text = _text_of(sentence)
    src = _inter_of(source, country)
    # Unarmed officials (a minister, a judge, a "social leader" the dictionary calls GOV) are
    # civilians when they suffer the act, as ACLED codes them.
    tgt = [7 if code == 1 and actor.sector in _UNARMED_STATE and _is_person_noun(actor.text or "") else code
           for actor, code in ((a, inter_code(a, country)) for a in target) if code is not None]
    if language == "fr":
        from harmattan.events.acled_fr import classify_fr, find_fatalities_fr

        coded = decided or classify_fr(text, event_type, src, tgt)
    else:
        coded = decided or classify(text, sentence, event_type, src, tgt)
    if coded is None:
        return None
    crowd = any(_CROWD_PARTY.search(a.text or "") for a in source) and not set(src) & {1, 2, 3, 4, 8}
    if crowd and coded[0] == "Protests" and (event_type in {"ASSAULT", "FIGHT"} or (
            coded[1] == "Excessive force against protesters" and event_type == "PROTEST"
            and _CROWD_VIOLENCE.search(text) and 1 not in _text_inters(text)
            and not any(a.sector in {"MIL", "COP", "SPY"} for a in [*source, *target]))):
        # "Protesters attacked the French embassy", « Des manifestants ont attaqué l'ambassade » :
        # demonstrators who do the violence riot (ACLED: violent demonstration); their act is no
        # peaceful protest, and force against protesters needs the state's forces
        coded = ("Riots", "Violent demonstration")
    etype, sub = coded
    inter1, inter2 = _interaction_codes(etype, sub, text, src, tgt)
    fatal = None
    if etype not in {"Strategic developments"} or sub == "Looting/property destruction":
        fatal = find_fatalities_fr(text, offset) if language == "fr" else find_fatalities(sentence, offset)
    if etype == "Protests" and sub != "Excessive force against protesters":
        fatal = None
    out: dict[str, Any] = {
        "event_type": etype,
        "sub_event_type": sub,
        "inter1": inter1,
        "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if _civilian_targeting(etype, sub, inter2) else "",
        "fatalities": fatal["fatalities"] if fatal else 0,
    }
    if decided:
        out["decided_by"] = "model"  # else the rules decided the type
    if fatal:
        out.update({k: v for k, v in fatal.items() if k != "fatalities"})
    return out


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: the two inter codes, smaller first (12, 17, 27); a lone actor
    gives its code times ten (60 for a peaceful protest with no counterpart)."""
    if inter1 is None and inter2 is None:
        return None
    if inter1 is None or inter2 is None:
        return (inter1 or inter2) * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def _interaction_codes(etype: str, sub: str, text: str, src: list[int], tgt: list[int]) -> tuple[int | None, int | None]:
    words = _text_inters(text)
    armed_words = [w for w in words if w in _ARMED]
    if etype == "Protests":
        if sub == "Excessive force against protesters":
            return 1, 6
        return 6, (1 if sub == "Protest with intervention" else None)
    if etype == "Riots":
        if sub == "Mob violence":
            return 5, (tgt[0] if tgt and tgt[0] != 5 else 7)
        return 5, (1 if 1 in words + tgt else None)
    perpetrator = next((c for c in src if c in _ARMED), None)
    if perpetrator is None:
        perpetrator = next((c for c in armed_words if c not in tgt), None)
    if etype == "Violence against civilians" or (
            etype == "Explosions/Remote violence" and (7 in tgt or (not tgt and 7 in words and not (set(words) - {7, perpetrator}) & _ARMED))):
        return (perpetrator or 3), 7
    if etype in {"Battles", "Explosions/Remote violence"}:
        # An unnamed attacker is an unidentified armed group (3), as ACLED codes it.
        first = perpetrator or 3
        other = next((c for c in tgt if c in _ARMED and c != first), None)
        if other is None:
            other = next((c for c in armed_words if c != first), None)
        if etype == "Battles" and other is None:
            other = 3 if first != 3 else 1
        return first, other
    return perpetrator or (src[0] if src else None), (tgt[0] if tgt else None)


def _civilian_targeting(etype: str, sub: str, inter2: int | None) -> bool:
    if etype == "Violence against civilians":
        return True
    return etype in {"Explosions/Remote violence", "Riots"} and inter2 == 7


# -- events the PLOVER coder does not give ------------------------------------------------------

_ANNOUNCED = _rx(r"(?:will|would|could|might|may|plans? to|planned to|threaten(?:s|ed)? to|vow(?:s|ed)? to|"
                 r"promised to|intends? to|warned (?:that|it would))\s+(?:\w+\s+){0,2}"
                 r"(?:attack|kill|strike|bomb|shell|launch|seize|capture|retake|protest|march|arrest|fight)",
                 r"(?:did not|didn't|never|denied that|denied)\s+(?:\w+\s+){0,3}(?:attack|kill|kidnap|abduct|bomb|shell|seize|capture|fire)",
                 # "were nearly killed", "almost kidnapped him" (not "nearly 40 people were killed")
                 r"(?:nearly|almost)\s+(?:attack|kill|kidnap|abduct|bomb|shell|seize|capture)")
#: The confidence of an event found by the ACLED rules alone: below the events the sentence
#: model codes (so that a PLOVER event keeps the lead in its sentence), above nothing.
ACLED_ONLY_CONFIDENCE = 0.3


#: The PLOVER type an event coded in ACLED terms only takes from its sub-event type.
ACLED_TO_PLOVER = {
    "Armed clash": "FIGHT", "Government regains territory": "FIGHT",
    "Non-state actor overtakes territory": "FIGHT", "Air/drone strike": "FIGHT",
    "Shelling/artillery/missile attack": "FIGHT", "Suicide bomb": "ASSAULT",
    "Remote explosive/landmine/IED": "ASSAULT", "Grenade": "ASSAULT", "Chemical weapon": "ASSAULT",
    "Attack": "ASSAULT", "Sexual violence": "ASSAULT", "Abduction/forced disappearance": "ASSAULT",
    "Mob violence": "ASSAULT", "Violent demonstration": "PROTEST", "Peaceful protest": "PROTEST",
    "Protest with intervention": "PROTEST", "Excessive force against protesters": "ASSAULT",
    "Looting/property destruction": "ASSAULT", "Arrests": "COERCE", "Agreement": "AGREE",
    "Change to group/activity": "MOBILIZE", "Headquarters or base established": "MOBILIZE",
    "Non-violent transfer of territory": "RETREAT", "Disrupted weapons use": "COERCE",
    "Other": None,
}


#: Words right after a party that say it suffered the violence: "soldiers killed", "two
#: policemen were wounded", « les soldats tués », « trois militaires ont été enlevés ».
_SUFFERED_AFTER = re.compile(
    r"\s*(?:\([^)]{0,40}\)\s*)?(?:,\s*)?(?:"
    # a passive: "were killed", « ont été tués »
    r"(?:were|was|have\s+been|had\s+been|are|is|ont\s+été|a\s+été|avaient\s+été|avait\s+été|sont|est)\s+"
    r"(?:\w+\s+)?(?:killed|wounded|injured|abducted|kidnapped|executed|"
    r"tué(?:e|s|es)?|blessé(?:e|s|es)?|enlevé(?:e|s|es)?|exécuté(?:e|s|es)?|abattu(?:e|s|es)?)\b"
    # an English participle with no object after it ("soldiers killed in an attack"; not
    # "soldiers executed 300 civilians")
    r"|(?:killed|wounded|injured|abducted|kidnapped|executed)(?=\s+(?:in|on|at|during|by|when|after|near|while)\b|"
    r"\s*[,.;:]|\s*$)"
    # a French participle (« les soldats tués », not « ont tué »)
    r"|(?:tué(?:e|s|es)?|blessé(?:e|s|es)?|enlevé(?:e|s|es)?|exécuté(?:e|s|es)?|abattu(?:e|s|es)?)\b)",
    re.IGNORECASE)


def _suffered(text: str, actor: Actor) -> bool:
    """The words right after the party say it was killed, wounded or taken: a victim, whom
    the incident was done to, however armed (« Les soldats tués lors de l'attaque »)."""
    return actor.end is not None and bool(_SUFFERED_AFTER.match(text, actor.end))


@timed("acled")
def acled_only_event(article: Article, sentence: Sentence, actors: list[Actor],
                     doc: Doc | Span | None = None, country: str | None = None,
                     ordinal: int = 0, decided: tuple[str, str] | None = None,
                     language: str | None = None) -> Event | None:
    """An event with ACLED codes only (``plover=None``), for a sentence the PLOVER coder gave no
    event although it reports political violence, a demonstration or a strategic development:
    "Three civilians were killed in an IED blast" names no one who acts.

    Call it for the sentences where ``acled_keywords(sentence.text)`` holds and no event was
    coded.  Source: the armed (or protesting) actors, in order, but those the words after
    them say were killed, wounded or taken; target: the others.
    """
    from harmattan import __version__
    from harmattan.schema import CameoCode, Event, Evidence, Modality, make_event_id

    text = sentence.text
    if language == "fr":
        from harmattan.events.acled_fr import announced_fr, trigger_fr

        if announced_fr(text):
            return None
    elif _ANNOUNCED.search(text):
        return None
    if language == "fr":
        # « tuées dans un accident près de Niamey » : a town named as the place is no armed
        # actor (its seat of government would read as state forces and let the incident through)
        from harmattan.events.coder import _PLACE_BEFORE

        actors = [a for a in actors if a.start is None or not (
            (a.entry or "").startswith(("countries:", "phoenix:countries:"))
            and _PLACE_BEFORE.search(article.text[max(0, a.start - 40):a.start]))]
    source = [a for a in actors if inter_code(a, country) in _ARMED | {5, 6}
              and not _suffered(article.text, a)]
    target = [a for a in actors if all(a is not s for s in source)]
    acled = code_acled(None, None, doc if doc is not None else text, source, target, Modality(),
                       offset=sentence.start, country=country, decided=decided, language=language)
    if acled is None:
        return None
    if acled["event_type"] == "Protests":
        # a demonstration's doers are the people who hold it, not the state body before which
        # it is held ("Doctors went on strike", « Des enseignants ont observé un sit-in devant
        # le ministère » had the doctors and the teachers as targets)
        protesters = [a for a in actors if inter_code(a, country) in {5, 6, 7}]
        if protesters and not any(p is a for p in protesters for a in source):
            source = protesters
            target = [a for a in actors if all(a is not p for p in protesters)]
    trigger = trigger_fr(text) if language == "fr" else _trigger(text, acled["sub_event_type"])
    evidence = Evidence(sentence=text, start=sentence.start, end=sentence.end)
    if trigger is not None:
        evidence.trigger = text[trigger[0]:trigger[1]]
        evidence.trigger_start = sentence.start + trigger[0]
        evidence.trigger_end = sentence.start + trigger[1]
    violent = acled["event_type"] in VIOLENCE_TYPES
    return Event(
        event_id=make_event_id(article, sentence.start, sentence.end, f"ACLED:{acled['sub_event_type']}", ordinal),
        article_id=article.id,
        date=article.date_iso,
        plover=None,
        cameo=CameoCode(quad_class=4 if violent or acled["event_type"] in {"Protests", "Riots"} else 0, code=None),
        modality=Modality(),
        source=source,
        target=target,
        evidence=evidence,
        confidence=ACLED_ONLY_CONFIDENCE,
        acled=acled,
        coder_version=__version__,
    )


_TRIGGERS: dict[str, re.Pattern[str]] = {
    "Chemical weapon": _CHEMICAL, "Air/drone strike": _AIR, "Suicide bomb": _SUICIDE,
    "Shelling/artillery/missile attack": _SHELLING, "Remote explosive/landmine/IED": _IED, "Grenade": _GRENADE,
    "Armed clash": _CLASH, "Government regains territory": _RETAKE, "Non-state actor overtakes territory": _TAKE,
    "Sexual violence": _SEXUAL, "Abduction/forced disappearance": _ABDUCT, "Attack": _ATTACK,
    "Peaceful protest": _PROTEST, "Protest with intervention": _INTERVENTION,
    "Excessive force against protesters": _EXCESSIVE, "Violent demonstration": _VIOLENT_DEMO, "Mob violence": _MOB,
    "Agreement": _AGREEMENT, "Arrests": _ARREST, "Change to group/activity": _CHANGE,
    "Disrupted weapons use": _DISRUPTED, "Headquarters or base established": _BASE,
    "Looting/property destruction": _LOOTING, "Non-violent transfer of territory": _TRANSFER, "Other": _OTHER,
}


def _trigger(text: str, sub: str) -> tuple[int, int] | None:
    pattern = _TRIGGERS.get(sub)
    m = pattern.search(text) if pattern else None
    if m is None and sub == "Violent demonstration":
        m = _RIOTER.search(text) or _PROTEST.search(text)
    if m is None and sub == "Armed clash":
        m = _ATTACK.search(text)
    return whole_word(text, m.start(), m.end()) if m else None


def whole_word(text: str, start: int, end: int) -> tuple[int, int]:
    """The span widened to the end of its last word: a keyword stem ("massacr") gives the
    evidence its whole word ("massacre")."""
    while end < len(text) and (text[end].isalnum() or text[end] == "-" and end + 1 < len(text)
                               and text[end + 1].isalpha()):
        end += 1
    return start, end


# -- one incident told over two sentences ---------------------------------------------------------

_CASUALTY_PHRASE = re.compile(
    r"\b(?:(?:were|was|have been|had been|are|is)(?: \w+)? (?:killed|wounded|injured|hurt|dead)|died|dead|"
    r"death toll|toll (?:rose|stood|climbed)|lost their lives|killed in the (?:attack|clash(?:es)?|fighting|raid|ambush|"
    r"blast|explosion|strike|assault)|casualties|bodies)\b", re.IGNORECASE)


def casualty_report(text: str) -> bool:
    """A sentence that only counts the dead or wounded ("Two policemen were killed."): it
    belongs to the incident the sentence before it reports."""
    if not _CASUALTY_PHRASE.search(text):
        return False
    rest = _CASUALTY_PHRASE.sub(" ", text)
    rest = re.sub(r"\b(?:killed|killing|wounded|injured)\b", " ", rest, flags=re.IGNORECASE)
    return not any(p.search(rest) for p in (*_ACT_PATTERNS, _ATTACK))


def merge_incidents(events: list[Any]) -> None:
    """ACLED terms of a casualty-only sentence follow the incident just before it.

    ``events`` are one article's events in text order.  A sentence such as "Two policemen were
    killed." after "An IED detonated under a police vehicle in Quetta." takes the earlier
    event's type and sub-type (keeping its own toll), and the earlier event takes the toll
    when it had none.
    """
    previous = None
    for event in events:
        acled = event.acled
        if not acled:
            continue
        if previous is not None and previous is not event and previous.evidence.end <= event.evidence.start \
                and casualty_report(event.evidence.sentence) and previous.acled["event_type"] in VIOLENCE_TYPES \
                and event.evidence.start - previous.evidence.end <= 2:
            lead = previous.acled
            for key in ("event_type", "sub_event_type", "inter1", "inter2", "interaction", "civilian_targeting"):
                acled[key] = lead[key]
            if acled.get("fatalities") and not lead.get("fatalities"):
                for key, value in acled.items():
                    if key.startswith("fatalities"):
                        lead[key] = value
            continue
        previous = event
