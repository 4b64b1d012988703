//! The field-by-field diff a publisher reviews before publishing a draft (R7): scalars
//! compare as values, lists item by item with an alignment, so that inserting one step
//! shows one added step rather than every later step changed.

use serde::Serialize;
use serde_json::Value;
use similar::{Algorithm, DiffOp};
use utoipa::ToSchema;

use super::content::ProcedureContent;

/// What happened to one field or list item.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
}

/// One change. `field` is the path in `ProcedureContent` ("fields.name",
/// "fields.steps[2]", "fields.fees.items[0]", "internal.owner"; "fields.fees" when the
/// fees switch between none and items); `before`/`after` are the JSON values: an added
/// item has only `after`, a removed one only `before`.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct FieldChange {
    pub field: String,
    pub kind: ChangeKind,
    /// Any JSON value: a field may be a string, a date, a number or a list item.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<Value>,
}

/// Every field of a description, in the order of the template, which is the order a
/// reviewer reads the changes in. Listed because serde_json's maps sort their keys; a
/// test checks the list against the structs.
const FIELDS: &[&str] = &[
    "fields.name",
    "fields.related",
    "fields.information_produced_on",
    "fields.short_description",
    "fields.steps",
    "fields.electronic_activities",
    "fields.useful_information",
    "fields.handling",
    "fields.additional_information",
    "fields.time_limit",
    "fields.place",
    "fields.booking",
    "fields.fees",
    "fields.submission_forms",
    "fields.submission_deadline",
    "fields.documents.to_submit",
    "fields.documents.to_show",
    "fields.other_documents",
    "fields.legal_basis",
    "fields.appeal",
    "fields.reuse_conditions",
    "fields.authors",
    "fields.organisational_cell",
    "fields.topics",
    "internal.internal",
    "internal.valid_from",
    "internal.valid_until",
    "internal.staff_phones",
    "internal.call_centre_description",
    "internal.faq",
    "internal.other",
    "internal.owner",
    "internal.coordinators",
    "internal.edm",
];

/// The changes from `before` to `after`. `before` is None for a new procedure: then
/// every non-empty field is Added.
pub fn diff(before: Option<&ProcedureContent>, after: &ProcedureContent) -> Vec<FieldChange> {
    let empty = ProcedureContent::default();
    let (old, new) = (to_json(before.unwrap_or(&empty)), to_json(after));
    let mut changes = Vec::new();
    for field in FIELDS {
        let pointer = format!("/{}", field.replace('.', "/"));
        let (before, after) = (old.pointer(&pointer), new.pointer(&pointer));
        compare(
            field,
            before.unwrap_or(&Value::Null),
            after.unwrap_or(&Value::Null),
            &mut changes,
        );
    }
    if before.is_none() {
        // A new procedure has no earlier values: whatever differs from an empty one is new.
        for change in &mut changes {
            change.kind = ChangeKind::Added;
            change.before = None;
        }
    }
    changes
}

/// Plain structs with string keys cannot fail to serialize, so the default is never used.
fn to_json(content: &ProcedureContent) -> Value {
    serde_json::to_value(content).unwrap_or_default()
}

fn compare(field: &str, before: &Value, after: &Value, changes: &mut Vec<FieldChange>) {
    if before == after {
        return;
    }
    match (before, after, before.get("items"), after.get("items")) {
        (Value::Array(before), Value::Array(after), ..) => items(field, before, after, changes),
        // Fees with items on both sides: compare the items; a switch to or from "none" is
        // one change of the whole field.
        (.., Some(Value::Array(before)), Some(Value::Array(after))) => {
            items(&format!("{field}.items"), before, after, changes)
        }
        _ => changes.push(FieldChange {
            field: field.to_owned(),
            kind: ChangeKind::Changed,
            before: Some(before.clone()),
            after: Some(after.clone()),
        }),
    }
}

