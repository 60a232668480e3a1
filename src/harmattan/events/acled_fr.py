"""ACLED types and fatalities from French text.

The same decisions as ``events/acled.py``, in the same order of precedence, with French
keywords: what ACLED does not record (announced or denied acts, statements, disasters and
accidents, sport), demonstrations, remote violence by weapon, territory, abduction, armed
clash against attack on civilians, then strategic developments.  Fatalities from French
numbers: « au moins une dizaine de civils tués » → 10, « des dizaines de personnes
enlevées » (no death), « deux soldats tués » → 2, « 15 morts » → 15.
"""

from __future__ import annotations

import re
from typing import Any

_FLAGS = re.IGNORECASE


def _rx(*parts: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(parts) + r")", _FLAGS)


_ANNOUNCED = _rx(r"menac\w*", r"pourrai(?:en)?t", r"envisag\w*", r"en cas d", r"prévoi\w* d", r"va (?:\w+ )?(?:attaquer|frapper|intervenir)",
                 r"n'ont pas été", r"n'a pas été", r"démenti", r"dément\w*", r"nie\b", r"nient\b")
_STATEMENT = _rx(r"condamn\w*", r"dénonc\w*", r"déplor\w*", r"fustig\w*", r"appel\w* (?:à|au|aux)", r"exig\w*", r"réclam\w*",
                 r"salu\w*", r"regrett\w*", r"présent\w* (?:ses|leurs) condoléances", r"rend\w* hommage")
_CLAIM = _rx(r"revendiqu\w*")
_RETROSPECTIVE = _rx(r"anniversaire", r"commémor\w*", r"procès", r"condamné\w* à", r"acquitt\w*", r"jugé\w*", r"verdict")
_DISASTER = _rx(r"inondations?", r"crues?\b", r"séismes?", r"tremblement de terre", r"sécheresse", r"glissement de terrain",
                r"pluies? diluviennes?", r"épidémie", r"famine", r"canicule", r"incendies? de forêt", r"feux de forêt", r"choléra", r"paludisme", r"covid", r"ebola", r"incendie de forêt")
_ACCIDENT = _rx(r"accident\w*", r"chavir\w*", r"naufrage", r"collision", r"carambolage", r"effondrement", r"s'est effondré",
                r"crash", r"déraill\w*")
_SPORT = _rx(r"match\w*", r"championnat", r"coupe d'afrique", r"\bcan\b", r"coupe du monde", r"buts?\b", r"penalt\w*", r"tournoi",
             r"sélection nationale", r"entraîneur", r"ligue des champions")
_ECONOMY = _rx(r"inflation", r"prix du", r"prix des", r"taux de change", r"bourse", r"croissance économique", r"franc cfa")
_DISRUPTED = _rx(r"désamorc\w*", r"neutralisé\w* (?:un|une|des|deux|trois) (?:engins? explosifs?|bombes?|mines?|ied)",
                 r"saisi\w* (?:\w+ ){0,3}(?:d'armes|armes|munitions|explosifs)", r"cache d'armes", r"drone (?:\w+ )?abattu",
                 r"abattu (?:un|deux|trois) drones?")
_PROTEST = _rx(r"manifest(?:ation|ations|ants?|antes?|é|és|ée|ées|er|ent|aient)\b", r"marche\b", r"marches\b", r"marché contre", r"(?:ont|avaient) marché\b",
               r"sit-in", r"rassemblement\w*", r"protest\w*", r"descend\w* dans la rue", r"grève\w*", r"grévistes?")
_RIOTER = _rx(r"émeutes?\b", r"émeutiers?", r"pill\w*", r"saccag\w*", r"casseurs?")
_VIOLENT_DEMO = _rx(r"jet\w* de pierres", r"lanc\w* des (?:pierres|projectiles|cocktails)", r"pneus? brûlés?", r"brûl\w* des pneus",
                    r"barricades?", r"cocktails? molotov", r"incendi\w* (?:\w+ ){0,2}(?:siège|bâtiment|voiture|véhicule)")
_MOB = _rx(r"lynch\w*", r"vindicte populaire", r"justice populaire", r"foule en colère")
_EXCESSIVE = _rx(r"tir\w* à balles réelles", r"balles réelles", r"tir\w* sur (?:les |des )?(?:manifestants|foule)",
                 r"(?:manifestants?|protestataires?) (?:\w+ ){0,3}(?:tués?|abattus?)",
                 r"(?:ouvert|ouvrent|ouvre|ouvrant) le feu (?:sur|contre) (?:les |des |la )?(?:manifestants|protestataires|foule)",
                 r"(?:manifestants?|protestataires?|foule)\b[^.]{0,40}\b(?:faisant|a fait|ont fait) (?:\w+ ){0,3}(?:morts?|victimes)")
