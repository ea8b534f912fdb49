// Runs before install, build, serve and test. Written for any Node version (no modern syntax),
// so that an old Node reaches this message instead of a cryptic crash.

// The oldest minor of each release line that runs the project: Astro needs 22.12, and the
// project's own scripts (npm test, npm run lab, pack, bench) are TypeScript files that Node runs
// without a flag only from 22.18 and, on the 23 line, from 23.6.
var oldestMinor = { 22: 18, 23: 6 };

function tooOld(version) {
  var parts = version.split('.').map(Number);
  if (parts[0] < 22) return true;
  return oldestMinor[parts[0]] !== undefined && parts[1] < oldestMinor[parts[0]];
}

if (require.main === module && tooOld(process.versions.node)) {
  console.error(
    '\nThis project needs Node.js 22.18 or newer; this is Node.js ' +
      process.versions.node +
      '.\n' +
      'Install Node.js 24 (the version in .nvmrc): `nvm install` or `fnm use` in this folder, ' +
      'or download it from https://nodejs.org/, then run the command again.\n',
  );
  process.exit(1);
}

module.exports = { tooOld: tooOld };
