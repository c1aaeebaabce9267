// The toolbar icon says what needs the user's attention without opening the popup: the program
// on the computer missing or refusing us (red "!"), the next send near a daily or weekly limit
// (amber, "19/20") or over it (red). The verdict is the host's (invitation.check without a
// person); nothing is judged here.

const RED = '#cf222e';
const AMBER = '#9a6700';

// state: the native port's state; check: the host's invitation.check result, or null.
export function toolbarView({ state, check }, t) {
  if (state === 'not_installed' || state === 'forbidden')
    return { text: '!', color: RED, title: t(state === 'forbidden' ? 'toolbarHostForbidden' : 'toolbarHostMissing') };
  if (state !== 'connected' || !check) return { text: '', color: AMBER, title: t('extName') };
  const limit = (check.reasons ?? []).find((r) => (r.code === 'daily_limit' || r.code === 'weekly_limit') && r.verdict !== 'ok');
  if (!limit) return { text: '', color: AMBER, title: t('extName') };
  const stop = limit.verdict === 'stop';
  const counts = check.counts ?? {};
  const [value, max] = limit.code === 'daily_limit' ? [counts.today, counts.daily_limit] : [counts.week, counts.weekly_limit];
  const key = `toolbar_${limit.code}_${stop ? 'stop' : 'caution'}`;
  return { text: `${value}/${max}`, color: stop ? RED : AMBER, title: t(key, [String(value), String(max)]) };
}

export function createToolbar({ api, t, check }) {
  let last = '';
  return {
    // Called on every change of the port's state and after each recorded send.
    async refresh(state) {
      let result = null;
      if (state === 'connected') {
        const reply = await check().catch(() => null);
        result = reply?.ok ? reply.result : null;
      }
      const view = toolbarView({ state, check: result }, t);
      const key = JSON.stringify(view);
      if (key === last) return view;
      last = key;
      await api.setToolbar(view).catch(() => {});
      return view;
    },
  };
}
