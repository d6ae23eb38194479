import pytest

from modules.factories import module_create


@pytest.fixture
def module(db):
    return module_create()
