"""The MUC-4 role tagger: tokens, features, decoding, the entity trees, the model file and the
shipped model."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from presslens.embed import DIM
from presslens.errors import ModelError
from presslens.evaluate.muc4 import MucDocument
from presslens.events.roles import (
    ENTITY_FEATURES,
    ROLES,
    Candidate,
    Decoding,
    EntityScorer,
    Lexicon,
    RoleTagger,
    candidates,
    context_odds,
    default_tagger,
    entity_matrix,
    forest_rows,
    select,
)
from presslens.events.roles_encoder import default_encoder
from presslens.events.roles_features import DocumentTokens, sentences, tokenize
from presslens.events.roles_semantic import (
    RoleDirections,
    masked_sentence,
    phrase_embeddings,
    sentence_texts,
)
from presslens.events.roles_train import fit_directions, fold_of, sentence_labels, token_labels
from presslens.events.roles_trees import Forest

_TEXT = "the mayor's car was hit by a bomb. the owls said the bomb was theirs."


def _probabilities(n_tokens: int, values: dict[tuple[int, str], float]) -> np.ndarray:
    probabilities = np.zeros((n_tokens, len(ROLES)))
    for (token, role), value in values.items():
        probabilities[token, ROLES.index(role)] = value
    return probabilities


def _unsure(tokens: DocumentTokens) -> np.ndarray:
    """Sentence probabilities that say nothing: one half for every sentence and role."""
    return np.full((len(sentences(tokens.words)), len(ROLES)), 0.5)


def _blank() -> RoleDirections:
    """A sentence or phrase model that says nothing (log-odds 0)."""
    return RoleDirections(np.zeros((len(ROLES), DIM)), np.zeros(len(ROLES)))


def _candidate(role: str, words: tuple[str, ...], first: int, end: int) -> Candidate:
    return Candidate(
        ROLES.index(role), words, first, end, np.zeros(1), np.zeros(DIM), np.zeros((1, DIM))
    )


def test_roles_tokens_keep_offsets_and_split_the_possessive() -> None:
    text = "Major Roberto d'Aubuisson's M-16 (FMLN)."
    tokens = tokenize(text)
    assert tokens.words == ["major", "roberto", "d'aubuisson", "'s", "m-16", "(", "fmln", ")", "."]
    assert [text[s:e].lower() for s, e in tokens.offsets] == tokens.words
    assert len(tokens.features) == len(tokens.words)
    assert len({len(f) for f in tokens.features}) == 1


def test_roles_features_see_the_lexicons_and_the_context() -> None:
    same_word = [tokenize(t) for t in ("a bomb exploded.", "a bomb was defused.")]
    assert same_word[0].features[1] != same_word[1].features[1]
    assert tokenize("a bomb exploded.").features == tokenize("a bomb exploded.").features


def _scorer(forest: Forest | None = None) -> EntityScorer:
    """An entity scorer whose regression trusts the mean probability of the best mention."""
    entity_weights = np.zeros((len(ROLES), len(ENTITY_FEATURES)))
    entity_weights[:, ENTITY_FEATURES.index("mean")] = 1.0
    lexicon = Lexicon.count([], np.zeros(0, dtype=bool))
    return EntityScorer(entity_weights, np.zeros(len(ROLES)), lexicon, _blank(), _blank(), forest)


def _tagger(decoding: Decoding, bits: int = 4, forest: Forest | None = None) -> RoleTagger:
    """A tiny tagger with :func:`_scorer`'s entity scorer."""
    weights = np.arange(16 * len(ROLES), dtype=np.float16).reshape(16, len(ROLES)) / 100
    return RoleTagger(
        weights[: 1 << bits], np.zeros(len(ROLES)), _blank(), _scorer(forest), decoding, bits
    )


def _texts(found: list[Candidate], tokens: DocumentTokens, role: str) -> set[str]:
    return {" ".join(c.words) for c in found if ROLES[c.role] == role}


def test_roles_candidates_nest_a_confident_core_inside_weaker_edges() -> None:
    text = "the farabundo marti front attacked."
    tokens = tokenize(text)
    probabilities = _probabilities(
        6, {(1, "PerpInd"): 0.2, (2, "PerpInd"): 0.9, (3, "PerpInd"): 0.2, (0, "PerpInd"): 0.3}
    )
    found = candidates(text, tokens, probabilities, _unsure(tokens))
    assert _texts(found, tokens, "PerpInd") == {"marti", "farabundo marti front"}
    # The lexicon adds four features, the phrase model one and the masked-sentence model two.
    assert len(found[0].features) == len(ENTITY_FEATURES) - 7


