"""Maps public labelled fake/genuine account sets onto Vigie's profile record.

Only what a set observed is mapped; a field a set does not have is left out
(not observed), never filled with a value that would fire a rule. Names are
replaced by a made-up name of the same shape (number of words, digits, emoji
or symbols, all capitals), which is all the name rule reads, so no real name
is kept. Texts (Twitter descriptions) are not kept: an empty one is an empty
about (""), a non-empty one is not observed.

  python3 bench/assess/real/profiles.py cresci USERS.csv FUSERS.csv > bench/assess/real/cresci2015.jsonl

The Instagram sets are mapped at evaluation time (evaluate_real.py): their
licences (none stated; CC BY-NC 4.0) do not let the project ship them.
"""
import csv
import json
import sys
from datetime import datetime

LETTERS = ["Alex", "Sam", "Robin", "Charlie", "Jordan", "Taylor", "Morgan", "Casey"]


def name_of_shape(words, digits=False, symbols=False, all_caps=False):
    """A made-up name with `words` words and the given oddities, or None for no name."""
    if words <= 0 and not digits and not symbols:
        return None
    parts = [LETTERS[i % len(LETTERS)] for i in range(max(words, 0))]
    name = " ".join(parts)
    if all_caps:
        name = name.upper()
    if digits:
        name += "7" if name else "77"
    if symbols:
        name += " \U0001F495"
    return name


def shape_of(name):
    words, in_word, digits, symbols, upper, lower = 0, False, False, False, 0, 0
    for ch in name:
        letter = ch.isalpha()
        if letter and not in_word:
            words += 1
        in_word = letter or ch in "-'\u2019"
        digits |= ch.isdigit()
        symbols |= ord(ch) >= 0x2000 and not letter
        upper += ch.isupper()
        lower += ch.islower()
    return dict(words=words, digits=digits, symbols=symbols, all_caps=upper >= 4 and lower == 0)


def connections(n):
    """Followers as connections, shown as LinkedIn shows them: 500+ above 500."""
    n = int(n)
    return {"connections": 500, "connections_plus": True} if n >= 500 else {"connections": n}


def cresci(users, fusers):
    out = []
    for path in (users, fusers):
        with open(path, encoding="utf-8", errors="replace", newline="") as f:
            for row in csv.DictReader(f):
                created = datetime.strptime(row["created_at"], "%a %b %d %H:%M:%S %z %Y")
                crawled = datetime.strptime(row["updated"], "%d-%m-%Y %H.%M").replace(tzinfo=created.tzinfo)
                rec = {"network": "linkedin",
                       "profile_url": "https://www.linkedin.com/in/cresci-%d/" % len(out),
                       "has_photo": row["default_profile_image"] != "1",
                       "account_age_days": max(0, (crawled - created).days)}
                rec.update(connections(row["followers_count"]))
                name = name_of_shape(**shape_of(row["name"]))
                if name:
                    rec["name"] = name
                if not row["description"].strip():
                    rec["about"] = ""
                if row["verified"] == "1":
                    rec["verified"] = True
                rec["_label"] = "fake" if row["is_fake"] == "1" else "real"
                rec["_case"] = "cresci_" + row["dataset"]
                rec["_lang"] = row["lang"]
                out.append(rec)
    return out


def instagram_karthik(paths):
    """karthik-vemu/Instagram-Fake-Account-Detection data/train.csv, test.csv."""
    out = []
    for path in paths:
        with open(path, encoding="utf-8", newline="") as f:
            for i, row in enumerate(csv.DictReader(f)):
                rec = {"network": "linkedin", "profile_url": "https://www.linkedin.com/in/ig-%d/" % len(out),
                       "has_photo": row["profile pic"] == "1"}
                rec.update(connections(row["#followers"]))
                name = name_of_shape(int(row["fullname words"]), digits=float(row["nums/length fullname"]) > 0)
                if name:
                    rec["name"] = name
                if int(row["description length"]) == 0:
                    rec["about"] = ""
                rec["_label"] = "fake" if row["fake"] == "1" else "real"
                rec["_case"] = "instagram_karthik"
                out.append(rec)
    return out


def instagram_instafake(fake_json, real_json):
    """fcakyon/instafake-dataset data/fake-v1.0 (no full name: the name is not observed)."""
    out = []
    for path in (fake_json, real_json):
        with open(path, encoding="utf-8") as f:
            for row in json.load(f):
                rec = {"network": "linkedin", "profile_url": "https://www.linkedin.com/in/if-%d/" % len(out),
                       "has_photo": row["userHasProfilPic"] == 1}
                rec.update(connections(row["userFollowerCount"]))
                if row["userBiographyLength"] == 0:
                    rec["about"] = ""
                rec["_label"] = "fake" if row["isFake"] == 1 else "real"
                rec["_case"] = "instafake"
                out.append(rec)
    return out


if __name__ == "__main__":
    if sys.argv[1] != "cresci":
        sys.exit(__doc__)
    for rec in cresci(sys.argv[2], sys.argv[3]):
        print(json.dumps(rec, ensure_ascii=False))
