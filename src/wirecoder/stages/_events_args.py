"""events, arguments: who acted, who was targeted, and the toll, through the dependency parse.

Steps, in order: the trigger's own dependents (subject, passive agent, object,
passive subject, target and genitive prepositions, possessor, a demonym on a
noun trigger); then the verb that hosts a noun trigger ("mener une frappe",
"launch an attack", "killed in a raid") or lends a subject to a verb that has
none (conjoined, infinitive and participle clauses, relative clauses); then the
clause's mentions by their side of the verb; then a claim of responsibility in
the same or the next sentence; last, actor2 is dropped when it names actor1.
A filler that is no mention is read as a country or capital (the state), an
anaphor ("le groupe", "they": the armed actor named just before) or, for the
one who acted, a proper-name run (its surface text).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from wirecoder import lang
from wirecoder.lang import LangPack
from wirecoder.model import Actor, ActorMention, Parsed, Span
from wirecoder.stages.actors import actor_name

SUBJECT = frozenset({"nsubj"})
PASSIVE_SUBJECT = frozenset({"nsubj:pass", "nsubjpass"})
OBJECT = frozenset({"obj", "dobj"})
POSSESSOR = frozenset({"poss", "nmod:poss"})
MODIFIER = frozenset({"amod", "compound", "nmod"})
RELATIVE = frozenset({"relcl", "acl:relcl"})
SHARES_SUBJECT = frozenset({"conj", "xcomp", "advcl"})
HOSTED = frozenset({"obj", "dobj", "nsubj", "nsubj:pass", "nsubjpass", "obl", "obl:arg", "obl:mod", "pobj"})
PASSIVE_AUX = frozenset({"aux:pass", "auxpass"})
CLAUSES = frozenset({"relcl", "acl:relcl", "acl", "advcl", "ccomp", "conj", "parataxis"})
ARMED = frozenset({"state_forces", "rebel_militia", "identity_militia", "external_forces", "unidentified"})
NON_STATE = frozenset({"rebel_militia", "identity_militia"})
VICTIMS = frozenset({"civilians", "protesters"})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME"})


@dataclass(frozen=True)
class _Cues:
    """The words and tables the attachment reads, as sets (built once per language)."""

    agent: frozenset[str]
    target: frozenset[str]
    genitive: frozenset[str]
    anaphors: frozenset[str]
    claims: frozenset[str]
    claim_stems: frozenset[str]
    pair_preps: frozenset[str]
    pair_verbs: frozenset[str]
    accuse: frozenset[str]
    negative: frozenset[str]
    countries: dict[str, str]
    demonyms: dict[str, str]
    heads: dict[str, str]
    named: frozenset[str]
    harm: frozenset[str]


def _low(words: list[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


def _act_words(pack: LangPack) -> frozenset[str]:
    """The words of the lexicon's one-word triggers (verbs of attack: "frapper", "struck")."""
    out: set[str] = set()
    for trig in pack.triggers:
        if len(trig.pattern) == 1:
            for key in ("LEMMA", "LOWER"):
                value = trig.pattern[0].get(key)
                words = value.get("IN", []) if isinstance(value, dict) else [value] if isinstance(value, str) else []
                out.update(w.lower() for w in words)
    return frozenset(out)


@functools.cache
def _cues(code: str) -> _Cues:
    pack = lang.load(code)
    words, acts = pack.events.words, pack.actors
    return _Cues(agent=_low(words.get("agent_preps", [])), target=_low(words.get("target_preps", [])),
                 genitive=_low(acts.genitive_preps), anaphors=_low(acts.anaphors), claims=_low(acts.claim_verbs),
                 claim_stems=frozenset(w.lower()[:max(4, len(w) - 3)] for w in acts.claim_verbs),
                 pair_preps=_low(acts.pair_preps), pair_verbs=_low(acts.pair_verbs),
                 accuse=_low(acts.accuse_verbs), negative=_low(acts.negative_determiners),
                 countries={k.lower(): v for k, v in acts.countries.items()},
                 demonyms={k.lower(): v for k, v in acts.demonyms.items()},
                 heads={w.lower(): kind for kind, ws in acts.heads.items() for w in ws},
                 named=frozenset(e.name for e in acts.entries),
                 harm=_low(words.get("fatality_verbs", []) + words.get("injury_verbs", [])) | _act_words(pack))


