from workshop.domain.readiness import readiness


def test_ready_only_when_every_check_passes():
    assert readiness(True, None, False) == (True, {"database": "ok", "redis": "off", "shutting_down": False})
    assert readiness(True, True, False)[0] is True
    assert readiness(False, None, False) == (
        False,
        {"database": "not writable", "redis": "off", "shutting_down": False},
    )
    assert readiness(True, False, False) == (
        False,
        {"database": "ok", "redis": "unreachable", "shutting_down": False},
    )
    assert readiness(True, True, True)[0] is False
