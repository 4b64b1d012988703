//! Who may do what. Every handler asks one of these functions; no permission is implied
//! by the UI or by a route's position.

use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::error::AppError;
use crate::text_enum;

text_enum! {
    /// A staff role (R5.3). Every account is also a resident; that role is implicit.
    pub enum Role {
        /// Handles issues of one unit.
        Operator => "operator",
        /// Approves, rejects and redacts issues before they become public.
        Moderator => "moderator",
        /// Central contact centre: registers callers' issues, sees all units, reads internal KB fields.
        ContactCentre => "contact_centre",
        /// Writes procedure descriptions for one unit.
        ProcedureEditor => "procedure_editor",
        /// Reviews and publishes procedures (the monitoring team).
        KbPublisher => "kb_publisher",
        /// Administers accounts, roles, units, categories and terms.
        Admin => "admin",
    }
}

impl Role {
    /// Whether a grant of this role must name a unit.
    pub fn is_unit_scoped(self) -> bool {
        matches!(self, Self::Operator | Self::ProcedureEditor)
    }
}

/// One role held by an account, with its unit for unit-scoped roles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct Grant {
    pub role: Role,
    pub unit_id: Option<Uuid>,
}

/// The authenticated caller.
#[derive(Debug, Clone)]
pub struct Principal {
    pub account_id: Uuid,
    pub session_id: Uuid,
    pub grants: Vec<Grant>,
}

impl Principal {
    pub fn has_role(&self, role: Role) -> bool {
        self.grants.iter().any(|grant| grant.role == role)
    }

    pub fn is_admin(&self) -> bool {
        self.has_role(Role::Admin)
    }

    /// Holds any staff role.
    pub fn is_staff(&self) -> bool {
        !self.grants.is_empty()
    }
}

fn forbidden(detail: &str) -> AppError {
    AppError::client(actix_web::http::StatusCode::FORBIDDEN, "forbidden", detail)
}

/// Account administration: listing users, roles, blocking, invitations, terms, access log.
pub fn require_admin(principal: &Principal) -> Result<(), AppError> {
    if principal.is_admin() {
        Ok(())
    } else {
        Err(forbidden("Only administrators may do this."))
    }
}

/// Sending a private message to a person: administrators, operators and the contact centre.
pub fn require_can_message_people(principal: &Principal) -> Result<(), AppError> {
    let allowed = principal.is_admin() || principal.has_role(Role::Operator) || principal.has_role(Role::ContactCentre);
    if allowed {
        Ok(())
    } else {
        Err(forbidden("Only city staff may send messages to people."))
    }
}

/// Managing a unit's contact data and seeing its staff: administrators and the unit's own operators.
pub fn require_unit_management(principal: &Principal, unit_id: Uuid) -> Result<(), AppError> {
    let own_unit = principal
        .grants
        .iter()
        .any(|grant| grant.role == Role::Operator && grant.unit_id == Some(unit_id));
    if principal.is_admin() || own_unit {
        Ok(())
    } else {
        Err(forbidden("You may act only on your own units."))
    }
}

/// Reading people's contact data (R6.3): administrators, operators, moderators and the contact
/// centre. Every such read is logged by the caller.
pub fn require_contact_data_access(principal: &Principal) -> Result<(), AppError> {
    let allowed = principal.is_admin()
        || principal.has_role(Role::Operator)
        || principal.has_role(Role::ContactCentre)
        || principal.has_role(Role::Moderator);
    if allowed {
        Ok(())
    } else {
        Err(forbidden("Your role does not give access to personal data."))
    }
}

/// Moderating issues (R2.1): moderators and administrators.
pub fn require_moderator(principal: &Principal) -> Result<(), AppError> {
    if principal.is_admin() || principal.has_role(Role::Moderator) {
        Ok(())
    } else {
        Err(forbidden("Only moderators may do this."))
    }
}