@dataclass
class _Roles:
    actor1: Actor | None = None
    actor2: Actor | None = None


def arguments(doc: Parsed, trigger: Span, actors: list[ActorMention], pack: LangPack) -> tuple[Actor | None, Actor | None]:
    """(actor1, actor2): who acted and who was targeted, through the dependency parse."""
    cues = _cues(pack.code)
    head = doc.doc.char_span(trigger.start, trigger.end, alignment_mode="expand").root
    roles = _Roles()
    if head.pos_ in ("NOUN", "PROPN"):  # "des manifestants", "protesters": the trigger names who acted
        roles.actor1 = _mention_in(head, actors, cues, exact=True)
    _own(head, roles, actors, cues, pack)
    _hosted(head, roles, actors, cues, pack)
    _by_side(head, trigger, roles, actors)
    _claimed(head, roles, actors, cues, pack, doc.article.text)
    if roles.actor1 is not None and roles.actor2 is not None and roles.actor1.name == roles.actor2.name:
        roles.actor2 = None
    return roles.actor1, roles.actor2


def _own(head: Any, roles: _Roles, actors: list[ActorMention], cues: _Cues, pack: LangPack, patient_only: bool = False,
         skip: int = -1) -> None:
    """Fill the roles from a word's own dependents (the trigger's, or its host verb's)."""
    for child in head.children:
        if child.i == skip:
            continue
        dep, prep, filler = _edge(child)
        if dep in PASSIVE_SUBJECT and not _has(head, PASSIVE_AUX):
            dep = "nsubj"  # a passive subject with no passive auxiliary is a misparse of an active one
        if dep in PASSIVE_SUBJECT or dep in OBJECT or prep in cues.target:
            if roles.actor2 is None:
                roles.actor2 = _resolve(filler, actors, cues, pack, agentive=False)
            continue
        if patient_only:
            continue
        if prep in cues.pair_preps:  # "clashes between the army and the rebels"
            other = next((c for c in filler.children if c.dep_ == "conj"), None)
            roles.actor1 = roles.actor1 or _resolve(filler, actors, cues, pack, agentive=True)
            if other is not None and roles.actor2 is None:
                roles.actor2 = _resolve(other, actors, cues, pack, agentive=False)
        elif dep == "acl" and child.pos_ == "VERB" and head.pos_ in ("NOUN", "PROPN"):
            _own(child, roles, actors, cues, pack)  # "l'attaque menée par X contre Y", "the raid carried out by X"
        elif dep in SUBJECT or dep in ("agent", "obl:agent") or prep in cues.agent or dep in POSSESSOR:
            if roles.actor1 is None:
                roles.actor1 = _relative_antecedent(head, filler, actors, cues, pack) or \
                    _resolve(filler, actors, cues, pack, agentive=True)
        elif prep in cues.genitive and head.pos_ in ("NOUN", "PROPN"):
            # "l'attaque du poste par des hommes armés": with an agent named, the genitive is the target
            agent = _agent_of(filler, cues)
            if agent is not None and roles.actor1 is None:
                roles.actor1 = _resolve(agent, actors, cues, pack, agentive=True)
            found = _mention_in(filler, actors, cues, exact=True) or _mention_in(filler, actors, cues, skip=agent)
            if found is not None and (found.kind in VICTIMS or agent is not None or _agent_of(head, cues) is not None):
                roles.actor2 = roles.actor2 or found
            elif found is not None or _country(filler, cues):
                roles.actor1 = roles.actor1 or found or _resolve(filler, actors, cues, pack, agentive=True)
                # "les frappes de l'armée contre le Hamas": the target often hangs on the author
                _own(filler, roles, actors, cues, pack, patient_only=True)
        elif dep in MODIFIER and head.pos_ in ("NOUN", "PROPN") and roles.actor1 is None:
            iso = cues.demonyms.get(child.lower_) or cues.demonyms.get(child.lemma_.lower())
            if iso:  # "une frappe russe", "Israeli airstrikes", "US strikes"
                roles.actor1 = _state(iso, child, pack)


