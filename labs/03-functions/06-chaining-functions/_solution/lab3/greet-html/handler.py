import requests


def handle(req):
    """Greet someone, as a Markdown heading.

    Args:
        req (str): request body: the name of the person to greet
    """
    name = req.strip() or "stranger"
    text = "## Hello, **%s**" % (name)

    r = requests.post("http://gateway:8080/function/markdown", data=text.encode("utf-8"))
    r.raise_for_status()
    return r.text.strip()
