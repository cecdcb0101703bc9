def js_strings(_) -> dict:
    return {"waiting_toy": _("Wait for the facilitator."), "toy_raise": _("Raise your hand")}
