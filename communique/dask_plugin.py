"""The Dask worker plugin: each worker loads the model once, when it joins the cluster."""

from __future__ import annotations

import asyncio

from distributed import WorkerPlugin


class ModelPlugin(WorkerPlugin):
    """Builds communique's pipelines (and loads the spaCy model) on every worker.

    Registered by the client of a run; workers that join later get it too. Loading takes a
    few seconds, so it runs on a thread, not on the worker's event loop, which must keep
    answering the scheduler's heartbeats.
    """

    def __init__(self, settings, stages):
        self.settings = settings
        self.stages = tuple(stages)

    async def setup(self, worker):
        from .parallel import warm_up

        await asyncio.get_running_loop().run_in_executor(None, warm_up, self.settings, self.stages)
