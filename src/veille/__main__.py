import sys

from veille.common.stopping import exit_interrupted

try:
    from veille.cli import main
except KeyboardInterrupt:  # Ctrl-C while the modules load: one line, not Python's traceback
    print("\ninterrupted while starting: nothing done", file=sys.stderr)
    exit_interrupted()

if __name__ == "__main__":
    main()
