"""Shared by the command-line test scripts: one line per check, and a summary that sets the exit status."""

failures = []
count = 0


def check(condition, name, detail=""):
    """Prints 'ok' or 'FAIL' with the check's name (and the detail on failure); returns the condition."""
    global count
    count += 1
    if condition:
        print(f"ok    {name}")
    else:
        failures.append(name)
        print(f"FAIL  {name}")
        for line in str(detail).splitlines():
            print(f"        {line}")
    return condition


def summary():
    """Prints how many checks failed and returns the exit status (0 if none)."""
    print()
    if failures:
        print(f"{len(failures)} of {count} checks failed")
        return 1
    print(f"all {count} checks passed")
    return 0
