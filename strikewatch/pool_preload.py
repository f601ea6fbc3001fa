"""Imported by the worker pools' fork server, and only there (strikewatch.pool.PRELOAD):
builds the readers and loads their models once, so that every worker forked from the
server shares them. Importing it anywhere else would load the models for nothing."""

from strikewatch.pool import warm_up

warm_up()
