"""provenance, private: the article's source frames and who speaks in each.

A frame is a stretch of text that someone other than the outlet is the source
of: the complement of a speech verb ("X a déclaré que ..."), a sentence under a
source marker ("selon X", "according to X"), a quotation (which may run over
several sentences and paragraphs), or a photo caption with an agency credit.
Frames are found once per article, in text order, so that a pronoun speaker
("il a ajouté", "selon lui") takes the last speaker named before it.
"""

from __future__ import annotations

import re
from typing import Any

from wirecoder.lang.schema.cues import CuesData
from wirecoder.model import Attribution
from wirecoder.stages._provenance_grammar import (
    CLAUSE_POS,
    SUBJECT_DEPS,
    Sentences,
    Token,
    heads,
    lemma,
    matches,
)
from wirecoder.stages._provenance_speakers import Frame, antecedent, attribution, can_speak, personal, phrase

CONTENT_DEPS = ("ccomp", "xcomp", "obj", "dobj", "obl:arg", "dep", "parataxis", "attr")
INCISE_DEPS = frozenset({"parataxis", "advcl", "conj", "dep", "ccomp"})
RELATIVE_DEPS = frozenset({"acl:relcl", "relcl"})
QUOTE_MIN_WORDS = 4
QUOTE_PHRASE_WORDS = 8
DASHES = ("-", "–", "—")  # typography, not words


def frames(doc: Any, cues: CuesData, agencies: dict[str, str], sents: Sentences) -> list[Frame]:
    """Every source frame of a parsed article, in text order."""
    found: list[Frame] = []
    sp = cues.speech
    verbs = heads([*sp.asserts, *sp.denies, *sp.hedges, *sp.predicts, *sp.claims_responsibility],
                  tuple(cues.words.reflexive))
    markers: dict[str, list[list[str]]] = {}
    for m in cues.sources.markers:
        markers.setdefault(m.split()[0], []).append(m.split())
    words = sents.lower
    for tok in doc:
        frame = None
        if words[tok.i] in verbs or sents.lemma[tok.i] in verbs:
            frame = _speech_frame(tok, cues, agencies, found, sents)
        if frame is None and words[tok.i] in markers:
            frame = _marker_frame(tok, markers[words[tok.i]], words, cues, agencies, found, sents)
        if frame is not None:
            found.append(frame)
    text = doc.text  # spaCy rebuilds it on each access
    found.extend(_quote_frames(doc, text, cues, agencies, found, sents))
    found.extend(_caption_frames(text, cues, agencies))
    return sorted(found, key=lambda f: (f.start, f.end))


def _stance(tok: Token, cues: CuesData) -> tuple[str, str] | None:
    refl = tuple(cues.words.reflexive)
    speech = cues.speech
    for stance, verbs in (("claims_responsibility", speech.claims_responsibility), ("denies", speech.denies),
                          ("hedges", speech.hedges), ("predicts", speech.predicts), ("asserts", speech.asserts)):
        cue = matches(tok, verbs, refl)
        if cue is not None:
            return stance, cue
    return None


def _speech_frame(tok: Token, cues: CuesData, agencies: dict[str, str], prior: list[Frame],
                  sents: Sentences) -> Frame | None:
    if tok.pos_ not in CLAUSE_POS:
        return None
    stance = _stance(tok, cues)
    if stance is None or {"1"} & set(tok.morph.get("Person")) or "Imp" in tok.morph.get("Mood"):
        return None  # "rappelons-le", "let us recall": the author speaking
    closing = _closing_relative(tok, sents)
    speaker = closing if closing is not None else _speaker_of(tok)
    if speaker is None or (speaker.pos_ == "PRON" and not personal(speaker)) or not can_speak(speaker, cues):
        return None
    content = None if closing is not None else _content_of(tok, speaker)
    pointing_back = content is None or (lemma(content) in cues.words.claim_nouns and not any(
        c.dep_ in ("acl", "acl:relcl", "relcl") for c in content.children))  # "the claims that ..." points ahead
    if stance[0] == "denies" and pointing_back:
        denial = _denial_frame(tok, speaker, cues, agencies, prior, sents)
        if denial is not None:
            return denial
    incise = content is None
    if content is None:
        sent = sents.of(tok.i)
        before = _said_before(tok)
        if before is not None:  # "« ... », a raconté X": the words come first, parsed as a clause of the verb
            content, lo, hi = before, before.left_edge.i, before.right_edge.i + 1
        elif closing is not None:
            content, lo, hi = sent.root, sent.start, closing.left_edge.i
        elif tok.dep_ in INCISE_DEPS and tok.head.i < tok.i:
            content = tok.head
            lo, hi = sent.start, tok.left_edge.i
        elif tok.dep_ == "ROOT" and speaker.i > tok.i and sent.start > 0:
            prev = sents.of(sent.start - 1)  # "..., a indiqué X" split off as a sentence of its own
            content, lo, hi = prev.root, prev.start, prev.end
        else:
            return None
    else:
        lo, hi = content.left_edge.i, content.right_edge.i + 1
    span = _trim(tok.doc, lo, hi)
    if span is None:
        return None
    source = attribution(speaker, cues, agencies, prior, sents)
    return Frame(kind="speech", source=source, verb=tok.text, stance=stance[0], start=span[0], end=span[1],
                 cue=tok.i, head=content.i, incise=incise, reason="incise" if incise else "speech-verb")


