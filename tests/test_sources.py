"""Source mentions: French attribution patterns the ``argmine_sources`` component finds or rejects."""

import pytest


@pytest.fixture(scope="module")
def nlp():
    from argmine.nlp import load_pipeline

    return load_pipeline()


def run(nlp, text):
    from argmine.nlp import make_doc

    return nlp(make_doc(nlp, text))


def mentions(nlp, text):
    doc = run(nlp, text)
    return [m.text for m in doc.spans["argmine_sources"]]


def test_soft_c_and_g_forms_of_reporting_verbs_are_cues(nlp):
    assert mentions(nlp, "En 2022, la Cour des comptes jugeait que les aides étaient mal ciblées.") == [
        "la Cour des comptes"
    ]


def test_a_source_that_publishes_is_cited(nlp):
    text = "L'Autorité des marchés a publié l'an dernier une liste noire de sites frauduleux."
    assert "L'Autorité des marchés" in mentions(nlp, text)


def test_an_agreed_participle_of_publier_cites_nothing(nlp):
    assert mentions(nlp, "Les chiffres publiés hier ont surpris tout le monde.") == []


def test_auxiliary_and_adverb_between_subject_and_verb_are_skipped(nlp):
    text = "L'Agence du climat a d'ailleurs estimé dans un avis que le seuil était trop bas."
    assert mentions(nlp, text) == ["L'Agence du climat"]


def test_a_mistagged_name_opening_a_sentence_is_a_subject(nlp):
    assert mentions(nlp, "Non. Ecovolt rappelle que le compteur ne consomme presque rien.") == ["Ecovolt"]


def test_adjectives_mistagged_as_verbs_stay_in_the_subject(nlp):
    text = "L'Agence spatiale européenne rappelle que les tempêtes solaires perturbent les satellites."
    assert mentions(nlp, text) == ["L'Agence spatiale européenne"]


def test_qui_stands_for_the_noun_before_its_comma(nlp):
    text = "Ces résultats confirment ceux de l'Insee, qui évalue la hausse des loyers à 4 % par an."
    assert "l'Insee" in mentions(nlp, text)


def test_coordinated_reporting_verb_shares_the_subject(nlp):
    text = "Interrogée, l'Union des paysans se réjouit de la hausse et affirme recevoir cent appels par jour."
    assert mentions(nlp, text) == ["l'Union des paysans"]


def test_the_place_of_a_dateline_is_no_source(nlp):
    text = "Lyon, le 3 mai 2025 — L'Observatoire régional publie les résultats de son enquête annuelle."
    assert "Lyon" not in mentions(nlp, text)


def test_a_saying_asked_for_is_no_citation(nlp):
    assert mentions(nlp, "Il faut que le ministère publie ses chiffres chaque trimestre.") == []


def test_a_mention_grows_over_a_known_name(nlp):
    text = "Les données de Statistique Canada montrent que les loyers ont augmenté."
    assert any("Statistique Canada" in mention for mention in mentions(nlp, text))


def test_a_pronoun_with_nothing_before_it_is_no_source(nlp):
    assert mentions(nlp, "Elle rappelle que la réunion commence à huit heures.") == []


def test_a_pronoun_after_qu_names_the_last_source(nlp):
    doc = run(
        nlp,
        "La sociologue Anne Morel a suivi 300 salariés pendant un an. Une interruption toutes les "
        "onze minutes, un chiffre qu'elle juge « sans doute sous-estimé ».",
    )
    spans = {m.text: m._.argmine_source for m in doc.spans["argmine_sources"]}
    assert "elle" in spans and len(set(spans.values())) == 1


def test_an_acronym_in_brackets_joins_later_mentions(nlp):
    doc = run(
        nlp,
        "Selon l'Observatoire national des loyers (ONL), les prix ont grimpé de 8 %. "
        "L'ONL rappelle toutefois que la hausse ralentit.",
    )
    spans = list(doc.spans["argmine_sources"])
    assert spans[0].text == "l'Observatoire national des loyers"
    assert len({m._.argmine_source for m in spans}) == 1


def test_inverted_subject_after_que(nlp):
    text = "C'est une explication que conteste la fédération des locataires."
    assert mentions(nlp, text) == ["la fédération des locataires"]