def test_roles_candidates_are_one_per_phrase_and_rank_within_their_role() -> None:
    text = "a bomb , a rifle . the bomb ."
    tokens = tokenize(text)
    probabilities = _probabilities(
        len(tokens.words), {(1, "Weapon"): 0.9, (4, "Weapon"): 0.5, (7, "Weapon"): 0.7}
    )
    found = {" ".join(c.words): c for c in candidates(text, tokens, probabilities, _unsure(tokens))}
    assert set(found) == {"bomb", "rifle"}
    mentions, rank = ENTITY_FEATURES.index("mentions"), ENTITY_FEATURES.index("rank")
    assert found["bomb"].features[mentions] > found["rifle"].features[mentions]
    assert found["bomb"].features[rank] < found["rifle"].features[rank]


def test_roles_victim_candidates_lose_the_titles_before_a_name() -> None:
    text = "gunmen fired at msgr juan perez ."
    tokens = tokenize(text)
    probabilities = _probabilities(7, {(3, "Victim"): 0.9, (4, "Victim"): 0.9, (5, "Victim"): 0.9})
    probabilities[3:6, ROLES.index("PerpInd")] = 0.9
    found = candidates(text, tokens, probabilities, _unsure(tokens))
    assert _texts(found, tokens, "Victim") == {"juan perez"}
    assert _texts(found, tokens, "PerpInd") == {"msgr juan perez"}


def test_roles_target_candidates_are_widened_to_the_noun_phrase() -> None:
    text = "the offices of the labor union were bombed by rebels ."
    tokens = tokenize(text)
    probabilities = _probabilities(len(tokens.words), {(1, "Target"): 0.9, (9, "PerpInd"): 0.9})
    found = candidates(text, tokens, probabilities, _unsure(tokens))
    assert _texts(found, tokens, "Target") == {"offices", "offices of labor union"}
    assert _texts(found, tokens, "PerpInd") == {"rebels"}


def test_roles_select_keeps_one_phrase_per_entity_and_respects_limits() -> None:
    text = "guerrillas and urban guerrillas used a bomb , a rifle , a mortar ."
    tokens = tokenize(text)
    found = [
        _candidate("PerpInd", ("guerrillas",), 0, 1),
        _candidate("PerpInd", ("urban", "guerrillas"), 2, 4),
        _candidate("Weapon", ("bomb",), 6, 7),
        _candidate("Weapon", ("rifle",), 9, 10),
        _candidate("Weapon", ("mortar",), 12, 13),
        _candidate("Target", ("rifle",), 9, 10),
    ]
    scores = np.array([0.6, 0.9, 0.9, 0.8, 0.7, 0.3])
    chosen = select(text, tokens, found, scores, Decoding((0.5,) * 5, (5, 5, 5, 5, 2)))
    assert [f.text for f in chosen["PerpInd"]] == ["urban guerrillas"]
    assert [f.text for f in chosen["Weapon"]] == ["bomb", "rifle"]
    assert chosen["Target"] == []
    assert chosen["PerpInd"][0].score == 0.9


def test_roles_lexicon_counts_how_often_a_phrase_was_a_filler() -> None:
    found = [
        _candidate("Weapon", ("car", "bomb"), 0, 2),
        _candidate("Weapon", ("car", "bomb"), 0, 2),
        _candidate("Weapon", ("bomb",), 1, 2),
        _candidate("Target", ("car",), 0, 1),
    ]
    lexicon = Lexicon.count(found, np.array([True, True, False, False]))
    car_bomb, bomb = lexicon.features(found[0]), lexicon.features(found[2])
    unseen = lexicon.features(_candidate("Target", ("bank",), 0, 1))
    assert car_bomb[2] > unseen[2] > bomb[2]  # phrase odds: 2 of 2, none seen, 0 of 1
    assert car_bomb[0] == bomb[0]  # one head, "bomb": 2 of 3 weapon candidates...
    assert lexicon.features(found[3])[0] < bomb[0]  # ...while "car" as a target was 0 of 1
    assert unseen[1] == unseen[3] == 0.0


