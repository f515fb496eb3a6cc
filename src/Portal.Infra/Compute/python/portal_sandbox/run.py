"""Runs a session's notebook headless, as "Run analysis" on the session's page asks, and keeps what it drew.

    python3 -m portal_sandbox.run <notebook.ipynb> <results folder>

Every cell runs in order in a kernel of the session (``portal-dask``, which sees the helper and no data folder); the
first cell that fails stops the run. The executed notebook, every PNG figure (figure-<n>.png) and ``results.json``
(status, the failing cell and its error, the figures with the cell that drew them, each cell's printed text) are
written to the results folder. ``results.json`` is written last, atomically: while it is missing the run is going on.
Exit code 0 when every cell ran, 1 when one failed, 2 for bad arguments.
"""

import base64
import json
import os
import sys
import time


def _text_of(outputs):
    parts = []
    for output in outputs:
        if output.get("output_type") == "stream":
            parts.append(output.get("text", ""))
        elif output.get("output_type") == "error":
            parts.append(f"{output.get('ename')}: {output.get('evalue')}")
    return "".join(parts)[-4000:]


def _write_json(path, document):
    temporary = path + ".tmp"
    with open(temporary, "w", encoding="utf-8") as file:
        json.dump(document, file, indent=1)
    os.replace(temporary, path)


def run(notebook_path, results):
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    os.makedirs(results, exist_ok=True)
    notebook = nbformat.read(notebook_path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=900,
        kernel_name=notebook.metadata.get("kernelspec", {}).get("name", "python3"),
        resources={"metadata": {"path": os.path.dirname(os.path.abspath(notebook_path))}},
    )
    started = time.monotonic()
    failure = None
    try:
        client.execute()
    except CellExecutionError as error:
        failure = str(error).strip().splitlines()[-1] if str(error).strip() else type(error).__name__
    except Exception as error:  # the kernel died, a timeout: the run failed, say how
        failure = f"{type(error).__name__}: {error}"

    figures, cells, failed_cell = [], [], None
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        cell_id = cell.get("id", "")
        outputs = cell.get("outputs", [])
        if any(o.get("output_type") == "error" for o in outputs) and failed_cell is None:
            failed_cell = cell_id
        for output in outputs:
            png = output.get("data", {}).get("image/png") if output.get("output_type") in ("display_data", "execute_result") else None
            if png:
                name = f"figure-{len(figures) + 1}.png"
                with open(os.path.join(results, name), "wb") as file:
                    file.write(base64.b64decode(png))
                figures.append({"file": name, "cell": cell_id})
        cells.append({"cell": cell_id, "ran": cell.get("execution_count") is not None, "text": _text_of(outputs)})

    nbformat.write(notebook, os.path.join(results, "executed.ipynb"))
    _write_json(os.path.join(results, "results.json"), {
        "status": "failed" if failure else "succeeded",
        "failedCell": failed_cell,
        "error": failure,
        "seconds": round(time.monotonic() - started, 1),
        "figures": figures,
        "cells": cells,
    })
    return 1 if failure else 0


def main(argv):
    if len(argv) != 3:
        print("usage: python3 -m portal_sandbox.run <notebook.ipynb> <results folder>", file=sys.stderr)
        return 2
    return run(argv[1], argv[2])


if __name__ == "__main__":
    sys.exit(main(sys.argv))
