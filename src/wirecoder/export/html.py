"""An HTML report: events as a table, the article text with technique spans marked.

Article text is untrusted: every piece of it is escaped.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from wirecoder.export.acled import source_text
from wirecoder.model import Analysis

STYLE = """body{font:15px/1.5 system-ui,sans-serif;max-width:70em;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;width:100%;font-size:13px}td,th{border:1px solid #ccc;padding:3px 6px;vertical-align:top}
th{background:#f3f3f3}mark{background:#ffe08a}mark.ev{background:#cfe6ff}.text{white-space:pre-wrap;border-left:3px solid #ddd;padding-left:1em}
.meta{color:#666}"""


def _marked(analysis: Analysis) -> str:
    """The article text with technique spans and event triggers wrapped (escaped, non-overlapping)."""
    marks = sorted([(t.start, t.end, "", f"{t.technique}: {t.why}") for t in analysis.techniques]
                   + [(e.trigger.start, e.trigger.end, "ev", f"{e.sub_event_type} ({e.factuality})") for e in analysis.events])
    out, pos = [], 0
    text = analysis.text
    for start, end, cls, title in marks:
        if start < pos:
            continue
        out.append(escape(text[pos:start]))
        attr = f' class="{cls}"' if cls else ""
        out.append(f'<mark{attr} title="{escape(title)}">{escape(text[start:end])}</mark>')
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


def _article(a: Analysis) -> str:
    rows = []
    for e in a.events:
        loc = e.location
        where = f"{loc.name} ({loc.country}, {loc.precision})" if loc else ""
        when = f"{e.date.start or ''}" + (f" – {e.date.end}" if e.date.end and e.date.end != e.date.start else "")
        cells = [e.event_type, e.sub_event_type, when, where, e.actor1.name if e.actor1 else "",
                 e.actor2.name if e.actor2 else "", e.factuality, source_text(None, e.attributed_to), e.evidence.text]
        rows.append("<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in cells) + "</tr>")
    head = "".join(f"<th>{h}</th>" for h in ("type", "sub-event", "date", "place", "actor 1", "actor 2",
                                              "factuality", "source", "evidence"))
    meta = " · ".join(escape(str(x)) for x in (a.outlet, a.published, a.language, a.genre) if x)
    return (f"<section><h2>{escape(a.title or a.id)}</h2><p class=meta>{meta}</p>"
            f"<table><tr>{head}</tr>{''.join(rows)}</table>"
            f"<h3>Text</h3><div class=text>{_marked(a)}</div></section>")


def to_html(analyses: Iterable[Analysis]) -> str:
    """A self-contained HTML page (no scripts, no external resources)."""
    body = "\n".join(_article(a) for a in analyses)
    return (f"<!doctype html><html><head><meta charset=utf-8><title>wirecoder report</title>"
            f"<style>{STYLE}</style></head><body><h1>wirecoder report</h1>{body}</body></html>\n")