def _agent_of(tok: Any, cues: _Cues) -> Any:
    """The word an agent preposition hangs on a noun ("par des hommes armés"), or None."""
    for child in tok.children:
        dep, prep, filler = _edge(child)
        if dep in ("agent", "obl:agent") or prep in cues.agent:
            return filler
    return None


def _edge(child: Any) -> tuple[str, str, Any]:
    """(dependency, preposition or "", the word that fills the role) of a dependent."""
    dep = child.dep_
    if dep in ("prep", "agent"):
        pobj = next((c for c in child.children if c.dep_ == "pobj"), child)
        return dep, child.lower_, pobj
    case = next((c.lower_ for c in child.children if c.dep_ == "case"), "")
    return dep, case, child


def _hosted(head: Any, roles: _Roles, actors: list[ActorMention], cues: _Cues, pack: LangPack) -> None:
    """Fill what is missing from the verb that hosts the trigger or lends it its subject."""
    for _ in range(3):
        if roles.actor1 is not None and roles.actor2 is not None:
            return
        dep, up = head.dep_, head.head
        if up.i == head.i:
            return
        if head.pos_ in ("NOUN", "PROPN"):
            if dep == "pobj" and up.dep_ == "prep":  # "killed in a raid": the preposition's verb
                dep, up = "obl", up.head
            if dep not in HOSTED or up.pos_ not in ("VERB", "AUX"):
                return
            if up.lemma_.lower() in cues.pair_verbs:  # "les combats ont opposé l'armée aux rebelles"
                _paired(up, head, roles, actors, cues, pack)
            if up.lemma_.lower() in cues.accuse and dep.startswith("obl") and roles.actor1 is None:
                # "the group was blamed for the attacks", "accusé de l'attaque": the one accused did it
                accused = next((c for c in up.children if c.dep_ in OBJECT | PASSIVE_SUBJECT), None)
                if accused is not None:
                    roles.actor1 = _resolve(accused, actors, cues, pack, agentive=True)
            if dep in SUBJECT | PASSIVE_SUBJECT:
                # the trigger is the host's subject: its victims only, when the host harms ("l'attaque a tué cinq civils")
                if up.lemma_.lower() in cues.harm or up.lower_ in cues.harm:
                    _own(up, roles, actors, cues, pack, patient_only=True, skip=head.i)
            else:
                _own(up, roles, actors, cues, pack, skip=head.i)
        elif dep in RELATIVE or (dep == "acl" and head.pos_ == "VERB"):
            if roles.actor2 is None and dep == "acl" and not _has(head, SUBJECT):
                roles.actor2 = _mention_in(up, actors, cues, exact=True)  # "des civils tués par", "civilians killed by"
            return
        elif (dep in SHARES_SUBJECT or dep == "pcomp") and not _has(head, SUBJECT | PASSIVE_SUBJECT):
            if up.pos_ == "ADP":  # "accused the rebels of shelling": the verb above the preposition
                up = up.head
            if roles.actor1 is None:
                # the one accused did it; otherwise the governing verb's subject did
                deps = OBJECT | PASSIVE_SUBJECT if up.lemma_.lower() in cues.accuse else SUBJECT
                subject = next((c for c in up.children if c.dep_ in deps), None)
                if subject is not None:
                    roles.actor1 = _resolve(subject, actors, cues, pack, agentive=True)
        else:
            return
        head = up


