"""The sentence classifier: a scikit-learn pipeline, trained, saved and loaded with skops.

``build_pipeline`` is an unfitted estimator (fit / predict_proba, no hidden state);
``train`` fits it on corpus documents; ``save`` and ``load`` write and read it with
skops, whose loader refuses any type not listed in ``TRUSTED_TYPES``.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from argmine.corpus import LABELS, CorpusDocument
from argmine.errors import ModelError

MODEL_FILENAME = "argmine-sentences.skops"
MODEL_NAME = "argmine-sentences"
RANDOM_SEED = 13
C_REGULARISATION = 4.0
"""Chosen on the corpus dev split among 0.5, 1, 2, 4, 8 (macro-F1 over the mission labels)."""
TRUSTED_TYPES = [
    "argmine.classify.features.text_column",
    "argmine.classify.features.cue_column",
    "argmine.classify.features.tokenize",
    "builtins.dict",
    "builtins.NoneType",
    "collections.defaultdict",
    "numpy.dtype",
    "numpy.float64",
    "numpy.int64",
    "scipy.sparse._csr.csr_matrix",
    "sklearn.feature_extraction._dict_vectorizer.DictVectorizer",
    "argmine.classify.vectorizer.ArrayVocabularyTfidf",
    "numpy.ndarray",
    "sklearn.feature_extraction.text.TfidfTransformer",
    "sklearn.linear_model._logistic.LogisticRegression",
    "sklearn.pipeline.FeatureUnion",
    "sklearn.pipeline.Pipeline",
    "sklearn.preprocessing._function_transformer.FunctionTransformer",
    "builtins.frozenset",
    "builtins.float",
    "builtins.int",
    "builtins.str",
    "builtins.list",
    "builtins.tuple",
    "builtins.set",
]


def build_pipeline(c: float = C_REGULARISATION):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline, make_pipeline
    from sklearn.preprocessing import FunctionTransformer

    from argmine.classify.features import cue_column, text_column, tokenize
    from argmine.classify.vectorizer import ArrayVocabularyTfidf as TfidfVectorizer

    words = make_pipeline(
        FunctionTransformer(text_column),
        TfidfVectorizer(
            tokenizer=tokenize, token_pattern=None, lowercase=False, ngram_range=(1, 2), min_df=2, sublinear_tf=True
        ),
    )
    characters = make_pipeline(
        FunctionTransformer(text_column),
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=3, sublinear_tf=True, max_features=30000),
    )
    cues = make_pipeline(FunctionTransformer(cue_column), DictVectorizer())
    return Pipeline(
        [
            ("features", FeatureUnion([("words", words), ("characters", characters), ("cues", cues)])),
            ("classifier", LogisticRegression(C=c, class_weight="balanced", max_iter=3000, random_state=RANDOM_SEED)),
        ]
    )


def corpus_rows(documents: list[CorpusDocument]) -> tuple[list[dict], list[str]]:
    """One feature row and one gold label per corpus sentence."""
    from argmine.classify.features import SentenceContext, sentence_row, with_neighbours

    rows, labels = [], []
    for document in documents:
        document_rows = []
        counts: dict[int, int] = {}
        for sentence in document.sentences:
            counts[sentence.paragraph] = counts.get(sentence.paragraph, 0) + 1
        seen: dict[int, int] = {}
        for index, sentence in enumerate(document.sentences):
            position = seen.get(sentence.paragraph, 0)
            seen[sentence.paragraph] = position + 1
            context = SentenceContext(
                paragraph_kind=document.paragraphs[sentence.paragraph].kind,
                index_in_paragraph=position,
                paragraph_sentences=counts[sentence.paragraph],
                index_in_document=index,
                document_sentences=len(document.sentences),
                has_source=bool(sentence.mentions),
            )
            document_rows.append(sentence_row(document.sentence_text(sentence), context))
            labels.append(sentence.label)
        rows.extend(with_neighbours(document_rows))
    return rows, labels


def train(documents: list[CorpusDocument], *, c: float = C_REGULARISATION):
    rows, labels = corpus_rows(documents)
    missing = set(LABELS) - set(labels)
    if missing:
        raise ModelError(f"training data has no sentence labelled {', '.join(sorted(missing))}")
    return build_pipeline(c).fit(rows, labels)


def label_rows(model, rows: list[dict]) -> tuple[list[str], list[dict[str, float]], list[str | None]]:
    """Labels, per-label scores and the rule that decided (if any), one per row.

    The scores are the model's probabilities; where a high-precision rule fires, its
    label wins over the model's and its name is returned.
    """
    from argmine.classify.rules import apply_rules

    if not rows:
        return [], [], []
    classes = list(model.classes_)
    labels, scores, decided_by = [], [], []
    for row, probabilities in zip(rows, model.predict_proba(rows)):
        score = {
            label: round(float(probabilities[classes.index(label)]), 4) if label in classes else 0.0 for label in LABELS
        }
        ruled = apply_rules(row)
        labels.append(ruled[0] if ruled else max(score, key=score.get))
        decided_by.append(ruled[1] if ruled else None)
        scores.append(score)
    return labels, scores, decided_by


def save(model, path: Path) -> None:
    import zipfile

    import skops.io

    path.parent.mkdir(parents=True, exist_ok=True)
    skops.io.dump(model, path, compression=zipfile.ZIP_DEFLATED, compresslevel=9)


def load(path: Path):
    """Load a model file, refusing any type outside ``TRUSTED_TYPES``."""
    import skops.io

    try:
        untrusted = skops.io.get_untrusted_types(file=path)
    except Exception as error:  # skops raises many types on a damaged file
        raise ModelError(f"{path}: not a readable model file ({type(error).__name__})") from None
    unexpected = sorted(set(untrusted) - set(TRUSTED_TYPES))
    if unexpected:
        raise ModelError(f"{path}: refusing to load untrusted types: {', '.join(unexpected[:5])}")
    try:
        return skops.io.load(path, trusted=untrusted)
    except Exception as error:
        raise ModelError(f"{path}: cannot load the model ({type(error).__name__}: {error})") from None


def bundled_model_path() -> Path:
    """The model shipped inside the package, or the source tree's ``models/`` in development."""
    packaged = resources.files("argmine").joinpath("models", MODEL_FILENAME)
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[3] / "models" / MODEL_FILENAME


@lru_cache(maxsize=4)
def load_bundled(path: str | None = None):
    model_path = Path(path) if path else bundled_model_path()
    if not model_path.is_file():
        raise ModelError(f"classifier model not found at {model_path}; run `argmine train`")
    return load(model_path)
