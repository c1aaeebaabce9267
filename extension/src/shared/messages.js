// Protocol names from docs/PROTOCOL.md, plus the extension's internal ones.
// Written as a classic script so content scripts (which cannot be ES modules without
// web_accessible_resources) and ES-module pages share the one definition via globalThis.__vigie.
(function (ns) {
  'use strict';
  ns.MSG = Object.freeze({
    HELLO: 'hello',
    PROFILE_SEEN: 'profile.seen',
    INVITATION_SENT: 'invitation.sent',
    INVITATION_RECEIVED: 'invitation.received',
    INVITATIONS_SENT_LIST: 'invitations.sent_list',
    CONNECTION_SEEN: 'connection.seen',
    INVITATION_WITHDRAWN: 'invitation.withdrawn',
    INVITATION_ANSWERED: 'invitation.answered',
    DRIFT_REPORT: 'drift.report',
    INVITATION_CHECK: 'invitation.check',
    STATS_GET: 'stats.get',
    INVITATIONS_LIST: 'invitations.list',
    INVITATIONS_EXPORT: 'invitations.export',
    PERSON_GET: 'person.get',
    PERSON_FORGET: 'person.forget',
    PERSON_MARK: 'person.mark',
    PROFILE_ASSESS: 'profile.assess',
    DATA_PURGE: 'data.purge',
    SETTINGS_GET: 'settings.get',
    SETTINGS_SET: 'settings.set',
    IMPORT_FILES: 'import.files',
    TEAM_VIEW: 'team.view',
  });

  // Events are stamped with `at` and queued while the host is away; everything else is a query
  // that fails fast when the host cannot answer.
  ns.EVENT_TYPES = Object.freeze([
    'profile.seen', 'invitation.sent', 'invitation.received', 'invitations.sent_list',
    'connection.seen', 'invitation.withdrawn', 'invitation.answered', 'drift.report',
  ]);

  // Between the extension's own parts only; never sent to the host.
  ns.INTERNAL = Object.freeze({
    STATUS: 'vigie.status',
    RECONNECT: 'vigie.reconnect',
    CLEAR_DRIFT: 'vigie.clear_drift',
  });
})(globalThis.__vigie ??= {});