def test_pour_and_a_pronoun_name_the_last_source(nlp):
    doc = run(
        nlp, "L'économiste Marc Dubois affirme que la croissance ralentit. Pour lui, les gains resteront modestes."
    )
    assert "lui" in [m.text for m in doc.spans["argmine_sources"]]
    assert len(doc._.argmine_sources) == 1


def test_a_role_and_the_name_in_apposition_to_it_are_one_mention(nlp):
    doc = run(nlp, "Mon professeur d'économie, Marc Lambert, estime que les prix vont baisser.")
    assert [(m.text, m.label_) for m in doc.spans["argmine_sources"]] == [
        ("Mon professeur d'économie, Marc Lambert", "person")
    ]


def test_sources_listed_with_commas_stay_apart(nlp):
    text = "Selon l'Insee, la Dares et France Travail, le chômage a baissé."
    assert "l'Insee" in mentions(nlp, text)


def test_a_study_and_its_maker_are_one_mention(nlp):
    text = "Selon un sondage mené en 2022 par l'institut Ifop, 87 % des enseignants y adhèrent."
    assert mentions(nlp, text) == ["un sondage mené en 2022 par l'institut Ifop"]


def test_a_name_called_before_an_order_is_no_source(nlp):
    assert mentions(nlp, "Lila, si tu passes par ici, dis-moi dans quelle commune tu habites.") == []


def test_a_name_called_before_a_verb_is_no_source(nlp):
    assert mentions(nlp, "Fanfan, demande à ton chauffagiste une étude thermique pièce par pièce.") == []


def test_a_verb_form_after_its_determiner_is_a_noun(nlp):
    assert mentions(nlp, "Regardez la liste des ingrédients plutôt que les promesses sur l'emballage.") == []


def test_a_place_after_a_preposition_is_no_subject(nlp):
    text = "Plusieurs planteurs rencontrés à Soubré jugent que le problème est le délai de paiement."
    assert "Soubré" not in mentions(nlp, text)


def test_the_author_speaking_is_no_source(nlp):
    assert mentions(nlp, "Moi je pense que ça paraissait dans ma face, pis je pense que c'est fini.") == []


def test_an_infinitive_has_no_subject_to_cite(nlp):
    assert mentions(nlp, "Autant le dire tout de suite : la soirée était ratée.") == []


def test_an_object_clitic_before_the_verb_is_skipped(nlp):
    text = "Le ministre le répète dans chaque entretien : la réforme est nécessaire."
    assert mentions(nlp, text) == ["Le ministre"]


def test_a_study_and_the_journal_it_appeared_in_are_one_mention(nlp):
    text = "Selon une enquête publiée mardi dans Le Parisien, les loyers augmentent encore."
    assert mentions(nlp, text) == ["une enquête publiée mardi dans Le Parisien"]


def test_a_question_inversion_is_no_incise(nlp):
    text = "Selon l'Insee, les loyers ont encore monté. Votre loyer a-t-il augmenté cette année ?"
    assert mentions(nlp, text) == ["l'Insee"]


def test_a_heading_cites_no_one(nlp):
    assert mentions(nlp, "Ce que disent les chercheurs\n\nLe texte commence ici.") == []


def test_a_profession_makes_a_person_source(nlp):
    doc = run(nlp, "Pour le criminologue, la prison ne dissuade pas les jeunes délinquants.")
    assert [(m.text, m.label_) for m in doc.spans["argmine_sources"]] == [("le criminologue", "person")]


def test_a_phrasal_verb_of_saying_is_a_cue(nlp):
    doc = run(nlp, "Marc Lenoir, juriste, met en garde contre une réforme trop rapide.")
    assert [(m.text, m._.argmine_cue) for m in doc.spans["argmine_sources"]] == [("Marc Lenoir", "met en garde")]


def test_a_group_that_claims_is_a_vague_source(nlp):
    doc = run(nlp, "Les fabricants affirment que leurs batteries tiennent dix ans.")
    assert [(m.text, m.label_) for m in doc.spans["argmine_sources"]] == [("Les fabricants", "other")]


def test_a_known_medium_after_a_or_written_in_lower_case(nlp):
    doc = run(
        nlp,
        "La ministre a déclaré à France Inter qu'aucune fermeture n'était prévue. "
        "Le maire l'a répété mardi sur franceinfo : la piscine rouvrira en juin.",
    )
    media = [m.text for m in doc.spans["argmine_sources"] if m.label_ == "media"]
    assert media == ["France Inter", "franceinfo"]


