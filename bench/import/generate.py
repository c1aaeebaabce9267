#!/usr/bin/env python3
"""Writes a LinkedIn data export of the given size (default: 30,000 connections,
10,000 invitations) as a ZIP, in the real format: Notes preamble, BOM, quoted
multi-line messages, US dates. Deterministic (seeded) so runs compare."""
import argparse
import io
import random
import zipfile

FIRST = ["Jane", "Ahmed", "Zoé", "Bruno", "Olga", "Sam", "Camille", "Léa", "Marc", "Priya", "Chen", "Ana"]
LAST = ["Doe", "Benali", "Lefèvre", "Petrova", "Lee", "Martin", "Roy", "Dubois", "Singh", "Wang", "Silva"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def quote(field):
    if any(c in field for c in ',"\r\n'):
        return '"' + field.replace('"', '""') + '"'
    return field


def row(fields):
    return ",".join(quote(f) for f in fields) + "\r\n"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("output")
    p.add_argument("--connections", type=int, default=30000)
    p.add_argument("--invitations", type=int, default=10000)
    a = p.parse_args()
    rnd = random.Random(42)
    con = io.StringIO()
    con.write("\ufeffNotes:\r\n\"When exporting your connection data, you may notice that some of the email "
              "addresses are missing.\"\r\n\r\n")
    con.write(row(["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]))
    for i in range(a.connections):
        f, l = rnd.choice(FIRST), rnd.choice(LAST)
        con.write(row([f, l, f"https://www.linkedin.com/in/c{i}-{l.lower()}", "", f"Company {i % 977}",
                       "Engineer, Platform" if i % 3 else "CTO", f"{rnd.randint(1, 28)} {rnd.choice(MONTHS)} "
                       f"{rnd.randint(2010, 2026)}"]))
    inv = io.StringIO()
    inv.write(row(["From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl", "inviteeProfileUrl"]))
    me = "https://www.linkedin.com/in/me"
    for i in range(a.invitations):
        other = f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"
        url = f"https://www.linkedin.com/in/i{i}"
        h = rnd.randint(1, 12)
        sent = f"{rnd.randint(1, 12)}/{rnd.randint(1, 28)}/{rnd.randint(20, 26)}, {h}:{rnd.randint(0, 59):02d} " \
               f"{rnd.choice(['AM', 'PM'])}"
        msg = "" if i % 2 else f"Hello {other},\r\nlet's connect: \"{i}\""
        if i % 4 == 3:
            inv.write(row([other, "Me", sent, msg, "INCOMING", url, me]))
        else:
            inv.write(row(["Me", other, sent, msg, "OUTGOING", me, url]))
    with zipfile.ZipFile(a.output, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("Connections.csv", con.getvalue().encode("utf-8"))
        z.writestr("Invitations.csv", inv.getvalue().encode("utf-8"))


if __name__ == "__main__":
    main()
