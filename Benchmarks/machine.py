"""What the benchmark reports say about the machine and how they print
numbers; shared by every benchmark's report script."""

import platform


def cpu_model():
    """The CPU's model name from /proc/cpuinfo."""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def memory_gib():
    """The machine's memory, as "24 GiB"."""
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    return "%.0f GiB" % (int(line.split()[1]) / 1024 / 1024)
    except OSError:
        pass
    return "unknown memory"


def thousands(n):
    """n rounded, with thousands separators."""
    return "{:,}".format(int(round(n)))