def test_du_holds_the_article_of_a_medium(nlp):
    doc = run(nlp, "La députée résumait la situation dans les colonnes du Monde en décembre.")
    assert ("Monde", "media") in [(m.text, m.label_) for m in doc.spans["argmine_sources"]]


def test_pour_and_whoever_holds_a_view(nlp):
    assert mentions(nlp, "Pour certains observateurs, la réforme arrive trop tard.") == ["certains observateurs"]
    assert mentions(nlp, "Pour un boulanger de la Sarthe, cela veut dire des journées plus longues.") == []


def test_a_time_phrase_before_an_inverted_subject_is_skipped(nlp):
    text = "« Nous suivons la demande », expliquait le mois dernier la Fédération du commerce dans un communiqué."
    found = mentions(nlp, text)
    assert found and found[0].startswith("la Fédération") and "le mois dernier" not in found


def test_an_unknown_medium_named_by_its_title_word(nlp):
    doc = run(nlp, "Le maire l'a répété jeudi sur Radio Vallée FM, puis dans Le Courrier de la Mauricie.")
    media = [m.text for m in doc.spans["argmine_sources"] if m.label_ == "media"]
    assert media == ["Radio Vallée FM", "Le Courrier de la Mauricie"]


def test_a_medium_in_lower_case_common_words_is_no_medium(nlp):
    assert mentions(nlp, "La fraude recule partout dans le monde depuis trois ans.") == []


def test_a_head_noun_that_names_a_document_or_an_administration(nlp):
    assert mentions(nlp, "Le même bilan indique que 40 % des colis arrivent en retard.") == ["Le même bilan"]
    assert mentions(nlp, "L'administration estime que la mesure coûtera deux millions.") == ["L'administration"]


def test_the_authors_own_research_is_a_study(nlp):
    doc = run(nlp, "Dans nos propres tests, menés sur 80 portables, la batterie tient six heures.")
    assert [(m.text, m.label_) for m in doc.spans["argmine_sources"]] == [("nos propres tests", "study")]


def test_a_research_action_cites_its_subject(nlp):
    assert mentions(nlp, "Le Conseil supérieur de l'éducation s'était penché sur la question en 2019.") == [
        "Le Conseil supérieur de l'éducation"
    ]
    assert mentions(nlp, "L'institut a lancé une enquête auprès de 2 000 ménages.")[0] == "L'institut"


def test_y_voir_reads_facts_and_cites_its_reader(nlp):
    assert mentions(nlp, "La ministre y a vu un signal encourageant pour les écoles.") == ["La ministre"]


def test_a_credit_in_brackets(nlp):
    text = "Le revenu médian a baissé de 3 % (source : Statistique Canada : revenus et ménages)."
    assert mentions(nlp, text) == ["Statistique Canada"]


def test_pour_and_anyone_of_a_kind_or_a_signature_cite_no_one(nlp):
    assert mentions(nlp, "Pour un chimiste, le verre est un liquide figé.") == []
    assert mentions(nlp, "Pour le bureau, Jeanne Morel, trésorière.") == []


def test_a_pronoun_goes_to_the_latest_source_of_its_gender(nlp):
    doc = run(
        nlp,
        "Selon la sociologue Anne Roy, 300 familles attendent une aide. Le ministère affirme que le dispositif fonctionne. "
        "Elle estime au contraire que les aides arrivent trop tard.",
    )
    spans = {m.text: m._.argmine_source for m in doc.spans["argmine_sources"]}
    assert spans["Elle"] == spans["la sociologue Anne Roy"]


def test_a_pronoun_subject_of_a_verb_with_no_clause_cites_no_one(nlp):
    text = "Le rapport de la Cour des comptes est sorti. Il explique à lui seul le retard du chantier."
    assert mentions(nlp, text) == ["Le rapport de la Cour des comptes"]


def test_a_pronoun_after_its_source_in_the_same_sentence_is_not_repeated(nlp):
    text = "La Ligue des locataires rappelle que les loyers montent, mais elle admet que les charges baissent."
    assert mentions(nlp, text) == ["La Ligue des locataires"]


