"""Join codes cannot be guessed: wrong codes from one address are limited.

Six digits are a million codes; unlimited, one websocket tried ~1,800 a
second and found every workshop in about nine minutes. So each address gets
a budget of wrong codes: a small burst for typos, then one a second
sustained (moving windows, from the `limits` library; in memory, or on
Redis when WORKSHOP_REDIS_URL is set so every worker shares the count).

An address that has spent its budget is refused for a moment whatever code
it sends: if a right code still got in, the refusal would tell a guesser
exactly which code is right, and the limit would protect nothing. The budget
is sized so a venue behind one address never reaches it: 500 phones joining
in a minute with the right code cost nothing, and the few typos among them
stay far below it (tests/test_join_guard.py). A phone that already joined
rejoins with its token, which is checked before the budget.
"""

from __future__ import annotations

import threading
import time

from limits import RateLimitItemPerMinute, RateLimitItemPerSecond
from limits.storage import MemoryStorage, storage_from_string
from limits.strategies import MovingWindowRateLimiter

from workshop.domain.errors import N_, DomainError, NotFound

# A burst of 10 typos, one a second sustained, 60 a minute at most.
WRONG_CODE_LIMITS = (RateLimitItemPerSecond(10, 10), RateLimitItemPerMinute(60))


class JoinGuard:
    def __init__(self, redis_url: str | None = None, namespace: str = "join"):
        # "join" for join codes; "pair" for projector pairing codes (their own budget).
        self.namespace = namespace
        storage = storage_from_string(redis_url) if redis_url else MemoryStorage()
        self._limiter = MovingWindowRateLimiter(storage)
        self._lock = threading.Lock()
        self.refused = 0  # guesses refused since start, for the organiser

    def may_guess(self, address: str) -> bool:
        """False while this address has no wrong codes left to spend."""
        allowed = all(self._limiter.test(limit, self.namespace, address) for limit in WRONG_CODE_LIMITS)
        if not allowed:
            with self._lock:
                self.refused += 1
        return allowed

    def wrong(self, address: str) -> None:
        """Spend one wrong code from this address's budget."""
        for limit in WRONG_CODE_LIMITS:
            self._limiter.hit(limit, self.namespace, address)

    def retry_after(self, address: str) -> int:
        """Seconds until this address may guess again (at least 1)."""
        spent = [
            self._limiter.get_window_stats(limit, self.namespace, address).reset_time
            for limit in WRONG_CODE_LIMITS
            if not self._limiter.test(limit, self.namespace, address)
        ]
        return max(1, int(max(spent, default=0) - time.time()) + 1)

    def find(self, store, address: str, code: str | None) -> dict:
        """The workshop for a code a person typed, within the budget.

        Raises TooManyGuesses while the budget is spent, NotFound for a wrong
        code (which spends one)."""
        if not self.may_guess(address):
            raise TooManyGuesses(self.retry_after(address))
        workshop = store.workshop_by_code(code) if code else None
        if workshop is None:
            self.wrong(address)
            raise NotFound("No workshop has that code. Check the code and try again.")
        return workshop


class TooManyGuesses(DomainError):
    status = 429

    def __init__(self, seconds: int):
        super().__init__(
            N_("Too many wrong codes from this network. Try again in %(seconds)d seconds."), seconds=seconds
        )
        self.seconds = seconds
