"""The default gazetteer: in-process SQLite, built from GeoNames data that PyPI packages carry.

A lookup tries, from strict to tolerant, the name's bare form, its
transliteration skeleton, then a fuzzy match over names sharing the skeleton's
first letters (``names.py``). Answers are cached per name.
"""

from __future__ import annotations

import functools
import sqlite3
import threading
from collections.abc import Iterable
from pathlib import Path

from rapidfuzz import fuzz, process

from wirecoder.gazetteer import build
from wirecoder.gazetteer.names import bare, fold, skeleton
from wirecoder.model import Candidate

_COLUMNS = "e.gid, e.name, e.kind, e.country, e.admin1, e.admin2, e.lat, e.lon, e.population, n.fold, n.bare"
_JOIN = f"SELECT {_COLUMNS} FROM name n JOIN entry e ON e.id = n.entry"
SKELETON_LIMIT = 120  # most populous entries kept for one skeleton
FUZZY_POPULATION = 5000  # the fuzzy fallback scans places at least this large (or curated)
MAX_CANDIDATES = 40
# match quality of each tier (1.0 is the exact folded name)
BARE_SCORE = 0.95
SKELETON_BASE, SKELETON_SPAN, SKELETON_FLOOR = 0.5, 0.4, 0.45
# kinds that rank first among equal names: regions and countries before villages
_KIND_ORDER = {"country": 3, "admin1": 2, "region": 2, "sea": 2, "admin2": 1}