def _paired(verb: Any, trigger: Any, roles: _Roles, actors: list[ActorMention], cues: _Cues, pack: LangPack) -> None:
    """The two sides a pairing verb sets against each other: its object acts, the other side is targeted."""
    obj = next((c for c in verb.children if c.dep_ in OBJECT), None)
    if obj is None:
        return
    roles.actor1 = roles.actor1 or _resolve(obj, actors, cues, pack, agentive=True)
    lo, hi = obj.idx + len(obj.text), verb.right_edge.idx + len(verb.right_edge.text)
    skip_lo, skip_hi = trigger.left_edge.idx, trigger.right_edge.idx + len(trigger.right_edge.text)
    for m in actors:
        if lo <= m.span.start and m.span.end <= hi and not skip_lo <= m.span.start < skip_hi:
            if roles.actor1 is None or m.actor.name != roles.actor1.name:
                roles.actor2 = roles.actor2 or m.actor
                return


def _has(tok: Any, deps: frozenset[str]) -> bool:
    return any(c.dep_ in deps for c in tok.children)


def _relative_antecedent(head: Any, filler: Any, actors: list[ActorMention], cues: _Cues, pack: LangPack) -> Actor | None:
    """The noun a relative clause hangs on, when its subject is the relative pronoun ("the militants who attacked")."""
    if head.dep_ not in RELATIVE or filler.pos_ != "PRON":
        return None
    if "Rel" not in filler.morph.get("PronType") and filler.tag_ not in ("WP", "WDT"):
        return None
    return _resolve(head.head, actors, cues, pack, agentive=True)


def _by_side(head: Any, trigger: Span, roles: _Roles, actors: list[ActorMention]) -> None:
    """Parses often hang a role on a nearby date or place: the clause's mentions, before the verb acting, after it targeted."""
    if head.pos_ != "VERB" or (roles.actor1 is not None and roles.actor2 is not None):
        return
    lo, hi = head.left_edge.idx, head.right_edge.idx + len(head.right_edge.text)
    clause = [m.actor for m in actors if lo <= m.span.start and m.span.end <= hi and m.actor.kind != "political"]
    taken = {a.name for a in (roles.actor1, roles.actor2) if a is not None}
    before = [a for a in clause if a.end is not None and a.end <= trigger.start and a.name not in taken]
    after = [a for a in clause if a.start is not None and a.start >= trigger.end and a.name not in taken]
    if roles.actor1 is None and before and before[-1].kind not in VICTIMS:
        roles.actor1 = before[-1]
    if roles.actor2 is None:
        roles.actor2 = next((a for a in after if roles.actor1 is None or a.name != roles.actor1.name), None)


def _claimed(head: Any, roles: _Roles, actors: list[ActorMention], cues: _Cues, pack: LangPack, article: str) -> None:
    """A group that claims the attack in this sentence or the next is its author, unless a named one acted."""
    nameless = roles.actor1 is not None and _generic(roles.actor1, cues) and roles.actor1.kind != "state_forces"
    if not cues.claims or (roles.actor1 is not None and not nameless):
        return
    sent = head.sent
    doc = head.doc
    end = doc[sent.end].sent.end if sent.end < len(doc) else sent.end
    # the stems of the claim verbs must be in the text before any token is looked at (most sentences claim nothing)
    text = article[sent.start_char:doc[end - 1].idx + len(doc[end - 1].text)].lower()
    if not any(stem in text for stem in cues.claim_stems):
        return
    for tok in doc[sent.start:end]:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in cues.claims:
            continue
        if not any("Neg" in c.morph.get("Polarity") for c in tok.children):
            subject = next((c for c in tok.children if c.dep_ in SUBJECT), None)
            found = _resolve(subject, actors, cues, pack, agentive=True) if subject is not None else None
            if found is not None and found.kind in ARMED and found.kind != "state_forces":
                roles.actor1 = found
                return


# --------------------------------------------------------------------------- what fills a role