def test_roles_model_file_round_trips_without_pickle(tmp_path: Path) -> None:
    tagger = _tagger(Decoding((0.4,) * 5, (2,) * 5))
    tagger.save(tmp_path / "roles.npz")
    loaded = RoleTagger.load(tmp_path / "roles.npz")
    assert loaded.decoding == tagger.decoding
    assert np.array_equal(loaded.weights, tagger.weights)
    assert np.array_equal(loaded.scorer.weights, tagger.scorer.weights)
    tokens = tokenize(_TEXT)
    assert np.allclose(loaded.probabilities(tokens), tagger.probabilities(tokens))
    tagger.encoder = loaded.encoder  # the file holds no encoder: loading adds the shipped one
    assert loaded.fillers(_TEXT) == tagger.fillers(_TEXT)


def test_roles_loaded_tagger_blends_in_the_encoder(tmp_path: Path) -> None:
    tagger = _tagger(Decoding((0.4,) * 5, (2,) * 5))
    tagger.save(tmp_path / "roles.npz")
    loaded = RoleTagger.load(tmp_path / "roles.npz")
    assert loaded.encoder is default_encoder()
    tokens = tokenize(_TEXT)
    linear, encoder = tagger.probabilities(tokens), default_encoder().probabilities(tokens.words)
    assert np.allclose(tagger.token_probabilities(tokens), linear)  # no encoder: linear alone
    assert np.allclose(loaded.token_probabilities(tokens), (linear + encoder) / 2)


def test_roles_missing_or_stale_model_is_a_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="train it"):
        RoleTagger.load(tmp_path / "absent.npz")
    path = tmp_path / "stale.npz"
    _tagger(Decoding((0.5,) * 5, (1,) * 5), 1).save(path)
    with np.load(path) as data:
        arrays = dict(data)
    arrays["feature_version"] = np.int32(-1)
    np.savez(path, **arrays)
    with pytest.raises(ModelError, match="made for version -1"):
        RoleTagger.load(path)


def test_roles_training_labels_every_occurrence_of_a_gold_mention() -> None:
    start = _TEXT.index("bomb")
    document = MucDocument("D1", _TEXT, {}, (("Weapon", start, start + 4),))
    tokens = tokenize(_TEXT)
    labels = token_labels(document, tokens)
    tagged = [tokens.words[i] for i in np.flatnonzero(labels >= 0)]
    assert tagged == ["bomb", "bomb"]
    assert set(labels[labels >= 0]) == {ROLES.index("Weapon")}


def test_roles_folds_are_fifths_whatever_the_order() -> None:
    ids = [f"DEV-MUC3-{i:04d}" for i in range(1000)]
    sizes = [sum(fold_of(i) == k for i in ids) for k in range(5)]
    assert all(150 < size < 250 for size in sizes)
    assert [fold_of(i) for i in reversed(ids)] == [fold_of(i) for i in ids][::-1]


def test_roles_shipped_model_finds_a_wire_story_fillers() -> None:
    text = (
        "urban guerrillas of the farabundo marti national liberation front (fmln) today "
        "exploded a car bomb outside the national telephone company building in san salvador. "
        "police said businessman jose antonio perez was killed in the attack."
    )
    found = default_tagger().fillers(text)
    assert any("bomb" in f.text for f in found["Weapon"])
    assert all(text[f.start : f.end] == f.text for fillers in found.values() for f in fillers)
    assert all(0.0 <= f.score <= 1.0 for fillers in found.values() for f in fillers)


def test_roles_candidates_read_every_occurrence_of_their_phrase() -> None:
    text = "the office was bombed by rebels . the rebels held a meeting in the hills ."
    tokens = tokenize(text)
    assert tokens.attack[0] and not tokens.attack[-1]
    probabilities = _probabilities(len(tokens.words), {(5, "PerpInd"): 0.9})
    (rebels,) = candidates(text, tokens, probabilities, _unsure(tokens))
    value = dict(zip(ENTITY_FEATURES, rebels.features, strict=False))
    assert (value["attack_share"], value["attack_any"]) == (0.5, 1.0)
    assert (value["after_by"], value["after_of"]) == (0.5, 0.0)


