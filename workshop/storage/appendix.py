"""The appendix snapshot: one workshop as plain, frozen data.

The workshop's own facts, then each method's record, read through its
appendix section (whose ``read`` calls that method's store queries), all
under the store lock. The connection is single and every writer takes the
same lock, so no write can land between the reads: the snapshot is
consistent without a write transaction. It is cheap (a few indexed reads),
so it runs on the request's greenlet; the renderers then work on it
elsewhere (see workshop.render.offload).
"""

from __future__ import annotations

from workshop.domain.appendix import Appendix


class AppendixQueries:
    # Set by store_class: each method's ``Method.appendix`` (a loader, so the
    # render code is imported on first use, off the live path's imports).
    appendix_sections: tuple = ()

    def appendix(self, workshop_id: str, approval: bool = True) -> Appendix:
        """``approval=False``: without the adjusters' approval (what is hashed)."""
        sections = [load() for load in self.appendix_sections]
        with self._lock:
            workshop = self.workshop(workshop_id)  # NotFound if absent
            participants = self._scalar(
                "SELECT count(*) FROM participants WHERE workshop_id = ?", [workshop_id]
            )
            records = {s.name: s.read(self, workshop_id) for s in sections}
            approved = self.approval(workshop_id) if approval else None

        # Held on the day the first method started; else the day it was made.
        started = [at for s in sections if (at := s.started_at(records[s.name]))]
        return Appendix(
            title=workshop["title"],
            code=workshop["code"],
            language=workshop["language"],
            created_at=workshop["created_at"],
            date=min(started, default=workshop["created_at"])[:10],
            participants=participants or 0,
            sections=records,
            section_types=tuple(sections),
            approval=approved,
        )
