import sys

from veille.common.stopping import exit_interrupted, interrupt_behind

try:
    from veille.cli import main
except (KeyboardInterrupt, ImportError) as exc:  # Ctrl-C while the modules load: one line, not Python's traceback
    if not interrupt_behind(exc):
        raise
    print("\ninterrupted while starting: nothing done", file=sys.stderr)
    exit_interrupted()

if __name__ == "__main__":
    main()
