from strikewatch.cli import app

app(prog_name="strikewatch")