def _stump_pair() -> Forest:
    """Tree 0 splits feature 0 at 0.5 (-1 / +1); tree 1 is a single leaf worth 0.25."""
    return Forest(
        feature=np.array([0, 0, 0, 0]),
        threshold=np.array([0.5, 0.0, 0.0, 0.0]),
        left=np.array([1, -1, -1, -1]),
        right=np.array([2, -1, -1, -1]),
        value=np.array([0.0, -1.0, 1.0, 0.25]),
        roots=np.array([0, 3]),
        baseline=0.5,
    )


def test_roles_trees_sum_the_leaves_each_row_reaches() -> None:
    rows = np.array([[0.2, 9.0], [0.5, 9.0], [0.7, -9.0]])
    assert np.allclose(_stump_pair().decision(rows), [-0.25, -0.25, 1.75])
    assert _stump_pair().decision(np.zeros((0, 2))).shape == (0,)


def test_roles_trees_exported_from_sklearn_learn_an_interaction() -> None:
    pytest.importorskip("sklearn")
    from presslens.events.roles_train import fit_forest

    generator = np.random.default_rng(0)
    rows = generator.uniform(-1, 1, size=(4000, 3))
    labels = (rows[:, 0] > 0) != (rows[:, 1] > 0)  # no linear model can fit this
    forest = fit_forest(rows, labels)  # raises if the export disagrees with sklearn
    probe = np.array([[0.5, 0.5, 0.0], [-0.5, 0.5, 0.0], [0.5, -0.5, 0.0], [-0.5, -0.5, 0.0]])
    assert list(forest.decision(probe) > 0) == [False, True, True, False]


def test_roles_scorer_averages_the_regression_and_the_trees() -> None:
    tokens = tokenize(_TEXT)
    probabilities = np.full((len(tokens.words), len(ROLES)), 0.05)
    probabilities[7] = 0.9  # "bomb"
    found = candidates(_TEXT, tokens, probabilities, _unsure(tokens))
    linear = _scorer(None).scores(found)
    # A forest that always says log-odds 0 (probability one half).
    flat = Forest(*(np.zeros(1, dtype=int),) * 2, np.array([-1]), np.array([-1]), np.zeros(1),
                  np.zeros(1, dtype=int), 0.0)  # fmt: skip
    assert np.allclose(_scorer(flat).scores(found), (linear + 0.5) / 2)


def test_roles_model_file_round_trips_the_trees(tmp_path: Path) -> None:
    forest = Forest(
        feature=np.array([len(ROLES) + ENTITY_FEATURES.index("words"), 0, 0]),
        threshold=np.array([1.5, 0.0, 0.0]),
        left=np.array([1, -1, -1]),
        right=np.array([2, -1, -1]),
        value=np.array([0.0, 2.0, -2.0]),
        roots=np.array([0]),
        baseline=0.0,
    )
    tagger = _tagger(Decoding((0.3,) * 5, (2,) * 5), forest=forest)
    tagger.save(tmp_path / "roles.npz")
    loaded = RoleTagger.load(tmp_path / "roles.npz")
    assert loaded.scorer.forest is not None
    assert np.array_equal(loaded.scorer.forest.left, forest.left)
    tokens = tokenize(_TEXT)
    found = candidates(_TEXT, tokens, tagger.probabilities(tokens), _unsure(tokens))
    assert np.allclose(loaded.scorer.scores(found), tagger.scorer.scores(found))
    tagger.encoder = loaded.encoder  # the file holds no encoder: loading adds the shipped one
    assert loaded.fillers(_TEXT) == tagger.fillers(_TEXT)


def test_roles_forest_rows_put_the_role_first() -> None:
    rows = forest_rows(np.array([[7.0, 8.0], [9.0, 1.0]]), np.array([4, 0]))
    assert rows.tolist() == [[0, 0, 0, 0, 1, 7, 8], [1, 0, 0, 0, 0, 9, 1]]


def test_roles_shipped_model_answers_for_a_russian_story() -> None:
    """The tagger knows Spanish-American wire English only; other text must not break it."""
    text = "Вчера в Москве взорвалась бомба. Полиция задержала двух подозреваемых."
    fillers = default_tagger().fillers(text)
    assert set(fillers) == set(ROLES)
    for found in fillers.values():
        for filler in found:
            assert text[filler.start : filler.end] == filler.text


