/**
 * Pelita's web editor: Decap CMS with Pelita's forms (generated at build time
 * into pelita-editor.json), post format, Indonesian interface, widgets,
 * checks, photo limits and a preview in the site's own style.
 */
import { compileRules, entryProblems } from './pelita-checks.js';
import { createPelitaFormat } from './pelita-format.js';
import { id } from './pelita-locale-id.js';
import { limitPhotoSize, refuseUnsafeUploads } from './pelita-photos.js';
import { previewTemplate } from './pelita-preview.js';
import { registerWidgets } from './pelita-widgets.js';

// The few dialogs Decap writes in English without its locale.
const DIALOGS = [
  [/^(.+) already exists\. Do you want to replace it\?$/s, name => `Foto ${name} sudah ada. Ganti dengan yang baru?`],
];

function translateDialogs() {
  for (const method of ['confirm', 'alert']) {
    const original = window[method].bind(window);
    window[method] = message => {
      for (const [pattern, wording] of DIALOGS) {
        const match = pattern.exec(String(message));
        if (match) return original(wording(match[1]));
      }
      return original(message);
    };
  }
}

// On a phone the form takes the whole screen; the eye button still shows the
// preview. An admin's own choice (kept by Decap) wins.
const PHONE = window.matchMedia('(max-width: 799px)');
const RIGHT_PANE = 'cms.right-pane';

function phoneLayout() {
  document.documentElement.classList.toggle('pelita-phone', PHONE.matches);
  if (PHONE.matches && localStorage.getItem(RIGHT_PANE) === null) {
    localStorage.setItem(RIGHT_PANE, 'none');
  }
}

async function start() {
  const response = await fetch('pelita-editor.json', { cache: 'no-cache' });
  const data = await response.json();
  const CMS = window.CMS;
  const context = { rules: compileRules(data.rules), wilayah: data.wilayah };

  translateDialogs();
  phoneLayout();
  limitPhotoSize(data.photos.maxSide);
  refuseUnsafeUploads(data.photos.maxBytes);
  CMS.registerLocale('id', id);
  CMS.registerCustomFormat('pelita', 'md', createPelitaFormat(data.schema));
  registerWidgets(CMS, data, context);
  for (const href of data.site.stylesheets) CMS.registerPreviewStyle(href);
  const template = previewTemplate(data);
  for (const collection of data.cms.collections) {
    CMS.registerPreviewTemplate(collection.name, template);
  }
  // The last gate: whatever the form let through, the checks run on save.
  CMS.registerEventListener({
    name: 'preSave',
    handler: ({ entry }) => {
      const problems = entryProblems(entry.get('data').toJS(), context);
      if (problems.length) {
        throw new Error(problems.map(p => `${p.label}: ${p.message}`).join('; '));
      }
      return undefined;
    },
  });
  document.documentElement.lang = 'id';
  // The local backend (`invoke admin`) shares the page's origin.
  const local = data.cms.local_backend;
  if (local) local.url = new URL(local.url, window.location.origin).href;
  CMS.init({ config: data.cms });
}

start();
