"""The store's tables: articles, their events, the clusters events fall into, and failures."""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

articles = sa.Table(
    "articles", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("content_hash", sa.String(64), nullable=False, unique=True),  # sha256 of the text
    sa.Column("doc_id", sa.String, nullable=False),  # the Analysis id
    sa.Column("outlet", sa.String),
    sa.Column("published", sa.Date),
    sa.Column("language", sa.String(8)),
    sa.Column("title", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("analysed", sa.JSON, nullable=False),  # the whole Analysis
)

clusters = sa.Table(
    "clusters", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_type", sa.String, nullable=False, index=True),
    sa.Column("sub_event_type", sa.String, nullable=False),
    sa.Column("start", sa.Date, index=True),
    sa.Column("end", sa.Date),
    sa.Column("date_precision", sa.Integer),
    sa.Column("date_text", sa.Text),
    sa.Column("location", sa.JSON),  # the most precise Location among the sources
    sa.Column("lat", sa.Float, index=True),
    sa.Column("lon", sa.Float),
    sa.Column("precision", sa.String(8)),
    sa.Column("sources", sa.Integer, nullable=False, default=1),  # distinct outlets
)

events = sa.Table(
    "events", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id"), nullable=False, index=True),
    sa.Column("event_id", sa.String, nullable=False),  # Event.id within its article
    sa.Column("outlet", sa.String),
    sa.Column("event_type", sa.String, nullable=False),
    sa.Column("sub_event_type", sa.String, nullable=False),
    sa.Column("start", sa.Date),
    sa.Column("end", sa.Date),
    sa.Column("date_precision", sa.Integer),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("precision", sa.String(8)),
    sa.Column("location", sa.String),
    sa.Column("actor1", sa.String),
    sa.Column("actor1_kind", sa.String(20)),
    sa.Column("actor2", sa.String),
    sa.Column("actor2_kind", sa.String(20)),
    sa.Column("fatalities", sa.Integer),
    sa.Column("factuality", sa.String(16), nullable=False),
    sa.Column("attributed_to", sa.String),
    sa.Column("attributed_kind", sa.String(16)),
    sa.Column("attributed_role", sa.String),
    sa.Column("evidence", sa.Text, nullable=False),
    sa.Column("evidence_start", sa.Integer, nullable=False),
    sa.Column("evidence_end", sa.Integer, nullable=False),
    sa.Column("cluster_id", sa.Integer, sa.ForeignKey("clusters.id"), nullable=False, index=True),
    sa.Column("cluster_reason", sa.String(32), nullable=False),  # new | joined
    sa.Column("cluster_km", sa.Float),  # distance to the cluster's point when joined
)

failures = sa.Table(
    "failures", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("error", sa.Text, nullable=False),
    sa.Column("content_hash", sa.String(64)),  # when the text was known
)