def _closing_relative(verb: Token, sents: Sentences) -> Token | None:
    """The speaker of "..., the group that runs the hospital said." when the parser made the speech
    verb a second relative clause of that noun ("that runs ... said"): the noun, else None."""
    noun = verb.head
    if verb.dep_ not in RELATIVE_DEPS or not _only_aside(verb.doc[verb.i + 1:sents.of(verb.i).end]):
        return None
    return noun if any(c.dep_ in RELATIVE_DEPS and noun.i < c.i < verb.i for c in noun.children) else None


def _denial_frame(tok: Token, speaker: Token, cues: CuesData, agencies: dict[str, str], prior: list[Frame],
                  sents: Sentences) -> Frame | None:
    """A denial of something said just before ("X a démenti", "ce que Y a contesté", "denied the claim"):
    its content is the previous sentence and the words of this one before the denial's clause."""
    sent = sents.of(tok.i)
    prev = sents.of(sent.start - 1) if sent.start > 0 else sent
    hi = min(tok.left_edge.i, speaker.left_edge.i)
    span = _trim(tok.doc, prev.start, hi)
    if span is None:
        return None
    source = attribution(speaker, cues, agencies, prior, sents)
    return Frame(kind="denial", source=source, verb=tok.text, stance="denies", start=span[0], end=span[1],
                 cue=tok.i, reason="denial-of-previous")


def _speaker_of(verb: Token) -> Token | None:
    """The one who speaks: subject, passive agent, inverted subject, or the subject of the verb it hangs on."""
    kids = list(verb.children)
    passive = any(c.dep_ in ("aux:pass", "auxpass") for c in kids)  # a passive subject without one is a misparse
    if passive:
        for c in kids:
            if c.dep_ == "obl:agent":
                return c
            if c.dep_ == "agent":
                return next((g for g in c.children if g.dep_ == "pobj"), None)
        return None
    subjects = sorted((c for c in kids if c.dep_ in SUBJECT_DEPS and c.dep_ != "csubj"),
                      key=lambda c: abs(c.i - verb.i))
    if subjects:
        return verb.head if _relative(subjects[0]) and verb.dep_ in RELATIVE_DEPS else _past_dateline(subjects[0])
    # an inverted subject in an incise ("..., a déclaré un responsable") is often parsed as an object
    clause = any(c.dep_ in CONTENT_DEPS and c.pos_ in CLAUSE_POS for c in kids)
    if (not clause and verb.dep_ in INCISE_DEPS) or _said_before(verb) is not None:
        after = [t for t in verb.subtree if t.i > verb.i and t.pos_ in ("NOUN", "PROPN")
                 and t.dep_ not in ("flat", "flat:name", "compound", "amod")
                 and not any(c.dep_ in ("case", "prep") for c in t.children) and t.head.pos_ != "ADP"]
        if after:
            return after[0]
    if verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
        return min((c for c in verb.head.children if c.dep_ in SUBJECT_DEPS),
                   key=lambda c: abs(c.i - verb.i), default=None)
    return None


def _past_dateline(subject: Token) -> Token:
    """The subject after a dateline's dash ("BANGKOK, May 20 (Wire) - The army said"): the parser often
    makes the dateline's city the subject and the real one its conjunct."""
    doc = subject.doc
    dash = next((t.i for t in doc[subject.i + 1:subject.right_edge.i + 1] if t.text in DASHES), None)
    if dash is None:
        return subject
    return next((c for c in subject.children if c.i > dash and c.dep_ in ("conj", "appos")
                 and c.pos_ in ("NOUN", "PROPN", "PRON")), subject)


