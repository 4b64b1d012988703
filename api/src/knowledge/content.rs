//! The description of a procedure, field by field as in the template of seed 001 ("Wzór
//! opisu procedury"), and its checks. The fields the template marks with an asterisk —
//! not shown on the portal nor in BIP — live in [`InternalFields`], so a public
//! representation that simply has no such member cannot leak them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::error::FieldError;

/// Limits of the template, counted in characters including spaces.
pub const NAME_MAX: usize = 160;
pub const SHORT_DESCRIPTION_MAX: usize = 650;
pub const STEP_NAME_MAX: usize = 40;
pub const STEP_COMMENT_MAX: usize = 75;
/// Limits the template does not give, so that no field can grow without bound.
const TEXT_MAX: usize = 20_000;
const LINE_MAX: usize = 500;
const LIST_MAX: usize = 100;
/// The largest fee accepted: 100 million złoty, in grosze (a typing slip above that).
const MAX_FEE_GROSZE: i64 = 10_000_000_000;

/// The public part of a procedure description.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct ProcedureFields {
    /// "Nazwa procedury": at most 160 characters.
    pub name: String,
    /// "Powiązane procedury": other procedures of the knowledge base (never this one).
    pub related: Vec<Uuid>,
    /// "Data wytworzenia informacji"; when empty, the day the draft is submitted for review.
    pub information_produced_on: Option<NaiveDate>,
    /// "Skrócony opis sprawy": at most 650 characters.
    pub short_description: String,
    /// "Najważniejsze etapy realizacji procedury", in order.
    pub steps: Vec<Step>,
    /// "Czynności możliwe do załatwienia drogą elektroniczną".
    pub electronic_activities: Vec<String>,
    /// "Przydatne informacje": short tags.
    pub useful_information: Vec<String>,
    /// "Sposób załatwienia sprawy".
    pub handling: String,
    /// "Informacje uzupełniające (dodatkowe)".
    pub additional_information: String,
    /// "Termin realizacji".
    pub time_limit: String,
    /// "Miejsce załatwienia": units, addresses, phones.
    pub place: String,
    /// "Umawianie/rezerwacja wizyty" ("nie dotyczy" when there is none).
    pub booking: String,
    /// "Opłaty": items, or explicitly none ("brak").
    pub fees: Fees,
    /// "Formy i miejsce składania dokumentów".
    pub submission_forms: String,
    /// "Termin składania dokumentów".
    pub submission_deadline: String,
    /// "Wymagane dokumenty", grouped to submit and to show.
    pub documents: RequiredDocuments,
    /// "Pozostałe dokumenty".
    pub other_documents: Vec<OtherDocument>,
    /// "Podstawa prawna".
    pub legal_basis: String,
    /// "Tryb odwoławczy" ("brak" when there is no appeal).
    pub appeal: String,
    /// "Warunki ponownego wykorzystywania informacji publicznej" (only when wider than BIP's).
    pub reuse_conditions: String,
    /// "Osoba, która wytworzyła informację": one or more people.
    pub authors: Vec<String>,
    /// "Komórka": the organisational cell that handles the procedure.
    pub organisational_cell: String,
    /// Topics / life events (slugs of `GET /api/v1/procedure-topics`).
    pub topics: Vec<String>,
}

/// One step of a procedure.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct Step {
    /// At most 40 characters.
    pub name: String,
    /// At most 75 characters.
    pub comment: Option<String>,
    /// The "@" mark: the step can be done without coming to the office.
    pub electronic: bool,
}

/// The fees of a procedure: items, or an explicit "none".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Fees {
    /// "brak": the procedure costs nothing.
    None,
    /// One or more fees.
    Items { items: Vec<Fee> },
}

impl Default for Fees {
    fn default() -> Self {
        Self::Items { items: Vec::new() }
    }
}

/// One fee: each has its amount and account (the template requires both).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct Fee {
    /// What the fee is for ("opłata skarbowa za pełnomocnictwo").
    pub kind: String,
    /// The amount in grosze (1700 = 17,00 zł).
    pub amount_grosze: i64,
    /// The Polish bank account (NRB, 26 digits, or IBAN with `PL`), checksum verified.
    pub account: String,
    pub remarks: String,
}

