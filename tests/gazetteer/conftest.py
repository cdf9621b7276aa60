"""The default gazetteer, built once per machine (about half a minute the first time)."""

import pytest

from wirecoder.gazetteer.local import LocalGazetteer, default_gazetteer


@pytest.fixture(scope="session")
def gaz() -> LocalGazetteer:
    return default_gazetteer()