_INTERVENTION = _rx(r"dispers\w*", r"gaz lacrymogènes?", r"lacrymogènes?", r"canons? à eau", r"matraqu\w*", r"interpell\w*",
                    r"arrêt\w* (?:\w+ ){0,3}manifestants")
_CHEMICAL = _rx(r"armes? chimiques?", r"gaz (?:sarin|moutarde|toxique)")
_AIR = _rx(r"frappes? aériennes?", r"raids? aériens?", r"bombardements? aériens?", r"frappes? de drones?", r"drones? (?:armés? )?(?:a|ont) (?:frappé|bombardé|visé)",
           r"drones?\b(?:\s+\S+){1,5}?\s+(?:a|ont|avait|avaient)\s+(?:frappé|bombardé|visé|ciblé)",
           r"frappes? (?:de l'armée de l'air|d'aviation)", r"aviation (?:\w+ )?(?:a|ont) (?:frappé|bombardé)", r"avions? de chasse", r"hélicoptères? de combat")
_SUICIDE = _rx(r"kamikazes?", r"attentat-suicide", r"attentats-suicides", r"attentat suicide", r"s'est fait exploser", r"se sont fait exploser")
_SHELLING = _rx(r"obus", r"tirs? d'artillerie", r"artillerie", r"roquettes?", r"mortiers?", r"missiles?", r"pilonn\w*")
_IED = _rx(r"engins? explosifs?(?: improvisés?)?", r"\bieds?\b", r"mines? antipersonnel", r"mines? (?:antichars?|terrestres?|artisanales?)",
           r"(?:posé|placé|enfoui|dissimulé)\w* (?:une|des|deux|trois) mines?", r"mines? (?:a|ont|avait|avaient) explosé",
           # (« la fermeture des mines » : mining, not a landmine)
           r"voiture piégée",
           r"véhicule piégé", r"explosion d'une mine", r"sauté sur une mine")
_GRENADE = _rx(r"grenades?")
_BLAST = _rx(r"explosions?\b", r"(?:a|ont) explosé", r"explosifs?\b", r"bombes?\b", r"attentat à la bombe")
_RETAKE = _rx(r"repris (?:le )?contrôle", r"repris (?:la|les) (?:ville|localité|villes|localités|position|positions|base|camp)",
              r"reconqu\w*", r"libér\w* (?:la|les) (?:ville|localité|villes|localités|zone|région)")
_TAKE = _rx(r"(?:pris|prend|prennent|prise) le contrôle", r"emparé\w* (?:de la|des|du) (?:ville|localité|camp|base|poste|position)",
            r"emparés? (?:de la|des|du)", r"tomb\w* (?:entre|aux) (?:les )?mains", r"investi (?:la|le) (?:ville|localité|camp|base|poste)")
# (not a rule broken: « a violé les lois antiterroristes », « violé l'accord de cessez-le-feu »)
_BREACHED = (r"(?!\s+(?:les?|la|l['’]|des|ses|leurs?|son|sa|cette|ce|ces)\s*(?:\S+\s+)?(?:lois?|accords?|règles?|"
             r"droits?|constitution|cessez-le-feu|trêve|embargo|espace|frontières?|souveraineté|intégrité|"
             r"engagements?|principes?|sanctions?|résolutions?|traités?|dispositions?|termes)\b)")
_SEXUAL = _rx(r"viol\b", r"viols\b", r"violée?s?\b" + _BREACHED, r"violences? sexuelles?", r"esclavage sexuel",
              r"agressions? sexuelles?")
_ABDUCT = _rx(r"enlev\w*", r"enlèvements?", r"kidnapp\w*", r"rapt\w*", r"pris en otages?", r"prises? d'otages?", r"otages?\b",
              r"séquestr\w*", r"portée?s? disparue?s?")
_CLASH = _rx(r"affrontements?", r"affront\w*", r"(?<!\bde )combat\b", r"combats\b", r"échanges? de tirs", r"accrochages?", r"combattu", r"riposté", r"repouss\w* (?:\w+ ){0,2}(?:attaques?|assauts?|offensives?|assaillants|terroristes|jihadistes|djihadistes|incursions?|ennemis?)",
             r"violents? combats", r"heurts?\b")
