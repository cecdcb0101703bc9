class ToyQueries:
    ARCHIVE_COUNTS = {"toy_hands": "SELECT count(*) FROM toy_hands h WHERE h.workshop_id = w.id AND h.up"}

    def toy_set_hand(self, workshop_id: str, participant_id: int, up: bool) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT INTO toy_hands (workshop_id, participant_id, up) VALUES (?, ?, ?)"
                " ON CONFLICT (workshop_id, participant_id) DO UPDATE SET up = excluded.up",
                [workshop_id, participant_id, int(up)],
            )

    def toy_hands(self, workshop_id: str) -> int:
        return self._scalar("SELECT count(*) FROM toy_hands WHERE workshop_id = ? AND up", [workshop_id]) or 0
