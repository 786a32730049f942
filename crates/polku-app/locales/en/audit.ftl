# Membership history
audit-title = Membership history
audit-intro = Who invited, withdrew an invitation, joined, removed a member or changed a role, and when. Newest first. Only owners see this page.
audit-empty = No changes yet.
audit-link = Membership history
audit-actor = Done by
audit-target = About
audit-unknown-account = removed account
audit-action-invitation_created = Invitation made
audit-action-invitation_withdrawn = Invitation withdrawn
audit-action-invitation_accepted = Invitation accepted
audit-action-member_removed = Member removed
audit-action-role_changed = Role changed
