"""Schema of ``places.toml`` (read by gazetteer/names.py and the places stage)."""

from pydantic import Field

from wirecoder.lang.schema.common import Data


class NameRules(Data):
    """How names written in Latin script vary (transliteration), shared by all languages."""

    # article particles of transliterated names ("al", "el", "ad"), dropped when matching
    articles: list[str] = Field(default_factory=list)
    # letter groups rewritten, in order, before a name's consonant skeleton is taken
    substitutions: list[tuple[str, str]] = Field(default_factory=list)
    vowels: str = "aeiou"
    # letters that are vowels except at the start of a word (y, w)
    semivowels: str = ""


class PlacesData(Data):
    names: NameRules = Field(default_factory=NameRules)
    # words that never name a place on their own, though a gazetteer has them
    stop: list[str] = Field(default_factory=list)
    # names of organisations, peoples and persons that a gazetteer also has as places
    not_places: list[str] = Field(default_factory=list)
    # place names that stand for a government when they act ("Washington said")
    metonyms: list[str] = Field(default_factory=list)
    # generic facility words -> the facility kinds they name ("base" -> airbase, base, camp)
    facility_words: dict[str, list[str]] = Field(default_factory=dict)
    # common nouns that begin or end a place's name ("mer" Rouge, "golfe" d'Aden, Kherson "region")
    name_heads: list[str] = Field(default_factory=list)
    # nouns naming a kind of place ("ville", "town", "hub"): "the port city of X" marks X as a place
    place_nouns: list[str] = Field(default_factory=list)
    # words joining a facility word to its name ("de", "of")
    connectors: list[str] = Field(default_factory=list)
    # words that say the names around them are regions ("province", "governorate")
    admin_words: list[str] = Field(default_factory=list)
    # words naming a capital city ("capitale") or a country's territory
    capital_words: list[str] = Field(default_factory=list)
    # direction words -> bearing in degrees ("nord" -> 0)
    directions: dict[str, float] = Field(default_factory=dict)
    # words saying "close to" ("près", "near", "outskirts")
    near: list[str] = Field(default_factory=list)
    # distance units -> kilometres
    units: dict[str, float] = Field(default_factory=dict)
    # prepositions of origin ("from", "depuis"): the place an act came from, not where it landed
    origin: list[str] = Field(default_factory=list)
    # prepositions introducing an agent ("par", "by"): a place there is who acts, not where
    agents: list[str] = Field(default_factory=list)
    # prepositions of location ("à", "dans", "in", "at")
    location: list[str] = Field(default_factory=list)
    # pronouns standing for a place said before ("y")
    pronouns: list[str] = Field(default_factory=list)
    # conjunctions that join the items of a list of places
    joiners: list[str] = Field(default_factory=list)