/// Aligns two lists on their items' JSON text; a run of removed items directly replaced
/// by added ones is paired as changes, so an edited step stays one Changed step.
fn items(field: &str, before: &[Value], after: &[Value], changes: &mut Vec<FieldChange>) {
    let text = |list: &[Value]| list.iter().map(Value::to_string).collect::<Vec<_>>();
    let ops = similar::capture_diff_slices(Algorithm::Myers, &text(before), &text(after));
    let change = |kind, index: usize, before: Option<&Value>, after: Option<&Value>| FieldChange {
        field: format!("{field}[{index}]"),
        kind,
        before: before.cloned(),
        after: after.cloned(),
    };
    for op in ops {
        let (old_index, old_len, new_index, new_len) = match op {
            DiffOp::Equal { .. } => continue,
            DiffOp::Delete {
                old_index,
                old_len,
                new_index,
            } => (old_index, old_len, new_index, 0),
            DiffOp::Insert {
                old_index,
                new_index,
                new_len,
            } => (old_index, 0, new_index, new_len),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => (old_index, old_len, new_index, new_len),
        };
        for k in 0..old_len.max(new_len) {
            let (old, new) = (old_index + k, new_index + k);
            changes.push(match (k < old_len, k < new_len) {
                (true, true) => change(ChangeKind::Changed, new, Some(&before[old]), Some(&after[new])),
                (true, false) => change(ChangeKind::Removed, old, Some(&before[old]), None),
                _ => change(ChangeKind::Added, new, None, Some(&after[new])),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::content::{Document, Fee, Fees, Step};
    use serde_json::json;

    fn step(name: &str) -> Step {
        Step {
            name: name.into(),
            ..Step::default()
        }
    }

    fn procedure() -> ProcedureContent {
        let mut content = ProcedureContent::default();
        content.fields.name = "Wydanie dowodu osobistego".into();
        content.fields.steps = vec![step("Złożenie wniosku"), step("Weryfikacja"), step("Odbiór")];
        content.fields.fees = Fees::Items {
            items: vec![Fee {
                kind: "opłata skarbowa".into(),
                amount_grosze: 1700,
                account: "61 1090 1014 0000 0712 1981 2874".into(),
                remarks: String::new(),
            }],
        };
        content.internal.owner = "Anna Kowalska".into();
        content
    }

    fn summary(changes: &[FieldChange]) -> Vec<(&str, ChangeKind)> {
        changes.iter().map(|c| (c.field.as_str(), c.kind.clone())).collect()
    }

    #[test]
    fn identical_descriptions_have_no_changes() {
        assert!(diff(Some(&procedure()), &procedure()).is_empty());
    }

    #[test]
    fn a_changed_fee_amount_is_one_changed_item() {
        let mut after = procedure();
        let Fees::Items { items } = &mut after.fields.fees else {
            unreachable!()
        };
        items[0].amount_grosze = 2200;
        let changes = diff(Some(&procedure()), &after);
        assert_eq!(summary(&changes), [("fields.fees.items[0]", ChangeKind::Changed)]);
        assert_eq!(changes[0].before.as_ref().unwrap()["amount_grosze"], 1700);
        assert_eq!(changes[0].after.as_ref().unwrap()["amount_grosze"], 2200);
    }

    #[test]
    fn switching_fees_to_none_changes_the_whole_field() {
        let mut after = procedure();
        after.fields.fees = Fees::None;
        let changes = diff(Some(&procedure()), &after);
        assert_eq!(summary(&changes), [("fields.fees", ChangeKind::Changed)]);
        assert_eq!(changes[0].after, Some(json!({"kind": "none"})));
    }

    #[test]
    fn a_step_inserted_in_the_middle_is_one_added_step() {
        let mut after = procedure();
        after.fields.steps.insert(1, step("Opłata"));
        let changes = diff(Some(&procedure()), &after);
        assert_eq!(summary(&changes), [("fields.steps[1]", ChangeKind::Added)]);
        assert_eq!(changes[0].after.as_ref().unwrap()["name"], "Opłata");
        assert_eq!(changes[0].before, None);
    }

    #[test]
    fn a_removed_step_is_named_by_its_place_before() {
        let mut after = procedure();
        after.fields.steps.remove(1);
        let changes = diff(Some(&procedure()), &after);
        assert_eq!(summary(&changes), [("fields.steps[1]", ChangeKind::Removed)]);
        assert_eq!(changes[0].before.as_ref().unwrap()["name"], "Weryfikacja");
        assert_eq!(changes[0].after, None);
    }

    #[test]
    fn an_edited_step_next_to_an_inserted_one_stays_one_change() {
        let mut after = procedure();
        after.fields.steps[1].electronic = true;
        after.fields.steps.insert(2, step("Powiadomienie"));
        let changes = diff(Some(&procedure()), &after);
        assert_eq!(
            summary(&changes),
            [
                ("fields.steps[1]", ChangeKind::Changed),
                ("fields.steps[2]", ChangeKind::Added)
            ]
        );
    }

    #[test]
    fn a_document_added_to_show_and_a_new_name_come_in_template_order() {
        let mut after = procedure();
        after.fields.documents.to_show.push(Document {
            name: "Dowód osobisty".into(),
            ..Document::default()
        });
        after.fields.name = "Wydanie dowodu osobistego dla dziecka".into();
        let changes = diff(Some(&procedure()), &after);
        assert_eq!(
            summary(&changes),
            [
                ("fields.name", ChangeKind::Changed),
                ("fields.documents.to_show[0]", ChangeKind::Added)
            ]
        );
        assert_eq!(changes[0].before, Some(json!("Wydanie dowodu osobistego")));
        assert_eq!(changes[0].after, Some(json!("Wydanie dowodu osobistego dla dziecka")));
    }

    #[test]
    fn internal_changes_appear_under_internal() {
        let mut after = procedure();
        after.internal.owner = "Jan Nowak".into();
        after.internal.edm = true;
        let changes = diff(Some(&procedure()), &after);
        assert_eq!(
            summary(&changes),
            [
                ("internal.owner", ChangeKind::Changed),
                ("internal.edm", ChangeKind::Changed)
            ]
        );
    }

    #[test]
    fn everything_filled_in_a_new_procedure_is_added() {
        let changes = diff(None, &procedure());
        assert_eq!(
            summary(&changes),
            [
                ("fields.name", ChangeKind::Added),
                ("fields.steps[0]", ChangeKind::Added),
                ("fields.steps[1]", ChangeKind::Added),
                ("fields.steps[2]", ChangeKind::Added),
                ("fields.fees.items[0]", ChangeKind::Added),
                ("internal.owner", ChangeKind::Added),
            ]
        );
        assert!(changes.iter().all(|c| c.before.is_none() && c.after.is_some()));
    }

    #[test]
    fn the_list_of_fields_covers_the_structs_in_their_order() {
        fn leaves(prefix: &str, value: &Value, found: &mut Vec<String>) {
            if FIELDS.contains(&prefix) {
                return found.push(prefix.to_owned());
            }
            let Some(record) = value.as_object() else {
                panic!("{prefix} is missing from FIELDS")
            };
            for (key, value) in record {
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                leaves(&path, value, found);
            }
        }
        let mut found = Vec::new();
        leaves("", &to_json(&ProcedureContent::default()), &mut found);
        found.sort();
        let mut listed: Vec<String> = FIELDS.iter().map(|f| f.to_string()).collect();
        listed.sort();
        assert_eq!(found, listed);
        // Serialized text keeps the structs' order (unlike serde_json's maps): each field
        // must come after the one before it.
        let text = serde_json::to_string(&ProcedureContent::default()).unwrap();
        let mut position = 0;
        for field in FIELDS {
            let key = format!("\"{}\":", field.rsplit('.').next().unwrap());
            let offset = text[position..]
                .find(&key)
                .unwrap_or_else(|| panic!("{field} out of order"));
            position += offset + key.len();
        }
    }
}