def _said_before(verb: Token) -> Token | None:
    """A clause hanging on the speech verb and standing before it, with no subject of the verb before it."""
    if any(c.dep_ in SUBJECT_DEPS and c.i < verb.i for c in verb.children):
        return None
    return next((c for c in verb.children if c.i < verb.i and c.pos_ in CLAUSE_POS
                 and c.dep_ in ("advcl", "parataxis", "dep", "ccomp")), None)


def _relative(tok: Token) -> bool:
    return "Rel" in tok.morph.get("PronType") or tok.tag_ in ("WDT", "WP")


def _content_of(verb: Token, speaker: Token) -> Token | None:
    """The head of what is said: a complement clause first, else a nominal object (the thing announced)."""
    kids = [c for c in verb.children if c.i != speaker.i]
    for deps in (("ccomp",), ("xcomp",), ("parataxis",) if verb.dep_ == "ROOT" else (), ("obj", "dobj", "obl:arg")):
        for c in kids:
            if c.dep_ in deps and (c.dep_ == "ccomp" or c.pos_ not in ("PRON", "PROPN")):
                return c
    # "accused X of shelling", "warned of attacks": the content hangs on a preposition
    return next((g for c in kids if c.dep_ == "prep" for g in c.children if g.dep_ == "pcomp"), None)


def _trim(doc: Any, lo: int, hi: int) -> tuple[int, int] | None:
    """Character span of tokens lo:hi without edge punctuation, quote marks and complementisers."""
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space or doc[lo].dep_ == "mark"):
        lo += 1
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
        hi -= 1
    if lo >= hi:
        return None
    return doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)


def _marker_frame(tok: Token, candidates: list[list[str]], words: list[str], cues: CuesData,
                  agencies: dict[str, str], prior: list[Frame], sents: Sentences) -> Frame | None:
    """A "selon X" / "according to X" frame starting at ``tok`` (``words``: the article's lower-cased tokens)."""
    doc = tok.doc
    sent = sents.of(tok.i)
    for marker in candidates:
        end = tok.i + len(marker)
        if end > sent.end or words[tok.i:end] != marker:
            continue
        speaker = _marker_speaker(doc[end - 1])
        if speaker is None or not (sent.start <= speaker.i < sent.end):
            continue
        lo, hi = phrase(speaker)
        prev = next((t for t in reversed(doc[sent.start:tok.i]) if not t.is_space), None)
        opens = prev is None or prev.text in (".", ";", ":", "!", "?")
        first, last = sent.start, sent.end
        verb = speaker.head
        # set off by a comma at the sentence's end, "..., selon X." sources the whole sentence
        closes = prev is not None and prev.text == "," and _only_aside(doc[hi:sent.end])
        if not opens and not closes and verb.pos_ in CLAUSE_POS and verb.i != speaker.i:
            # inside a sentence, "selon X" sources the clause it hangs on, not every clause around it
            first, last = max(first, verb.left_edge.i), min(last, verb.right_edge.i + 1)
        before = _trim(doc, first, tok.i)
        after = _trim(doc, hi, last)
        sides = [after] if opens and after is not None else [before, after]
        side = max((s for s in sides if s is not None), key=lambda s: s[1] - s[0], default=None)
        if side is None:
            return None
        source = attribution(speaker, cues, agencies, prior, sents)
        return Frame(kind="marker", source=source, verb=" ".join(t.text for t in doc[tok.i:end]),
                     stance="asserts", start=side[0], end=side[1], cue=tok.i, head=-1, reason="source-marker")
    return None


def _only_aside(rest: Any) -> bool:
    """Nothing but punctuation and a bracketed aside ("(ANI, officielle)") follows."""
    depth = 0
    for t in rest:
        depth += t.text in "([" and t.is_punct
        if depth == 0 and not (t.is_punct or t.is_space):
            return False
        depth -= t.text in ")]" and depth > 0
    return True


def _marker_speaker(last: Token) -> Token | None:
    obj = next((c for c in last.children if c.dep_ in ("pobj", "obj", "dobj", "nmod")), None)
    if obj is not None:
        return obj
    cur = last
    while cur.dep_ in ("fixed", "flat", "mwe") and cur.head.i != cur.i:
        cur = cur.head
    if cur.dep_ == "case" and cur.head.i != cur.i:
        return cur.head
    nxt = next((c for c in cur.children if c.pos_ in ("NOUN", "PROPN", "PRON")), None)
    return nxt


