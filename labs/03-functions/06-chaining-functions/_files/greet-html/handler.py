def handle(req):
    """Greet someone, as a Markdown heading.

    Args:
        req (str): request body: the name of the person to greet
    """
    name = req.strip() or "stranger"
    text = "## Hello, **%s**" % (name)

    # TODO: send `text` to the markdown function and return its answer.
    return text
