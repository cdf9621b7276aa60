"""techniques: persuasion-technique spans (SemEval-2023 taxonomy) and the article's genre.

cues -> quotations -> genre -> fire (strong cues alone, weak cues with support)
-> slogans -> implied techniques -> summary. Cue lists are language data
(``lang/<code>/techniques.toml``); this module holds only the mechanism.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from wirecoder.lang import LangPack
from wirecoder.model import TECHNIQUES, GenreCall, Parsed, Span, TechniqueSpan, TechniqueSummary
from wirecoder.stages import _techniques_genre as genre
from wirecoder.stages._techniques_match import LABELING, SLOGAN_FRAME, Hit, Tokens, hits, matcher, tokens

SHORT_QUOTE = 6  # words: a quotation this short is a label or a scare quote, not a statement
SLOGAN_WORDS = 12
SLOGAN_REACH = 80  # characters between a slogan frame and its quotation
MOST_LOADED = 3
CONFIDENCE = {"strong": 0.7, "weak": 0.45}
SUPPORT_BONUS = 0.15
CLUSTER_GAP = 1  # tokens between two weak cues that support each other
IMPLIED_FACTOR = 0.8
# Weak cues that a labelling verb ("called them ...") supports, and those that an opinion piece supports.
LABELS = ("Name_Calling-Labeling", "Loaded_Language")
OPINION_SUPPORTED = (*LABELS, "Exaggeration-Minimisation")

Quotes = Sequence[tuple[int, int]]


def run(doc: Parsed, pack: LangPack) -> tuple[list[TechniqueSpan], TechniqueSummary, GenreCall]:
    """Technique spans, their summary and the genre call."""
    toks = tokens(doc.doc, pack.code)
    found = _cues(toks, pack)
    quotes = _quotations(doc.article.text, pack)
    source = " ".join(filter(None, (doc.article.outlet, doc.article.url)))
    call = genre.call(genre.evidence(doc.article.text, toks, found, quotes, source, pack.techniques.genre.satire))
    spans = _fire(doc.article.text, pack, toks, found, quotes, call.label)
    spans += _slogans(doc.article.text, pack, toks, found, quotes)
    spans = _implied(spans, pack)
    return spans, _summary(doc.article.text, toks, spans), call


def _cues(toks: Tokens, pack: LangPack) -> list[Hit]:
    """Cue occurrences, minus those inside a neutral collocation or inside a longer cue."""
    found = hits(toks, matcher(pack.code))
    vetoes = [h for h in found if h.cue.tier == "exclude"]
    kept = [h for h in found if h.cue.tier != "exclude" and not any(
        v.cue.technique == h.cue.technique and v.start < h.end and h.start < v.end for v in vetoes)]
    kept = [h for h in kept if not _in_name(toks, h)]
    return [h for h in kept if not any(
        o is not h and o.cue.technique == h.cue.technique and o.start <= h.start and h.end <= o.end
        and o.end - o.start > h.end - h.start for o in kept)]


def _in_name(toks: Tokens, hit: Hit) -> bool:
    """A cue that is one word of a longer proper name ("Martyrs' Square") is a name, not a cue."""
    if any(toks.pos[i] != "PROPN" for i in range(hit.start, hit.end)):
        return False
    sent = toks.sent[hit.start]
    around = [i for i in (hit.start - 1, hit.end, hit.end + 1) if sent[0] <= i < sent[1]]
    return any(toks.pos[i] == "PROPN" for i in around)


def _quotations(text: str, pack: LangPack) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks (marks and padding spaces excluded), line by line."""
    out = []
    offset = 0
    for line in text.split("\n"):
        for open_, close in pack.techniques.quotes:
            at = line.find(open_)
            while at >= 0:
                end = line.find(close, at + len(open_))
                if end < 0:
                    break
                inner = line[at + len(open_):end]
                lead = len(inner) - len(inner.lstrip())
                out.append((offset + at + len(open_) + lead, offset + at + len(open_) + len(inner.rstrip())))
                at = line.find(open_, end + len(close))
        offset += len(line) + 1
    return out


def _quote_of(start: int, end: int, quotes: Quotes) -> tuple[int, int] | None:
    return next(((s, e) for s, e in quotes if s <= start and end <= e), None)


def _chars(toks: Tokens, hit: Hit) -> tuple[int, int]:
    return toks.start[hit.start], toks.end[hit.end - 1]


