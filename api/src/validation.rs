//! Field checks shared by request handlers; failures are collected so a client learns
//! about every wrong field at once.

use std::str::FromStr;

use crate::error::{AppError, FieldError};

/// Collects field errors.
#[derive(Debug, Default)]
pub struct Validator {
    errors: Vec<FieldError>,
}

impl Validator {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, error: FieldError) {
        self.errors.push(error);
    }

    /// A required text of `min..=max` characters (after trimming); returns it trimmed.
    pub fn text(&mut self, field: &str, value: &str, min: usize, max: usize) -> String {
        let trimmed = value.trim();
        let length = trimmed.chars().count();
        if length < min.max(1) && length == 0 {
            self.add(FieldError::new(field, "required", "This field is required."));
        } else if length < min {
            self.add(FieldError::new(
                field,
                "too_short",
                format!("At least {min} characters are required."),
            ));
        } else if length > max {
            self.add(FieldError::new(
                field,
                "too_long",
                format!("At most {max} characters are allowed."),
            ));
        }
        trimmed.to_owned()
    }

    /// An email address (RFC 5321 syntax, checked by lettre); returns it normalised.
    pub fn email(&mut self, field: &str, value: &str) -> String {
        let normalised = value.trim().to_lowercase();
        if normalised.is_empty() {
            self.add(FieldError::new(field, "required", "This field is required."));
        } else if normalised.chars().count() > 254 || lettre::Address::from_str(&normalised).is_err() {
            self.add(FieldError::new(
                field,
                "invalid_email",
                "This is not a valid email address.",
            ));
        }
        normalised
    }

    /// An optional phone number: digits with optional `+`, spaces, dashes and brackets,
    /// 6 to 15 digits. Returns it trimmed, or `None` when empty.
    pub fn phone(&mut self, field: &str, value: Option<&str>) -> Option<String> {
        let value = value.map(str::trim).filter(|value| !value.is_empty())?;
        let digits = value.chars().filter(char::is_ascii_digit).count();
        let allowed = value
            .chars()
            .enumerate()
            .all(|(i, c)| c.is_ascii_digit() || " -()".contains(c) || (c == '+' && i == 0));
        if !allowed || !(6..=15).contains(&digits) {
            self.add(FieldError::new(
                field,
                "invalid_phone",
                "This is not a valid phone number.",
            ));
        }
        Some(value.to_owned())
    }

    /// Fails with 422 listing every collected error.
    pub fn finish(self) -> Result<(), AppError> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(AppError::validation(self.errors))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collects_every_wrong_field() {
        let mut v = Validator::new();
        assert_eq!(v.text("first_name", "  Anna ", 1, 100), "Anna");
        v.text("last_name", "   ", 1, 100);
        assert_eq!(v.email("email", " Anna@Example.ORG "), "anna@example.org");
        v.email("email2", "not-an-email");
        assert_eq!(
            v.phone("phone", Some("+48 42 638 44 44")).as_deref(),
            Some("+48 42 638 44 44")
        );
        v.phone("phone2", Some("call me"));
        assert_eq!(v.phone("phone3", Some("  ")), None);
        let AppError::Client { errors, .. } = v.finish().unwrap_err() else {
            panic!()
        };
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["last_name", "email2", "phone2"]);
    }
}