def test_a_pronoun_in_a_condition_or_a_passive_cites_no_one(nlp):
    text = "Le syndicat a publié une note. Il est conseillé de la lire. Et s'il répond que non, tant pis."
    assert [m for m in mentions(nlp, text) if m.lower() == "il"] == []


def test_a_share_of_respondents_is_no_source(nlp):
    text = "Selon un sondage de l'institut Opinia, 62 % des Bretons pensent que la ligne doit rouvrir."
    assert not any("Bretons" in m for m in mentions(nlp, text))


def test_a_plural_noun_phrase_before_a_singular_verb_is_not_its_subject(nlp):
    text = "Une enquête de l'institut Axiome auprès de 800 salariés de la SNCF montre que la fatigue augmente."
    assert mentions(nlp, text) == ["Une enquête de l'institut Axiome"]


def test_the_agent_of_a_payment_is_no_source(nlp):
    text = "Les travaux, financés par la Région Bretagne, ont duré deux ans."
    assert mentions(nlp, text) == []


def test_a_finite_verb_the_tagger_calls_an_infinitive_still_cites(nlp):
    text = "Le constructeur promet qu'une seule charge suffit pour toute la semaine."
    assert mentions(nlp, text) == ["Le constructeur"]


def test_a_source_that_denies_still_reports(nlp):
    text = "L'Office fédéral de la santé ne recommande pas cette méthode."
    assert mentions(nlp, text) == ["L'Office fédéral de la santé"]


def test_nobody_and_saying_nothing_cite_no_one(nlp):
    assert mentions(nlp, "Aucune étude ne montre que le pain du soir fait grossir.") == []
    assert mentions(nlp, "Le prospectus de la marque ne dit rien de la durée de vie des piles.") == []


def test_a_document_after_selon_is_a_source(nlp):
    text = "Selon le préavis communal, la nouvelle salle coûterait trois millions de francs."
    assert mentions(nlp, text) == ["le préavis communal"]


def test_the_maker_of_a_document_after_selon_is_the_source(nlp):
    text = "D'après les chiffres que la mutuelle nous a transmis, les remboursements ont doublé."
    assert not any(m.startswith("les chiffres") for m in mentions(nlp, text))


def test_a_body_that_presents_or_justifies_is_cited(nlp):
    text = "Le syndicat des locataires justifie la grève par une hausse de 18 % des charges."
    assert mentions(nlp, text) == ["Le syndicat des locataires"]


def test_a_reporting_verb_tagged_as_a_noun_keeps_its_subject(nlp):
    text = "L'Agence de la santé ne la recommande plus depuis trois ans."
    assert "L'Agence de la santé" in mentions(nlp, text)


def test_a_study_opening_its_sentence_reports_its_verbs_object(nlp):
    text = "Des élèves ont été suivis pendant deux ans. Le même rapport relève pourtant une baisse des absences."
    assert "Le même rapport" in mentions(nlp, text)


def test_an_inverted_verb_after_a_comma_takes_no_subject_on_its_left(nlp):
    text = "Nommé Orion, ce satellite pourrait durer dix ans, indique la NASA."
    assert not any("Orion" in m for m in mentions(nlp, text))


def typed(nlp, text):
    doc = run(nlp, text)
    return {span.text: span.label_ for span in doc.spans["argmine_sources"]}


def test_data_of_a_named_body_are_typed_as_that_body(nlp):
    text = "Les données de l'Office cantonal de la statistique montrent une hausse de 4 % des loyers."
    assert typed(nlp, text).get("Les données de l'Office cantonal de la statistique") == "organization"


def test_researchers_opening_a_sentence_are_the_study(nlp):
    text = "Une étude a suivi 300 ruches pendant trois ans. Les chercheurs notent que les pertes ont doublé."
    assert typed(nlp, text).get("Les chercheurs") == "study"


def test_researchers_of_a_named_body_speak_for_it(nlp):
    text = "Les chercheurs de l'Inrae estiment que les pertes ont doublé en dix ans."
    assert typed(nlp, text).get("Les chercheurs de l'Inrae") == "organization"


def test_a_name_with_a_job_in_apposition_is_a_person(nlp):
    text = "Nadia Ferchichi, nutritionniste, rappelle que les légumes surgelés gardent leurs vitamines."
    assert typed(nlp, text).get("Nadia Ferchichi") == "person"


