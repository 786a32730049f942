# Workspaces
workspaces-title = Workspaces
workspaces-empty-action = Create the first workspace
workspaces-intro = A workspace is the shared place of one development effort: its development groups, workshops, service paths and ideas. Professionals, clients, experts by experience and relatives are invited as members.
workspaces-empty = You have no workspaces yet. Start by creating the first one: give it a name, and you can invite members to it.
workspaces-create-heading = Create a new workspace
workspaces-create-submit = Create workspace
workspace-your-role = Your role
workspace-groups-empty-viewer = The workspace's facilitator adds the groups.
workspace-intro = Here you see the workspace's development groups and members.
workspace-groups-heading = Development groups
workspace-groups-empty = There are no development groups yet. In a group, professionals, clients, experts by experience and relatives develop the service together.
workspace-members-heading = Members
workspace-members-caption = The workspace's members and their roles
workspace-actions = Actions
member-remove = Remove
notice-member_removed = The member was removed.
member-role-change = Change role
member-role-of = Role of { $name }
notice-role_changed = The role was changed.
notice-invitation_withdrawn = The invitation was withdrawn. Its link no longer works.
notice-joined = Welcome! You are now a member of the workspace.
notice-created = The workspace is created. Invite members below.
notice-created_same_name = The workspace is created. You already have another workspace with the same name: tell them apart by name if needed.

member-remove-title = Remove { $name } from the workspace?
member-remove-what = { $name } (role: { $role }) will no longer have access to { $workspace }. What they have already written stays in the workspace. They can be invited back later.
member-remove-submit = Remove member
member-remove-cancel = Do not remove
member-last-owner = The only owner
member-no-actions = No actions

field-role = Role
field-workspace-name = Workspace name

# Roles
role-owner = Owner
role-facilitator = Facilitator
role-viewer = Viewer

# Privacy settings
settings-title = Privacy settings
settings-intro = These settings apply to every workshop of the workspace. Only the workspace's owners can change them.
settings-threshold-label = Smallest group whose size is shown
settings-threshold-hint = Results also show the votes by perspective, such as clients and professionals. A group smaller than this number shows as "< number" instead of the exact count, for example "< 5". That way nobody can work out how someone voted. The number can be 3 to 20. The default is 5.
settings-retention-label = Retention period in months
settings-retention-hint = When a workshop series has been closed, the participants' nicknames and return codes are erased after this many months. Notes and votes stay in the results without a nickname. For a workshop outside any series, the time counts from when the workshop was closed. The number can be 1 to 60. The default is 12.
settings-submit = Save settings
settings-back = Back to the workspace
settings-saved = The settings were saved.
settings-link = Change the privacy settings
settings-summary = In results, small groups (under { $threshold }) show as "< { $threshold }". The participants' nicknames and return codes are erased { $months } { $months ->
        [one] month
       *[other] months
    } after the workshop series was closed. Notes and votes are kept.
