// Builds the browser files of the program's own pages (run by Maven: npm run build).
//
//   node bygg.mjs [--ut <dir>] [--test-ut <dir>]
//
// --ut       where the pages' files go (Maven: target/classes/static/vendor, served as /vendor/…)
// --test-ut  where axe.min.js goes for the browser tests (Maven: target/test-classes/axe)
//
// Plain Node (no shell commands), so it runs the same on Linux, macOS and Windows.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { erstatninger } from './oversettelser.mjs';

const her = dirname(fileURLToPath(import.meta.url));

function argument(navn, standard) {
  const i = process.argv.indexOf(navn);
  if (i === -1) {
    return standard;
  }
  const verdi = process.argv[i + 1];
  if (!verdi || verdi.startsWith('--')) {
    throw new Error(`${navn} trenger en mappe`);
  }
  return resolve(verdi);
}

const ut = argument('--ut', join(her, '../../../target/classes/static/vendor'));
const testUt = argument('--test-ut', join(her, '../../../target/test-classes/axe'));

/** A file of a direct dependency (npm always puts those at the top of node_modules). */
function pakkefil(pakke, fil) {
  return join(her, 'node_modules', pakke, fil);
}

// Translates form-js while bundling; every snippet must still be there (see oversettelser.mjs).
const FORM_JS = /[\\/]@bpmn-io[\\/]form-js-viewer[\\/]dist[\\/]index\.es\.js$/;
let oversatt = false;
const oversettelse = {
  name: 'oversett-form-js',
  setup(bygg) {
    bygg.onLoad({ filter: FORM_JS }, (fil) => {
      let kilde = readFileSync(fil.path, 'utf8');
      const mangler = [];
      for (const { fra, til, antall = 1 } of erstatninger) {
        const funnet = kilde.split(fra).length - 1;
        if (funnet !== antall) {
          mangler.push(`  ${JSON.stringify(fra)}: ${funnet} treff, ventet ${antall}`);
          continue;
        }
        kilde = kilde.split(fra).join(til);
      }
      if (mangler.length) {
        return {
          errors: [{
            text: `Oversettelsen av form-js stemmer ikke lenger med ${fil.path}. Disse tekstbitene i `
              + `oversettelser.mjs ble ikke funnet slik de står der (har form-js endret seg?):\n${mangler.join('\n')}`
          }]
        };
      }
      oversatt = true;
      return { contents: kilde, loader: 'js' };
    });
  }
};

const resultat = await esbuild.build({
  absWorkingDir: her,
  entryPoints: { skjema: 'skjema/index.js' },
  outdir: ut,
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2020'],
  minify: true,
  sourcemap: 'linked',
  sourcesContent: false,
  legalComments: 'eof',
  charset: 'utf8',
  define: { 'process.env.NODE_ENV': '"production"' },
  plugins: [oversettelse],
  metafile: true,
  logLevel: 'warning'
}).catch(() => process.exit(1));

if (!oversatt) {
  console.error('form-js ble ikke oversatt: @bpmn-io/form-js-viewer/dist/index.es.js var ikke med i pakken. '
    + 'Sjekk filteret FORM_JS i bygg.mjs mot pakkens nye filer.');
  process.exit(1);
}

// bpmn-js as it is shipped: the navigated viewer needs only its script and two style sheets.
const bpmnUt = join(ut, 'bpmn-js');
mkdirSync(bpmnUt, { recursive: true });
for (const [fra, til] of [
  ['dist/bpmn-navigated-viewer.production.min.js', 'bpmn-navigated-viewer.production.min.js'],
  ['dist/assets/diagram-js.css', 'diagram-js.css'],
  ['dist/assets/bpmn-js.css', 'bpmn-js.css']
]) {
  copyFileSync(pakkefil('bpmn-js', fra), join(bpmnUt, til));
}

// The licences of everything that goes to the browser, next to the files.
const pakker = new Map([['bpmn-js', pakkefil('bpmn-js', '')]]);
for (const inn of Object.keys(resultat.metafile.inputs)) {
  const treff = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(inn.replace(/\\/g, '/'));
  if (treff) {
    pakker.set(treff[2], join(her, treff[1]));
  }
}
const lisenser = [...pakker.keys()].sort().map((pakke) => {
  const mappe = pakker.get(pakke);
  const { version, license } = JSON.parse(readFileSync(join(mappe, 'package.json'), 'utf8'));
  const fil = ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'license', 'LICENCE'].map((f) => join(mappe, f)).find(existsSync);
  return `${pakke} ${version} (${license})\n\n${fil ? readFileSync(fil, 'utf8').trim() : ''}\n`;
});
writeFileSync(join(ut, 'lisenser.txt'), lisenser.join('\n' + '-'.repeat(72) + '\n\n'));

// axe-core for the accessibility checks of the browser tests (never served to users).
mkdirSync(testUt, { recursive: true });
copyFileSync(pakkefil('axe-core', 'axe.min.js'), join(testUt, 'axe.min.js'));

console.log(`Nettleserfilene er bygget i ${ut} (axe.min.js i ${testUt}).`);
