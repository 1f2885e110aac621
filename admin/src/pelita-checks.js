/**
 * The checks an admin's post must pass before it is sent: required pairs
 * (kelurahan in its kecamatan, a photo with its description), placeholders
 * left from the scaffold, and the privacy rules of `invoke check` (NIK/KK
 * numbers, private phone numbers and e-mail addresses).
 *
 * The rules are data exported by the check itself (pelita-editor.json,
 * `rules`); this module only runs them. Pure: the browser and Node's tests
 * use it alike.
 */

const regex = ({ source, flags }, extra = '') => new RegExp(source, flags + extra);

/** Turn the exported rule data into ready regular expressions. */
export function compileRules(rules) {
  return {
    ...rules,
    nikCandidate: regex(rules.nik.candidate, 'g'),
    nikLabel: regex(rules.nik.label),
    phonePattern: regex(rules.phone.pattern, 'g'),
    emailPattern: regex(rules.email.pattern, 'g'),
    placeholderPattern: regex(rules.placeholder),
    provinces: new Set(rules.nik.provinces),
    phones: new Set(rules.contacts.phones),
    emails: new Set(rules.contacts.emails),
  };
}

function isPlausibleNik(digits, rules) {
  if (!/^\d{16}$/.test(digits)) return false;
  const province = Number(digits.slice(0, 2));
  const regency = Number(digits.slice(2, 4));
  const district = Number(digits.slice(4, 6));
  if (!rules.provinces.has(province) || regency === 0 || district === 0) return false;
  let day = Number(digits.slice(6, 8));
  const month = Number(digits.slice(8, 10));
  if (day > rules.nik.femaleDayOffset) day -= rules.nik.femaleDayOffset;
  const date = new Date(Date.UTC(2000, month - 1, day)); // 2000: 29 February exists
  if (month < 1 || month > 12 || day < 1 || date.getUTCDate() !== day) return false;
  return digits.slice(12) !== '0000';
}

/** Digits of an Indonesian number in national form: +62 812… -> 0812…. */
export function nationalPhone(number) {
  let digits = number.replace(/\D/g, '');
  if (digits.startsWith('62')) digits = `0${digits.slice(2)}`;
  return digits;
}

function allowsEmail(address, rules) {
  const lower = address.toLowerCase();
  const domain = lower.slice(lower.lastIndexOf('@') + 1);
  return rules.emails.has(lower) || rules.contacts.domains.some(d => domain === d || domain.endsWith(`.${d}`));
}

const fill = (template, shown) => template.replace('{shown}', shown);

