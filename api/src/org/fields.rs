//! The extra fields a category asks for, and the validation of submitted values (R1.3).
//! Pure logic: no database, no clock.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use crate::error::FieldError;

/// The type of an extra field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FieldType {
    Text,
    Number,
    Select,
    MultiSelect,
    Boolean,
    Date,
}

/// A choice of a select field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct FieldOption {
    pub value: String,
    pub label_pl: String,
    pub label_en: String,
}

/// One extra field of a category.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct FieldDefinition {
    /// Identifier of the value in `field_values` (`[a-z0-9_]+`).
    pub key: String,
    #[serde(rename = "type")]
    pub field_type: FieldType,
    #[serde(default)]
    pub required: bool,
    /// Position in the form (ascending).
    #[serde(default)]
    pub order: i32,
    pub label_pl: String,
    pub label_en: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help_pl: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help_en: Option<String>,
    /// Choices of `select` and `multi_select` fields.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<FieldOption>,
    /// Bounds of `number` fields.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// Longest `text` value (default 500).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<usize>,
}

/// Checks a category's field schema itself (for the administration API).
pub fn validate_schema(fields: &[FieldDefinition]) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (i, field) in fields.iter().enumerate() {
        let at = |name: &str| format!("fields[{i}].{name}");
        let valid_key = !field.key.is_empty()
            && field.key.len() <= 40
            && field
                .key
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !valid_key {
            errors.push(FieldError::new(
                at("key"),
                "invalid",
                "Keys are 1–40 characters of a–z, 0–9 and _.",
            ));
        } else if !seen.insert(field.key.clone()) {
            errors.push(FieldError::new(at("key"), "duplicate", "Each key may appear once."));
        }
        if field.label_pl.trim().is_empty() || field.label_en.trim().is_empty() {
            errors.push(FieldError::new(at("label_pl"), "required", "Both labels are required."));
        }
        let is_select = matches!(field.field_type, FieldType::Select | FieldType::MultiSelect);
        if is_select && field.options.is_empty() {
            errors.push(FieldError::new(
                at("options"),
                "required",
                "A select field needs options.",
            ));
        }
        let mut values = std::collections::HashSet::new();
        for (j, option) in field.options.iter().enumerate() {
            let at_option = |name: &str| format!("fields[{i}].options[{j}].{name}");
            if option.value.trim().is_empty() {
                errors.push(FieldError::new(
                    at_option("value"),
                    "required",
                    "An option needs a value.",
                ));
            } else if !values.insert(option.value.as_str()) {
                errors.push(FieldError::new(
                    at_option("value"),
                    "duplicate",
                    "Each value may appear once.",
                ));
            }
            if option.label_pl.trim().is_empty() || option.label_en.trim().is_empty() {
                errors.push(FieldError::new(
                    at_option("label_pl"),
                    "required",
                    "Both labels are required.",
                ));
            }
        }
        if !is_select && !field.options.is_empty() {
            errors.push(FieldError::new(
                at("options"),
                "not_allowed",
                "Only select fields have options.",
            ));
        }
        if let (Some(min), Some(max)) = (field.min, field.max)
            && min > max
        {
            errors.push(FieldError::new(at("min"), "invalid", "min must not exceed max."));
        }
    }
    errors
}

/// Validates submitted values against the fields; returns the values to store (known keys
/// only, normalised) or an error per wrong field, named `field_values.<key>`.
pub fn validate_values(
    fields: &[FieldDefinition],
    values: &BTreeMap<String, Value>,
) -> Result<BTreeMap<String, Value>, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut clean = BTreeMap::new();
    for key in values.keys() {
        if !fields.iter().any(|field| &field.key == key) {
            errors.push(FieldError::new(
                format!("field_values.{key}"),
                "unknown_field",
                "This category has no such field.",
            ));
        }
    }
    for field in fields {
        let name = format!("field_values.{}", field.key);
        let value = values.get(&field.key).filter(|value| !is_empty(value));
        let Some(value) = value else {
            if field.required {
                errors.push(FieldError::new(name, "required", "This field is required."));
            }
            continue;
        };
        match check(field, value) {
            Ok(value) => {
                clean.insert(field.key.clone(), value);
            }
            Err(message) => errors.push(FieldError::new(name, "invalid", message)),
        }
    }
    if errors.is_empty() { Ok(clean) } else { Err(errors) }
}

fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(text) => text.trim().is_empty(),
        Value::Array(items) => items.is_empty(),
        _ => false,
    }
}

