"""PLOVER contexts (the "why" of an event) from the words of its sentence.

A small, readable keyword table keyed by the context names of the PLOVER manual.  It adds to
the context the CAMEO code implies (e.g. 138 "threaten with military force" → military).
"""

from __future__ import annotations

import re

_CONTEXT_WORDS: dict[str, tuple[str, ...]] = {
    "military": (
        "military", "army", "armies", "armed forces", "troops", "soldier", "defence", "defense",
        "security cooperation", "intervention", "intervene", "air force", "navy", "junta",
        "coup", "weapons", "arms", "battalion", "peacekeep", "ceasefire", "cease-fire",
    ),
    "diplomatic": (
        "diplomat", "embassy", "ambassador", "summit", "foreign minister", "negotiat", "talks",
        "envoy", "mediat", "treaty", "relations",
    ),
    "economic": (
        "economic", "economy", "trade", "tariff", "investment", "loan", "debt", "financ",
        "budget", "currency", "export", "import", "oil", "gold mine", "market",
    ),
    "legal": ("court", "judge", "trial", "law", "legal", "prosecut", "lawsuit", "sued", "tribunal"),
    "terrorism": (
        "terror", "jihad", "islamist", "al-qaeda", "al qaeda", "islamic state", "jnim", "boko haram",
        "suicide bomb", "extremist",
    ),
    "election": ("election", "vote", "ballot", "poll", "campaign", "referendum"),
    "political_institutions": (
        "constitution", "parliament", "transition", "constitutional order", "cabinet",
        "dissolv", "political part",
    ),
    "human_rights": ("human rights", "rights abuse", "torture", "atrocit"),
    "migration": ("refugee", "migrant", "displaced", "asylum"),
    "humanitarian": ("humanitarian", "aid agenc", "relief", "famine", "food aid"),
    "health": ("epidemic", "disease", "vaccine", "covid", "cholera", "ebola", "health"),
    "natural_resource": ("mining", "uranium", "oil field", "gas field", "natural resource"),
    "cbrn": ("nuclear", "chemical weapon", "biological weapon", "radiolog"),
    "cyber": ("cyber", "hack"),
    "territory": ("territory", "border", "annex", "sovereignty"),
    "intelligence": ("intelligence", "spy", "espionage"),
    "repression": ("crackdown", "repress", "dispers"),
    "rights_freedoms": ("press freedom", "journalist", "censor", "curfew", "ban on"),
}

_PATTERNS = {
    context: re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")", re.IGNORECASE)
    for context, words in _CONTEXT_WORDS.items()
}


def contexts_for(sentence: str, implied: list[str] | None = None, limit: int = 3) -> list[str]:
    """Contexts in order: those the CAMEO code implies, then those the words show."""
    found: list[str] = []
    for context in implied or []:
        if context and context not in found:
            found.append(context)
    hits = []
    for context, pattern in _PATTERNS.items():
        matches = pattern.findall(sentence)
        if matches and context not in found:
            hits.append((-len(matches), list(_PATTERNS).index(context), context))
    found.extend(context for _, _, context in sorted(hits))
    return found[:limit]
