"""The appendix snapshot: one workshop as plain, frozen data.

A handful of SELECTs under the store lock. The connection is single and
every writer takes the same lock, so no write can land between the reads:
the snapshot is consistent without a write transaction. It is cheap (a few
indexed reads), so it runs on the request's greenlet; the renderers then
work on it elsewhere (see workshop.render.offload).
"""
from __future__ import annotations

from ..domain.appendix import Appendix, Comment, PositionChange, StatementRecord
from ..barometer.domain import DRAFT


class AppendixQueries:
    def appendix(self, workshop_id: str) -> Appendix:
        with self._lock:
            workshop = self.workshop(workshop_id)  # NotFound if absent
            shown = self._rows(
                "SELECT id, text, opened_at, closed_at FROM statements"
                " WHERE workshop_id = ? AND status != ? ORDER BY sort, id",
                [workshop_id, DRAFT],
            )
            final: dict[int, dict[int, int | None]] = {s["id"]: {} for s in shown}
            for r in self._rows(
                "SELECT pos.statement_id, p.number, pos.value FROM positions pos"
                " JOIN statements s ON s.id = pos.statement_id"
                " JOIN participants p ON p.id = pos.participant_id"
                " WHERE s.workshop_id = ? AND s.status != ? ORDER BY p.number",
                [workshop_id, DRAFT],
            ):
                final[r["statement_id"]][r["number"]] = r["value"]
            history: dict[int, list[PositionChange]] = {s["id"]: [] for s in shown}
            for r in self._rows(
                "SELECT c.statement_id, p.number, c.value, c.at FROM position_changes c"
                " JOIN statements s ON s.id = c.statement_id"
                " JOIN participants p ON p.id = c.participant_id"
                " WHERE s.workshop_id = ? AND s.status != ? ORDER BY c.id",
                [workshop_id, DRAFT],
            ):
                history[r["statement_id"]].append(PositionChange(r["number"], r["value"], r["at"]))
            comments: dict[int, list[Comment]] = {s["id"]: [] for s in shown}
            for r in self._rows(
                "SELECT c.statement_id, c.text, c.created_at FROM comments c"
                " JOIN statements s ON s.id = c.statement_id"
                " WHERE s.workshop_id = ? AND s.status != ? ORDER BY c.id",
                [workshop_id, DRAFT],
            ):
                comments[r["statement_id"]].append(Comment(r["text"], r["created_at"]))
            participants = self._scalar(
                "SELECT count(*) FROM participants WHERE workshop_id = ?", [workshop_id])
            openspace = self.openspace_record(workshop_id)

        opened = sorted(s["opened_at"] for s in shown if s["opened_at"])
        return Appendix(
            title=workshop["title"],
            code=workshop["code"],
            language=workshop["language"],
            created_at=workshop["created_at"],
            date=(opened[0] if opened else workshop["created_at"])[:10],
            participants=participants or 0,
            statements=[
                StatementRecord(
                    id=s["id"], number=number, text=s["text"], final=final[s["id"]],
                    history=history[s["id"]], comments=comments[s["id"]],
                    opened_at=s["opened_at"], closed_at=s["closed_at"],
                )
                for number, s in enumerate(shown, start=1)
            ],
            openspace=openspace,
        )
