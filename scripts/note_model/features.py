"""Features of a note for Vigie's learned note model (data/models/note_model.txt).

The C++ side (host/domain/note_model.cpp) computes exactly the same features:
fold (host/domain/text_fold.cpp: ASCII lower case, Latin-1 and Latin Extended-A
letters to their base letters), words = maximal runs of [a-z0-9], every digit
becomes 0 (a phone number is a shape, not an identity), then
  w:<word>            each word
  b:<word> <word>     each pair of neighbouring words
  c:<3 letters>       each 3-gram of " word " (spaces mark the word's ends)
  c:<4 letters>       each 4-gram of " word "
each feature counted once per note. Standard library only.
"""

LATIN1 = ["a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
          "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",
          "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
          "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y"]
LATIN_EXT_A = (
    "a a a a a a c c c c c c c c d d d d e e e e e e e e e e g g g g "
    "g g g g h h h h i i i i i i i i i i ij ij j j k k k l l l l l l l "
    "l l l n n n n n n n n n o o o o o o oe oe r r r r r r s s s s s s "
    "s s t t t t t t u u u u u u u u u u u u w w y y y z z z z z z s").split()
assert len(LATIN_EXT_A) == 128


def fold(text):
    out = []
    for ch in text:
        cp = ord(ch)
        if cp < 0x80:
            out.append(ch.lower() if "A" <= ch <= "Z" else ch)
        elif 0xC0 <= cp <= 0xFF and LATIN1[cp - 0xC0]:
            out.append(LATIN1[cp - 0xC0])
        elif 0x100 <= cp <= 0x17F:
            out.append(LATIN_EXT_A[cp - 0x100])
        else:
            out.append(" ")  # everything else separates words here
    return "".join(out)


def words(text):
    """The note's words as the model sees them (digits as 0)."""
    out, cur = [], []
    for ch in fold(text):
        if "a" <= ch <= "z":
            cur.append(ch)
        elif "0" <= ch <= "9":
            cur.append("0")
        elif cur:
            out.append("".join(cur))
            cur = []
    if cur:
        out.append("".join(cur))
    return out


def features_of_words(ws):
    feats = []
    seen = set()

    def add(f):
        if f not in seen:
            seen.add(f)
            feats.append(f)

    for i, w in enumerate(ws):
        add("w:" + w)
        if i + 1 < len(ws):
            add("b:" + w + " " + ws[i + 1])
        padded = " " + w + " "
        for n in (3, 4):
            for k in range(len(padded) - n + 1):
                add("c:" + padded[k:k + n])
    return feats


def features(text):
    return features_of_words(words(text))