_ATTACK = _rx(r"attaqu(?!ants?\b)\w*", r"attaques?", r"tu[ée]s?\b", r"tuée?s?\b", r"tuant\b", r"tué\b", r"massacr\w*", r"tueries?", r"(?<!partenaire d')(?<!partenaires d')(?<!agence d')(?<!organisme d')(?<!modalités d')(?<!délai d')(?<!phase d')(?<!mise à )exécut(?!i[fv]|oire)\w*",
              r"assassin\w*", r"abattu\w*", r"embuscades?", r"assaut", r"raids?\b", r"ont ouvert le feu", r"a ouvert le feu",
              r"incursions?", r"égorg\w*", r"décapit\w*", r"neutralis\w*", r"pris\w* pour cibles?", r"pren\w* pour cibles?",
              # (« éliminé » a team is sport: only fighters eliminated)
              r"élimin\w* (?:[\w'-]+ ){0,3}(?:terroristes|jihadistes|djihadistes|combattants|assaillants|islamistes|rebelles|insurgés|bandits|hommes armés)")
_ARMED_TARGET = _rx(r"soldats?", r"militaires?", r"armée\b", r"forces de (?:défense|sécurité)", r"fds\b", r"fama\b", r"gendarmes?",
                    r"policiers?", r"camp militaire", r"base militaire", r"poste militaire", r"convoi militaire", r"patrouille",
                    r"détachement", r"vdp\b", r"volontaires pour la défense", r"casques bleus", r"jihadistes", r"djihadistes", r"terroristes",
                    r"combattants", r"rebelles", r"assaillants")
_CIVILIAN = _rx(r"civils?", r"villageois", r"habitants", r"populations?", r"femmes", r"enfants", r"fidèles", r"passagers", r"orpailleurs",
                r"commerçants", r"élèves", r"éleveurs", r"agriculteurs", r"personnes")
_AGREEMENT = _rx(r"(?:sign|conclu|paraph|parven)\w* (?:[\w'-]+ ){0,4}(?:accord|cessez-le-feu|trêve|traité|pacte|charte|protocole)", r"accord de paix",
                 r"cessez-le-feu")
_ARREST = _rx(r"arrêt[ée]s?\b", r"arrêté\w*", r"interpell\w*", r"appréhend\w*", r"écrou\w*", r"placé\w* (?:en|sous) (?:garde à vue|détention|mandat de dépôt)",
              r"garde à vue", r"détenu\w*", r"mis aux arrêts", r"capturé\w*")
_RELEASED = re.compile(r"\b(?:libér\w*|relâch\w*|libération)\b", re.IGNORECASE)


def _arrested(text: str) -> bool:
    """An arrest word, not only « détenus » for people being freed (« ont libéré 20 otages
    détenus par Boko Haram » : a release, no arrest)."""
    found = [m.group(0).lower() for m in _ARREST.finditer(text)]
    if not found:
        return False
    return not (_RELEASED.search(text) and all(w.startswith("détenu") for w in found))


_BASE = _rx(r"(?:install|établ|ouvert|construi|implant)\w* (?:une |un |la |le |sa |leur |de nouvelles |une nouvelle )?(?:base|camp|poste)")
_TRANSFER = _rx(r"retir\w* (?:\w+ ){0,3}de", r"retrait (?:\w+ ){0,3}(?:de|du|des)", r"rétrocé\w*", r"remis\w* (?:\w+ ){0,2}(?:base|camp|emprise)",
                r"quitté (?:\w+ ){0,2}(?:base|camp|pays|territoire)")
_CHANGE = _rx(r"(?:créé|crée|fondé|lancé|formé) (?:un |une |le |la )?(?:nouveau |nouvelle )?(?:\w+ ){0,2}(?:groupe|mouvement|milice|coalition|alliance|front)",
              r"rallié\w*", r"fusion\w*", r"dissous\w*", r"dissolution")
_LOOTING = _rx(r"pill\w*", r"incendi\w* (?:\w+ ){0,3}(?:maisons|habitations|cases|boutiques|greniers|véhicules|marché|école|écoles|églises?|mosquées?|centre de santé|mairie|bâtiments?)",
               r"brûl\w* (?:\w+ ){0,3}(?:maisons|habitations|cases|boutiques|greniers|véhicules|marché|école|écoles)", r"détruit (?:\w+ ){0,3}(?:maisons|pylônes?|antennes?|ponts?|écoles?)",
               r"vol de bétail", r"emport\w* (?:\w+ ){0,2}bétail")
_COUP = _rx(r"coup d'(?:é|e)tat", r"putsch\w*", r"renvers\w*", r"pris le pouvoir", r"prise du pouvoir", r"destitu\w*")
_OTHER = _rx(r"couvre-feu", r"état d'urgence", r"loi martiale", r"blocus", r"couvre feu")
_ARMED_NAMED = _rx(r"jihadistes?", r"djihadistes?", r"terroristes?", r"hommes armés", r"individus armés", r"groupes? armés?", r"assaillants",
                   r"insurgés", r"rebelles", r"combattants", r"miliciens?", r"milices?", r"bandits armés", r"jnim", r"gsim", r"eigs", r"état islamique",
                   r"boko haram", r"iswap", r"wagner", r"dozos?", r"koglweogo", r"vdp\b", r"soldats?", r"militaires?", r"armée", r"fama\b")


