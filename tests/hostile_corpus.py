"""A directory of good French pages mixed with hostile files, for batch runs.

Used by tests/test_hostile.py (a small mix) and bench/batch_hostile.py (1,000 + 100).
Pages are built from sentences written for this file, varied by number and place so
no two texts are the same (the batch runner reports repeated texts as duplicates).
"""

from __future__ import annotations

import random
from pathlib import Path

_PLACES = ("Lyon", "Brest", "Dijon", "Lille", "Nantes", "Grenoble", "Rouen", "Pau", "Metz", "Tours", "Nîmes", "Caen")
_TOPICS = (
    ("le vélo", "les trajets domicile-travail", "Prenez le vélo une semaine, pour voir."),
    ("la cantine bio", "les repas servis aux écoliers", "Demandez le menu à la mairie dès la rentrée."),
    ("le télétravail", "les salariés du tertiaire", "Proposez un jour à distance à votre équipe."),
    ("les jardins partagés", "les habitants des quartiers", "Inscrivez-vous auprès de l'association du quartier."),
)


def good_page(index: int) -> tuple[str, str]:
    """(file name, content) of the ``index``-th good page, HTML or text in turn."""
    subject, who, call = _TOPICS[index % len(_TOPICS)]
    place = _PLACES[index % len(_PLACES)]
    share = 12 + index % 70
    title = f"{subject.capitalize()} à {place}, numéro {index}"
    paragraphs = [
        f"Selon une enquête de l'observatoire de {place} publiée en mars, {share} % de {who} "
        f"sont concernés par {subject}, contre {share // 2} % il y a cinq ans.",
        f"Il serait hâtif d'en conclure que tout est réglé : à {place}, les moyens manquent encore.",
        call,
    ]
    if index % 2:
        body = "".join(f"<p>{p}</p>" for p in paragraphs)
        html = f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}</article></body></html>"
        return f"page-{index:04d}.html", html
    return f"billet-{index:04d}.txt", title + "\n\n" + "\n\n".join(paragraphs) + "\n"


_WORDS = ("Bonjour", "Merci", "Attention", "Enfin")


def hostile_files(seed: int = 0) -> list[tuple[str, bytes, int]]:
    """(file name, bytes, expected exit status) of twelve kinds of hostile input."""
    generator = random.Random(seed)
    french = good_page(2 * seed)[1].split("\n\n", 1)[1].replace("\n\n", " ").strip()
    deep = "<html><body>" + "<div>" * 60_000 + "<p>Texte perdu.</p></body></html>"
    scripts = "<html><head><script>var a = 1;</script><style>p {}</style></head><body>"
    scripts += "<script>console.log('rien');</script>" * 50 + "</body></html>"
    return [
        (f"vide-{seed}.html", b"", 3),
        (f"blanc-{seed}.txt", b" \n\t \r\n", 3),
        (f"octets-{seed}.html", generator.randbytes(4000), 4),
        (f"image-{seed}.html", b"\x89PNG\r\n\x1a\n" + generator.randbytes(2000), 4),
        (f"nul-{seed}.txt", french.encode() + b"\x00" + french.encode(), 4),
        (f"aigus-{seed}.txt", bytes(generator.randint(128, 255) for _ in range(3000)), 4),
        (f"profond-{seed}.html", deep.encode(), 5),
        (f"scripts-{seed}.html", scripts.encode(), 5),
        (f"utf16-{seed}.txt", french.encode("utf-16"), 0),
        (f"cp1252-{seed}.html", f'<meta charset="koi8-r"><article><p>Déclaré à tort. {french}'.encode("cp1252"), 0),
        (f"ouvert-{seed}.html", f"<html><body><article><p>Balises ouvertes. {french}<p><b><i>".encode(), 0),
        (f"mot-{seed}.txt", _WORDS[seed % len(_WORDS)].encode() + str(seed).encode(), 0),
    ]


def write_mix(directory: Path, *, good: int, hostile: int) -> tuple[int, int]:
    """Write ``good`` pages and ``hostile`` hostile files (the twelve kinds in turn, with a
    new seed for each round); return how many can be analysed and how many are refused."""
    directory.mkdir(parents=True, exist_ok=True)
    analysable = refused = 0
    for index in range(good):
        name, content = good_page(index)
        (directory / name).write_text(content, encoding="utf-8")
        analysable += 1
    written, seed = 0, 0
    while written < hostile:
        for name, data, status in hostile_files(seed)[: hostile - written]:
            (directory / name).write_bytes(data)
            analysable += status == 0
            refused += status != 0
            written += 1
        seed += 1
    return analysable, refused
