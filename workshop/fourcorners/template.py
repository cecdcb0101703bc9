"""Fyra hörn's part of a workshop template: its questions with their four
corners' labels, in order. Never anyone's choices."""

from __future__ import annotations

from workshop.domain.templates import items, part_fields
from workshop.fourcorners.domain import validate_labels, validate_question_text
from workshop.method import TemplatePart

NAME = "fourcorners"
QUESTIONS_MAX = 100


def capture(store, workshop_id: str) -> dict:
    return {
        "questions": [{"text": q["text"], "labels": q["labels"]} for q in store.fc_questions(workshop_id)]
    }


def _question(item) -> dict:
    item = part_fields(item, NAME, ("text", "labels"))
    return {"text": validate_question_text(item.get("text")), "labels": validate_labels(item.get("labels"))}


def validate(part) -> dict:
    part = part_fields(part, NAME, ("questions",))
    return {
        "questions": [_question(q) for q in items(part.get("questions"), "questions", most=QUESTIONS_MAX)]
    }


def apply(store, workshop_id: str, part: dict) -> None:
    for question in part["questions"]:
        store.fc_add_question(workshop_id, question["text"], question["labels"])


PART = TemplatePart(capture=capture, validate=validate, apply=apply)