#: An incident already told, named as the time or cause of what the sentence tells (« a
#: décrété un deuil national après l'attaque », « en réaction à l'attentat »): no incident
#: of its own (« après une attaque » may tell a new one).
_REFERENCE = re.compile(r"\b(?:après|depuis|suite à|à la suite d[eu'’]|en réaction à|en réponse à|en hommage aux?)\s+"
                        r"(?:l['’]|la\s+|le\s+|les\s+|cette\s+|ces\s+|cet\s+|du\s+|des\s+|d['’]\s*)(?:\S+\s+){0,2}?(?:l['’])?(?:attaques?|attentats?|embuscades?|explosions?|assauts?|massacres?|tueries?|"
                        r"enlèvements?|frappes?|affrontements?|combats?)\b(?:\s+(?:de|du|des|d['’]|contre)\s+\S+)?",
                        re.IGNORECASE)


#: A fight or a struggle against a cause (« le combat contre le racisme », « la lutte contre la
#: corruption »): no fighting.
CAUSE_FIGHT = re.compile(
    r"\b(?:combats?|luttes?|guerres?)\s+contre\s+(?:l[ea]\s+|les\s+|l['’])?(?:racisme|pauvreté|corruption|"
    r"discriminations?|injustices?|inégalités?|impunité|faim|maladies?|paludisme|sida|vih|covid\S*|virus|"
    r"pandémie|épidémie|changement\s+climatique|réchauffement|désertification|analphabétisme|chômage|"
    r"fraudes?|blanchiment|évasion\s+fiscale|cybercriminalité)\b",
    re.IGNORECASE)


#: « s'arrêter » (to stop, to come to an end) is no arrest: « ne s'est pas arrêté là »; nor is
#: stopping an activity (« MSF annonce avoir arrêté ses activités », as the verb lexicon reads it).
_STOPPED = re.compile(r"\b(?:s['’]|se\s)(?:\w+\s){0,2}?arrêt\w*|\barrêt\w*\s+(?:\w+\s+){0,2}?(?:activités?|"
                      r"opérations?|travaux|travail|production|exportations?|importations?|programmes?|"
                      r"traitements?|combats?|hostilités|compétitions?|carrières?|processus|moteurs?)\b",
                      re.IGNORECASE)


#: « manifester » as to show (« n'a manifesté aucun remords », « se manifestent dans la
#: psychopathie »), a « manifestation » that is a sign, and « faire marche arrière » (to back
#: down): no demonstration.
_NOT_PROTEST = re.compile(
    r"\b(?:s['’]|se\s)(?:\w+\s){0,2}?manifest\w*|\bmanifest\w*\s+(?:\w+\s+){0,2}?(?:remords|regrets?|intérêt|"
    r"soutien|solidarité|volonté|désir|inquiétudes?|colère|joie|sympathie|opposition|préoccupations?|"
    r"hostilité|enthousiasme|confiance|méfiance|impatience|signes?)\b|\bmarche arrière\b|"
    # « a levé l'interdiction de manifester », « le droit de manifester » : a rule, no protest
    r"\b(?:interdiction|droit|autorisation|liberté)\s+de\s+manifester\b|"
    # « la manifestation la plus importante de cette dégradation » : a sign of something
    r"\bmanifestations?\s+(?:(?:la|les)\s+plus\s+\w+|concrètes?|claires?|évidentes?|visibles?|tangibles?)\s+d",
    re.IGNORECASE)


def acled_keywords_fr(text: str) -> bool:
    """Could this French sentence hold an ACLED event?  (Cheap; for sentences with no act.)
    An incident named only as the time or cause of something else does not count."""
    text = CAUSE_FIGHT.sub(" ", _NOT_PROTEST.sub(" ", _STOPPED.sub(" ", _REFERENCE.sub(" ", text))))
    return any(p.search(text) for p in (_ATTACK, _CLASH, _BLAST, _AIR, _SHELLING, _IED, _GRENADE, _PROTEST, _RIOTER, _MOB,
                                        _ABDUCT, _SEXUAL, _TAKE, _RETAKE, _AGREEMENT, _ARREST, _LOOTING, _DISRUPTED, _COUP,
                                        _SUICIDE))


