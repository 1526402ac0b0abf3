# word: (polarity -1.0..1.0, subjectivity 0.0..1.0). A small hand-made list of common English
# opinion words, scaled like TextBlob's (e.g. "great" 0.8/0.75) so the workshop's sample
# sentence scores as it does there; words not listed are neutral and ignored.
WORDS = {
    "amazing": (0.6, 0.9), "awesome": (1.0, 1.0), "beautiful": (0.85, 1.0), "best": (1.0, 0.3),
    "better": (0.5, 0.5), "brilliant": (0.9, 1.0), "cool": (0.35, 0.65), "delicious": (1.0, 1.0),
    "delightful": (1.0, 1.0), "easy": (0.43, 0.83), "enjoy": (0.4, 0.5), "excellent": (1.0, 1.0),
    "fantastic": (0.4, 0.9), "fast": (0.2, 0.6), "fine": (0.42, 0.5), "fun": (0.3, 0.2),
    "glad": (0.5, 1.0), "good": (0.7, 0.6), "great": (0.8, 0.75), "happy": (0.8, 1.0),
    "helpful": (0.5, 0.5), "lovely": (0.5, 0.75), "love": (0.5, 0.6), "nice": (0.6, 1.0),
    "perfect": (1.0, 1.0), "pleasant": (0.73, 0.97), "simple": (0.0, 0.36), "super": (0.33, 0.67),
    "useful": (0.3, 0.0), "warm": (0.6, 0.6), "wonderful": (1.0, 1.0),
    "angry": (-0.5, 1.0), "annoying": (-0.8, 0.9), "awful": (-1.0, 1.0), "bad": (-0.7, 0.67),
    "boring": (-1.0, 1.0), "broken": (-0.4, 0.4), "cold": (-0.6, 1.0), "difficult": (-0.5, 1.0),
    "disappointing": (-0.6, 0.7), "dull": (-0.3, 0.7), "hard": (-0.29, 0.54), "hate": (-0.8, 0.9),
    "horrible": (-1.0, 1.0), "poor": (-0.4, 0.6), "sad": (-0.5, 1.0), "slow": (-0.3, 0.39),
    "terrible": (-1.0, 1.0), "ugly": (-0.7, 1.0), "unhappy": (-0.6, 0.9), "worse": (-0.4, 0.6),
    "worst": (-1.0, 1.0), "wrong": (-0.5, 0.9),
}

# Words that strengthen the next opinion word (multiplying its polarity, capped at ±1).
INTENSIFIERS = {"very": 1.3, "really": 1.3, "extremely": 1.5, "so": 1.3, "quite": 1.1, "too": 1.2}

# Words that flip and soften the next opinion word, as TextBlob does (polarity × -0.5).
NEGATIONS = {"not", "never", "no", "isn't", "wasn't", "don't", "doesn't", "didn't", "can't", "won't", "aren't"}