def _quote_spans(text: str, cues: CuesData) -> list[tuple[int, int]]:
    """Character spans of quotation contents; an opening mark inside an open quote continues it."""
    spans: list[tuple[int, int]] = []
    for opening, closing in cues.punctuation.quotes:
        i, n = 0, len(text)
        while i < n:
            start = text.find(opening, i)
            if start < 0:
                break
            if opening == closing and start + 1 < n and text[start + 1].isspace():
                i = start + 1  # a straight mark followed by a space closes, it does not open
                continue
            end = text.find(closing, start + 1)
            if end < 0:
                break
            spans.append((start + 1, end))
            i = end + 1
    return spans


def _quote_frames(doc: Any, text: str, cues: CuesData, agencies: dict[str, str], speech: list[Frame],
                  sents: Sentences) -> list[Frame]:
    out: list[Frame] = []
    for start, end in _quote_spans(text, cues):
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
            end -= 1
        while start < end and text[start].isspace():
            start += 1
        words = len(text[start:end].split())
        first = doc.char_span(start, end, alignment_mode="expand")
        if words < QUOTE_MIN_WORDS or first is None or len(first) == 0:
            continue
        if words < QUOTE_PHRASE_WORDS and not any("Fin" in t.morph.get("VerbForm") for t in first):
            continue  # a quoted phrase without a verb is a label or scare quotes, not speech
        open_sent, close_sent = sents.of(first[0].i), sents.of(first[-1].i)
        near = [f for f in speech if f.kind == "speech" and not (start <= doc[f.cue].idx < end)
                and (open_sent.start <= f.cue < open_sent.end or close_sent.start <= f.cue < close_sent.end)]
        if near:
            best = min(near, key=lambda f: min(abs(doc[f.cue].idx - start), abs(doc[f.cue].idx - end)))
            out.append(Frame(kind="quote", source=best.source, verb=best.verb, stance=best.stance,
                             start=start, end=end, reason="quote"))
            continue
        intro = _introducer(doc, text, start, open_sent)
        if intro is not None:
            source = attribution(intro, cues, agencies, speech, sents)
            out.append(Frame(kind="quote", source=source, verb=None, stance="asserts",
                             start=start, end=end, reason="quote-introduced"))
            continue
        source_before = antecedent(first[0], speech, cues, agencies, sents)
        if source_before is not None:
            out.append(Frame(kind="quote", source=source_before, verb=None, stance="asserts",
                             start=start, end=end, reason="quote-continued"))
    return out


def _introducer(doc: Any, text: str, start: int, sent: Any) -> Token | None:
    """The subject of the clause that introduces a quote after a colon ("X a réagi : « ... »")."""
    if ":" not in text[max(0, start - 4):start]:
        return None
    verbs = [t for t in sent if t.idx < start and t.pos_ in CLAUSE_POS]
    for verb in reversed(verbs):
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.idx < start), None)
        if subject is not None:
            return subject
    return None


def _caption_frames(text: str, cues: CuesData, agencies: dict[str, str]) -> list[Frame]:
    """Short lines that end with an agency credit ("... /AFP", "(Reuters)", "Photo: AP")."""
    if not agencies:
        return []
    names = "|".join(re.escape(k) for k in sorted(agencies, key=len, reverse=True))
    credit = re.compile(rf"(?:[/©(]|\b(?:{'|'.join(map(re.escape, cues.sources.credit))})\b\s*:?)\s*"
                        rf"({names})\s*\)?\s*$", re.IGNORECASE) if cues.sources.credit else None
    slash = re.compile(rf"(?:[/©(])\s*({names})\s*\)?\s*$|(?<![\w/])({names})\s*/\s*[\w .'-]{{2,40}}$",
                       re.IGNORECASE)
    out: list[Frame] = []
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if not line.strip() or len(line.split()) > 40:
            continue
        m = (credit.search(line) if credit else None) or slash.search(line)
        if m is None:
            continue
        body = line[: m.start()].rstrip(" -–—,:;")
        lead = len(body) - len(body.lstrip())
        if len(body.split()) < 2:
            continue
        g = next(k for k in range(1, (m.re.groups or 1) + 1) if m.group(k))
        name = agencies[m.group(g).casefold()]
        source = Attribution(name=name, role=None, kind="agency", text=m.group(g),
                             start=start + m.start(g), end=start + m.end(g))
        out.append(Frame(kind="caption", source=source, verb=None, stance="asserts",
                         start=start + lead, end=start + len(body), reason="caption-credit"))
    return out