/** Privacy problems in one piece of text: `{code, message}` each. */
export function privacyProblems(text, rules) {
  const found = [];
  if (!/\d{3}/.test(text) && !text.includes('@')) return found;
  for (const match of text.matchAll(rules.nikCandidate)) {
    const digits = match[1].replace(/\D/g, '');
    const before = text.slice(Math.max(0, match.index - rules.nik.labelWindow), match.index);
    if (isPlausibleNik(digits, rules) || rules.nikLabel.test(before)) {
      const shown = digits.slice(0, 6) + '•'.repeat(digits.length - 6);
      found.push({ code: 'nik', message: `${fill(rules.nik.message, shown)}: ${rules.nik.suggestion}` });
    }
  }
  for (const match of text.matchAll(rules.phonePattern)) {
    const digits = nationalPhone(match[0]);
    if (digits.length < rules.phone.minDigits || digits.length > rules.phone.maxDigits) continue;
    if (rules.phones.has(digits)) continue;
    const shown = digits.slice(0, 4) + '•'.repeat(digits.length - 7) + digits.slice(-3);
    found.push({ code: 'telepon', message: `${fill(rules.phone.message, shown)}: ${rules.phone.suggestion}` });
  }
  if (text.includes('@')) {
    for (const match of text.matchAll(rules.emailPattern)) {
      const address = match[0];
      const suffix = address.slice(address.lastIndexOf('.') + 1).toLowerCase();
      if (allowsEmail(address, rules) || rules.email.fileSuffixes.includes(suffix)) continue;
      const at = address.indexOf('@');
      found.push({
        code: 'email',
        message: fill(rules.email.message, `${address[0]}•••@${address.slice(at + 1)}`),
      });
    }
  }
  return found;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const INLINE_CODE = /(`+)(?!`).+?(?<!`)\1(?!`)/g;

/** Body lines without code (fenced blocks, inline code), as the check reads prose. */
export function proseOf(body) {
  const lines = [];
  let fence = null;
  for (const line of String(body || '').split('\n')) {
    const opening = FENCE.exec(line);
    if (fence === null && opening) {
      fence = opening[1][0].repeat(opening[1].length);
      continue;
    }
    if (fence !== null) {
      if (line.trim().startsWith(fence)) fence = null;
      continue;
    }
    lines.push(line.replace(INLINE_CODE, m => ' '.repeat(m.length)));
  }
  return lines;
}

const asList = value => {
  const plain = value && typeof value.toJS === 'function' ? value.toJS() : value;
  if (Array.isArray(plain)) return plain.map(String).filter(Boolean);
  return plain ? String(plain).split(',').map(s => s.trim()).filter(Boolean) : [];
};
const asText = value => {
  const plain = value && typeof value.toJS === 'function' ? value.toJS() : value;
  return Array.isArray(plain) ? plain.join(', ') : String(plain ?? '');
};

const PREFIXES = /^(?:kecamatan|kelurahan|kec|kel|desa|kota|kabupaten|kab)\.?\s+/i;

/** registries.normalize_name: "KEC. Gunung  Pati" and "gunungpati" are one key. */
export function normalizeName(value) {
  const text = String(value ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .trim()
    .replace(PREFIXES, '');
  return text.toLowerCase().replace(/[^0-9a-z]+/g, '');
}

/** The official kecamatan names of a field's value (any known spelling). */
export function officialKecamatan(value, wilayah) {
  return asList(value).map(name => wilayah.kecamatanKeys[normalizeName(name)] || name);
}

/** The kelurahan problem of a kecamatan/kelurahan pair, or null. */
export function wilayahProblem(kecamatan, kelurahan, wilayah) {
  const name = asText(kelurahan).trim();
  if (!name) return null;
  const chosen = officialKecamatan(kecamatan, wilayah);
  const places = wilayah.kelurahanKeys[normalizeName(name)] || [];
  if (!places.length) {
    return `Kelurahan ${name} tidak dikenal: pilih dari daftar kelurahan`;
  }
  if (!chosen.length) {
    return `Kelurahan ${name} dipilih tanpa kecamatan: pilih kecamatannya dulu`;
  }
  if (places.some(([, kec]) => chosen.includes(kec))) return null;
  const home = [...new Set(places.map(([, kec]) => kec))];
  return (
    `Kelurahan ${name} tidak berada di Kecamatan ${chosen.join(', ')}` +
    ` (ia di Kecamatan ${home.join(' atau ')})` +
    ': pilih kelurahan lain atau ganti kecamatannya'
  );
}

/**
 * Every problem of an entry's data, `{field, label, message}` each, in form
 * order. `labels` maps a field name to the label the form shows.
 */
export function entryProblems(data, { rules, wilayah, labels = {} }) {
  const problems = [];
  const add = (field, message) => problems.push({ field, label: labels[field] || field, message });
  const pair = wilayahProblem(data.kecamatan, data.kelurahan, wilayah);
  if (pair) add('kelurahan', pair);
  if (asText(data.image).trim() && !asText(data.image_alt).trim()) {
    add('image_alt', 'Foto tanpa keterangan: tulis apa yang tampak di foto');
  }
  for (const [field, value] of Object.entries(data)) {
    if (field.startsWith('_') || rules.notProse.includes(field)) continue;
    const lines = field === 'body' ? proseOf(value) : [asText(value)];
    for (const line of lines) {
      if (rules.placeholderPattern.test(line)) {
        add(field, 'Masih ada teks contoh [[…]]: ganti dengan isi tulisan Anda');
      }
      for (const found of privacyProblems(line, rules)) add(field, found.message);
    }
  }
  const seen = new Set();
  return problems.filter(p => {
    const key = `${p.field}\n${p.message}`;
    return seen.has(key) ? false : seen.add(key);
  });
}
