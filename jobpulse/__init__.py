"""The command-line assembly: the ``extract`` command group, the one place allowed to import every package.

``crawler/``, ``extract/`` and ``report/`` each import ``store/`` and nothing else of ours (checked by
``lint-imports``); the commands here put them together.
"""