/// The documents a resident must submit and those they must show.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct RequiredDocuments {
    pub to_submit: Vec<Document>,
    pub to_show: Vec<Document>,
}

/// A required document, with its file, a filled-in sample and its electronic forms.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct Document {
    pub name: String,
    /// An attachment of this procedure: the form or document to download.
    pub file_id: Option<Uuid>,
    /// An attachment of this procedure: a filled-in sample.
    pub sample_file_id: Option<Uuid>,
    /// Electronic forms, one per platform (ePUAP, biznes.gov.pl, …).
    pub e_forms: Vec<ElectronicForm>,
}

/// An electronic form on a platform.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct ElectronicForm {
    pub platform: String,
    /// An `https://` or `http://` address.
    pub url: String,
}

/// A document that concerns the procedure without being required.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct OtherDocument {
    pub name: String,
    pub file_id: Option<Uuid>,
}

/// The fields only staff see (R7.2): the template's fields marked with an asterisk.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct InternalFields {
    /// "Procedura wewnętrzna": shown only to staff (e.g. general procedures for the contact centre).
    pub internal: bool,
    /// "Obowiązuje od": not shown before this day.
    pub valid_from: Option<NaiveDate>,
    /// "Obowiązuje do": not shown after this day.
    pub valid_until: Option<NaiveDate>,
    /// "Telefony do pracowników jednostki/komórki".
    pub staff_phones: Vec<StaffPhone>,
    /// "Opis" for the contact centre.
    pub call_centre_description: String,
    /// "Najczęściej zadawane pytania".
    pub faq: Vec<Faq>,
    /// "Inne": kept by the contact centre.
    pub other: String,
    /// "Właściciel": exactly one person.
    pub owner: String,
    /// "Koordynator": at most one person per organisational cell.
    pub coordinators: Vec<Coordinator>,
    /// "Procedura prowadzona w systemie do elektronicznego zarządzania dokumentacją".
    pub edm: bool,
}

/// A member of staff the contact centre may call or transfer a caller to.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct StaffPhone {
    pub name: String,
    pub phone: String,
}

/// A frequently asked question and its answer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct Faq {
    pub question: String,
    pub answer: String,
}

/// The coordinator of the procedure in one organisational cell.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct Coordinator {
    pub cell: String,
    pub name: String,
}

/// A whole procedure description as editors write it and staff read it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct ProcedureContent {
    pub fields: ProcedureFields,
    pub internal: InternalFields,
}

/// What the checks need to know beyond the text: which attachments, topics and
/// procedures exist.
pub struct Context<'a> {
    /// This procedure, when it exists already.
    pub procedure_id: Option<Uuid>,
    pub attachments: &'a [Uuid],
    pub topics: &'a [String],
    pub procedures: &'a [Uuid],
}

/// Checks of a description. `complete` adds what a description must have before review.
pub struct Checker<'a> {
    errors: Vec<FieldError>,
    context: &'a Context<'a>,
}

/// Text as stored: NFC (so "ó" is one character however it was typed), trimmed.
fn normalise(value: &str) -> String {
    value.trim().nfc().collect()
}

/// The length the template limits: characters including spaces, Polish letters one each.
pub fn length(value: &str) -> usize {
    value.nfc().count()
}

impl<'a> Checker<'a> {
    fn text(&mut self, field: &str, value: &mut String, max: usize, required: bool) {
        *value = normalise(value);
        let count = length(value);
        if required && count == 0 {
            self.errors
                .push(FieldError::new(field, "required", "This field is required."));
        } else if count > max {
            self.errors.push(FieldError::new(
                field,
                "too_long",
                format!("At most {max} characters are allowed (now {count})."),
            ));
        }
    }

