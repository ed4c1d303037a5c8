#!/bin/sh
# The week's contacts and promises by mail, for cron:
#   0 7 * * 1  /path/to/weekly-due.sh alice@example.com
# crm exits 1 when a broken file was skipped: the mail still goes, with the warning.
set -u
to=${1:?usage: weekly-due.sh ADDRESS}
report=$(crm due --format markdown 2>&1)
[ -n "$report" ] || exit 0   # nothing due: no mail
printf '%s\n' "$report" | mail -s "crm: this week" "$to"