def test_roles_candidates_read_how_likely_their_sentences_hold_a_filler() -> None:
    text = "rebels fired . rebels fled . a bomb went off ."
    tokens = tokenize(text)
    probabilities = _probabilities(len(tokens.words), {(0, "PerpInd"): 0.9, (7, "Weapon"): 0.9})
    likely = _unsure(tokens)
    likely[1, ROLES.index("PerpInd")] = 0.9  # the second sentence speaks of the perpetrator
    found = {" ".join(c.words): c for c in candidates(text, tokens, probabilities, likely)}
    value = dict(zip(ENTITY_FEATURES, found["rebels"].features, strict=False))
    assert value["sentence_max"] == value["sentence_document"] > value["sentence_best"]
    assert value["sentence_max"] > value["sentence_mean"] > value["sentence_best"]
    bomb = dict(zip(ENTITY_FEATURES, found["bomb"].features, strict=False))
    assert bomb["sentence_max"] == bomb["sentence_best"] == 0.0  # log-odds of one half


def test_roles_sentence_texts_are_the_tagger_sentences() -> None:
    text = "A bomb exploded.  Two men fled! Police said"
    assert sentence_texts(text, tokenize(text)) == [
        "A bomb exploded.",
        "Two men fled!",
        "Police said",
    ]


def test_roles_sentence_labels_mark_the_sentences_holding_a_filler() -> None:
    start = _TEXT.index("bomb")
    document = MucDocument("D1", _TEXT, {}, (("Weapon", start, start + 4),))
    labels = sentence_labels(document, tokenize(_TEXT))
    assert labels.shape == (2, len(ROLES))
    assert labels[:, ROLES.index("Weapon")].tolist() == [True, True]
    assert not labels[:, ROLES.index("Victim")].any()


def test_roles_entity_matrix_reads_the_phrase_model_log_odds() -> None:
    weights = np.zeros((len(ROLES), DIM))
    weights[ROLES.index("Weapon"), 0] = 2.0
    phrases = RoleDirections(weights, np.full(len(ROLES), -1.0))
    found = [
        Candidate(ROLES.index(role), (word,), 0, 1, np.zeros(1), np.eye(DIM)[0], np.eye(DIM)[:1])
        for role, word in (("Weapon", "bomb"), ("Target", "bus"))
    ]
    matrix = entity_matrix(found, Lexicon.count([], np.zeros(0, dtype=bool)), phrases, _blank())
    # The phrase model's log-odds, then the masked-sentence model's two (blank here: 0).
    assert matrix[:, -3].tolist() == [1.0, -1.0]  # only the weapon model knows this direction
    assert matrix[:, -2:].tolist() == [[0.0, 0.0], [0.0, 0.0]]


def test_roles_directions_fitted_per_role_on_its_own_rows() -> None:
    pytest.importorskip("sklearn")
    generator = np.random.default_rng(0)
    vectors = generator.normal(size=(400, DIM))
    roles = np.zeros((400, len(ROLES)), dtype=bool)
    roles[:200, ROLES.index("Weapon")] = roles[200:, ROLES.index("Target")] = True
    labels = np.zeros_like(roles)
    # Each role's label says the opposite on the other role's rows: a model fitted on every
    # row would learn nothing from the column that decides its own rows.
    own = np.arange(400) < 200
    labels[:, ROLES.index("Weapon")] = np.where(own, vectors[:, 0] > 0, vectors[:, 0] < 0)
    labels[:, ROLES.index("Target")] = np.where(own, vectors[:, 1] < 0, vectors[:, 1] > 0)
    directions = fit_directions(vectors, labels, roles)
    weapon, target = (
        directions.weights[ROLES.index("Weapon")],
        directions.weights[ROLES.index("Target")],
    )
    assert np.argmax(weapon) == 0 and np.argmax(target) == 1


