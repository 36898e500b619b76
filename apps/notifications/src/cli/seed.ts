/**
 * Demo data of notifications (what `tools/hub up` shows a new user) comes through its real handlers:
 * registration's seed and the cross-context demo (tools/demo) submit applications, send remarks and
 * decide — the consumer turns those events into notices in each company's language. Nothing is
 * written here; the script only says so, so that `tools/hub up` treats every context alike.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/hub_notifications node dist/cli/seed.js
 */
process.stdout.write('notifications seed: notices come from the other contexts’ events (registration remarks F-14, decisions F-17) once the apps run\n');
