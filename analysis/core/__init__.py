"""Small pieces every room may use: user-text escaping (``text``) and error reporting (``errors``)."""
