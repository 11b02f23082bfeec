# Makes the bundled layouts importable as package data (see pyproject.toml).