def test_roles_model_file_round_trips_the_sentence_phrase_and_context_models(
    tmp_path: Path,
) -> None:
    tagger = _tagger(Decoding((0.3,) * 5, (2,) * 5))
    tagger.sentences = RoleDirections(np.ones((len(ROLES), DIM)) / DIM, np.arange(len(ROLES)) / 10)
    contexts = RoleDirections(-np.ones((len(ROLES), DIM)) / DIM, np.arange(len(ROLES)) / 5)
    tagger.scorer = replace(tagger.scorer, contexts=contexts)
    tagger.save(tmp_path / "roles.npz")
    loaded = RoleTagger.load(tmp_path / "roles.npz")
    assert np.allclose(loaded.sentences.weights, tagger.sentences.weights)
    assert np.allclose(loaded.sentences.bias, tagger.sentences.bias)
    assert np.array_equal(loaded.scorer.phrases.weights, tagger.scorer.phrases.weights)
    assert np.allclose(loaded.scorer.contexts.weights, contexts.weights)
    assert np.allclose(loaded.scorer.contexts.bias, contexts.bias)
    tagger.encoder = loaded.encoder  # the file holds no encoder: loading adds the shipped one
    assert loaded.fillers(_TEXT) == tagger.fillers(_TEXT)


def test_roles_masked_sentence_puts_the_role_placeholder_in_the_mention_place() -> None:
    text = "Two gunmen attacked the embassy.  Police arrived."
    tokens = tokenize(text)
    first_sentence = sentences(tokens.words)[0]
    gunmen, embassy = (0, 2), (4, 5)  # "two gunmen" and "embassy"
    perpetrator = masked_sentence(text, tokens, first_sentence, gunmen, ROLES.index("PerpInd"))
    target = masked_sentence(text, tokens, first_sentence, embassy, ROLES.index("Target"))
    assert perpetrator == "someone attacked the embassy."
    assert target == "Two gunmen attacked the something."


def test_roles_candidates_encode_one_masked_sentence_per_place_they_stand() -> None:
    text = "rebels fired at a bus . the army chased the rebels ."
    tokens = tokenize(text)
    probabilities = _probabilities(len(tokens.words), {(0, "PerpInd"): 0.9, (4, "Target"): 0.9})
    found = {ROLES[c.role]: c for c in candidates(text, tokens, probabilities, _unsure(tokens))}
    expected = phrase_embeddings(
        [
            "someone fired at a bus .",
            "the army chased the someone .",
            "rebels fired at a something .",
        ]
    )
    assert found["PerpInd"].contexts.shape == (2, DIM)
    assert np.allclose(found["PerpInd"].contexts, expected[:2])
    assert np.allclose(found["Target"].contexts, expected[2:])


def test_roles_context_odds_are_the_strongest_and_mean_of_a_candidate_own_role() -> None:
    weights = np.zeros((len(ROLES), DIM))
    weights[ROLES.index("PerpInd"), 0] = 2.0
    weights[ROLES.index("Victim"), 0] = -2.0
    contexts = RoleDirections(weights, np.full(len(ROLES), -1.0))
    two_places = np.eye(DIM)[[0, 1]]  # the first masked sentence speaks of a perpetrator
    found = [
        Candidate(ROLES.index(role), ("men",), 0, 1, np.zeros(1), np.zeros(DIM), two_places)
        for role in ("PerpInd", "Victim")
    ]
    assert context_odds(found, contexts).tolist() == [[1.0, 0.0], [-1.0, -2.0]]


def test_roles_context_model_learns_from_every_place_of_a_candidate() -> None:
    pytest.importorskip("sklearn")
    from presslens.events.roles_train import fit_contexts

    generator = np.random.default_rng(0)
    fillers = generator.random(300) < 0.5
    found = [
        Candidate(
            ROLES.index("Weapon"),
            ("bomb",),
            0,
            1,
            np.zeros(1),
            np.zeros(DIM),
            # a filler's two masked sentences lean one way on dimension 3, the others' the other
            generator.normal(size=(2, DIM)) + np.eye(DIM)[3] * (2.0 if filler else -2.0),
        )
        for filler in fillers
    ]
    model = fit_contexts([found], [fillers], [0])
    assert np.argmax(model.weights[ROLES.index("Weapon")]) == 3
    assert not model.weights[ROLES.index("Victim")].any()  # no victim candidates: says nothing


def test_roles_model_file_without_a_context_model_is_a_model_error(tmp_path: Path) -> None:
    path = tmp_path / "old.npz"
    _tagger(Decoding((0.5,) * 5, (1,) * 5), 1).save(path)
    with np.load(path) as data:
        arrays = {k: v for k, v in data.items() if not k.startswith("contexts_")}
    np.savez(path, **arrays)
    with pytest.raises(ModelError, match="other features"):
        RoleTagger.load(path)
