// Drives the fixture's Connect → Add a note → Send flow like a user would.
export async function openInviteWithNote(page, note) {
  await page.getByRole('button', { name: /^Invite .* to connect$/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Add a note' }).click();
  await page.locator('#custom-message').fill(note);
  // The extension asks the host for a verdict 300 ms after the last keystroke.
  await page.waitForTimeout(1500);
}

export async function clickSend(page) {
  await page.getByRole('dialog').getByRole('button', { name: 'Send invitation' }).click();
}

export const sentByPage = (page) => page.evaluate(() => window.sentInvitations.length);