/// Seeing and acting on an issue handled by `unit_id` (R4.3): moderators, the contact
/// centre and administrators for every unit; operators only for their own units.
pub fn require_issue_access(principal: &Principal, unit_id: Uuid) -> Result<(), AppError> {
    let everywhere =
        principal.is_admin() || principal.has_role(Role::Moderator) || principal.has_role(Role::ContactCentre);
    let own_unit = principal
        .grants
        .iter()
        .any(|grant| grant.role == Role::Operator && grant.unit_id == Some(unit_id));
    if everywhere || own_unit {
        Ok(())
    } else {
        Err(forbidden("This issue belongs to another unit."))
    }
}

/// Reading the knowledge base's internal fields, internal procedures and unpublished ones
/// (R7.2): the contact centre, procedure editors, publishers and administrators.
pub fn require_knowledge_staff(principal: &Principal) -> Result<(), AppError> {
    let allowed = principal.is_admin()
        || principal.has_role(Role::ContactCentre)
        || principal.has_role(Role::ProcedureEditor)
        || principal.has_role(Role::KbPublisher);
    if allowed {
        Ok(())
    } else {
        Err(forbidden("Only city staff may read this."))
    }
}

/// Writing and submitting drafts of `unit_id`'s procedures (R7.4): the unit's procedure
/// editors and administrators.
pub fn require_procedure_editor(principal: &Principal, unit_id: Uuid) -> Result<(), AppError> {
    let own_unit = principal
        .grants
        .iter()
        .any(|grant| grant.role == Role::ProcedureEditor && grant.unit_id == Some(unit_id));
    if principal.is_admin() || own_unit {
        Ok(())
    } else {
        Err(forbidden("You may edit only your own unit's procedures."))
    }
}

/// Reviewing, returning and publishing drafts (R7.4): publishers and administrators.
pub fn require_knowledge_publisher(principal: &Principal) -> Result<(), AppError> {
    if principal.is_admin() || principal.has_role(Role::KbPublisher) {
        Ok(())
    } else {
        Err(forbidden("Only knowledge-base publishers may do this."))
    }
}

/// Reading a draft of `unit_id`'s procedure: its editors, publishers and administrators.
pub fn require_draft_access(principal: &Principal, unit_id: Uuid) -> Result<(), AppError> {
    require_knowledge_publisher(principal).or_else(|_| require_procedure_editor(principal, unit_id))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn principal(grants: &[(Role, Option<Uuid>)]) -> Principal {
        Principal {
            account_id: Uuid::new_v4(),
            session_id: Uuid::new_v4(),
            grants: grants.iter().map(|&(role, unit_id)| Grant { role, unit_id }).collect(),
        }
    }

    #[test]
    fn residents_have_no_staff_permissions() {
        let resident = principal(&[]);
        assert!(!resident.is_staff());
        assert!(require_admin(&resident).is_err());
        assert!(require_can_message_people(&resident).is_err());
        assert!(require_contact_data_access(&resident).is_err());
        assert!(require_unit_management(&resident, Uuid::new_v4()).is_err());
    }

    #[test]
    fn operators_manage_only_their_units() {
        let (own, other) = (Uuid::new_v4(), Uuid::new_v4());
        let operator = principal(&[(Role::Operator, Some(own))]);
        assert!(require_unit_management(&operator, own).is_ok());
        assert!(require_unit_management(&operator, other).is_err());
        assert!(require_admin(&operator).is_err());
        // An editor of the other unit gains nothing there.
        let editor = principal(&[(Role::ProcedureEditor, Some(other))]);
        assert!(require_unit_management(&editor, other).is_err());
    }

    #[test]
    fn administrators_may_administer() {
        let admin = principal(&[(Role::Admin, None)]);
        assert!(require_admin(&admin).is_ok());
        assert!(require_unit_management(&admin, Uuid::new_v4()).is_ok());
    }

    #[test]
    fn unit_scoped_roles() {
        assert!(Role::Operator.is_unit_scoped() && Role::ProcedureEditor.is_unit_scoped());
        assert!(!Role::Admin.is_unit_scoped() && !Role::Moderator.is_unit_scoped());
    }
}
