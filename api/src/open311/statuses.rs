//! Our statuses in GeoReport's terms: `open`/`closed` for requests, and mySociety's
//! extended statuses for updates. Pure mappings.

use serde::Serialize;
use utoipa::ToSchema;

use super::format::Open311Error;
use super::params::list;
use crate::issues::model::IssueStatus;
use crate::workflow::status::CloseReason;

/// A request's status: `open` while the city handles it (New, Accepted, In progress),
/// `closed` once handling ended (Done, Closed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum RequestStatus {
    Open,
    Closed,
}

impl RequestStatus {
    /// The Open311 status of one of ours.
    pub fn of(status: IssueStatus) -> Self {
        if status.is_finished() { Self::Closed } else { Self::Open }
    }

    /// Our statuses that `self` stands for.
    pub fn ours(self) -> impl Iterator<Item = IssueStatus> {
        IssueStatus::ALL
            .iter()
            .copied()
            .filter(move |&status| Self::of(status) == self)
    }

    /// The statuses named by the `status` parameter (`open`, `closed`, or both).
    pub fn parse_list(value: Option<&str>) -> Result<Vec<Self>, Open311Error> {
        list(value)
            .into_iter()
            .map(|item| match item.to_ascii_lowercase().as_str() {
                "open" => Ok(Self::Open),
                "closed" => Ok(Self::Closed),
                _ => Err(Open311Error::bad_request(format!(
                    "status `{item}` is not valid; use open, closed or both (comma-separated)."
                ))),
            })
            .collect()
    }
}

/// The status after an update, in mySociety's extension of GeoReport v2
/// (`servicerequestupdates`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum UpdateStatus {
    /// New: filed, awaiting verification.
    Open,
    /// Accepted: verified, and the work is due to start by a deadline.
    ActionScheduled,
    InProgress,
    /// Done.
    Fixed,
    /// Closed as not feasible or unfounded.
    NoFurtherAction,
    /// Closed as outside the city's competence.
    NotCouncilsResponsibility,
    /// Closed as a duplicate (merged into another issue).
    Duplicate,
    /// Transferred to another unit of the city.
    InternalReferral,
    /// Closed for another reason (left without consideration, or no reason given).
    Closed,
}

impl UpdateStatus {
    /// The extended status of an issue in `status`, closed for `reason`.
    pub fn of(status: IssueStatus, reason: Option<CloseReason>) -> Self {
        match (status, reason) {
            (IssueStatus::New, _) => Self::Open,
            (IssueStatus::Accepted, _) => Self::ActionScheduled,
            (IssueStatus::InProgress, _) => Self::InProgress,
            (IssueStatus::Done, _) => Self::Fixed,
            (IssueStatus::Closed, Some(CloseReason::NotFeasible | CloseReason::Unfounded)) => Self::NoFurtherAction,
            (IssueStatus::Closed, Some(CloseReason::OutsideCompetence)) => Self::NotCouncilsResponsibility,
            (IssueStatus::Closed, Some(CloseReason::Duplicate)) => Self::Duplicate,
            (IssueStatus::Closed, Some(CloseReason::WithoutConsideration) | None) => Self::Closed,
        }
    }

    /// An extended status as an app posts it (any case); `INVESTIGATING`, which Kontakt
    /// does not use, counts as verified.
    pub fn parse(text: &str) -> Option<Self> {
        Some(match text.to_ascii_uppercase().as_str() {
            "OPEN" => Self::Open,
            "INVESTIGATING" | "ACTION_SCHEDULED" => Self::ActionScheduled,
            "IN_PROGRESS" => Self::InProgress,
            "FIXED" => Self::Fixed,
            "NO_FURTHER_ACTION" => Self::NoFurtherAction,
            "NOT_COUNCILS_RESPONSIBILITY" => Self::NotCouncilsResponsibility,
            "DUPLICATE" => Self::Duplicate,
            "INTERNAL_REFERRAL" => Self::InternalReferral,
            "CLOSED" => Self::Closed,
            _ => return None,
        })
    }