def _supports(text: str, toks: Tokens, hit: Hit, found: Sequence[Hit], quotes: Quotes, label: str) -> list[str]:
    """Why a weak cue may fire here: reason codes, empty when nothing supports it."""
    sent = toks.sent[hit.start]
    same = [o for o in found if sent[0] <= o.start < sent[1] and o is not hit]
    quote = _quote_of(*_chars(toks, hit), quotes)
    reasons = []
    if quote and len(text[quote[0]:quote[1]].split()) <= SHORT_QUOTE:
        reasons.append("short-quote")
    if hit.cue.technique in LABELS and any(o.cue.technique == LABELING for o in same):
        reasons.append("labelled")
    # another technique's strong cue in the same voice (both quoted by the same speaker, or both not)
    if any(o.cue.tier == "strong" and o.cue.technique in TECHNIQUES
           and _quote_of(*_chars(toks, o), quotes) == quote for o in same):
        reasons.append("co-cue")
    # two evaluative cues side by side intensify each other ("l'éternel occupant", "pure propaganda")
    if hit.cue.technique in OPINION_SUPPORTED and any(
           o.cue.technique in OPINION_SUPPORTED and (o.start >= hit.end or o.end <= hit.start)
           and o.start <= hit.end + CLUSTER_GAP and hit.start <= o.end + CLUSTER_GAP for o in same):
        reasons.append("cluster")
    if label != "reporting" and hit.cue.technique in OPINION_SUPPORTED:
        reasons.append(label)
    return reasons


def _why(pack: LangPack, technique: str, cue: str) -> str:
    return pack.techniques.why.get(technique, "{cue}").format(cue=cue)


def _fire(text: str, pack: LangPack, toks: Tokens, found: Sequence[Hit], quotes: Quotes,
          label: str) -> list[TechniqueSpan]:
    """Strong cues fire alone, weak cues only with support; each span says why."""
    out = []
    for hit in found:
        if hit.cue.technique not in TECHNIQUES:
            continue
        strong = hit.cue.tier == "strong"
        reasons = ["strong"] if strong else _supports(text, toks, hit, found, quotes, label)
        if not reasons:
            continue
        start, end = _chars(toks, hit)
        conf = CONFIDENCE[hit.cue.tier] + SUPPORT_BONUS * (len(reasons) - strong)
        out.append(TechniqueSpan(technique=hit.cue.technique, start=start, end=end, text=text[start:end],
                                 confidence=round(min(conf, 0.9), 2), reason="+".join(reasons),
                                 why=_why(pack, hit.cue.technique, text[start:end])))
    return out


def _slogans(text: str, pack: LangPack, toks: Tokens, found: Sequence[Hit], quotes: Quotes) -> list[TechniqueSpan]:
    """A short quotation introduced by a slogan frame (chanted, written on a banner) is a slogan."""
    frames = [h for h in found if h.cue.technique == SLOGAN_FRAME]
    out = []
    for start, end in quotes:
        if not 0 < len(text[start:end].split()) <= SLOGAN_WORDS:
            continue
        first = max(bisect.bisect_right(toks.start, start) - 1, 0)
        sent = toks.sent[first]
        if any(sent[0] <= f.start < sent[1] and abs(_chars(toks, f)[1] - start) < SLOGAN_REACH for f in frames):
            out.append(TechniqueSpan(technique="Slogans", start=start, end=end, text=text[start:end],
                                     confidence=0.7, why=_why(pack, "Slogans", text[start:end]),
                                     reason="slogan-frame"))
    return out


def _implied(spans: list[TechniqueSpan], pack: LangPack) -> list[TechniqueSpan]:
    """Techniques that a cue signals as well (a derogatory label is also loaded wording)."""
    extra: list[TechniqueSpan] = []
    for span in spans:
        for other in pack.techniques.implies.get(span.technique, []):
            if not any(o.technique == other and o.start < span.end and span.start < o.end for o in spans + extra):
                extra.append(span.model_copy(update={
                    "technique": other, "confidence": round(span.confidence * IMPLIED_FACTOR, 2),
                    "why": _why(pack, other, span.text), "reason": f"implied-by-{span.technique}"}))
    return sorted(spans + extra, key=lambda s: (s.start, s.end, s.technique))


def _summary(text: str, toks: Tokens, spans: Sequence[TechniqueSpan]) -> TechniqueSummary:
    """Counts per technique, the share of sentences carrying one, the most loaded sentences."""
    counts: dict[str, int] = {}
    for span in spans:
        counts[span.technique] = counts.get(span.technique, 0) + 1
    sentences = []
    for a, b in dict.fromkeys(toks.sent):
        start, end = toks.start[a], toks.end[b - 1]
        if any(ch.isalpha() for ch in text[start:end]):
            sentences.append((start, end))
    weights = [(sum(s.confidence for s in spans if s.start < end and start < s.end), start, end)
               for start, end in sentences]
    carrying = [w for w in weights if w[0] > 0]
    top = sorted(carrying, key=lambda w: (-w[0], w[1]))[:MOST_LOADED]
    share = round(len(carrying) / len(sentences), 3) if sentences else 0.0
    return TechniqueSummary(counts=dict(sorted(counts.items())), sentence_share=share,
                            most_loaded=[Span(start=s, end=e, text=text[s:e]) for _, s, e in top])
