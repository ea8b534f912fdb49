// Runs before install, build, serve and test. Written for any Node version (no modern syntax),
// so that an old Node reaches this message instead of a cryptic crash.
var required = [22, 12];
var parts = process.versions.node.split('.').map(Number);
var tooOld = parts[0] < required[0] || (parts[0] === required[0] && parts[1] < required[1]);
if (tooOld) {
  console.error(
    '\nThis project needs Node.js ' +
      required.join('.') +
      ' or newer; this is Node.js ' +
      process.versions.node +
      '.\n' +
      'Install Node.js 24 (the version in .nvmrc): `nvm install` or `fnm use` in this folder, ' +
      'or download it from https://nodejs.org/, then run the command again.\n',
  );
  process.exit(1);
}
