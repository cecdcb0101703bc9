from flask import Blueprint, jsonify

from workshop.web.access import reads
from workshop.web.context import store

bp = Blueprint("toy", __name__, url_prefix="/api/workshops")


@bp.get("/<workshop_id>/toy")
@reads
def hands(workshop):
    return jsonify(hands=store().toy_hands(workshop["id"]))