def _resolve(tok: Any, actors: list[ActorMention], cues: _Cues, pack: LangPack, agentive: bool) -> Actor | None:
    """The actor a word names: a mention in its phrase, a state, an anaphor's antecedent, or a proper name."""
    if any(c.dep_ == "det" and c.lower_ in cues.negative for c in tok.children):
        return None  # "aucun groupe", "no side"
    found = _mention_in(tok, actors, cues)
    if found is not None:
        if _generic(found, cues) and found.kind in NON_STATE and (_definite(tok) or found.start != tok.idx):
            # "the militants", "les rebelles": the armed group named just before
            return _antecedent(tok, actors, cues, named_only=True, kinds=NON_STATE) or found
        return found
    iso = _country(tok, cues)
    if iso:
        return _state(iso, tok, pack)
    if not agentive:
        return None
    if tok.lower_ in cues.anaphors or tok.lemma_.lower() in cues.anaphors:
        if tok.pos_ == "PRON" and tok.head.dep_ == "ccomp":  # "the army said it had struck": the one who said
            speaker = next((c for c in tok.head.head.children if c.dep_ in SUBJECT and c.pos_ != "PRON"), None)
            if speaker is not None:
                return _resolve(speaker, actors, cues, pack, agentive=True)
        return _antecedent(tok, actors, cues, named_only=False)
    if tok.pos_ == "NOUN":
        return _owner(tok, actors, cues, pack)
    if tok.pos_ == "PROPN" and tok.ent_type_ not in PLACE_ENTS:
        return _proper(tok, cues)
    return None


def _owner(tok: Any, actors: list[ActorMention], cues: _Cues, pack: LangPack) -> Actor | None:
    """Who wields a thing named as the one that acted: its demonym ("un drone turc", "a Russian missile"),
    its possessor ("its aircraft", "ses hommes"), or the agent of a participle on it ("des roquettes tirées par X")."""
    for child in tok.children:
        iso = cues.demonyms.get(child.lower_) if child.dep_ in MODIFIER else None
        if iso:
            return _state(iso, child, pack)
        if child.dep_ in POSSESSOR or (child.dep_ == "det" and "Yes" in child.morph.get("Poss")):
            if child.pos_ in ("PRON", "DET"):
                return _antecedent(child, actors, cues, named_only=False)
            return _resolve(child, actors, cues, pack, agentive=True)
        if child.dep_ == "acl":
            agent = next((_edge(c)[2] for c in child.children
                          if c.dep_ in ("agent", "obl:agent") or _edge(c)[1] in cues.agent), None)
            if agent is not None:
                return _resolve(agent, actors, cues, pack, agentive=True)
    return None


def _mention_in(tok: Any, actors: list[ActorMention], cues: _Cues, exact: bool = False, skip: Any = None) -> Actor | None:
    """The mention a phrase names: the one on its head word; a named one in the phrase over a generic head."""
    # the phrase without the clauses that hang on it ("l'attentat qui a tué douze fidèles")
    kept = [c for c in tok.children if c.dep_ not in CLAUSES]
    left, right = min([tok.i, *(c.left_edge.i for c in kept)]), max([tok.i, *(c.right_edge.i for c in kept)])
    lo, hi = tok.doc[left].idx, tok.doc[right].idx + len(tok.doc[right].text)
    inside = [m.actor for m in actors if lo <= m.span.start and m.span.end <= hi]
    if skip is not None:  # leave out a phrase read apart (the agent of a genitive noun)
        s_lo, s_hi = skip.left_edge.idx, skip.right_edge.idx + len(skip.right_edge.text)
        inside = [a for a in inside if a.start is None or not s_lo <= a.start < s_hi]
    on_head = next((m.actor for m in actors if m.span.start <= tok.idx < m.span.end), None)
    if exact or (on_head is not None and not _generic(on_head, cues)):
        return on_head
    named = next((a for a in inside if a.name in cues.named), None)
    return named or on_head or (inside[0] if inside else None)


def _generic(actor: Actor, cues: _Cues) -> bool:
    """A nameless armed actor ("militants", "gunmen") that a name nearby may stand for."""
    unnamed = actor.name not in cues.named or actor.kind == "unidentified"
    return unnamed and actor.country is None and actor.kind in ARMED


