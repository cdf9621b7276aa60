"""All wirecoder types: what flows between the stages and what the output is.

The output models (``Analysis`` and what it holds) are the JSON schema printed by
``wirecoder schema``. Every model is frozen; stages return new ones.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

# ACLED's taxonomy, exact strings: event type -> sub-event types.
ACLED: dict[str, tuple[str, ...]] = {
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
SUB_EVENT_TYPE: dict[str, str] = {sub: et for et, subs in ACLED.items() for sub in subs}

TECHNIQUES: tuple[str, ...] = (
    "Name_Calling-Labeling", "Guilt_by_Association", "Doubt", "Appeal_to_Hypocrisy",
    "Questioning_the_Reputation", "Flag_Waving", "Appeal_to_Authority", "Appeal_to_Popularity",
    "Appeal_to_Values", "Appeal_to_Fear-Prejudice", "Straw_Man", "Red_Herring", "Whataboutism",
    "Causal_Oversimplification", "False_Dilemma-No_Choice", "Consequential_Oversimplification", "Slogans",
    "Conversation_Killer", "Appeal_to_Time", "Loaded_Language", "Obfuscation-Vagueness-Confusion",
    "Exaggeration-Minimisation", "Repetition",
)

Factuality = Literal["asserted", "reported", "hedged", "future", "denied"]
GeoPrecision = Literal["point", "admin2", "admin1", "country"]
# ACLED geo_precision: 1 the place itself, 2 near it / a part of a region, 3 a region or larger.
GEO_PRECISION_CODE: dict[str, int] = {"point": 1, "admin2": 2, "admin1": 3, "country": 3}
ActorKind = Literal[
    "state_forces", "rebel_militia", "identity_militia", "political", "civilians",
    "external_forces", "protesters", "rioters", "unidentified", "other",
]
SourceKind = Literal["outlet", "named", "anonymous", "agency", "official"]
Genre = Literal["reporting", "opinion", "satire"]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# --------------------------------------------------------------------------- input


class Article(Frozen):
    """One document as read, before any analysis."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    language: str | None = None
    published: date | None = None
    path: str | None = None
    # where each metadata field came from, e.g. {"published": "html-meta", "title": "first-line"}
    origins: dict[str, str] = Field(default_factory=dict)


class Config(Frozen):
    """Every knob of the analyser, passed whole (no hidden settings)."""

    model_size: Literal["md", "sm"] = "md"
    languages: tuple[str, ...] = ("fr", "en")
    fuzzy_threshold: float = 0.88
    batch_size: int = 16
    max_chars: int = 1_000_000  # longer documents are refused (spaCy's own limit), not cut


class Anchor(Frozen):
    """The day relative dates are counted from, and how we know it."""

    day: date | None
    inferred: bool = False
    evidence: str | None = None


# --------------------------------------------------------------------------- spans


class Span(Frozen):
    """Characters ``start:end`` of ``Article.text``; ``text`` is that slice."""

    start: int
    end: int
    text: str


class Timex(Frozen):
    """A temporal expression and the interval it denotes (None when it cannot be resolved)."""

    span: Span
    start: date | None
    end: date | None
    precision: int = 1  # ACLED time_precision: 1 day, 2 range/week, 3 month
    kind: str = "absolute"  # absolute | deictic | weekday | range | duration | month | season | year
    future: bool = False  # points after the anchor ("demain", "next week")
    reason: str = ""


class Candidate(Frozen):
    """One gazetteer entry a name may refer to."""

    gazetteer_id: str
    name: str
    country: str | None
    admin1: str | None = None
    admin2: str | None = None
    lat: float
    lon: float
    kind: str = "city"  # city | admin1 | admin2 | country | facility | region | sea | district
    population: int = 0
    matched: str = ""  # the gazetteer name that matched
    score: float = 1.0  # name-match quality, 1.0 exact


class Location(Frozen):
    """Where an event happened, as ACLED and a GIS want it."""

    name: str
    text: str | None = None
    start: int | None = None
    end: int | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: GeoPrecision = "point"
    geo_precision: int = 1
    gazetteer_id: str | None = None
    kind: str | None = None
    reason: str = ""


class Place(Frozen):
    """A toponym mention in the text and what it resolved to."""

    span: Span
    location: Location | None
    reason: str
    candidates: int = 0


class Actor(Frozen):
    name: str
    text: str | None = None
    start: int | None = None
    end: int | None = None
    country: str | None = None
    kind: ActorKind = "other"


class ActorMention(Frozen):
    span: Span
    actor: Actor


class EventDate(Frozen):
    start: date | None = None
    end: date | None = None
    precision: int | None = None
    text: str | None = None
    reason: str = ""


