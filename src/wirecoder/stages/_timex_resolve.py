"""time, step 3: one matched expression -> an interval, counted from the anchor day.

Calendar arithmetic only; which way a bare weekday points (past or future) is decided
before, from the tense of the clause. Every result carries a reason code.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import NamedTuple

from wirecoder.stages._timex_grammar import Match

DAY = timedelta(days=1)
# ACLED time_precision: 1 a day, 2 a range of days or a week, 3 a month or more.
MONTH_PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 14)}
UNIT_DAYS = {"hour": 1, "day": 1, "week": 7, "month": 30, "year": 365}
DEFAULT_COUNT = {"day": 7, "hour": 24}  # "ces derniers jours", "in recent days"
YEAR_SLACK = 30  # days either side of "a year ago"


class Resolved(NamedTuple):
    start: date | None
    end: date | None
    precision: int
    kind: str
    reason: str


UNRESOLVED = Resolved(None, None, 1, "absolute", "no-anchor")


def _int(values: dict[str, int | str], key: str) -> int | None:
    v = values.get(key)
    return v if isinstance(v, int) else None


def _str(values: dict[str, int | str], key: str) -> str:
    v = values.get(key)
    return v if isinstance(v, str) else ""


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def span_precision(start: date, end: date) -> int:
    """ACLED precision of an interval by its length."""
    days = (end - start).days
    return 1 if days == 0 else 2 if days <= 31 else 3


def weekday_on_or_before(day: date, weekday: int) -> date:
    return day - timedelta(days=(day.weekday() - weekday) % 7)


def weekday_on_or_after(day: date, weekday: int) -> date:
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def year_for(month: int, day: int, anchor: date, future: bool, weekday: int | None = None) -> int:
    """The year of a day written without one: near the anchor, on the side the tense says."""
    years = (anchor.year - 1, anchor.year, anchor.year + 1)
    if weekday is not None:
        agreeing = [y for y in years if (d := _safe(y, month, day)) and d.weekday() == weekday]
        if agreeing:
            return min(agreeing, key=lambda y: abs((_safe(y, month, day) or anchor) - anchor))
    guess = _safe(anchor.year, month, day) or _safe(anchor.year, month, 28) or anchor
    if not future and guess > anchor + timedelta(days=7):
        return anchor.year - 1
    if future and guess < anchor - timedelta(days=7):
        return anchor.year + 1
    return anchor.year


def _date(m: Match, anchor: date | None, future: bool) -> Resolved:
    v = m.values
    day, month = _int(v, "day"), _int(v, "month") or _int(v, "mnum")
    year, weekday = _int(v, "year"), _int(v, "weekday")
    if day is None or month is None:
        return UNRESOLVED
    reason = "explicit-date"
    if year is None:
        if anchor is None:
            return Resolved(None, None, 1, "absolute", "no-year")
        year, reason = year_for(month, day, anchor, future, weekday), "year-from-anchor"
    d = _safe(year, month, day)
    return Resolved(d, d, 1, "absolute", reason) if d else Resolved(None, None, 1, "absolute", "invalid-date")


def _holiday(m: Match, anchor: date | None, future: bool) -> Resolved:
    """A fixed-date holiday ("12-31"): a date without a year unless one is written."""
    key = _str(m.values, "holiday")
    if len(key) != 5:
        return UNRESOLVED
    values: dict[str, int | str] = {**m.values, "month": int(key[:2]), "day": int(key[3:])}
    r = _date(m._replace(values=values), anchor, future)
    return r._replace(reason=f"holiday-{r.reason}")


def _date_range(m: Match, anchor: date | None, future: bool) -> Resolved:
    v = m.values
    d1, d2 = _int(v, "day"), _int(v, "day2")
    m2 = _int(v, "month2") or _int(v, "month")
    m1 = _int(v, "month") if "month2" in v else m2
    year = _int(v, "year")
    if d1 is None or d2 is None or m1 is None or m2 is None:
        return UNRESOLVED
    reason = "explicit-range"
    if year is None:
        if anchor is None:
            return Resolved(None, None, 2, "range", "no-year")
        year, reason = year_for(m2, d2, anchor, future), "range-year-from-anchor"
    end = _safe(year, m2, d2)
    start = _safe(year - (1 if m1 > m2 else 0), m1, d1)
    if start is None or end is None or start > end:
        return Resolved(None, None, 2, "range", "invalid-date")
    return Resolved(start, end, span_precision(start, end), "range", reason)


def _weekday(m: Match, anchor: date, future: bool) -> Resolved:
    wd = _int(m.values, "weekday")
    if wd is None:
        return UNRESOLVED
    shift = m.rule.offset
    if shift < 0:
        d, reason = weekday_on_or_before(anchor - DAY, wd), "weekday-last"
    elif shift > 0:
        d, reason = weekday_on_or_after(anchor + DAY, wd), "weekday-next"
    elif future:
        d, reason = weekday_on_or_after(anchor, wd), "weekday-future-tense"
    else:
        d, reason = weekday_on_or_before(anchor, wd), "weekday-past-tense"
    return Resolved(d, d + timedelta(days=m.rule.length - 1), 1, "weekday", reason)


def _weekday_range(m: Match, anchor: date, future: bool) -> Resolved:
    w1, w2 = _int(m.values, "weekday"), _int(m.values, "weekday2")
    if w1 is None or w2 is None:
        return UNRESOLVED
    end = weekday_on_or_after(anchor, w2) if future else weekday_on_or_before(anchor, w2)
    start = weekday_on_or_before(end - DAY, w1) if w1 != w2 else end
    return Resolved(start, end, 1 if (end - start).days <= 1 else 2, "range", "weekday-range")


def _deictic(m: Match, anchor: date) -> Resolved:
    start = anchor + timedelta(days=m.rule.offset)
    return Resolved(start, start + timedelta(days=m.rule.length - 1), 1, "deictic", "deictic")


def _count(m: Match, unit: str) -> int:
    n = _int(m.values, "num")
    return n if n is not None else DEFAULT_COUNT.get(unit, 1)


def _shifted(base: date, n: int, unit: str, kind: str, reason: str) -> Resolved:
    """``n`` units after ``base`` (before it when ``n`` is negative), as precise as the unit."""
    if unit == "hour":  # "48 hours ago": two days back; "36 hours ago": one or two days back
        a, b = base + timedelta(days=-(-n // 24)), base + timedelta(days=n // 24)
        start, end = min(a, b), max(a, b)
        return Resolved(start, end, span_precision(start, end), kind, reason)
    if unit == "day":
        d = base + timedelta(days=n)
        return Resolved(d, d, 1, kind, reason)
    if unit == "week":
        mid = base + timedelta(days=7 * n)
        return Resolved(mid - 3 * DAY, mid + 3 * DAY, 2, kind, reason)
    if unit == "month":
        y, mo = divmod(base.year * 12 + base.month - 1 + n, 12)
        return Resolved(date(y, mo + 1, 1), _month_end(y, mo + 1), 3, "month", reason)
    mid = _safe(base.year + n, base.month, min(base.day, 28)) or base
    return Resolved(mid - timedelta(days=YEAR_SLACK), mid + timedelta(days=YEAR_SLACK), 3, kind, reason)


def _ago(m: Match, anchor: date) -> Resolved:
    unit = _str(m.values, "unit") or "day"
    n = _count(m, unit) if "num" in m.values else 1
    return _shifted(anchor, -n, unit, "deictic", "ago")


def _last_n(m: Match, anchor: date) -> Resolved:
    unit = _str(m.values, "unit") or "day"
    n = _count(m, unit)
    days = -(-n // 24) if unit == "hour" else n * UNIT_DAYS.get(unit, 1)
    start = anchor - timedelta(days=days)
    return Resolved(start, anchor, span_precision(start, anchor), "duration", "last-n")


def _coming(m: Match, anchor: date) -> Resolved:
    unit = _str(m.values, "unit") or "day"
    n = _count(m, unit)
    days = -(-n // 24) if unit == "hour" else n * UNIT_DAYS.get(unit, 1)
    end = anchor + timedelta(days=days)
    return Resolved(anchor, end, span_precision(anchor, end), "duration", "coming")


def _period(m: Match, anchor: date, future: bool) -> Resolved:
    k, unit = m.rule.offset, m.rule.unit
    if unit == "week":
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(days=7 * k)
        start, end, precision = monday, monday + 6 * DAY, 2
    elif unit == "month":
        y, mo = divmod(anchor.year * 12 + anchor.month - 1 + k, 12)
        start, end, precision = date(y, mo + 1, 1), _month_end(y, mo + 1), 3
    else:
        start, end, precision = date(anchor.year + k, 1, 1), date(anchor.year + k, 12, 31), 3
    if k == 0 and m.rule.early:
        end = max(start, anchor - DAY)
    elif k == 0 and not future:
        end = anchor
    return Resolved(start, end, precision, "period", f"{unit}-{'this' if k == 0 else 'last' if k < 0 else 'next'}")


def _weekend(m: Match, anchor: date, future: bool) -> Resolved:
    if m.rule.offset < 0:  # "last weekend": the latest whole weekend before the anchor day
        sunday = weekday_on_or_before(anchor - DAY, 6)
        return Resolved(sunday - DAY, sunday, 2, "period", "weekend-last")
    if future or m.rule.offset > 0:
        saturday = weekday_on_or_after(anchor, 5) + timedelta(days=7 * m.rule.offset)
    else:
        saturday = weekday_on_or_before(anchor, 5)
    end = saturday + DAY
    if m.rule.offset == 0 and not future and end > anchor:
        end = anchor
    return Resolved(saturday, end, 2 if end > saturday else 1, "period", "weekend")


def _month(m: Match, anchor: date | None, future: bool) -> Resolved:
    month, year = _int(m.values, "month"), _int(m.values, "year")
    if month is None:
        return UNRESOLVED
    reason = "explicit-month"
    if year is None:
        if anchor is None:
            return Resolved(None, None, 3, "month", "no-year")
        if m.rule.offset:
            year, reason = anchor.year + m.rule.offset, "month-year-offset"
        else:
            year, reason = anchor.year, "month-year-from-anchor"
            if not future and month > anchor.month:
                year -= 1
            elif future and month < anchor.month:
                year += 1
    start, end, precision = date(year, month, 1), _month_end(year, month), 3
    part = _str(m.values, "part")
    if part in MONTH_PARTS:
        first, last = MONTH_PARTS[part]
        start, end, precision = date(year, month, first), min(end, date(year, month, min(last, end.day))), 2
    return Resolved(start, end, precision, "month", reason)


def _season(m: Match, anchor: date | None, future: bool) -> Resolved:
    first, last = SEASONS.get(_str(m.values, "season"), (0, 0))
    year = _int(m.values, "year")
    if not first:
        return UNRESOLVED
    if year is None:
        if anchor is None:
            return Resolved(None, None, 3, "season", "no-year")
        year = anchor.year if not (not future and first > anchor.month) else anchor.year - 1
    ly, lm = divmod(year * 12 + last - 1, 12)
    return Resolved(date(year, first, 1), _month_end(ly, lm + 1), 3, "season", "season")


def _year(m: Match) -> Resolved:
    year = _int(m.values, "year")
    if year is None:
        return UNRESOLVED
    return Resolved(date(year, 1, 1), date(year, 12, 31), 3, "year", "explicit-year")


def _relative(m: Match, anchor: date | None, prev: tuple[date, date] | None) -> Resolved:
    if prev is None:
        if anchor is None:
            return UNRESOLVED
        prev, reason = (anchor, anchor), "relative-to-anchor"
    else:
        reason = "relative-to-previous"
    if "unit" in m.values:  # "deux jours plus tard", "a week earlier": the offset's sign, times the count
        unit = _str(m.values, "unit")
        n = _int(m.values, "num") or 1
        return _shifted(prev[1] if m.rule.offset > 0 else prev[0], n * m.rule.offset, unit, "relative", reason)
    if m.rule.offset == 0 and m.rule.length == 1:
        return Resolved(prev[0], prev[1], span_precision(prev[0], prev[1]), "relative", reason)
    # "that night" is the night of the day before (of a night already named, the same one);
    # "the day before" / "the next day" step from the previous date's last day
    start = prev[0] if m.rule.offset == 0 else prev[1] + timedelta(days=m.rule.offset)
    end = start + timedelta(days=m.rule.length - 1)
    return Resolved(start, end, span_precision(start, end), "relative", reason)


def resolve(m: Match, anchor: date | None, future: bool, prev: tuple[date, date] | None) -> Resolved:
    """The interval ``m`` denotes; ``future`` says the clause points forward from the anchor."""
    rule = m.rule.rule
    if rule == "date":
        return _date(m, anchor, future)
    if rule == "holiday":
        return _holiday(m, anchor, future)
    if rule == "date_range":
        return _date_range(m, anchor, future)
    if rule == "month":
        return _month(m, anchor, future)
    if rule == "year":
        return _year(m)
    if rule == "season":
        return _season(m, anchor, future)
    if rule == "relative":
        return _relative(m, anchor, prev)
    if anchor is None:
        return UNRESOLVED
    if rule == "weekday":
        return _weekday(m, anchor, future)
    if rule == "weekday_range":
        return _weekday_range(m, anchor, future)
    if rule == "deictic":
        return _deictic(m, anchor)
    if rule == "ago":
        return _ago(m, anchor)
    if rule == "last_n":
        return _last_n(m, anchor)
    if rule == "coming":
        return _coming(m, anchor)
    if rule == "period":
        return _period(m, anchor, future)
    if rule == "weekend":
        return _weekend(m, anchor, future)
    return Resolved(None, None, 1, "absolute", f"unknown-rule-{rule}")