    fn list_len<T>(&mut self, field: &str, list: &[T]) {
        if list.len() > LIST_MAX {
            self.errors.push(FieldError::new(
                field,
                "too_many",
                format!("At most {LIST_MAX} items are allowed."),
            ));
        }
    }

    fn lines(&mut self, field: &str, list: &mut [String]) {
        self.list_len(field, list);
        for (i, item) in list.iter_mut().enumerate() {
            self.text(&format!("{field}[{i}]"), item, LINE_MAX, true);
        }
    }

    fn attachment(&mut self, field: &str, id: Option<Uuid>) {
        if let Some(id) = id
            && !self.context.attachments.contains(&id)
        {
            self.errors.push(FieldError::new(
                field,
                "unknown_attachment",
                "This file is not an attachment of this procedure.",
            ));
        }
    }

    fn url(&mut self, field: &str, value: &mut String) {
        self.text(field, value, LINE_MAX, true);
        let parsed = reqwest::Url::parse(value);
        if !value.is_empty() && !matches!(parsed.as_ref().map(reqwest::Url::scheme), Ok("https" | "http")) {
            self.errors.push(FieldError::new(
                field,
                "invalid_url",
                "This must be an http:// or https:// address.",
            ));
        }
    }

    fn documents(&mut self, field: &str, documents: &mut [Document]) {
        self.list_len(field, documents);
        for (i, document) in documents.iter_mut().enumerate() {
            let at = format!("{field}[{i}]");
            self.text(&format!("{at}.name"), &mut document.name, LINE_MAX, true);
            self.attachment(&format!("{at}.file_id"), document.file_id);
            self.attachment(&format!("{at}.sample_file_id"), document.sample_file_id);
            self.list_len(&format!("{at}.e_forms"), &document.e_forms);
            for (j, form) in document.e_forms.iter_mut().enumerate() {
                self.text(&format!("{at}.e_forms[{j}].platform"), &mut form.platform, 100, true);
                self.url(&format!("{at}.e_forms[{j}].url"), &mut form.url);
            }
        }
    }

    fn fees(&mut self, fees: &mut Fees, complete: bool) {
        let Fees::Items { items } = fees else { return };
        if complete && items.is_empty() {
            self.errors.push(FieldError::new(
                "fields.fees",
                "required",
                "List the fees, or state that there are none.",
            ));
        }
        self.list_len("fields.fees.items", items);
        for (i, fee) in items.iter_mut().enumerate() {
            let at = format!("fields.fees.items[{i}]");
            self.text(&format!("{at}.kind"), &mut fee.kind, LINE_MAX, true);
            self.text(&format!("{at}.remarks"), &mut fee.remarks, LINE_MAX, false);
            if fee.amount_grosze <= 0 || fee.amount_grosze > MAX_FEE_GROSZE {
                self.errors.push(FieldError::new(
                    format!("{at}.amount_grosze"),
                    "invalid_amount",
                    "The amount must be more than 0 zł (given in grosze).",
                ));
            }
            match account_number(&fee.account) {
                Some(normalised) => fee.account = normalised,
                None => self.errors.push(FieldError::new(
                    format!("{at}.account"),
                    "invalid_account",
                    "This is not a valid Polish bank account number (NRB): 26 digits with a correct checksum.",
                )),
            }
        }
    }
}

/// A Polish account number (NRB: 26 digits, optionally as an IBAN with `PL`, spaces
/// allowed) with a valid checksum, written in the usual groups: `61 1090 1014 0000 0712 1981 2874`.
pub fn account_number(value: &str) -> Option<String> {
    let compact: String = value.chars().filter(|c| !c.is_whitespace()).collect();
    let digits = compact
        .strip_prefix("PL")
        .or_else(|| compact.strip_prefix("pl"))
        .unwrap_or(&compact);
    if digits.len() != 26 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    // The IBAN checksum is the NRB's (its first two digits), so the IBAN library checks it.
    let _: iban::Iban = format!("PL{digits}").parse().ok()?;
    Some({
        let (check, rest) = digits.split_at(2);
        let groups: Vec<&str> = rest
            .as_bytes()
            .chunks(4)
            .map(|c| std::str::from_utf8(c).unwrap_or(""))
            .collect();
        format!("{check} {}", groups.join(" "))
    })
}