class Evidence(Frozen):
    text: str
    start: int
    end: int


class Attribution(Frozen):
    """Who asserts something: the outlet, a named person, an anonymous source..."""

    name: str | None
    role: str | None = None
    kind: SourceKind = "outlet"
    text: str | None = None
    start: int | None = None
    end: int | None = None


class Event(Frozen):
    id: str
    event_type: str
    sub_event_type: str
    date: EventDate = Field(default_factory=EventDate)
    location: Location | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    fatalities: int | None = None
    factuality: Factuality = "asserted"
    attributed_to: Attribution | None = None
    evidence: Evidence
    trigger: Span
    trigger_id: str = ""  # the lexicon entry that fired, e.g. "fr.pilonner"
    reasons: dict[str, str] = Field(default_factory=dict)  # field -> reason code
    mentions: int = 1  # how many in-article mentions were merged into this record


class Claim(Frozen):
    """An attributed statement: who said what, with which verb."""

    speaker: str | None
    speaker_role: str | None = None
    kind: SourceKind = "named"
    verb: str | None = None
    text: str
    start: int
    end: int
    stance: str = "asserts"  # asserts | denies | hedges | predicts | claims_responsibility


class TechniqueSpan(Frozen):
    technique: str
    start: int
    end: int
    text: str
    confidence: float = 0.5
    why: str = ""
    reason: str = ""  # what let the cue fire: strong, short-quote, labelled, co-cue, cluster, opinion...


class TechniqueSummary(Frozen):
    counts: dict[str, int] = Field(default_factory=dict)
    sentence_share: float = 0.0
    most_loaded: list[Span] = Field(default_factory=list)


class GenreCall(Frozen):
    label: Genre = "reporting"
    evidence: dict[str, float] = Field(default_factory=dict)


class OutletProfile(Frozen):
    name: str
    ownership: str | None = None  # state-affiliated | public broadcaster | private | agency
    country: str | None = None


class Warning_(Frozen):
    code: str
    message: str


class Analysis(Frozen):
    """Everything wirecoder says about one article."""

    id: str
    title: str | None = None
    language: str | None = None
    published: date | None = None
    published_inferred: bool = False
    published_evidence: str | None = None
    outlet: str | None = None
    outlet_profile: OutletProfile | None = None
    url: str | None = None
    text: str
    events: list[Event] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    techniques: list[TechniqueSpan] = Field(default_factory=list)
    technique_summary: TechniqueSummary = Field(default_factory=TechniqueSummary)
    genre: Genre = "reporting"
    genre_evidence: dict[str, float] = Field(default_factory=dict)
    warnings: list[Warning_] = Field(default_factory=list)


class GazetteerImport(Frozen):
    """What ``wirecoder gazetteer import FILE`` added to the local gazetteer."""

    source: str
    db: str
    entries: int = 0  # places added or updated
    names: int = 0  # alternate names added
    skipped: int = 0  # lines that were not places or not understood


class Failure(Frozen):
    """A document that could not be analysed, and why (never silently dropped)."""

    source: str
    error: str


class IngestReport(Frozen):
    """What one ``Store.ingest`` call did: articles added, already present, failed."""

    added: int = 0
    skipped: int = 0  # same content hash already in the store
    failed: int = 0  # Failures recorded


class ClusterSource(Frozen):
    """One article's report of a clustered event: who published it and who it cites."""

    outlet: str | None
    article_id: str  # the Analysis id
    event_id: str
    factuality: Factuality
    attributed_to: Attribution | None = None
    evidence: Evidence


class Cluster(Frozen):
    """One real-world event in the store, reported by one or more articles."""

    id: int
    event_type: str
    sub_event_type: str
    date: EventDate
    location: Location | None = None
    actor1: Actor | None = None  # the first source's that names one
    actor2: Actor | None = None
    fatalities: int | None = None  # the highest toll a source gives
    outlets: int = 1  # distinct outlets (an article with no outlet counts as its own)
    sources: list[ClusterSource] = Field(default_factory=list)


# --------------------------------------------------------------------------- evaluation


class Gold(Frozen):
    """One annotated article."""

    doc: str
    text: str
    language: str | None = None
    published: date | None = None
    outlet: str | None = None
    events: list[dict[str, Any]]
    path: str


class Score(Frozen):
    """Event matching figures over a set of gold articles."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    factuality_ok: int = 0
    sub_event_ok: int = 0
    missed: dict[str, list[str]] = Field(default_factory=dict)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


class Parsed(BaseModel):
    """An article with its one spaCy parse; every stage after `parse` reads this."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    article: Article
    language: str
    doc: Any  # spacy.tokens.Doc
