"""Staff sessions, invites and projector pairings (the core's tables).

Secrets are stored as their SHA-256 (``domain.staff.digest``): a copy of
the database opens no console. Rules live in ``domain/staff.py`` and
``auth.py``; this module only reads and writes.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

from workshop.domain import staff as rules
from workshop.domain.errors import NotFound

# last_seen is written at most this often per session (not on every request).
SEEN_EVERY = timedelta(seconds=30)
SESSION_FIELDS = "id, workshop_id, role, name, invite_id, created_at, last_seen, expires_at"
# An invite that still lets someone in: not revoked, and not a one-time one already used.
OPEN = "revoked_at IS NULL AND (once = 0 OR used_at IS NULL)"


class StaffQueries:
    # -- sessions ---------------------------------------------------------
    def create_session(self, role: str, workshop_id: str | None, name: str = "", invite_id=None) -> dict:
        """A new session; its ``token`` (for the cookie) and ``csrf`` are
        returned once, only their use is stored."""
        moment = rules.now()
        token = rules.new_token()
        row = {
            "id": rules.new_id(),
            "token_hash": rules.digest(token),
            "csrf": rules.new_token(),
            "workshop_id": workshop_id,
            "role": role,
            "name": name,
            "invite_id": invite_id,
            "created_at": moment.isoformat(timespec="milliseconds"),
            "last_seen": moment.isoformat(timespec="milliseconds"),
            "expires_at": rules.expires_at(moment, days=rules.SESSION_DAYS),
        }
        with self.transaction() as db:
            db.execute(
                "INSERT INTO staff_sessions (id, token_hash, csrf, workshop_id, role, name, invite_id,"
                " created_at, last_seen, expires_at) VALUES (:id, :token_hash, :csrf, :workshop_id, :role,"
                " :name, :invite_id, :created_at, :last_seen, :expires_at)",
                row,
            )
        return {**row, "token": token}

    def session_by_token(self, token) -> dict | None:
        """The live session for a cookie's token (not revoked, not expired),
        its last_seen brought up to date; None otherwise."""
        if not isinstance(token, str) or not token:
            return None
        row = self._row(
            f"SELECT {SESSION_FIELDS}, csrf FROM staff_sessions WHERE token_hash = ? AND revoked_at IS NULL",
            [rules.digest(token)],
        )
        moment = rules.now()
        if row is None or rules.expired(row["expires_at"], moment):
            return None
        if datetime.fromisoformat(row["last_seen"]) + SEEN_EVERY < moment:
            row["last_seen"] = moment.isoformat(timespec="milliseconds")
            with self.transaction() as db:
                db.execute(
                    "UPDATE staff_sessions SET last_seen = ? WHERE id = ?", [row["last_seen"], row["id"]]
                )
        return row

    def end_session(self, token) -> None:
        """Sign-out (and the old session at a new sign-in): refused from now on."""
        if isinstance(token, str) and token:
            with self.transaction() as db:
                db.execute(
                    "UPDATE staff_sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL",
                    [rules.now().isoformat(timespec="milliseconds"), rules.digest(token)],
                )

    # -- invites ------------------------------------------------------------
    def create_invite(self, workshop_id: str, role: str, name: str, once: bool = False) -> dict:
        """``once``: the link works for one device; else until revoked."""
        secret = rules.new_token()
        row = {
            "id": rules.new_id(),
            "workshop_id": workshop_id,
            "role": role,
            "name": name,
            "secret_hash": rules.digest(secret),
            "once": int(once),
            "created_at": rules.now().isoformat(timespec="milliseconds"),
        }
        with self.transaction() as db:
            db.execute(
                "INSERT INTO staff_invites (id, workshop_id, role, name, secret_hash, once, created_at)"
                " VALUES (:id, :workshop_id, :role, :name, :secret_hash, :once, :created_at)",
                row,
            )
        row["once"] = once
        del row["secret_hash"]
        return {**row, "secret": secret}

    def invite_by_secret(self, secret) -> dict | None:
        if not isinstance(secret, str) or not secret:
            return None
        return self._row(
            f"SELECT id, workshop_id, role, name, created_at FROM staff_invites WHERE secret_hash = ? AND {OPEN}",
            [rules.digest(secret)],
        )

    def use_invite(self, invite_id: str) -> bool:
        """A device takes the invite; False when a one-time invite was taken
        already (by a racing device) or it was revoked meanwhile."""
        moment = rules.now().isoformat(timespec="milliseconds")
        with self.transaction() as db:
            return bool(
                db.execute(
                    f"UPDATE staff_invites SET used_at = coalesce(used_at, ?) WHERE id = ? AND {OPEN}",
                    [moment, invite_id],
                ).rowcount
            )

    # -- the staff list and revoking ----------------------------------------
    def staff(self, workshop_id: str) -> dict:
        """The workshop's live sessions and open invites (no secrets)."""
        moment = rules.now().isoformat(timespec="milliseconds")
        sessions = self._rows(
            f"SELECT {SESSION_FIELDS} FROM staff_sessions WHERE workshop_id = ? AND revoked_at IS NULL"
            " AND expires_at > ? ORDER BY created_at",
            [workshop_id, moment],
        )
        invites = self._rows(
            f"SELECT id, role, name, once, created_at FROM staff_invites WHERE workshop_id = ? AND {OPEN}"
            " ORDER BY created_at",
            [workshop_id],
        )
        for row in invites:
            row["once"] = bool(row["once"])
        return {"sessions": sessions, "invites": invites}

    def revoke_staff(self, workshop_id: str, staff_id: str) -> list[str]:
        """Revoke a session, or an invite and every session made from it;
        the ids whose sockets must go. NotFound if neither is this workshop's."""
        moment = rules.now().isoformat(timespec="milliseconds")
        with self.transaction() as db:
            invite = db.execute(
                "UPDATE staff_invites SET revoked_at = ? WHERE id = ? AND workshop_id = ? AND revoked_at IS NULL",
                [moment, staff_id, workshop_id],
            ).rowcount
            ids = [
                r[0]
                for r in db.execute(
                    "SELECT id FROM staff_sessions WHERE workshop_id = ? AND revoked_at IS NULL"
                    " AND (id = ? OR invite_id = ?)",
                    [workshop_id, staff_id, staff_id],
                ).fetchall()
            ]
            if not invite and not ids:
                raise NotFound("No such staff member or invite.")
            db.execute(
                f"UPDATE staff_sessions SET revoked_at = ? WHERE id IN ({', '.join('?' * len(ids))})",
                [moment, *ids],
            )
        return [staff_id, *ids] if invite else ids

    # -- projector pairing ----------------------------------------------------
    def new_pairing(self) -> dict:
        """A code for a projector page waiting to be paired, and the token
        its browser keeps (in a cookie) to learn when it is."""
        moment = rules.now()
        for _ in range(20):
            token = rules.new_token()
            row = {
                "id": rules.new_id(),
                "code": rules.new_pairing_code(),
                "token_hash": rules.digest(token),
                "created_at": moment.isoformat(timespec="milliseconds"),
                "expires_at": rules.expires_at(moment, minutes=rules.PAIRING_MINUTES),
            }
            try:
                with self.transaction() as db:
                    db.execute("DELETE FROM projector_pairings WHERE expires_at <= ?", [row["created_at"]])
                    db.execute(
                        "INSERT INTO projector_pairings (id, code, token_hash, created_at, expires_at)"
                        " VALUES (:id, :code, :token_hash, :created_at, :expires_at)",
                        row,
                    )
            except sqlite3.IntegrityError:
                continue
            return {"code": row["code"], "token": token, "expires_at": row["expires_at"]}
        raise RuntimeError("could not find a free pairing code")

    def pairing_by_token(self, token) -> dict | None:
        if not isinstance(token, str) or not token:
            return None
        row = self._row(
            "SELECT id, code, workshop_id, expires_at FROM projector_pairings WHERE token_hash = ?",
            [rules.digest(token)],
        )
        if row is None or (row["workshop_id"] is None and rules.expired(row["expires_at"], rules.now())):
            return None
        return row

    def pair(self, code: str, workshop_id: str) -> bool:
        """A facilitator typed this code: the waiting page becomes this
        workshop's projector. False for an unknown, used or expired code."""
        moment = rules.now().isoformat(timespec="milliseconds")
        with self.transaction() as db:
            return bool(
                db.execute(
                    "UPDATE projector_pairings SET workshop_id = ? WHERE code = ? AND workshop_id IS NULL"
                    " AND expires_at > ?",
                    [workshop_id, code, moment],
                ).rowcount
            )

    def end_pairing(self, pairing_id: str) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM projector_pairings WHERE id = ?", [pairing_id])
