//! Full-text search of procedures (R7.5). PostgreSQL has no Polish dictionary, so words
//! are reduced to lexemes here — lowercased, NFC, unaccented — each word to two forms: its
//! Polish stem (tantivy-stemmers) and its light stem (without the last vowels), because the
//! stemmer alone strips some words differently in different cases ("utrata" utra, "utraty"
//! utrat). A procedure's lexemes are stored as a `tsvector`, weighted by section, and a
//! query becomes a `tsquery` of the same lexemes: its words AND-ed (OR-ed when that finds
//! nothing), the last one also as the beginning of a word (instant search), and a word no
//! procedure has also as its nearest indexed lexemes (typos: trigrams find, edits decide).
//! Both are written as `tsvector`/`tsquery` text of lexemes checked to be `[a-z0-9]`, which
//! is what the 'simple' configuration would make of them, minus its parser's surprises
//! (`to_tsquery('simple', '12e3x')` is two lexemes).

use chrono::NaiveDate;
use diesel::QueryableByName;
use diesel::sql_types::{Array, BigInt, Bool, Date, Nullable, Text};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use tantivy_stemmers::algorithms::polish_yarovoy_unaccented;
use unicode_normalization::UnicodeNormalization;
use uuid::Uuid;

use crate::knowledge::content::ProcedureFields;

/// Who is searching: the public sees only published, non-internal procedures inside their
/// validity window on `today`; staff see every procedure, published or not, internal or not.
pub enum Audience {
    Public { today: NaiveDate },
    Staff,
}

/// What to list: the filters, the words to search for, and the page.
pub struct Filter<'a> {
    pub audience: Audience,
    pub unit: Option<Uuid>,
    pub topic: Option<&'a str>,
    pub query: Option<&'a str>,
    pub limit: i64,
    pub offset: i64,
}

/// A page of matching procedures and how many match in all.
pub struct Found {
    pub ids: Vec<Uuid>,
    pub total: i64,
}

/// The words of a text as stems: NFC, lowercased, split at anything but letters and
/// digits, stemmed as Polish and unaccented. Every stem is ASCII letters and digits, so a
/// stem is a valid lexeme of `tsquery` syntax.
pub fn stems(text: &str) -> Vec<String> {
    words(text).iter().filter_map(|word| stem(word)).collect()
}

/// Longer runs of letters and digits are not words (and a lexeme must stay under 2 kB).
const WORD_MAX: usize = 100;

fn words(text: &str) -> Vec<String> {
    let text: String = text.nfc().collect();
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty() && word.chars().count() <= WORD_MAX)
        .map(str::to_lowercase)
        .collect()
}

fn stem(word: &str) -> Option<String> {
    Some(ascii(&polish_yarovoy_unaccented(word))).filter(|stem| !stem.is_empty())
}

