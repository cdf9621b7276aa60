"""Schema of ``cues.toml`` (read by stages/provenance.py).

Every list holds the language's words; the table keys are our own taxonomy
(claim stances, factuality values, source kinds). A verb cue is a lemma, or a
lemma with the lemmas of required children after it ("avoir lieu", "claim
responsibility"); a leading reflexive form ("s'attendre") requires a reflexive
clitic among the verb's children.
"""

from pydantic import Field

from wirecoder.lang.schema.common import Data


class SpeechCues(Data):
    """Verbs that introduce what someone says, by the stance they give the content."""

    asserts: list[str] = Field(default_factory=list)
    denies: list[str] = Field(default_factory=list)
    hedges: list[str] = Field(default_factory=list)
    predicts: list[str] = Field(default_factory=list)
    claims_responsibility: list[str] = Field(default_factory=list)


class GovernorCues(Data):
    """Non-speech words that, governing an event, change its factuality."""

    future: list[str] = Field(default_factory=list)  # expect, plan, threaten (verbs)
    hedged: list[str] = Field(default_factory=list)  # seem, suspect (verbs)
    future_nouns: list[str] = Field(default_factory=list)  # threat, plan (nouns governing an event noun)
    modal: list[str] = Field(default_factory=list)  # can, may, must (verbs or auxiliaries)
    verification: list[str] = Field(default_factory=list)  # confirm, verify: negated, they hedge
    occurrence: list[str] = Field(default_factory=list)  # take place: negated, they deny their subject
    # kill, wound, die: a source of such a clause gives the toll, the event named in it stays the outlet's
    casualty: list[str] = Field(default_factory=list)


class WordCues(Data):
    """Single words read off the parse around the event."""

    hedge: list[str] = Field(default_factory=list)  # allegedly, présumé (modifiers)
    unverified: list[str] = Field(default_factory=list)  # unconfirmed (anywhere in the sentence)
    future: list[str] = Field(default_factory=list)  # planned, imminent (modifiers)
    negation: list[str] = Field(default_factory=list)  # not, pas, jamais
    negation_companion: list[str] = Field(default_factory=list)  # "ne": French negation needs it too
    negation_alone: list[str] = Field(default_factory=list)  # pouvoir, savoir: negated by the companion alone
    negative_determiners: list[str] = Field(default_factory=list)  # no, aucun (on an event noun)
    privative: list[str] = Field(default_factory=list)  # without, sans, unable (deny a verification)
    hypothetical: list[str] = Field(default_factory=list)  # if, si (subordinators)
    reflexive: list[str] = Field(default_factory=list)  # se, s'
    frame_breaking: list[str] = Field(default_factory=list)  # after, avant: an event under these is background
    claim_nouns: list[str] = Field(default_factory=list)  # claim, information: "denied the claim" points back


class MorphologyCues(Data):
    """Tense and mood where the tagger's features are not to be trusted alone."""

    future_auxiliaries: list[str] = Field(default_factory=list)  # will, shall
    conditional_auxiliaries: list[str] = Field(default_factory=list)  # would
    perfect_auxiliaries: list[str] = Field(default_factory=list)  # have, avoir, être
    future_endings: list[str] = Field(default_factory=list)
    conditional_endings: list[str] = Field(default_factory=list)
    irregular_stems: list[str] = Field(default_factory=list)  # future/conditional stems not from the infinitive
    infinitive_strip: list[str] = Field(default_factory=list)  # infinitive endings dropped to get the stem


class SourceCues(Data):
    """How sources are introduced and what kind of source a phrase names."""

    markers: list[str] = Field(default_factory=list)  # according to, selon (lower-case, space-separated)
    anonymous: list[str] = Field(default_factory=list)  # source, official, witness (head lemmas)
    official: list[str] = Field(default_factory=list)  # ministry, spokesman (head lemmas)
    agency: list[str] = Field(default_factory=list)  # agency, agence (head lemmas)
    # other nouns that can head a speaker (rebels, group, militia); with the lists above and proper
    # names they keep misparsed subjects ("the border", "the situation") from being taken for speakers
    groups: list[str] = Field(default_factory=list)
    indefinite: list[str] = Field(default_factory=list)  # a, un, some (determiners)
    anonymity: list[str] = Field(default_factory=list)  # anonymity, anonymat (lemmas, anywhere in the sentence)
    same: list[str] = Field(default_factory=list)  # même, same: "the same source" is the last one named
    # statement, bilan: a document speaks for whoever it is of ("selon un bilan des autorités")
    documents: list[str] = Field(default_factory=list)
    credit: list[str] = Field(default_factory=list)  # photo, credit (lower-case words that open a credit)


class PunctuationCues(Data):
    quotes: list[list[str]] = Field(default_factory=list)  # [opening, closing] pairs
    question: list[str] = Field(default_factory=list)


class CuesData(Data):
    speech: SpeechCues = Field(default_factory=SpeechCues)
    governors: GovernorCues = Field(default_factory=GovernorCues)
    words: WordCues = Field(default_factory=WordCues)
    morphology: MorphologyCues = Field(default_factory=MorphologyCues)
    sources: SourceCues = Field(default_factory=SourceCues)
    punctuation: PunctuationCues = Field(default_factory=PunctuationCues)
