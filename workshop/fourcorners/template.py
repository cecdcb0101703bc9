"""Fyra hörn's part of a workshop template: its questions with their four
corners' labels, in order. Never anyone's choices."""

from __future__ import annotations

from workshop.domain.templates import items, part_fields
from workshop.fourcorners.domain import validate_labels, validate_question_text, validate_texts
from workshop.method import TemplatePart

NAME = "fourcorners"
QUESTIONS_MAX = 100


def capture(store, workshop_id: str) -> dict:
    return {
        "questions": [
            {"text": q["text"], "labels": q["labels"], **({"texts": q["texts"]} if q["texts"] else {})}
            for q in store.fc_questions(workshop_id)
        ]
    }


def _question(item) -> dict:
    item = part_fields(item, NAME, ("text", "labels", "texts"))
    texts = validate_texts(item["texts"]) if "texts" in item else {}
    return {
        "text": validate_question_text(item.get("text")),
        "labels": validate_labels(item.get("labels")),
        **({"texts": texts} if texts else {}),
    }


def validate(part) -> dict:
    part = part_fields(part, NAME, ("questions",))
    return {
        "questions": [_question(q) for q in items(part.get("questions"), "questions", most=QUESTIONS_MAX)]
    }


def apply(store, workshop_id: str, part: dict) -> None:
    for question in part["questions"]:
        made = store.fc_add_question(workshop_id, question["text"], question["labels"])
        if question.get("texts"):
            store.fc_update_question(workshop_id, made["id"], texts=question["texts"])


PART = TemplatePart(capture=capture, validate=validate, apply=apply)
