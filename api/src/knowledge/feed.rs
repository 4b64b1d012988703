//! Feeds of published procedures for the city's BIP and other sites (R7): Atom 1.0
//! (RFC 4287) and JSON Feed 1.1, with the same content.
//!
//! An entry's id is the procedure's, `urn:uuid:<id>`, the same for every version: both
//! formats define an updated item as the same id with a newer `updated`/`date_modified`
//! (RFC 4287 §4.1.1, JSON Feed "id"), so readers replace the procedure's description
//! instead of listing each version beside the others. A UUID URN needs no host name,
//! so the ids survive a change of the portal's address.

use atom_syndication::{Category, Entry, Feed, Link, Person, Text};
use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// One published procedure in a feed.
pub struct FeedEntry {
    pub id: Uuid,
    pub name: String,
    pub summary: String,
    /// The unit that handles the procedure.
    pub unit: String,
    pub version: i32,
    /// The first publication of the procedure.
    pub published: DateTime<Utc>,
    /// The publication of this version.
    pub updated: DateTime<Utc>,
    /// The procedure's public page.
    pub url: String,
    pub topics: Vec<String>,
}

/// A published procedures feed as JSON Feed 1.1 (<https://jsonfeed.org/version/1.1>).
#[derive(Debug, Serialize, ToSchema)]
pub struct JsonFeed {
    /// Always `https://jsonfeed.org/version/1.1`.
    pub version: String,
    pub title: String,
    pub home_page_url: String,
    /// The feed's address without query parameters: it identifies the feed.
    pub feed_url: String,
    pub authors: Vec<JsonFeedAuthor>,
    /// Newest change first.
    pub items: Vec<JsonFeedItem>,
}

/// An author in a JSON Feed: the city office for the feed, the unit for an item.
#[derive(Debug, Serialize, ToSchema)]
pub struct JsonFeedAuthor {
    pub name: String,
}

/// One published procedure in a JSON Feed.
#[derive(Debug, Serialize, ToSchema)]
pub struct JsonFeedItem {
    /// `urn:uuid:<procedure id>`, the same for every version of the procedure.
    pub id: String,
    pub url: String,
    pub title: String,
    pub summary: String,
    /// The short description again: JSON Feed requires a content member.
    pub content_text: String,
    /// The first publication of the procedure.
    pub date_published: DateTime<Utc>,
    /// The publication of the current version.
    pub date_modified: DateTime<Utc>,
    /// Topic slugs.
    pub tags: Vec<String>,
    pub authors: Vec<JsonFeedAuthor>,
    /// Our extension (JSON Feed allows members starting with an underscore).
    #[serde(rename = "_kontakt")]
    pub kontakt: JsonFeedExtension,
}

/// What an integrator needs beyond JSON Feed to fetch the procedure from the API.
#[derive(Debug, Serialize, ToSchema)]
pub struct JsonFeedExtension {
    pub procedure_id: Uuid,
    /// The published version's number.
    pub version: i32,
    /// The unit that handles the procedure.
    pub unit: String,
}

const JSON_FEED_VERSION: &str = "https://jsonfeed.org/version/1.1";

/// An id that is the same for every entry of one procedure.
fn entry_id(entry: &FeedEntry) -> String {
    format!("urn:uuid:{}", entry.id)
}

/// The feed's identity: its address without `?since=…`, which only filters it.
fn feed_id(self_url: &str) -> &str {
    self_url.split(['?', '#']).next().unwrap_or(self_url)
}