/// Other accented Latin letters lose their marks here and any other script is dropped,
/// which keeps lexemes safe in tsquery text. (The stemmer unaccents only Polish letters.)
fn ascii(word: &str) -> String {
    word.nfd()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// A lowercase word without diacritics ("ł" has no decomposition, so it is mapped here).
fn unaccented(word: &str) -> String {
    ascii(&word.replace('ł', "l"))
}

/// The word unaccented, without its ending: the last vowels, and the "e" that "-ek" nouns
/// drop when inflected ("zasiłek", "zasiłku"). The stemmer alone sometimes strips such
/// words differently in different cases ("utrata" utra, "utraty" utrat).
fn light_stem(word: &str) -> Option<String> {
    let mut light = unaccented(word);
    if light.len() >= 5 && light.ends_with("ek") && !light.ends_with("iek") {
        light.remove(light.len() - 2);
    }
    while light.len() > 2 && light.ends_with(['a', 'e', 'i', 'o', 'u', 'y']) {
        light.pop();
    }
    Some(light).filter(|light| !light.is_empty())
}

/// The lexemes a word is indexed and searched as: its stem and its light stem.
fn forms(word: &str) -> Vec<String> {
    let mut forms: Vec<String> = stem(word).into_iter().chain(light_stem(word)).collect();
    forms.dedup();
    forms
}

/// Stores the search document of a procedure's current published version (None: removes
/// it from search) and refreshes the terms that typos are corrected to.
pub async fn index(
    conn: &mut AsyncPgConnection,
    procedure_id: Uuid,
    fields: Option<&ProcedureFields>,
) -> diesel::QueryResult<()> {
    let document = fields.map(document);
    conn.transaction(async |conn| {
        let old = diesel::sql_query(
            "SELECT tsvector_to_array(search_document) AS lexemes FROM procedures WHERE id = $1 FOR UPDATE",
        )
        .bind::<diesel::sql_types::Uuid, _>(procedure_id)
        .get_result::<Lexemes>(conn)
        .await?;
        let new = diesel::sql_query(
            "UPDATE procedures SET search_document = $2::tsvector WHERE id = $1
             RETURNING tsvector_to_array(search_document) AS lexemes",
        )
        .bind::<diesel::sql_types::Uuid, _>(procedure_id)
        .bind::<Nullable<Text>, _>(document)
        .get_result::<Lexemes>(conn)
        .await?;
        let new = new.lexemes.unwrap_or_default();
        let mut removed = old.lexemes.unwrap_or_default();
        removed.retain(|lexeme| !new.contains(lexeme));
        // One refresh at a time (readers are not blocked), so that each sees the documents
        // of those before it and no term in use goes missing.
        diesel::sql_query("LOCK TABLE procedure_search_terms IN SHARE ROW EXCLUSIVE MODE")
            .execute(conn)
            .await?;
        diesel::sql_query("INSERT INTO procedure_search_terms (term) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING")
            .bind::<Array<Text>, _>(&new)
            .execute(conn)
            .await?;
        // Only the lexemes this procedure no longer has may have gone out of use.
        diesel::sql_query(
            "DELETE FROM procedure_search_terms t USING unnest($1::text[]) AS r(term)
             WHERE t.term = r.term
               AND NOT EXISTS (SELECT 1 FROM procedures p WHERE p.search_document @@ t.term::tsquery)",
        )
        .bind::<Array<Text>, _>(&removed)
        .execute(conn)
        .await?;
        Ok(())
    })
    .await
}

#[derive(QueryableByName)]
struct Lexemes {
    #[diesel(sql_type = Nullable<Array<Text>>)]
    lexemes: Option<Vec<String>>,
}

/// The search document of a description as `tsvector` text: each word's forms at its
/// position, weighted by section: A the name; B the short description; C the steps, useful
/// information and electronic activities; D the documents and the handling.
fn document(fields: &ProcedureFields) -> String {
    let steps = fields
        .steps
        .iter()
        .flat_map(|step| [Some(&step.name), step.comment.as_ref()])
        .flatten()
        .chain(&fields.useful_information)
        .chain(&fields.electronic_activities);
    let documents = fields.documents.to_submit.iter().chain(&fields.documents.to_show);
    let documents = documents
        .map(|document| &document.name)
        .chain(fields.other_documents.iter().map(|document| &document.name))
        .chain([&fields.handling]);
    let sections: [(char, Vec<&String>); 4] = [
        ('A', vec![&fields.name]),
        ('B', vec![&fields.short_description]),
        ('C', steps.collect()),
        ('D', documents.collect()),
    ];
    let mut lexemes = Vec::new();
    let mut position = 0;
    for (weight, texts) in sections {
        for word in texts.into_iter().flat_map(|text| words(text)) {
            // tsvector positions stop at 16383.
            position = (position + 1).min(16383);
            lexemes.extend(
                forms(&word)
                    .into_iter()
                    .map(|form| format!("{form}:{position}{weight}")),
            );
        }
    }
    lexemes.join(" ")
}

/// Ids of matching procedures, best first when there is a query (else by name), with the
/// total count. Words search the published versions only: a procedure never published is
/// found by browsing.
pub async fn find(conn: &mut AsyncPgConnection, filter: &Filter<'_>) -> diesel::QueryResult<Found> {
    let words = filter.query.map(query_words).unwrap_or_default();
    if words.is_empty() {
        return matching(conn, filter, None).await;
    }
    let resolved = resolve(conn, &words).await?;
    let likeness = words
        .iter()
        .map(|word| word.forms.join(" "))
        .collect::<Vec<_>>()
        .join(" ");
    let all = matching(conn, filter, Some((&tsquery(&words, &resolved, " & "), &likeness))).await?;
    if all.total > 0 || words.len() == 1 {
        return Ok(all);
    }
    matching(conn, filter, Some((&tsquery(&words, &resolved, " | "), &likeness))).await
}

/// Words so common that requiring them would only lose matches.
const STOP_WORDS: &[&str] = &[
    "a", "albo", "ale", "bez", "by", "czy", "dla", "do", "i", "jak", "jest", "lub", "na", "nad", "o", "od", "oraz",
    "po", "pod", "przez", "przy", "sie", "to", "u", "w", "we", "z", "za", "ze",
];
/// At most this many words of a query are searched for.
const QUERY_WORDS_MAX: usize = 10;
/// A last word this long or longer also matches as the beginning of a word.
const PREFIX_MIN: usize = 3;

/// A word of a query.
struct QueryWord {
    /// Its lexemes.
    forms: Vec<String>,
    /// As typed, unaccented: the beginning of a word when it is the last one.
    typed: String,
}

/// The distinct words of a query, without stop words unless it has nothing else.
fn query_words(query: &str) -> Vec<QueryWord> {
    let mut words: Vec<QueryWord> = words(query)
        .iter()
        .map(|word| QueryWord {
            forms: forms(word),
            typed: unaccented(word),
        })
        .filter(|word| !word.forms.is_empty())
        .collect();
    if words.iter().any(|word| !STOP_WORDS.contains(&word.typed.as_str())) {
        words.retain(|word| !STOP_WORDS.contains(&word.typed.as_str()));
    }
    let mut distinct: Vec<QueryWord> = Vec::new();
    for word in words {
        if !distinct.iter().any(|seen| seen.forms == word.forms) {
            distinct.push(word);
        }
    }
    distinct.truncate(QUERY_WORDS_MAX);
    distinct
}

/// What the index has of a query word.
#[derive(QueryableByName)]
struct Resolved {
    /// Some procedure has one of its forms.
    #[diesel(sql_type = Bool)]
    known: bool,
    /// When it is not known, the indexed lexemes nearest to its forms and to it as typed by
    /// trigram similarity (at least pg_trgm's `similarity_threshold`, 0.3), nearest first.
    #[diesel(sql_type = Array<Text>)]
    similar: Vec<String>,
}

/// How many trigram-similar lexemes are weighed, per form, as corrections of a typo.
const CANDIDATES_MAX: i64 = 10;
/// A query word is corrected to at most this many lexemes.
const CORRECTIONS_MAX: usize = 3;

async fn resolve(conn: &mut AsyncPgConnection, words: &[QueryWord]) -> diesel::QueryResult<Vec<Resolved>> {
    let forms: Vec<String> = words.iter().map(|word| word.forms.join(" ")).collect();
    let typed: Vec<&String> = words.iter().map(|word| &word.typed).collect();
    diesel::sql_query(
        "SELECT k.known,
                ARRAY(
                    SELECT c.term FROM unnest(s.forms || f.typed) WITH ORDINALITY AS x(form, position),
                         LATERAL (SELECT t.term, t.term <-> x.form AS distance FROM procedure_search_terms t
                                  WHERE t.term % x.form ORDER BY distance, t.term LIMIT $3) c
                    WHERE NOT k.known ORDER BY c.distance, x.position, c.term
                ) AS similar
         FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS f(forms, typed, position),
              LATERAL (SELECT string_to_array(f.forms, ' ') AS forms) s,
              LATERAL (SELECT EXISTS (SELECT 1 FROM procedure_search_terms t WHERE t.term = ANY (s.forms)) AS known) k
         ORDER BY f.position",
    )
    .bind::<Array<Text>, _>(forms)
    .bind::<Array<Text>, _>(typed)
    .bind::<BigInt, _>(CANDIDATES_MAX)
    .load(conn)
    .await
}

/// The similar lexemes that are a typo or two away from a form of the word (or from it as
/// typed), fewest edits first. Trigrams find candidates fast but favour short lexemes
/// ("osob" over "osobist" for "osobsity"); edits decide.
fn corrections(word: &QueryWord, similar: &[String]) -> Vec<String> {
    let mut scored: Vec<(usize, &String)> = similar
        .iter()
        .filter_map(|lexeme| {
            let edits = word
                .forms
                .iter()
                .chain([&word.typed])
                .map(|form| edit_distance(form, lexeme))
                .min()?;
            (edits <= if lexeme.len() <= 5 { 1 } else { 2 }).then_some((edits, lexeme))
        })
        .collect();
    // Stable: among equals, the trigram order stays.
    scored.sort_by_key(|(edits, _)| *edits);
    let mut corrections: Vec<String> = Vec::new();
    for (_, lexeme) in scored {
        if !corrections.contains(lexeme) && corrections.len() < CORRECTIONS_MAX {
            corrections.push(lexeme.clone());
        }
    }
    corrections
}

/// Insertions, deletions, substitutions and swaps of neighbours that turn `a` into `b`
/// (optimal string alignment distance; lexemes are ASCII).
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut rows: Vec<Vec<usize>> = vec![(0..=b.len()).collect()];
    for i in 1..=a.len() {
        let mut row = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let substitution = rows[i - 1][j - 1] + usize::from(a[i - 1] != b[j - 1]);
            row[j] = substitution.min(rows[i - 1][j] + 1).min(row[j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                row[j] = row[j].min(rows[i - 2][j - 2] + 1);
            }
        }
        rows.push(row);
    }
    rows[a.len()][b.len()]
}

