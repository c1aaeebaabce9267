// Drives the fixture's Connect → Add a note → Send flow like a user would (real clicks and keys,
// the same in both browsers).
export async function openInviteWithNote(page, note) {
  await page.click('button[aria-label^="Invite "][aria-label$=" to connect"]');
  await page.click('[role="dialog"] button[aria-label="Add a note"]');
  await page.click('#custom-message');
  await page.keyboard.type(note);
  // The extension asks the host for a verdict 300 ms after the last keystroke.
  await page.waitForTimeout(1500);
}

export async function clickSend(page) {
  await page.click('[role="dialog"] button[aria-label="Send invitation"]');
}

export const sentByPage = (page) => page.evaluate(() => window.sentInvitations.length);