def violent_fr(text: str) -> bool:
    """Does this French sentence name violence (an attack, a clash, a blast, an abduction,
    an arrest, looting …), as opposed to a protest, an agreement or a transfer?"""
    text = CAUSE_FIGHT.sub(" ", _NOT_PROTEST.sub(" ", _STOPPED.sub(" ", _REFERENCE.sub(" ", text))))
    return any(p.search(text) for p in (_ATTACK, _CLASH, _BLAST, _AIR, _SHELLING, _IED, _GRENADE, _RIOTER, _MOB,
                                        _ABDUCT, _SEXUAL, _ARREST, _LOOTING, _SUICIDE))


def announced_fr(text: str) -> bool:
    return _ANNOUNCED.search(text) is not None


def _statement_only(text: str) -> bool:
    """« La CEDEAO a condamné l'attaque » : a statement about violence, not the violence; an
    act named before the statement verb is the news."""
    statement = _STATEMENT.search(text)
    if statement is None:
        return False
    acts = [m.start() for m in (p.search(text) for p in (_ARMED_VERBS, _ARREST, _ABDUCT, _PROTEST)) if m]
    return not acts or statement.start() <= min(acts)


#: Acts whose sentence names weapons as things given or talked about.
_PEACEFUL_ACTS = frozenset({"AID", "SUPPORT", "CONSULT"})  # (an agreement may be ACLED's Agreement)

#: PLOVER types of acts that use no force: the incident in their sentence, if any, is another's.
_NOT_FORCE = frozenset({"CONCEDE", "SANCTION", "AGREE", "CONSULT", "SUPPORT", "AID", "COOPERATE",
                        "DEMAND", "DISAPPROVE", "REJECT", "INVESTIGATE", "RETREAT"})

_ARMED_VERBS = _rx(r"(?:a|ont|avaient|avait) (?:\w+ )?(?:attaqué|tué|enlevé|massacré|exécuté|abattu|incendié|pillé|kidnappé|bombardé|frappé)",
                   r"(?:ont|a) été (?:\w+ )?(?:tués?|tuées?|enlevée?s?|attaquée?s?|massacrée?s?|exécutée?s?|abattue?s?|blessée?s?)",
                   r"(?:attaque|embuscade|assaut|explosion)\b.{0,60}\b(?:a|ont) (?:fait|coûté|tué)")


#: Words of a crowd in the street: a protest told with them is a demonstration, not only words.
_CROWD = _rx(r"manifest\w*", r"march\w*", r"rassembl\w*", r"foules?", r"grèves?", r"grévistes?", r"sit-in",
             r"émeutes?\b", r"émeutiers?", r"cortèges?", r"défilé\w*")


