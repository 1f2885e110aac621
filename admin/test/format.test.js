// Round trips of Pelita's post format: every admin post in the repository and
// hostile cases. Run with `npm test` (node --test); `make test` runs it too.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { SOURCE_KEY, createPelitaFormat, parsePost } from '../src/pelita-format.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCHEMA = {
  order: ['title', 'date', 'category', 'tags', 'slug', 'kecamatan', 'kelurahan', 'opd',
    'prestasi', 'penghargaan', 'pemberi', 'tingkat', 'penerima', 'tahun', 'bukti',
    'klaim', 'putusan', 'image', 'image_alt', 'summary'],
  spelling: { opd: 'OPD', image_alt: 'Image_alt' },
  lists: ['tags', 'kecamatan'],
  kinds: { Prestasi: 'prestasi', Klarifikasi: 'klarifikasi' },
};
const { fromFile, toFile } = createPelitaFormat(SCHEMA);

// The city's own posts and the demo's hand-written ones (demo/posts/): both
// are admin posts in Pelita's format.
function adminPosts() {
  return [join(ROOT, 'content', 'posts'), join(ROOT, 'demo', 'posts')].flatMap(folder =>
    readdirSync(folder, { recursive: true })
      .filter(name => name.endsWith('.md') && !name.endsWith('README.md'))
      .map(name => join(folder, name)));
}

function edit(text, changes) {
  return toFile({ ...fromFile(text), ...changes });
}

test('the repository has admin posts to round-trip', () => {
  assert.ok(adminPosts().length >= 10);
});

test('opening and saving every admin post changes no byte', () => {
  for (const path of adminPosts()) {
    const text = readFileSync(path, 'utf8');
    assert.equal(toFile(fromFile(text)), text, path);
  }
});

test('changing one field rewrites that line only, in every admin post', () => {
  for (const path of adminPosts()) {
    const text = readFileSync(path, 'utf8');
    const saved = edit(text, { title: 'Judul Baru' });
    const before = text.split('\n');
    const after = saved.split('\n');
    assert.equal(after.length, before.length, path);
    const changed = before.filter((line, i) => line !== after[i]);
    assert.equal(changed.length, 1, path);
    assert.match(changed[0], /^Title: /, path);
    assert.ok(after.includes('Title: Judul Baru'), path);
  }
});

test('fromFile reads keys in lower case, lists as lists, and the body', () => {
  const data = fromFile('Title: A\nTags: x, y ,z\nOPD: dlh\n\nIsi *tulisan*.\n');
  assert.equal(data.title, 'A');
  assert.deepEqual(data.tags, ['x', 'y', 'z']);
  assert.equal(data.opd, 'dlh');
  assert.equal(data.body, 'Isi *tulisan*.\n');
  assert.equal(data._jenis, 'kabar');
  assert.equal(fromFile("Category: Klarifikasi\n\nx")._jenis, "klarifikasi");
});

test('unknown keys, repeated keys, continuations and comments survive an edit', () => {
  const text = [
    'Title: Lama',
    'Date: 2025-01-02 10:00',
    'X-Catatan-Redaksi: jangan dihapus',
    'Ralat: 2025-01-03 — satu',
    'Ralat: 2025-01-04 — dua',
    'Summary: baris pertama',
    '    baris kedua',
    'Story: cerita-a',
    '',
    '<!-- komentar untuk redaksi -->',
    'Isi.',
    '',
  ].join('\n');
  const saved = edit(text, { title: 'Baru' });
  assert.equal(saved, text.replace('Title: Lama', 'Title: Baru'));
  assert.equal(toFile(fromFile(text)), text);
});

test('a changed multi-line value becomes one line; an unchanged one is kept', () => {
  const text = 'Title: A\nSummary: satu\n    dua\n\nIsi.\n';
  assert.equal(toFile(fromFile(text)), text);
  assert.equal(edit(text, { summary: 'tiga' }), 'Title: A\nSummary: tiga\n\nIsi.\n');
});

test('a list written another way is kept until its items change', () => {
  const text = 'Title: A\nTags: b,a\nKecamatan: Genuk,  Pedurungan\n\nIsi.\n';
  assert.equal(toFile(fromFile(text)), text);
  assert.equal(edit(text, { tags: ['b', 'a'] }), text);
  assert.equal(edit(text, { tags: ['b', 'c'] }), text.replace('Tags: b,a', 'Tags: b, c'));
});

