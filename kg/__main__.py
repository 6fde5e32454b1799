"""``python -m kg`` is the ``kg`` command."""

from kg.cli import main

if __name__ == "__main__":  # not when a worker process (forkserver, spawn) imports the main module again
    main()
