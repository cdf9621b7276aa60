"""events, arguments: who acted, who was targeted, and the toll, through the dependency parse."""

from __future__ import annotations

from typing import Any

from wirecoder.lang import LangPack
from wirecoder.model import Actor, ActorMention, Parsed, Span


def arguments(doc: Parsed, trigger: Span, actors: list[ActorMention], pack: LangPack) -> tuple[Actor | None, Actor | None]:
    """(actor1, actor2): who acted and who was targeted, through the dependency parse."""
    sdoc = doc.doc
    span = sdoc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    head = span.root
    roles = pack.events.words
    agent_preps = {w.lower() for w in roles.get("agent_preps", [])}
    target_preps = {w.lower() for w in roles.get("target_preps", [])}
    actor1 = actor2 = None
    # the clause that carries the act: the trigger itself, or the verb a noun trigger depends on
    verbs = [head] if head.pos_ in ("VERB", "AUX") else [head.head] if head.dep_ in ("obj", "dobj", "nsubj", "nsubj:pass", "nsubjpass") else []
    for tok in [head, *verbs]:
        for child in tok.children:
            dep = child.dep_
            prep = {c.lower_ for c in child.children if c.dep_ == "case"} | ({child.lower_} if dep == "prep" else set())
            pobj = next((c for c in child.children if c.dep_ == "pobj"), child) if dep == "prep" else child
            if actor1 is None and (dep in ("nsubj", "agent", "obl:agent", "poss", "nmod:poss")
                                   or prep & agent_preps):
                if dep == "agent":
                    pobj = next((c for c in child.children if c.dep_ == "pobj"), child)
                actor1 = _actor_in(pobj, actors) or actor1
            elif actor2 is None and (dep in ("obj", "dobj", "nsubj:pass", "nsubjpass") or prep & target_preps):
                actor2 = _actor_in(pobj, actors) or actor2
    if head.pos_ == "VERB" and (actor1 is None or actor2 is None):
        # parses often hang an object on a nearby date or place: fall back on the clause's subtree,
        # actors before the verb acting, after it targeted
        clause = _actors_in(head, actors)
        before = [a for a in clause if a.end is not None and a.end <= trigger.start]
        after = [a for a in clause if a.start is not None and a.start >= trigger.end]
        actor1 = actor1 or (before[-1] if before else None)
        actor2 = actor2 or next((a for a in after if a is not actor1), None)
    if actor1 is not None and actor2 is not None and actor1.name == actor2.name and actor1.start == actor2.start:
        actor2 = None
    return actor1, actor2


def _actors_in(tok: Any, actors: list[ActorMention]) -> list[Actor]:
    """Actor mentions inside a token's subtree, in text order."""
    lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
    return [m.actor for m in actors if lo <= m.span.start and m.span.end <= hi]


def _actor_in(tok: Any, actors: list[ActorMention]) -> Actor | None:
    """The first actor mention inside a token's subtree."""
    lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
    for mention in actors:
        if lo <= mention.span.start and mention.span.end <= hi:
            return mention.actor
    return None


def fatalities(sent: Any, pack: LangPack) -> int | None:
    """Deaths stated in the sentence: a number next to a word for killed or dead."""
    words = pack.events.words
    dead = {w.lower() for w in words.get("fatality_nouns", []) + words.get("fatality_verbs", [])}
    numbers = pack.events.numbers
    if not dead:
        return None
    toks = list(sent)
    for i, tok in enumerate(toks):
        value = _number(tok, numbers)
        if value is None:
            continue
        window = toks[max(0, i - 3): i + 4]
        if any(t.lemma_.lower() in dead or t.lower_ in dead for t in window if t is not tok):
            return value
    return None


def _number(tok: Any, numbers: dict[str, int]) -> int | None:
    text = tok.text.replace(",", "").replace("\u202f", "").replace("\xa0", "")
    if text.isdigit() and len(text) < 7:
        return int(text)
    return numbers.get(tok.lower_)