def classify_fr(text: str, event_type: str | None = None, source_inters: list[int] | None = None,
                target_inters: list[int] | None = None) -> tuple[str, str] | None:
    """(event type, sub-event type) of a French sentence, or None when ACLED would not record it."""
    text = CAUSE_FIGHT.sub(" ", _NOT_PROTEST.sub(" ", _STOPPED.sub(" ", text)))
    source_inters = source_inters or []
    target_inters = target_inters or []
    armed_named = bool(_ARMED_NAMED.search(text)) or bool(set(source_inters) & {1, 2, 3, 4, 8})
    attack_words = _ATTACK.search(text) or _CLASH.search(text)
    weapon = next((p for p in (_CHEMICAL, _AIR, _SUICIDE, _IED, _GRENADE) if p.search(text)), None)
    # 1. What ACLED does not record.
    if _CLAIM.search(text) and not _ARMED_VERBS.search(text):
        return None
    if event_type in _PEACEFUL_ACTS and not _ARMED_VERBS.search(text):
        return None  # « La Russie a livré des hélicoptères de combat » : weapons given, no strike
    if event_type == "REJECT":
        return None  # « a démenti toute implication dans le massacre » : a denial, not the incident
    if event_type == "DISAPPROVE" and not _ARMED_VERBS.search(text) and not _CROWD.search(text):
        return None  # « la Turquie a protesté contre la nomination » : a diplomatic protest
    if _RETROSPECTIVE.search(text) and not _PROTEST.search(text):
        return None
    if _statement_only(text):
        return None
    if (_SPORT.search(text) or _ECONOMY.search(text)) and not _ARMED_VERBS.search(text) and not _PROTEST.search(text):
        return None
    if (_DISASTER.search(text) or _ACCIDENT.search(text)) and weapon is None and not (armed_named and attack_words) \
            and not _PROTEST.search(text):
        return None
    # 2. Disrupted weapons use.
    if _DISRUPTED.search(text) and not re.search(r"\b(?:tué|tués|morts?|blessés?)\b", text, _FLAGS):
        return "Strategic developments", "Disrupted weapons use"
    # 3. Demonstrations.
    protest = _PROTEST.search(text)
    if protest and all(m.group(0).lower().startswith("rassemblement") for m in _PROTEST.finditer(text)) \
            and (_AIR.search(text) or _SHELLING.search(text) or _IED.search(text) or _SUICIDE.search(text)):
        # « un drone a frappé un rassemblement » : a gathering struck, not a demonstration
        protest = None
    if _MOB.search(text):
        return "Riots", "Mob violence"
    if protest or _RIOTER.search(text) and not armed_named:
        if _EXCESSIVE.search(text):
            return "Protests", "Excessive force against protesters"
        if _VIOLENT_DEMO.search(text) or (_RIOTER.search(text) and not armed_named):
            return "Riots", "Violent demonstration"
        if _INTERVENTION.search(text):
            return "Protests", "Protest with intervention"
        if protest:
            return "Protests", "Peaceful protest"
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
    if _SHELLING.search(text):
        return "Explosions/Remote violence", "Shelling/artillery/missile attack"
    if _BLAST.search(text) and not _ACCIDENT.search(text):
        return "Explosions/Remote violence", "Remote explosive/landmine/IED"
    # 5. Territory, sexual violence, abduction.  « se sont retirés de la ville sans combat »
    calm = re.sub(r"\bsans (?:aucun |le moindre )?(?:combats?|combattre|résistance|heurts?|violences?|coup férir|"
                  r"incident|affrontements?|tirer un (?:seul )?coup de feu)\b|"
                  r"\b(?:avions?|hélicoptères?|véhicules?|drones?|unités?|tenues?|chars?|engins?) de combat\b",
                  " ", text, flags=_FLAGS)
    from harmattan.events.acled import _LEAVE_BODY

    if event_type == "RETREAT" and _TRANSFER.search(text) and not _LEAVE_BODY.search(text) \
            and not re.search(r"\b(?:affront\w*|combats?|attaqu\w*|tu[ée]\w*|tirs?|assaut|offensive)\b", calm, _FLAGS):
        return "Strategic developments", "Non-violent transfer of territory"
    if _RETAKE.search(text):
        return "Battles", "Government regains territory"
    if _TAKE.search(text):
        state_source = 1 in source_inters and not set(source_inters) & {2, 3, 4}
        return ("Battles", "Government regains territory") if state_source else \
            ("Battles", "Non-state actor overtakes territory")
    if _SEXUAL.search(text):
        return "Violence against civilians", "Sexual violence"
    if _ABDUCT.search(text) and not re.search(r"\b(?:libéré\w*|relâché\w*|libération)\b", text, _FLAGS):
        return "Violence against civilians", "Abduction/forced disappearance"
    hurt = re.search(r"\b(?:tu[ée]\w*|morts?|blessé\w*|affront\w*|combats?|tirs?|massacr\w*|exécut(?!i[fv]|oire)\w*)\b", text, _FLAGS)
    if _arrested(text) and not hurt:
        return "Strategic developments", "Arrests"
    # 6. Armed clash against attack on civilians: not for an act of another kind, whose
    # sentence names force only as its setting (« la levée des sanctions est une bonne
    # nouvelle … après l'attaque russe contre l'Ukraine », « le Mali quittait le G5 Sahel, créé
    # pour la lutte contre les groupes djihadistes »)
    clash, attack = _CLASH.search(calm), _ATTACK.search(text)
    if (clash or attack) and (event_type is None or event_type not in _NOT_FORCE
                              or _ARMED_VERBS.search(text)):
        victim = _victim_part(text)
        armed_target = bool(set(target_inters) & {1, 2, 3, 4, 8}) or bool(_ARMED_TARGET.search(victim))
        civilian_target = 7 in target_inters or bool(_CIVILIAN.search(victim))
        if clash and not civilian_target:
            return "Battles", "Armed clash"
        if armed_target and not civilian_target:
            return "Battles", "Armed clash"
        if _LOOTING.search(text) and not hurt:
            return "Strategic developments", "Looting/property destruction"
        if civilian_target or armed_named or event_type in {"ASSAULT", "FIGHT"}:
            return "Violence against civilians", "Attack"
    # 7. Strategic developments.
    if _AGREEMENT.search(text):
        return "Strategic developments", "Agreement"
    if _BASE.search(text):
        return "Strategic developments", "Headquarters or base established"
    if _LOOTING.search(text):
        return "Strategic developments", "Looting/property destruction"
    if _arrested(text):
        return "Strategic developments", "Arrests"
    if _COUP.search(text):
        return "Strategic developments", "Other"
    if _CHANGE.search(text):
        return "Strategic developments", "Change to group/activity"
    if _TRANSFER.search(text) and event_type in {"RETREAT", None} and not _LEAVE_BODY.search(text):
        return "Strategic developments", "Non-violent transfer of territory"
    if _OTHER.search(text):
        return "Strategic developments", "Other"
    return None