/// Text without the control characters XML 1.0 forbids (a vertical tab pasted from a
/// word processor would otherwise make the whole feed unreadable to parsers).
fn xml_text(value: &str) -> String {
    value
        .chars()
        .filter(|c| !matches!(c, '\0'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}'))
        .collect()
}

fn link(href: &str, rel: &str, mime_type: &str) -> Link {
    Link {
        href: href.to_owned(),
        rel: rel.to_owned(),
        mime_type: Some(mime_type.to_owned()),
        ..Link::default()
    }
}

fn person(name: &str) -> Person {
    Person {
        name: xml_text(name),
        ..Person::default()
    }
}

/// An Atom 1.0 (RFC 4287) document of `entries`, updated at the newest entry (or
/// `generated_at` when there is none).
pub fn atom(
    title: &str,
    self_url: &str,
    site_url: &str,
    publisher: &str,
    generated_at: DateTime<Utc>,
    entries: &[FeedEntry],
) -> String {
    let updated = entries.iter().map(|e| e.updated).max().unwrap_or(generated_at);
    let entries = entries.iter().map(|e| Entry {
        id: entry_id(e),
        title: Text::plain(xml_text(&e.name)),
        // The short description is optional while drafting; an empty summary says nothing.
        summary: (!e.summary.is_empty()).then(|| Text::plain(xml_text(&e.summary))),
        links: vec![link(&e.url, "alternate", "text/html")],
        updated: e.updated.fixed_offset(),
        published: Some(e.published.fixed_offset()),
        categories: e
            .topics
            .iter()
            .map(|topic| Category {
                term: xml_text(topic),
                ..Category::default()
            })
            .collect(),
        authors: vec![person(&e.unit)],
        ..Entry::default()
    });
    Feed {
        id: feed_id(self_url).to_owned(),
        title: Text::plain(xml_text(title)),
        updated: updated.fixed_offset(),
        links: vec![
            link(self_url, "self", "application/atom+xml"),
            link(site_url, "alternate", "text/html"),
        ],
        authors: vec![person(publisher)],
        entries: entries.collect(),
        ..Feed::default()
    }
    .to_string()
}

/// A JSON Feed 1.1 of `entries`, with the same content as [`atom`].
pub fn json_feed(title: &str, self_url: &str, site_url: &str, publisher: &str, entries: &[FeedEntry]) -> JsonFeed {
    let author = |name: &str| vec![JsonFeedAuthor { name: name.to_owned() }];
    JsonFeed {
        version: JSON_FEED_VERSION.to_owned(),
        title: title.to_owned(),
        home_page_url: site_url.to_owned(),
        feed_url: feed_id(self_url).to_owned(),
        authors: author(publisher),
        items: entries
            .iter()
            .map(|e| JsonFeedItem {
                id: entry_id(e),
                url: e.url.clone(),
                title: e.name.clone(),
                summary: e.summary.clone(),
                content_text: e.summary.clone(),
                date_published: e.published,
                date_modified: e.updated,
                tags: e.topics.clone(),
                authors: author(&e.unit),
                kontakt: JsonFeedExtension {
                    procedure_id: e.id,
                    version: e.version,
                    unit: e.unit.clone(),
                },
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    const SELF: &str = "https://kontakt.example.pl/api/v1/procedures/feed.atom?since=2026-01-01T00:00:00Z";
    const SITE: &str = "https://kontakt.example.pl";
    const PUBLISHER: &str = "Urząd Miasta Łodzi";

    fn at(day: u32, hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, day, hour, 0, 0).unwrap()
    }

    fn entries() -> Vec<FeedEntry> {
        let entry = |id: u128, name: &str, version, published, updated| FeedEntry {
            id: Uuid::from_u128(id),
            name: name.into(),
            summary: format!("{name}: opis sprawy, źródła i opłaty."),
            unit: "Wydział Spraw Obywatelskich".into(),
            version,
            published,
            updated,
            url: format!("{SITE}/procedures/{}", Uuid::from_u128(id)),
            topics: vec!["dokumenty".into(), "zdarzenia-życiowe".into()],
        };
        vec![
            entry(2, "Zażółć gęślą jaźń — wymiana dowodu", 3, at(1, 9), at(20, 12)),
            entry(1, "Zasiłek <dla> rodzin & opiekunów \"R&O\"", 1, at(5, 8), at(5, 8)),
        ]
    }

    #[test]
    fn the_atom_feed_parses_back_with_its_entries() {
        let xml = atom("Baza wiedzy", SELF, SITE, PUBLISHER, at(31, 0), &entries());
        let feed: Feed = xml.parse().expect("valid Atom");
        assert_eq!(feed.id, "https://kontakt.example.pl/api/v1/procedures/feed.atom");
        assert_eq!(feed.updated, at(20, 12));
        assert_eq!(feed.authors[0].name, PUBLISHER);
        let rels: Vec<(&str, &str)> = feed.links.iter().map(|l| (l.rel.as_str(), l.href.as_str())).collect();
        assert_eq!(rels, [("self", SELF), ("alternate", SITE)]);
        assert_eq!(feed.entries.len(), 2);
        let first = &feed.entries[0];
        assert_eq!(first.id, format!("urn:uuid:{}", Uuid::from_u128(2)));
        assert_eq!(first.title.as_str(), "Zażółć gęślą jaźń — wymiana dowodu");
        assert_eq!(first.updated, at(20, 12));
        assert_eq!(first.published, Some(at(1, 9).fixed_offset()));
        assert_eq!(first.links[0].href, format!("{SITE}/procedures/{}", Uuid::from_u128(2)));
        assert_eq!(first.authors[0].name, "Wydział Spraw Obywatelskich");
        let topics: Vec<&str> = first.categories.iter().map(|c| c.term.as_str()).collect();
        assert_eq!(topics, ["dokumenty", "zdarzenia-życiowe"]);
        assert!(first.summary.as_ref().unwrap().as_str().contains("źródła"));
    }

    #[test]
    fn xml_special_characters_are_escaped() {
        let xml = atom("Procedury & <usługi>", SELF, SITE, PUBLISHER, at(31, 0), &entries());
        assert!(xml.contains("Zasiłek &lt;dla&gt; rodzin &amp; opiekunów"), "{xml}");
        assert!(xml.contains("?since=2026-01-01T00:00:00Z"));
        let feed: Feed = xml.parse().unwrap();
        assert_eq!(feed.title.as_str(), "Procedury & <usługi>");
        assert_eq!(
            feed.entries[1].title.as_str(),
            "Zasiłek <dla> rodzin & opiekunów \"R&O\""
        );
    }

    #[test]
    fn control_characters_pasted_into_a_name_do_not_break_the_feed() {
        let mut entries = entries();
        entries[0].name = "Wymiana\u{000B}dowodu\u{0001}".into();
        let feed: Feed = atom("Baza wiedzy", SELF, SITE, PUBLISHER, at(31, 0), &entries)
            .parse()
            .unwrap();
        assert_eq!(feed.entries[0].title.as_str(), "Wymianadowodu");
    }

    #[test]
    fn an_empty_atom_feed_is_updated_when_generated() {
        let feed: Feed = atom("Baza wiedzy", SELF, SITE, PUBLISHER, at(31, 0), &[])
            .parse()
            .unwrap();
        assert_eq!(feed.updated, at(31, 0));
        assert!(feed.entries.is_empty());
    }

    #[test]
    fn the_json_feed_is_version_1_1_with_the_items() {
        let feed = json_feed("Baza wiedzy", SELF, SITE, PUBLISHER, &entries());
        let json = serde_json::to_value(&feed).unwrap();
        assert_eq!(json["version"], "https://jsonfeed.org/version/1.1");
        assert_eq!(
            json["feed_url"],
            "https://kontakt.example.pl/api/v1/procedures/feed.atom"
        );
        assert_eq!(json["home_page_url"], SITE);
        assert_eq!(json["authors"][0]["name"], PUBLISHER);
        let item = &json["items"][0];
        assert_eq!(item["id"], format!("urn:uuid:{}", Uuid::from_u128(2)));
        assert_eq!(item["title"], "Zażółć gęślą jaźń — wymiana dowodu");
        assert_eq!(item["date_published"], "2026-03-01T09:00:00Z");
        assert_eq!(item["date_modified"], "2026-03-20T12:00:00Z");
        assert_eq!(item["tags"][1], "zdarzenia-życiowe");
        assert_eq!(item["authors"][0]["name"], "Wydział Spraw Obywatelskich");
        assert_eq!(item["_kontakt"]["procedure_id"], Uuid::from_u128(2).to_string());
        assert_eq!(item["_kontakt"]["version"], 3);
        assert_eq!(json["items"][1]["title"], "Zasiłek <dla> rodzin & opiekunów \"R&O\"");
        // Polish letters go out as UTF-8, not escapes.
        assert!(serde_json::to_string(&feed).unwrap().contains("gęślą"));
    }
}
