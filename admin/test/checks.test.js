// The editor's checks before saving: pairs, photo descriptions, placeholders,
// code left alone. The privacy rules' agreement with `invoke check` is tested
// from Python (tests/editor/test_config.py) with the real rule data.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  compileRules,
  entryProblems,
  normalizeName,
  proseOf,
  wilayahProblem,
} from '../src/pelita-checks.js';

const WILAYAH = {
  kecamatan: ['Tembalang', 'Gunungpati', 'Semarang Utara'],
  kelurahan: {
    Tembalang: ['Meteseh', 'Tembalang'],
    Gunungpati: ['Sekaran'],
    'Semarang Utara': ['Tanjung Mas'],
  },
  kecamatanKeys: { tembalang: 'Tembalang', gunungpati: 'Gunungpati', semarangutara: 'Semarang Utara' },
  kelurahanKeys: {
    meteseh: [['Meteseh', 'Tembalang']],
    tembalang: [['Tembalang', 'Tembalang']],
    sekaran: [['Sekaran', 'Gunungpati']],
    tanjungmas: [['Tanjung Mas', 'Semarang Utara']],
  },
};
const pattern = source => ({ source, flags: '' });
const RULES = compileRules({
  nik: { candidate: pattern('(\\d{16})'), label: pattern('nik'), labelWindow: 30, provinces: [33],
    femaleDayOffset: 40, message: 'NIK {shown}', suggestion: 'hapus' },
  phone: { pattern: pattern('08\\d{8,11}'), minDigits: 10, maxDigits: 13, message: 'HP {shown}', suggestion: 'hapus' },
  email: { pattern: pattern('\\S+@\\S+\\.\\w+'), fileSuffixes: ['png'], message: 'Email {shown}' },
  contacts: { phones: ['08219999614'], emails: [], domains: ['semarangkota.go.id'] },
  notProse: ['date', 'image', 'slug'],
  placeholder: pattern('\\[\\[.*?\\]\\]'),
});
const context = { rules: RULES, wilayah: WILAYAH };

test('names fold as the registries fold them', () => {
  assert.equal(normalizeName('KEC. Gunung  Pati'), 'gunungpati');
  assert.equal(normalizeName('Tanjung-Mas'), 'tanjungmas');
});

test('a kelurahan must lie in a chosen kecamatan, in any known spelling', () => {
  assert.equal(wilayahProblem(['Tembalang'], 'Meteseh', WILAYAH), null);
  assert.equal(wilayahProblem('kec. tembalang', 'meteseh', WILAYAH), null);
  assert.equal(wilayahProblem(['Semarang Utara'], 'Tanjungmas', WILAYAH), null);
  assert.equal(wilayahProblem([], '', WILAYAH), null);
  assert.match(wilayahProblem(['Gunungpati'], 'Meteseh', WILAYAH), /tidak berada di Kecamatan Gunungpati \(ia di Kecamatan Tembalang\)/);
  assert.match(wilayahProblem([], 'Meteseh', WILAYAH), /tanpa kecamatan/);
  assert.match(wilayahProblem(['Tembalang'], 'Atlantis', WILAYAH), /tidak dikenal/);
});

test('a photo needs its description; scaffold placeholders must go', () => {
  const found = entryProblems(
    { title: 'A', image: 'images/2026/a/foto.jpg', image_alt: ' ', body: 'Isi [[contoh]].' },
    { ...context, labels: { image_alt: 'Keterangan foto', body: 'Isi tulisan' } },
  );
  assert.deepEqual(found.map(p => [p.label, p.message.split(':')[0]]), [
    ['Keterangan foto', 'Foto tanpa keterangan'],
    ['Isi tulisan', 'Masih ada teks contoh [[…]]'],
  ]);
});

test('private numbers are found in any text field, official ones and code are not', () => {
  const found = entryProblems(
    {
      summary: 'Hubungi 081234567890.',
      tags: ['08123456789'],
      body: 'Savira 08219999614.\n\n```\n081234567890\n```\n\nKode `081234567890`.',
      slug: '081234567890',
      _pelita_source: 'Summary: 081234567890',
    },
    context,
  );
  assert.deepEqual(found.map(p => p.field), ['summary', 'tags']);
});

test('prose leaves out fenced and inline code, as the check reads it', () => {
  assert.deepEqual(proseOf('a\n~~~\nb\n~~~\nc `d` e'), ['a', 'c     e']);
});