def _definite(tok: Any) -> bool:
    return any("Def" in c.morph.get("Definite") for c in tok.children if c.dep_ == "det")


def _antecedent(tok: Any, actors: list[ActorMention], cues: _Cues, named_only: bool,
                kinds: frozenset[str] = ARMED) -> Actor | None:
    """The last armed actor named before the word, in its sentence or the two before it."""
    doc = tok.doc
    sent = tok.sent
    start = sent.start
    for _ in range(2):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    lo, hi = doc[start].idx, tok.idx
    window = [m for m in actors if lo <= m.span.start and m.span.end <= hi and m.actor.kind in kinds]
    here = [m.actor for m in window if m.span.start >= sent.start_char]
    if here and not named_only:
        return here[-1]  # "la police a dit qu'elle avait...": the sentence's own actor first
    named = [m.actor for m in window if m.actor.name in cues.named]
    if named:
        return named[-1]
    if named_only or not window:
        return None
    # a pronoun most often continues the subject of what came before
    subjects = [m.actor for m in window if doc.char_span(m.span.start, m.span.end, alignment_mode="expand").root.dep_
                in SUBJECT | PASSIVE_SUBJECT]
    return subjects[-1] if subjects else window[-1].actor


def _country(tok: Any, cues: _Cues) -> str | None:
    """The country a phrase names by its name or its capital ("les États-Unis", "Moscou")."""
    words = [t for t in tok.subtree if t.dep_ not in ("det", "case", "punct") or t.i == tok.i]
    if len(words) > 5:
        words = [tok]
    text = " ".join(t.lower_ for t in words)
    return cues.countries.get(text) or cues.countries.get(tok.lower_)


def _state(iso: str, tok: Any, pack: LangPack) -> Actor:
    return Actor(name=actor_name("state_forces", iso, pack), text=tok.text, start=tok.idx, end=tok.idx + len(tok.text),
                 country=iso, kind="state_forces")


def _proper(tok: Any, cues: _Cues) -> Actor:
    """An unknown proper-name actor: its name run as written, its kind from a head noun in it."""
    run = sorted([tok, *(c for c in tok.children if c.dep_ in ("compound", "flat", "flat:name") and c.pos_ == "PROPN")],
                 key=lambda t: t.i)
    first, last = run[0], run[-1]
    text = tok.doc[first.i:last.i + 1].text
    kind = next((cues.heads[t.lower_] for t in reversed(run) if t.lower_ in cues.heads), "other")
    country = next((cues.demonyms[c.lower_] for c in tok.children if c.lower_ in cues.demonyms), None)
    return Actor(name=text, text=text, start=first.idx, end=last.idx + len(last.text), country=country,
                 kind=kind)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- toll


TOLL_REACH = 5  # words after a number where the word for the dead may stand


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
        if value is None or (i >= 2 and toks[i - 1].text == "-" and _number(toks[i - 2], numbers) is not None):
            continue  # the units of a compound numeral were counted with its tens
        # a compound numeral split by the tokenizer: "twenty-five" is twenty, "-", five
        units = _number(toks[i + 2], numbers) if i + 2 < len(toks) and toks[i + 1].text == "-" else None
        last = i
        if units is not None and value % 10 == 0 and 10 < value < 100 and 0 < units < 10:
            value, last = value + units, i + 2
        # "twelve soldiers were killed", "douze civils ont été tués": the dead word may sit a few words on
        window = toks[max(0, i - 3): last + TOLL_REACH + 1]
        if any(t.lemma_.lower() in dead or t.lower_ in dead for t in window if t is not tok):
            return value
    return None


def _number(tok: Any, numbers: dict[str, int]) -> int | None:
    text = tok.text.replace(",", "").replace("\u202f", "").replace("\xa0", "")
    if text.isdigit() and len(text) < 7:
        return int(text)
    return numbers.get(tok.lower_)
