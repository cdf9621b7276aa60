"""time, no publication date: the day an article was written, inferred from its own dates.

Evidence, strongest first: the dateline date, the byline date, then the latest dated
event pushed forward by the bare past weekdays ("mardi") that follow it. A day written
without its year takes it from a full date of the same day, from weekday-and-date
agreement ("vendredi 13 mars" is a Friday in 2020, 2015, 2009...: the first such year
not before the latest year the text mentions), or from the lead's weekday.
"""

from __future__ import annotations

from datetime import date

from wirecoder.stages._timex_grammar import Found
from wirecoder.stages._timex_resolve import weekday_on_or_after, year_for

AGREEMENT_YEARS = 40  # how far past the latest mentioned year a weekday-date agreement may look
LEAD_CHARS = 400  # the lead sentence after a dateline, where its weekday is read


def _int(f: Found, key: str) -> int | None:
    v = f.match.values.get(key)
    return v if isinstance(v, int) else None


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _latest_year(found: list[Found]) -> int | None:
    years = [v for f in found if not f.future for k, v in f.match.values.items()
             if k.startswith("year") and isinstance(v, int)]
    return max(years, default=None)


def _agreeing(month: int, day: int, weekday: int, floor: int | None) -> date | None:
    """The first year not before ``floor`` in which ``day month`` falls on ``weekday``."""
    if floor is None:
        return None
    for year in range(floor, floor + AGREEMENT_YEARS):
        d = _safe(year, month, day)
        if d is not None and d.weekday() == weekday:
            return d
    return None


def _month_day(f: Found) -> tuple[int, int] | None:
    month, day = _int(f, "month") or _int(f, "mnum"), _int(f, "day2") or _int(f, "day")
    if f.match.rule.rule == "date_range":
        month = _int(f, "month2") or month
    return (month, day) if month is not None and day is not None else None


def _full(f: Found, floor: int | None) -> tuple[date, str] | None:
    """A dated expression's (last) day when the text alone fixes it: its year, or weekday agreement."""
    md = _month_day(f)
    if md is None:
        return None
    year, weekday = _int(f, "year"), _int(f, "weekday")
    if year is not None:
        d = _safe(year, *md)
        return (d, "explicit year") if d else None
    if weekday is not None and f.match.rule.rule == "date":
        d = _agreeing(md[0], md[1], weekday, floor)
        return (d, "weekday-date agreement") if d else None
    return None


def _dated(found: list[Found], floor: int | None) -> list[tuple[date, Found, str]]:
    """Every past dated expression with its day; days without a year placed near the fully dated ones."""
    past = [f for f in found if not f.future and f.match.rule.rule in ("date", "date_range")]
    full = [(d, f, how) for f in past if (r := _full(f, floor)) for d, how in [r]]
    if not full:
        return []
    reference = max(d for d, _, _ in full)
    out = list(full)
    for f in past:
        md = _month_day(f)
        if md is not None and all(f is not g for _, g, _ in full):
            d = _safe(year_for(md[0], md[1], reference, False), *md)
            if d is not None:
                out.append((d, f, f"year of {reference.isoformat()}"))
    return out


def _dateline_year(line: Found, found: list[Found], floor: int | None) -> tuple[int, str] | None:
    md = _month_day(line)
    if md is None:
        return None
    for d, f, how in _dated(found, floor):
        if f is not line and (d.month, d.day) == md and how != "weekday-date agreement":
            return d.year, f"same day written in full ('{f.match.text}')"
    dated = [(d, f) for d, f, how in _dated(found, floor) if how == "weekday-date agreement"]
    if dated:
        d, f = max(dated, key=lambda x: x[0])
        return year_for(md[0], md[1], d, True), f"weekday-date agreement ('{f.match.text}')"
    lead = [f for f in found if f.match.rule.rule == "weekday" and f.match.rule.offset == 0
            and line.match.end < f.match.start < line.match.end + LEAD_CHARS]
    weekday = _int(lead[0], "weekday") if lead else None
    agreed = _agreeing(md[0], md[1], weekday, floor) if weekday is not None else None
    if agreed is not None:
        return agreed.year, f"dateline day agrees with the lead's weekday ('{lead[0].match.text}')"
    full = [(d, f) for d, f, how in _dated(found, floor) if how == "explicit year" and f is not line]
    if full:
        d, f = max(full, key=lambda x: x[0])
        return year_for(md[0], md[1], d, True), f"the first such day after the latest full date ('{f.match.text}')"
    return None


def _from_line(found: list[Found], floor: int | None) -> tuple[date | None, str] | None:
    for role in ("dateline", "byline"):
        line = next((f for f in found if f.role == role), None)
        if line is None:
            continue
        md, year = _month_day(line), _int(line, "year")
        if md is None:
            continue
        how = "its own year"
        if year is None:
            got = _dateline_year(line, found, floor)
            if got is None:
                return None, f"{role} '{line.match.text}' has no year and nothing in the text gives one"
            year, how = got
        d = _safe(year, *md)
        if d is not None:
            return d, f"{role} '{line.match.text}' ({how})"
    return None


def infer(found: list[Found]) -> tuple[date | None, str]:
    """(the inferred publication day or None, the evidence in a few words)."""
    floor = _latest_year(found)
    from_line = _from_line(found, floor)
    if from_line is not None:
        return from_line
    dated = _dated(found, floor)
    if not dated:
        return None, "no date with a year, dateline or byline in the text"
    latest, f, how = max(dated, key=lambda x: x[0])
    day, evidence = latest, f"latest dated event '{f.match.text}' ({how})"
    bare = [(weekday_on_or_after(latest, w), g) for g in found
            if g.match.rule.rule == "weekday" and g.match.rule.offset == 0 and not g.future
            and (w := _int(g, "weekday")) is not None]
    if bare:
        later, g = max(bare, key=lambda x: x[0])
        if later > day:
            day, evidence = later, f"{evidence}, then bare weekday '{g.match.text}' after it"
    return day, evidence