def test_a_newspaper_title_is_a_medium(nlp):
    text = "Le Courrier du Vercors rapportait en mai que la station fermerait deux pistes."
    assert typed(nlp, text).get("Le Courrier du Vercors") == "media"


def test_a_named_podcast_is_a_medium(nlp):
    text = "« Le vélo cargo change tout », affirmait mardi l'urbaniste Paul Girard au balado Vélo Club."
    assert typed(nlp, text).get("balado Vélo Club") == "media"


def test_a_broadcaster_on_its_airwaves_is_a_medium(nlp):
    text = "Le maire a défendu sur les ondes de Radio Vallée un budget « responsable »."
    assert typed(nlp, text).get("Radio Vallée") == "media"


def test_par_before_a_bare_noun_is_a_rate_not_an_agent(nlp):
    text = "Selon l'Ademe, une taxe fixée à 3 euros réclamés par colis ferait baisser les ventes."
    assert "colis" not in mentions(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Le fromager vend son comté « affiné maison », avec une étiquette dorée sur la croûte.",
        "Le guide classe ce quartier parmi les coins « branchés », et les loyers y grimpent vite.",
        "On parle d'une rentrée « apaisée », comme la fin des grèves le laissait espérer.",
    ],
)
def test_a_preposition_or_conjunction_after_a_quote_opens_no_incise(nlp, text):
    assert mentions(nlp, text) == []


def test_a_verb_after_a_quote_still_opens_an_incise(nlp):
    text = "« Les prix vont encore monter », prévient Hélène Marchal."
    assert "Hélène Marchal" in mentions(nlp, text)


def test_a_picture_credit_cites_no_source(nlp):
    text = "Le marché couvert rouvre ses portes.\n\nPhoto : les étals un samedi matin / Crédit : Paul Verdier\n"
    assert mentions(nlp, text) == []


def test_a_source_line_under_a_picture_cites_its_source(nlp):
    text = "Le marché couvert rouvre ses portes.\n\nPhoto : les étals un samedi matin / Source : Ville de Namur\n"
    assert "Ville de Namur" in mentions(nlp, text)


def test_a_deed_participle_after_a_noun_cites_nothing(nlp):
    assert mentions(nlp, "Les résumés générés par Google occupent le haut de la page.") == []


def test_que_par_compares_means_and_cites_nothing(nlp):
    assert mentions(nlp, "Le vocabulaire s'acquiert mieux par la lecture guidée que par des fiches de révision.") == []


def test_an_order_to_the_reader_cites_no_one(nlp):
    assert mentions(nlp, "Locataires, demandez toujours un état des lieux écrit avant de signer.") == []


def test_a_saying_asked_for_behind_an_adverb_is_no_citation(nlp):
    assert mentions(nlp, "Il faut aussi que la mairie publie enfin le détail des dépenses.") == []


def test_a_rectorate_a_company_or_a_brand_can_report(nlp):
    found = run(nlp, "La marque assure que ses capteurs tiennent dix ans, et le rectorat confirme le calendrier.")
    assert [(m.text, m.label_) for m in found.spans["argmine_sources"]] == [
        ("La marque", "organization"),
        ("le rectorat", "organization"),
    ]


def test_a_medium_in_whose_columns_one_speaks(nlp):
    text = "Le maire a défendu son budget dans les colonnes de 20 Minutes la semaine passée."
    found = run(nlp, text)
    assert ("20 Minutes", "media") in [(m.text, m.label_) for m in found.spans["argmine_sources"]]


def test_a_pronoun_that_opens_on_a_finding_stands_for_the_study(nlp):
    text = (
        "Une équipe suédoise a suivi 860 dormeurs en laboratoire. "
        "Elle ne trouve aucune différence entre les nuits de pleine lune et les autres."
    )
    assert mentions(nlp, text)[-1] == "Elle"


def test_a_study_that_opens_the_sentence_after_dans_is_cited(nlp):
    text = "Dans l'étude nantaise, la teneur en gluten ne baisse que de quelques pour cent."
    assert mentions(nlp, text) == ["l'étude nantaise"]


def test_a_study_owned_by_the_subject_after_dans_is_not_cited(nlp):
    text = "Dans son rapport, l'Observatoire des métiers estime que 38 % des tâches sont automatisables."
    assert mentions(nlp, text) == ["l'Observatoire des métiers"]


