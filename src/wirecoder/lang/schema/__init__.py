"""The schema of language data, one module per stage that reads it.

Each module holds the pydantic model of one data file (``dates.toml`` ->
``DatesData``). Every field has a default so that a language may be partial.
"""
