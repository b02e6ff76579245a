"""CLI command modules: each defines ``register(cli)`` and is picked up by ``veille.cli``."""