/// The tsquery text of the words joined by `operator`. Each word is its forms; when no
/// procedure has them, also the lexemes they begin (other endings: "zgubiłem" zgub, zgubisz)
/// and its corrections; the last word may also be the beginning of a word (the user is
/// typing). Only lexemes (ASCII letters and digits) go in, so the text has no syntax but ours.
fn tsquery(words: &[QueryWord], resolved: &[Resolved], operator: &str) -> String {
    let last = words.len().saturating_sub(1);
    let parts: Vec<String> = words
        .iter()
        .zip(resolved)
        .enumerate()
        .filter_map(|(i, (word, found))| {
            let mut alternatives = word.forms.clone();
            if !found.known {
                let longer = word.forms.iter().filter(|form| form.len() > PREFIX_MIN);
                alternatives.extend(longer.map(|form| format!("{form}:*")));
                alternatives.extend(corrections(word, &found.similar));
            }
            if i == last && word.typed.len() >= PREFIX_MIN {
                alternatives.push(format!("{}:*", word.typed));
            }
            let mut distinct: Vec<String> = Vec::new();
            for alternative in alternatives {
                if is_lexeme(&alternative) && !distinct.contains(&alternative) {
                    distinct.push(alternative);
                }
            }
            (!distinct.is_empty()).then(|| format!("({})", distinct.join(" | ")))
        })
        .collect();
    parts.join(operator)
}