/// Normalises `content` in place and returns every problem in it. `complete` also
/// requires what a description needs before review.
pub fn check(content: &mut ProcedureContent, context: &Context<'_>, complete: bool) -> Vec<FieldError> {
    let mut c = Checker {
        errors: Vec::new(),
        context,
    };
    let f = &mut content.fields;
    c.text("fields.name", &mut f.name, NAME_MAX, true);
    c.text(
        "fields.short_description",
        &mut f.short_description,
        SHORT_DESCRIPTION_MAX,
        complete,
    );
    if complete && f.steps.is_empty() {
        c.errors
            .push(FieldError::new("fields.steps", "required", "Give at least one step."));
    }
    c.list_len("fields.steps", &f.steps);
    for (i, step) in f.steps.iter_mut().enumerate() {
        c.text(&format!("fields.steps[{i}].name"), &mut step.name, STEP_NAME_MAX, true);
        if let Some(comment) = step.comment.as_mut() {
            c.text(&format!("fields.steps[{i}].comment"), comment, STEP_COMMENT_MAX, false);
        }
        step.comment.take_if(|comment| comment.is_empty());
    }
    c.lines("fields.electronic_activities", &mut f.electronic_activities);
    c.lines("fields.useful_information", &mut f.useful_information);
    c.lines("fields.authors", &mut f.authors);
    for (field, value, required) in [
        ("fields.handling", &mut f.handling, complete),
        ("fields.additional_information", &mut f.additional_information, false),
        ("fields.time_limit", &mut f.time_limit, false),
        ("fields.place", &mut f.place, false),
        ("fields.booking", &mut f.booking, false),
        ("fields.submission_forms", &mut f.submission_forms, false),
        ("fields.submission_deadline", &mut f.submission_deadline, false),
        ("fields.legal_basis", &mut f.legal_basis, complete),
        ("fields.appeal", &mut f.appeal, complete),
        ("fields.reuse_conditions", &mut f.reuse_conditions, false),
    ] {
        c.text(field, value, TEXT_MAX, required);
    }
    c.text(
        "fields.organisational_cell",
        &mut f.organisational_cell,
        LINE_MAX,
        complete,
    );
    c.fees(&mut f.fees, complete);
    c.documents("fields.documents.to_submit", &mut f.documents.to_submit);
    c.documents("fields.documents.to_show", &mut f.documents.to_show);
    c.list_len("fields.other_documents", &f.other_documents);
    for (i, document) in f.other_documents.iter_mut().enumerate() {
        c.text(
            &format!("fields.other_documents[{i}].name"),
            &mut document.name,
            LINE_MAX,
            true,
        );
        c.attachment(&format!("fields.other_documents[{i}].file_id"), document.file_id);
    }
    c.list_len("fields.related", &f.related);
    for (i, related) in f.related.iter().enumerate() {
        if Some(*related) == context.procedure_id {
            c.errors.push(FieldError::new(
                format!("fields.related[{i}]"),
                "self_reference",
                "A procedure cannot be related to itself.",
            ));
        } else if !context.procedures.contains(related) {
            c.errors.push(FieldError::new(
                format!("fields.related[{i}]"),
                "unknown_procedure",
                "There is no such procedure.",
            ));
        }
    }
    f.related.dedup();
    for (i, topic) in f.topics.iter().enumerate() {
        if !context.topics.contains(topic) {
            c.errors.push(FieldError::new(
                format!("fields.topics[{i}]"),
                "unknown_topic",
                "There is no such topic.",
            ));
        }
    }
    let n = &mut content.internal;
    if let (Some(from), Some(until)) = (n.valid_from, n.valid_until)
        && until < from
    {
        c.errors.push(FieldError::new(
            "internal.valid_until",
            "before_valid_from",
            "The end of validity must not be before its start.",
        ));
    }
    c.text("internal.owner", &mut n.owner, 200, complete);
    c.text(
        "internal.call_centre_description",
        &mut n.call_centre_description,
        TEXT_MAX,
        false,
    );
    c.text("internal.other", &mut n.other, TEXT_MAX, false);
    c.list_len("internal.staff_phones", &n.staff_phones);
    for (i, person) in n.staff_phones.iter_mut().enumerate() {
        c.text(&format!("internal.staff_phones[{i}].name"), &mut person.name, 200, true);
        c.text(
            &format!("internal.staff_phones[{i}].phone"),
            &mut person.phone,
            50,
            true,
        );
    }
    c.list_len("internal.faq", &n.faq);
    for (i, faq) in n.faq.iter_mut().enumerate() {
        c.text(
            &format!("internal.faq[{i}].question"),
            &mut faq.question,
            LINE_MAX,
            true,
        );
        c.text(&format!("internal.faq[{i}].answer"), &mut faq.answer, TEXT_MAX, true);
    }
    c.list_len("internal.coordinators", &n.coordinators);
    let mut cells: Vec<String> = Vec::new();
    for (i, coordinator) in n.coordinators.iter_mut().enumerate() {
        c.text(
            &format!("internal.coordinators[{i}].cell"),
            &mut coordinator.cell,
            LINE_MAX,
            true,
        );
        c.text(
            &format!("internal.coordinators[{i}].name"),
            &mut coordinator.name,
            200,
            true,
        );
        let cell = coordinator.cell.to_lowercase();
        if cells.contains(&cell) {
            c.errors.push(FieldError::new(
                format!("internal.coordinators[{i}].cell"),
                "duplicate_cell",
                "Only one coordinator may be named for each organisational cell.",
            ));
        }
        cells.push(cell);
    }
    c.errors
}

