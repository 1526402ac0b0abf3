# SentimentAnalysis, offline: each sentence's polarity and subjectivity are the mean of its
# opinion words' (from lexicon.py); the answer is the mean over sentences, as OpenFaaS's
# TextBlob-based function reports it: {"polarity": …, "sentence_count": …, "subjectivity": …}.
import json
import re
import sys

from lexicon import INTENSIFIERS, NEGATIONS, WORDS


def sentences(text):
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if re.search(r"\w", s)]


def score(sentence):
    words = re.findall(r"[a-z']+", sentence.lower())
    found = []
    for i, word in enumerate(words):
        if word not in WORDS:
            continue
        polarity, subjectivity = WORDS[word]
        before = words[max(0, i - 2):i]
        if before and before[-1] in INTENSIFIERS:
            polarity = max(-1.0, min(1.0, polarity * INTENSIFIERS[before[-1]]))
        if any(w in NEGATIONS for w in before):
            polarity *= -0.5
        found.append((polarity, subjectivity))
    if not found:
        return 0.0, 0.0
    return sum(p for p, _ in found) / len(found), sum(s for _, s in found) / len(found)


def analyse(text):
    scored = [score(s) for s in sentences(text)]
    if not scored:
        return {"polarity": 0.0, "sentence_count": 0, "subjectivity": 0.0}
    return {
        "polarity": round(sum(p for p, _ in scored) / len(scored), 4),
        "sentence_count": len(scored),
        "subjectivity": round(sum(s for _, s in scored) / len(scored), 4),
    }


if __name__ == "__main__":
    print(json.dumps(analyse(sys.stdin.read())))
