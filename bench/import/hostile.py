#!/usr/bin/env python3
"""Writes the hostile import files of bench/import/run.sh, 300 MB each without
holding them in memory: `commas` (a CSV of nothing but commas), `rows` (a
Connections.csv of valid rows, distinct URLs), each as a plain file or, with
--zip, as a ZIP holding it as Connections.csv (deflated: 300 MB of commas take
about 300 KB)."""
import argparse
import zipfile

SIZE = 300 * 1000 * 1000
HEADER = b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"


def chunks(kind):
    """Yields about 1 MB at a time until SIZE bytes."""
    done = 0
    if kind == "commas":
        block = b"," * (1 << 20)
        while done < SIZE:
            part = block[: SIZE - done]
            done += len(part)
            yield part
        return
    yield HEADER
    done = len(HEADER)
    i = 0
    while done < SIZE:
        rows = []
        for _ in range(5000):
            rows.append(b"Jane,Doe%d,https://www.linkedin.com/in/hostile-%d,,Acme,Engineer,15 Jan 2024\r\n" % (i, i))
            i += 1
        part = b"".join(rows)[: SIZE - done]
        done += len(part)
        yield part


def main():
    p = argparse.ArgumentParser()
    p.add_argument("kind", choices=["commas", "rows"])
    p.add_argument("output")
    p.add_argument("--zip", action="store_true")
    a = p.parse_args()
    if a.zip:
        with zipfile.ZipFile(a.output, "w", zipfile.ZIP_DEFLATED) as z:
            with z.open("Connections.csv", "w", force_zip64=True) as out:
                for part in chunks(a.kind):
                    out.write(part)
    else:
        with open(a.output, "wb") as out:
            for part in chunks(a.kind):
                out.write(part)


if __name__ == "__main__":
    main()