def test_a_clitic_between_the_quote_and_the_incise_is_skipped(nlp):
    text = "« On fait au mieux avec les moyens », nous a-t-elle expliqué, très sérieusement."
    assert mentions(nlp, text) == []  # no earlier source for "elle" to stand for
    text = "La principale adjointe affirme que tout va bien. " + text
    assert "a-t-elle expliqué" in mentions(nlp, text)


def test_people_of_a_trade_in_the_plural_are_a_source(nlp):
    text = "Les prix des logements anciens ont reculé de 4 % sur un an, d'après les notaires."
    assert mentions(nlp, text) == ["les notaires"]


def test_the_same_source_refers_back(nlp):
    text = (
        "Selon la Voix du Nord, la fréquentation des bus a doublé. "
        "Selon la même source, la moitié des nouveaux voyageurs laissent leur voiture."
    )
    doc = run(nlp, text)
    assert [m.text for m in doc.spans["argmine_sources"]][-1] == "la même source"
    assert len(doc._.argmine_sources) == 1


def test_a_person_interviewed_by_a_medium_and_the_medium_are_both_sources(nlp):
    text = "Selon un pneumologue interrogé par France Info, la pollution aggrave l'asthme des enfants."
    assert mentions(nlp, text) == ["un pneumologue", "France Info"]


def test_a_reporting_verb_with_an_infinitive_reports(nlp):
    assert mentions(nlp, "Le sélectionneur affirme ne pas regretter ses choix.") == ["Le sélectionneur"]


def test_aux_yeux_du_attributes(nlp):
    text = "Aux yeux du syndicat des propriétaires, l'encadrement des loyers décourage l'investissement."
    assert mentions(nlp, text) == ["syndicat des propriétaires"]


def test_a_credit_that_closes_a_paragraph_is_a_source(nlp):
    text = "Le reste de l'empreinte est compensé par des crédits carbone. Source : Rapport environnemental d'Apple."
    assert mentions(nlp, text) == ["Rapport environnemental d'Apple"]


def test_a_credit_line_without_a_colon_needs_a_capital(nlp):
    assert mentions(nlp, "Les températures ont battu des records.\n\nSource Météo-France") == ["Météo-France"]
    assert mentions(nlp, "La source du problème est ailleurs.") == []


def test_an_inverted_subject_after_a_verb_of_claiming(nlp):
    text = (
        "C'est écrire une philosophie « sur un mode politique, revendique Matthew Crawford, c'est-à-dire polémique »."
    )
    assert mentions(nlp, text) == ["Matthew Crawford"]


def test_an_adverb_or_an_instruction_opening_a_sentence_is_no_name(nlp):
    assert mentions(nlp, "Concrètement on parle ici d'éviter la déforestation.") == []
    assert mentions(nlp, "Installer les outils demandés sur votre ordinateur.") == []


def test_a_time_phrase_between_a_participle_and_its_journal_is_skipped(nlp):
    text = "Les résultats de leurs études sont publiés cette semaine dans le très sérieux British Medical Journal."
    assert any("British Medical Journal" in found for found in mentions(nlp, text))


def test_people_of_a_trade_with_an_adjective_are_a_source(nlp):
    assert mentions(nlp, "Les agents immobiliers le constatent : les acheteurs négocient davantage.") == [
        "Les agents immobiliers"
    ]


def test_the_findings_of_a_named_body_cite_it(nlp):
    text = "Les résultats de PISA 2022 sont sans appel : les élèves lisent moins bien qu'en 2018."
    assert mentions(nlp, text) == ["Les résultats de PISA 2022"]


def test_the_reader_s_own_data_cite_nobody(nlp):
    assert mentions(nlp, "Regardez plutôt vos propres données de la Search Console, mois par mois.") == []


def test_a_quote_signed_by_its_speaker(nlp):
    assert mentions(nlp, "« Ma fille sera médecin. » — Aïssatou Bello, mère d'élève à Garoua") == ["Aïssatou Bello"]
    assert mentions(nlp, "« Publiez tôt, publiez souvent. » (Eric Raymond)") == ["Eric Raymond"]


def test_a_subject_after_comme_and_its_clitic(nlp):
    text = "Il serait hâtif d'en conclure que la science est fausse, comme l'ont titré plusieurs sites."
    assert mentions(nlp, text) == ["plusieurs sites"]
