# Workspaces
workspaces-title = Workspaces
workspaces-empty = You have no workspaces yet. Create the first one below.
workspaces-create-heading = Create a new workspace
workspaces-create-submit = Create workspace
workspace-your-role = Your role
workspace-groups-heading = Development groups
workspace-groups-empty = There are no development groups yet.
workspace-members-heading = Members
workspace-members-caption = The workspace's members and their roles
workspace-actions = Actions
member-remove = Remove
member-add-heading = Add a member
member-add-intro = Add a person who already has a Polku account by their e-mail address.
member-add-submit = Add member
notice-member_added = The member was added.
notice-member_removed = The member was removed.

field-role = Role
field-workspace-name = Workspace name

# Roles
role-owner = Owner
role-facilitator = Facilitator
role-viewer = Viewer
