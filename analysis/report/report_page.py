"""The report page: sections of figures with captions and notes, written as one self-contained
index.html (inline style, no scripts, no network resources; figures are PNG files beside it).
The page is written under a temporary name and renamed, so index.html is either whole or absent."""

import html
import os


class Page:
    def __init__(self, title, subtitle_lines):
        self.title = title
        self.subtitle_lines = subtitle_lines
        self.parts = []

    def section(self, heading, introduction=""):
        self.parts.append(f"<h2>{html.escape(heading)}</h2>")
        if introduction:
            self.parts.append(f"<p>{html.escape(introduction)}</p>")

    def figure(self, file_name, alt, caption):
        self.parts.append(
            f'<figure><img src="{html.escape(file_name)}" alt="{html.escape(alt)}">'
            f"<figcaption>{html.escape(caption)}</figcaption></figure>")

    def note(self, text):
        self.parts.append(f'<p class="note">{html.escape(text)}</p>')

    def table(self, header, rows):
        head = "".join(f"<th>{html.escape(str(h))}</th>" for h in header)
        body = "".join("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>" for row in rows)
        self.parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")

    def write(self, directory):
        subtitle = "".join(f"<p class=\"meta\">{html.escape(line)}</p>" for line in self.subtitle_lines)
        text = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{html.escape(self.title)}</title>
<style>
body {{ font-family: "DejaVu Sans", Arial, sans-serif; max-width: 62em; margin: 2em auto; padding: 0 1em; color: #222; line-height: 1.45; }}
h1 {{ font-size: 1.6em; margin-bottom: 0.2em; }}
h2 {{ font-size: 1.25em; margin-top: 2em; border-bottom: 1px solid #ccc; }}
p.meta {{ color: #555; margin: 0.1em 0; }}
p.note {{ background: #fff4d6; border-left: 4px solid #E69F00; padding: 0.5em 0.8em; }}
figure {{ margin: 1.2em 0; }}
img {{ max-width: 100%; height: auto; border: 1px solid #eee; }}
figcaption {{ font-size: 0.95em; color: #333; margin-top: 0.4em; }}
table {{ border-collapse: collapse; margin: 1em 0; }}
th, td {{ border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: left; }}
</style>
</head>
<body>
<h1>{html.escape(self.title)}</h1>
{subtitle}
{chr(10).join(self.parts)}
</body>
</html>
"""
        path = os.path.join(directory, "index.html")
        temporary = f"{path}.tmp-{os.getpid()}"
        with open(temporary, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temporary, path)
        return path
