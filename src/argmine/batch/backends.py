"""Where chunks are analysed: this process, a pool of processes, or a Dask cluster.

Each backend takes an iterator of chunks and yields each chunk's outcomes as they
finish, keeping only a bounded number of chunks in flight, so memory does not grow with
the corpus. What crosses a process boundary is a chunk of ``Task`` values one way and a
list of ``Outcome`` values (finished JSON lines) the other.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from argmine.batch.inputs import Task
from argmine.batch.work import Outcome, analyze_chunk, load_models
from argmine.errors import ArgmineError
from argmine.options import Options

CHUNKS_IN_FLIGHT_PER_WORKER = 2
"""One chunk running and one queued per worker keeps every worker busy (measured with bench/batch_bench.py)."""

DASK_CONNECT_TIMEOUT = "10s"


class ClusterError(ArgmineError):
    """The Dask scheduler cannot be reached or the cluster cannot start."""


def run_here(
    chunks: Iterable[list[Task]], *, options: Options, spacy_model: str | None, run_id: str
) -> Iterator[list[Outcome]]:
    for chunk in chunks:
        yield analyze_chunk(chunk, options=options, spacy_model=spacy_model, run_id=run_id)


def run_processes(
    chunks: Iterable[list[Task]], *, workers: int, options: Options, spacy_model: str | None, run_id: str
) -> Iterator[list[Outcome]]:
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, as_completed, wait

    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=warm_worker,
        initargs=(options, spacy_model),
    )
    try:
        pending = set()
        for chunk in chunks:
            pending.add(pool.submit(analyze_chunk, chunk, options=options, spacy_model=spacy_model, run_id=run_id))
            if len(pending) >= workers * CHUNKS_IN_FLIGHT_PER_WORKER:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    yield future.result()
        for future in as_completed(pending):
            yield future.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def warm_worker(options: Options, spacy_model: str | None) -> None:
    """A pool process's initializer: one BLAS thread, then the models, loaded once.

    OpenBLAS starts a thread per core in every process; with one worker per core they
    fight over the cores and two workers ran slower than one. A model that cannot load
    is left to fail in ``analyze_chunk``, where its ``ModelError`` reaches the parent
    intact instead of breaking the pool.
    """
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1)
    try:
        load_models(options, spacy_model)
    except ArgmineError:
        pass


def run_dask(
    chunks: Iterable[list[Task]],
    *,
    address: str,
    workers: int,
    options: Options,
    spacy_model: str | None,
    run_id: str,
) -> Iterator[list[Outcome]]:
    """Run on the Dask scheduler at ``address``, or on a new local cluster of ``workers`` processes for ``local``."""
    import logging

    from distributed import Client, LocalCluster, as_completed

    logging.getLogger("distributed").setLevel(logging.ERROR)
    cluster = None
    try:
        if address == "local":
            cluster = LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
            )
            client = Client(cluster)
        else:
            client = Client(address, timeout=DASK_CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as error:
        if cluster is not None:
            cluster.close()
        raise ClusterError(f"dask: cannot reach the scheduler at {address} ({error})") from None
    try:
        slots = max(workers, len(client.scheduler_info().get("workers", {}))) * CHUNKS_IN_FLIGHT_PER_WORKER
        chunks = iter(chunks)
        running = as_completed()

        def submit_next() -> None:
            chunk = next(chunks, None)
            if chunk is not None:
                running.add(
                    client.submit(
                        analyze_chunk, chunk, options=options, spacy_model=spacy_model, run_id=run_id, pure=False
                    )
                )

        for _ in range(slots):
            submit_next()
        for future in running:
            outcomes = future.result()
            future.release()
            submit_next()
            yield outcomes
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
