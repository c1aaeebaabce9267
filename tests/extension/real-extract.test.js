// Every extractor against every real fixture of its page kind, field by field against the
// sidecar (tests/fixtures/real/<id>.json: the values a person reads on the page). A wrong value
// fails; a missing one is allowed per field but the found share must reach the target on each
// layout (the same evaluation prints the table of `npm run fidelity`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtures, evaluate, report, TARGET_FOUND, KINDS } from '../../scripts/fidelity.mjs';

const corpus = fixtures();

test('the corpus has fixtures of every page kind the extractors read, on both layouts', () => {
  const kinds = new Set(corpus.map((f) => f.sidecar.page_kind));
  for (const kind of ['linkedin-profile', 'linkedin-search', 'linkedin-connections']) assert.ok(kinds.has(kind), kind);
  const layouts = new Set(corpus.filter((f) => f.sidecar.page_kind === 'linkedin-profile').map((f) => f.sidecar.layout));
  assert.deepEqual([...layouts].sort(), ['classic', 'sdui']);
  assert.ok(corpus.every((f) => KINDS.includes(f.sidecar.page_kind)));
});

for (const f of corpus) {
  test(`${f.id} (${f.sidecar.page_kind}, ${f.sidecar.layout}, ${f.sidecar.lang}): no wrong value`, async (t) => {
    const results = evaluate(f);
    const fields = [...new Set(results.map((r) => r.field))];
    for (const field of fields) {
      await t.test(field, () => {
        const wrong = results.filter((r) => r.field === field && r.verdict === 'wrong').map((r) => ({ row: r.row, expected: r.expected, actual: r.actual }));
        assert.deepEqual(wrong, []);
      });
    }
  });
}

test(`found share on each layout reaches ${TARGET_FOUND * 100} % with 0 wrong`, () => {
  const r = report(corpus);
  for (const [layout, readable, right, missing, wrong] of r.totals) {
    assert.equal(wrong, 0, `${layout}: ${wrong} wrong`);
    assert.ok(readable === 0 || right / readable >= TARGET_FOUND, `${layout}: ${right}/${readable} found (${missing} missing)`);
  }
});
