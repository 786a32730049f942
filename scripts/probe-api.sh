#!/usr/bin/env bash
# Schemathesis with every check against the JSON API of a fresh local server:
#
#   scripts/probe-api.sh [MAX_EXAMPLES]      (default 200)
#
# Builds polku, starts it on a temporary SQLite database, makes an account,
# a token, a workspace, an invitation, a group and a series with a workshop
# and a data-collection period (so operations on existing objects are
# reached too), installs schemathesis into target/schemathesis-venv
# (reused), and runs it over /api/openapi.json. Exit status is schemathesis's.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
EXAMPLES=${1:-200}
VENV=target/schemathesis-venv
cargo build --locked --bin polku
[ -x "$VENV/bin/schemathesis" ] || { python3 -m venv "$VENV" && "$VENV/bin/pip" install -q schemathesis; }
WORK=$(mktemp -d)
DB="sqlite://$WORK/polku.db"
PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
target/debug/polku serve --addr "127.0.0.1:$PORT" --database "$DB" --no-demo >"$WORK/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
until curl -sf "$BASE/healthz" >/dev/null; do sleep 0.2; done
echo "kirjava-Harakka-lentää-58" | target/debug/polku user add --email probe@example.fi --name Probe --database "$DB" >/dev/null
TOKEN=$(target/debug/polku user token --email probe@example.fi --database "$DB" 2>/dev/null)
json() { python3 -c "import sys,json;print(json.load(sys.stdin)$1)"; }
api() { curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$@"; }
WS=$(api -X POST -d '{"name":"Probe"}' "$BASE/api/v1/workspaces" | json '["id"]')
INV=$(api -X POST -d '{"email":"kutsuttu@example.fi","role":"viewer"}' "$BASE/api/v1/workspaces/$WS/invitations" | json '["id"]')
USER_ID=$(api "$BASE/api/v1/workspaces/$WS/members" | json '[0]["user_id"]')
GROUP=$(api -X POST -d '{"name_fi":"Ryhmä"}' "$BASE/api/v1/workspaces/$WS/groups" | json '["id"]')
SERIES_URL="$BASE/api/v1/workspaces/$WS/groups/$GROUP/series"
SERIES=$(api -X POST -d '{"name":"Sarja","phase":"ideation"}' "$SERIES_URL" | json '["id"]')
WORKSHOP=$(api -X POST -d '{"date":"2030-01-15","time":"13:00","duration_minutes":90}' "$SERIES_URL/$SERIES/workshops" | json '["id"]')
PERIOD=$(api -X POST -d '{"starts_on":"2030-01-16","ends_on":"2030-02-14","what":"Kysely"}' "$SERIES_URL/$SERIES/periods" | json '["id"]')
{
    printf '[parameters]\nworkspace_id = "%s"\ninvitation_id = "%s"\nuser_id = "%s"\n' "$WS" "$INV" "$USER_ID"
    printf 'group_id = "%s"\nseries_id = "%s"\nworkshop_id = "%s"\nperiod_id = "%s"\n' "$GROUP" "$SERIES" "$WORKSHOP" "$PERIOD"
} >"$WORK/schemathesis.toml"
cd "$WORK"
"$ROOT/$VENV/bin/schemathesis" run "$BASE/api/openapi.json" --url "$BASE" --checks all \
    -H "Authorization: Bearer $TOKEN" --max-examples "$EXAMPLES"
