from sqlite_utils import Migrations

migrations = Migrations("toy")


@migrations()
def m001_hands(db):
    db.executescript(
        """
        CREATE TABLE IF NOT EXISTS toy_hands (
            workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            participant_id INTEGER NOT NULL,
            up INTEGER NOT NULL,
            PRIMARY KEY (workshop_id, participant_id)
        );
        """
    )
