//! The status machine (R3.1): New → Accepted → In progress → Done, and Closed (with a
//! reason) from New, Accepted or In progress. Moving to In progress, Done or Closed needs a
//! public justification.

use crate::issues::model::IssueStatus;
use crate::text_enum;

text_enum! {
    /// Why an issue was closed without being done.
    pub enum CloseReason {
        NotFeasible => "not_feasible",
        Unfounded => "unfounded",
        Duplicate => "duplicate",
        OutsideCompetence => "outside_competence",
        /// The reporter did not give the information asked for (set by the system).
        WithoutConsideration => "without_consideration",
    }
}

/// The statuses an issue may move to from `from`.
pub fn allowed_next(from: IssueStatus) -> &'static [IssueStatus] {
    use IssueStatus::*;
    match from {
        New => &[Accepted, Closed],
        Accepted => &[InProgress, Closed],
        InProgress => &[Done, Closed],
        Done | Closed => &[],
    }
}

pub fn can_move(from: IssueStatus, to: IssueStatus) -> bool {
    allowed_next(from).contains(&to)
}

/// Whether entering `to` needs a public justification.
pub fn needs_justification(to: IssueStatus) -> bool {
    matches!(to, IssueStatus::InProgress | IssueStatus::Done | IssueStatus::Closed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use IssueStatus::*;

    #[test]
    fn only_the_statutory_transitions_are_allowed() {
        let all = [New, Accepted, InProgress, Done, Closed];
        let allowed: Vec<(IssueStatus, IssueStatus)> = all
            .iter()
            .flat_map(|&from| all.iter().map(move |&to| (from, to)))
            .filter(|&(from, to)| can_move(from, to))
            .collect();
        assert_eq!(
            allowed,
            [
                (New, Accepted),
                (New, Closed),
                (Accepted, InProgress),
                (Accepted, Closed),
                (InProgress, Done),
                (InProgress, Closed)
            ]
        );
    }

    #[test]
    fn justification_is_needed_from_in_progress_on() {
        assert!(!needs_justification(Accepted));
        assert!(needs_justification(InProgress) && needs_justification(Done) && needs_justification(Closed));
    }
}