class LocalGazetteer:
    """Lookups in one SQLite gazetteer file (read-only)."""

    def __init__(self, path: Path, *, fuzzy_threshold: float = 0.88) -> None:
        self.path = path
        self.fuzzy_threshold = fuzzy_threshold
        self._con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self._cache: dict[str, list[Candidate]] = {}
        self._kinds: dict[frozenset[str], list[tuple[Candidate, str]]] = {}
        self._pool: dict[str, dict[int, tuple[list[str], list[object]]]] | None = None

    def lookup(self, name: str, *, country: str | None = None) -> list[Candidate]:
        """Entries whose names match ``name`` (accent-, case-, article-tolerant), best first."""
        found = self._cache.get(name)
        if found is None:
            found = self._cache[name] = self._match(name)
        return [c for c in found if c.country == country] if country else found

    def facilities(self, text: str, kinds: Iterable[str]) -> list[Candidate]:
        """Entries of the given kinds whose names share the words of ``text``, best first."""
        key = frozenset(kinds)
        if key not in self._kinds:
            marks = ",".join("?" * len(key))
            rows = self._query(f"{_JOIN} WHERE e.kind IN ({marks})", tuple(sorted(key)))
            self._kinds[key] = [(_candidate(r, 1.0), str(r[9])) for r in rows]
        wanted = fold(text)
        best: dict[str, Candidate] = {}
        for cand, folded in self._kinds[key]:
            score = fuzz.token_set_ratio(wanted, folded) / 100
            if score > (best[cand.gazetteer_id].score if cand.gazetteer_id in best else 0.0):
                best[cand.gazetteer_id] = cand.model_copy(update={"score": score, "matched": folded})
        return sorted(best.values(), key=lambda c: -c.score)

    def close(self) -> None:
        self._con.close()

    def __reduce__(self) -> tuple[type[LocalGazetteer], tuple[Path], dict[str, float]]:
        # a worker process reopens the file (a SQLite connection does not travel)
        return (LocalGazetteer, (self.path,), {"fuzzy_threshold": self.fuzzy_threshold})

    def __setstate__(self, state: dict[str, float]) -> None:
        self.fuzzy_threshold = state["fuzzy_threshold"]

    # ----------------------------------------------------------------------- steps

    def _match(self, name: str) -> list[Candidate]:
        b, s, f = bare(name), skeleton(name), fold(name)
        if not b:
            return []
        best: dict[object, tuple[float, tuple[object, ...]]] = {}
        for row in self._query(f"{_JOIN} WHERE n.bare = ?", (b,)):
            _keep(best, row, 1.0 if row[9] == f else BARE_SCORE)
        if s:
            rows = self._query(f"{_JOIN} WHERE n.skel = ? ORDER BY n.pop DESC LIMIT {SKELETON_LIMIT}", (s,))
            for row in rows:
                score = SKELETON_BASE + SKELETON_SPAN * fuzz.ratio(b, str(row[10])) / 100
                if score >= SKELETON_BASE + SKELETON_SPAN * SKELETON_FLOOR:
                    _keep(best, row, score)
        if not best and len(b) >= 4:
            for row, score in self._fuzzy(b, s):
                _keep(best, row, score)
        ranked = sorted(best.values(), key=lambda sr: (-sr[0], -_KIND_ORDER.get(str(sr[1][2]), 0),
                                                       -int(str(sr[1][8] or 0))))
        return [_candidate(row, score) for score, row in ranked[:MAX_CANDIDATES]]

    def _fuzzy(self, b: str, s: str) -> list[tuple[tuple[object, ...], float]]:
        """Names close in spelling to ``b`` among those whose skeleton starts alike and whose length is near."""
        pool = self._fuzzy_pool().get(s[:2], {})
        # ratio >= threshold bounds the length difference: |la - lb| <= (1 - t) * (la + lb)
        slack = int((1 - self.fuzzy_threshold) * 2 * len(b) / self.fuzzy_threshold) + 1
        names: list[str] = []
        entries: list[object] = []
        for n in range(max(1, len(b) - slack), len(b) + slack + 1):
            bucket = pool.get(n)
            if bucket:
                names.extend(bucket[0])
                entries.extend(bucket[1])
        hits = process.extract(b, names, scorer=fuzz.ratio, score_cutoff=self.fuzzy_threshold * 100, limit=20)
        out: list[tuple[tuple[object, ...], float]] = []
        for _, score, i in hits:
            found = self._query(f"{_JOIN} WHERE n.entry = ? AND n.bare = ? LIMIT 1", (entries[i], names[i]))
            out.extend((row, self.fuzzy_threshold * score / 100) for row in found)
        return out

    def _fuzzy_pool(self) -> dict[str, dict[int, tuple[list[str], list[object]]]]:
        """Names of places large enough for the fuzzy fallback, by skeleton prefix and length (read once)."""
        if self._pool is None:
            pool: dict[str, dict[int, tuple[list[str], list[object]]]] = {}
            rows = self._query(f"SELECT n.bare, n.entry, n.skel FROM name n WHERE n.pop >= {FUZZY_POPULATION}", ())
            for name, entry, skel in rows:
                bucket = pool.setdefault(str(skel)[:2], {}).setdefault(len(str(name)), ([], []))
                bucket[0].append(str(name))
                bucket[1].append(entry)
            self._pool = pool
        return self._pool

    def _query(self, sql: str, args: tuple[object, ...]) -> list[tuple[object, ...]]:
        with self._lock:
            return self._con.execute(sql, args).fetchall()


def _candidate(row: tuple[object, ...], score: float) -> Candidate:
    gid, name, kind, country, admin1, admin2, lat, lon, population, matched, _ = row
    return Candidate(gazetteer_id=str(gid), name=str(name), kind=str(kind), country=_str(country),
                     admin1=_str(admin1), admin2=_str(admin2), lat=float(str(lat)), lon=float(str(lon)),
                     population=int(str(population or 0)), matched=str(matched), score=round(score, 4))


def _str(value: object) -> str | None:
    return None if value is None else str(value)


def _keep(best: dict[object, tuple[float, tuple[object, ...]]], row: tuple[object, ...], score: float) -> None:
    old = best.get(row[0])
    if old is None or score > old[0]:
        best[row[0]] = (score, row)


def open_gazetteer(folder: Path | None = None, *, fuzzy_threshold: float = 0.88) -> LocalGazetteer:
    """The local gazetteer of a cache folder, built there first when needed."""
    return LocalGazetteer(build.ensure(folder), fuzzy_threshold=fuzzy_threshold)


@functools.cache
def default_gazetteer() -> LocalGazetteer:
    """The gazetteer used when none is given (built once per machine, opened once per process)."""
    return open_gazetteer()
