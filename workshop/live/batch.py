"""Group commit: many small writes from many handlers, one transaction per batch.

A handler calls ``submit(item)``: the item joins a queue, and the handler
waits. One writer task takes everything queued, hands the whole batch to the
write function (which commits it in ONE transaction), then wakes each
waiting handler with its own item's answer. So each caller returns only
after its own batch's COMMIT: an ack sent after ``submit`` still means
committed, while a thousand moves a second cost a few hundred transactions,
not a thousand.

    write(items) -> list            one answer per item, in order: a value, or
                                    an exception instance that refuses only
                                    that item (the rest of the batch commits)

If ``write`` itself raises, the transaction rolled back and every item of
that batch gets that error. Items are written in the order they were
submitted, so one caller's moves keep their order.

Waiting and the writer task use the Socket.IO server's own async primitives
(``start_background_task``, ``sleep``, and the engine's event class), so
the same code runs under gevent, eventlet and threading.
"""

from __future__ import annotations

import threading


class _Waiter:
    __slots__ = ("item", "done", "answer")

    def __init__(self, item, done):
        self.item = item
        self.done = done
        self.answer = None


class GroupCommit:
    def __init__(self, socketio, write, window: float = 0.002, timeout: float = 30.0, sizes=None):
        self.socketio = socketio
        self.sizes = sizes  # a histogram of batch sizes (workshop/metrics.py), or None
        self.write = write
        self.window = window  # how long the writer lets a batch gather
        self.timeout = timeout  # a caller gives up after this (the writer died)
        self._queue: list[_Waiter] = []
        self._lock = threading.Lock()
        self._writing = False
        self.batches = 0  # committed batches (for tests and curiosity)

    @property
    def idle(self) -> bool:
        """Nothing queued and no batch being written: every item submitted so
        far has its answer (a graceful shutdown waits for this)."""
        with self._lock:
            return not self._writing and not self._queue

    def submit(self, item):
        """Queue ``item`` and wait until its batch committed; return its
        answer, or raise the exception that refused it."""
        waiter = _Waiter(item, self.socketio.server.eio.create_event())
        with self._lock:
            self._queue.append(waiter)
            start = not self._writing
            self._writing = True
        if start:
            self.socketio.start_background_task(self._run)
        if not waiter.done.wait(self.timeout):
            raise TimeoutError("the write queue did not answer")
        if isinstance(waiter.answer, BaseException):
            raise waiter.answer
        return waiter.answer

    def _run(self) -> None:
        """The writer: batch after batch until the queue is empty, then exit
        (the next ``submit`` starts a new one)."""
        while True:
            self.socketio.sleep(self.window)
            with self._lock:
                batch, self._queue = self._queue, []
                if not batch:
                    self._writing = False
                    return
            self._commit(batch)

    def _commit(self, batch: list[_Waiter]) -> None:
        try:
            answers = self.write([w.item for w in batch])
            if len(answers) != len(batch):
                raise RuntimeError(f"write returned {len(answers)} answers for {len(batch)} items")
        except Exception as err:  # rolled back: the whole batch is refused
            answers = [err] * len(batch)
        self.batches += 1
        if self.sizes is not None:
            self.sizes.observe(len(batch))
        for waiter, answer in zip(batch, answers):
            waiter.answer = answer
            waiter.done.set()