_VICTIM_MARK = re.compile(r"\b(?:contre|visant|visé|ciblant|ciblé|tuant|tué|tués|tuée|tuées|attaqué|attaquée?s?|"
                          r"enlevé\w*|abattu\w*|massacré\w*|morts? parmi|dont)\b", _FLAGS)


def _victim_part(text: str) -> str:
    """The words that name whom the violence hit: after « contre », « tuant », « visant »…,
    or before a passive « ont été tués »; the whole sentence when no such word is found."""
    passive = re.search(r"^(.{0,80}?)\b(?:ont|a|avaient|avait) été (?:\w+ )?(?:tué|tués|tuées|tuée|attaqué\w*|massacré\w*|exécuté\w*|abattu\w*|blessé\w*)",
                        text, _FLAGS)
    if passive:
        return passive.group(1)
    tolled = re.search(r"(?:\d+|une? dizaines?|des dizaines|plusieurs|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)\s+([\w'-]+(?: [\w'-]+)?)\s+(?:ont été |sont |ont )?(?:tué|tués|tuées|morts?)",
                       text, _FLAGS)
    if tolled:
        return tolled.group(1)
    mark = _VICTIM_MARK.search(text)
    return text[mark.end():mark.end() + 80] if mark else text


# -- fatalities --------------------------------------------------------------------------------

_UNITS = {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9,
          "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16,
          "dix-sept": 17, "dix-huit": 18, "dix-neuf": 19, "vingt": 20, "trente": 30, "quarante": 40,
          "cinquante": 50, "soixante": 60, "soixante-dix": 70, "quatre-vingt": 80, "quatre-vingts": 80,
          "quatre-vingt-dix": 90, "cent": 100, "cents": 100, "mille": 1000}
#: Vague quantities as ACLED turns them into numbers (as for English: "dozens" is 12,
#: "hundreds" 100, "several" 10); « une dizaine » is ten, « une vingtaine » twenty.
_VAGUE = {"une dizaine": 10, "une quinzaine": 15, "une vingtaine": 20, "une trentaine": 30, "une quarantaine": 40,
          "une cinquantaine": 50, "une soixantaine": 60, "une centaine": 100, "des dizaines": 12, "des centaines": 100,
          "plusieurs dizaines": 12, "plusieurs centaines": 100, "plusieurs": 10, "de nombreux": 10, "de nombreuses": 10,
          "quelques": 3, "des": 3, "un millier": 1000, "des milliers": 1000}
_NUMBER = (r"(?P<num>\d{1,3}(?:[  .]\d{3})+|\d+|une? (?:dizaine|quinzaine|vingtaine|trentaine|quarantaine|cinquantaine|soixantaine|centaine|millier)|"
           r"(?:des|plusieurs) (?:dizaines|centaines|milliers)|plusieurs|de nombreu(?:x|ses)|quelques|"
           r"(?:dix|vingt|trente|quarante|cinquante|soixante|quatre-vingts?)(?:[- ](?:et[- ])?(?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize))?|"
           r"(?:deux|trois|quatre|cinq|six|sept|huit|neuf)? ?cents?|"
           r"un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|onze|douze|treize|quatorze|quinze|seize)")
_QUALIFIER = r"(?P<qual>au moins|plus d[e']|près d[e']|environ|quelque|pas moins d[e']|jusqu'à|au total)?\s*"
_DEAD_WORDS = r"(?:tués?|tuées?|morts?|mortes?|décédée?s?|décès|victimes|ont péri|ont perdu la vie|a perdu la vie|massacrée?s?|exécutée?s?|assassinée?s?|abattue?s?|corps|cadavres|sans vie)"
_DEATH_AFTER = re.compile(
    rf"\b{_QUALIFIER}{_NUMBER}\b(?P<noun>(?:\s+(?!ont\b|a\b|et\b|sont\b|été\b|qui\b)[\w'’-]+){{0,4}}?)\s+"
    rf"(?P<aux>(?:(?:ont|a|avaient|avait|sont|auraient|aurait)\s+)?(?:été\s+)?(?:(?:tous|toutes|également|aussi|froidement)\s+)?)"
    rf"(?P<verb>{_DEAD_WORDS})\b", _FLAGS)
_DEATH_BEFORE = re.compile(
    rf"\b(?P<verb>tuant|tué|tue|tuent|fait|faisant|coûté la vie à|coûtant la vie à|bilan (?:\w+ ){{0,4}}?(?:de|à|s'élève à|est de))\s+{_QUALIFIER}{_NUMBER}\b"
    r"(?P<noun>(?:\s+[\w'’-]+){0,3})", _FLAGS)
