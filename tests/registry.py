"""The app's methods assembled as create_app assembles them, for tests that
need a Store or the appendix sections outside an app."""

from workshop.methods import METHODS
from workshop.registry import Registry

REGISTRY = Registry(METHODS)


def open_store(path):
    """A Store on this database file, as a process of the app opens it."""
    return REGISTRY.store_class(path)
