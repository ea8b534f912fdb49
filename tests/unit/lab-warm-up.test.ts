import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { labsRoot, listLabSlugs, loadLab } from '../../labs/kit/labs.ts';
import { loadFolder } from '../../labs/kit/load-folder.ts';
import { runChecks } from '../../labs/kit/run-checks.ts';

// The page's spare worker runs a lab's warm-up before the learner's run, in the same worker: a
// warm-up that left state behind would change the verdicts the learner reads.
for (const slug of await listLabSlugs()) {
  const lab = await loadLab(slug);
  if (!lab.warmUp) continue;
  describe(`${slug}: warming up changes no verdict`, () => {
    for (const folder of ['solution', 'starter']) {
      it(`the ${folder} gets the same report after the warm-up as before it`, async () => {
        const loaded = await loadFolder(join(labsRoot, slug, folder));
        if ('loadError' in loaded) throw new Error(loaded.loadError.message);
        const before = await runChecks(lab, loaded.modules, { seed: 7 });
        await lab.warmUp!();
        const after = await runChecks(lab, loaded.modules, { seed: 7 });
        assert.deepEqual(after, before);
      });
    }
  });
}
