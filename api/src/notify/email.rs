//! Email templates (Polish and English). A template's first line is the subject; the rest
//! is the plain-text body. Templates are compiled into the binary.

use anyhow::Context;
use minijinja::Environment;

use crate::accounts::model::Language;

/// Every template, by `name.lang`.
const TEMPLATES: &[(&str, &str)] = &[
    (
        "verify_email.pl",
        include_str!("../../templates/email/verify_email.pl.txt"),
    ),
    (
        "verify_email.en",
        include_str!("../../templates/email/verify_email.en.txt"),
    ),
    (
        "email_taken.pl",
        include_str!("../../templates/email/email_taken.pl.txt"),
    ),
    (
        "email_taken.en",
        include_str!("../../templates/email/email_taken.en.txt"),
    ),
    (
        "reset_password.pl",
        include_str!("../../templates/email/reset_password.pl.txt"),
    ),
    (
        "reset_password.en",
        include_str!("../../templates/email/reset_password.en.txt"),
    ),
    ("invitation.pl", include_str!("../../templates/email/invitation.pl.txt")),
    ("invitation.en", include_str!("../../templates/email/invitation.en.txt")),
    (
        "change_email.pl",
        include_str!("../../templates/email/change_email.pl.txt"),
    ),
    (
        "change_email.en",
        include_str!("../../templates/email/change_email.en.txt"),
    ),
    (
        "new_message.pl",
        include_str!("../../templates/email/new_message.pl.txt"),
    ),
    (
        "new_message.en",
        include_str!("../../templates/email/new_message.en.txt"),
    ),
    (
        "issue_registered.pl",
        include_str!("../../templates/email/issue_registered.pl.txt"),
    ),
    (
        "issue_registered.en",
        include_str!("../../templates/email/issue_registered.en.txt"),
    ),
    (
        "issue_status_changed.pl",
        include_str!("../../templates/email/issue_status_changed.pl.txt"),
    ),
    (
        "issue_status_changed.en",
        include_str!("../../templates/email/issue_status_changed.en.txt"),
    ),
    (
        "issue_response.pl",
        include_str!("../../templates/email/issue_response.pl.txt"),
    ),
    (
        "issue_response.en",
        include_str!("../../templates/email/issue_response.en.txt"),
    ),
    (
        "information_request.pl",
        include_str!("../../templates/email/information_request.pl.txt"),
    ),
    (
        "information_request.en",
        include_str!("../../templates/email/information_request.en.txt"),
    ),
    (
        "staff_new_issue.pl",
        include_str!("../../templates/email/staff_new_issue.pl.txt"),
    ),
    (
        "staff_new_issue.en",
        include_str!("../../templates/email/staff_new_issue.en.txt"),
    ),
    (
        "staff_digest.pl",
        include_str!("../../templates/email/staff_digest.pl.txt"),
    ),
    (
        "staff_digest.en",
        include_str!("../../templates/email/staff_digest.en.txt"),
    ),
    (
        "staff_deadline_reminder.pl",
        include_str!("../../templates/email/staff_deadline_reminder.pl.txt"),
    ),
    (
        "staff_deadline_reminder.en",
        include_str!("../../templates/email/staff_deadline_reminder.en.txt"),
    ),
    (
        "staff_deadline_missed.pl",
        include_str!("../../templates/email/staff_deadline_missed.pl.txt"),
    ),
    (
        "staff_deadline_missed.en",
        include_str!("../../templates/email/staff_deadline_missed.en.txt"),
    ),
    (
        "unit_forward.pl",
        include_str!("../../templates/email/unit_forward.pl.txt"),
    ),
    (
        "unit_forward.en",
        include_str!("../../templates/email/unit_forward.en.txt"),
    ),
];

/// A rendered email, ready for the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email {
    pub to: String,
    pub subject: String,
    pub body: String,
    /// Where replies go, when not to the sender.
    pub reply_to: Option<String>,
}

/// The template set.
pub struct Templates {
    env: Environment<'static>,
}

impl Templates {
    pub fn new() -> anyhow::Result<Self> {
        let mut env = Environment::new();
        // Plain text: nothing is HTML-escaped.
        env.set_auto_escape_callback(|_| minijinja::AutoEscape::None);
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
        for (name, source) in TEMPLATES {
            env.add_template(name, source)
                .with_context(|| format!("email template {name}"))?;
        }
        Ok(Self { env })
    }

    /// Renders template `name` in `language` for `to`.
    pub fn render(&self, name: &str, language: Language, to: &str, context: minijinja::Value) -> anyhow::Result<Email> {
        let key = format!("{name}.{}", language.as_str());
        let text = self
            .env
            .get_template(&key)?
            .render(context)
            .with_context(|| format!("rendering {key}"))?;
        let (subject, body) = text
            .split_once('\n')
            .context("a template starts with its subject line")?;
        Ok(Email {
            to: to.to_owned(),
            subject: subject.trim().to_owned(),
            body: body.trim_start().to_owned(),
            reply_to: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_renders_in_both_languages() {
        let templates = Templates::new().unwrap();
        let context = minijinja::context! {
            first_name => "Anna", link => "https://x/y", valid_hours => 24, login_link => "l", reset_link => "r",
            roles => "operator", new_email => "n@example.org", subject => "S", number => "2026/000001", title => "T",
            response => "R", status => "in_progress", message => "M", close_reason => (), unit => "U", transferred => true,
            due => "01.12.2026", can_reply => true, deadline => "01.12.2026", kind => "verify", description => "D",
            address => "A", location => "51.1, 19.1", items => vec![minijinja::context! { number => "2026/000001", title => "T" }],
        };
        for (key, _) in TEMPLATES {
            let (name, lang) = key.split_once('.').unwrap();
            let language = lang.parse().unwrap();
            let email = templates
                .render(name, language, "a@example.org", context.clone())
                .unwrap();
            assert!(!email.subject.is_empty() && !email.body.is_empty(), "{key}");
        }
        let email = templates
            .render("verify_email", Language::Pl, "a@example.org", context)
            .unwrap();
        assert!(email.subject.contains("Potwierdź"));
        assert!(email.body.contains("https://x/y") && email.body.contains("Anna"));
    }

    #[test]
    fn every_template_file_is_registered() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/email");
        for entry in std::fs::read_dir(dir).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            let key = name.trim_end_matches(".txt");
            assert!(
                TEMPLATES.iter().any(|(registered, _)| *registered == key),
                "{name} is not in TEMPLATES"
            );
        }
    }

    #[test]
    fn a_missing_variable_is_an_error_not_a_blank() {
        let templates = Templates::new().unwrap();
        assert!(
            templates
                .render("verify_email", Language::En, "a@example.org", minijinja::context! {})
                .is_err()
        );
    }
}
