"""Schema of ``dates.toml`` (read by stages/timex.py).

Word tables fill the slots of the language's patterns: ``{weekday}``, ``{month}``,
``{day}``, ``{year}``, ``{num}``, ``{unit}``, ``{part}``, ``{season}``, ``{mnum}``, ``{holiday}``
(a slot name may end in ``2`` for the second of a pair). Each pattern names a
``rule``, one of our keys, which says how a match becomes an interval.
"""

from pydantic import Field

from wirecoder.lang.schema.common import Data

# The rules a pattern may name (how a match is resolved; see stages/_timex_resolve.py).
RULES = (
    "date", "date_range", "weekday", "weekday_range", "deictic", "ago", "last_n", "period",
    "weekend", "month", "year", "season", "relative", "coming", "holiday",
)


class DatePattern(Data):
    """One expression shape: a regex template over the slots, and how it resolves."""

    rule: str
    pattern: str
    offset: int = 0  # days for deictic/relative, calendar steps for period/weekday/weekend
    length: int = 1  # days covered by a deictic or weekday expression (a night is two)
    unit: str = ""  # for period: day | week | month | year
    early: bool = False  # "earlier this week": the part of the period before the anchor
    future: bool = False  # the expression always points forward ("next week")
    perfect: bool = False  # a span up to the anchor only in a present-perfect clause ("has raged for two weeks")


class DatesData(Data):
    months: dict[str, list[str]] = Field(default_factory=dict)  # "january" -> ["janvier", "janv."]
    weekdays: dict[str, list[str]] = Field(default_factory=dict)  # "monday" -> ["lundi"]
    numbers: dict[str, int] = Field(default_factory=dict)  # "trois" -> 3
    units: dict[str, list[str]] = Field(default_factory=dict)  # "day" -> ["jour", "jours"]
    parts: dict[str, list[str]] = Field(default_factory=dict)  # "early" | "mid" | "late" -> words
    seasons: dict[str, list[str]] = Field(default_factory=dict)  # "spring" -> ["printemps"]
    # fixed-date holidays: "MM-DD" -> names ("12-31" -> ["la Saint-Sylvestre"])
    holidays: dict[str, list[str]] = Field(default_factory=dict)
    day_suffixes: list[str] = Field(default_factory=list)  # "er" in "1er", "th" in "5th"
    # text just before an expression that turns it into a span up to the anchor ("since")
    # or from the anchor to it ("until"), or marks it as the article's own date ("published")
    prefixes: dict[str, list[str]] = Field(default_factory=dict)
    # lemmas that put the verb they govern in the future ("will", "devoir")
    future_cues: list[str] = Field(default_factory=list)
    # endings that, put after the infinitive (its final "e" dropped), make the simple conditional
    # ("partir" -> "partirait"): a past report's future ("il a dit que le convoi partirait lundi")
    conditional_endings: list[str] = Field(default_factory=list)
    # auxiliaries of the perfect, which undo a future cue ("a dû", "had expected")
    perfect_aux: list[str] = Field(default_factory=list)
    # forms of the present-perfect auxiliary ("has", "have"): a "for N days" clause runs up to now
    present_perfect: list[str] = Field(default_factory=list)
    # words naming a part of the day ("matin", "late at night"): they widen a weekday's span
    dayparts: list[str] = Field(default_factory=list)
    patterns: list[DatePattern] = Field(default_factory=list)
