import pytest

from argmine.errors import DecodeError
from argmine.ingest.decode import decode_bytes

TEXT = "L’étude révèle que 58 % des salariés préfèrent « le télétravail » — déjà."


@pytest.mark.parametrize(
    "encoded",
    [
        TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),
        TEXT.encode("utf-16-le"),
        TEXT.encode("utf-16-be"),
        TEXT.encode("cp1252"),
    ],
)
def test_common_encodings_decode_without_mojibake(encoded):
    assert decode_bytes(encoded)[0] == TEXT


def test_latin1_decodes():
    text = "Où est l'été ? Très loin, écrit-il."
    assert decode_bytes(text.encode("latin-1"))[0] == text


def test_wrong_declared_charset_is_not_trusted():
    html = '<meta charset="iso-8859-1"><p>Déjà l’été</p>'.encode()
    assert "Déjà l’été" in decode_bytes(html)[0]


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n" + bytes(range(256)), b"abc\x00\x01\x02\x00def" * 50])
def test_binary_is_refused(data):
    with pytest.raises(DecodeError):
        decode_bytes(data, name="photo.html")
