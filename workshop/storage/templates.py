"""Templates and series (the core's tables; each method's part of a
template is its own business, stored inside the checked JSON document)."""

from __future__ import annotations

import json

from workshop.domain.errors import Invalid, NotFound
from workshop.domain.workshops import new_secret
from workshop.storage.base import utcnow


class TemplateQueries:
    # -- templates -------------------------------------------------------------
    def create_template(self, doc: dict) -> dict:
        """``doc`` comes checked (domain/templates.py: validate_document)."""
        template_id = new_secret()[:12]
        now = utcnow()
        with self.transaction() as db:
            db.execute(
                "INSERT INTO templates (id, title, body, created_at) VALUES (?, ?, ?, ?)",
                [template_id, doc["title"], json.dumps(doc, ensure_ascii=False), now],
            )
        return self.template(template_id)

    def template(self, template_id: str) -> dict:
        row = self._row("SELECT id, body, created_at FROM templates WHERE id = ?", [template_id])
        if row is None:
            raise NotFound("No such template.")
        return {**json.loads(row["body"]), "id": row["id"], "created_at": row["created_at"]}

    def templates(self) -> list[dict]:
        return self._rows("SELECT id, title, created_at FROM templates ORDER BY created_at DESC, id")

    # -- series ----------------------------------------------------------------
    def create_series(self, title: str) -> dict:
        series_id = new_secret()[:12]
        with self.transaction() as db:
            db.execute(
                "INSERT INTO series (id, title, created_at) VALUES (?, ?, ?)", [series_id, title, utcnow()]
            )
        return self.series(series_id)

    def series(self, series_id: str) -> dict:
        row = self._row("SELECT id, title, created_at FROM series WHERE id = ?", [series_id])
        if row is None:
            raise NotFound("No such series.")
        row["workshops"] = self._rows(
            "SELECT w.id, w.title, w.code, w.language, w.created_at FROM series_workshops s"
            " JOIN workshops w ON w.id = s.workshop_id WHERE s.series_id = ? ORDER BY s.sort",
            [series_id],
        )
        return row

    def series_list(self) -> list[dict]:
        return self._rows(
            "SELECT s.id, s.title, s.created_at,"
            " (SELECT count(*) FROM series_workshops w WHERE w.series_id = s.id) AS workshops"
            " FROM series s ORDER BY s.created_at DESC, s.id"
        )

    def set_series_workshops(self, series_id: str, ids: list[str]) -> dict:
        """Every id must be a workshop; else nothing changes."""
        with self.transaction() as db:
            self.series(series_id)
            for workshop_id in ids:
                if db.execute("SELECT 1 FROM workshops WHERE id = ?", [workshop_id]).fetchone() is None:
                    raise Invalid("No such workshop: %(id)s.", id=workshop_id[:40])
            db.execute("DELETE FROM series_workshops WHERE series_id = ?", [series_id])
            db.conn.executemany(
                "INSERT INTO series_workshops (series_id, workshop_id, sort) VALUES (?, ?, ?)",
                [(series_id, workshop_id, sort) for sort, workshop_id in enumerate(ids)],
            )
        return self.series(series_id)