test('a cleared field removes its line; a new field is inserted in order', () => {
  const text = 'Title: A\nDate: 2025-01-02 10:00\nOPD: dlh\nSummary: S\n\nIsi.\n';
  assert.equal(edit(text, { opd: null }), 'Title: A\nDate: 2025-01-02 10:00\nSummary: S\n\nIsi.\n');
  assert.equal(
    edit(text, { kecamatan: ['Tembalang'], image_alt: 'Foto' }),
    'Title: A\nDate: 2025-01-02 10:00\nKecamatan: Tembalang\nOPD: dlh\nImage_alt: Foto\nSummary: S\n\nIsi.\n',
  );
});

test('a new post is header lines in order, a blank line, then the body', () => {
  const saved = toFile({
    body: 'Isi tulisan.',
    summary: 'Ringkas.',
    title: 'Judul',
    category: 'Berita',
    date: '2025-08-14 10:00',
    opd: 'dlh',
    tags: ['a', 'b'],
    kelurahan: '',
    _jenis: 'kabar',
  });
  assert.equal(
    saved,
    'Title: Judul\nDate: 2025-08-14 10:00\nCategory: Berita\nTags: a, b\nOPD: dlh\n' +
      'Summary: Ringkas.\n\nIsi tulisan.\n',
  );
});

test('no value can add a header line or end the header', () => {
  const saved = toFile({
    title: 'Judul\nStatus: hidden',
    summary: 'a\r\n\r\nTemplate: x',
    tags: ['x\nSave_as: ../../index.html'],
    body: 'Isi',
  });
  const post = parsePost(saved);
  assert.deepEqual(
    post.entries.map(e => e.key),
    ['title', 'tags', 'summary'],
  );
  assert.equal(post.entries[0].value, 'Judul Status: hidden');
});

test('keys the editor does not own are never written', () => {
  const saved = toFile({ title: 'A', [SOURCE_KEY]: '', _jenis: 'kabar', 'bad key': 'x', body: 'b' });
  assert.equal(saved, 'Title: A\n\nb\n');
});

test('CRLF files, a BOM, a --- header and a missing final newline are kept', () => {
  const crlf = 'Title: A\r\nTags: x\r\n\r\nIsi.\r\nLagi.';
  assert.equal(toFile(fromFile(crlf)), crlf);
  assert.equal(edit(crlf, { tags: ['y'] }), 'Title: A\r\nTags: y\r\n\r\nIsi.\r\nLagi.');
  const bom = '\ufeffTitle: A\n\nIsi.\n';
  assert.equal(toFile(fromFile(bom)), bom);
  const dashed = '---\nTitle: A\n---\nIsi.\n';
  assert.equal(toFile(fromFile(dashed)), dashed);
  assert.equal(edit(dashed, { title: 'B' }), '---\nTitle: B\n---\nIsi.\n');
  const headerOnly = 'Title: A';
  assert.equal(toFile(fromFile(headerOnly)), headerOnly);
  assert.equal(edit(headerOnly, { body: 'Isi baru' }), 'Title: A\n\nIsi baru\n');
});

test('a stray line ends the header as Pelican reads it, and stays in the body', () => {
  const text = 'Title: A\nKecamatan Tembalang\nIsi.\n';
  const data = fromFile(text);
  assert.equal(data.kecamatan, undefined);
  assert.equal(data.body, 'Kecamatan Tembalang\nIsi.\n');
  assert.equal(toFile(data), text);
  assert.equal(edit(text, { opd: 'dlh' }), 'Title: A\nOPD: dlh\nKecamatan Tembalang\nIsi.\n');
});

test('an edited body is written with the file line endings; an unchanged one as it was', () => {
  const text = 'Title: A\n\nSatu\n\n\n';
  assert.equal(edit(text, { body: 'Satu\n' }), text);
  assert.equal(edit(text, { body: 'Dua' }), 'Title: A\n\nDua\n');
});

test('a header key named body or starting with _ is left alone', () => {
  const text = 'Title: A\nBody: x\n_private: y\n\nIsi.\n';
  const data = fromFile(text);
  assert.equal(data.body, 'Isi.\n');
  assert.equal(toFile({ ...data, title: 'B' }), text.replace('Title: A', 'Title: B'));
});