fn is_lexeme(text: &str) -> bool {
    let stem = text.strip_suffix(":*").unwrap_or(text);
    !stem.is_empty() && stem.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
}

#[derive(QueryableByName)]
struct Page {
    #[diesel(sql_type = BigInt)]
    total: i64,
    #[diesel(sql_type = Array<diesel::sql_types::Uuid>)]
    ids: Vec<Uuid>,
}

/// The procedures that pass the filter and match the query (any, when None), given as
/// tsquery text and the lexemes its name should look like: the page in order and the total.
async fn matching(
    conn: &mut AsyncPgConnection,
    filter: &Filter<'_>,
    query: Option<(&str, &str)>,
) -> diesel::QueryResult<Found> {
    let today = match filter.audience {
        Audience::Public { today } => Some(today),
        Audience::Staff => None,
    };
    let page: Page = diesel::sql_query(
        // $1: the day for the public, NULL for staff. Ranked by the weighted matches, then
        // by how alike the name's stems are to the query's, then by name.
        "WITH q AS (SELECT $4::tsquery AS tsquery),
         matching AS (
             SELECT p.id, p.name,
                    ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', p.search_document, q.tsquery) AS rank,
                    similarity(array_to_string(tsvector_to_array(ts_filter(p.search_document, '{a}')), ' '), $5)
                        AS likeness
             FROM procedures p, q
             WHERE ($1::date IS NULL OR (p.current_version IS NOT NULL AND NOT p.internal
                    AND (p.valid_from IS NULL OR p.valid_from <= $1)
                    AND (p.valid_until IS NULL OR p.valid_until >= $1)))
               AND ($2::uuid IS NULL OR p.unit_id = $2)
               AND ($3::text IS NULL OR p.topics @> ARRAY[$3::text])
               AND (q.tsquery IS NULL OR p.search_document @@ q.tsquery)
         )
         SELECT (SELECT count(*) FROM matching) AS total,
                ARRAY(SELECT m.id FROM matching m
                      ORDER BY m.rank DESC, m.likeness DESC, m.name COLLATE \"pl-x-icu\", m.id
                      LIMIT $6 OFFSET $7) AS ids",
    )
    .bind::<Nullable<Date>, _>(today)
    .bind::<Nullable<diesel::sql_types::Uuid>, _>(filter.unit)
    .bind::<Nullable<Text>, _>(filter.topic)
    .bind::<Nullable<Text>, _>(query.map(|(tsquery, _)| tsquery))
    .bind::<Nullable<Text>, _>(query.map(|(_, likeness)| likeness))
    .bind::<BigInt, _>(filter.limit.max(0))
    .bind::<BigInt, _>(filter.offset.max(0))
    .get_result(conn)
    .await?;
    Ok(Found {
        ids: page.ids,
        total: page.total,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::content::{Document, Step};

    #[test]
    fn polish_letters_and_case_do_not_matter() {
        assert_eq!(stems("Dowód osobisty"), stems("dowod OSOBISTY"));
        assert_eq!(stems("ŻŁOBEK"), stems("zlobek"));
        assert_eq!(stems("źdźbło"), vec!["zdzblo"]);
    }

    #[test]
    fn inflected_forms_have_the_same_stem() {
        for forms in [
            ["dowód", "dowodu", "dowodem"],
            ["zameldowanie", "zameldowania", "zameldowaniu"],
            ["rejestracja", "rejestracji", "rejestracją"],
        ] {
            let stems: Vec<Vec<String>> = forms.iter().map(|form| stems(form)).collect();
            assert!(stems.iter().all(|s| *s == stems[0]), "{forms:?}: {stems:?}");
        }
    }

    #[test]
    fn punctuation_separates_words_and_is_dropped() {
        assert_eq!(stems("e-dowód, (Łódź) 17 zł!"), vec!["e", "dowod", "lodz", "17", "zl"]);
        assert!(stems(" – … ?! ").is_empty());
        assert_eq!(stems(&format!("{} dowód", "x".repeat(WORD_MAX + 1))), vec!["dowod"]);
    }

    #[test]
    fn decomposed_letters_are_composed_first() {
        assert_eq!(stems("Do\u{0301}w"), stems("Dów"));
    }

    #[test]
    fn stems_are_safe_in_tsquery_text() {
        for stem in stems("Müller CAFÉ naïve Київ ½ x:*|&!' a<->b") {
            assert!(is_lexeme(&stem), "{stem}");
        }
    }

    #[test]
    fn cases_the_stemmer_strips_differently_share_a_form() {
        for [a, b] in [
            ["meldunek", "meldunku"],
            ["zasiłek", "zasiłku"],
            ["utrata", "utraty"],
            ["opłata", "opłaty"],
            ["pozwolenie", "pozwolenia"],
            ["drzewo", "drzewa"],
            ["psa", "psy"],
        ] {
            assert_ne!(stems(a), stems(b), "the stemmer has learnt {a}");
            assert!(
                forms(a).iter().any(|form| forms(b).contains(form)),
                "{a}: {:?}, {b}: {:?}",
                forms(a),
                forms(b)
            );
        }
        assert_eq!(forms("dowodu"), vec!["dowod"]);
        assert_eq!(light_stem("człowiek").as_deref(), Some("czlowiek"));
    }

    #[test]
    fn the_document_weights_sections_and_puts_both_forms_at_a_position() {
        let fields = ProcedureFields {
            name: "Wydanie dowodu".into(),
            short_description: "Dowód.".into(),
            steps: vec![Step {
                name: "Złóż".into(),
                comment: Some("wniosek".into()),
                electronic: false,
            }],
            useful_information: vec!["bez opłat".into()],
            handling: "Osobiście".into(),
            documents: crate::knowledge::content::RequiredDocuments {
                to_submit: vec![Document {
                    name: "Zdjęcie".into(),
                    ..Document::default()
                }],
                to_show: Vec::new(),
            },
            legal_basis: "Ustawa".into(),
            ..ProcedureFields::default()
        };
        assert_eq!(
            document(&fields),
            "wyd:1A wydan:1A dowod:2A dowod:3B zloz:4C wnios:5C wniosk:5C bez:6C oplat:7C \
             zdje:8D zdjec:8D osobis:9D osobisc:9D"
        );
    }

    fn word(query: &str) -> QueryWord {
        query_words(query).into_iter().next().expect("a word")
    }

    fn resolved(known: bool, similar: &[&str]) -> Resolved {
        Resolved {
            known,
            similar: similar.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn queries_are_words_with_a_prefix_last_and_corrections_for_unknown_ones() {
        let words = [word("dowodu"), word("osobsity"), word("zamel")];
        let found = [
            resolved(true, &[]),
            resolved(false, &["osob", "osobom", "osobist", "a|b"]),
            resolved(false, &[]),
        ];
        assert_eq!(
            tsquery(&words, &found, " & "),
            "(dowod) & (osobsit | osobsit:* | osobist) & (zame | zamel | zame:* | zamel:*)"
        );
        assert_eq!(tsquery(&words[..1], &found[..1], " | "), "(dowod | dowodu:*)");
    }

    #[test]
    fn query_words_drop_stop_words_and_repeats() {
        let forms = |query: &str| -> Vec<Vec<String>> { query_words(query).into_iter().map(|w| w.forms).collect() };
        assert_eq!(forms("dowód dla dziecka, dowodu"), forms("dowód dziecka"));
        assert_eq!(forms("na do"), vec![vec!["na".to_string()], vec!["do".to_string()]]);
        assert_eq!(query_words(&"słowo ".repeat(3)).len(), 1);
        assert_eq!(
            query_words(&(0..20).map(|i| format!("w{i} ")).collect::<String>()).len(),
            QUERY_WORDS_MAX
        );
    }

    #[test]
    fn typos_are_corrected_by_edits() {
        assert_eq!(edit_distance("osobsit", "osobist"), 1);
        assert_eq!(edit_distance("dowdo", "dowod"), 1);
        assert_eq!(edit_distance("zameld", "zameldowan"), 4);
        assert_eq!(edit_distance("", "abc"), 3);
        let similar: Vec<String> = ["osob", "osobom", "osobist", "osobisc"].map(String::from).to_vec();
        assert_eq!(corrections(&word("osobsity"), &similar), vec!["osobist", "osobisc"]);
        assert!(corrections(&word("xyz"), &similar).is_empty());
    }
}