/// Every attachment a description refers to.
pub fn referenced_attachments(fields: &ProcedureFields) -> Vec<Uuid> {
    let documents = fields.documents.to_submit.iter().chain(&fields.documents.to_show);
    documents
        .flat_map(|d| [d.file_id, d.sample_file_id])
        .chain(fields.other_documents.iter().map(|d| d.file_id))
        .flatten()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn context() -> Context<'static> {
        Context {
            procedure_id: None,
            attachments: &[],
            topics: &[],
            procedures: &[],
        }
    }

    #[test]
    fn limits_count_polish_letters_once_whatever_their_encoding() {
        let decomposed = "z\u{0301}o\u{0301}łw"; // "źółw" typed with combining accents
        assert_eq!(length(decomposed), 4);
        let mut content = ProcedureContent::default();
        content.fields.name = "ż".repeat(NAME_MAX);
        assert!(check(&mut content, &context(), false).is_empty());
        content.fields.name = "z\u{0307}".repeat(NAME_MAX + 1);
        let errors = check(&mut content, &context(), false);
        assert_eq!(errors[0].field, "fields.name");
        assert_eq!(errors[0].code, "too_long");
    }

    #[test]
    fn accounts_must_have_a_valid_checksum() {
        assert_eq!(
            account_number("61109010140000071219812874").as_deref(),
            Some("61 1090 1014 0000 0712 1981 2874")
        );
        assert!(account_number("PL61 1090 1014 0000 0712 1981 2874").is_some());
        assert!(account_number("62109010140000071219812874").is_none());
        assert!(account_number("6110901014000007121981287").is_none());
        assert!(account_number("DE89370400440532013000").is_none());
    }

    #[test]
    fn a_complete_description_needs_the_main_sections() {
        let mut content = ProcedureContent::default();
        content.fields.name = "Wydanie dowodu osobistego".into();
        let fields: Vec<String> = check(&mut content, &context(), true)
            .into_iter()
            .map(|e| e.field)
            .collect();
        for required in [
            "fields.short_description",
            "fields.steps",
            "fields.handling",
            "fields.legal_basis",
            "fields.appeal",
            "fields.organisational_cell",
            "fields.fees",
            "internal.owner",
        ] {
            assert!(fields.iter().any(|f| f == required), "{required} in {fields:?}");
        }
    }
}