fn check(field: &FieldDefinition, value: &Value) -> Result<Value, String> {
    let known = |choice: &str| field.options.iter().any(|option| option.value == choice);
    match field.field_type {
        FieldType::Text => {
            let text = value.as_str().ok_or("Expected text.")?.trim();
            let max = field.max_length.unwrap_or(500);
            if text.chars().count() > max {
                return Err(format!("At most {max} characters are allowed."));
            }
            Ok(Value::String(text.to_owned()))
        }
        FieldType::Number => {
            let number = value.as_f64().ok_or("Expected a number.")?;
            if field.min.is_some_and(|min| number < min) || field.max.is_some_and(|max| number > max) {
                return Err(format!(
                    "Expected a number between {} and {}.",
                    field.min.unwrap_or(f64::MIN),
                    field.max.unwrap_or(f64::MAX)
                ));
            }
            Ok(value.clone())
        }
        FieldType::Boolean => value
            .as_bool()
            .map(Value::Bool)
            .ok_or_else(|| "Expected true or false.".into()),
        FieldType::Date => {
            let text = value.as_str().ok_or("Expected a date (YYYY-MM-DD).")?;
            NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| "Expected a date (YYYY-MM-DD).")?;
            Ok(Value::String(text.to_owned()))
        }
        FieldType::Select => {
            let choice = value.as_str().ok_or("Expected one of the options.")?;
            if known(choice) {
                Ok(Value::String(choice.to_owned()))
            } else {
                Err(format!("`{choice}` is not one of the options."))
            }
        }
        FieldType::MultiSelect => {
            let items = value.as_array().ok_or("Expected a list of options.")?;
            let mut choices = Vec::new();
            for item in items {
                let choice = item.as_str().ok_or("Expected a list of options.")?;
                if !known(choice) {
                    return Err(format!("`{choice}` is not one of the options."));
                }
                if !choices.contains(&choice) {
                    choices.push(choice);
                }
            }
            Ok(Value::from(choices))
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn fields() -> Vec<FieldDefinition> {
        serde_json::from_value(json!([
            {"key": "depth_cm", "type": "number", "required": true, "label_pl": "Głębokość", "label_en": "Depth", "min": 0, "max": 200},
            {"key": "lane", "type": "select", "label_pl": "Pas", "label_en": "Lane", "options": [
                {"value": "road", "label_pl": "Jezdnia", "label_en": "Road"}, {"value": "pavement", "label_pl": "Chodnik", "label_en": "Pavement"}]},
            {"key": "kinds", "type": "multi_select", "label_pl": "Rodzaj", "label_en": "Kind", "options": [
                {"value": "a", "label_pl": "A", "label_en": "A"}, {"value": "b", "label_pl": "B", "label_en": "B"}]},
            {"key": "dangerous", "type": "boolean", "label_pl": "Groźne", "label_en": "Dangerous"},
            {"key": "since", "type": "date", "label_pl": "Od", "label_en": "Since"},
            {"key": "note", "type": "text", "label_pl": "Uwagi", "label_en": "Note", "max_length": 10}
        ]))
        .unwrap()
    }

    fn values(value: Value) -> BTreeMap<String, Value> {
        serde_json::from_value(value).unwrap()
    }

    fn codes(result: Result<BTreeMap<String, Value>, Vec<FieldError>>) -> Vec<(String, String)> {
        result.unwrap_err().into_iter().map(|e| (e.field, e.code)).collect()
    }

    #[test]
    fn valid_values_are_normalised() {
        let clean = validate_values(&fields(), &values(json!({
            "depth_cm": 12.5, "lane": "road", "kinds": ["a", "a", "b"], "dangerous": true, "since": "2026-11-01", "note": "  ok  "
        })))
        .unwrap();
        assert_eq!(clean["kinds"], json!(["a", "b"]));
        assert_eq!(clean["note"], "ok");
    }

    #[test]
    fn each_wrong_value_is_named() {
        let result = validate_values(
            &fields(),
            &values(json!({
                "lane": "sky", "kinds": ["c"], "dangerous": "yes", "since": "01.11.2026", "note": "far too long text", "extra": 1
            })),
        );
        let got = codes(result);
        for expected in [
            ("field_values.extra", "unknown_field"),
            ("field_values.depth_cm", "required"),
            ("field_values.lane", "invalid"),
            ("field_values.kinds", "invalid"),
            ("field_values.dangerous", "invalid"),
            ("field_values.since", "invalid"),
            ("field_values.note", "invalid"),
        ] {
            assert!(
                got.contains(&(expected.0.into(), expected.1.into())),
                "{expected:?} in {got:?}"
            );
        }
        assert_eq!(
            codes(validate_values(&fields(), &values(json!({"depth_cm": 500})))),
            [("field_values.depth_cm".into(), "invalid".into())]
        );
        assert_eq!(
            codes(validate_values(&fields(), &values(json!({"depth_cm": "5"})))),
            [("field_values.depth_cm".into(), "invalid".into())]
        );
    }

    #[test]
    fn schemas_are_checked() {
        let mut bad = fields();
        bad[1].options.clear();
        bad[2].key = "depth_cm".into();
        bad[0].min = Some(10.0);
        bad[0].max = Some(1.0);
        let fields: Vec<String> = validate_schema(&bad).into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["fields[0].min", "fields[1].options", "fields[2].key"]);
        assert!(validate_schema(&self::fields()).is_empty());
    }

    #[test]
    fn options_need_unique_values_and_both_labels() {
        let mut bad = fields();
        let select = bad.iter_mut().find(|f| !f.options.is_empty()).unwrap();
        let first = select.options[0].clone();
        select.options.push(first);
        select.options.push(FieldOption {
            value: " ".into(),
            label_pl: "".into(),
            label_en: "x".into(),
        });
        let codes: Vec<(String, String)> = validate_schema(&bad).into_iter().map(|e| (e.field, e.code)).collect();
        let n = bad.iter().find(|f| !f.options.is_empty()).unwrap().options.len();
        let i = bad.iter().position(|f| !f.options.is_empty()).unwrap();
        assert_eq!(
            codes,
            [
                (format!("fields[{i}].options[{}].value", n - 2), "duplicate".to_owned()),
                (format!("fields[{i}].options[{}].value", n - 1), "required".to_owned()),
                (
                    format!("fields[{i}].options[{}].label_pl", n - 1),
                    "required".to_owned()
                ),
            ]
        );
    }
}
