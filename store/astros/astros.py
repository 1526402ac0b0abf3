# The shape of http://api.open-notify.org/astros.json, from a fixed list (no internet here).
import json

PEOPLE = [
    ("Oleg Kononenko", "ISS"), ("Nikolai Chub", "ISS"), ("Tracy Caldwell Dyson", "ISS"),
    ("Matthew Dominick", "ISS"), ("Michael Barratt", "ISS"), ("Jeanette Epps", "ISS"),
    ("Alexander Grebenkin", "ISS"), ("Butch Wilmore", "ISS"), ("Sunita Williams", "ISS"),
    ("Li Guangsu", "Tiangong"), ("Li Cong", "Tiangong"), ("Ye Guangfu", "Tiangong"),
]

print(json.dumps({"number": len(PEOPLE), "people": [{"craft": c, "name": n} for n, c in PEOPLE], "message": "success"}))