_NOT_DEATH = re.compile(r"\b(?:blessée?s?|enlevée?s?|kidnappée?s?|arrêtée?s?|disparue?s?|déplacée?s?|otages?|ans|années|jours|heures|minutes|km|kilomètres|pour ?cent|%|millions?|milliards?|francs|dollars|euros)\b", _FLAGS)


def _number_value(text: str) -> int | None:
    word = " ".join(text.lower().replace(" ", " ").split())
    digits = word.replace(" ", "").replace(".", "").replace(" ", "")
    if digits.isdigit():
        return int(digits)
    if word in _VAGUE:
        return _VAGUE[word]
    word = word.replace(" et ", "-").replace(" ", "-")
    if word in _UNITS:
        return _UNITS[word]
    parts = word.split("-")
    total, i = 0, 0
    while i < len(parts):
        two = "-".join(parts[i:i + 2])
        if two in _UNITS:
            total += _UNITS[two]
            i += 2
            continue
        if parts[i] in {"cent", "cents"}:
            total = max(total, 1) * 100
        elif parts[i] in _UNITS:
            total += _UNITS[parts[i]]
        elif parts[i] != "et":
            return None
        i += 1
    return total or None


def find_fatalities_fr(text: str, offset: int = 0) -> dict[str, Any] | None:
    """The deaths a French sentence reports, in the form of ``acled.find_fatalities``."""
    found: list[tuple[int, int, int]] = []  # (value, start, end)
    for pattern in (_DEATH_AFTER, _DEATH_BEFORE):
        for m in pattern.finditer(text):
            noun = m.group("noun") or ""
            if _NOT_DEATH.search(noun):
                continue
            raw = m.group("num")
            verb = m.group("verb").lower()
            if pattern is _DEATH_BEFORE and verb in {"fait", "faisant"} and not re.match(
                    rf"\s*(?:[\w'’-]+\s+){{0,2}}?{_DEAD_WORDS}", text[m.end("num"):], _FLAGS):
                continue  # « a fait deux blessés »
            if pattern is _DEATH_AFTER and raw.lower() in {"des", "un", "une"} and not noun.strip():
                continue
            if raw.lower() == "des" and pattern is _DEATH_AFTER:
                continue  # « des civils tués » : a plural with no number, counted below
            value = _number_value(raw)
            if value is None:
                continue
            if any(s <= m.start("num") < e for _, s, e in found):
                continue
            start = m.start("qual") if m.group("qual") else m.start("num")
            found.append((value, start, m.end("num")))
    if not found:
        m = re.search(rf"\b(?:des|les)\s+(?P<noun>civils|villageois|soldats|militaires|personnes|habitants|fidèles|gendarmes|policiers|"
                      rf"combattants|jihadistes|djihadistes|terroristes|assaillants)\s+(?:ont été\s+)?(?:tués|tuées|massacrés|exécutés|abattus)\b",
                      text, _FLAGS)
        if m is None:
            return None
        found.append((3, m.start(), m.end()))
    found.sort(key=lambda f: f[1])
    values = [f[0] for f in found]
    if len(found) == 1 or len(set(values)) == 1 or re.search(r"\b(?:selon|d'autres sources|tandis que)\b", text, _FLAGS):
        low, high = min(values), max(values)
    else:
        low = high = sum(values)  # « deux soldats et trois civils tués »
    start, end = found[0][1], found[-1][2]
    return {"fatalities": low, "fatalities_low": low, "fatalities_high": high,
            "fatalities_text": text[start:end], "fatalities_start": offset + start,
            "fatalities_end": offset + end}


_TRIGGERS = ((_SUICIDE, _AIR, _IED, _GRENADE, _SHELLING, _BLAST, _ABDUCT, _SEXUAL, _RETAKE, _TAKE, _PROTEST, _RIOTER,
              _CLASH, _ATTACK, _ARREST, _AGREEMENT, _LOOTING, _COUP))


def _blank(match: re.Match[str]) -> str:
    """Spaces as long as the match: words set aside, offsets kept."""
    return " " * len(match.group(0))


def trigger_fr(text: str) -> tuple[int, int] | None:
    """The first word that states the incident (for the evidence's trigger)."""
    text = _NOT_PROTEST.sub(_blank, _STOPPED.sub(_blank, text))
    hits = [m for m in (p.search(text) for p in _TRIGGERS) if m]
    if not hits:
        return None
    first = min(hits, key=lambda m: m.start())
    from harmattan.events.acled import whole_word

    return whole_word(text, first.start(), first.end())
