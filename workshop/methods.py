"""The workshop's methods, as the shared appendix core sees them."""


def appendix_sections():
    """Every method's appendix section, in the order the appendix shows them.

    Imported here, not at the top, so the shared core (storage, render) can
    import this module without importing any method.
    """
    from workshop.barometer.appendix import SECTION as barometer
    from workshop.openspace.appendix import SECTION as openspace

    return (barometer, openspace)
