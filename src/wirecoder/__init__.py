"""wirecoder: news articles to conflict-event data an analyst can trust."""

from wirecoder.model import Analysis, Article, Config
from wirecoder.pipeline import analyze, analyze_many

__all__ = ["Analysis", "Article", "Config", "analyze", "analyze_many"]
__version__ = "0.1.0"
