"""The benchmarks' results as a Markdown table for people and a JSON document for programs."""

import datetime
import platform

from benchmarks.load import processors


def machine():
    """What the figures were measured on: processors available, CPU model, Python version."""
    model = "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            model = next((line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")), model)
    except OSError:
        pass
    return {"nproc": processors(), "cpu": model, "python": platform.python_version(), "system": platform.platform()}


def _met(row):
    return {True: "yes", False: "NO", None: "-"}[row.met]


def table(rows):
    """A Markdown table of the rows, then what each figure measures.

    A measured figure shows its median, then (lowest to highest, rounds); the load column the
    one-minute load average while the row's benchmark ran, marked when above the processors.
    """
    lines = [
        "| benchmark | ours | comparison | ratio | goal | met | load |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for row in rows:
        cells = [
            row.benchmark,
            str(row.ours),
            str(row.comparison) if row.comparison else "-",
            f"{row.ratio:.2f}" if row.ratio is not None else "-",
            str(row.goal) if row.goal else "(for information)",
            _met(row),
            str(row.load) if row.load else "-",
        ]
        lines.append("| {} |".format(" | ".join(cells)))
    lines.append("")
    for row in rows:
        lines.append(
            f"- {row.benchmark}: ours is {row.ours.what}"
            + (f"; comparison is {row.comparison.what}" if row.comparison else "")
        )
    return "\n".join(lines)


def document(rows, size, seconds, load):
    """The JSON document of a run: when, where, how big, how long, how loaded the machine was, and every row."""
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "machine": machine(),
        "size": size,
        "seconds": round(seconds, 1),
        "load": load.as_json(),
        "benchmarks": [row.as_json() for row in rows],
    }
