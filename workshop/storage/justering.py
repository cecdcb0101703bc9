"""Justering's SQL: appendix versions, the freeze and the adjusters' approvals.

A version is written by ``finalise_appendix`` in the same transaction that
reads the snapshot it hashes, so no write lands between the hash and the
freeze. While the latest version is not reopened, every workshop-scoped
write is refused by ``StoreBase.transaction`` (the guard lives there, once).
Rules live in ``domain/justering.py``; this module only reads and writes.
"""

from __future__ import annotations

from workshop.domain import justering as rules
from workshop.domain.appendix import Approval
from workshop.domain.errors import Conflict
from workshop.storage.base import utcnow

ADJUSTER = "adjuster"  # the invite role (workshop.auth.ADJUSTER; storage does not import auth)
VERSION_FIELDS = "version, sha256, finalised_at, reopened_at, change_request"


class JusteringQueries:
    def latest_version(self, workshop_id: str) -> dict | None:
        return self._row(
            f"SELECT {VERSION_FIELDS} FROM appendix_versions WHERE workshop_id = ?"
            " ORDER BY version DESC LIMIT 1",
            [workshop_id],
        )

    def adjusters(self, workshop_id: str) -> list[dict]:
        """The adjusters invited (not revoked): id and name."""
        return self._rows(
            "SELECT id, name FROM staff_invites WHERE workshop_id = ? AND role = ? AND revoked_at IS NULL"
            " ORDER BY created_at",
            [workshop_id, ADJUSTER],
        )

    def approvals(self, workshop_id: str, version: int) -> list[dict]:
        return self._rows(
            "SELECT invite_id, name, approved_at FROM appendix_approvals WHERE workshop_id = ? AND version = ?"
            " ORDER BY approved_at",
            [workshop_id, version],
        )

    def finalise_appendix(self, workshop_id: str, digest) -> dict:
        """Freeze the workshop as a new version: ``digest(appendix)`` gives
        (canonical text, sha256) of its snapshot, read inside this transaction.
        Already frozen: the current version, unchanged."""
        with self.transaction() as db:
            self.workshop(workshop_id)  # NotFound
            latest = self.latest_version(workshop_id)
            if latest is not None and latest["reopened_at"] is None:
                return {"version": latest["version"], "sha256": latest["sha256"], "created": False}
            canonical, sha256 = digest(self.appendix(workshop_id, approval=False))
            version = (latest["version"] if latest else 0) + 1
            db.execute(
                "INSERT INTO appendix_versions (workshop_id, version, sha256, canonical, finalised_at)"
                " VALUES (?, ?, ?, ?, ?)",
                [workshop_id, version, sha256, canonical, utcnow()],
            )
        return {"version": version, "sha256": sha256, "created": True}

    def _frozen_version(self, workshop_id: str) -> dict:
        latest = self.latest_version(workshop_id)
        if latest is None or latest["reopened_at"] is not None:
            raise Conflict("The appendix is not finalised: the facilitator finalises it first.")
        return latest

    def approve_appendix(self, workshop_id: str, invite_id: str, name: str) -> dict:
        """This adjuster approves the frozen version (again: their name is updated)."""
        with self.transaction() as db:
            latest = self._frozen_version(workshop_id)
            db.execute(
                "INSERT INTO appendix_approvals (workshop_id, version, invite_id, name, approved_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (workshop_id, version, invite_id)"
                " DO UPDATE SET name = excluded.name, approved_at = excluded.approved_at",
                [workshop_id, latest["version"], invite_id, name, utcnow()],
            )
        return self.justering(workshop_id)

    def request_change(self, workshop_id: str, comment: str) -> dict:
        """An adjuster asks for a change: the version is kept (hash, approvals)
        and the workshop opens again for the facilitator, with the comment."""
        with self.transaction() as db:
            latest = self._frozen_version(workshop_id)
            db.execute(
                "UPDATE appendix_versions SET reopened_at = ?, change_request = ?"
                " WHERE workshop_id = ? AND version = ?",
                [utcnow(), comment, workshop_id, latest["version"]],
            )
        return self.justering(workshop_id)

    def appendix_versions(self, workshop_id: str) -> list[dict]:
        """Every version, oldest first, with who approved it."""
        with self._lock:
            versions = self._rows(
                f"SELECT {VERSION_FIELDS} FROM appendix_versions WHERE workshop_id = ? ORDER BY version",
                [workshop_id],
            )
            for row in versions:
                approvals = self.approvals(workshop_id, row["version"])
                row["approved_by"] = [a["name"] for a in approvals]
                row["approved_at"] = max((a["approved_at"] for a in approvals), default=None)
        return versions

    def canonical_version(self, workshop_id: str, version: int) -> str | None:
        return self._scalar(
            "SELECT canonical FROM appendix_versions WHERE workshop_id = ? AND version = ?",
            [workshop_id, version],
        )

    def justering(self, workshop_id: str) -> dict:
        """The state the console shows: draft / finalised / approved, the
        latest version, the adjusters and who approved it, the change asked for."""
        with self._lock:
            latest = self.latest_version(workshop_id)
            adjusters = self.adjusters(workshop_id)
            approvals = self.approvals(workshop_id, latest["version"]) if latest else []
        approved = rules.is_approved({a["id"] for a in adjusters}, {a["invite_id"] for a in approvals})
        return {
            "state": rules.state(latest, approved),
            "version": latest["version"] if latest else None,
            "sha256": latest["sha256"] if latest else None,
            "change_request": latest["change_request"] if latest and latest["reopened_at"] else None,
            "adjusters": [a["name"] for a in adjusters],
            "approved_by": [a["name"] for a in approvals],
            "approved_at": max((a["approved_at"] for a in approvals), default=None),
        }

    def approval(self, workshop_id: str) -> Approval | None:
        """What every export carries once the workshop is approved, else None."""
        current = self.justering(workshop_id)
        if current["state"] != rules.APPROVED:
            return None
        return Approval(
            version=current["version"],
            sha256=current["sha256"],
            names=tuple(current["approved_by"]),
            approved_at=current["approved_at"],
        )