    /// The status of ours an app's update reports (the way back of `of`); none for a
    /// referral, which only the city makes.
    pub fn ours(self) -> Option<(IssueStatus, Option<CloseReason>)> {
        Some(match self {
            Self::Open => (IssueStatus::New, None),
            Self::ActionScheduled => (IssueStatus::Accepted, None),
            Self::InProgress => (IssueStatus::InProgress, None),
            Self::Fixed => (IssueStatus::Done, None),
            Self::NoFurtherAction | Self::Closed => (IssueStatus::Closed, None),
            Self::NotCouncilsResponsibility => (IssueStatus::Closed, Some(CloseReason::OutsideCompetence)),
            Self::Duplicate => (IssueStatus::Closed, Some(CloseReason::Duplicate)),
            Self::InternalReferral => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use IssueStatus::*;

    #[test]
    fn handling_statuses_are_open_and_finished_ones_closed() {
        let open: Vec<IssueStatus> = RequestStatus::Open.ours().collect();
        let closed: Vec<IssueStatus> = RequestStatus::Closed.ours().collect();
        assert_eq!(open, [New, Accepted, InProgress]);
        assert_eq!(closed, [Done, Closed]);
        assert_eq!(
            RequestStatus::parse_list(Some("open, CLOSED")).ok(),
            Some(vec![RequestStatus::Open, RequestStatus::Closed])
        );
        assert_eq!(RequestStatus::parse_list(None).ok(), Some(vec![]));
        assert!(RequestStatus::parse_list(Some("open,fixed")).is_err());
    }

    #[test]
    fn extended_statuses_tell_how_an_issue_ended() {
        let cases = [
            (New, None, "OPEN"),
            (Accepted, None, "ACTION_SCHEDULED"),
            (InProgress, None, "IN_PROGRESS"),
            (Done, None, "FIXED"),
            (Closed, Some(CloseReason::NotFeasible), "NO_FURTHER_ACTION"),
            (Closed, Some(CloseReason::Unfounded), "NO_FURTHER_ACTION"),
            (
                Closed,
                Some(CloseReason::OutsideCompetence),
                "NOT_COUNCILS_RESPONSIBILITY",
            ),
            (Closed, Some(CloseReason::Duplicate), "DUPLICATE"),
            (Closed, Some(CloseReason::WithoutConsideration), "CLOSED"),
            (Closed, None, "CLOSED"),
        ];
        for (status, reason, expected) in cases {
            let mapped = serde_json::to_value(UpdateStatus::of(status, reason)).unwrap();
            assert_eq!(mapped, expected, "{status:?} {reason:?}");
        }
        assert_eq!(
            serde_json::to_value(UpdateStatus::InternalReferral).unwrap(),
            "INTERNAL_REFERRAL"
        );
    }

    #[test]
    fn posted_statuses_map_back_onto_ours() {
        for (text, expected) in [
            ("open", Some((New, None))),
            ("INVESTIGATING", Some((Accepted, None))),
            ("ACTION_SCHEDULED", Some((Accepted, None))),
            ("IN_PROGRESS", Some((InProgress, None))),
            ("FIXED", Some((Done, None))),
            ("CLOSED", Some((Closed, None))),
            ("NO_FURTHER_ACTION", Some((Closed, None))),
            (
                "NOT_COUNCILS_RESPONSIBILITY",
                Some((Closed, Some(CloseReason::OutsideCompetence))),
            ),
            ("DUPLICATE", Some((Closed, Some(CloseReason::Duplicate)))),
            ("INTERNAL_REFERRAL", None),
        ] {
            assert_eq!(
                UpdateStatus::parse(text).and_then(UpdateStatus::ours),
                expected,
                "{text}"
            );
        }
        assert_eq!(UpdateStatus::parse("SOLVED"), None);
        // There and back: every status of ours keeps its meaning.
        for status in [New, Accepted, InProgress, Done] {
            assert_eq!(UpdateStatus::of(status, None).ours(), Some((status, None)));
        }
    }
}
