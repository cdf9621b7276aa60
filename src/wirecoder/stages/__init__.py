"""The analysis stages, in flow order: timex, places, actors, events, provenance, techniques."""
