from strikewatch.cli import app

app()
